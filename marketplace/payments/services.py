"""Writes to payments: card payments through Stripe, following Saleor's Transactions API.

The flow a storefront follows: `initialize_stripe_transaction` creates a PaymentIntent for what is
left to pay on the checkout and hands back its client secret; the shopper's browser gives the card
to Stripe; `process_stripe_transaction` confirms the intent and records what Stripe says; Stripe's
webhooks (`handle_stripe_event`) bring later news; `attach_checkout_transactions` moves the
payments to the order when the checkout completes; staff refund with `refund_transaction`.

A transaction's amounts only ever grow to what Stripe reports (charged, refunded), so an event
applied twice, late or out of order leaves the same state; each change is passed on to the order
once, through the order services, with a reference that makes a repeat harmless.
"""

import logging
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.money import CURRENCY, format_vnd, vnd
from marketplace.core.permissions import Action, authorize
from marketplace.payments.models import (
    ProcessedStripeEvent,
    TransactionEvent,
    TransactionEventType,
    TransactionItem,
)
from marketplace.payments.stripe import client as stripe_client
from marketplace.payments.stripe import events as stripe_events
from marketplace.payments.stripe.gateway import STRIPE_GATEWAY_ID

logger = logging.getLogger(__name__)

STRIPE_GATEWAY_NAME = "Stripe"
MAX_KEY_LENGTH = 200
# Saleor's limit: each attempt creates a PaymentIntent at Stripe, so attempts are bounded.
MAX_TRANSACTIONS_PER_CHECKOUT = 100


class PaymentErrorCode(StrEnum):
    """The codes payment services raise; each mutation's enum (Saleor's) holds those it uses."""

    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    TRANSACTION_ALREADY_PROCESSED = "TRANSACTION_ALREADY_PROCESSED"
    MISSING_PAYMENT_APP = "MISSING_PAYMENT_APP"
    MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK = "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK"


@dataclass
class TransactionResult:
    """What a storefront gets back: the transaction, the event just recorded and the data the
    browser needs to go on (for Stripe: the PaymentIntent's client secret)."""

    transaction: TransactionItem
    event: TransactionEvent | None
    data: dict[str, Any] = field(default_factory=dict)


def _invalid(message: str, field_name: str | None = None) -> DomainError:
    return DomainError(message, code=PaymentErrorCode.INVALID, field=field_name)


def _unavailable(error: stripe_client.StripeCallFailed, field_name: str | None = None):
    return DomainError(error.message, code=PaymentErrorCode.GRAPHQL_ERROR, field=field_name)


def stripe_available() -> bool:
    """Whether card payments through Stripe are offered (its three keys are set)."""
    return stripe_client.is_configured()


def _checkout_total(checkout) -> int:
    from marketplace.checkout.selectors import checkout_total

    return vnd(checkout_total(checkout))


def _covered_amount(transactions) -> int:
    """What the transactions already cover: charged (less refunds), authorized, or on the way."""
    totals = transactions.aggregate(
        charged=Sum("charged_value"),
        refunded=Sum("refunded_value"),
        authorized=Sum("authorized_value"),
        pending=Sum("charge_pending_value"),
    )
    return sum(totals[name] or 0 for name in ("charged", "authorized", "pending")) - (
        totals["refunded"] or 0
    )


def _event(
    item: TransactionItem,
    event_type: str,
    amount: int = 0,
    *,
    psp_reference: str = "",
    message: str = "",
    idempotency_key: str = "",
    actor=None,
) -> TransactionEvent:
    return TransactionEvent.objects.create(
        transaction=item,
        type=event_type,
        amount=amount,
        currency=item.currency,
        psp_reference=psp_reference or item.psp_reference,
        message=message[:512],
        idempotency_key=idempotency_key[:255],
        created_by=actor if getattr(actor, "pk", None) else None,
    )


def _intent_data(intent, *, with_secret: bool) -> dict[str, Any]:
    """What the browser needs to know of a PaymentIntent; the client secret only while the shopper
    still has something to do (enter a card, pass 3-D Secure)."""
    data: dict[str, Any] = {"id": intent.id, "status": intent.status}
    if with_secret:
        data["clientSecret"] = intent.client_secret
    return {"paymentIntent": data, "publishableKey": settings.STRIPE_PUBLISHABLE_KEY}


def _stripe_key(*parts: object) -> str:
    return ":".join(["marketplace", *(str(part) for part in parts)])


# --- Storefront: initialize and process -------------------------------------------------------


