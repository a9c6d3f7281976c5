"""Who sees which order: the shopper her own, a guest order whoever holds its ID, a booth only its
own sub-orders with the shipping data its parcel needs, staff everything."""

from marketplace.core.ids import to_global_id
from marketplace.graphql.schema import schema
from marketplace.orders.models import BoothOrder, Order
from tests.checkout.shop import ORDER_FIELDS, bearer, member_of, person, place_order, staff
from vendors.models import BoothRole

ORDER = f"query Order($id: ID!) {{ order(id: $id) {{ {ORDER_FIELDS} }} }}"
BY_TOKEN = "query Order($token: UUID!) { orderByToken(token: $token) { number userEmail } }"
ORDERS = "query { orders(first: 20) { totalCount edges { node { number userEmail } } } }"
VENDOR_ORDERS = """
query Sub($vendor: ID, $status: VendorOrderStatusEnum) {
  vendorOrders(first: 20, vendor: $vendor, status: $status) {
    totalCount
    edges { node {
      number orderNumber status vendor { name }
      shippingAddress { firstName lastName streetAddress1 city countryArea phone }
      deliveryMethod { name price { amount } }
      lines { productName quantity totalPrice { gross { amount } } }
      total { amount } commission { amount } boothShare { amount } commissionRate
      paymentGateway amountToCollect { amount }
    } }
  }
}
"""


def names(connection) -> list[str]:
    return [edge["node"]["vendor"]["name"] for edge in connection["edges"]]


def test_the_shopper_sees_her_order_and_nobody_else_does(graphql_client, shop):
    lan, mai = person("lan@example.com"), person("mai@example.com")
    order = place_order(graphql_client, shop, headers=bearer(lan))
    booth_owner = member_of(shop.hanoi, "owner@example.org")

    mine = graphql_client(ORDER, {"id": order["id"]}, headers=bearer(lan)).data["order"]
    by_token = graphql_client(BY_TOKEN, {"token": order["token"]}, headers=bearer(lan)).data

    assert mine["number"] == order["number"]
    assert mine["billingAddress"] == {"streetAddress1": "5 Lê Lợi"}
    assert by_token["orderByToken"] == {"number": order["number"], "userEmail": "lan@example.com"}
    for intruder in (bearer(mai), bearer(booth_owner), {}):
        assert graphql_client(ORDER, {"id": order["id"]}, headers=intruder).data == {"order": None}
        assert graphql_client(BY_TOKEN, {"token": order["token"]}, headers=intruder).data == {
            "orderByToken": None
        }


def test_a_guest_order_is_seen_by_whoever_holds_its_id(graphql_client, shop):
    order = place_order(graphql_client, shop)

    seen = graphql_client(ORDER, {"id": order["id"]}).data["order"]

    assert seen["number"] == order["number"]
    assert graphql_client(ORDER, {"id": to_global_id("Order", "not-a-token")}).data == {
        "order": None
    }


def test_staff_who_manage_orders_list_every_order(graphql_client, shop):
    place_order(graphql_client, shop, headers=bearer(person("lan@example.com")))
    place_order(graphql_client, shop)

    listed = graphql_client(ORDERS, headers=bearer(staff())).data["orders"]
    refused = graphql_client(ORDERS, headers=bearer(staff("nobody@example.org", "manage_products")))

    assert listed["totalCount"] == 2
    assert [edge["node"]["userEmail"] for edge in listed["edges"]] == ["lan@example.com"] * 2
    assert refused.errors and refused.data == {"orders": None}


