"""Reads of orders: who may see which order or sub-order, and each booth's balance.

- A shopper sees their own orders; an order placed without an account is seen by whoever holds
  its token (the ID in the confirmation link), as in Saleor.
- A booth member sees only the sub-orders of their booths (`booth_orders_for`), with the
  shipping address the parcel needs and never the billing address (`can_see_billing`).
- Staff who manage orders see everything.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Q, QuerySet, Sum

from marketplace.core.ids import InvalidGlobalId, parse_global_id
from marketplace.core.permissions import Action, booths_of, can
from marketplace.orders.models import (
    BoothOrder,
    BoothOrderStatus,
    LedgerEntry,
    LedgerEntryKind,
    Order,
)
from marketplace.payments.gateways.cod import COD_GATEWAY_ID


def order_token(global_id: str | None) -> uuid.UUID | None:
    """The token inside an `Order` global ID, or None."""
    if not global_id:
        return None
    try:
        type_name, value = parse_global_id(global_id)
        return uuid.UUID(value) if type_name == "Order" else None
    except (InvalidGlobalId, ValueError):
        return None


def orders() -> QuerySet[Order]:
    return Order.objects.select_related("channel", "shipping_address", "billing_address")


def can_see_order(user, order: Order) -> bool:
    """The shopper who placed it, anyone with the token of a guest order, staff."""
    if order.user_id is None:
        return True
    if user is not None and user.is_authenticated and user.pk == order.user_id:
        return True
    return can(user, Action.ORDER_MANAGE)


def can_see_billing(user, order: Order) -> bool:
    """Billing details and the shopper's email are for the shopper and staff, never booths."""
    return can_see_order(user, order)


def order_for(user, token: uuid.UUID | None) -> Order | None:
    """The order with `token` if `user` may see it."""
    if token is None:
        return None
    order = orders().filter(token=token).first()
    return order if order is not None and can_see_order(user, order) else None


def orders_of(user) -> QuerySet[Order]:
    """The orders a signed-in shopper placed, newest first."""
    if not (user and user.is_authenticated):
        return Order.objects.none()
    return orders().filter(user=user).order_by("-pk")


def all_orders(user) -> QuerySet[Order]:
    """Every order, for staff who manage orders; nothing for anyone else."""
    if not can(user, Action.ORDER_MANAGE):
        return Order.objects.none()
    return orders().order_by("-pk")


def search_orders(queryset: QuerySet[Order], text: str) -> QuerySet[Order]:
    """Orders whose number is `text` (with or without #) or whose email contains it."""
    text = (text or "").strip().lstrip("#")
    if not text:
        return queryset
    matches = Q(user_email__icontains=text)
    if text.isdigit():
        matches |= Q(pk=int(text))
    return queryset.filter(matches)


def booth_orders_for(user, *, booth_ids=None, status: str | None = None) -> QuerySet[BoothOrder]:
    """The sub-orders `user` may fulfil: all for staff who manage orders, else those of the
    booths they belong to. Narrowed to `booth_ids` and `status` when given. Newest first."""
    queryset = BoothOrder.objects.select_related(
        "booth", "order", "order__shipping_address", "order__channel"
    )
    if not can(user, Action.ORDER_MANAGE):
        queryset = queryset.filter(booth_id__in=booths_of(user, Action.ORDER_FULFIL))
    if booth_ids is not None:
        queryset = queryset.filter(booth_id__in=booth_ids)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-order_id", "pk")


def booth_order_for(user, pk: int) -> BoothOrder | None:
    return booth_orders_for(user).filter(pk=pk).first()


@dataclass(frozen=True)
class LedgerBalance:
    """A booth's account with the platform, in dong.

    `balance` is what the platform owes the booth (negative: the booth owes commission on cash
    it collected). `pending` is the part of it from parcels not yet delivered, or delivered but
    with their cash not yet confirmed; `available` is the rest, what staff may pay out now.
    """

    balance: int
    pending: int
    sales: int
    commission: int
    paid_out: int

    @property
    def available(self) -> int:
        return self.balance - self.pending


def ledger_balance(booth) -> LedgerBalance:
    """The booth's balance and its parts, in three queries."""
    entries = LedgerEntry.objects.filter(booth=booth)
    by_kind = {
        row["kind"]: row
        for row in entries.values("kind").annotate(
            amount=Sum("amount"), gross=Sum("gross_amount"), commission=Sum("commission_amount")
        )
    }

    def total(kind: str, column: str = "amount") -> int:
        return (by_kind.get(kind) or {}).get(column) or 0

    balance = entries.aggregate(total=Sum("amount"))["total"] or 0
    undelivered = Q(
        booth_order__status__in=[BoothOrderStatus.UNFULFILLED, BoothOrderStatus.SHIPPED]
    )
    cash_unconfirmed = Q(
        booth_order__status=BoothOrderStatus.DELIVERED,
        booth_order__order__payment_gateway=COD_GATEWAY_ID,
        booth_order__cash_confirmed_at__isnull=True,
    )
    pending = (
        entries.filter(kind=LedgerEntryKind.SALE)
        .filter(undelivered | cash_unconfirmed)
        .aggregate(total=Sum("amount"))["total"]
        or 0
    )
    return LedgerBalance(
        balance=balance,
        pending=pending,
        sales=total(LedgerEntryKind.SALE, "gross") + total(LedgerEntryKind.CANCELLATION, "gross"),
        commission=total(LedgerEntryKind.SALE, "commission")
        + total(LedgerEntryKind.CANCELLATION, "commission"),
        paid_out=-total(LedgerEntryKind.PAYOUT),
    )


def ledger_entries(booth) -> QuerySet[LedgerEntry]:
    return LedgerEntry.objects.filter(booth=booth).select_related("booth_order", "payout")
