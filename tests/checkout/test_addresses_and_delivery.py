"""Addresses are Vietnamese addresses in normal form; each booth sends its own parcel, so the
shipping price is worked out per booth and summed."""

from django.test import override_settings

from marketplace.accounts.models import Address
from marketplace.checkout.models import Checkout
from marketplace.core.ids import to_global_id
from tests.checkout.shop import (
    BILLING,
    DELIVERY,
    EMAIL_UPDATE,
    HANOI_ADDRESS,
    PICKUP,
    SHIPPING_ADDRESS,
    STANDARD,
    codes,
    create_checkout,
    errors_of,
    ok,
    variant_id,
)

DELIVERY_OPTIONS = """
mutation Options($id: ID!) {
  deliveryOptionsCalculate(id: $id) {
    deliveries {
      id
      shippingMethod { id name price { amount } minimumDeliveryDays maximumDeliveryDays active }
    }
    errors { field code }
  }
}
"""
PRICES = {
    "SHIPPING_PARCEL_PRICE": 25000,
    "SHIPPING_PARCEL_PRICE_OTHER_PROVINCE": 35000,
    "SHIPPING_PRICE_PER_EXTRA_KG": 8000,
}


def three_booth_checkout(graphql_client, shop, quantities=(1, 2, 3)):
    products = (shop.silk, shop.honey, shop.coffee)
    return create_checkout(
        graphql_client,
        [
            {"variantId": variant_id(product), "quantity": quantity}
            for product, quantity in zip(products, quantities, strict=True)
        ],
    )


def test_the_shipping_address_is_stored_in_normal_form(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop)

    payload = ok(
        graphql_client(SHIPPING_ADDRESS, {"id": checkout["id"], "address": HANOI_ADDRESS}),
        "checkoutShippingAddressUpdate",
    )

    assert payload["checkout"]["shippingAddress"] == {
        "countryArea": "Thành phố Hà Nội",
        "city": "Phường Hoàn Kiếm",
        "phone": "+84912345678",
    }


def test_a_wrong_address_lists_every_problem_and_changes_nothing(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop)
    wrong = {**HANOI_ADDRESS, "countryArea": "Hà Tây", "phone": "123", "firstName": ""}

    errors = errors_of(
        graphql_client(SHIPPING_ADDRESS, {"id": checkout["id"], "address": wrong}),
        "checkoutShippingAddressUpdate",
    )

    assert {(e["field"], e["code"], e["addressType"]) for e in errors} == {
        ("firstName", "REQUIRED", "SHIPPING"),
        ("countryArea", "INVALID", "SHIPPING"),
        ("phone", "INVALID", "SHIPPING"),
    }
    assert Checkout.objects.get().shipping_address is None
    assert Address.objects.count() == 0


def test_the_billing_address_is_checked_the_same_way(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop)

    good = graphql_client(BILLING, {"id": checkout["id"], "address": HANOI_ADDRESS})
    bad = graphql_client(
        BILLING, {"id": checkout["id"], "address": {**HANOI_ADDRESS, "country": "TH"}}
    )

    assert ok(good, "checkoutBillingAddressUpdate")["checkout"]["billingAddress"] == {
        "streetAddress1": "12 Hàng Bạc",
        "firstName": "Lan",
    }
    assert [
        (e["field"], e["addressType"]) for e in errors_of(bad, "checkoutBillingAddressUpdate")
    ] == [("country", "BILLING")]


@override_settings(**PRICES)
def test_standard_post_is_priced_per_booth_parcel_and_summed(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop)
    ok(
        graphql_client(SHIPPING_ADDRESS, {"id": checkout["id"], "address": HANOI_ADDRESS}),
        "checkoutShippingAddressUpdate",
    )

    payload = ok(
        graphql_client(DELIVERY, {"id": checkout["id"], "method": STANDARD}),
        "checkoutDeliveryMethodUpdate",
    )

    # Silk stays in Hà Nội (25.000); honey (2 x 500 g) leaves Gia Lai (35.000); coffee
    # (3 x 500 g = 1,5 kg) leaves Đắk Lắk and weighs a second kilogram (35.000 + 8.000).
    shipped = payload["checkout"]
    assert shipped["shippingPrice"]["gross"]["amount"] == 25000 + 35000 + 43000
    assert shipped["delivery"]["shippingMethod"] == {
        "id": STANDARD,
        "name": "Chuyển phát tiêu chuẩn",
        "price": {"amount": 103000},
    }
    assert shipped["totalPrice"]["gross"]["amount"] == 897000 + 103000


