"""Writes to orders: placing an order from a checkout, payments and refunds, the sub-orders'
fulfilment (ship, deliver, cancel), cash on delivery, and booth payouts.

Signatures the payments side calls (all keyword-only, all in whole dong):

- `record_payment(*, order, amount, reference, gateway="", booth_order=None, actor=None) -> Order`
- `record_refund(*, order, amount, reference, gateway="", actor=None) -> Order`
  Idempotent by reference: the same (kind, reference) twice records nothing more. Both update
  `Order.total_charged_amount`, `charge_status` and `authorize_status` (Saleor's rules).
- `cancel_order(*, actor, order, reason="") -> Order`: cancels every sub-order not yet shipped.

Every status change locks the order row first, then its sub-orders, so concurrent changes of one
order take turns; the sub-order's status is checked again under the lock, which makes shipping
and cancelling happen once (and stock come back once).

Commission: on each sub-order the platform keeps `commission_rate` percent of the goods
(shipping is the booth's, it pays the post), rounded to the nearest dong, halves up. The booth's
share is the sub-order's total less the commission. See `LedgerEntry` for the ledger's signs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.money import format_vnd, vnd
from marketplace.core.permissions import Action, authorize
from marketplace.orders import emails, stock
from marketplace.orders.errors import OrderErrorCode
from marketplace.orders.models import (
    AuthorizeStatus,
    BoothOrder,
    BoothOrderStatus,
    ChargeStatus,
    LedgerEntry,
    LedgerEntryKind,
    Order,
    OrderLine,
    OrderPayment,
    OrderStatus,
    PaymentKind,
    Payout,
)
from marketplace.payments.gateways.cod import COD_GATEWAY_ID
from vendors.models import Booth

MAX_TRACKING_NUMBER = 255
MAX_PAYOUT_REFERENCE = 128


def commission_for(subtotal: int, rate: Decimal) -> int:
    """The platform's commission on `subtotal` dong of goods at `rate` percent, rounded to the
    nearest dong (halves up)."""
    exact = Decimal(subtotal) * Decimal(rate) / 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- Placing an order -------------------------------------------------------------------------


@dataclass(frozen=True)
class NewLine:
    """A line to place: the variant as loaded by the checkout, its quantity and unit price."""

    variant: object
    quantity: int
    unit_price: int


@dataclass(frozen=True)
class NewParcel:
    booth: Booth
    lines: list[NewLine]
    shipping_price: int


def place_order(
    *,
    checkout_token,
    user,
    email: str,
    channel,
    language_code: str,
    shipping_address,
    billing_address,
    delivery_method: str,
    delivery_method_name: str,
    customer_note: str,
    parcels: list[NewParcel],
    payment_gateway: str,
) -> Order:
    """Create the order, one sub-order per booth with its commission, the lines and the booths'
    ledger entries, and promise the stock; all inside the caller's transaction.

    Raises `stock.OutOfStock` when a variant is short; the caller rolls back. The addresses are
    rows that belong to nobody's address book (the checkout's, which is deleted next): the order
    keeps them as they were when it was placed.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("place_order() must run inside a transaction.")
    tracked = {}
    for parcel in parcels:
        for line in parcel.lines:
            if line.variant.track_inventory:
                tracked[line.variant.pk] = tracked.get(line.variant.pk, 0) + line.quantity
    stock.allocate(tracked)

    subtotal = sum(line.unit_price * line.quantity for p in parcels for line in p.lines)
    shipping = sum(parcel.shipping_price for parcel in parcels)
    order = Order.objects.create(
        checkout_token=checkout_token,
        user=user if user is not None and user.is_authenticated else None,
        user_email=email,
        channel=channel,
        language_code=language_code,
        shipping_address=shipping_address,
        billing_address=billing_address,
        delivery_method=delivery_method,
        delivery_method_name=delivery_method_name,
        customer_note=customer_note,
        subtotal_amount=subtotal,
        shipping_amount=shipping,
        total_amount=subtotal + shipping,
        payment_gateway=payment_gateway,
        charge_status=ChargeStatus.FULL if subtotal + shipping == 0 else ChargeStatus.NONE,
    )
    booth_orders = []
    for parcel in parcels:
        goods = sum(line.unit_price * line.quantity for line in parcel.lines)
        rate = parcel.booth.commission_rate
        commission = commission_for(goods, rate)
        total = goods + parcel.shipping_price
        booth_orders.append(
            BoothOrder(
                order=order,
                booth=parcel.booth,
                subtotal_amount=goods,
                shipping_amount=parcel.shipping_price,
                total_amount=total,
                commission_rate=rate,
                commission_amount=commission,
                booth_share_amount=total - commission,
            )
        )
    BoothOrder.objects.bulk_create(booth_orders)
    lines = []
    for parcel, booth_order in zip(parcels, booth_orders, strict=True):
        for line in parcel.lines:
            variant = line.variant
            lines.append(
                OrderLine(
                    order=order,
                    booth_order=booth_order,
                    variant=variant,
                    product_name=variant.product.name,
                    variant_name=variant.name,
                    product_sku=variant.sku or "",
                    quantity=line.quantity,
                    quantity_allocated=line.quantity if variant.track_inventory else 0,
                    unit_price_amount=line.unit_price,
                    total_price_amount=line.unit_price * line.quantity,
                )
            )
    OrderLine.objects.bulk_create(lines)
    LedgerEntry.objects.bulk_create(
        LedgerEntry(
            booth_id=booth_order.booth_id,
            kind=LedgerEntryKind.SALE,
            booth_order=booth_order,
            gross_amount=booth_order.total_amount,
            commission_amount=booth_order.commission_amount,
            amount=booth_order.booth_share_amount,
        )
        for booth_order in booth_orders
    )
    order_pk = order.pk
    transaction.on_commit(lambda: emails.send_order_placed(order_pk))
    return order


