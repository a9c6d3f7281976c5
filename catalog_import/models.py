"""Import jobs (the API's and the portal's uploads) and the photos imports have added."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ImportJobStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Finished")
    FAILED = "failed", _("Failed")


def new_token() -> str:
    return secrets.token_hex(16)


def _upload_to(job: "ImportJob", filename: str) -> str:
    # A random folder per job: the files are private to the booth until the job deletes them.
    return f"catalog-imports/{job.token}/{filename}"


class ImportJob(models.Model):
    """One uploaded sheet (with its photos) to import into a booth, and what came of it.

    The uploaded files are deleted when the job has run; the counts and the report stay.
    """

    booth = models.ForeignKey(
        "vendors.Booth",
        related_name="catalog_imports",
        on_delete=models.CASCADE,
        verbose_name=_("booth"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("started by"),
    )
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ImportJobStatus.choices,
        default=ImportJobStatus.PENDING,
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    skip_invalid = models.BooleanField(_("import the valid rows only"), default=False)
    delete_missing = models.BooleanField(_("delete products missing from the file"), default=False)
    language = models.CharField(_("language of the report"), max_length=10, default="vi")
    file = models.FileField(upload_to=_upload_to, max_length=500, blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    images = models.FileField(upload_to=_upload_to, max_length=500, blank=True)
    images_name = models.CharField(_("images file name"), max_length=255, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    invalid = models.PositiveIntegerField(default=0)
    deleted = models.PositiveIntegerField(default=0)
    # Whether the rows were written: false for dry runs and for files with invalid rows.
    written = models.BooleanField(default=False)
    problems = models.JSONField(_("report"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("catalog import")
        verbose_name_plural = _("catalog imports")
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="import_progress_lte_100")
        ]

    def __str__(self) -> str:
        return f"{self.file_name} → {self.booth}"


class ImportedImage(models.Model):
    """A product photo that came from an import file, known by the checksum of the file as it
    was uploaded: importing the same photo again adds nothing."""

    product = models.ForeignKey("catalog.Product", related_name="+", on_delete=models.CASCADE)
    media = models.OneToOneField("catalog.ProductMedia", related_name="+", on_delete=models.CASCADE)
    source_name = models.CharField(max_length=255)
    checksum = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product", "checksum"], name="uniq_imported_image_per_product"
            )
        ]
