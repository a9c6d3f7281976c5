"""Thumbnails in Saleor's sizes and formats, made once on first request and kept in storage."""

import io

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from marketplace.catalog.models import Thumbnail
from marketplace.core.ids import to_global_id
from marketplace.core.urls import absolute_uri

THUMBNAIL_SIZES = (32, 64, 128, 256, 512, 1024, 2048, 4096)
DEFAULT_SIZE = 4096
PIL_FORMATS = {"webp": "WEBP", "avif": "AVIF", "original": None}
# Booths are called vendors in the API.
GRAPHQL_TYPE_NAMES = {"Booth": "Vendor"}
OWNER_FIELDS = {
    "ProductMedia": "product_media",
    "Category": "category",
    "Collection": "collection",
    "Booth": "booth",
}


def closest_size(size: int | None) -> int:
    """The smallest standard size at least as large as `size` (Saleor picks sizes the same way)."""
    if not size or size <= 0:
        return DEFAULT_SIZE
    return next((standard for standard in THUMBNAIL_SIZES if standard >= size), THUMBNAIL_SIZES[-1])


def thumbnail_url(owner, image_field, size: int | None, fmt: str, request, thumbnails) -> str:
    """URL of `owner`'s image at `size` in `fmt`: the stored file when it exists, else the view
    that makes it. `thumbnails` are the owner's existing Thumbnail rows (prefetched by callers)."""
    size = closest_size(size)
    fmt = (fmt or "original").lower()
    for thumbnail in thumbnails:
        if thumbnail.size == size and thumbnail.format == fmt:
            return absolute_uri(request, thumbnail.image.url)
    type_name = GRAPHQL_TYPE_NAMES.get(type(owner).__name__, type(owner).__name__)
    path = reverse(
        "thumbnail",
        kwargs={"instance_id": to_global_id(type_name, owner.pk), "size": size, "fmt": fmt},
    )
    return absolute_uri(request, path)


def make_thumbnail(owner, image_field, size: int, fmt: str) -> Thumbnail:
    """Create (once) and return the thumbnail of `owner`'s image. Safe under concurrent requests."""
    owner_field = OWNER_FIELDS[type(owner).__name__]
    existing = Thumbnail.objects.filter(**{owner_field: owner, "size": size, "format": fmt}).first()
    if existing:
        return existing
    with image_field.open("rb") as stored, Image.open(stored) as source:
        source.load()
        source_format = source.format or "PNG"
        image = source.copy()
    image.thumbnail((size, size), Image.Resampling.LANCZOS)
    pil_format = PIL_FORMATS.get(fmt) or source_format
    if pil_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, pil_format, quality=82)
    extension = pil_format.lower().replace("jpeg", "jpg")
    stem = image_field.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    thumbnail = Thumbnail(**{owner_field: owner, "size": size, "format": fmt})
    thumbnail.image.save(f"{stem}_{size}.{extension}", ContentFile(buffer.getvalue()), save=False)
    try:
        with transaction.atomic():
            thumbnail.save()
    except IntegrityError:
        # Another request made the same thumbnail first: use theirs.
        thumbnail.image.delete(save=False)
        return Thumbnail.objects.get(**{owner_field: owner, "size": size, "format": fmt})
    return thumbnail