@transaction.atomic
def initialize_stripe_transaction(
    *, checkout, amount: int | None = None, idempotency_key: str | None = None
) -> TransactionResult:
    """Create a PaymentIntent for `amount` dong (by default what is left to pay on the checkout)
    and a transaction for it attached to the checkout.

    The same `idempotency_key` on the same checkout returns the transaction made the first time;
    the PaymentIntent is created with an idempotency key of its own, so Stripe never makes two.
    """
    if not stripe_available():
        raise DomainError(
            _("Card payments are not available."),
            code=PaymentErrorCode.NOT_FOUND,
            field="paymentGateway",
        )
    if idempotency_key is not None:
        idempotency_key = idempotency_key.strip()
        if not idempotency_key or len(idempotency_key) > MAX_KEY_LENGTH:
            raise _invalid(
                _("The idempotency key must be 1 to %(length)s characters.")
                % {"length": MAX_KEY_LENGTH},
                "idempotencyKey",
            )
        existing = TransactionItem.objects.filter(
            checkout=checkout, idempotency_key=idempotency_key
        ).first()
        if existing is not None:
            return _repeat_initialize(existing)

    transactions = TransactionItem.objects.filter(checkout=checkout)
    if transactions.count() >= MAX_TRANSACTIONS_PER_CHECKOUT:
        raise _invalid(_("Too many payment attempts on this checkout; start a new checkout."), "id")
    left_to_pay = _checkout_total(checkout) - _covered_amount(transactions)
    if amount is None:
        amount = left_to_pay
    elif amount <= 0:
        raise _invalid(_("The amount must be more than 0 ₫."), "amount")
    if left_to_pay <= 0:
        raise _invalid(_("The checkout is already paid."), "amount")
    if amount > left_to_pay:
        raise _invalid(
            _("At most %(amount)s is left to pay.") % {"amount": format_vnd(left_to_pay)},
            "amount",
        )

    key = idempotency_key or uuid.uuid4().hex
    token = uuid.uuid4()
    try:
        intent = stripe_client.create_payment_intent(
            amount=amount,
            idempotency_key=_stripe_key("checkout", checkout.pk, "initialize", key),
            metadata={"transaction": str(token), "checkout": str(checkout.pk)},
        )
    except stripe_client.StripeCallFailed as error:
        raise _unavailable(error, "paymentGateway") from error
    try:
        with transaction.atomic():
            item = TransactionItem.objects.create(
                token=token,
                gateway=STRIPE_GATEWAY_ID,
                name=STRIPE_GATEWAY_NAME,
                psp_reference=intent.id,
                psp_status=intent.status,
                idempotency_key=key,
                currency=CURRENCY,
                amount=amount,
                checkout=checkout,
            )
    except IntegrityError:
        # The same key sent twice at once: Stripe answered both with one intent, and the other
        # request recorded it first.
        return _repeat_initialize(
            TransactionItem.objects.get(checkout=checkout, psp_reference=intent.id)
        )
    event = _event(
        item,
        TransactionEventType.CHARGE_ACTION_REQUIRED,
        amount,
        message=_("Waiting for the card."),
        idempotency_key=key,
    )
    return TransactionResult(item, event, _intent_data(intent, with_secret=True))


def _repeat_initialize(item: TransactionItem) -> TransactionResult:
    try:
        intent = stripe_client.retrieve_payment_intent(item.psp_reference)
    except stripe_client.StripeCallFailed as error:
        raise _unavailable(error, "paymentGateway") from error
    event = item.events.order_by("pk").first()
    waiting = intent.status in {
        "requires_payment_method",
        "requires_confirmation",
        "requires_action",
    }
    return TransactionResult(item, event, _intent_data(intent, with_secret=waiting))


