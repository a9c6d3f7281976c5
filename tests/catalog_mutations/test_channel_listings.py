"""productChannelListingUpdate: a booth publishes its product and shoppers then find it."""

from datetime import timedelta

from django.utils import timezone

from marketplace.catalog.models import ProductChannelListing, ProductVariantChannelListing
from tests import factories
from tests.catalog_mutations.operations import (
    CHANNEL_LISTING_UPDATE,
    CHANNEL_PRODUCTS,
    PRODUCT_CREATE,
    VARIANT_CREATE,
    codes,
    gid,
    payload,
)


def listed(graphql_client) -> dict:
    edges = payload(graphql_client(CHANNEL_PRODUCTS, {}), "products")["edges"]
    return {edge["node"]["name"]: edge["node"] for edge in edges}


def publish(channel, **fields):
    return {"updateChannels": [{"channelId": gid("Channel", channel.pk), **fields}]}


def test_a_product_built_by_its_booth_is_published_with_its_price_range(
    graphql_client, member_a, booth_a, channel
):
    created = payload(
        graphql_client(
            PRODUCT_CREATE,
            {
                "input": {
                    "name": "Cà phê Buôn Ma Thuột",
                    "productType": gid("ProductType", factories.product_type().pk),
                }
            },
        ),
        "productCreate",
    )["product"]
    for sku, amount in (("CF-250", 85000), ("CF-500", 160000)):
        payload(
            graphql_client(
                VARIANT_CREATE,
                {
                    "input": {
                        "product": created["id"],
                        "sku": sku,
                        "attributes": [],
                        "stocks": [{"warehouse": gid("Vendor", booth_a.pk), "quantity": 5}],
                        "channelListings": [
                            {"channelId": gid("Channel", channel.pk), "price": amount}
                        ],
                    }
                },
            ),
            "productVariantCreate",
        )
    assert "Cà phê Buôn Ma Thuột" not in listed(graphql_client)

    result = payload(
        graphql_client(
            CHANNEL_LISTING_UPDATE,
            {"id": created["id"], "input": publish(channel, isPublished=True)},
        ),
        "productChannelListingUpdate",
    )

    assert result == {
        "product": {"id": created["id"], "name": "Cà phê Buôn Ma Thuột"},
        "errors": [],
    }
    node = listed(graphql_client)["Cà phê Buôn Ma Thuột"]
    assert node["isAvailableForPurchase"] is True
    price_range = node["pricing"]["priceRange"]
    assert price_range["start"]["gross"] == {"amount": 85000, "currency": "VND"}
    assert price_range["stop"]["gross"] == {"amount": 160000, "currency": "VND"}


def test_unpublishing_hides_the_product(graphql_client, member_a, booth_a, channel):
    product = factories.product("Mật ong", vendor=booth_a)

    payload(
        graphql_client(
            CHANNEL_LISTING_UPDATE,
            {"id": gid("Product", product.pk), "input": publish(channel, isPublished=False)},
        ),
        "productChannelListingUpdate",
    )

    assert "Mật ong" not in listed(graphql_client)


def test_a_later_publication_date_schedules_the_product(graphql_client, member_a, booth_a, channel):
    product = factories.product("Mật ong", vendor=booth_a, publish=False)
    tomorrow = timezone.now() + timedelta(days=1)

    payload(
        graphql_client(
            CHANNEL_LISTING_UPDATE,
            {
                "id": gid("Product", product.pk),
                "input": publish(channel, isPublished=True, publishedAt=tomorrow.isoformat()),
            },
        ),
        "productChannelListingUpdate",
    )

    assert "Mật ong" not in listed(graphql_client)
    assert ProductChannelListing.objects.get(product=product).published_at == tomorrow


def test_closing_the_sale_keeps_the_product_visible(graphql_client, member_a, booth_a, channel):
    product = factories.product("Mật ong", vendor=booth_a)

    payload(
        graphql_client(
            CHANNEL_LISTING_UPDATE,
            {
                "id": gid("Product", product.pk),
                "input": publish(channel, isAvailableForPurchase=False),
            },
        ),
        "productChannelListingUpdate",
    )

    assert listed(graphql_client)["Mật ong"]["isAvailableForPurchase"] is False


def test_removing_a_channel_removes_the_prices_there(graphql_client, member_a, booth_a, channel):
    product = factories.product("Mật ong", vendor=booth_a)

    payload(
        graphql_client(
            CHANNEL_LISTING_UPDATE,
            {
                "id": gid("Product", product.pk),
                "input": {"removeChannels": [gid("Channel", channel.pk)]},
            },
        ),
        "productChannelListingUpdate",
    )

    assert "Mật ong" not in listed(graphql_client)
    assert not ProductChannelListing.objects.filter(product=product).exists()
    assert not ProductVariantChannelListing.objects.filter(variant__product=product).exists()


def test_a_channel_cannot_be_updated_and_removed_at_once(
    graphql_client, member_a, booth_a, channel
):
    product = factories.product("Mật ong", vendor=booth_a)

    result = payload(
        graphql_client(
            CHANNEL_LISTING_UPDATE,
            {
                "id": gid("Product", product.pk),
                "input": {
                    **publish(channel, isPublished=False),
                    "removeChannels": [gid("Channel", channel.pk)],
                },
            },
        ),
        "productChannelListingUpdate",
    )

    assert codes(result) == [("input", "DUPLICATED_INPUT_ITEM")]
    assert result["errors"][0]["channels"] == [gid("Channel", channel.pk)]
    assert "Mật ong" in listed(graphql_client)


def test_an_unknown_channel_is_not_found(graphql_client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)

    result = payload(
        graphql_client(
            CHANNEL_LISTING_UPDATE,
            {
                "id": gid("Product", product.pk),
                "input": {"updateChannels": [{"channelId": gid("Channel", 999)}]},
            },
        ),
        "productChannelListingUpdate",
    )

    assert codes(result) == [("channelId", "NOT_FOUND")]


def test_a_variant_is_sold_in_a_channel_once_it_has_a_price_there(
    graphql_client, member_a, booth_a, channel
):
    product = factories.product("Mật ong", vendor=booth_a, publish=False)
    other_channel = factories.channel("export")
    variant = product.variants.get()

    result = payload(
        graphql_client(
            CHANNEL_LISTING_UPDATE,
            {
                "id": gid("Product", product.pk),
                "input": publish(
                    other_channel,
                    isPublished=True,
                    addVariants=[gid("ProductVariant", variant.pk)],
                ),
            },
        ),
        "productChannelListingUpdate",
    )

    assert codes(result) == [("addVariants", "INVALID")]
    assert result["errors"][0]["variants"] == [gid("ProductVariant", variant.pk)]
    assert not ProductChannelListing.objects.filter(product=product).exists()


def test_variants_of_other_products_cannot_be_listed(graphql_client, member_a, booth_a, channel):
    product = factories.product("Mật ong", vendor=booth_a)
    other = factories.product("Khăn", vendor=booth_a).variants.get()

    result = payload(
        graphql_client(
            CHANNEL_LISTING_UPDATE,
            {
                "id": gid("Product", product.pk),
                "input": publish(channel, removeVariants=[gid("ProductVariant", other.pk)]),
            },
        ),
        "productChannelListingUpdate",
    )

    assert codes(result) == [("removeVariants", "NOT_PRODUCTS_VARIANT")]
    assert ProductVariantChannelListing.objects.filter(variant=other).exists()