def test_a_booth_sees_only_its_own_sub_orders(graphql_client, shop):
    place_order(graphql_client, shop)
    place_order(graphql_client, shop, quantities=(0, 1, 1))
    silk_packer = member_of(shop.hanoi, "packer@example.org", role=BoothRole.MEMBER)
    honey_owner = member_of(shop.gia_lai, "owner@example.org")

    silk = graphql_client(VENDOR_ORDERS, headers=bearer(silk_packer)).data["vendorOrders"]
    honey = graphql_client(VENDOR_ORDERS, headers=bearer(honey_owner)).data["vendorOrders"]
    foreign = graphql_client(
        VENDOR_ORDERS,
        {"vendor": to_global_id("Vendor", shop.gia_lai.pk)},
        headers=bearer(silk_packer),
    ).data["vendorOrders"]

    assert names(silk) == ["Tổ hợp tác lụa Vạn Phúc"]
    assert names(honey) == ["Hợp tác xã mật ong Gia Lai"] * 2
    assert foreign["totalCount"] == 0


def test_a_booth_gets_the_shipping_data_it_needs_and_nothing_more(graphql_client, shop):
    place_order(graphql_client, shop, headers=bearer(person("lan@example.com")))
    packer = member_of(shop.gia_lai, "packer@example.org", role=BoothRole.MEMBER)
    owner = member_of(shop.gia_lai, "owner@example.org")

    seen_by_packer = graphql_client(VENDOR_ORDERS, headers=bearer(packer)).data["vendorOrders"]
    seen_by_owner = graphql_client(VENDOR_ORDERS, headers=bearer(owner)).data["vendorOrders"]

    node = seen_by_packer["edges"][0]["node"]
    assert node["shippingAddress"] == {
        "firstName": "Lan",
        "lastName": "Nguyễn",
        "streetAddress1": "12 Hàng Bạc",
        "city": "Phường Hoàn Kiếm",
        "countryArea": "Thành phố Hà Nội",
        "phone": "+84912345678",
    }
    assert node["lines"] == [
        {"productName": "Mật ong rừng", "quantity": 2, "totalPrice": {"gross": {"amount": 250000}}}
    ]
    assert node["amountToCollect"] == {"amount": 285000}
    assert node["deliveryMethod"] == {"name": "Chuyển phát tiêu chuẩn", "price": {"amount": 35000}}
    # The platform's cut is for the booth's owners and managers.
    assert (node["commission"], node["boothShare"], node["commissionRate"]) == (None, None, None)
    owner_node = seen_by_owner["edges"][0]["node"]
    assert (owner_node["commission"], owner_node["boothShare"], owner_node["commissionRate"]) == (
        {"amount": 20000},
        {"amount": 265000},
        8.0,
    )


def test_the_sub_order_type_has_no_billing_address_email_or_customer():
    fields = set(schema.graphql_schema.get_type("VendorOrder").fields)

    assert "shippingAddress" in fields
    assert not fields & {"billingAddress", "userEmail", "user", "customer", "order", "email"}


def test_staff_see_every_booths_sub_orders(graphql_client, shop):
    place_order(graphql_client, shop)

    listed = graphql_client(VENDOR_ORDERS, headers=bearer(staff())).data["vendorOrders"]
    shipped = graphql_client(VENDOR_ORDERS, {"status": "SHIPPED"}, headers=bearer(staff("b@x.org")))

    assert listed["totalCount"] == 3
    assert shipped.data["vendorOrders"]["totalCount"] == 0


def test_a_shopper_without_a_booth_sees_no_sub_orders(graphql_client, shop):
    lan = person("lan@example.com")
    place_order(graphql_client, shop, headers=bearer(lan))

    seen = graphql_client(VENDOR_ORDERS, headers=bearer(lan)).data["vendorOrders"]
    anonymous = graphql_client(VENDOR_ORDERS)

    assert seen["totalCount"] == 0
    assert anonymous.errors


def test_a_booth_never_sees_the_shoppers_order(graphql_client, shop):
    order = place_order(graphql_client, shop, headers=bearer(person("lan@example.com")))
    owner = member_of(shop.hanoi, "owner@example.org", role=BoothRole.OWNER)

    assert graphql_client(ORDER, {"id": order["id"]}, headers=bearer(owner)).data == {"order": None}
    assert BoothOrder.objects.count() == 3
    assert Order.objects.count() == 1
