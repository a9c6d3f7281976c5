"""Stripe's webhook events: verified by their signature before anything reads them.

Stripe signs `"{timestamp}.{body}"` with HMAC-SHA256 and the endpoint's secret and sends
`Stripe-Signature: t=...,v1=...`. A payload with a wrong or missing signature, or signed more than
`STRIPE_WEBHOOK_TOLERANCE` seconds ago (a replay), is refused. Replays within the tolerance are
caught later, by the event id (see `marketplace.payments.services.handle_stripe_event`).
"""

import stripe
from django.conf import settings

# The events that change a payment; Stripe may send others, which are acknowledged and ignored.
PAYMENT_SUCCEEDED = "payment_intent.succeeded"
PAYMENT_FAILED = "payment_intent.payment_failed"
CHARGE_REFUNDED = "charge.refunded"
HANDLED_EVENTS = frozenset({PAYMENT_SUCCEEDED, PAYMENT_FAILED, CHARGE_REFUNDED})


class InvalidWebhook(Exception):
    """The request is not a webhook signed by Stripe within the tolerance."""


def verify_event(payload: bytes, signature_header: str | None) -> stripe.Event:
    """The event in `payload`, once its `Stripe-Signature` header proves Stripe sent it recently.

    Raises `InvalidWebhook` for a missing, malformed or wrong signature, a stale timestamp, a body
    that is not a Stripe event, or when no webhook secret is configured.
    """
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise InvalidWebhook("STRIPE_WEBHOOK_SECRET is not set.")
    try:
        return stripe.Webhook.construct_event(
            payload,
            signature_header,
            secret,
            tolerance=settings.STRIPE_WEBHOOK_TOLERANCE,
            api_key=settings.STRIPE_SECRET_KEY or None,
        )
    except stripe.SignatureVerificationError as error:
        # The library's message names the reason (stale timestamp, no match), not the payload.
        raise InvalidWebhook(str(error)) from error
    except (ValueError, TypeError, AttributeError) as error:
        raise InvalidWebhook("The body is not a Stripe event.") from error
