"""Every uploaded image is decoded and re-encoded here, so that no metadata survives.

EXIF (camera, time, GPS position), XMP, IPTC, ICC profiles and comments can all tell where and when
a photo was taken, and of whom. Re-encoding only the pixels drops all of them. The orientation
recorded in EXIF is applied to the pixels first so that photos taken on a phone stay upright.
"""

import io
import warnings
from enum import StrEnum

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from marketplace.core.errors import DomainError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "png", "MPO": "jpg"}
# The decoders tried on an upload (MPO, a phone's multi-picture JPEG, is opened by JPEG's).
DECODERS = ["JPEG", "PNG", "WEBP", "GIF"]


class ImageErrorCode(StrEnum):
    INVALID = "INVALID"
    TOO_LARGE = "TOO_LARGE"


class ImageRejected(DomainError):
    pass


def clean_image(data: bytes | io.IOBase, *, name: str = "image") -> ContentFile:
    """Return the image re-encoded without metadata, as a file named `<name>.<ext>`.

    Raises `ImageRejected` (with a translated message) for files over 10 MB, images over 40
    megapixels (decompression bombs included), and anything that is not a JPEG, PNG, WEBP or GIF.
    """
    raw = data if isinstance(data, bytes) else data.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ImageRejected(
            _("The image is larger than 10 MB."), code=ImageErrorCode.TOO_LARGE, field="image"
        )
    try:
        # Only the decoders of the accepted formats even look at the bytes.
        with Image.open(io.BytesIO(raw), formats=DECODERS) as source:
            if source.format not in ALLOWED_FORMATS:
                raise ImageRejected(
                    _("Upload a JPEG, PNG, WEBP or GIF image."),
                    code=ImageErrorCode.INVALID,
                    field="image",
                )
            # The size comes from the header: a decompression bomb is refused before decoding.
            width, height = source.size
            if width * height > MAX_PIXELS:
                raise _too_many_pixels()
            source_format = source.format
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                source.load()
                pixels = ImageOps.exif_transpose(source)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageRejected(
            _("The file is not an image that can be read."),
            code=ImageErrorCode.INVALID,
            field="image",
        ) from error
    extension = ALLOWED_FORMATS[source_format]
    return ContentFile(encode_without_metadata(pixels, extension), name=f"{name}.{extension}")


def _too_many_pixels() -> ImageRejected:
    return ImageRejected(
        _("The image is larger than 40 megapixels."), code=ImageErrorCode.TOO_LARGE, field="image"
    )


def encode_without_metadata(image: Image.Image, extension: str) -> bytes:
    """Encode only the pixels of `image`: no EXIF, XMP, ICC profile or comment is written.

    A new image is built from the raw pixel bytes, so nothing from the source's `info` can follow.
    """
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if extension == "jpg":
        mode = "L" if image.mode in ("L", "1") else "RGB"
    else:
        mode = "RGBA" if has_alpha else ("L" if image.mode in ("L", "1") else "RGB")
    pixels = image.convert(mode)
    clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
    buffer = io.BytesIO()
    if extension == "jpg":
        clean.save(buffer, "JPEG", quality=88, optimize=True)
    elif extension == "webp":
        clean.save(buffer, "WEBP", quality=88)
    else:
        clean.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
