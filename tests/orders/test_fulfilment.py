"""Each booth fulfils its own part: unfulfilled -> shipped (tracking number) -> delivered, or
canceled before it ships. Cash on delivery is confirmed per parcel."""

from marketplace.catalog.models import Stock
from marketplace.core.ids import to_global_id
from marketplace.orders.models import BoothOrder, BoothOrderStatus, LedgerEntry, Order
from tests.checkout.shop import ORDER_FIELDS, bearer, member_of, person, place_order, staff
from vendors.models import BoothRole

SUB_ORDER = """
  vendorOrder { id status trackingNumber isPaid amountToCollect { amount } total { amount } }
  errors { field code message }
"""
SHIP = f"""
mutation Ship($id: ID!, $tracking: String!) {{
  vendorOrderShip(id: $id, trackingNumber: $tracking) {{ {SUB_ORDER} }}
}}
"""
DELIVERED = f"""
mutation Delivered($id: ID!) {{ vendorOrderMarkDelivered(id: $id) {{ {SUB_ORDER} }} }}
"""
CASH = f"""
mutation Cash($id: ID!, $by: CashCollectorEnum) {{
  vendorOrderConfirmCash(id: $id, collectedBy: $by) {{ {SUB_ORDER} }}
}}
"""
CANCEL = f"""
mutation Cancel($id: ID!, $reason: String) {{
  vendorOrderCancel(id: $id, reason: $reason) {{ {SUB_ORDER} }}
}}
"""
ORDER_CANCEL = """
mutation Cancel($id: ID!) {
  orderCancel(id: $id) { order { status total { gross { amount } } } errors { field code } }
}
"""
ORDER = f"query Order($id: ID!) {{ order(id: $id) {{ {ORDER_FIELDS} }} }}"


def sub_order_id(shop_booth) -> str:
    return to_global_id("VendorOrder", BoothOrder.objects.get(booth=shop_booth).pk)


def stock_of(product) -> tuple[int, int]:
    stock = Stock.objects.get(variant__product=product)
    return stock.quantity, stock.quantity_allocated


def codes_of(response, field) -> list[str]:
    assert response.errors is None, response.errors
    return [error["code"] for error in response.data[field]["errors"]]


def test_a_booth_ships_its_parcel_and_the_stock_leaves_the_shelf(graphql_client, shop):
    lan = person("lan@example.com")
    order = place_order(graphql_client, shop, headers=bearer(lan))
    packer = member_of(shop.gia_lai, "packer@example.org", role=BoothRole.MEMBER)

    response = graphql_client(
        SHIP,
        {"id": sub_order_id(shop.gia_lai), "tracking": " EB123456789VN "},
        headers=bearer(packer),
    )

    shipped = response.data["vendorOrderShip"]
    assert shipped["errors"] == []
    assert (shipped["vendorOrder"]["status"], shipped["vendorOrder"]["trackingNumber"]) == (
        "SHIPPED",
        "EB123456789VN",
    )
    assert shipped["vendorOrder"]["amountToCollect"] == {"amount": 285000}
    assert stock_of(shop.honey) == (8, 0)
    assert stock_of(shop.silk) == (10, 1)
    seen = graphql_client(ORDER, {"id": order["id"]}, headers=bearer(lan)).data["order"]
    assert seen["status"] == "PARTIALLY_FULFILLED"
    (fulfillment,) = seen["fulfillments"]
    assert fulfillment["status"] == "FULFILLED"
    assert fulfillment["trackingNumber"] == "EB123456789VN"
    assert fulfillment["lines"][0]["quantity"] == 2
    assert fulfillment["lines"][0]["orderLine"]["id"] == seen["lines"][1]["id"]


def test_shipping_needs_a_tracking_number_and_happens_once(graphql_client, shop):
    place_order(graphql_client, shop)
    owner = member_of(shop.gia_lai, "owner@example.org")
    sub = sub_order_id(shop.gia_lai)

    blank = graphql_client(SHIP, {"id": sub, "tracking": "  "}, headers=bearer(owner))
    graphql_client(SHIP, {"id": sub, "tracking": "EB1"}, headers=bearer(owner))
    again = graphql_client(SHIP, {"id": sub, "tracking": "EB2"}, headers=bearer(owner))

    assert codes_of(blank, "vendorOrderShip") == ["REQUIRED"]
    assert codes_of(again, "vendorOrderShip") == ["FULFILL_ORDER_LINE"]
    assert stock_of(shop.honey) == (8, 0)
    assert BoothOrder.objects.get(booth=shop.gia_lai).tracking_number == "EB1"


