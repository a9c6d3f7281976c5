"""`marketplace import-catalog-worker`: run the import jobs uploaded through the API or the
portal, when they do not run inline (setting `CATALOG_IMPORT_INLINE = False`)."""

import time

from django.core.management.base import BaseCommand, CommandParser

from catalog_import.services import run_waiting_import_jobs


class Command(BaseCommand):
    help = "Run waiting catalog import jobs, once or (with --loop) as they arrive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--loop", action="store_true", help="Keep running, looking for jobs every few seconds."
        )
        parser.add_argument(
            "--interval", type=float, default=5.0, help="Seconds between looks (with --loop)."
        )

    def handle(self, *args, loop: bool, interval: float, **options) -> None:
        while True:
            count = run_waiting_import_jobs()
            if count and options["verbosity"] > 0:
                self.stdout.write(f"Ran {count} import job(s).")
            if not loop:
                return
            if not count:
                time.sleep(interval)
