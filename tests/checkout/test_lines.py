"""A checkout holds lines from any number of booths; every bad line gets Saleor's error code and
a clear message, and a call with one bad line changes nothing."""

from datetime import timedelta

from django.utils import timezone

from marketplace.catalog import services as catalog_services
from marketplace.catalog.models import ProductChannelListing, ProductVariantChannelListing, Stock
from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.core.ids import to_global_id
from marketplace.core.permissions import SYSTEM
from tests import factories
from tests.checkout.shop import (
    CHECKOUT,
    LINES_ADD,
    LINES_DELETE,
    LINES_UPDATE,
    codes,
    create_checkout,
    errors_of,
    ok,
    variant_id,
)
from vendors import services as vendor_services
from vendors.models import BoothStatus


def add(graphql_client, checkout, *lines):
    return graphql_client(LINES_ADD, {"id": checkout["id"], "lines": list(lines)})


def line(product, quantity=1, index=0):
    return {"variantId": variant_id(product, index), "quantity": quantity}


def test_a_checkout_holds_lines_from_three_booths_with_per_booth_totals(graphql_client, shop):
    checkout = create_checkout(
        graphql_client, [line(shop.silk), line(shop.honey, 2), line(shop.coffee, 3)]
    )

    assert checkout["quantity"] == 6
    assert checkout["vendorCount"] == 3
    assert [
        (item["variant"]["product"]["name"], item["quantity"]) for item in checkout["lines"]
    ] == [
        ("Khăn lụa", 1),
        ("Mật ong rừng", 2),
        ("Cà phê Robusta", 3),
    ]
    assert [item["totalPrice"]["gross"]["amount"] for item in checkout["lines"]] == [
        350000,
        250000,
        297000,
    ]
    assert checkout["subtotalPrice"]["gross"]["amount"] == 897000
    # No delivery method yet: no shipping.
    assert checkout["totalPrice"]["gross"] == {"amount": 897000, "currency": "VND"}
    assert checkout["totalPrice"]["tax"]["amount"] == 0


def test_adding_a_variant_again_adds_to_its_line(graphql_client, shop):
    checkout = create_checkout(graphql_client, [line(shop.honey)])

    payload = ok(
        add(graphql_client, checkout, line(shop.honey, 2), line(shop.silk)), "checkoutLinesAdd"
    )

    assert [item["quantity"] for item in payload["checkout"]["lines"]] == [3, 1]
    assert CheckoutLine.objects.count() == 2


def test_updating_sets_quantities_and_zero_removes_a_line(graphql_client, shop):
    checkout = create_checkout(graphql_client, [line(shop.honey), line(shop.silk)])
    honey, silk = (item["id"] for item in checkout["lines"])

    payload = ok(
        graphql_client(
            LINES_UPDATE,
            {
                "id": checkout["id"],
                "lines": [{"lineId": honey, "quantity": 4}, {"lineId": silk, "quantity": 0}],
            },
        ),
        "checkoutLinesUpdate",
    )

    assert [(item["id"], item["quantity"]) for item in payload["checkout"]["lines"]] == [(honey, 4)]
    assert payload["checkout"]["subtotalPrice"]["gross"]["amount"] == 500000


def test_lines_are_deleted_by_id(graphql_client, shop):
    checkout = create_checkout(graphql_client, [line(shop.honey), line(shop.silk)])
    honey = checkout["lines"][0]["id"]

    payload = ok(
        graphql_client(LINES_DELETE, {"id": checkout["id"], "linesIds": [honey]}),
        "checkoutLinesDelete",
    )

    assert [item["variant"]["product"]["name"] for item in payload["checkout"]["lines"]] == [
        "Khăn lụa"
    ]


def test_deleting_a_line_of_another_checkout_is_not_found(graphql_client, shop):
    mine = create_checkout(graphql_client, [line(shop.honey)])
    theirs = create_checkout(graphql_client, [line(shop.silk)])

    response = graphql_client(
        LINES_DELETE, {"id": mine["id"], "linesIds": [theirs["lines"][0]["id"]]}
    )

    assert codes(response, "checkoutLinesDelete") == ["NOT_FOUND"]
    assert CheckoutLine.objects.count() == 2


def test_an_unknown_variant_is_not_found(graphql_client, shop):
    checkout = create_checkout(graphql_client)
    unknown = to_global_id("ProductVariant", 999999)

    errors = errors_of(
        add(graphql_client, checkout, {"variantId": unknown, "quantity": 1}), "checkoutLinesAdd"
    )

    assert [(e["code"], e["field"], e["variants"]) for e in errors] == [
        ("NOT_FOUND", "variantId", [unknown])
    ]
    assert "Không tìm thấy phân loại sản phẩm" in errors[0]["message"]


def test_a_malformed_variant_id_is_a_graphql_error_code(graphql_client, shop):
    checkout = create_checkout(graphql_client)

    response = add(graphql_client, checkout, {"variantId": "not-an-id", "quantity": 1})

    assert codes(response, "checkoutLinesAdd") == ["GRAPHQL_ERROR"]


def test_a_deleted_variant_is_not_found_and_its_line_goes(graphql_client, shop):
    checkout = create_checkout(graphql_client, [line(shop.coffee)])
    coffee = shop.coffee.variants.get()
    gone = variant_id(shop.coffee)
    catalog_services.delete_variant(actor=SYSTEM, variant=coffee)

    response = add(graphql_client, checkout, {"variantId": gone, "quantity": 1})

    assert codes(response, "checkoutLinesAdd") == ["NOT_FOUND"]
    assert graphql_client(CHECKOUT, {"id": checkout["id"]}).data["checkout"]["lines"] == []


