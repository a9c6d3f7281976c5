"""Reads of import jobs."""

from catalog_import.models import ImportJob
from marketplace.core.permissions import Action, authorize


def import_job(*, user, pk: int) -> ImportJob | None:
    """The import job `pk` with its booth, or None when there is none. Raises `NotAllowed`
    unless `user` may import into the job's booth (its members, and staff who manage products)."""
    job = ImportJob.objects.select_related("booth").filter(pk=pk).first()
    if job is not None:
        authorize(user, Action.CATALOG_IMPORT, job.booth)
    return job
