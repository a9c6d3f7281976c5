"""Cash on delivery: the default way to pay in Viet Nam.

The order is placed unpaid (charge status NONE). Each booth's parcel is paid in cash to the courier
or at the booth; the booth or staff then confirm the cash for that parcel
(`marketplace.orders.services.confirm_cash_payment`), which records a payment on the order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from marketplace.core.money import CURRENCY
from marketplace.payments.gateways.base import GatewayConfigLine, PaymentGateway

if TYPE_CHECKING:
    from marketplace.channels.models import Channel
    from marketplace.checkout.models import Checkout

COD_GATEWAY_ID = "cod"


class CashOnDeliveryGateway(PaymentGateway):
    id = COD_GATEWAY_ID
    collects_before_completion = False

    @property
    def name(self) -> str:  # type: ignore[override]
        return _("Cash on delivery")

    def is_available(self, *, channel: Channel, checkout: Checkout | None = None) -> bool:
        """Offered in every active channel that sells in dong."""
        return channel.is_active and channel.currency_code == CURRENCY

    def config(
        self, *, channel: Channel, checkout: Checkout | None = None
    ) -> list[GatewayConfigLine]:
        return [
            GatewayConfigLine(
                "instructions",
                _("Pay in cash for each booth's parcel when it is delivered or collected."),
            )
        ]

    def session_data(self, checkout: Checkout) -> dict[str, Any]:
        return {"instructions": self.config(channel=checkout.channel)[0].value}
