"""Running catalog imports: the service behind the console command, the API and the portal.

`run_import` checks every row first and writes nothing when a row is invalid (unless
`skip_invalid`), then reads the sheet again and writes it in chunks inside one transaction.
`create_import_job` records an upload as an `ImportJob` and runs it inline in the embedded set-up
(or leaves it for `marketplace import-catalog-worker`); `run_import_job` runs one.
"""

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.files import File
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import ProtectedError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalog_import import cells
from catalog_import.columns import Col
from catalog_import.errors import CatalogImportErrorCode as Code
from catalog_import.errors import ImportRejected, Problem, Severity
from catalog_import.images import open_images
from catalog_import.models import ImportJob, ImportJobStatus
from catalog_import.readers import Sheet, open_sheet
from catalog_import.upsert import CatalogWriter
from catalog_import.validation import ProductRow, RowValidator
from marketplace.catalog.models import Product, ProductVariant
from marketplace.channels.selectors import ChannelNotFound, get_channel
from marketplace.core.db import ensure_planner_statistics
from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, NotAllowed, authorize, booths_of, can
from vendors.models import Booth

logger = logging.getLogger(__name__)

CHUNK_SIZE = 1000
# Sheets up to this many rows keep their checked rows for writing; larger ones are read and
# checked again while writing, so that memory stays flat however long the sheet.
KEEP_CHECKED_ROWS = 20_000
SHEET_EXTENSIONS = (".xlsx", ".xlsm", ".csv", ".txt", ".tsv")

# phase ("check" or "write"), rows done, rows in all (known once every row has been checked)
Progress = Callable[[str, int, int | None], None]


def max_file_bytes() -> int:
    return getattr(settings, "CATALOG_IMPORT_MAX_FILE_BYTES", 64 * 1024 * 1024)


def max_images_bytes() -> int:
    return getattr(settings, "CATALOG_IMPORT_MAX_IMAGES_BYTES", 512 * 1024 * 1024)


def max_rows() -> int:
    return getattr(settings, "CATALOG_IMPORT_MAX_ROWS", 200_000)


