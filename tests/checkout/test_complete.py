"""Completing a checkout places one order for the shopper with one sub-order per booth; whatever is
missing or wrong gets Saleor's error code and nothing is written."""

import pytest

from marketplace.accounts.models import Address
from marketplace.catalog import services as catalog_services
from marketplace.catalog.models import ProductChannelListing, Stock
from marketplace.checkout import complete as completion
from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.orders.models import BoothOrder, LedgerEntry, Order, OrderLine
from tests.checkout.shop import (
    CHECKOUT,
    CREATE,
    DELIVERY,
    HANOI_ADDRESS,
    SHIPPING_ADDRESS,
    STANDARD,
    bearer,
    codes,
    complete,
    errors_of,
    ok,
    person,
    ready_checkout,
    variant_id,
)

ME_ORDERS = """
query {
  me { orders(first: 10) { totalCount edges { node { number total { gross { amount } } } } } }
}
"""


def database_state():
    """What a failed completion must leave exactly as it was."""
    return (
        list(Checkout.objects.values_list("token", "email", "delivery_method")),
        list(CheckoutLine.objects.values_list("pk", "quantity", "price_amount")),
        list(Stock.objects.values_list("pk", "quantity", "quantity_allocated")),
        Order.objects.count(),
        BoothOrder.objects.count(),
        LedgerEntry.objects.count(),
    )


def test_completing_places_one_order_with_one_sub_order_per_booth(graphql_client, shop):
    checkout = ready_checkout(graphql_client, shop)

    order = ok(complete(graphql_client, checkout["id"]), "checkoutComplete")["order"]

    assert order["status"] == "UNFULFILLED"
    assert order["paymentGateway"] == "cod"
    assert (order["chargeStatus"], order["paymentStatus"], order["isPaid"]) == (
        "NONE",
        "NOT_CHARGED",
        False,
    )
    assert order["total"]["gross"] == {"amount": 1000000, "currency": "VND"}
    assert order["subtotal"]["gross"]["amount"] == 897000
    assert order["shippingPrice"]["gross"]["amount"] == 103000
    assert order["totalBalance"]["amount"] == -1000000
    assert order["userEmail"] == "lan@example.com"
    assert order["shippingAddress"]["countryArea"] == "Thành phố Hà Nội"
    assert order["deliveryMethod"] == {
        "name": "Chuyển phát tiêu chuẩn",
        "price": {"amount": 103000},
    }
    assert [
        (line["productName"], line["quantity"], line["vendor"]["name"]) for line in order["lines"]
    ] == [
        ("Khăn lụa", 1, "Tổ hợp tác lụa Vạn Phúc"),
        ("Mật ong rừng", 2, "Hợp tác xã mật ong Gia Lai"),
        ("Cà phê Robusta", 3, "Tổ hợp tác cà phê Ê Đê"),
    ]
    parcels = [
        (
            sub["vendor"]["name"],
            sub["subtotal"]["amount"],
            sub["shippingPrice"]["amount"],
            sub["total"]["amount"],
        )
        for sub in order["vendorOrders"]
    ]
    assert parcels == [
        ("Tổ hợp tác lụa Vạn Phúc", 350000, 25000, 375000),
        ("Hợp tác xã mật ong Gia Lai", 250000, 35000, 285000),
        ("Tổ hợp tác cà phê Ê Đê", 297000, 43000, 340000),
    ]
    # The shopper never sees the platform's commission.
    assert {sub["commission"] for sub in order["vendorOrders"]} == {None}
    assert order["fulfillments"] == []
    # Stock is promised, not yet gone; the checkout is gone.
    assert sorted(Stock.objects.values_list("quantity", "quantity_allocated")) == [
        (10, 1),
        (10, 2),
        (10, 3),
    ]
    assert not Checkout.objects.exists()
    assert LedgerEntry.objects.count() == 3


def test_completing_twice_answers_the_same_order(graphql_client, shop):
    checkout = ready_checkout(graphql_client, shop)
    first = ok(complete(graphql_client, checkout["id"]), "checkoutComplete")["order"]

    second = ok(complete(graphql_client, checkout["id"]), "checkoutComplete")["order"]

    assert second["id"] == first["id"]
    assert Order.objects.count() == 1
    assert OrderLine.objects.count() == 3
    assert sum(Stock.objects.values_list("quantity_allocated", flat=True)) == 6


