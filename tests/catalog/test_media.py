"""Product photos: stored without metadata, served as thumbnails made once on first request."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageCms, PngImagePlugin

from marketplace.catalog import services
from marketplace.catalog.models import Thumbnail
from marketplace.privacy.images import ImageRejected
from tests import factories
from tests.catalog.helpers import gid

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def stored_image(field) -> Image.Image:
    """The stored file of an image field, read back from media storage."""
    with default_storage.open(field.name, "rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
    return image


def jpeg(*, size=(64, 48), **save_options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, "JPEG", **save_options)
    return buffer.getvalue()


@pytest.fixture
def product(channel):
    return factories.product("Mật ong rừng")


def test_phone_photo_really_carries_gps_before_upload():
    with Image.open(io.BytesIO(factories.jpeg_with_gps())) as original:
        assert original.getexif().get_ifd(GPS_IFD)


def test_uploaded_photo_is_stored_without_exif_or_gps(product):
    media = services.add_product_media(product=product, image=factories.jpeg_with_gps())

    image = stored_image(media.image)

    assert image.format == "JPEG"
    assert image.size == (64, 48)
    assert not image.getexif()
    assert not image.getexif().get_ifd(GPS_IFD)
    assert "exif" not in image.info
    with default_storage.open(media.image.name, "rb") as stored:
        raw = stored.read()
    assert b"Exif" not in raw
    assert b"PhoneMaker" not in raw


def test_uploaded_photo_loses_its_colour_profile_and_comments(product):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    upload = jpeg(icc_profile=profile, comment=b"Nha chi Lan, thon 3")

    image = stored_image(services.add_product_media(product=product, image=upload).image)

    assert "icc_profile" not in image.info
    assert "comment" not in image.info


def test_uploaded_png_loses_its_text_chunks(product):
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Nguyen Thi Lan")
    text.add_text("Location", "21.0285, 105.8542")
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 0, 0)).save(buffer, "PNG", pnginfo=text)

    media = services.add_product_media(product=product, image=buffer.getvalue())
    image = stored_image(media.image)

    assert media.image.name.endswith(".png")
    assert image.mode == "RGBA"
    assert "Author" not in image.info
    assert "Location" not in image.info


def test_sideways_phone_photo_is_stored_upright(product):
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # the camera was turned a quarter to the right
    upload = jpeg(size=(64, 48), exif=exif.tobytes())

    image = stored_image(services.add_product_media(product=product, image=upload).image)

    assert image.size == (48, 64)
    assert ORIENTATION not in image.getexif()


def test_photos_are_kept_in_upload_order(product):
    first = services.add_product_media(product=product, image=jpeg(), alt="Một")
    second = services.add_product_media(product=product, image=jpeg(), alt="Hai")

    assert (first.sort_order, second.sort_order) == (0, 1)
    assert list(product.media.values_list("alt", flat=True)) == ["Một", "Hai"]


def test_a_file_that_is_not_an_image_is_refused(product):
    with pytest.raises(ImageRejected) as refused:
        services.add_product_media(product=product, image=b"%PDF-1.7 not a photo")

    assert refused.value.code == "INVALID"
    assert product.media.count() == 0


def test_an_image_over_ten_megabytes_is_refused(product):
    with pytest.raises(ImageRejected) as refused:
        services.add_product_media(product=product, image=jpeg() + b"\0" * (10 * 1024 * 1024))

    assert refused.value.code == "TOO_LARGE"
    assert product.media.count() == 0


def thumbnail_path(owner_type: str, pk: int, size: int = 1024, fmt: str = "webp") -> str:
    return f"/thumbnail/{gid(owner_type, pk)}/{size}/{fmt}/"


def test_thumbnail_is_made_on_first_request_and_redirects_to_the_file(product, client):
    media = services.add_product_media(product=product, image=factories.jpeg_with_gps())

    response = client.get(thumbnail_path("ProductMedia", media.pk))

    assert response.status_code == 302
    thumbnail = Thumbnail.objects.get(product_media=media)
    assert (thumbnail.size, thumbnail.format) == (1024, "webp")
    assert response["Location"] == thumbnail.image.url
    assert thumbnail.image.url.startswith("/media/thumbnails/")
    image = stored_image(thumbnail.image)
    assert image.format == "WEBP"
    assert image.size == (64, 48)  # never enlarged
    assert not image.getexif()


def test_second_thumbnail_request_reuses_the_stored_file(product, client):
    media = services.add_product_media(product=product, image=factories.jpeg_with_gps())
    first = client.get(thumbnail_path("ProductMedia", media.pk))

    second = client.get(thumbnail_path("ProductMedia", media.pk))

    assert Thumbnail.objects.filter(product_media=media).count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]


def test_thumbnail_is_smaller_than_a_large_photo(product, client):
    media = services.add_product_media(product=product, image=jpeg(size=(800, 600)))

    client.get(thumbnail_path("ProductMedia", media.pk, size=256))

    image = stored_image(Thumbnail.objects.get(product_media=media).image)
    assert image.size == (256, 192)


@pytest.mark.parametrize(("fmt", "pil_format"), [("avif", "AVIF"), ("original", "JPEG")])
def test_thumbnail_in_other_formats(product, client, fmt, pil_format):
    media = services.add_product_media(product=product, image=jpeg(size=(300, 300)))

    response = client.get(thumbnail_path("ProductMedia", media.pk, size=128, fmt=fmt))

    assert response.status_code == 302
    thumbnail = Thumbnail.objects.get(product_media=media)
    assert thumbnail.format == fmt
    assert stored_image(thumbnail.image).format == pil_format


def test_each_size_and_format_is_its_own_thumbnail(product, client):
    media = services.add_product_media(product=product, image=jpeg(size=(300, 300)))

    client.get(thumbnail_path("ProductMedia", media.pk, size=128))
    client.get(thumbnail_path("ProductMedia", media.pk, size=256))
    client.get(thumbnail_path("ProductMedia", media.pk, size=256, fmt="avif"))

    assert Thumbnail.objects.filter(product_media=media).count() == 3


THUMBNAIL_QUERY = """
query ($slug: String!) {
    product(slug: $slug) {
        thumbnail(size: 1024, format: WEBP) { url }
        media { url(size: 1024, format: WEBP) }
    }
}
"""


def test_api_points_at_the_stored_thumbnail_once_it_exists(product, client, graphql_client):
    media = services.add_product_media(product=product, image=factories.jpeg_with_gps())
    before = graphql_client(THUMBNAIL_QUERY, {"slug": product.slug}).data["product"]
    assert before["thumbnail"]["url"] == "http://testserver" + thumbnail_path(
        "ProductMedia", media.pk
    )

    client.get(before["thumbnail"]["url"])
    after = graphql_client(THUMBNAIL_QUERY, {"slug": product.slug}).data["product"]

    stored = Thumbnail.objects.get(product_media=media).image.url
    assert after["thumbnail"]["url"] == f"http://testserver{stored}"
    assert after["media"] == [{"url": f"http://testserver{stored}"}]


def test_thumbnail_size_is_rounded_up_to_a_standard_size(product, graphql_client):
    media = services.add_product_media(product=product, image=jpeg())

    response = graphql_client(
        "query ($slug: String!) {"
        " product(slug: $slug) { media { url(size: 300, format: WEBP) } } }",
        {"slug": product.slug},
    )

    assert response.data["product"]["media"] == [
        {"url": "http://testserver" + thumbnail_path("ProductMedia", media.pk, size=512)}
    ]


def test_media_url_without_size_is_the_original_file(product, graphql_client):
    media = services.add_product_media(product=product, image=jpeg())

    response = graphql_client(
        "query ($slug: String!) { product(slug: $slug) { media { url } } }",
        {"slug": product.slug},
    )

    assert response.data["product"]["media"] == [{"url": f"http://testserver{media.image.url}"}]


def test_category_background_is_served_as_a_thumbnail(channel, client, graphql_client):
    honey = factories.category("Mật ong")
    honey.background_image.save("banner.jpg", ContentFile(jpeg(size=(600, 200))))
    honey.background_image_alt = "Tổ ong"
    honey.save()

    response = graphql_client(
        "query ($slug: String!) { category(slug: $slug) {"
        " backgroundImage(size: 512, format: WEBP) { url alt } } }",
        {"slug": honey.slug},
    )
    background = response.data["category"]["backgroundImage"]
    made = client.get(background["url"])

    assert background == {
        "url": "http://testserver" + thumbnail_path("Category", honey.pk, size=512),
        "alt": "Tổ ong",
    }
    assert made.status_code == 302
    assert stored_image(Thumbnail.objects.get(category=honey).image).size == (512, 171)


def test_category_without_background_has_none(channel, graphql_client):
    honey = factories.category("Mật ong")

    response = graphql_client(
        "query ($slug: String!) { category(slug: $slug) { backgroundImage { url } } }",
        {"slug": honey.slug},
    )

    assert response.data["category"]["backgroundImage"] is None


@pytest.mark.parametrize(
    "path",
    [
        "/thumbnail/{media}/1000/webp/",
        "/thumbnail/{media}/0/webp/",
        "/thumbnail/{media}/1024/gif/",
        "/thumbnail/{media}/1024/WEBP/",
        "/thumbnail/not-an-id/1024/webp/",
        "/thumbnail/{product}/1024/webp/",
        "/thumbnail/{missing}/1024/webp/",
        "/thumbnail/{letters}/1024/webp/",
    ],
    ids=[
        "odd-size",
        "zero-size",
        "unknown-format",
        "upper-case-format",
        "malformed-id",
        "id-of-a-product",
        "no-such-media",
        "non-numeric-pk",
    ],
)
def test_bad_thumbnail_urls_are_not_found(product, client, path):
    media = services.add_product_media(product=product, image=jpeg())
    url = path.format(
        media=gid("ProductMedia", media.pk),
        product=gid("Product", product.pk),
        missing=gid("ProductMedia", media.pk + 1000),
        letters=gid("ProductMedia", "abc"),
    )

    response = client.get(url)

    assert response.status_code == 404
    assert not Thumbnail.objects.exists()


def test_thumbnail_of_media_without_a_stored_image_is_not_found(product, client):
    media = product.media.create(external_url="https://video.example/abc", type="VIDEO")

    response = client.get(thumbnail_path("ProductMedia", media.pk))

    assert response.status_code == 404


def test_thumbnail_view_answers_only_get(product, client):
    media = services.add_product_media(product=product, image=jpeg())

    response = client.post(thumbnail_path("ProductMedia", media.pk))

    assert response.status_code == 405
    assert not Thumbnail.objects.exists()
