"""Reads of checkouts: lines with their current prices, parcels per booth, totals.

`checkout_summary(checkout)` is the one place a checkout's money is worked out: each line at its
current price in the checkout's channel, lines grouped into one parcel per booth, each parcel's
shipping price by the chosen delivery method (`marketplace.checkout.delivery`), and the sums.
It is computed once per checkout object and kept on it.

Signatures the payments side relies on:

- `checkout_total(checkout) -> int`: what the shopper pays, in dong.
- `checkout_by_global_id(global_id, user=None) -> Checkout | None`: the checkout named by
  `Checkout:<token>` if `user` may use it (see `can_use_checkout`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from marketplace.catalog.models import ProductVariant, ProductVariantChannelListing
from marketplace.checkout.delivery import (
    DeliveryMethod,
    delivery_method,
    delivery_methods,
    parcel_grams,
    parcel_price,
)
from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.core.ids import InvalidGlobalId, parse_global_id
from marketplace.core.provinces import find_province
from marketplace.graphql.core.batching import tag_batch
from vendors.models import Booth


@dataclass
class LineInfo:
    line: CheckoutLine
    # The price now in the checkout's channel; None when the variant is no longer sold there.
    unit_price: int | None

    @property
    def price(self) -> int:
        """The current price, or the remembered one while the variant is not sold."""
        return self.unit_price if self.unit_price is not None else self.line.price_amount

    @property
    def total_price(self) -> int:
        return self.price * self.line.quantity


@dataclass
class Parcel:
    """The lines of one booth: they travel together and are priced together."""

    booth: Booth
    lines: list[LineInfo] = field(default_factory=list)
    shipping_price: int = 0

    @property
    def subtotal(self) -> int:
        return sum(info.total_price for info in self.lines)

    @property
    def total(self) -> int:
        return self.subtotal + self.shipping_price

    @property
    def grams(self) -> int:
        return parcel_grams((_grams(info.line.variant), info.line.quantity) for info in self.lines)


@dataclass
class CheckoutSummary:
    lines: list[LineInfo]
    parcels: list[Parcel]
    delivery_method: DeliveryMethod | None

    @property
    def subtotal(self) -> int:
        return sum(parcel.subtotal for parcel in self.parcels)

    @property
    def shipping_price(self) -> int:
        return sum(parcel.shipping_price for parcel in self.parcels)

    @property
    def total(self) -> int:
        return self.subtotal + self.shipping_price

    @property
    def quantity(self) -> int:
        return sum(info.line.quantity for info in self.lines)


def _grams(variant: ProductVariant) -> int | None:
    return variant.weight_grams or variant.product.weight_grams


def can_use_checkout(user, checkout: Checkout) -> bool:
    """Whoever holds the token of a checkout without an owner may use it; an owned checkout only
    its owner. Anyone else is told the checkout does not exist."""
    if checkout.user_id is None:
        return True
    return bool(user and user.is_authenticated and user.pk == checkout.user_id)


def checkout_token(global_id: str | None) -> uuid.UUID | None:
    """The token inside a `Checkout` global ID (or a bare token), or None if there is none."""
    if not global_id:
        return None
    try:
        type_name, value = parse_global_id(global_id)
    except InvalidGlobalId:
        type_name, value = "Checkout", global_id
    if type_name != "Checkout":
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def checkouts() -> QuerySet[Checkout]:
    return Checkout.objects.select_related("channel", "user", "shipping_address", "billing_address")


def checkout_by_global_id(global_id: str | None, user=None) -> Checkout | None:
    """The checkout named by `global_id` (`Checkout:<token>`), if `user` may use it."""
    token = checkout_token(global_id)
    if token is None:
        return None
    checkout = checkouts().filter(token=token).first()
    if checkout is None or not can_use_checkout(user, checkout):
        return None
    return checkout


def checkout_lines(checkout: Checkout) -> list[CheckoutLine]:
    """The checkout's lines with their variant, product, booth, stock and channel price, loaded
    in one go and kept on the checkout."""
    cached = getattr(checkout, "_lines", None)
    if cached is not None:
        return cached
    prices = ProductVariantChannelListing.objects.filter(channel_id=checkout.channel_id)
    lines = list(
        CheckoutLine.objects.filter(checkout=checkout)
        .select_related("variant__product", "variant__vendor", "variant__stock")
        .prefetch_related(
            Prefetch("variant__channel_listings", queryset=prices, to_attr="listings_in_channel")
        )
        .order_by("created_at", "pk")
    )
    variants = [line.variant for line in lines]
    tag_batch(variants, channel=checkout.channel)
    tag_batch([variant.product for variant in variants], channel=checkout.channel)
    tag_batch(lines, channel=checkout.channel)
    checkout._lines = lines
    return lines


def current_price(variant: ProductVariant) -> int | None:
    """The variant's price in the channel its listings were loaded for (see `checkout_lines`)."""
    listings = getattr(variant, "listings_in_channel", None)
    if listings is None:
        raise ValueError("Load the variant through checkout_lines() first.")
    return listings[0].price_amount if listings else None


def destination_province(checkout: Checkout) -> str | None:
    """The code name of the shipping address's province, or None while there is none."""
    address = checkout.shipping_address
    if address is None:
        return None
    province = find_province(address.country_area)
    return province.codename if province else None


def checkout_summary(checkout: Checkout) -> CheckoutSummary:
    """Lines at current prices, one parcel per booth, shipping by the chosen method, totals."""
    cached = getattr(checkout, "_summary", None)
    if cached is not None:
        return cached
    method = delivery_method(checkout.delivery_method)
    infos = [LineInfo(line, current_price(line.variant)) for line in checkout_lines(checkout)]
    parcels = _parcels(checkout, infos, method)
    summary = CheckoutSummary(lines=infos, parcels=parcels, delivery_method=method)
    checkout._summary = summary
    return summary


def _parcels(
    checkout: Checkout, infos: list[LineInfo], method: DeliveryMethod | None
) -> list[Parcel]:
    by_booth: dict[int, Parcel] = {}
    for info in infos:
        booth = info.line.variant.vendor
        by_booth.setdefault(booth.pk, Parcel(booth=booth)).lines.append(info)
    destination = destination_province(checkout)
    for parcel in by_booth.values():
        if method is not None:
            parcel.shipping_price = parcel_price(
                method,
                grams=parcel.grams,
                booth_province=parcel.booth.province,
                destination_province=destination,
            )
    return list(by_booth.values())


def shipping_price_for(checkout: Checkout, method: DeliveryMethod) -> int:
    """What shipping every parcel of `checkout` by `method` costs, summed."""
    infos = checkout_summary(checkout).lines
    return sum(parcel.shipping_price for parcel in _parcels(checkout, infos, method))


def available_delivery_methods(checkout: Checkout) -> list[tuple[DeliveryMethod, int]]:
    """The delivery methods a checkout may use, each with its price for this checkout."""
    return [(method, shipping_price_for(checkout, method)) for method in delivery_methods()]


def checkout_total(checkout: Checkout) -> int:
    """What the shopper pays for `checkout`, in dong: lines at current prices plus shipping."""
    return checkout_summary(checkout).total


def forget_computed(checkout: Checkout) -> Checkout:
    """Drop the lines and totals kept on `checkout`, after a change."""
    for name in ("_lines", "_summary", "_payments", "_payment_statuses"):
        checkout.__dict__.pop(name, None)
    return checkout
