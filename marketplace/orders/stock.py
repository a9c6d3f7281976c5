"""Stock for orders: promise it when an order is placed, take it away when the parcel ships,
give it back when a sub-order is canceled.

Every change is one conditional UPDATE inside the caller's transaction, after the stock rows were
locked in primary-key order (`select_for_update`), so concurrent checkouts wait for each other
instead of deadlocking and can never promise more than is on the shelf: the UPDATE only applies
while `quantity - quantity_allocated` still covers the request, and the database's CHECK
constraints refuse anything below zero. On SQLite, transactions start IMMEDIATE (see settings),
so writers take turns.
"""

from collections.abc import Iterable, Mapping

from django.db.models import F
from django.db.models.functions import Greatest

from marketplace.catalog.models import Stock


class OutOfStock(Exception):
    """Some variants do not have enough stock left; `variant_ids` names them."""

    def __init__(self, variant_ids: list[int]):
        super().__init__(f"Not enough stock for variants {variant_ids}")
        self.variant_ids = variant_ids


def lock_stocks(variant_ids: Iterable[int]) -> dict[int, Stock]:
    """Lock the stock rows of `variant_ids`, in primary-key order, and return them by variant."""
    stocks = (
        Stock.objects.select_for_update().filter(variant_id__in=set(variant_ids)).order_by("pk")
    )
    return {stock.variant_id: stock for stock in stocks}


def allocate(quantities: Mapping[int, int]) -> None:
    """Promise `quantities` (variant id -> quantity) to an order; all or nothing.

    Raises `OutOfStock` naming every variant short of stock; the caller's transaction must then
    be rolled back (an earlier variant of the same call may already be allocated).
    """
    if not quantities:
        return
    stocks = lock_stocks(quantities)
    short = []
    for variant_id in sorted(quantities):
        quantity = quantities[variant_id]
        stock = stocks.get(variant_id)
        updated = (
            Stock.objects.filter(
                pk=stock.pk, quantity__gte=F("quantity_allocated") + quantity
            ).update(quantity_allocated=F("quantity_allocated") + quantity)
            if stock is not None
            else 0
        )
        if not updated:
            short.append(variant_id)
    if short:
        raise OutOfStock(short)


def release(quantities: Mapping[int, int]) -> None:
    """Give back stock promised to an order that will not ship (variant id -> quantity)."""
    _lock_and_update(quantities, quantity=0, allocated=-1)


def take(quantities: Mapping[int, int]) -> None:
    """The promised stock leaves the shelf: the parcel shipped (variant id -> quantity)."""
    _lock_and_update(quantities, quantity=-1, allocated=-1)


def _lock_and_update(quantities: Mapping[int, int], *, quantity: int, allocated: int) -> None:
    quantities = {variant_id: n for variant_id, n in quantities.items() if n}
    stocks = lock_stocks(quantities)
    for variant_id in sorted(quantities):
        stock = stocks.get(variant_id)
        if stock is None:  # the variant was deleted with its stock
            continue
        n = quantities[variant_id]
        # Never below zero, even if a booth lowered its stock under what was promised meanwhile.
        changes = {"quantity_allocated": Greatest(F("quantity_allocated") + allocated * n, 0)}
        if quantity:
            changes["quantity"] = Greatest(F("quantity") + quantity * n, 0)
        Stock.objects.filter(pk=stock.pk).update(**changes)
