"""Which payment gateways the marketplace offers: cash on delivery first, then cards (Stripe).

`available_gateways(checkout_or_channel)` lists the gateways a storefront may offer for a checkout
(or, without one, in a channel); `get_gateway(id)` finds one by id whether offered or not. A
gateway module that is not installed (Stripe before its package exists) is simply left out.
"""

from __future__ import annotations

import importlib
import logging
from functools import cache
from typing import TYPE_CHECKING

from marketplace.payments.gateways.base import PaymentGateway

if TYPE_CHECKING:
    from marketplace.channels.models import Channel
    from marketplace.checkout.models import Checkout

logger = logging.getLogger(__name__)

# In the order storefronts show them: the first is the default.
GATEWAYS = (
    "marketplace.payments.gateways.cod.CashOnDeliveryGateway",
    "marketplace.payments.stripe.gateway.StripeGateway",
)


@cache
def all_gateways() -> tuple[PaymentGateway, ...]:
    """Every gateway the code knows, whether or not it is offered now."""
    found = []
    for path in GATEWAYS:
        module_name, _, class_name = path.rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            logger.debug("Payment gateway %s is not installed", path)
            continue
        found.append(getattr(module, class_name)())
    return tuple(found)


def available_gateways(checkout_or_channel: Checkout | Channel) -> list[PaymentGateway]:
    """The gateways offered for a checkout, or in a channel; cash on delivery first."""
    from marketplace.checkout.models import Checkout

    if isinstance(checkout_or_channel, Checkout):
        checkout, channel = checkout_or_channel, checkout_or_channel.channel
    else:
        checkout, channel = None, checkout_or_channel
    return [
        gateway
        for gateway in all_gateways()
        if channel.currency_code in gateway.currencies
        and gateway.is_available(channel=channel, checkout=checkout)
    ]


def get_gateway(gateway_id: str) -> PaymentGateway | None:
    """The gateway with `gateway_id`, offered or not; None when there is none."""
    return next((gateway for gateway in all_gateways() if gateway.id == gateway_id), None)
