"""Stripe's webhooks: verified, applied once, and right whatever order they arrive in.

localstripe stands in for Stripe's servers: the payments are made there, and the events are the
ones it records (or, for `charge.refunded`, which it does not send, built from its charge). Each
body is signed with the stripe library's own scheme and posted to /webhooks/stripe/.
"""

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from marketplace.orders.models import OrderPayment
from marketplace.payments import services
from marketplace.payments.models import ProcessedStripeEvent, TransactionItem
from tests.payments.conftest import (
    DECLINED_CARD,
    WEBHOOK_URL,
    card,
    complete,
    deliver,
    post_webhook,
    signature,
    stripe_event,
)


def pay_in_browser(stripe_api, item: TransactionItem, number: str = "4242424242424242"):
    """What Stripe.js does with the client secret: attach the card and confirm, at Stripe."""
    stripe_api.v1.payment_intents.update(
        item.psp_reference, params={"payment_method": card(stripe_api, number)}
    )
    try:
        stripe_api.v1.payment_intents.confirm(item.psp_reference)
    except Exception as error:
        return error
    return None


def recorded_event(stripe_api, event_type: str, intent_id: str) -> str:
    """The body of the event localstripe recorded for the intent, as Stripe would post it."""
    events = stripe_api.v1.events.list(params={"type": event_type, "limit": 100})
    for event in events.auto_paging_iter():
        if event.data.object.id == intent_id:
            return json.dumps(event.to_dict())
    raise LookupError(f"No {event_type} for {intent_id}")


def refunded_charge_event(stripe_api, item: TransactionItem, event_id: str) -> str:
    """A `charge.refunded` body carrying the intent's charge as Stripe has it now."""
    intent = stripe_api.v1.payment_intents.retrieve(item.psp_reference)
    charge_id = (
        intent.latest_charge if isinstance(intent.latest_charge, str) else (intent.latest_charge.id)
    )
    charge = stripe_api.v1.charges.retrieve(charge_id)
    return stripe_event("charge.refunded", charge.to_dict(), event_id=event_id)


def refund_at_stripe(stripe_api, item: TransactionItem, amount: int) -> None:
    """A refund made outside the marketplace (Stripe's dashboard)."""
    stripe_api.v1.refunds.create(params={"payment_intent": item.psp_reference, "amount": amount})


@pytest.fixture
def started(checkout, stripe_keys) -> TransactionItem:
    """A 125.000 ₫ PaymentIntent the shopper is about to pay."""
    return services.initialize_stripe_transaction(checkout=checkout).transaction


@pytest.fixture
def succeeded(started, stripe_api) -> str:
    """The body of localstripe's `payment_intent.succeeded` for the started intent."""
    assert pay_in_browser(stripe_api, started) is None
    return recorded_event(stripe_api, "payment_intent.succeeded", started.psp_reference)


def test_signed_payment_succeeded_marks_the_order_paid(client, checkout, started, succeeded):
    """localstripe stands in for Stripe's servers."""
    order = complete(checkout)
    assert order.charge_status == "none"

    response = deliver(client, succeeded)

    assert response.status_code == 200
    assert response.json() == {"received": True, "applied": True}
    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("full", 125000)


def test_payment_succeeded_before_completion_completes_as_a_paid_order(
    client, checkout, started, succeeded
):
    """localstripe stands in for Stripe's servers."""
    deliver(client, succeeded)

    order = complete(checkout)

    assert (order.charge_status, order.total_charged_amount) == ("full", 125000)
    assert order.payment_gateway == "stripe"


@pytest.mark.parametrize(
    "header",
    [
        None,
        "t=1,v1=00",
        signature("{}"),
    ],
    ids=["no-signature", "garbage", "signature-of-another-body"],
)
def test_wrong_signature_is_refused_with_400(client, checkout, started, succeeded, header):
    """localstripe stands in for Stripe's servers."""
    order = complete(checkout)

    response = post_webhook(client, succeeded, header)

    assert response.status_code == 400
    order.refresh_from_db()
    assert order.charge_status == "none"
    assert not ProcessedStripeEvent.objects.exists()


def test_signature_with_another_secret_is_refused_with_400(client, checkout, started, succeeded):
    """localstripe stands in for Stripe's servers."""
    response = post_webhook(client, succeeded, signature(succeeded, secret="whsec_attacker"))

    assert response.status_code == 400
    assert TransactionItem.objects.get().charged_value == 0


def test_stale_timestamp_is_refused_with_400(client, checkout, started, succeeded):
    """localstripe stands in for Stripe's servers. A correctly signed event captured ten minutes
    ago and replayed now is refused."""
    stale = signature(succeeded, timestamp=int(time.time()) - 600)

    response = post_webhook(client, succeeded, stale)

    assert response.status_code == 400
    assert TransactionItem.objects.get().charged_value == 0


def test_same_event_delivered_ten_times_changes_the_order_once(
    client, checkout, started, succeeded
):
    """localstripe stands in for Stripe's servers."""
    order = complete(checkout)

    answers = [deliver(client, succeeded) for _ in range(10)]

    assert [answer.status_code for answer in answers] == [200] * 10
    assert [answer.json()["applied"] for answer in answers] == [True] + [False] * 9
    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("full", 125000)
    assert OrderPayment.objects.filter(order=order).count() == 1
    item = TransactionItem.objects.get()
    assert item.events.filter(type="CHARGE_SUCCESS").count() == 1
    assert ProcessedStripeEvent.objects.count() == 1


