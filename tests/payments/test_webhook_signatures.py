"""Only events signed by Stripe, recently, are read: the signature check on its own.

The payloads are signed with the stripe library's own scheme (HMAC-SHA256 over "t.body"); no
Stripe server is involved.
"""

import hashlib
import hmac
import time

import pytest
from django.test import override_settings

from marketplace.payments.stripe.events import InvalidWebhook, verify_event
from tests.payments.conftest import WEBHOOK_SECRET, signature, stripe_event

PAYLOAD = stripe_event(
    "payment_intent.succeeded",
    {"id": "pi_signed", "object": "payment_intent", "status": "succeeded", "amount": 125000},
    event_id="evt_signed",
)


@pytest.fixture(autouse=True)
def _webhook_secret():
    with override_settings(STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET, STRIPE_WEBHOOK_TOLERANCE=300):
        yield


def test_payload_signed_by_stripe_just_now_is_accepted():
    """Signed by the stripe library's scheme; no Stripe server (nor localstripe) is involved."""
    event = verify_event(PAYLOAD.encode(), signature(PAYLOAD))

    assert event.id == "evt_signed"
    assert event.type == "payment_intent.succeeded"


def test_signature_computed_by_hand_as_stripe_documents_it_is_accepted():
    """Signed by the stripe library's scheme; no Stripe server (nor localstripe) is involved."""
    timestamp = int(time.time())
    digest = hmac.new(
        WEBHOOK_SECRET.encode(), f"{timestamp}.{PAYLOAD}".encode(), hashlib.sha256
    ).hexdigest()

    assert verify_event(PAYLOAD.encode(), f"t={timestamp},v1={digest}").id == "evt_signed"


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "garbage",
        "t=notanumber,v1=abc",
        signature(PAYLOAD, secret="whsec_someone_else"),
        signature(PAYLOAD).replace("v1=", "v0="),
    ],
    ids=["missing", "empty", "garbage", "bad-timestamp", "other-secret", "other-scheme"],
)
def test_wrong_or_missing_signature_is_refused(header):
    """Signed by the stripe library's scheme; no Stripe server (nor localstripe) is involved."""
    with pytest.raises(InvalidWebhook):
        verify_event(PAYLOAD.encode(), header)


def test_body_changed_after_signing_is_refused():
    """Signed by the stripe library's scheme; no Stripe server (nor localstripe) is involved."""
    header = signature(PAYLOAD)
    tampered = PAYLOAD.replace("125000", "1")

    with pytest.raises(InvalidWebhook):
        verify_event(tampered.encode(), header)


def test_signature_older_than_the_tolerance_is_refused():
    """Signed by the stripe library's scheme; no Stripe server (nor localstripe) is involved."""
    stale = signature(PAYLOAD, timestamp=int(time.time()) - 301)

    with pytest.raises(InvalidWebhook, match="tolerance"):
        verify_event(PAYLOAD.encode(), stale)


def test_signature_within_the_tolerance_is_accepted():
    """Signed by the stripe library's scheme; no Stripe server (nor localstripe) is involved."""
    recent = signature(PAYLOAD, timestamp=int(time.time()) - 240)

    assert verify_event(PAYLOAD.encode(), recent).id == "evt_signed"


def test_without_a_webhook_secret_nothing_is_accepted():
    """Signed by the stripe library's scheme; no Stripe server (nor localstripe) is involved."""
    with override_settings(STRIPE_WEBHOOK_SECRET=""), pytest.raises(InvalidWebhook):
        verify_event(PAYLOAD.encode(), signature(PAYLOAD))


def test_signed_body_that_is_not_json_is_refused():
    """Signed by the stripe library's scheme; no Stripe server (nor localstripe) is involved."""
    body = "not json"

    with pytest.raises(InvalidWebhook):
        verify_event(body.encode(), signature(body))
