"""What an order received: payments and refunds recorded once per reference, and Saleor's charge
status worked out from them. The gateways on offer: cash on delivery first."""

import pytest
from django.utils import translation

from marketplace.channels.models import Channel
from marketplace.core.errors import DomainError
from marketplace.core.permissions import SYSTEM
from marketplace.orders import services
from marketplace.orders.models import AuthorizeStatus, BoothOrder, ChargeStatus, Order
from marketplace.payments import registry
from marketplace.payments.gateways.base import PaymentGateway
from marketplace.payments.gateways.cod import CashOnDeliveryGateway
from tests.checkout.shop import place_order


@pytest.fixture
def order(graphql_client, shop) -> Order:
    place_order(graphql_client, shop)
    return Order.objects.get()


def statuses(order: Order) -> tuple[int, str, str]:
    order.refresh_from_db()
    return order.total_charged_amount, order.charge_status, order.authorize_status


def test_payments_move_the_charge_status_from_none_to_full(order):
    assert statuses(order) == (0, ChargeStatus.NONE, AuthorizeStatus.NONE)

    services.record_payment(order=order, amount=400000, reference="pi_1:a")
    assert statuses(order) == (400000, ChargeStatus.PARTIAL, AuthorizeStatus.PARTIAL)

    services.record_payment(order=order, amount=600000, reference="pi_1:b")
    assert statuses(order) == (1000000, ChargeStatus.FULL, AuthorizeStatus.FULL)

    services.record_payment(order=order, amount=5000, reference="pi_2")
    assert statuses(order) == (1005000, ChargeStatus.OVERCHARGED, AuthorizeStatus.FULL)

    services.record_refund(order=order, amount=5000, reference="re_1")
    assert statuses(order) == (1000000, ChargeStatus.FULL, AuthorizeStatus.FULL)


def test_the_same_reference_twice_is_recorded_once(order):
    for _ in range(3):
        services.record_payment(order=order, amount=1000000, reference="pi_1")
        services.record_refund(order=order, amount=200000, reference="re_1")

    assert statuses(order) == (800000, ChargeStatus.PARTIAL, AuthorizeStatus.PARTIAL)
    assert order.payments.count() == 2


def test_a_payment_needs_a_positive_whole_amount_and_a_reference(order):
    for amount, reference in ((0, "x"), (-5, "x"), (10, "")):
        with pytest.raises(DomainError):
            services.record_payment(order=order, amount=amount, reference=reference)
    with pytest.raises(ValueError):
        services.record_payment(order=order, amount="10.5", reference="x")
    assert order.payments.count() == 0


def test_a_canceled_parcel_leaves_the_total_so_a_card_payment_shows_overcharged(order, shop):
    services.record_payment(order=order, amount=1000000, reference="pi_1")

    services.cancel_booth_order(
        actor=SYSTEM, booth_order=BoothOrder.objects.get(booth=shop.dak_lak)
    )
    assert statuses(order) == (1000000, ChargeStatus.OVERCHARGED, AuthorizeStatus.FULL)

    services.record_refund(order=order, amount=340000, reference="re_1")
    assert statuses(order) == (660000, ChargeStatus.FULL, AuthorizeStatus.FULL)


def test_cancel_order_cancels_every_parcel_not_yet_shipped(order, shop):
    services.mark_shipped(
        actor=SYSTEM, booth_order=BoothOrder.objects.get(booth=shop.hanoi), tracking_number="EB1"
    )

    services.cancel_order(actor=SYSTEM, order=order)

    order.refresh_from_db()
    assert list(order.booth_orders.order_by("pk").values_list("status", flat=True)) == [
        "shipped",
        "canceled",
        "canceled",
    ]
    assert order.total_amount == 375000


def test_cash_on_delivery_is_offered_first_in_every_active_dong_channel(shop):
    checkout_gateways = registry.available_gateways(shop.channel)
    elsewhere = Channel.objects.create(name="Thái Lan", slug="th", currency_code="THB")
    closed = Channel.objects.create(name="Cũ", slug="old", is_active=False)

    assert checkout_gateways[0].id == "cod"
    assert registry.available_gateways(elsewhere) == []
    assert all(g.id != "cod" for g in registry.available_gateways(closed))
    assert registry.get_gateway("cod").name == "Thanh toán khi nhận hàng"
    with translation.override("en"):
        assert registry.get_gateway("cod").name == "Cash on delivery"
    assert registry.get_gateway("paypal") is None


def test_every_gateway_follows_the_interface(shop):
    for gateway in registry.all_gateways():
        assert isinstance(gateway, PaymentGateway)
        assert gateway.id and str(gateway.name)
        assert "VND" in gateway.currencies
        for line in gateway.config(channel=shop.channel):
            assert line.field
    assert CashOnDeliveryGateway.collects_before_completion is False