@override_settings(**PRICES)
def test_without_an_address_every_parcel_is_priced_as_leaving_its_province(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop, quantities=(1, 1, 1))

    methods = {m["name"]: m["price"]["amount"] for m in checkout["shippingMethods"]}

    assert methods == {"Chuyển phát tiêu chuẩn": 3 * 35000, "Nhận hàng tại gian hàng": 0}


@override_settings(**PRICES)
def test_a_heavy_parcel_pays_each_started_kilogram(graphql_client, shop):
    shop.honey.variants.update(weight_grams=1200)
    checkout = create_checkout(
        graphql_client, [{"variantId": variant_id(shop.honey), "quantity": 2}]
    )

    methods = {m["name"]: m["price"]["amount"] for m in checkout["shippingMethods"]}

    # 2,4 kg: the first kilogram and two more started.
    assert methods["Chuyển phát tiêu chuẩn"] == 35000 + 2 * 8000


def test_pick_up_at_the_booth_is_free(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop)

    payload = ok(
        graphql_client(DELIVERY, {"id": checkout["id"], "method": PICKUP}),
        "checkoutDeliveryMethodUpdate",
    )

    assert payload["checkout"]["shippingPrice"]["gross"]["amount"] == 0
    assert payload["checkout"]["delivery"]["shippingMethod"]["name"] == "Nhận hàng tại gian hàng"


def test_an_unknown_delivery_method_is_not_applicable(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop)

    for method in (to_global_id("ShippingMethod", "drone"), to_global_id("Warehouse", "1")):
        response = graphql_client(DELIVERY, {"id": checkout["id"], "method": method})
        assert codes(response, "checkoutDeliveryMethodUpdate") == ["DELIVERY_METHOD_NOT_APPLICABLE"]
    assert Checkout.objects.get().delivery_method == ""


@override_settings(**PRICES)
def test_delivery_options_are_calculated_for_the_checkout(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop, quantities=(1, 1, 1))

    response = graphql_client(DELIVERY_OPTIONS, {"id": checkout["id"]})

    deliveries = response.data["deliveryOptionsCalculate"]["deliveries"]
    assert [
        (d["shippingMethod"]["name"], d["shippingMethod"]["price"]["amount"]) for d in deliveries
    ] == [
        ("Chuyển phát tiêu chuẩn", 105000),
        ("Nhận hàng tại gian hàng", 0),
    ]
    assert all(d["shippingMethod"]["active"] for d in deliveries)
    assert deliveries[0]["shippingMethod"]["minimumDeliveryDays"] == 2


def test_the_email_is_checked(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop)

    good = graphql_client(EMAIL_UPDATE, {"id": checkout["id"], "email": "Lan@Example.com "})
    bad = graphql_client(EMAIL_UPDATE, {"id": checkout["id"], "email": "lan@"})

    assert ok(good, "checkoutEmailUpdate")["checkout"]["email"] == "lan@example.com"
    assert codes(bad, "checkoutEmailUpdate") == ["INVALID"]
    assert Checkout.objects.get().email == "lan@example.com"


def test_cash_on_delivery_is_the_first_payment_gateway(graphql_client, shop):
    checkout = three_booth_checkout(graphql_client, shop)

    gateways = checkout["availablePaymentGateways"]

    assert gateways[0]["id"] == "cod"
    assert gateways[0]["currencies"] == ["VND"]
    assert gateways[0]["config"][0]["field"] == "instructions"
