"""The payment gateway interface, in the shape of Saleor's `PaymentGateway` type.

A gateway is a small object with a stable `id` ("cod", "stripe"), a `name` for shoppers, the
`currencies` it takes and two questions the checkout asks: is it offered now (`is_available`), and
what does a storefront need to start paying with it (`config`, `session_data`). Gateways hold no
state; the registry (`marketplace.payments.registry`) decides which ones are offered.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from marketplace.core.money import CURRENCY

if TYPE_CHECKING:
    from marketplace.channels.models import Channel
    from marketplace.checkout.models import Checkout


@dataclass(frozen=True)
class GatewayConfigLine:
    """One `config { field value }` item of Saleor's `PaymentGateway`."""

    field: str
    value: str | None


class PaymentGateway(ABC):
    """What every payment gateway offers the checkout and the API."""

    #: Stable identifier, used as `PaymentGateway.id` and stored on orders.
    id: str = ""
    #: Name shown to shoppers (translated by the gateway if needed).
    name: str = ""
    #: Currencies the gateway takes; the marketplace sells in VND only.
    currencies: tuple[str, ...] = (CURRENCY,)
    #: True when the shopper pays before `checkoutComplete` (cards); False when the order is
    #: placed unpaid and paid later (cash on delivery).
    collects_before_completion: bool = False

    @abstractmethod
    def is_available(self, *, channel: Channel, checkout: Checkout | None = None) -> bool:
        """Whether a storefront may offer this gateway in `channel` (for `checkout`, if given)."""

    def config(
        self, *, channel: Channel, checkout: Checkout | None = None
    ) -> list[GatewayConfigLine]:
        """Public settings a storefront needs (never a secret): `config { field value }`."""
        return []

    def session_data(self, checkout: Checkout) -> dict[str, Any]:
        """What `paymentGatewayInitialize` answers for this gateway and `checkout`."""
        return {}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"
