"""productMediaCreate by the GraphQL multipart request spec, and productMediaDelete."""

import io

from PIL import Image

from marketplace.catalog.models import ProductMedia
from marketplace.catalog.services import add_product_media
from tests import factories
from tests.catalog_mutations.operations import (
    MEDIA_CREATE,
    MEDIA_DELETE,
    codes,
    gid,
    payload,
    upload,
)


def media_input(product, **fields):
    return {"input": {"product": gid("Product", product.pk), "image": None, **fields}}


def test_an_uploaded_photo_is_stored_without_exif_or_gps(client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)
    photo = factories.jpeg_with_gps()
    with Image.open(io.BytesIO(photo)) as original:
        assert original.getexif().get_ifd(0x8825)  # the test photo does carry a GPS position

    result = payload(
        upload(
            client,
            MEDIA_CREATE,
            media_input(product, alt="Hũ mật ong"),
            path="input.image",
            content=photo,
        ),
        "productMediaCreate",
    )

    assert result["errors"] == []
    assert result["media"]["alt"] == "Hũ mật ong"
    assert result["media"]["type"] == "IMAGE"
    assert result["product"]["media"] == [{"id": result["media"]["id"]}]
    media = ProductMedia.objects.get(product=product)
    with media.image.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_file_that_is_not_an_image_is_refused(client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)

    result = payload(
        upload(
            client,
            MEDIA_CREATE,
            media_input(product),
            path="input.image",
            content=b"%PDF-1.4 not a photo",
            name="giay-to.pdf",
            content_type="application/pdf",
        ),
        "productMediaCreate",
    )

    assert codes(result) == [("image", "INVALID")]
    assert result["errors"][0]["message"]
    assert not ProductMedia.objects.exists()


def test_a_photo_must_be_attached(graphql_client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)

    result = payload(graphql_client(MEDIA_CREATE, media_input(product)), "productMediaCreate")

    assert codes(result) == [("image", "REQUIRED")]


def test_links_to_media_are_not_accepted(graphql_client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)

    result = payload(
        graphql_client(
            MEDIA_CREATE, media_input(product, mediaUrl="https://example.org/photo.jpg")
        ),
        "productMediaCreate",
    )

    assert codes(result) == [("mediaUrl", "UNSUPPORTED_MEDIA_PROVIDER")]


def test_deleting_a_photo_removes_it_and_its_file(
    graphql_client, member_a, booth_a, django_capture_on_commit_callbacks
):
    product = factories.product("Mật ong", vendor=booth_a)
    media = add_product_media(product=product, image=factories.jpeg_with_gps())
    storage, name = media.image.storage, media.image.name

    with django_capture_on_commit_callbacks(execute=True):
        result = payload(
            graphql_client(MEDIA_DELETE, {"id": gid("ProductMedia", media.pk)}),
            "productMediaDelete",
        )

    assert result == {
        "product": {"id": gid("Product", product.pk)},
        "media": {"id": gid("ProductMedia", media.pk)},
        "errors": [],
    }
    assert not ProductMedia.objects.exists()
    assert not storage.exists(name)
