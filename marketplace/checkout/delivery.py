"""The platform's delivery methods, priced per booth parcel.

Every booth packs and sends its own parcel, so a checkout with lines from three booths travels as
three parcels and pays three shipping prices, summed. Two methods exist:

- standard post (`standard`): per parcel, `SHIPPING_PARCEL_PRICE` dong for the first kilogram when
  the parcel stays in the booth's province, `SHIPPING_PARCEL_PRICE_OTHER_PROVINCE` when it
  leaves it (also while no address is set: the price shown is then the upper one), plus
  `SHIPPING_PRICE_PER_EXTRA_KG` for every started kilogram beyond the first. A line weighs its
  variant's weight, else its product's, else `DEFAULT_ITEM_GRAMS`.
- pick-up at the booth (`pickup`): free; the shopper collects each parcel at its booth and the
  booth calls the phone number of the shipping address when it is ready.

All prices are whole dong (VND has no minor unit).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_ITEM_GRAMS = 500
GRAMS_PER_KG = 1000


class DeliveryMethodCode(models.TextChoices):
    STANDARD = "standard", _("Standard post")
    PICKUP = "pickup", _("Pick-up at the booth")


@dataclass(frozen=True)
class DeliveryMethod:
    code: str
    minimum_days: int
    maximum_days: int

    @property
    def name(self) -> str:
        return str(DeliveryMethodCode(self.code).label)

    @property
    def description(self) -> str:
        if self.code == DeliveryMethodCode.PICKUP:
            return str(_("Collect each booth's parcel at the booth; it calls you when ready."))
        return str(_("Each booth sends its own parcel by post."))

    @property
    def is_pickup(self) -> bool:
        return self.code == DeliveryMethodCode.PICKUP


METHODS: dict[str, DeliveryMethod] = {
    DeliveryMethodCode.STANDARD: DeliveryMethod(DeliveryMethodCode.STANDARD, 2, 5),
    DeliveryMethodCode.PICKUP: DeliveryMethod(DeliveryMethodCode.PICKUP, 1, 3),
}


def delivery_methods() -> list[DeliveryMethod]:
    """The platform's delivery methods, standard post first."""
    return list(METHODS.values())


def delivery_method(code: str | None) -> DeliveryMethod | None:
    return METHODS.get(code or "")


def parcel_grams(items: Iterable[tuple[int | None, int]]) -> int:
    """The weight of a parcel holding `items`: (grams of one item or None, quantity) pairs."""
    return sum((grams or DEFAULT_ITEM_GRAMS) * quantity for grams, quantity in items)


def parcel_price(
    method: DeliveryMethod, *, grams: int, booth_province: str, destination_province: str | None
) -> int:
    """The price in dong of sending one booth's parcel of `grams` by `method`; provinces are
    code names ("gia_lai"), the destination None while no address is set."""
    if method.is_pickup:
        return 0
    same_province = bool(destination_province) and destination_province == booth_province
    price = (
        settings.SHIPPING_PARCEL_PRICE
        if same_province
        else settings.SHIPPING_PARCEL_PRICE_OTHER_PROVINCE
    )
    extra_kg = max(0, -(-grams // GRAMS_PER_KG) - 1)
    return price + extra_kg * settings.SHIPPING_PRICE_PER_EXTRA_KG
