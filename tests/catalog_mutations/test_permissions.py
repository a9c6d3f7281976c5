"""Who may change which products: a booth's members its own, staff with MANAGE_PRODUCTS any.

Another booth's products, variants and photos are reported as not found, exactly like missing
ones, and nothing about them changes.
"""

import pytest

from marketplace.catalog.models import (
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from marketplace.catalog.services import add_product_media
from tests import factories
from tests.catalog_mutations.conftest import member_of, person, staff
from tests.catalog_mutations.operations import (
    CHANNEL_LISTING_UPDATE,
    MEDIA_CREATE,
    MEDIA_DELETE,
    PRODUCT_CREATE,
    PRODUCT_DELETE,
    PRODUCT_UPDATE,
    STOCKS_UPDATE,
    VARIANT_CREATE,
    VARIANT_DELETE,
    VARIANT_UPDATE,
    codes,
    gid,
    payload,
)
from vendors.models import BoothRole


@pytest.fixture
def theirs(booth_b, channel):
    """Booth B's published product, with a variant and a photo."""
    product = factories.product("Khăn thổ cẩm", vendor=booth_b)
    add_product_media(product=product, image=factories.jpeg_with_gps())
    return product


def snapshot():
    """Everything a mutation on booth B's product could change."""
    return {
        "products": list(Product.objects.values_list("pk", "name", "slug").order_by("pk")),
        "variants": list(ProductVariant.objects.values_list("pk", "sku", "name").order_by("pk")),
        "stock": list(Stock.objects.values_list("variant_id", "quantity").order_by("pk")),
        "prices": list(
            ProductVariantChannelListing.objects.values_list("variant_id", "price_amount")
        ),
        "listings": list(ProductChannelListing.objects.values_list("product_id", "is_published")),
        "media": list(ProductMedia.objects.values_list("pk", flat=True)),
    }


def attempts(product, channel):
    """(query, variables, payload name) of every mutation aimed at `product` and its parts."""
    variant = product.variants.get()
    media = product.media.get()
    product_id = gid("Product", product.pk)
    variant_id = gid("ProductVariant", variant.pk)
    booth_id = gid("Vendor", product.vendor_id)
    return {
        "productUpdate": (PRODUCT_UPDATE, {"id": product_id, "input": {"name": "x"}}),
        "productDelete": (PRODUCT_DELETE, {"id": product_id}),
        "productVariantCreate": (
            VARIANT_CREATE,
            {"input": {"product": product_id, "sku": "NEW", "attributes": []}},
        ),
        "productVariantUpdate": (VARIANT_UPDATE, {"id": variant_id, "input": {"name": "x"}}),
        "productVariantUpdate by SKU": (VARIANT_UPDATE, {"sku": variant.sku, "input": {}}),
        "productVariantDelete": (VARIANT_DELETE, {"id": variant_id}),
        "productVariantStocksUpdate": (
            STOCKS_UPDATE,
            {"variantId": variant_id, "stocks": [{"warehouse": booth_id, "quantity": 0}]},
        ),
        "productChannelListingUpdate": (
            CHANNEL_LISTING_UPDATE,
            {"id": product_id, "input": {"removeChannels": [gid("Channel", channel.pk)]}},
        ),
        "productMediaCreate": (MEDIA_CREATE, {"input": {"product": product_id, "image": None}}),
        "productMediaDelete": (MEDIA_DELETE, {"id": gid("ProductMedia", media.pk)}),
    }


OPERATIONS = [
    "productUpdate",
    "productDelete",
    "productVariantCreate",
    "productVariantUpdate",
    "productVariantUpdate by SKU",
    "productVariantDelete",
    "productVariantStocksUpdate",
    "productChannelListingUpdate",
    "productMediaCreate",
    "productMediaDelete",
]


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_member_of_one_booth_cannot_touch_another_booths_product(
    graphql_client, member_a, theirs, channel, operation
):
    query, variables = attempts(theirs, channel)[operation]
    before = snapshot()

    response = graphql_client(query, variables)

    result = payload(response, operation.split()[0])
    assert [error["code"] for error in result["errors"]] == ["NOT_FOUND"]
    assert "Khăn" not in str(response.json)
    assert snapshot() == before


@pytest.mark.parametrize("operation", OPERATIONS)
def test_signing_in_is_required(graphql_client, theirs, channel, operation):
    query, variables = attempts(theirs, channel)[operation]
    before = snapshot()

    result = payload(graphql_client(query, variables), operation.split()[0])

    assert codes(result) == [(None, "PERMISSION_DENIED")]
    assert snapshot() == before


def test_a_shopper_cannot_create_products(graphql_client, client, booth_a):
    client.force_login(person("shopper@example.org"))

    result = payload(
        graphql_client(
            PRODUCT_CREATE,
            {
                "input": {
                    "name": "Mật ong",
                    "productType": gid("ProductType", factories.product_type().pk),
                    "vendor": gid("Vendor", booth_a.pk),
                }
            },
        ),
        "productCreate",
    )

    assert codes(result) == [("vendor", "PERMISSION_DENIED")]
    assert not Product.objects.exists()


def test_a_shopper_without_a_booth_is_told_so(graphql_client, client, db):
    client.force_login(person("shopper@example.org"))

    result = payload(
        graphql_client(
            PRODUCT_CREATE,
            {
                "input": {
                    "name": "Mật ong",
                    "productType": gid("ProductType", factories.product_type().pk),
                }
            },
        ),
        "productCreate",
    )

    assert codes(result) == [("vendor", "PERMISSION_DENIED")]


def test_a_shopper_cannot_change_products(graphql_client, client, theirs):
    client.force_login(person("shopper@example.org"))

    result = payload(
        graphql_client(
            PRODUCT_UPDATE, {"id": gid("Product", theirs.pk), "input": {"name": "Đổi tên"}}
        ),
        "productUpdate",
    )

    assert codes(result) == [("id", "NOT_FOUND")]
    theirs.refresh_from_db()
    assert theirs.name == "Khăn thổ cẩm"


@pytest.mark.parametrize("role", [BoothRole.OWNER, BoothRole.MANAGER, BoothRole.MEMBER])
def test_members_of_every_role_manage_their_booths_products(
    graphql_client, client, booth_b, theirs, role
):
    client.force_login(member_of(booth_b, role=role))

    result = payload(
        graphql_client(
            PRODUCT_UPDATE, {"id": gid("Product", theirs.pk), "input": {"name": "Khăn lụa"}}
        ),
        "productUpdate",
    )

    assert result["errors"] == []
    assert result["product"]["name"] == "Khăn lụa"


def test_staff_who_manage_products_act_on_any_booth(graphql_client, client, theirs, booth_b):
    client.force_login(staff("manage_products"))

    updated = payload(
        graphql_client(
            PRODUCT_UPDATE,
            {"id": gid("Product", theirs.pk), "input": {"name": "Khăn lụa", "rating": 4.5}},
        ),
        "productUpdate",
    )
    without_booth = payload(
        graphql_client(
            PRODUCT_CREATE,
            {
                "input": {
                    "name": "Mật ong",
                    "productType": gid("ProductType", factories.product_type().pk),
                }
            },
        ),
        "productCreate",
    )
    with_booth = payload(
        graphql_client(
            PRODUCT_CREATE,
            {
                "input": {
                    "name": "Mật ong",
                    "productType": gid("ProductType", factories.product_type().pk),
                    "vendor": gid("Vendor", booth_b.pk),
                }
            },
        ),
        "productCreate",
    )

    assert updated["errors"] == []
    theirs.refresh_from_db()
    assert (theirs.name, theirs.rating) == ("Khăn lụa", 4.5)
    assert codes(without_booth) == [("vendor", "REQUIRED")]
    assert with_booth["errors"] == []
    assert with_booth["product"]["vendor"]["id"] == gid("Vendor", booth_b.pk)


def test_staff_without_manage_products_cannot(graphql_client, client, theirs, booth_b):
    client.force_login(staff("manage_vendors"))
    before = snapshot()

    updated = payload(
        graphql_client(
            PRODUCT_UPDATE, {"id": gid("Product", theirs.pk), "input": {"name": "Khăn lụa"}}
        ),
        "productUpdate",
    )
    created = payload(
        graphql_client(
            PRODUCT_CREATE,
            {
                "input": {
                    "name": "Mật ong",
                    "productType": gid("ProductType", factories.product_type().pk),
                    "vendor": gid("Vendor", booth_b.pk),
                }
            },
        ),
        "productCreate",
    )

    assert codes(updated) == [("id", "NOT_FOUND")]
    assert codes(created) == [("vendor", "PERMISSION_DENIED")]
    assert snapshot() == before