@transaction.atomic
def process_stripe_transaction(
    *, transaction_item: TransactionItem, data: dict[str, Any] | None = None
) -> TransactionResult:
    """Confirm the transaction's PaymentIntent and record what Stripe answers.

    `data` may carry `paymentMethod`, the `pm_...` id Stripe.js made from the shopper's card.
    When the shopper's browser already confirmed the intent, this only records its state. A
    declined card is recorded as a CHARGE_FAILURE event; the shopper may try another card.
    """
    item = TransactionItem.objects.select_for_update().get(pk=transaction_item.pk)
    if item.gateway != STRIPE_GATEWAY_ID:
        raise DomainError(
            _("This payment cannot be processed here."),
            code=PaymentErrorCode.MISSING_PAYMENT_APP,
            field="id",
        )
    if not stripe_available():
        raise DomainError(
            _("Card payments are not available."), code=PaymentErrorCode.MISSING_PAYMENT_APP
        )
    payment_method = _payment_method(data)
    try:
        intent = stripe_client.retrieve_payment_intent(item.psp_reference)
        ready = intent.status == "requires_confirmation" or (
            intent.status == "requires_payment_method" and payment_method
        )
        if ready:
            intent = stripe_client.confirm_payment_intent(
                intent_id=item.psp_reference,
                payment_method=payment_method,
                idempotency_key=_stripe_key(
                    "transaction", item.token, "process", payment_method or "-", item.events.count()
                ),
            )
    except stripe_client.StripeCallFailed as error:
        if not error.declined:
            raise _unavailable(error) from error
        event = _event(
            item, TransactionEventType.CHARGE_FAILURE, item.amount, message=error.message
        )
        intent = _retrieve_quietly(item.psp_reference)
        if intent is None:
            return TransactionResult(item, event, {"paymentIntent": {"id": item.psp_reference}})
        if item.charged_value == 0:
            item.psp_status = intent.status
            item.save(update_fields=["psp_status", "modified_at"])
        return TransactionResult(item, event, _intent_data(intent, with_secret=False))
    event = _apply_payment_intent(item, intent)
    waiting = intent.status in {
        "requires_payment_method",
        "requires_confirmation",
        "requires_action",
    }
    return TransactionResult(item, event, _intent_data(intent, with_secret=waiting))


def _payment_method(data: dict[str, Any] | None) -> str | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise _invalid(_("The data must be a JSON object."), "data")
    value = data.get("paymentMethod") or data.get("payment_method")
    if value is None:
        return None
    if not isinstance(value, str) or not value.startswith("pm_") or len(value) > 255:
        raise _invalid(_("The payment method is not one Stripe made."), "data")
    return value


def _retrieve_quietly(intent_id: str):
    try:
        return stripe_client.retrieve_payment_intent(intent_id)
    except stripe_client.StripeCallFailed:
        return None


# --- Applying what Stripe reports -------------------------------------------------------------


def _value(obj, name: str, default=None):
    """A field of a Stripe object or of a plain dict (webhook payloads are either)."""
    try:
        value = obj[name]
    except (KeyError, TypeError, IndexError):
        value = getattr(obj, name, default)
    return default if value is None else value


def _id_of(value) -> str | None:
    """The id of an expandable field: either the id itself or the expanded object."""
    if value is None or isinstance(value, str):
        return value
    return _value(value, "id")


def _apply_payment_intent(item: TransactionItem, intent) -> TransactionEvent | None:
    """Bring the transaction up to the PaymentIntent's state; return the event recorded."""
    before = (item.charged_value, item.refunded_value)
    status = _value(intent, "status", "")
    amount = int(_value(intent, "amount", item.amount))
    event = None
    if status == "succeeded":
        received = int(_value(intent, "amount_received", 0) or amount)
        if received > item.charged_value:
            event = _event(item, TransactionEventType.CHARGE_SUCCESS, received - item.charged_value)
            item.charged_value = received
        item.charge_pending_value = 0
        item.authorized_value = 0
    elif status == "requires_capture":
        capturable = int(_value(intent, "amount_capturable", 0) or amount)
        if item.charged_value == 0 and capturable > item.authorized_value:
            event = _event(
                item,
                TransactionEventType.AUTHORIZATION_SUCCESS,
                capturable - item.authorized_value,
            )
            item.authorized_value = capturable
    elif status == "processing":
        if item.charged_value == 0:
            item.charge_pending_value = amount
            event = _event(item, TransactionEventType.CHARGE_REQUEST, amount)
    elif status == "requires_action":
        event = _event(
            item,
            TransactionEventType.CHARGE_ACTION_REQUIRED,
            amount,
            message=_("The bank asks the shopper to confirm the payment."),
        )
    elif status == "canceled":
        if item.charged_value == 0 and item.canceled_value == 0:
            item.canceled_value = amount
            item.authorized_value = item.charge_pending_value = 0
            event = _event(item, TransactionEventType.CANCEL_SUCCESS, amount)
    elif status == "requires_payment_method":
        error = _value(intent, "last_payment_error")
        # A decline recorded by `process_stripe_transaction` is announced again by Stripe; once
        # a payment succeeded, a late notice of an earlier failed attempt is only history.
        if error and _latest_event_type(item) != TransactionEventType.CHARGE_FAILURE:
            item.charge_pending_value = 0 if item.charged_value == 0 else item.charge_pending_value
            event = _event(
                item,
                TransactionEventType.CHARGE_FAILURE,
                amount,
                message=str(_value(error, "message", "") or _("The card was declined.")),
            )
    if item.charged_value == 0 or status == "succeeded":
        item.psp_status = status[:64]
    item.save()
    _pass_on_to_order(item, *before)
    return event