@dataclass
class ImportResult:
    """What an import did (or, in a dry run, would do), with every problem found."""

    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    deleted: int = 0
    written: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no row was invalid."""
        return self.invalid == 0


def run_import(
    *,
    booth: Booth,
    file: str | Path | BinaryIO,
    images: str | Path | BinaryIO | None = None,
    file_name: str | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    delete_missing: bool = False,
    user=None,
    on_progress: Progress | None = None,
) -> ImportResult:
    """Import the products of a sheet (XLSX or CSV) into `booth`, by SKU.

    Every row is validated before anything is written. When a row is invalid nothing is written,
    unless `skip_invalid`, which writes the valid rows. A row whose SKU the booth already has
    updates that product, and only when something differs; other booths are never touched.
    `delete_missing` deletes the booth's products none of whose SKUs are in the file (rows that
    are invalid still count as present). `dry_run` reports the same counts and problems and
    writes nothing. `images` is a folder or a ZIP of the photos the sheet names.

    `user` is checked with `authorize(..., CATALOG_IMPORT, booth)`; None means the operator at
    the console. Problems are written in the active language. Raises `ImportRejected` when the
    file as a whole cannot be imported (type, size, encoding, headers, unsafe ZIP).
    """
    if user is not None:
        authorize(user, Action.CATALOG_IMPORT, booth)
    try:
        channel = get_channel(None)
    except ChannelNotFound as error:
        raise ImportRejected(
            _("The marketplace has no default channel to list products in."), code=Code.INVALID
        ) from error
    language = translation.get_language() or settings.LANGUAGE_CODE
    result = ImportResult(dry_run=dry_run)
    with ExitStack() as stack:
        stack.enter_context(_older_objects_left_out_of_garbage_collection())
        sheet = stack.enter_context(
            open_sheet(file, name=file_name, max_bytes=max_file_bytes(), max_rows=max_rows())
        )
        image_source = open_images(images, max_bytes=max_images_bytes())
        if image_source is not None:
            stack.enter_context(image_source)

        def validator() -> RowValidator:
            return RowValidator(sheet, booth=booth, images=image_source, language=language)

        first = validator()
        result.problems.extend(first.sheet_problems())
        checked = _check_rows(sheet, first, result, on_progress)
        if result.invalid and not skip_invalid:
            return result
        if delete_missing and not checked.skus:
            raise ImportRejected(
                _(
                    "The file has no product rows; with “delete missing” that would delete "
                    "every product of the booth, so nothing was done."
                ),
                code=Code.INVALID,
            )
        writer = CatalogWriter(
            booth=booth,
            channel=channel,
            columns=first.columns,
            images=image_source,
            dry_run=dry_run,
            report=result.problems.append,
            sheet_header=lambda column: sheet.header(column, language),
        )
        records = checked.records if checked.records is not None else _records(sheet, validator())
        if dry_run:
            _write_rows(records, writer, result, on_progress)
            if delete_missing:
                result.deleted = len(_products_missing_from(booth, checked.skus))
        else:
            with transaction.atomic():
                # One import per booth at a time (PostgreSQL): the second waits for the first.
                Booth.objects.select_for_update().only("pk").get(pk=booth.pk)
                _write_rows(records, writer, result, on_progress)
                if delete_missing:
                    missing = _products_missing_from(booth, checked.skus)
                    result.deleted = _delete_products(booth, missing, result)
            result.written = True
            ensure_planner_statistics()
        result.created = writer.counts.created
        result.updated = writer.counts.updated
        result.unchanged = writer.counts.unchanged
    return result


@contextmanager
def _older_objects_left_out_of_garbage_collection() -> Iterator[None]:
    """While an import runs, the objects that existed before it (Django's, the API schema's,
    the translations') are left out of Python's full garbage collections (`gc.freeze`).

    An import allocates millions of objects, which sets off a full collection every thousand rows
    or so, and each walks every object of the process: those collections took a third of a
    10,000-row import, mostly walking objects older than it. When objects are already frozen
    (a pre-forking server does so), nothing is done, so as not to thaw them at the end.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@dataclass
class _Checked:
    skus: set[str]  # every SKU the file names, in valid rows or not
    records: list[ProductRow] | None  # the valid rows, unless the sheet is too long to keep


def _check_rows(
    sheet: Sheet, validator: RowValidator, result: ImportResult, on_progress: Progress | None
) -> _Checked:
    """Validate every row, counting rows and invalid rows into `result`."""
    checked = _Checked(skus=set(), records=[])
    for row in sheet.rows():
        result.rows += 1
        record, problems = validator.validate(row)
        result.problems.extend(problems)
        if record is None:
            result.invalid += 1
        elif checked.records is not None:
            checked.records.append(record)
            if len(checked.records) > KEEP_CHECKED_ROWS:
                checked.records = None
        sku = cells.text(row.cells.get(Col.SKU))
        if sku:
            checked.skus.add(sku)
        if on_progress and result.rows % CHUNK_SIZE == 0:
            on_progress("check", result.rows, None)
    if on_progress:
        on_progress("check", result.rows, result.rows)
    return checked


def _records(sheet: Sheet, validator: RowValidator) -> Iterator[ProductRow]:
    """The valid rows, read and checked again (the problems were reported the first time)."""
    for row in sheet.rows():
        record, _problems = validator.validate(row)
        if record is not None:
            yield record


def _write_rows(
    records: Iterable[ProductRow],
    writer: CatalogWriter,
    result: ImportResult,
    on_progress: Progress | None,
) -> None:
    total = result.rows - result.invalid
    chunk = []
    for done, record in enumerate(records, start=1):
        chunk.append(record)
        if len(chunk) >= CHUNK_SIZE:
            writer.write(chunk)
            chunk = []
            if on_progress:
                on_progress("write", done, total)
    if chunk:
        writer.write(chunk)
    if on_progress:
        on_progress("write", total, total)


def _products_missing_from(booth: Booth, skus: set[str]) -> list[int]:
    """The booth's products none of whose variants has a SKU in `skus`."""
    kept = {
        product_id
        for product_id, sku in ProductVariant.objects.filter(vendor=booth)
        .values_list("product_id", "sku")
        .iterator(chunk_size=5000)
        if sku in skus
    }
    return [
        pk
        for pk in Product.objects.filter(vendor=booth).values_list("pk", flat=True).order_by("pk")
        if pk not in kept
    ]


def _delete_products(booth: Booth, product_ids: list[int], result: ImportResult) -> int:
    deleted = 0
    for start in range(0, len(product_ids), 500):
        batch = product_ids[start : start + 500]
        try:
            with transaction.atomic():
                deleted += _delete(booth, batch)
        except ProtectedError:
            for pk in batch:
                try:
                    with transaction.atomic():
                        deleted += _delete(booth, [pk])
                except ProtectedError:
                    result.problems.append(
                        Problem(
                            row=None,
                            column="",
                            message=_(
                                "Product %(id)s is not in the file but was kept: other records "
                                "(such as orders) refer to it."
                            )
                            % {"id": pk},
                            code=Code.PROTECTED,
                            severity=Severity.WARNING,
                        )
                    )
    return deleted


def _delete(booth: Booth, product_ids) -> int:
    _count, per_model = Product.objects.filter(vendor=booth, pk__in=list(product_ids)).delete()
    return per_model.get(Product._meta.label, 0)


# --- import jobs -------------------------------------------------------------------------------


def runs_inline() -> bool:
    """Whether jobs run as soon as they are created (the embedded default) or wait for
    `marketplace import-catalog-worker` (setting `CATALOG_IMPORT_INLINE = False`)."""
    return getattr(settings, "CATALOG_IMPORT_INLINE", True)


def create_import_job(
    *,
    user,
    booth: Booth | None,
    file: File,
    images: File | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    delete_missing: bool = False,
) -> ImportJob:
    """Record an uploaded sheet (and ZIP of photos) as an import job for `booth` and run it,
    inline or in the background (see `runs_inline`).

    Without `booth`, the job goes to the one booth `user` may import into; a user of several
    booths, and staff, must say which. Raises `NotAllowed` unless `user` may import into the
    booth, and `ImportRejected` for a file of the wrong type or over the size limit.
    """
    booth = booth or _only_booth_of(user)
    authorize(user, Action.CATALOG_IMPORT, booth)
    sheet_extension = _check_upload(file, SHEET_EXTENSIONS, max_file_bytes(), "file")
    if images is not None:
        _check_upload(images, (".zip",), max_images_bytes(), "images")
    job = ImportJob(
        booth=booth,
        user=user if getattr(user, "is_authenticated", False) else None,
        dry_run=dry_run,
        skip_invalid=skip_invalid,
        delete_missing=delete_missing,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        file_name=Path(file.name or "sheet").name[:255],
        images_name=Path(images.name or "images.zip").name[:255] if images else "",
    )
    job.file.save(f"sheet{sheet_extension}", file, save=False)
    if images is not None:
        job.images.save("images.zip", images, save=False)
    job.save()
    if runs_inline():
        run_import_job(job)
    return job


def run_import_job(job: ImportJob) -> ImportJob:
    """Run a waiting job and record its counts and report; does nothing to a job another worker
    has taken. A file that cannot be imported fails the job with the reason in its report; the
    uploaded files are deleted either way."""
    claimed = ImportJob.objects.filter(pk=job.pk, status=ImportJobStatus.PENDING).update(
        status=ImportJobStatus.RUNNING, started_at=timezone.now()
    )
    job.refresh_from_db()
    if not claimed:
        return job
    progress = _JobProgress(job)
    try:
        with (
            translation.override(job.language),
            # Inside a caller's transaction (an API request), a failed import must not take the
            # job's own record down with it.
            transaction.atomic() if connection.in_atomic_block else nullcontext(),
        ):
            result = _run_job_files(job, progress)
        _finish(job, ImportJobStatus.SUCCEEDED, result)
    except DomainError as error:
        _finish(job, ImportJobStatus.FAILED, _failure(error.message, error.code))
    except Exception:
        logger.exception("Catalog import job %s failed", job.pk)
        with translation.override(job.language):
            message = _("The import stopped because of an unexpected error; nothing was written.")
        _finish(job, ImportJobStatus.FAILED, _failure(message, Code.INVALID))
    finally:
        progress.close()
        _delete_files(job)
    return job


def run_waiting_import_jobs(*, limit: int | None = None) -> int:
    """Run the jobs waiting for a worker, oldest first; answers how many were run."""
    waiting = ImportJob.objects.filter(status=ImportJobStatus.PENDING).order_by("created_at", "pk")
    job_ids = list(waiting.values_list("pk", flat=True)[:limit])
    for job_id in job_ids:
        run_import_job(ImportJob.objects.get(pk=job_id))
    return len(job_ids)


def _run_job_files(job: ImportJob, progress: "_JobProgress") -> ImportResult:
    images_file = job.images.open("rb") if job.images else nullcontext()
    with job.file.open("rb") as sheet, images_file as images:
        return run_import(
            booth=job.booth,
            file=sheet,
            images=images,
            file_name=job.file_name,
            dry_run=job.dry_run,
            skip_invalid=job.skip_invalid,
            delete_missing=job.delete_missing,
            on_progress=progress,
        )


def _failure(message: str, code) -> ImportResult:
    return ImportResult(problems=[Problem(row=None, column="", message=message, code=str(code))])


def _finish(job: ImportJob, status: str, result: ImportResult) -> None:
    job.status = status
    job.progress = 100
    job.finished_at = timezone.now()
    for name in ("rows", "created", "updated", "unchanged", "invalid", "deleted", "written"):
        setattr(job, name, getattr(result, name))
    job.problems = [problem.as_dict() for problem in result.problems]
    job.save()


def _delete_files(job: ImportJob) -> None:
    for stored in (job.file, job.images):
        if stored:
            stored.delete(save=False)
    ImportJob.objects.filter(pk=job.pk).update(file="", images="")


def _only_booth_of(user) -> Booth:
    booth_ids = booths_of(user, Action.CATALOG_IMPORT)
    if len(booth_ids) == 1:
        return Booth.objects.get(pk=booth_ids[0])
    if booth_ids or can(user, Action.CATALOG_IMPORT):
        raise DomainError(_("Choose the booth to import into."), code=Code.REQUIRED, field="vendor")
    raise NotAllowed()


def _check_upload(upload: File, extensions: tuple[str, ...], limit: int, field_name: str) -> str:
    extension = Path(upload.name or "").suffix.lower()
    if extension not in extensions:
        if field_name == "images":
            message = _("Send the photos as one ZIP archive (.zip).")
        else:
            message = _("Upload the sheet as an Excel workbook (.xlsx) or as CSV (.csv).")
        raise ImportRejected(message, code=Code.UNSUPPORTED_FILE, field=field_name)
    if upload.size is not None and upload.size > limit:
        raise ImportRejected(
            _("The file is larger than %(limit)s MB.") % {"limit": limit // (1024 * 1024)},
            code=Code.FILE_TOO_LARGE,
            field=field_name,
        )
    return extension


class _JobProgress:
    """Writes a running job's progress. A worker on PostgreSQL writes it through a connection of
    its own, so that it shows while the import's transaction is still open."""

    def __init__(self, job: ImportJob):
        self.job_pk = job.pk
        self.last = -1
        self.side_connection = None
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            self.side_connection = connections.create_connection(DEFAULT_DB_ALIAS)

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        # Checking takes a small part of the time; writing the rest.
        percent = 5 if phase == "check" else 5 + (94 * done) // max(total or 1, 1)
        if percent == self.last:
            return
        self.last = percent
        if self.side_connection is None:
            ImportJob.objects.filter(pk=self.job_pk).update(progress=percent)
            return
        with self.side_connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ImportJob._meta.db_table} SET progress = %s WHERE id = %s",  # noqa: S608
                [percent, self.job_pk],
            )

    def close(self) -> None:
        if self.side_connection is not None:
            self.side_connection.close()
