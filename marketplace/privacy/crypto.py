"""Encryption at rest of producers' private identity: Fernet tokens under keys from the environment.

`PRODUCER_IDENTITY_KEYS` lists Fernet keys, comma-separated, the current key first. New values are
encrypted with the current key and every listed key can decrypt, so a key is rotated by putting a
new key first, running `marketplace rotate-identity-keys` (which re-encrypts every identity under
it) and then removing the old key.

Without keys, a development key is derived from SECRET_KEY when DEBUG (or the setting
PRODUCER_IDENTITY_DEVELOPMENT_KEY) is on. A production deployment without keys refuses to store or
read identities, with a message saying what to set, rather than protect them with a guessable key.

Nothing here puts a plain value or a key into an exception, a log line or a repr.
"""

import base64
from enum import StrEnum
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError

KEYS_SETTING = "PRODUCER_IDENTITY_KEYS"


class IdentityCryptoErrorCode(StrEnum):
    ENCRYPTION_NOT_CONFIGURED = "ENCRYPTION_NOT_CONFIGURED"
    IDENTITY_UNREADABLE = "IDENTITY_UNREADABLE"


class EncryptionNotConfigured(DomainError):
    """No usable key: identities can be neither stored nor read."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or _(
                "Producer identities cannot be stored or read: the server has no encryption key. "
                "An administrator must set PRODUCER_IDENTITY_KEYS (a key is printed by "
                "`marketplace rotate-identity-keys --new-key`)."
            ),
            code=IdentityCryptoErrorCode.ENCRYPTION_NOT_CONFIGURED,
        )


class IdentityUnreadable(DomainError):
    """A stored value that none of the configured keys decrypts (a key was removed too early)."""

    def __init__(self):
        super().__init__(
            _(
                "A stored identity cannot be decrypted with the configured keys. Put the key it "
                "was written with back into PRODUCER_IDENTITY_KEYS."
            ),
            code=IdentityCryptoErrorCode.IDENTITY_UNREADABLE,
        )


def configured_keys() -> list[str]:
    """The keys from settings, current first (a comma-separated string is accepted too)."""
    keys = getattr(settings, KEYS_SETTING, None) or []
    if isinstance(keys, str):
        keys = keys.split(",")
    return [key.strip() for key in keys if key and key.strip()]


def development_key_allowed() -> bool:
    return bool(settings.DEBUG or getattr(settings, "PRODUCER_IDENTITY_DEVELOPMENT_KEY", False))


def development_key() -> str:
    """A key derived from SECRET_KEY: stable for one checkout, never for production."""
    digest = salted_hmac(
        "marketplace.privacy.development-identity-key", "fernet", algorithm="sha256"
    ).digest()
    return base64.urlsafe_b64encode(digest).decode()


def uses_development_key() -> bool:
    return not configured_keys() and development_key_allowed()


def invalid_keys() -> list[int]:
    """Positions (1-based) of configured values that are not Fernet keys."""
    positions = []
    for position, key in enumerate(configured_keys(), start=1):
        try:
            Fernet(key.encode())
        except (ValueError, TypeError):
            positions.append(position)
    return positions


def _keys() -> tuple[str, ...]:
    keys = configured_keys()
    if not keys:
        if not development_key_allowed():
            raise EncryptionNotConfigured()
        keys = [development_key()]
    return tuple(keys)


@lru_cache(maxsize=8)
def _fernets(keys: tuple[str, ...]) -> tuple[Fernet, MultiFernet]:
    try:
        fernets = [Fernet(key.encode()) for key in keys]
    except (ValueError, TypeError) as error:
        raise EncryptionNotConfigured(
            _(
                "PRODUCER_IDENTITY_KEYS holds a value that is not a Fernet key: producer "
                "identities cannot be stored or read until it is corrected."
            )
        ) from error
    return fernets[0], MultiFernet(fernets)


def encrypt(value: str) -> str:
    """The Fernet token of `value` under the current key; "" stays "" (nothing to hide)."""
    if not value:
        return ""
    _current, every = _fernets(_keys())
    return every.encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    """The plain value of `token`, decrypted with any configured key."""
    if not token:
        return ""
    _current, every = _fernets(_keys())
    try:
        return every.decrypt(token.encode()).decode()
    except InvalidToken:
        raise IdentityUnreadable() from None


def is_current(token: str) -> bool:
    """Whether `token` is encrypted with the current (first) key."""
    if not token:
        return True
    current, _every = _fernets(_keys())
    try:
        current.decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def reencrypt(token: str) -> str:
    """`token` encrypted again under the current key (its original timestamp is kept)."""
    if not token:
        return ""
    _current, every = _fernets(_keys())
    try:
        return every.rotate(token.encode()).decode()
    except InvalidToken:
        raise IdentityUnreadable() from None


def new_key() -> str:
    """A fresh random key, to put first in PRODUCER_IDENTITY_KEYS."""
    return Fernet.generate_key().decode()
