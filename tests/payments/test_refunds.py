"""Staff who manage orders refund a card payment, in part or in full, never more than was paid.

localstripe stands in for Stripe's servers: each refund is made there, and the tests read the
charge back from it to see what Stripe actually refunded.
"""

import pytest

from marketplace.accounts.models import User
from marketplace.core.ids import to_global_id
from marketplace.orders.models import OrderPayment
from marketplace.payments import services
from marketplace.payments.models import TransactionItem
from tests.payments.conftest import (
    bearer,
    card,
    complete,
    deliver,
    staff,
    stripe_event,
    transaction_id,
)

REFUND = """
mutation Refund($id: ID!, $amount: PositiveDecimal) {
  transactionRequestAction(id: $id, actionType: REFUND, amount: $amount) {
    transaction {
      id
      actions
      chargedAmount { amount currency }
      refundedAmount { amount currency }
      events { type amount { amount } pspReference }
    }
    errors { field code message }
  }
}
"""


@pytest.fixture
def paid(checkout, stripe_keys, stripe_api):
    """A 125.000 ₫ order paid by card: (order, its transaction)."""
    started = services.initialize_stripe_transaction(checkout=checkout).transaction
    services.process_stripe_transaction(
        transaction_item=started, data={"paymentMethod": card(stripe_api)}
    )
    order = complete(checkout)
    assert order.charge_status == "full"
    return order, TransactionItem.objects.get(pk=started.pk)


@pytest.fixture
def manager(db):
    """Staff with MANAGE_ORDERS, signed in."""
    return bearer(staff("manage_orders"))


def refund(graphql_client, item, headers, amount=None) -> dict:
    variables = {"id": transaction_id(item)}
    if amount is not None:
        variables["amount"] = amount
    result = graphql_client(REFUND, variables, headers=headers)
    assert "errors" not in result.json, result.json
    return result.data["transactionRequestAction"]


def refunded_at_stripe(stripe_api, item) -> int:
    intent = stripe_api.v1.payment_intents.retrieve(item.psp_reference)
    charge = intent.latest_charge
    charge_id = charge if isinstance(charge, str) else charge.id
    return stripe_api.v1.charges.retrieve(charge_id).amount_refunded


def test_partial_refund_by_staff(graphql_client, paid, manager, stripe_api):
    """localstripe stands in for Stripe's servers."""
    order, item = paid

    payload = refund(graphql_client, item, manager, amount=25000)

    assert payload["errors"] == []
    transaction = payload["transaction"]
    assert transaction["refundedAmount"] == {"amount": 25000, "currency": "VND"}
    assert transaction["chargedAmount"] == {"amount": 100000, "currency": "VND"}
    assert transaction["actions"] == ["REFUND"]
    assert transaction["events"][-1]["type"] == "REFUND_SUCCESS"
    assert transaction["events"][-1]["pspReference"].startswith("re_")
    assert refunded_at_stripe(stripe_api, item) == 25000
    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("partial", 100000)


def test_refund_without_an_amount_refunds_what_is_left(graphql_client, paid, manager, stripe_api):
    """localstripe stands in for Stripe's servers."""
    order, item = paid
    refund(graphql_client, item, manager, amount=25000)

    payload = refund(graphql_client, item, manager)

    assert payload["errors"] == []
    assert payload["transaction"]["refundedAmount"]["amount"] == 125000
    assert payload["transaction"]["chargedAmount"]["amount"] == 0
    assert payload["transaction"]["actions"] == []
    assert refunded_at_stripe(stripe_api, item) == 125000
    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("none", 0)


@pytest.mark.parametrize("amount", [125001, 10_000_000])
def test_refund_over_the_charge_is_refused(graphql_client, paid, manager, stripe_api, amount):
    """localstripe stands in for Stripe's servers; nothing reaches it."""
    order, item = paid

    payload = refund(graphql_client, item, manager, amount=amount)

    assert payload["errors"][0]["code"] == "INVALID"
    assert payload["errors"][0]["field"] == "amount"
    assert "125.000" in payload["errors"][0]["message"]
    assert refunded_at_stripe(stripe_api, item) == 0
    order.refresh_from_db()
    assert order.total_charged_amount == 125000


def test_refund_over_what_is_left_after_a_partial_refund_is_refused(
    graphql_client, paid, manager, stripe_api
):
    """localstripe stands in for Stripe's servers."""
    _order, item = paid
    refund(graphql_client, item, manager, amount=100000)

    payload = refund(graphql_client, item, manager, amount=25001)

    assert payload["errors"][0]["code"] == "INVALID"
    assert refunded_at_stripe(stripe_api, item) == 100000


def test_nothing_left_to_refund_after_a_full_refund(graphql_client, paid, manager):
    """localstripe stands in for Stripe's servers."""
    _order, item = paid
    refund(graphql_client, item, manager)

    payload = refund(graphql_client, item, manager)

    assert payload["errors"][0]["code"] == "INVALID"