def test_cash_on_delivery_is_confirmed_parcel_by_parcel(graphql_client, shop):
    lan = person("lan@example.com")
    order = place_order(graphql_client, shop, headers=bearer(lan))
    accountant = staff()
    for booth in (shop.hanoi, shop.gia_lai):
        owner = member_of(booth, f"owner-{booth.pk}@example.org")
        graphql_client(SHIP, {"id": sub_order_id(booth), "tracking": "EB"}, headers=bearer(owner))
        confirmed = graphql_client(CASH, {"id": sub_order_id(booth)}, headers=bearer(owner))
        assert confirmed.data["vendorOrderConfirmCash"]["vendorOrder"]["status"] == "DELIVERED"
        assert confirmed.data["vendorOrderConfirmCash"]["vendorOrder"]["isPaid"] is True

    partly = graphql_client(ORDER, {"id": order["id"]}, headers=bearer(lan)).data["order"]
    graphql_client(
        SHIP, {"id": sub_order_id(shop.dak_lak), "tracking": "EB"}, headers=bearer(accountant)
    )
    by_staff = graphql_client(
        CASH, {"id": sub_order_id(shop.dak_lak), "by": "PLATFORM"}, headers=bearer(accountant)
    )
    paid = graphql_client(ORDER, {"id": order["id"]}, headers=bearer(lan)).data["order"]

    assert (partly["chargeStatus"], partly["totalCharged"]["amount"]) == ("PARTIAL", 660000)
    assert by_staff.data["vendorOrderConfirmCash"]["errors"] == []
    assert (paid["chargeStatus"], paid["isPaid"], paid["status"]) == ("FULL", True, "FULFILLED")
    assert paid["paymentStatus"] == "FULLY_CHARGED"
    # Only the booths that hold cash owe their commission; the platform holds Đắk Lắk's.
    assert sorted(
        LedgerEntry.objects.filter(kind="cash_collected").values_list("booth__name", "amount")
    ) == [("Hợp tác xã mật ong Gia Lai", -285000), ("Tổ hợp tác lụa Vạn Phúc", -375000)]


def test_a_booth_cannot_say_the_platform_holds_the_cash(graphql_client, shop):
    place_order(graphql_client, shop)
    owner = member_of(shop.hanoi, "owner@example.org")
    graphql_client(SHIP, {"id": sub_order_id(shop.hanoi), "tracking": "EB"}, headers=bearer(owner))

    response = graphql_client(
        CASH, {"id": sub_order_id(shop.hanoi), "by": "PLATFORM"}, headers=bearer(owner)
    )

    assert codes_of(response, "vendorOrderConfirmCash") == ["PERMISSION_DENIED"]
    assert BoothOrder.objects.get(booth=shop.hanoi).cash_confirmed_at is None


def test_cash_is_confirmed_only_once_a_parcel_left(graphql_client, shop):
    place_order(graphql_client, shop)
    owner = member_of(shop.hanoi, "owner@example.org")

    response = graphql_client(CASH, {"id": sub_order_id(shop.hanoi)}, headers=bearer(owner))

    assert codes_of(response, "vendorOrderConfirmCash") == ["INVALID"]


def test_a_delivered_parcel_must_have_shipped(graphql_client, shop):
    place_order(graphql_client, shop)
    owner = member_of(shop.hanoi, "owner@example.org")

    early = graphql_client(DELIVERED, {"id": sub_order_id(shop.hanoi)}, headers=bearer(owner))
    graphql_client(SHIP, {"id": sub_order_id(shop.hanoi), "tracking": "EB"}, headers=bearer(owner))
    done = graphql_client(DELIVERED, {"id": sub_order_id(shop.hanoi)}, headers=bearer(owner))

    assert codes_of(early, "vendorOrderMarkDelivered") == ["INVALID"]
    assert done.data["vendorOrderMarkDelivered"]["vendorOrder"]["status"] == "DELIVERED"