def test_a_completed_checkout_takes_no_more_changes(graphql_client, shop):
    checkout = ready_checkout(graphql_client, shop)
    ok(complete(graphql_client, checkout["id"]), "checkoutComplete")

    response = graphql_client(DELIVERY, {"id": checkout["id"], "method": STANDARD})

    assert codes(response, "checkoutDeliveryMethodUpdate") == ["NOT_FOUND"]


def test_an_empty_checkout_cannot_be_completed(graphql_client, shop):
    response = graphql_client(CREATE, {"input": {"channel": "default-channel", "lines": []}})
    checkout = ok(response, "checkoutCreate")["checkout"]

    assert codes(complete(graphql_client, checkout["id"]), "checkoutComplete") == ["NO_LINES"]


def test_completing_without_address_delivery_or_email_lists_what_is_missing(graphql_client, shop):
    response = graphql_client(
        CREATE,
        {
            "input": {
                "channel": "default-channel",
                "lines": [{"variantId": variant_id(shop.silk), "quantity": 1}],
            }
        },
    )
    checkout = ok(response, "checkoutCreate")["checkout"]
    before = database_state()

    errors = errors_of(complete(graphql_client, checkout["id"]), "checkoutComplete")

    assert [(e["code"], e["field"]) for e in errors] == [
        ("EMAIL_NOT_SET", "email"),
        ("SHIPPING_ADDRESS_NOT_SET", "shippingAddress"),
        ("BILLING_ADDRESS_NOT_SET", "billingAddress"),
        ("SHIPPING_METHOD_NOT_SET", "deliveryMethod"),
    ]
    assert all(e["message"] for e in errors)
    assert database_state() == before


def test_a_product_unpublished_since_it_was_added_stops_the_order(graphql_client, shop):
    checkout = ready_checkout(graphql_client, shop)
    ProductChannelListing.objects.filter(product=shop.honey).update(is_published=False)
    before = database_state()

    errors = errors_of(complete(graphql_client, checkout["id"]), "checkoutComplete")

    assert [(e["code"], e["variants"]) for e in errors] == [
        ("PRODUCT_NOT_PUBLISHED", [variant_id(shop.honey)])
    ]
    assert database_state() == before


def test_stock_sold_elsewhere_since_adding_stops_the_whole_order(graphql_client, shop):
    checkout = ready_checkout(graphql_client, shop)
    Stock.objects.filter(variant__product=shop.coffee).update(quantity_allocated=9)
    before = database_state()

    errors = errors_of(complete(graphql_client, checkout["id"]), "checkoutComplete")

    assert [(e["code"], e["lines"]) for e in errors] == [
        ("INSUFFICIENT_STOCK", [checkout["lines"][2]["id"]])
    ]
    assert "chỉ còn 1" in errors[0]["message"]
    # Not even the silk and the honey were promised.
    assert database_state() == before


def test_stock_short_at_the_last_moment_leaves_no_half_order(graphql_client, shop, monkeypatch):
    """The check before the lock passed; the allocation inside it finds the shelf short."""
    checkout = ready_checkout(graphql_client, shop)
    monkeypatch.setattr(completion, "check_quantity", lambda *args, **kwargs: None)
    Stock.objects.filter(variant__product=shop.coffee).update(quantity=2)
    before = database_state()

    errors = errors_of(complete(graphql_client, checkout["id"]), "checkoutComplete")

    assert [(e["code"], e["variants"]) for e in errors] == [
        ("INSUFFICIENT_STOCK", [variant_id(shop.coffee)])
    ]
    assert database_state() == before


def test_a_price_changed_since_adding_is_shown_before_the_order_is_placed(graphql_client, shop):
    checkout = ready_checkout(graphql_client, shop)
    honey = shop.honey.variants.get()
    catalog_services.set_variant_price(variant=honey, channel=shop.channel, amount=140000)

    refused = errors_of(complete(graphql_client, checkout["id"]), "checkoutComplete")

    assert [(e["code"], e["lines"]) for e in refused] == [
        ("PRICE_CHANGED", [checkout["lines"][1]["id"]])
    ]
    assert Order.objects.count() == 0
    shown = graphql_client(CHECKOUT, {"id": checkout["id"]}).data["checkout"]
    assert shown["totalPrice"]["gross"]["amount"] == 1000000 + 2 * 15000
    # Now the shopper has seen the new price: the next completion goes through at it.
    order = ok(complete(graphql_client, checkout["id"]), "checkoutComplete")["order"]
    assert order["total"]["gross"]["amount"] == 1030000
    assert order["lines"][1]["unitPrice"]["gross"]["amount"] == 140000


