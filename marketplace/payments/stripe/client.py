"""The one door to Stripe's API, through the `stripe` library.

Every call that creates something carries an idempotency key, so a retried request (by the
library after a network error, or by us) never charges or refunds twice. Amounts are whole dong:
VND is zero-decimal in Stripe, so 125.000 ₫ is `amount=125000`. Card data never passes through
here; the shopper's browser gives it to Stripe and we only see a PaymentMethod id.
"""

from typing import Any

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

from marketplace.core.money import CURRENCY, vnd

# Currencies Stripe counts in whole units; of them the marketplace only sells in VND.
ZERO_DECIMAL_CURRENCIES = frozenset({"VND"})
MAX_NETWORK_RETRIES = 2


class StripeNotConfigured(Exception):
    """The Stripe keys are not set: the gateway is not offered."""


class StripeCallFailed(Exception):
    """Stripe refused a request or could not be reached.

    `declined` is true when the card or the payment was refused (the shopper can try another
    card); otherwise the failure is ours or Stripe's and the message says so in general terms.
    """

    def __init__(self, message: str, *, declined: bool = False, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.declined = declined
        self.code = code


def is_configured() -> bool:
    """Whether the three Stripe keys (secret, publishable, webhook secret) are set."""
    return bool(
        settings.STRIPE_SECRET_KEY
        and settings.STRIPE_PUBLISHABLE_KEY
        and settings.STRIPE_WEBHOOK_SECRET
    )


def stripe_amount(amount: int, currency: str = CURRENCY) -> int:
    """`amount` in Stripe's unit for `currency`: whole dong for VND, unchanged."""
    if currency.upper() not in ZERO_DECIMAL_CURRENCIES:
        raise ValueError(f"The marketplace does not take payments in {currency}.")
    return vnd(amount)


def _client() -> stripe.StripeClient:
    if not settings.STRIPE_SECRET_KEY:
        raise StripeNotConfigured("STRIPE_SECRET_KEY is not set.")
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE or stripe.DEFAULT_API_BASE},
        max_network_retries=MAX_NETWORK_RETRIES,
    )


def _call(operation, *args, **kwargs):
    try:
        return operation(*args, **kwargs)
    except stripe.CardError as error:
        raise StripeCallFailed(
            error.user_message or _("The card was declined."), declined=True, code=error.code
        ) from error
    except stripe.StripeError as error:
        raise StripeCallFailed(
            _("The card payment service is not available; please try again."),
            code=getattr(error, "code", None),
        ) from error


def create_payment_intent(
    *,
    amount: int,
    idempotency_key: str,
    metadata: dict[str, str],
    currency: str = CURRENCY,
    capture: bool = True,
) -> stripe.PaymentIntent:
    """Create a PaymentIntent for `amount` dong, paid by card.

    With `capture=False` the card is only authorized, to be captured later. The same
    `idempotency_key` always returns the same PaymentIntent.
    """
    params: dict[str, Any] = {
        "amount": stripe_amount(amount, currency),
        "currency": currency.lower(),
        "payment_method_types": ["card"],
        "capture_method": "automatic" if capture else "manual",
        "metadata": metadata,
    }
    return _call(
        _client().v1.payment_intents.create,
        params=params,
        options={"idempotency_key": idempotency_key},
    )


def retrieve_payment_intent(intent_id: str) -> stripe.PaymentIntent:
    """The PaymentIntent as Stripe has it now."""
    return _call(_client().v1.payment_intents.retrieve, intent_id)


def confirm_payment_intent(
    *, intent_id: str, payment_method: str | None, idempotency_key: str
) -> stripe.PaymentIntent:
    """Confirm the PaymentIntent, with `payment_method` (a `pm_...` id made by Stripe.js) when
    given. The method is attached by an update first, then the intent is confirmed: the same two
    steps Stripe.js takes, and ones every Stripe-compatible server understands."""
    client = _client()
    if payment_method:
        _call(
            client.v1.payment_intents.update,
            intent_id,
            params={"payment_method": payment_method},
            options={"idempotency_key": f"{idempotency_key}:attach"},
        )
    return _call(
        client.v1.payment_intents.confirm,
        intent_id,
        options={"idempotency_key": f"{idempotency_key}:confirm"},
    )


def create_refund(
    *, intent_id: str, amount: int, idempotency_key: str, metadata: dict[str, str]
) -> stripe.Refund:
    """Refund `amount` dong of the PaymentIntent's charge."""
    return _call(
        _client().v1.refunds.create,
        params={
            "payment_intent": intent_id,
            "amount": stripe_amount(amount),
            "metadata": metadata,
        },
        options={"idempotency_key": idempotency_key},
    )