def test_zero_and_negative_quantities_are_refused(graphql_client, shop):
    checkout = create_checkout(graphql_client, [line(shop.honey)])

    zero = add(graphql_client, checkout, line(shop.silk, 0))
    negative = add(graphql_client, checkout, line(shop.silk, -2))
    update = graphql_client(
        LINES_UPDATE,
        {"id": checkout["id"], "lines": [{"lineId": checkout["lines"][0]["id"], "quantity": -1}]},
    )

    assert codes(zero, "checkoutLinesAdd") == ["ZERO_QUANTITY"]
    assert codes(negative, "checkoutLinesAdd") == ["ZERO_QUANTITY"]
    assert codes(update, "checkoutLinesUpdate") == ["ZERO_QUANTITY"]
    assert list(CheckoutLine.objects.values_list("quantity", flat=True)) == [1]


def test_more_than_fifty_of_a_variant_is_over_the_limit(graphql_client, shop):
    checkout = create_checkout(graphql_client)
    Stock.objects.update(quantity=500)

    errors = errors_of(add(graphql_client, checkout, line(shop.honey, 51)), "checkoutLinesAdd")

    assert [(e["code"], e["variants"]) for e in errors] == [
        ("QUANTITY_GREATER_THAN_LIMIT", [variant_id(shop.honey)])
    ]
    assert "tối đa 50" in errors[0]["message"]


def test_a_per_customer_limit_counts_the_checkout_line(graphql_client, shop):
    shop.honey.variants.update(quantity_limit_per_customer=2)
    checkout = create_checkout(graphql_client, [line(shop.honey, 2)])

    response = add(graphql_client, checkout, line(shop.honey))

    assert codes(response, "checkoutLinesAdd") == ["QUANTITY_GREATER_THAN_LIMIT"]
    assert list(CheckoutLine.objects.values_list("quantity", flat=True)) == [2]


def test_more_than_in_stock_is_insufficient_stock(graphql_client, shop):
    checkout = create_checkout(graphql_client)

    errors = errors_of(add(graphql_client, checkout, line(shop.silk, 11)), "checkoutLinesAdd")

    assert [e["code"] for e in errors] == ["INSUFFICIENT_STOCK"]
    assert "chỉ còn 10" in errors[0]["message"]


def test_an_unpublished_product_is_not_published(graphql_client, shop):
    hidden = factories.product("Túi cói", vendor=shop.hanoi, publish=False)
    checkout = create_checkout(graphql_client)

    response = add(graphql_client, checkout, line(hidden))

    assert codes(response, "checkoutLinesAdd") == ["PRODUCT_NOT_PUBLISHED"]


def test_a_product_of_a_suspended_booth_cannot_be_added(graphql_client, shop):
    vendor_services.change_booth_status(
        actor=SYSTEM, booth=shop.dak_lak, to_status=BoothStatus.SUSPENDED, reason="Kiểm tra"
    )
    checkout = create_checkout(graphql_client)

    response = add(graphql_client, checkout, line(shop.coffee))

    assert codes(response, "checkoutLinesAdd") == ["PRODUCT_NOT_PUBLISHED"]


def test_a_variant_without_a_price_in_the_channel_is_unavailable(graphql_client, shop):
    ProductVariantChannelListing.objects.filter(variant__product=shop.silk).delete()
    checkout = create_checkout(graphql_client)

    response = add(graphql_client, checkout, line(shop.silk))

    assert codes(response, "checkoutLinesAdd") == ["UNAVAILABLE_VARIANT_IN_CHANNEL"]


def test_a_product_whose_sale_has_not_started_is_unavailable_for_purchase(graphql_client, shop):
    ProductChannelListing.objects.filter(product=shop.silk).update(
        available_for_purchase_at=timezone.now() + timedelta(days=3)
    )
    checkout = create_checkout(graphql_client)

    response = add(graphql_client, checkout, line(shop.silk))

    assert codes(response, "checkoutLinesAdd") == ["PRODUCT_UNAVAILABLE_FOR_PURCHASE"]


def test_one_bad_line_among_good_ones_writes_nothing(graphql_client, shop):
    checkout = create_checkout(graphql_client, [line(shop.honey)])
    before = checkout_state()

    response = add(graphql_client, checkout, line(shop.silk, 2), line(shop.coffee, 80))

    assert codes(response, "checkoutLinesAdd") == ["QUANTITY_GREATER_THAN_LIMIT"]
    assert checkout_state() == before


def test_every_problem_of_the_lines_is_reported_at_once(graphql_client, shop):
    checkout = create_checkout(graphql_client)

    response = add(
        graphql_client, checkout, {"variantId": "not-an-id", "quantity": 1}, line(shop.silk, 0)
    )

    assert codes(response, "checkoutLinesAdd") == ["GRAPHQL_ERROR", "ZERO_QUANTITY"]


def test_a_storefront_cannot_set_its_own_price(graphql_client, shop):
    checkout = create_checkout(graphql_client)

    response = add(graphql_client, checkout, {**line(shop.silk), "price": 1000})

    assert codes(response, "checkoutLinesAdd") == ["PERMISSION_DENIED"]
    assert CheckoutLine.objects.count() == 0


def test_an_unknown_checkout_is_not_found(graphql_client, shop):
    fake = {"id": to_global_id("Checkout", "8d3c1f2e-0000-4000-8000-000000000000")}

    response = add(graphql_client, fake, line(shop.silk))

    assert codes(response, "checkoutLinesAdd") == ["NOT_FOUND"]


def checkout_state():
    return (
        list(Checkout.objects.values_list("token", "updated_at")),
        list(CheckoutLine.objects.values_list("variant_id", "quantity", "price_amount")),
    )
