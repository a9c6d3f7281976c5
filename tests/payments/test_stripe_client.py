"""The Stripe client: amounts in whole dong, idempotency keys, the confirm flow.

localstripe stands in for Stripe's servers in every test here.
"""

import pytest
from django.test import override_settings

from marketplace.payments.stripe import client
from tests.payments.conftest import DECLINED_CARD, card


def test_payment_intent_for_125_000_dong_asks_stripe_for_amount_125000_in_vnd(stripe_keys):
    """localstripe stands in for Stripe's servers: VND is zero-decimal, so no factor of 100."""
    intent = client.create_payment_intent(
        amount=125000, idempotency_key="test-amount", metadata={"checkout": "1"}
    )

    assert intent.amount == 125000
    assert intent.currency == "vnd"
    assert intent.status == "requires_payment_method"
    assert intent.client_secret.startswith(intent.id)


def test_same_idempotency_key_returns_the_same_payment_intent(stripe_keys):
    """localstripe stands in for Stripe's servers (with Stripe's Idempotency-Key rule)."""
    first = client.create_payment_intent(amount=50000, idempotency_key="test-same-key", metadata={})
    again = client.create_payment_intent(amount=50000, idempotency_key="test-same-key", metadata={})
    other = client.create_payment_intent(
        amount=50000, idempotency_key="test-other-key", metadata={}
    )

    assert again.id == first.id
    assert other.id != first.id


def test_confirming_with_a_card_charges_the_payment_intent(stripe_keys, stripe_api):
    """localstripe stands in for Stripe's servers; the card becomes a PaymentMethod as Stripe.js
    would make it in the browser."""
    intent = client.create_payment_intent(
        amount=125000, idempotency_key="test-confirm", metadata={}
    )

    confirmed = client.confirm_payment_intent(
        intent_id=intent.id, payment_method=card(stripe_api), idempotency_key="test-confirm"
    )

    assert confirmed.status == "succeeded"
    assert client.retrieve_payment_intent(intent.id).status == "succeeded"


def test_declined_card_is_reported_as_declined(stripe_keys, stripe_api):
    """localstripe stands in for Stripe's servers and declines its test card 4000000000000341."""
    intent = client.create_payment_intent(
        amount=125000, idempotency_key="test-declined", metadata={}
    )

    with pytest.raises(client.StripeCallFailed) as failure:
        client.confirm_payment_intent(
            intent_id=intent.id,
            payment_method=card(stripe_api, DECLINED_CARD),
            idempotency_key="test-declined",
        )

    assert failure.value.declined
    assert client.retrieve_payment_intent(intent.id).status == "requires_payment_method"


def test_partial_refund_in_dong(stripe_keys, stripe_api):
    """localstripe stands in for Stripe's servers."""
    intent = client.create_payment_intent(amount=125000, idempotency_key="test-refund", metadata={})
    client.confirm_payment_intent(
        intent_id=intent.id, payment_method=card(stripe_api), idempotency_key="test-refund"
    )

    refund = client.create_refund(
        intent_id=intent.id, amount=25000, idempotency_key="test-refund-1", metadata={}
    )
    repeated = client.create_refund(
        intent_id=intent.id, amount=25000, idempotency_key="test-refund-1", metadata={}
    )

    assert refund.amount == 25000
    assert refund.status == "succeeded"
    assert repeated.id == refund.id


def test_unreachable_stripe_is_a_failure_not_a_decline(localstripe):
    """No server listens on the port: the call fails without pretending the card was declined
    (localstripe is not used here)."""
    with (
        override_settings(STRIPE_SECRET_KEY="sk_test_x", STRIPE_API_BASE="http://127.0.0.1:9"),
        pytest.raises(client.StripeCallFailed) as failure,
    ):
        client.retrieve_payment_intent("pi_missing")

    assert not failure.value.declined


def test_only_vnd_is_taken():
    """No call reaches Stripe (localstripe stands in for its servers elsewhere)."""
    with pytest.raises(ValueError):
        client.stripe_amount(100, "USD")
    with pytest.raises(TypeError):
        client.stripe_amount(1.5)