# --- Payments and refunds ---------------------------------------------------------------------


def _lock_order(order: Order) -> Order:
    return Order.objects.select_for_update().get(pk=order.pk)


def _positive_amount(amount) -> int:
    value = vnd(amount)
    if value <= 0:
        raise DomainError(
            _("The amount must be more than 0 ₫."), code=OrderErrorCode.INVALID, field="amount"
        )
    return value


@transaction.atomic
def record_payment(
    *,
    order: Order,
    amount: int,
    reference: str,
    gateway: str = "",
    booth_order: BoothOrder | None = None,
    actor=None,
) -> Order:
    """Record `amount` dong received for `order`; a reference already recorded changes nothing."""
    return _record(order, PaymentKind.PAYMENT, amount, reference, gateway, booth_order, actor)


@transaction.atomic
def record_refund(
    *, order: Order, amount: int, reference: str, gateway: str = "", actor=None
) -> Order:
    """Record `amount` dong paid back for `order`; a reference already recorded changes nothing."""
    return _record(order, PaymentKind.REFUND, amount, reference, gateway, None, actor)


def _record(order, kind, amount, reference, gateway, booth_order, actor) -> Order:
    amount = _positive_amount(amount)
    if not reference:
        raise DomainError(
            _("A payment needs a reference."), code=OrderErrorCode.REQUIRED, field="reference"
        )
    order = _lock_order(order)
    if OrderPayment.objects.filter(order=order, kind=kind, reference=reference).exists():
        return order
    OrderPayment.objects.create(
        order=order,
        kind=kind,
        amount=amount,
        reference=reference[:255],
        gateway=gateway or order.payment_gateway,
        booth_order=booth_order,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _update_payment_status(order)
    return order


def charge_status_for(charged: int, total: int) -> str:
    """Saleor's rule: equal is FULL (0 of 0 too), nothing NONE, less PARTIAL, more OVERCHARGED."""
    if charged == total:
        return ChargeStatus.FULL
    if charged <= 0:
        return ChargeStatus.NONE
    return ChargeStatus.PARTIAL if charged < total else ChargeStatus.OVERCHARGED


def _update_payment_status(order: Order) -> None:
    sums = dict(
        OrderPayment.objects.filter(order=order)
        .values_list("kind")
        .annotate(total=Sum("amount"))
        .values_list("kind", "total")
    )
    charged = sums.get(PaymentKind.PAYMENT, 0) - sums.get(PaymentKind.REFUND, 0)
    order.total_charged_amount = charged
    order.charge_status = charge_status_for(charged, order.total_amount)
    if charged >= order.total_amount:
        order.authorize_status = AuthorizeStatus.FULL
    elif charged > 0:
        order.authorize_status = AuthorizeStatus.PARTIAL
    else:
        order.authorize_status = AuthorizeStatus.NONE
    order.save(
        update_fields=["total_charged_amount", "charge_status", "authorize_status", "updated_at"]
    )


# --- Fulfilment of a sub-order ----------------------------------------------------------------


def _not_allowed_status(message: str, code=OrderErrorCode.INVALID) -> DomainError:
    return DomainError(message, code=code, field="id")


def _lock_booth_order(booth_order: BoothOrder) -> tuple[Order, BoothOrder]:
    order = Order.objects.select_for_update().get(pk=booth_order.order_id)
    locked = BoothOrder.objects.select_for_update().select_related("booth").get(pk=booth_order.pk)
    return order, locked


def _lines_allocated(booth_order: BoothOrder) -> dict[int, int]:
    quantities: dict[int, int] = {}
    for variant_id, allocated in OrderLine.objects.filter(
        booth_order=booth_order, quantity_allocated__gt=0, variant__isnull=False
    ).values_list("variant_id", "quantity_allocated"):
        quantities[variant_id] = quantities.get(variant_id, 0) + allocated
    return quantities


@transaction.atomic
def mark_shipped(*, actor, booth_order: BoothOrder, tracking_number: str) -> BoothOrder:
    """The booth handed its parcel to the post: the stock leaves the shelf, the shopper is told
    (with the tracking number)."""
    authorize(actor, Action.ORDER_FULFIL, booth_order.booth_id)
    tracking_number = (tracking_number or "").strip()
    if not tracking_number:
        raise DomainError(
            _("Enter the tracking number the post gave you."),
            code=OrderErrorCode.REQUIRED,
            field="trackingNumber",
        )
    if len(tracking_number) > MAX_TRACKING_NUMBER:
        raise DomainError(
            _("A tracking number has at most %(limit)d characters.")
            % {"limit": MAX_TRACKING_NUMBER},
            code=OrderErrorCode.INVALID,
            field="trackingNumber",
        )
    order, booth_order = _lock_booth_order(booth_order)
    if booth_order.status != BoothOrderStatus.UNFULFILLED:
        raise _not_allowed_status(
            _("Only a parcel waiting to be shipped can be shipped; this one is %(status)s.")
            % {"status": booth_order.get_status_display().lower()},
            OrderErrorCode.FULFILL_ORDER_LINE,
        )
    stock.take(_lines_allocated(booth_order))
    OrderLine.objects.filter(booth_order=booth_order).update(quantity_allocated=0)
    booth_order.status = BoothOrderStatus.SHIPPED
    booth_order.tracking_number = tracking_number
    booth_order.shipped_at = timezone.now()
    booth_order.save(update_fields=["status", "tracking_number", "shipped_at"])
    _refresh_order(order)
    pk = booth_order.pk
    transaction.on_commit(lambda: emails.send_parcel_shipped(pk))
    return booth_order


@transaction.atomic
def mark_delivered(*, actor, booth_order: BoothOrder) -> BoothOrder:
    """The shopper received the parcel (or collected it at the booth)."""
    authorize(actor, Action.ORDER_FULFIL, booth_order.booth_id)
    order, booth_order = _lock_booth_order(booth_order)
    return _deliver(order, booth_order)


def _deliver(order: Order, booth_order: BoothOrder) -> BoothOrder:
    if booth_order.status == BoothOrderStatus.DELIVERED:
        return booth_order
    if booth_order.status != BoothOrderStatus.SHIPPED:
        raise _not_allowed_status(
            _("Only a shipped parcel can be marked delivered; this one is %(status)s.")
            % {"status": booth_order.get_status_display().lower()}
        )
    booth_order.status = BoothOrderStatus.DELIVERED
    booth_order.delivered_at = timezone.now()
    booth_order.save(update_fields=["status", "delivered_at"])
    _refresh_order(order)
    return booth_order


class CashCollector:
    BOOTH = "booth"
    PLATFORM = "platform"


@transaction.atomic
def confirm_cash_payment(
    *, actor, booth_order: BoothOrder, collected_by: str = CashCollector.BOOTH
) -> BoothOrder:
    """Cash on delivery: the shopper paid this parcel in cash. The parcel counts as delivered.

    When the booth (or its courier) collected the cash, the booth already holds the money: its
    ledger is debited with the parcel's total, so it then owes the platform the commission.
    When the platform collected it, the booth's share stays owed to the booth.
    """
    authorize(actor, Action.ORDER_FULFIL, booth_order.booth_id)
    if collected_by == CashCollector.PLATFORM:
        authorize(actor, Action.ORDER_MANAGE)
    elif collected_by != CashCollector.BOOTH:
        raise DomainError(
            _("Say who collected the cash."), code=OrderErrorCode.INVALID, field="collectedBy"
        )
    order, booth_order = _lock_booth_order(booth_order)
    if order.payment_gateway != COD_GATEWAY_ID:
        raise DomainError(
            _("This order was not placed with cash on delivery."),
            code=OrderErrorCode.INVALID,
            field="id",
        )
    if booth_order.cash_confirmed_at is not None:
        return booth_order
    if booth_order.status in (BoothOrderStatus.UNFULFILLED, BoothOrderStatus.CANCELED):
        raise _not_allowed_status(
            _("Cash is confirmed when the parcel is delivered; this one is %(status)s.")
            % {"status": booth_order.get_status_display().lower()}
        )
    booth_order.cash_confirmed_at = timezone.now()
    booth_order.cash_confirmed_by = actor if getattr(actor, "pk", None) else None
    booth_order.save(update_fields=["cash_confirmed_at", "cash_confirmed_by"])
    if collected_by == CashCollector.BOOTH:
        LedgerEntry.objects.create(
            booth_id=booth_order.booth_id,
            kind=LedgerEntryKind.CASH_COLLECTED,
            booth_order=booth_order,
            gross_amount=booth_order.total_amount,
            amount=-booth_order.total_amount,
        )
    if booth_order.total_amount > 0:
        _record(
            order,
            PaymentKind.PAYMENT,
            booth_order.total_amount,
            f"cod:{booth_order.pk}",
            COD_GATEWAY_ID,
            booth_order,
            actor,
        )
    _deliver(order, booth_order)
    return booth_order


# --- Cancelling -------------------------------------------------------------------------------


@transaction.atomic
def cancel_booth_order(*, actor, booth_order: BoothOrder, reason: str = "") -> BoothOrder:
    """Cancel one booth's part of an order before it ships: its stock comes back (once), its
    sale leaves the booth's ledger and the order's total."""
    authorize(actor, Action.ORDER_FULFIL, booth_order.booth_id)
    order, booth_order = _lock_booth_order(booth_order)
    _cancel(order, booth_order, reason)
    _refresh_order(order)
    return booth_order


@transaction.atomic
def cancel_order(*, actor, order: Order, reason: str = "") -> Order:
    """Cancel every sub-order of `order` not yet shipped (staff who manage orders).

    Refuses (CANNOT_CANCEL_ORDER) when nothing is left to cancel. Card payments are not refunded
    here: the payments side refunds what the order's charge status shows as overcharged.
    """
    authorize(actor, Action.ORDER_MANAGE)
    order = _lock_order(order)
    pending = list(
        BoothOrder.objects.select_for_update()
        .filter(order=order, status=BoothOrderStatus.UNFULFILLED)
        .order_by("pk")
    )
    if not pending:
        raise DomainError(
            _("Nothing is left to cancel: every parcel of this order has shipped or is canceled."),
            code=OrderErrorCode.CANNOT_CANCEL_ORDER,
            field="id",
        )
    for booth_order in pending:
        _cancel(order, booth_order, reason)
    _refresh_order(order)
    return order


def _cancel(order: Order, booth_order: BoothOrder, reason: str) -> None:
    if booth_order.status != BoothOrderStatus.UNFULFILLED:
        raise DomainError(
            _("Only a parcel not yet shipped can be canceled; this one is %(status)s.")
            % {"status": booth_order.get_status_display().lower()},
            code=OrderErrorCode.CANNOT_CANCEL_ORDER,
            field="id",
        )
    stock.release(_lines_allocated(booth_order))
    OrderLine.objects.filter(booth_order=booth_order).update(quantity_allocated=0)
    booth_order.status = BoothOrderStatus.CANCELED
    booth_order.canceled_at = timezone.now()
    booth_order.cancel_reason = (reason or "").strip()
    booth_order.save(update_fields=["status", "canceled_at", "cancel_reason"])
    LedgerEntry.objects.create(
        booth_id=booth_order.booth_id,
        kind=LedgerEntryKind.CANCELLATION,
        booth_order=booth_order,
        gross_amount=-booth_order.total_amount,
        commission_amount=-booth_order.commission_amount,
        amount=-booth_order.booth_share_amount,
    )


def _refresh_order(order: Order) -> None:
    """Recompute the order's status and totals from its sub-orders (the order row is locked)."""
    booth_orders = list(BoothOrder.objects.filter(order=order))
    live = [b for b in booth_orders if b.status != BoothOrderStatus.CANCELED]
    shipped = [b for b in live if b.status != BoothOrderStatus.UNFULFILLED]
    if not live:
        status = OrderStatus.CANCELED
    elif len(shipped) == len(live):
        status = OrderStatus.FULFILLED
    elif shipped:
        status = OrderStatus.PARTIALLY_FULFILLED
    else:
        status = OrderStatus.UNFULFILLED
    order.status = status
    order.subtotal_amount = sum(b.subtotal_amount for b in live)
    order.shipping_amount = sum(b.shipping_amount for b in live)
    order.total_amount = order.subtotal_amount + order.shipping_amount
    order.save(
        update_fields=["status", "subtotal_amount", "shipping_amount", "total_amount", "updated_at"]
    )
    _update_payment_status(order)


# --- Payouts ----------------------------------------------------------------------------------


@transaction.atomic
def record_payout(
    *, actor, booth: Booth, amount: int, reference: str, paid_at: date | None = None, note: str = ""
) -> Payout:
    """Staff transferred `amount` dong to the booth's bank account; `reference` is the bank's
    transfer reference (one payout per reference and booth). A payout may not exceed what the
    platform owes the booth for delivered parcels."""
    authorize(actor, Action.PAYOUT_RECORD)
    amount = _positive_amount(amount)
    reference = (reference or "").strip()
    if not reference:
        raise DomainError(
            _("Enter the bank transfer reference."), code=OrderErrorCode.REQUIRED, field="reference"
        )
    if len(reference) > MAX_PAYOUT_REFERENCE:
        raise DomainError(
            _("A transfer reference has at most %(limit)d characters.")
            % {"limit": MAX_PAYOUT_REFERENCE},
            code=OrderErrorCode.INVALID,
            field="reference",
        )
    booth = Booth.objects.select_for_update().get(pk=booth.pk)
    if Payout.objects.filter(booth=booth, reference=reference).exists():
        raise DomainError(
            _("A payout with this reference is already recorded for this booth."),
            code=OrderErrorCode.UNIQUE,
            field="reference",
        )
    from marketplace.orders.selectors import ledger_balance

    available = ledger_balance(booth).available
    if amount > available:
        raise DomainError(
            _("The booth can be paid at most %(amount)s now.")
            % {"amount": format_vnd(max(available, 0))},
            code=OrderErrorCode.INVALID,
            field="amount",
        )
    try:
        with transaction.atomic():
            payout = Payout.objects.create(
                booth=booth,
                amount=amount,
                reference=reference,
                paid_at=paid_at or timezone.localdate(),
                note=(note or "").strip(),
                recorded_by=actor if getattr(actor, "pk", None) else None,
            )
    except IntegrityError as error:
        raise DomainError(
            _("A payout with this reference is already recorded for this booth."),
            code=OrderErrorCode.UNIQUE,
            field="reference",
        ) from error
    LedgerEntry.objects.create(
        booth=booth, kind=LedgerEntryKind.PAYOUT, payout=payout, amount=-amount
    )
    return payout
