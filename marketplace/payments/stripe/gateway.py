"""Stripe as a payment gateway of the marketplace: card payments, paid before the order is placed.

Offered only when the three Stripe keys are set (`STRIPE_SECRET_KEY`, `STRIPE_PUBLISHABLE_KEY`,
`STRIPE_WEBHOOK_SECRET`) and the channel sells in dong. What a storefront gets is public: the
publishable key Stripe.js needs, never a secret.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext as _

from marketplace.core.money import CURRENCY
from marketplace.payments.gateways.base import GatewayConfigLine, PaymentGateway
from marketplace.payments.stripe.client import is_configured

if TYPE_CHECKING:
    from marketplace.channels.models import Channel
    from marketplace.checkout.models import Checkout

STRIPE_GATEWAY_ID = "stripe"


class StripeGateway(PaymentGateway):
    id = STRIPE_GATEWAY_ID
    currencies = (CURRENCY,)
    collects_before_completion = True

    @property
    def name(self) -> str:  # type: ignore[override]
        return _("Card (Stripe)")

    def is_available(self, *, channel: Channel, checkout: Checkout | None = None) -> bool:
        """Offered in active channels that sell in dong, when the Stripe keys are set."""
        return is_configured() and channel.is_active and channel.currency_code == CURRENCY

    def config(
        self, *, channel: Channel, checkout: Checkout | None = None
    ) -> list[GatewayConfigLine]:
        return [GatewayConfigLine("publishableKey", settings.STRIPE_PUBLISHABLE_KEY)]

    def session_data(self, checkout: Checkout) -> dict[str, Any]:
        """What Stripe.js needs to start: the publishable key."""
        return {"publishableKey": settings.STRIPE_PUBLISHABLE_KEY}
