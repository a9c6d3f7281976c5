"""Order lists cost the same number of SQL queries however many orders, lines and parcels they
show; so does a checkout however many lines it holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.catalog.models import Stock
from marketplace.core.permissions import SYSTEM
from marketplace.orders import services
from marketplace.orders.models import BoothOrder
from tests import factories
from tests.checkout.shop import (
    CHECKOUT,
    bearer,
    create_checkout,
    member_of,
    person,
    place_order,
    staff,
    variant_id,
)

pytestmark = pytest.mark.usefixtures("no_answer_cache")

MY_ORDERS = """
query Mine($lang: LanguageCodeEnum!) {
  me {
    orders(first: 50) {
      totalCount
      edges { node {
        id number created status statusDisplay paymentStatus isPaid chargeStatus
        total { gross { amount currency } }
        shippingAddress { city } billingAddress { city }
        deliveryMethod { ... on ShippingMethod { name price { amount } } }
        lines {
          productName quantity thumbnail(size: 128, format: WEBP) { url } vendor { name }
          unitPrice { gross { amount } }
          variant {
            id name translation(languageCode: $lang) { name }
            pricing { price { gross { amount } } }
            product { id name slug thumbnail { url } category { name } }
          }
        }
        fulfillments { trackingNumber lines { quantity orderLine { id } } }
        vendorOrders { status vendor { name } total { amount } }
      } }
    }
  }
}
"""
STAFF_ORDERS = """
query { orders(first: 50) { edges { node { number userEmail user { email } lines { quantity }
  vendorOrders { commission { amount } } } } } }
"""
VENDOR_ORDERS = """
query { vendorOrders(first: 50) { totalCount edges { node {
  number status total { amount } commission { amount } amountToCollect { amount }
  shippingAddress { phone } deliveryMethod { name }
  lines { productName quantity variant { id } }
} } } }
"""


@pytest.fixture(autouse=True)
def _full_shelves(shop):
    Stock.objects.update(quantity=200)


def queries(graphql_client, document, headers, variables=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = graphql_client(document, variables or {}, headers=headers)
    assert response.errors is None, response.errors
    return len(captured)


def ship_the_silk(shop) -> None:
    for booth_order in BoothOrder.objects.filter(booth=shop.hanoi, status="unfulfilled"):
        services.mark_shipped(actor=SYSTEM, booth_order=booth_order, tracking_number="EB")


def test_a_shoppers_order_list_costs_the_same_for_two_orders_or_eight(graphql_client, shop):
    lan = person("lan@example.com")
    headers = bearer(lan)
    for _ in range(2):
        place_order(graphql_client, shop, headers=headers)
    ship_the_silk(shop)
    few = queries(graphql_client, MY_ORDERS, headers, {"lang": "EN"})

    for _ in range(6):
        place_order(graphql_client, shop, headers=headers)
    ship_the_silk(shop)
    many = queries(graphql_client, MY_ORDERS, headers, {"lang": "EN"})

    assert many == few
    assert few <= 25


def test_staff_and_booth_lists_cost_the_same_however_long(graphql_client, shop):
    accountant = bearer(staff())
    packer = bearer(member_of(shop.gia_lai, "owner@example.org"))
    place_order(graphql_client, shop)
    few = (
        queries(graphql_client, STAFF_ORDERS, accountant),
        queries(graphql_client, VENDOR_ORDERS, packer),
    )

    for _ in range(5):
        place_order(graphql_client, shop)
    many = (
        queries(graphql_client, STAFF_ORDERS, accountant),
        queries(graphql_client, VENDOR_ORDERS, packer),
    )

    assert many == few


def test_a_checkout_costs_the_same_with_three_lines_or_nine(graphql_client, shop):
    extra = [
        factories.product(f"Sản phẩm {i}", vendor=booth)
        for i, booth in enumerate([shop.hanoi, shop.gia_lai, shop.dak_lak] * 2)
    ]
    three = create_checkout(
        graphql_client,
        [{"variantId": variant_id(p), "quantity": 1} for p in (shop.silk, shop.honey, shop.coffee)],
    )
    nine = create_checkout(
        graphql_client,
        [
            {"variantId": variant_id(p), "quantity": 1}
            for p in (shop.silk, shop.honey, shop.coffee, *extra)
        ],
    )

    assert queries(graphql_client, CHECKOUT, {}, {"id": nine["id"]}) == queries(
        graphql_client, CHECKOUT, {}, {"id": three["id"]}
    )
