from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "marketplace.privacy"
    label = "privacy"
    verbose_name = _("Producer privacy")

    def ready(self) -> None:
        checks.register(check_identity_keys, checks.Tags.security)


def check_identity_keys(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Malformed keys stop the server; missing keys in production are reported at start-up, and
    identity writes are refused until they are set."""
    from marketplace.privacy import crypto

    bad = crypto.invalid_keys()
    if bad:
        return [
            checks.Error(
                "PRODUCER_IDENTITY_KEYS holds values that are not Fernet keys "
                f"(positions {', '.join(map(str, bad))}).",
                hint="Each key is 32 url-safe base64-encoded bytes, as printed by "
                "`marketplace rotate-identity-keys --new-key`.",
                id="privacy.E001",
            )
        ]
    if not crypto.configured_keys() and not crypto.development_key_allowed():
        return [
            checks.Warning(
                "PRODUCER_IDENTITY_KEYS is not set: producer identities can be neither stored "
                "nor read.",
                hint="Generate a key with `marketplace rotate-identity-keys --new-key` and set "
                "PRODUCER_IDENTITY_KEYS to it.",
                id="privacy.W001",
            )
        ]
    return []
