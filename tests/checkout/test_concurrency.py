"""Stock under concurrent checkouts: real threads, each with its own database connection, complete
checkouts of the same variant at the same moment through the API.

On PostgreSQL the completions really run side by side (row locks decide); on SQLite writers take
turns (transactions begin IMMEDIATE; the test database is a file, so connections wait for each
other as in production). Either way exactly as many orders are placed as there is stock, every
other shopper gets INSUFFICIENT_STOCK, and the stock never goes below zero.
"""

import threading

import pytest
from django.db import connections
from django.test import Client

from marketplace.catalog.models import Stock
from marketplace.checkout import services as checkout_services
from marketplace.checkout.models import Checkout
from marketplace.core.ids import to_global_id
from marketplace.core.permissions import SYSTEM
from marketplace.orders import services as order_services
from marketplace.orders.models import BoothOrder, Order, OrderLine
from tests.checkout.shop import COMPLETE, build_shop, variant_id
from tests.conftest import GRAPHQL_URL

ADDRESS = {
    "first_name": "Hoa",
    "last_name": "Trần",
    "street_address_1": "3 Phan Đình Phùng",
    "city": "Ba Đình",
    "country_area": "Hà Nội",
    "phone": "0987 654 321",
}
SHOPPERS = 20
IN_STOCK = 5


def _ready_checkouts(variant: str, count: int) -> list[Checkout]:
    checkouts = []
    for _ in range(count):
        checkout = checkout_services.create_checkout(
            user=None,
            channel_slug="default-channel",
            lines=[checkout_services.LineRequest(variant, 1)],
            email="hoa@example.com",
        )
        checkout_services.update_shipping_address(checkout=checkout, data=ADDRESS)
        checkout_services.update_billing_address(checkout=checkout, data=ADDRESS)
        checkout_services.update_delivery_method(
            checkout=checkout, delivery_method_id=to_global_id("ShippingMethod", "standard")
        )
        checkouts.append(checkout)
    return checkouts


def _at_once(count: int, work) -> list:
    """Run `work(i)` in `count` threads released together; their results in order."""
    start = threading.Barrier(count)
    results: list = [None] * count

    def run(i: int) -> None:
        try:
            start.wait()
            results[i] = work(i)
        except Exception as error:  # reported by the assertions below
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _complete(checkout: Checkout) -> dict:
    body = {"query": COMPLETE, "variables": {"id": to_global_id("Checkout", checkout.token)}}
    response = Client().post(GRAPHQL_URL, data=body, content_type="application/json")
    assert response.status_code == 200, response.content
    payload = response.json()
    assert "errors" not in payload, payload["errors"]
    return payload["data"]["checkoutComplete"]


@pytest.mark.django_db(transaction=True)
def test_twenty_shoppers_at_once_buy_exactly_the_five_in_stock(mailoutbox):
    shop = build_shop(quantity=IN_STOCK)
    variant = variant_id(shop.honey)
    checkouts = _ready_checkouts(variant, SHOPPERS)

    results = _at_once(SHOPPERS, lambda i: _complete(checkouts[i]))

    assert not [r for r in results if isinstance(r, Exception)], results
    placed = [r["order"] for r in results if r["order"]]
    refused = [r["errors"] for r in results if not r["order"]]
    assert len(placed) == IN_STOCK
    assert len(refused) == SHOPPERS - IN_STOCK
    for errors in refused:
        assert [error["code"] for error in errors] == ["INSUFFICIENT_STOCK"]
        assert errors[0]["variants"] == [variant]
    assert Order.objects.count() == IN_STOCK
    assert OrderLine.objects.count() == IN_STOCK
    stock = Stock.objects.get(variant__product=shop.honey)
    assert (stock.quantity, stock.quantity_allocated) == (IN_STOCK, IN_STOCK)
    # The shoppers who got nothing keep their checkouts; the others' are gone.
    assert Checkout.objects.count() == SHOPPERS - IN_STOCK
    # Shipping every parcel empties the shelf, and never below zero.
    for booth_order in BoothOrder.objects.all():
        order_services.mark_shipped(actor=SYSTEM, booth_order=booth_order, tracking_number="EB1")
    stock.refresh_from_db()
    assert (stock.quantity, stock.quantity_allocated) == (0, 0)


@pytest.mark.django_db(transaction=True)
def test_the_same_checkout_completed_twice_at_once_places_one_order():
    shop = build_shop(quantity=IN_STOCK)
    (checkout,) = _ready_checkouts(variant_id(shop.silk), 1)

    results = _at_once(2, lambda i: _complete(checkout))

    assert not [r for r in results if isinstance(r, Exception)], results
    assert [r["errors"] for r in results] == [[], []]
    assert results[0]["order"]["id"] == results[1]["order"]["id"]
    assert Order.objects.count() == 1
    stock = Stock.objects.get(variant__product=shop.silk)
    assert stock.quantity_allocated == 1


@pytest.mark.django_db(transaction=True)
def test_a_sub_order_canceled_twice_at_once_gives_its_stock_back_once():
    shop = build_shop(quantity=IN_STOCK)
    (checkout,) = _ready_checkouts(variant_id(shop.coffee), 1)
    assert _complete(checkout)["errors"] == []
    booth_order = BoothOrder.objects.get()

    def cancel(i: int):
        try:
            return order_services.cancel_booth_order(actor=SYSTEM, booth_order=booth_order)
        except Exception as error:
            return error

    results = _at_once(2, cancel)

    canceled = [r for r in results if isinstance(r, BoothOrder)]
    assert len(canceled) == 1, results
    assert [getattr(r, "code", None) for r in results if r not in canceled] == [
        "CANNOT_CANCEL_ORDER"
    ]
    stock = Stock.objects.get(variant__product=shop.coffee)
    assert (stock.quantity, stock.quantity_allocated) == (IN_STOCK, 0)
