"""Stripe for the payment tests: localstripe, a Stripe-compatible server, runs on 127.0.0.1.

The session starts one localstripe on a free port and stops it at the end; each test that asks for
`stripe_keys` gets settings pointing the Stripe client at it. Webhooks are signed with the stripe
library's own scheme and posted to the endpoint as Stripe would.
"""

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import stripe
from django.contrib.auth.models import Permission
from django.test import Client, override_settings

from marketplace.accounts.models import Address, User
from marketplace.accounts.tokens import create_access_token
from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.core.ids import to_global_id
from marketplace.payments.models import TransactionItem
from tests import factories

SERVER = Path(__file__).with_name("localstripe_server.py")
SECRET_KEY = "sk_test_marketplace"
PUBLISHABLE_KEY = "pk_test_marketplace"
WEBHOOK_SECRET = "whsec_test_marketplace"
WEBHOOK_URL = "/webhooks/stripe/"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"localstripe exited with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"localstripe did not listen on 127.0.0.1:{port}")


@pytest.fixture(scope="session")
def localstripe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a localstripe started for this test session."""
    port = _free_port()
    log = tmp_path_factory.mktemp("localstripe") / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, str(SERVER), str(port)], stdout=output, stderr=subprocess.STDOUT
        )
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def stripe_keys(localstripe: str) -> Iterator[str]:
    """Stripe is configured, its API being localstripe; yields the API base URL."""
    with override_settings(
        STRIPE_SECRET_KEY=SECRET_KEY,
        STRIPE_PUBLISHABLE_KEY=PUBLISHABLE_KEY,
        STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET,
        STRIPE_API_BASE=localstripe,
    ):
        yield localstripe


@pytest.fixture
def no_stripe_keys() -> Iterator[None]:
    with override_settings(
        STRIPE_SECRET_KEY="", STRIPE_PUBLISHABLE_KEY="", STRIPE_WEBHOOK_SECRET=""
    ):
        yield


@pytest.fixture
def stripe_api(stripe_keys: str) -> stripe.StripeClient:
    """A Stripe client of our own, for what a shopper's browser does through Stripe.js (turning
    a card into a PaymentMethod) and for looking at what localstripe holds."""
    return stripe.StripeClient(SECRET_KEY, base_addresses={"api": stripe_keys})


def card(stripe_api: stripe.StripeClient, number: str = "4242424242424242") -> str:
    """A PaymentMethod id for a test card, as Stripe.js would make it in the browser."""
    method = stripe_api.v1.payment_methods.create(
        params={
            "type": "card",
            "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"},
        }
    )
    return method.id


DECLINED_CARD = "4000000000000341"


def stripe_event(event_type: str, obj: dict[str, Any], *, event_id: str) -> str:
    """The JSON body of a Stripe event of `event_type` about `obj`."""
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "api_version": "2025-01-27.acacia",
            "created": int(time.time()),
            "livemode": False,
            "type": event_type,
            "data": {"object": obj},
        }
    )


def signature(payload: str, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """The `Stripe-Signature` header Stripe would send, made by the stripe library itself."""
    return stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=timestamp)


def post_webhook(client: Client, payload: str, header: str | None):
    headers = {"Stripe-Signature": header} if header is not None else {}
    return client.post(WEBHOOK_URL, data=payload, content_type="application/json", headers=headers)


def deliver(client: Client, payload: str):
    """Post `payload` signed as Stripe signs it, now."""
    return post_webhook(client, payload, signature(payload))


# --- Shoppers, checkouts, orders, staff -------------------------------------------------------

HONEY_PRICE = 125000


def _address() -> Address:
    return Address.objects.create(
        first_name="Lan",
        last_name="Nguyễn",
        street_address_1="12 Hàng Bạc",
        city="Phường Hoàn Kiếm",
        country_area="Hà Nội",
        country="VN",
        phone="0912345678",
    )


def make_checkout(channel, *, price: int = HONEY_PRICE, quantity: int = 1) -> Checkout:
    """A checkout ready to complete: `quantity` jars of honey at `price`, picked up at the booth
    (no shipping), so its total is `price * quantity`."""
    product = factories.product("Mật ong rừng U Minh", price=price, sales_channel=channel)
    checkout = Checkout.objects.create(
        channel=channel,
        email="lan@example.com",
        shipping_address=_address(),
        billing_address=_address(),
        delivery_method="pickup",
    )
    CheckoutLine.objects.create(
        checkout=checkout, variant=product.variants.get(), quantity=quantity, price_amount=price
    )
    return checkout


@pytest.fixture
def checkout(channel) -> Checkout:
    """A checkout of 125.000 ₫."""
    return make_checkout(channel)


def checkout_id(checkout: Checkout) -> str:
    return to_global_id("Checkout", checkout.token)


def transaction_id(item: TransactionItem) -> str:
    return to_global_id("TransactionItem", item.token)


def complete(checkout: Checkout):
    """Complete the checkout as `checkoutComplete` does; the order placed, as stored."""
    from marketplace.checkout.complete import complete_checkout

    order = complete_checkout(token=checkout.token, user=None)
    order.refresh_from_db()
    return order


def staff(*codenames: str, email: str = "staff@example.org") -> User:
    user = User.objects.create_user(email, "a-long-pass-phrase", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def bearer(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_access_token(user)}"}