def _latest_event_type(item: TransactionItem) -> str | None:
    return item.events.order_by("-pk").values_list("type", flat=True).first()


def _apply_charge(item: TransactionItem, charge) -> TransactionEvent | None:
    """Bring the transaction up to a charge's state: captured and refunded amounts, which Stripe
    reports as running totals."""
    before = (item.charged_value, item.refunded_value)
    captured = int(_value(charge, "amount_captured", 0) or 0)
    if not captured and (_value(charge, "captured", False) or _value(charge, "paid", False)):
        captured = int(_value(charge, "amount", 0))
    event = None
    if captured > item.charged_value:
        # A refund notice may come before the notice of the payment itself.
        event = _event(
            item,
            TransactionEventType.CHARGE_SUCCESS,
            captured - item.charged_value,
            psp_reference=item.psp_reference,
        )
        item.charged_value = captured
        item.charge_pending_value = item.authorized_value = 0
        item.psp_status = "succeeded"
    refunded = min(int(_value(charge, "amount_refunded", 0)), item.charged_value)
    if refunded > item.refunded_value:
        grown = refunded - item.refunded_value
        event = _event(
            item,
            TransactionEventType.REFUND_SUCCESS,
            grown,
            psp_reference=_latest_refund_id(charge) or _id_of(charge) or item.psp_reference,
        )
        item.refunded_value = refunded
        item.refund_pending_value = max(0, item.refund_pending_value - grown)
    item.refund_pending_value = min(item.refund_pending_value, item.refundable)
    item.save()
    _pass_on_to_order(item, *before)
    return event


def _latest_refund_id(charge) -> str | None:
    refunds = _value(charge, "refunds")
    data = _value(refunds, "data") if refunds is not None else None
    if not data:
        return None
    return _id_of(data[0])


def _pass_on_to_order(
    item: TransactionItem,
    charged_before: int,
    refunded_before: int,
    *,
    refund_reference: str | None = None,
    actor=None,
) -> None:
    """Tell the order (once it exists) what changed: the growth of the charge and of refunds.

    References make each report unique, so the order services ignore a repeat.
    """
    if item.order_id is None:
        return
    from marketplace.orders import services as order_services

    if item.charged_value > charged_before:
        order_services.record_payment(
            order=item.order,
            amount=item.charged_value - charged_before,
            reference=_charge_reference(item, charged_before),
            gateway=item.gateway,
        )
    if item.refunded_value > refunded_before:
        order_services.record_refund(
            order=item.order,
            amount=item.refunded_value - refunded_before,
            reference=refund_reference or _refund_reference(item),
            gateway=item.gateway,
            actor=actor,
        )


def _charge_reference(item: TransactionItem, charged_before: int) -> str:
    if charged_before == 0:
        return item.psp_reference
    return f"{item.psp_reference}:charged:{item.charged_value}"


def _refund_reference(item: TransactionItem) -> str:
    return f"{item.psp_reference}:refunded:{item.refunded_value}"


def handle_stripe_event(event) -> bool:
    """Apply a verified Stripe webhook event; return whether it changed anything.

    An event is applied once: its id is recorded in the same database transaction as its effect,
    so a redelivery (Stripe retries, replays) is acknowledged and ignored. Events for payments
    this marketplace does not know are ignored without being recorded.
    """
    event_type = _value(event, "type", "")
    if event_type not in stripe_events.HANDLED_EVENTS:
        return False
    obj = _value(_value(event, "data"), "object")
    if event_type == stripe_events.CHARGE_REFUNDED:
        intent_id = _id_of(_value(obj, "payment_intent"))
    else:
        intent_id = _id_of(obj)
    if not intent_id:
        return False
    with transaction.atomic():
        item = (
            TransactionItem.objects.select_for_update()
            .filter(gateway=STRIPE_GATEWAY_ID, psp_reference=intent_id)
            .first()
        )
        if item is None:
            logger.info("Stripe event %s for an unknown payment ignored", _value(event, "id"))
            return False
        _, created = ProcessedStripeEvent.objects.get_or_create(
            event_id=_value(event, "id"), defaults={"event_type": event_type}
        )
        if not created:
            logger.info("Stripe event %s already processed", _value(event, "id"))
            return False
        if event_type == stripe_events.CHARGE_REFUNDED:
            _apply_charge(item, obj)
        else:
            _apply_payment_intent(item, obj)
    logger.info("Stripe event %s (%s) applied", _value(event, "id"), event_type)
    return True