def test_refund_notice_before_the_payment_notice_ends_partially_refunded(
    client, checkout, started, succeeded, stripe_api
):
    """localstripe stands in for Stripe's servers. A refund of 25.000 ₫ made at Stripe is
    announced before the payment itself; the late payment notice changes nothing."""
    order = complete(checkout)
    refund_at_stripe(stripe_api, started, 25000)

    deliver(client, refunded_charge_event(stripe_api, started, "evt_refund_first"))
    deliver(client, succeeded)

    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("partial", 100000)
    item = TransactionItem.objects.get()
    assert (item.charged_value, item.refunded_value) == (125000, 25000)


def test_refunds_are_running_totals_whatever_order_they_arrive_in(
    client, checkout, started, succeeded, stripe_api
):
    """localstripe stands in for Stripe's servers. Two refunds (25.000 ₫ then 100.000 ₫) whose
    notices arrive in reverse order: the second notice's total already covers the first."""
    order = complete(checkout)
    deliver(client, succeeded)
    refund_at_stripe(stripe_api, started, 25000)
    first = refunded_charge_event(stripe_api, started, "evt_refund_1")
    refund_at_stripe(stripe_api, started, 100000)
    second = refunded_charge_event(stripe_api, started, "evt_refund_2")

    deliver(client, second)
    deliver(client, first)

    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("none", 0)
    assert TransactionItem.objects.get().refunded_value == 125000


def test_failure_notice_after_success_leaves_the_order_paid(
    client, checkout, started, succeeded, stripe_api
):
    """localstripe stands in for Stripe's servers. The notice of an earlier failed attempt on the
    same intent comes after the notice of its success."""
    order = complete(checkout)
    intent = stripe_api.v1.payment_intents.retrieve(started.psp_reference).to_dict()
    earlier_attempt = intent | {
        "status": "requires_payment_method",
        "last_payment_error": {"code": "card_declined", "message": "Your card was declined."},
    }
    failed = stripe_event("payment_intent.payment_failed", earlier_attempt, event_id="evt_late")

    deliver(client, succeeded)
    response = deliver(client, failed)

    assert response.status_code == 200
    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("full", 125000)
    item = TransactionItem.objects.get()
    assert item.charged_value == 125000
    assert item.events.filter(type="CHARGE_FAILURE").count() == 1


def test_payment_failed_records_the_failure_and_leaves_the_checkout_to_pay(
    client, checkout, started, stripe_api
):
    """localstripe stands in for Stripe's servers and declines its card 4000000000000341."""
    assert pay_in_browser(stripe_api, started, DECLINED_CARD) is not None
    failed = recorded_event(stripe_api, "payment_intent.payment_failed", started.psp_reference)

    response = deliver(client, failed)

    assert response.status_code == 200
    item = TransactionItem.objects.get()
    assert item.charged_value == 0
    assert item.events.filter(type="CHARGE_FAILURE").count() == 1
    assert complete(checkout).charge_status == "none"


def test_event_for_a_payment_the_marketplace_does_not_know_is_acknowledged(client, db, stripe_keys):
    """A signed event about a payment made elsewhere; localstripe stands in for Stripe."""
    body = stripe_event(
        "payment_intent.succeeded",
        {"id": "pi_elsewhere", "object": "payment_intent", "status": "succeeded", "amount": 1},
        event_id="evt_elsewhere",
    )

    response = deliver(client, body)

    assert response.status_code == 200
    assert response.json()["applied"] is False
    assert not ProcessedStripeEvent.objects.exists()


def test_other_event_types_are_acknowledged_and_ignored(client, db, stripe_keys):
    """A signed event of a kind payments do not need; localstripe stands in for Stripe's servers."""
    body = stripe_event("customer.created", {"id": "cus_1", "object": "customer"}, event_id="e1")

    response = deliver(client, body)

    assert response.status_code == 200
    assert response.json()["applied"] is False


def test_without_keys_there_is_no_webhook_endpoint(client, db, no_stripe_keys):
    """Without Stripe's keys (localstripe stands in for Stripe's servers elsewhere)."""
    body = stripe_event("payment_intent.succeeded", {"id": "pi_1"}, event_id="evt_1")

    assert deliver(client, body).status_code == 404


def test_only_post_is_accepted(client, db, stripe_keys):
    """Stripe only POSTs (localstripe stands in for its servers elsewhere)."""
    assert client.get(WEBHOOK_URL).status_code == 405


def test_neither_the_body_nor_card_details_are_logged(client, checkout, started, succeeded, caplog):
    """localstripe stands in for Stripe's servers."""
    caplog.set_level("DEBUG")

    deliver(client, succeeded)
    post_webhook(client, succeeded, "t=1,v1=00")

    assert succeeded not in caplog.text
    assert "4242" not in caplog.text
    assert "secret" not in caplog.text.lower()


@pytest.mark.django_db(transaction=True)
def test_same_event_delivered_at_once_by_several_workers_changes_the_order_once(
    checkout, started, succeeded
):
    """localstripe stands in for Stripe's servers. Five deliveries of one event arrive together,
    each handled by its own worker with its own database connection."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("SQLite's in-memory test database cannot make a writer wait for another.")
    order = complete(checkout)
    barrier = threading.Barrier(5)

    def worker() -> int:
        try:
            barrier.wait()
            return deliver(Client(), succeeded).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=5) as pool:
        statuses = list(pool.map(lambda _: worker(), range(5)))

    assert statuses == [200] * 5
    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("full", 125000)
    assert OrderPayment.objects.filter(order=order).count() == 1
    assert TransactionItem.objects.get().events.filter(type="CHARGE_SUCCESS").count() == 1