def test_a_canceled_parcel_gives_its_stock_back_once(graphql_client, shop):
    lan = person("lan@example.com")
    order = place_order(graphql_client, shop, headers=bearer(lan))
    owner = member_of(shop.dak_lak, "owner@example.org")
    sub = sub_order_id(shop.dak_lak)

    canceled = graphql_client(CANCEL, {"id": sub, "reason": "Hết hàng"}, headers=bearer(owner))
    again = graphql_client(CANCEL, {"id": sub}, headers=bearer(owner))

    assert canceled.data["vendorOrderCancel"]["vendorOrder"]["status"] == "CANCELED"
    assert codes_of(again, "vendorOrderCancel") == ["CANNOT_CANCEL_ORDER"]
    assert stock_of(shop.coffee) == (10, 0)
    seen = graphql_client(ORDER, {"id": order["id"]}, headers=bearer(lan)).data["order"]
    assert seen["status"] == "UNFULFILLED"
    assert seen["total"]["gross"]["amount"] == 1000000 - 340000
    assert [sub["status"] for sub in seen["vendorOrders"]] == [
        "UNFULFILLED",
        "UNFULFILLED",
        "CANCELED",
    ]
    assert BoothOrder.objects.get(booth=shop.dak_lak).cancel_reason == "Hết hàng"


def test_a_shipped_parcel_cannot_be_canceled(graphql_client, shop):
    place_order(graphql_client, shop)
    owner = member_of(shop.hanoi, "owner@example.org")
    graphql_client(SHIP, {"id": sub_order_id(shop.hanoi), "tracking": "EB"}, headers=bearer(owner))

    response = graphql_client(CANCEL, {"id": sub_order_id(shop.hanoi)}, headers=bearer(owner))

    assert codes_of(response, "vendorOrderCancel") == ["CANNOT_CANCEL_ORDER"]
    assert stock_of(shop.silk) == (9, 0)


def test_staff_cancel_what_has_not_shipped(graphql_client, shop):
    order = place_order(graphql_client, shop)
    accountant = staff()
    graphql_client(
        SHIP, {"id": sub_order_id(shop.hanoi), "tracking": "EB"}, headers=bearer(accountant)
    )

    first = graphql_client(ORDER_CANCEL, {"id": order["id"]}, headers=bearer(accountant))
    second = graphql_client(ORDER_CANCEL, {"id": order["id"]}, headers=bearer(accountant))

    assert first.data["orderCancel"]["order"] == {
        "status": "FULFILLED",
        "total": {"gross": {"amount": 375000}},
    }
    assert codes_of(second, "orderCancel") == ["CANNOT_CANCEL_ORDER"]
    assert [stock_of(p) for p in (shop.silk, shop.honey, shop.coffee)] == [(9, 0), (10, 0), (10, 0)]


def test_an_order_canceled_entirely_is_canceled(graphql_client, shop):
    order = place_order(graphql_client, shop)

    response = graphql_client(ORDER_CANCEL, {"id": order["id"]}, headers=bearer(staff()))

    assert response.data["orderCancel"]["order"]["status"] == "CANCELED"
    assert Order.objects.get().total_amount == 0
    assert set(BoothOrder.objects.values_list("status", flat=True)) == {BoothOrderStatus.CANCELED}


def test_the_shopper_cannot_cancel_through_staff_mutations(graphql_client, shop):
    lan = person("lan@example.com")
    order = place_order(graphql_client, shop, headers=bearer(lan))

    response = graphql_client(ORDER_CANCEL, {"id": order["id"]}, headers=bearer(lan))

    assert codes_of(response, "orderCancel") == ["NOT_FOUND"]
    assert Order.objects.get().status == "unfulfilled"


def test_another_booth_cannot_touch_a_sub_order(graphql_client, shop):
    place_order(graphql_client, shop)
    stranger = member_of(shop.hanoi, "stranger@example.org")

    for document, field, variables in (
        (SHIP, "vendorOrderShip", {"tracking": "EB"}),
        (CANCEL, "vendorOrderCancel", {}),
        (CASH, "vendorOrderConfirmCash", {}),
    ):
        response = graphql_client(
            document, {"id": sub_order_id(shop.gia_lai), **variables}, headers=bearer(stranger)
        )
        assert codes_of(response, field) == ["NOT_FOUND"]
    assert stock_of(shop.honey) == (10, 2)