# --- Checkout completion ----------------------------------------------------------------------


@transaction.atomic
def attach_checkout_transactions(*, checkout, order) -> list[TransactionItem]:
    """Move the checkout's payments to the order made from it, and record on the order what they
    have charged and refunded so far. Safe to call again."""
    items = list(
        TransactionItem.objects.select_for_update().filter(checkout=checkout, order__isnull=True)
    )
    for item in items:
        item.order = order
        item.save(update_fields=["order", "modified_at"])
        _pass_on_to_order(item, 0, 0)
    return items


# --- Staff: refunds ---------------------------------------------------------------------------


@transaction.atomic
def refund_transaction(
    *, actor, transaction_item: TransactionItem, amount: int | None = None
) -> TransactionResult:
    """Refund `amount` dong (by default all that is left) of a card payment, for staff who manage
    orders. A refund never exceeds what was charged less what was already refunded."""
    authorize(actor, Action.ORDER_MANAGE)
    item = TransactionItem.objects.select_for_update().get(pk=transaction_item.pk)
    if item.gateway != STRIPE_GATEWAY_ID:
        raise DomainError(
            _("This payment cannot be refunded here."),
            code=PaymentErrorCode.MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK,
            field="id",
        )
    refundable = item.refundable
    if refundable <= 0:
        raise _invalid(_("Nothing is left to refund on this payment."), "amount")
    if amount is None:
        amount = refundable
    if amount <= 0:
        raise _invalid(_("The amount must be more than 0 ₫."), "amount")
    if amount > refundable:
        raise _invalid(
            _("At most %(amount)s can be refunded.") % {"amount": format_vnd(refundable)},
            "amount",
        )
    before = (item.charged_value, item.refunded_value)
    key = _stripe_key(
        "transaction", item.token, "refund", item.refunded_value + item.refund_pending_value, amount
    )
    try:
        refund = stripe_client.create_refund(
            intent_id=item.psp_reference,
            amount=amount,
            idempotency_key=key,
            metadata={"transaction": str(item.token)},
        )
    except stripe_client.StripeCallFailed as error:
        raise _unavailable(error, "amount") from error
    status = _value(refund, "status", "")
    if status == "succeeded":
        item.refunded_value += amount
        event_type = TransactionEventType.REFUND_SUCCESS
    elif status in {"pending", "requires_action"}:
        item.refund_pending_value += amount
        event_type = TransactionEventType.REFUND_REQUEST
    else:
        event_type = TransactionEventType.REFUND_FAILURE
    event = _event(
        item, event_type, amount, psp_reference=refund.id, idempotency_key=key, actor=actor
    )
    item.save()
    _pass_on_to_order(item, *before, refund_reference=refund.id, actor=actor)
    return TransactionResult(item, event)


def refund_order(*, actor, order, amount: int | None = None) -> list[TransactionResult]:
    """Refund `amount` dong (by default everything refundable) of an order's card payments,
    oldest payment first."""
    authorize(actor, Action.ORDER_MANAGE)
    items = list(
        TransactionItem.objects.filter(order=order, gateway=STRIPE_GATEWAY_ID).order_by("pk")
    )
    refundable = sum(item.refundable for item in items)
    if amount is None:
        amount = refundable
    if refundable <= 0:
        raise _invalid(_("Nothing is left to refund on this order."), "amount")
    if amount <= 0:
        raise _invalid(_("The amount must be more than 0 ₫."), "amount")
    if amount > refundable:
        raise _invalid(
            _("At most %(amount)s can be refunded.") % {"amount": format_vnd(refundable)},
            "amount",
        )
    results = []
    with transaction.atomic():
        for item in items:
            share = min(amount, item.refundable)
            if share <= 0:
                continue
            results.append(refund_transaction(actor=actor, transaction_item=item, amount=share))
            amount -= share
            if amount == 0:
                break
    return results
