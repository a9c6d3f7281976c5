"""`marketplace expire-certificates`: the daily run for certificates (e.g. from cron).

Writes down as expired the verified certificates whose time has come and refreshes the search
texts of their products (shoppers stop seeing an expired certificate at its expiry instant in any
case), then emails booths whose certificates expire within 60 or 14 days.
"""

from django.core.management.base import BaseCommand

from marketplace.certifications import services


class Command(BaseCommand):
    help = "Mark expired certificates and remind booths 60 and 14 days before expiry."

    def handle(self, *args, **options) -> None:
        expired = services.expire_certificates()
        reminded = services.send_expiry_reminders()
        self.stdout.write(
            f"{len(expired)} certificate(s) expired, {reminded} expiry reminder(s) sent."
        )
