"""Every uploaded image is re-encoded from its pixels only: no EXIF, GPS, XMP, ICC profile, text
or comment survives, and files that are too big, too many pixels or not images are refused."""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image, ImageCms, PngImagePlugin

from marketplace.catalog.services import add_product_media
from marketplace.privacy.images import ImageRejected, clean_image
from tests import factories

SECRET = b"Nguyen Thi Hoa, thon 3"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
    b'GPSLatitude="21,1.5N" Creator="' + SECRET + b'"/></rdf:RDF></x:xmpmeta>'
)
METADATA_KEYS = {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp", "Author"}


def icc_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def exif() -> bytes:
    tags = Image.Exif()
    tags[0x010F] = "PhoneMaker"
    tags[0x013B] = SECRET.decode()  # Artist
    tags[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 12.0)}
    return tags.tobytes()


def picture(fmt: str, size=(64, 48)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    buffer = io.BytesIO()
    options = {"exif": exif(), "icc_profile": icc_profile()}
    if fmt == "JPEG":
        options |= {"comment": SECRET, "xmp": XMP}
    elif fmt == "WEBP":
        options |= {"xmp": XMP}
    elif fmt == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", SECRET.decode())
        text.add_itxt("XML:com.adobe.xmp", XMP.decode())
        options["pnginfo"] = text
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def assert_no_metadata(content: bytes) -> None:
    image = Image.open(io.BytesIO(content))
    assert not (set(image.info) & METADATA_KEYS), image.info.keys()
    assert image.getexif() == {}
    for marker in (b"Exif", b"PhoneMaker", SECRET, b"GPSLatitude", b"xmpmeta", b"ICC_PROFILE"):
        assert marker not in content


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_exif_gps_xmp_icc_and_comments_are_removed(fmt):
    original = picture(fmt)
    assert SECRET in original or b"xmpmeta" in original  # the test image does carry them

    cleaned = clean_image(original, name="photo")

    assert_no_metadata(cleaned.read())


def test_pixels_and_orientation_are_kept():
    image = Image.new("RGB", (60, 20), (10, 20, 200))
    tags = Image.Exif()
    tags[0x0112] = 6  # taken with the phone turned: rotate 90° when shown
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=tags.tobytes())

    cleaned = Image.open(clean_image(buffer.getvalue()))

    assert cleaned.size == (20, 60)
    assert cleaned.getpixel((10, 30))[2] > 150


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.4 not an image", "INVALID"),
        (picture("JPEG")[:200], "INVALID"),  # truncated
        (picture("JPEG") + b"\0" * (10 * 1024 * 1024), "TOO_LARGE"),
    ],
    ids=["not-an-image", "truncated", "over-10-mb"],
)
def test_unusable_uploads_are_refused_with_a_clear_message(content, code):
    with pytest.raises(ImageRejected) as error:
        clean_image(content)
    assert error.value.code == code
    assert error.value.message


def test_other_formats_are_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "BMP")
    with pytest.raises(ImageRejected) as error:
        clean_image(buffer.getvalue())
    assert error.value.code == "INVALID"


def tiny_file_of_many_pixels(width: int, height: int) -> bytes:
    """A PNG of a few kilobytes that decodes to `width` x `height` pixels."""
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "size", [(8000, 5001), (20000, 10000)], ids=["over-40-megapixels", "decompression-bomb"]
)
def test_images_over_40_megapixels_are_refused_before_decoding(size):
    bomb = tiny_file_of_many_pixels(*size)
    assert len(bomb) < 10 * 1024 * 1024

    with pytest.raises(ImageRejected) as error:
        clean_image(bomb)

    assert error.value.code == "TOO_LARGE"
    assert "40" in error.value.message


def test_images_up_to_40_megapixels_are_accepted():
    cleaned = clean_image(tiny_file_of_many_pixels(8000, 5000))
    assert Image.open(cleaned).size == (8000, 5000)


@pytest.mark.django_db
def test_product_photo_read_back_from_media_storage_has_no_metadata():
    product = factories.product("Mật ong rừng")

    media = add_product_media(product=product, image=factories.jpeg_with_gps())

    with default_storage.open(media.image.name, "rb") as stored:
        assert_no_metadata(stored.read())
