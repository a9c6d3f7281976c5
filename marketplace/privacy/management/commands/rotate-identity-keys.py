"""Re-encrypt every producer identity with the current key, so that old keys can be removed.

Rotation: generate a key (`--new-key`), put it first in PRODUCER_IDENTITY_KEYS keeping the old ones
after it, run this command, then remove the old keys. Running it again changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from marketplace.privacy import crypto
from marketplace.privacy.models import ProducerIdentity

BATCH = 200


class Command(BaseCommand):
    help = "Re-encrypt every producer identity with the current key (the first listed); idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--new-key",
            action="store_true",
            help="Print a fresh key to put first in PRODUCER_IDENTITY_KEYS, and do nothing else.",
        )

    def handle(self, *args, new_key: bool = False, **options):
        if new_key:
            self.stdout.write(crypto.new_key())
            return
        try:
            crypto.encrypt("check")
        except crypto.EncryptionNotConfigured as error:
            raise CommandError(error.message) from None
        if crypto.uses_development_key():
            self.stderr.write("Using the development key derived from SECRET_KEY (DEBUG).")
        rotated = current = unreadable = 0
        pks = list(ProducerIdentity.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            with transaction.atomic():
                identities = ProducerIdentity.objects.select_for_update().filter(
                    pk__in=pks[start : start + BATCH]
                )
                for identity in identities:
                    outcome = self._rotate(identity)
                    rotated += outcome == "rotated"
                    current += outcome == "current"
                    unreadable += outcome == "unreadable"
        self.stdout.write(
            f"Identities: {len(pks)}; re-encrypted with the current key: {rotated}; "
            f"already under it: {current}; unreadable with the configured keys: {unreadable}."
        )
        if unreadable:
            raise CommandError(
                f"{unreadable} identities could not be decrypted with any configured key: put the "
                "key they were written with back into PRODUCER_IDENTITY_KEYS and run again."
            )

    @staticmethod
    def _rotate(identity: ProducerIdentity) -> str:
        columns = list(ProducerIdentity.ENCRYPTED_FIELDS.values())
        stale = [name for name in columns if not crypto.is_current(getattr(identity, name))]
        if not stale:
            return "current"
        try:
            for name in stale:
                setattr(identity, name, crypto.reencrypt(getattr(identity, name)))
        except crypto.IdentityUnreadable:
            return "unreadable"
        # Not a change of identity: `updated_at` stays as it was.
        identity.save(update_fields=stale)
        return "rotated"