@pytest.mark.parametrize("amount", ["0", "1000.5"], ids=["zero", "fraction-of-a-dong"])
def test_amount_must_be_whole_dong_above_zero(graphql_client, paid, manager, amount):
    """localstripe stands in for Stripe's servers; the refund never reaches it."""
    _order, item = paid

    payload = refund(graphql_client, item, manager, amount=amount)

    assert payload["errors"][0]["code"] == "INVALID"


def headers_of(who: str) -> dict[str, str]:
    if who == "anonymous":
        return {}
    if who == "shopper":
        return bearer(User.objects.create_user("hoa@example.com", "a-long-pass-phrase"))
    return bearer(staff("manage_products"))


@pytest.mark.parametrize("who", ["anonymous", "shopper", "staff-without-manage-orders"])
def test_only_staff_who_manage_orders_may_refund(graphql_client, paid, stripe_api, who):
    """localstripe stands in for Stripe's servers; nothing reaches it."""
    order, item = paid

    payload = refund(graphql_client, item, headers_of(who), amount=25000)

    assert payload["errors"][0]["code"] == "PERMISSION_DENIED"
    assert payload["transaction"] is None
    assert refunded_at_stripe(stripe_api, item) == 0
    assert not OrderPayment.objects.filter(order=order, kind="refund").exists()


def test_stripes_notice_of_a_staff_refund_does_not_count_it_twice(
    client, graphql_client, paid, manager, stripe_api
):
    """localstripe stands in for Stripe's servers; its charge, after the refund, is posted back
    as Stripe's `charge.refunded` notice."""
    order, item = paid
    refund(graphql_client, item, manager, amount=25000)
    intent = stripe_api.v1.payment_intents.retrieve(item.psp_reference)
    charge = intent.latest_charge
    charge = stripe_api.v1.charges.retrieve(charge if isinstance(charge, str) else charge.id)

    deliver(client, stripe_event("charge.refunded", charge.to_dict(), event_id="evt_staff"))

    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("partial", 100000)
    assert OrderPayment.objects.filter(order=order, kind="refund").count() == 1


def test_only_refunds_can_be_requested(graphql_client, paid, manager):
    """localstripe stands in for Stripe's servers; the request never reaches it."""
    _order, item = paid
    query = REFUND.replace("actionType: REFUND", "actionType: CANCEL")

    result = graphql_client(query, {"id": transaction_id(item)}, headers=manager)

    assert result.data["transactionRequestAction"]["errors"][0]["code"] == "INVALID"


def test_unknown_transaction_is_not_found(graphql_client, paid, manager):
    """localstripe stands in for Stripe's servers."""
    _order, item = paid
    item_id = transaction_id(item)
    item.token = "00000000-0000-0000-0000-000000000000"

    payload = refund(graphql_client, item, manager)

    assert payload["errors"][0]["code"] == "NOT_FOUND"
    assert item_id != transaction_id(item)


ORDER_REFUND = """
mutation OrderRefund($id: ID!, $amount: PositiveDecimal!) {
  orderRefund(id: $id, amount: $amount) {
    order { id chargeStatus totalCharged { amount currency } }
    errors { field code message }
  }
}
"""


def order_refund(graphql_client, order, headers, amount) -> dict:
    variables = {"id": to_global_id("Order", order.token), "amount": amount}
    result = graphql_client(ORDER_REFUND, variables, headers=headers)
    assert "errors" not in result.json, result.json
    return result.data["orderRefund"]


def test_order_refund_by_staff_refunds_the_card_payment(graphql_client, paid, manager, stripe_api):
    """localstripe stands in for Stripe's servers (Saleor's older `orderRefund`)."""
    order, item = paid

    payload = order_refund(graphql_client, order, manager, 40000)

    assert payload["errors"] == []
    assert payload["order"]["chargeStatus"] == "PARTIAL"
    assert payload["order"]["totalCharged"] == {"amount": 85000, "currency": "VND"}
    assert refunded_at_stripe(stripe_api, item) == 40000


def test_order_refund_over_what_was_paid_is_refused(graphql_client, paid, manager, stripe_api):
    """localstripe stands in for Stripe's servers; nothing reaches it."""
    order, item = paid

    payload = order_refund(graphql_client, order, manager, 125001)

    assert payload["errors"][0]["code"] == "INVALID"
    assert refunded_at_stripe(stripe_api, item) == 0


@pytest.mark.parametrize("who", ["anonymous", "shopper", "staff-without-manage-orders"])
def test_order_refund_by_anyone_else_is_refused(graphql_client, paid, stripe_api, who):
    """localstripe stands in for Stripe's servers; nothing reaches it."""
    order, item = paid

    payload = order_refund(graphql_client, order, headers_of(who), 25000)

    assert payload["errors"][0]["code"] == "PERMISSION_DENIED"
    assert payload["order"] is None
    assert refunded_at_stripe(stripe_api, item) == 0