def test_a_signed_in_shopper_finds_her_order_and_keeps_her_address(graphql_client, shop):
    lan = person("lan@example.com")
    checkout = ready_checkout(graphql_client, shop, headers=bearer(lan))

    ok(complete(graphql_client, checkout["id"], headers=bearer(lan)), "checkoutComplete")

    orders = graphql_client(ME_ORDERS, headers=bearer(lan)).data["me"]["orders"]
    assert orders["totalCount"] == 1
    assert orders["edges"][0]["node"]["total"]["gross"]["amount"] == 1000000
    # Saleor's saveAddress: both addresses go to her address book, the first as defaults.
    lan.refresh_from_db()
    book = Address.objects.filter(user=lan)
    assert sorted(book.values_list("street_address_1", flat=True)) == ["12 Hàng Bạc", "5 Lê Lợi"]
    assert lan.default_shipping_address.street_address_1 == "12 Hàng Bạc"
    assert lan.default_billing_address.street_address_1 == "5 Lê Lợi"


def test_an_address_already_in_the_book_is_not_saved_twice(graphql_client, shop):
    lan = person("lan@example.com")
    for _ in range(2):
        checkout = ready_checkout(graphql_client, shop, headers=bearer(lan))
        ok(complete(graphql_client, checkout["id"], headers=bearer(lan)), "checkoutComplete")

    assert Address.objects.filter(user=lan).count() == 2


def test_a_checkout_paid_in_part_by_card_is_not_completed(graphql_client, shop, monkeypatch):
    checkout = ready_checkout(graphql_client, shop)
    monkeypatch.setattr(completion, "checkout_payments", lambda c: (400000, 400000, "stripe"))
    before = database_state()

    errors = errors_of(complete(graphql_client, checkout["id"]), "checkoutComplete")

    assert [e["code"] for e in errors] == ["CHECKOUT_NOT_FULLY_PAID"]
    assert database_state() == before


def test_a_checkout_paid_in_full_by_card_becomes_a_paid_order(graphql_client, shop, monkeypatch):
    """The card side's contract: its transactions cover the total, and at completion it reports
    the charge to the order through `record_payment`."""
    from marketplace.orders.services import record_payment

    checkout = ready_checkout(graphql_client, shop)
    monkeypatch.setattr(completion, "checkout_payments", lambda c: (1000000, 1000000, "stripe"))
    monkeypatch.setattr(
        completion,
        "_attach_payments",
        lambda c, order: record_payment(order=order, amount=1000000, reference="pi_123"),
    )

    order = ok(complete(graphql_client, checkout["id"]), "checkoutComplete")["order"]

    assert order["paymentGateway"] == "stripe"
    assert (order["chargeStatus"], order["isPaid"], order["paymentStatus"]) == (
        "FULL",
        True,
        "FULLY_CHARGED",
    )
    assert order["totalCharged"]["amount"] == 1000000
    assert order["totalBalance"]["amount"] == 0


@pytest.mark.parametrize("method", ["standard", "pickup"])
def test_the_order_keeps_the_delivery_method(graphql_client, shop, method):
    from marketplace.core.ids import to_global_id

    checkout = ready_checkout(graphql_client, shop, method=to_global_id("ShippingMethod", method))

    order = ok(complete(graphql_client, checkout["id"]), "checkoutComplete")["order"]

    expected = {"standard": 103000, "pickup": 0}[method]
    assert order["deliveryMethod"]["price"]["amount"] == expected
    assert order["total"]["gross"]["amount"] == 897000 + expected


def test_the_shipping_address_can_change_until_completion(graphql_client, shop):
    checkout = ready_checkout(graphql_client, shop)
    gia_lai = {**HANOI_ADDRESS, "countryArea": "Gia Lai", "city": "An Khê"}
    ok(
        graphql_client(SHIPPING_ADDRESS, {"id": checkout["id"], "address": gia_lai}),
        "checkoutShippingAddressUpdate",
    )

    order = ok(complete(graphql_client, checkout["id"]), "checkoutComplete")["order"]

    # Now the honey stays in Gia Lai and the silk leaves Hà Nội.
    assert [sub["shippingPrice"]["amount"] for sub in order["vendorOrders"]] == [
        35000,
        25000,
        43000,
    ]
    assert Address.objects.filter(user=None).count() == 2
