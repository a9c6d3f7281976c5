"""productVariantCreate, productVariantUpdate, productVariantDelete and
productVariantStocksUpdate: SKUs, stock at the booth and prices in whole dong."""

import pytest

from marketplace.catalog.models import (
    AttributeInputType,
    AttributeValue,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from tests import factories
from tests.catalog_mutations.operations import (
    CHANNEL_PRODUCTS,
    STOCKS_UPDATE,
    VARIANT_CREATE,
    VARIANT_DELETE,
    VARIANT_UPDATE,
    codes,
    gid,
    payload,
)


@pytest.fixture
def honey(booth_a, channel):
    """A published product of booth A, with one variant (SKU-…-0) at 125,000 dong."""
    return factories.product("Mật ong rừng", vendor=booth_a, price=125000, quantity=10)


def variant_input(product, **fields):
    return {"product": gid("Product", product.pk), "attributes": [], **fields}


def price_in(channel, amount):
    return [{"channelId": gid("Channel", channel.pk), "price": amount}]


def listed(graphql_client) -> dict:
    edges = payload(graphql_client(CHANNEL_PRODUCTS, {}), "products")["edges"]
    return {edge["node"]["name"]: edge["node"] for edge in edges}


def test_a_variant_is_created_with_its_stock_and_price(
    graphql_client, member_a, honey, booth_a, channel
):
    result = payload(
        graphql_client(
            VARIANT_CREATE,
            {
                "input": variant_input(
                    honey,
                    sku="MO-500",
                    name="Chai 500 ml",
                    stocks=[{"warehouse": gid("Vendor", booth_a.pk), "quantity": 7}],
                    channelListings=price_in(channel, 90000),
                    quantityLimitPerCustomer=3,
                )
            },
        ),
        "productVariantCreate",
    )

    assert result["errors"] == []
    variant = result["productVariant"]
    assert variant["sku"] == "MO-500"
    assert variant["name"] == "Chai 500 ml"
    assert variant["quantityAvailable"] == 7
    assert variant["quantityLimitPerCustomer"] == 3
    assert variant["product"]["id"] == gid("Product", honey.pk)
    node = listed(graphql_client)["Mật ong rừng"]
    price_range = node["pricing"]["priceRange"]
    assert price_range["start"]["gross"] == {"amount": 90000, "currency": "VND"}
    assert price_range["stop"]["gross"] == {"amount": 125000, "currency": "VND"}


def test_a_variant_without_stock_starts_at_zero(graphql_client, member_a, honey):
    result = payload(
        graphql_client(VARIANT_CREATE, {"input": variant_input(honey, sku="MO-1")}),
        "productVariantCreate",
    )

    assert result["productVariant"]["quantityAvailable"] == 0


@pytest.mark.parametrize(
    ("amount", "message_part"),
    [(12500.5, "số nguyên"), ("99.99", "số nguyên"), (-1, "số âm"), ("abc", "number")],
)
def test_prices_are_whole_non_negative_dong(
    graphql_client, member_a, honey, channel, amount, message_part
):
    response = graphql_client(
        VARIANT_CREATE,
        {"input": variant_input(honey, sku="MO-X", channelListings=price_in(channel, amount))},
    )

    if amount == "abc":
        # Not a number at all: GraphQL itself refuses the variable.
        assert response.errors
        assert "PositiveDecimal" in response.errors[0]["message"]
    else:
        result = payload(response, "productVariantCreate")
        assert codes(result) == [("price", "INVALID")]
        assert message_part in result["errors"][0]["message"]
    assert not ProductVariant.objects.filter(sku="MO-X").exists()


def test_a_refused_variant_leaves_nothing_behind(graphql_client, member_a, honey, channel):
    weight = factories.attribute("can-nang", AttributeInputType.NUMERIC)
    before = (ProductVariant.objects.count(), Stock.objects.count())

    result = payload(
        graphql_client(
            VARIANT_CREATE,
            {
                "input": variant_input(
                    honey,
                    sku="MO-Y",
                    stocks=[{"warehouse": gid("Vendor", honey.vendor_id), "quantity": 5}],
                    channelListings=price_in(channel, 50000),
                    # Refused only after the variant, its stock and its price were written.
                    attributes=[{"id": gid("Attribute", weight.pk), "numeric": "nặng lắm"}],
                )
            },
        ),
        "productVariantCreate",
    )

    assert codes(result) == [("attributes", "INVALID")]
    assert (ProductVariant.objects.count(), Stock.objects.count()) == before
    assert not ProductVariantChannelListing.objects.filter(price_amount=50000).exists()
    assert not AttributeValue.objects.filter(attribute=weight).exists()


def test_a_sku_is_unique_within_a_booth(graphql_client, member_a, honey):
    taken = honey.variants.get().sku

    result = payload(
        graphql_client(VARIANT_CREATE, {"input": variant_input(honey, sku=taken)}),
        "productVariantCreate",
    )

    assert codes(result) == [("sku", "UNIQUE")]
    assert ProductVariant.objects.filter(sku=taken).count() == 1


def test_another_booth_may_use_the_same_sku(graphql_client, member_a, honey, booth_b):
    other = factories.product("Khăn", vendor=booth_b)
    sku = other.variants.get().sku

    result = payload(
        graphql_client(VARIANT_CREATE, {"input": variant_input(honey, sku=sku)}),
        "productVariantCreate",
    )

    assert result["errors"] == []
    assert ProductVariant.objects.filter(sku=sku).count() == 2


def test_stock_is_held_by_the_products_booth(graphql_client, member_a, honey, booth_b):
    result = payload(
        graphql_client(
            VARIANT_CREATE,
            {
                "input": variant_input(
                    honey,
                    sku="MO-Z",
                    stocks=[{"warehouse": gid("Vendor", booth_b.pk), "quantity": 1}],
                )
            },
        ),
        "productVariantCreate",
    )

    assert codes(result) == [("warehouse", "NOT_FOUND")]
    assert not ProductVariant.objects.filter(sku="MO-Z").exists()


def test_update_changes_the_price_and_the_price_range(graphql_client, member_a, honey, channel):
    variant = honey.variants.get()

    result = payload(
        graphql_client(
            VARIANT_UPDATE,
            {
                "id": gid("ProductVariant", variant.pk),
                "input": {"name": "Chai 1 lít", "channelListings": price_in(channel, "150000")},
            },
        ),
        "productVariantUpdate",
    )

    assert result["errors"] == []
    assert result["productVariant"]["name"] == "Chai 1 lít"
    price_range = listed(graphql_client)["Mật ong rừng"]["pricing"]["priceRange"]
    assert price_range["start"]["gross"]["amount"] == 150000
    assert price_range["stop"]["gross"]["amount"] == 150000


def test_update_to_a_fractional_price_changes_nothing(graphql_client, member_a, honey, channel):
    variant = honey.variants.get()

    result = payload(
        graphql_client(
            VARIANT_UPDATE,
            {
                "id": gid("ProductVariant", variant.pk),
                "input": {"name": "Đổi tên", "channelListings": price_in(channel, 1.5)},
            },
        ),
        "productVariantUpdate",
    )

    assert codes(result) == [("price", "INVALID")]
    variant.refresh_from_db()
    assert variant.name == "Loại 1"
    assert variant.channel_listings.get().price_amount == 125000


def test_a_variant_is_found_by_its_sku(graphql_client, member_a, honey):
    variant = honey.variants.get()

    result = payload(
        graphql_client(VARIANT_UPDATE, {"sku": variant.sku, "input": {"trackInventory": False}}),
        "productVariantUpdate",
    )

    assert result["errors"] == []
    assert result["productVariant"]["trackInventory"] is False


def test_update_to_a_sku_in_use_is_refused(graphql_client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a, prices=[100000, 200000])
    first, second = product.variants.all()

    result = payload(
        graphql_client(
            VARIANT_UPDATE, {"id": gid("ProductVariant", second.pk), "input": {"sku": first.sku}}
        ),
        "productVariantUpdate",
    )

    assert codes(result) == [("sku", "UNIQUE")]


def test_delete_removes_the_variant_and_updates_the_price_range(graphql_client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a, prices=[100000, 200000])
    cheap = product.variants.get(channel_listings__price_amount=100000)

    result = payload(
        graphql_client(VARIANT_DELETE, {"id": gid("ProductVariant", cheap.pk)}),
        "productVariantDelete",
    )

    assert result == {
        "productVariant": {"id": gid("ProductVariant", cheap.pk), "sku": cheap.sku},
        "errors": [],
    }
    assert not ProductVariant.objects.filter(pk=cheap.pk).exists()
    price_range = listed(graphql_client)["Mật ong"]["pricing"]["priceRange"]
    assert price_range["start"]["gross"]["amount"] == 200000


def test_stocks_update_changes_what_shoppers_can_buy(graphql_client, member_a, honey):
    variant = honey.variants.get()

    result = payload(
        graphql_client(
            STOCKS_UPDATE,
            {
                "variantId": gid("ProductVariant", variant.pk),
                "stocks": [{"warehouse": gid("Vendor", honey.vendor_id), "quantity": 42}],
            },
        ),
        "productVariantStocksUpdate",
    )

    assert result == {
        "productVariant": {"id": gid("ProductVariant", variant.pk), "quantityAvailable": 42},
        "errors": [],
    }
    assert listed(graphql_client)["Mật ong rừng"]["variants"][0]["quantityAvailable"] == 42


def test_stocks_update_by_sku(graphql_client, member_a, honey):
    variant = honey.variants.get()

    result = payload(
        graphql_client(
            STOCKS_UPDATE,
            {
                "sku": variant.sku,
                "stocks": [{"warehouse": gid("Vendor", honey.vendor_id), "quantity": 0}],
            },
        ),
        "productVariantStocksUpdate",
    )

    assert result["productVariant"]["quantityAvailable"] == 0


def test_stock_cannot_be_negative(graphql_client, member_a, honey):
    variant = honey.variants.get()

    result = payload(
        graphql_client(
            STOCKS_UPDATE,
            {
                "variantId": gid("ProductVariant", variant.pk),
                "stocks": [{"warehouse": gid("Vendor", honey.vendor_id), "quantity": -3}],
            },
        ),
        "productVariantStocksUpdate",
    )

    assert [(e["field"], e["code"], e["index"]) for e in result["errors"]] == [
        ("quantity", "INVALID", 0)
    ]
    assert Stock.objects.get(variant=variant).quantity == 10


def test_a_variant_has_one_stock(graphql_client, member_a, honey):
    variant = honey.variants.get()
    booth = gid("Vendor", honey.vendor_id)

    result = payload(
        graphql_client(
            STOCKS_UPDATE,
            {
                "variantId": gid("ProductVariant", variant.pk),
                "stocks": [
                    {"warehouse": booth, "quantity": 1},
                    {"warehouse": booth, "quantity": 2},
                ],
            },
        ),
        "productVariantStocksUpdate",
    )

    assert [(e["field"], e["code"], e["index"]) for e in result["errors"]] == [
        ("warehouse", "DUPLICATED_INPUT_ITEM", 1)
    ]
    assert Stock.objects.get(variant=variant).quantity == 10
