"""Staff screens for orders, ledgers and payouts: they load, and a payout goes through the
service that checks the booth's balance."""

import pytest
from django.urls import reverse

from marketplace.accounts.models import User
from marketplace.core.permissions import SYSTEM
from marketplace.orders import services
from marketplace.orders.models import BoothOrder, LedgerEntry, Order, Payout
from tests.checkout.shop import place_order


@pytest.fixture
def staff_client(client, db):
    client.force_login(User.objects.create_superuser("staff@example.org", "a-long-pass-phrase"))
    return client


@pytest.mark.parametrize(
    "model",
    [
        "orders_order",
        "orders_boothorder",
        "orders_ledgerentry",
        "orders_payout",
        "checkout_checkout",
    ],
)
def test_order_screens_render(staff_client, graphql_client, shop, model):
    place_order(graphql_client, shop)
    services.cancel_booth_order(actor=SYSTEM, booth_order=BoothOrder.objects.first())

    assert staff_client.get(reverse(f"admin:{model}_changelist")).status_code == 200
    if model == "orders_order":
        page = staff_client.get(reverse("admin:orders_order_change", args=[Order.objects.get().pk]))
        assert page.status_code == 200


def _delivered_card_parcel(graphql_client, shop) -> BoothOrder:
    place_order(graphql_client, shop)
    order = Order.objects.get()
    Order.objects.filter(pk=order.pk).update(payment_gateway="stripe")
    services.record_payment(order=order, amount=order.total_amount, reference="pi_1")
    honey = BoothOrder.objects.get(booth=shop.gia_lai)
    services.mark_shipped(actor=SYSTEM, booth_order=honey, tracking_number="EB1")
    return services.mark_delivered(actor=SYSTEM, booth_order=honey)


def test_a_payout_recorded_in_the_admin_goes_to_the_ledger(staff_client, graphql_client, shop):
    _delivered_card_parcel(graphql_client, shop)
    url = reverse("admin:orders_payout_add")
    data = {"booth": shop.gia_lai.pk, "reference": "VCB-9", "paid_at": "2026-02-01", "note": ""}

    refused = staff_client.post(url, {**data, "amount": 999999})
    paid = staff_client.post(url, {**data, "amount": 265000})

    assert refused.status_code == 200
    assert "265.000" in refused.content.decode()
    assert paid.status_code == 302
    payout = Payout.objects.get()
    assert (payout.amount, payout.reference, payout.recorded_by.email) == (
        265000,
        "VCB-9",
        "staff@example.org",
    )
    assert LedgerEntry.objects.get(payout=payout).amount == -265000


def test_staff_cancel_orders_from_the_list(staff_client, graphql_client, shop):
    place_order(graphql_client, shop)
    order = Order.objects.get()

    staff_client.post(
        reverse("admin:orders_order_changelist"),
        {"action": "cancel_orders", "_selected_action": [order.pk]},
    )

    order.refresh_from_db()
    assert order.status == "canceled"
