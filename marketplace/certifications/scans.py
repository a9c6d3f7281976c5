"""Scans of certificates: evidence for staff, never public.

A scan may show a person's name, signature or ID number, so it is stored apart from the public
media (`CERTIFICATE_SCANS_ROOT`, which the media URL does not serve) and read only through the
staff download in the admin, which checks VERIFY_CERTIFICATES. Images are re-encoded without
metadata (EXIF, GPS...); PDFs are recognised by their first bytes and limited in size.
"""

import os
import uuid
from enum import StrEnum

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.privacy.images import ImageRejected, clean_image

MAX_SCAN_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}


class ScanErrorCode(StrEnum):
    INVALID = "INVALID"
    TOO_LARGE = "TOO_LARGE"


class ScanStorage(FileSystemStorage):
    """Files under `CERTIFICATE_SCANS_ROOT` (read on every use, so tests can move it); no URL."""

    @property
    def base_location(self):
        return settings.CERTIFICATE_SCANS_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Certificate scans have no public URL; staff download them in the admin.")


_storage = ScanStorage()


def scan_storage() -> ScanStorage:
    return _storage


def scan_path(instance, filename: str) -> str:
    """A random name in the booth's folder: the uploaded file name may carry a person's name."""
    extension = os.path.splitext(filename)[1].lower()
    return f"{instance.vendor_id}/{uuid.uuid4().hex}{extension}"


def clean_scan(data: bytes) -> ContentFile:
    """The scan as it will be stored: a PDF as sent, an image re-encoded without metadata.

    Raises DomainError (field `document`) for files over 10 MB and for anything that is neither a
    PDF nor a JPEG, PNG, WEBP or GIF image.
    """
    if len(data) > MAX_SCAN_BYTES:
        raise DomainError(
            _("The scan is larger than 10 MB."), code=ScanErrorCode.TOO_LARGE, field="document"
        )
    if data.startswith(PDF_MAGIC):
        return ContentFile(data, name="scan.pdf")
    try:
        return clean_image(data, name="scan")
    except ImageRejected as error:
        raise DomainError(
            _("Upload the certificate as a PDF file or as a photo (JPEG, PNG or WEBP)."),
            code=ScanErrorCode.INVALID,
            field="document",
        ) from error


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")
