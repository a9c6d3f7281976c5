"""`marketplace import-catalog`: import a booth's products from a spreadsheet, or write the
template.

    marketplace import-catalog --booth SLUG FILE [--images DIR|ZIP] [--dry-run] [--skip-invalid]
                               [--delete-missing] [--report FILE.csv|FILE.xlsx] [--lang vi|en]
    marketplace import-catalog --write-template FILE.xlsx|FILE.csv [--lang vi|en]

Runs as the operator: no user, no permission check. The exit status is 0 only when no row was
invalid, 1 when some were, 2 when the file could not be imported at all.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from catalog_import.errors import ImportRejected, Severity
from catalog_import.report import write_report
from catalog_import.services import ImportResult, run_import
from catalog_import.template import write_template
from vendors.models import Booth

# How many problems the console shows; the report file holds them all.
SHOWN_PROBLEMS = 50


class Command(BaseCommand):
    help = (
        "Import a booth's products from an XLSX or CSV sheet (upsert by SKU), or write the "
        "import template with --write-template."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="The sheet to import (.xlsx or .csv).")
        parser.add_argument("--booth", metavar="SLUG", help="Slug of the booth to import into.")
        parser.add_argument(
            "--images", metavar="DIR|ZIP", help="Folder or ZIP holding the photos the sheet names."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, write nothing."
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Write the valid rows even when some rows are invalid.",
        )
        parser.add_argument(
            "--delete-missing",
            action="store_true",
            help="Delete the booth's products none of whose SKUs is in the file.",
        )
        parser.add_argument(
            "--report", metavar="FILE", help="Write every problem to FILE (.csv or .xlsx)."
        )
        parser.add_argument(
            "--write-template",
            metavar="FILE",
            help="Write the import template (.xlsx or .csv) and stop.",
        )
        parser.add_argument(
            "--lang",
            choices=("vi", "en"),
            help="Language of the template headers and of the messages (default: vi).",
        )

    def handle(self, *args, **options) -> None:
        language = options["lang"] or settings.LANGUAGE_CODE
        with translation.override(language):
            if options["write_template"]:
                self._write_template(options["write_template"], language)
                return
            self._import(options)

    def _write_template(self, path: str, language: str) -> None:
        if Path(path).suffix.lower() not in {".xlsx", ".csv"}:
            raise CommandError(_("Name the template FILE.xlsx or FILE.csv."), returncode=2)
        write_template(path, language=language)
        self.stdout.write(_("Template written to %(path)s.") % {"path": path})

    def _import(self, options: dict) -> None:
        if not options["file"] or not options["booth"]:
            raise CommandError(
                _("Give --booth SLUG and the FILE to import (or --write-template FILE)."),
                returncode=2,
            )
        booth = Booth.objects.filter(slug=options["booth"]).first()
        if booth is None:
            raise CommandError(
                _("There is no booth “%(slug)s”.") % {"slug": options["booth"]}, returncode=2
            )
        if options["report"] and Path(options["report"]).suffix.lower() not in {".csv", ".xlsx"}:
            raise CommandError(_("Name the report FILE.csv or FILE.xlsx."), returncode=2)
        progress = _ProgressBar(self.stderr, enabled=options["verbosity"] > 0)
        started = time.monotonic()
        try:
            result = run_import(
                booth=booth,
                file=options["file"],
                images=options["images"],
                dry_run=options["dry_run"],
                skip_invalid=options["skip_invalid"],
                delete_missing=options["delete_missing"],
                on_progress=progress,
            )
        except ImportRejected as error:
            progress.finish()
            raise CommandError(error.message, returncode=2) from error
        except FileNotFoundError as error:
            progress.finish()
            raise CommandError(
                _("There is no file “%(path)s”.") % {"path": error.filename}, returncode=2
            ) from error
        progress.finish()
        if options["report"]:
            write_report(result.problems, options["report"])
        self._print(result, booth, time.monotonic() - started, options)
        if not result.ok:
            raise CommandError(
                _("%(count)s rows are invalid.") % {"count": result.invalid}, returncode=1
            )

    def _print(self, result: ImportResult, booth: Booth, seconds: float, options: dict) -> None:
        verbose = options["verbosity"] > 1
        shown = [p for p in result.problems if p.severity != Severity.INFO or verbose]
        for problem in shown[:SHOWN_PROBLEMS]:
            where = _("row %(row)s") % {"row": problem.row} if problem.row else _("file")
            column = f", {problem.column}" if problem.column else ""
            style = self.style.ERROR if problem.severity == Severity.ERROR else self.style.WARNING
            self.stdout.write(style(f"{where}{column}: {problem.message}"))
        if len(shown) > SHOWN_PROBLEMS:
            self.stdout.write(
                _("… and %(count)s more problems (see --report).")
                % {"count": len(shown) - SHOWN_PROBLEMS}
            )
        summary = _(
            "%(booth)s: %(rows)s rows in %(seconds).1f s. Created: %(created)s, updated: "
            "%(updated)s, unchanged: %(unchanged)s, invalid: %(invalid)s, deleted: %(deleted)s."
        ) % {
            "booth": booth.name,
            "rows": result.rows,
            "seconds": seconds,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "invalid": result.invalid,
            "deleted": result.deleted,
        }
        self.stdout.write(self.style.SUCCESS(summary) if result.ok else summary)
        if not result.ok and not options["skip_invalid"]:
            self.stdout.write(
                _(
                    "Nothing was written because some rows are invalid. Fix them, or use "
                    "--skip-invalid to write the valid rows."
                )
            )
        elif result.dry_run:
            self.stdout.write(_("Dry run: nothing was written."))


class _ProgressBar:
    """A progress bar on the console's error stream, drawn only on a terminal."""

    WIDTH = 30

    def __init__(self, stream, *, enabled: bool):
        self.stream = stream
        self.enabled = enabled and getattr(stream, "isatty", lambda: False)()
        self.drawn = False

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        if phase == "check":
            line = _("Checking rows: %(done)s") % {"done": f"{done:,}"}
        else:
            filled = self.WIDTH * done // max(total or 1, 1)
            bar = "█" * filled + "·" * (self.WIDTH - filled)
            line = _("Writing [%(bar)s] %(done)s/%(total)s") % {
                "bar": bar,
                "done": f"{done:,}",
                "total": f"{total or 0:,}",
            }
        self.stream.write(f"\r{line}\033[K", style_func=str, ending="")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("", style_func=str, ending="\n")
            self.drawn = False
