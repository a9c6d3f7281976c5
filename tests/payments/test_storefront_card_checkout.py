"""A shopper pays by card from start to finish with the Saleor storefront's own operations.

The documents are read from `../shared/reference/saleor-storefront/checkout` (beside the project's
checkout): the storefront's checkout, payment and completion operations, unchanged. localstripe
stands in for Stripe's servers; the card is turned into a PaymentMethod as Stripe.js would do it
in the shopper's browser.
"""

import re
from pathlib import Path

from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, print_ast

from marketplace.core.ids import to_global_id
from marketplace.orders.models import Order
from marketplace.payments.models import TransactionItem
from tests import factories
from tests.payments.conftest import DECLINED_CARD, PUBLISHABLE_KEY, card

ROOT = Path(__file__).resolve().parents[2]
STOREFRONT = ROOT.parent / "shared" / "reference" / "saleor-storefront" / "checkout"
ADDRESS = {
    "firstName": "Lan",
    "lastName": "Nguyễn",
    "streetAddress1": "12 Hàng Bạc",
    "city": "hoan kiem",
    "countryArea": "Ha Noi",
    "country": "VN",
    "phone": "0912 345 678",
}
PICKUP = to_global_id("ShippingMethod", "pickup")


def document(name: str) -> str:
    """The storefront's operation `name`, with the fragments it uses."""
    operations, fragments = {}, {}
    for path in sorted(STOREFRONT.glob("*.graphql")):
        for definition in parse(path.read_text(encoding="utf-8")).definitions:
            if isinstance(definition, FragmentDefinitionNode):
                fragments[definition.name.value] = definition
            elif isinstance(definition, OperationDefinitionNode) and definition.name:
                operations[definition.name.value] = definition
    needed, todo = {}, [operations[name]]
    while todo:
        for spread in re.findall(r"\.\.\.\s*([A-Za-z_]\w*)", print_ast(todo.pop())):
            if spread in fragments and spread not in needed:
                needed[spread] = fragments[spread]
                todo.append(fragments[spread])
    return "\n".join(print_ast(node) for node in (operations[name], *needed.values()))


def run(graphql_client, name: str, **variables) -> dict:
    result = graphql_client(document(name), {"languageCode": "VI", **variables})
    assert result.status_code == 200
    assert "errors" not in result.json, result.json
    (payload,) = result.data.values()
    if isinstance(payload, dict) and "errors" in payload:
        assert payload["errors"] == [], payload["errors"]
    return payload


def ready_checkout(graphql_client, channel) -> str:
    """A checkout of one 125.000 ₫ jar of honey, picked up at the booth: its ID."""
    product = factories.product("Mật ong rừng U Minh", price=125000, sales_channel=channel)
    variant = to_global_id("ProductVariant", product.variants.get().pk)
    checkout = run(graphql_client, "checkoutCreate", channel=channel.slug)["checkout"]
    checkout_id = checkout["id"]
    run(
        graphql_client,
        "checkoutLinesAdd",
        checkoutId=checkout_id,
        lines=[{"variantId": variant, "quantity": 1}],
    )
    run(graphql_client, "checkoutEmailUpdate", checkoutId=checkout_id, email="lan@example.com")
    run(
        graphql_client,
        "checkoutShippingAddressUpdate",
        checkoutId=checkout_id,
        shippingAddress=ADDRESS,
    )
    run(
        graphql_client,
        "checkoutBillingAddressUpdate",
        checkoutId=checkout_id,
        billingAddress=ADDRESS,
    )
    run(
        graphql_client,
        "checkoutDeliveryMethodUpdate",
        checkoutId=checkout_id,
        deliveryMethodId=PICKUP,
    )
    return checkout_id


def test_shopper_pays_by_card_and_the_order_is_paid(
    graphql_client, channel, stripe_keys, stripe_api
):
    """localstripe stands in for Stripe's servers."""
    checkout_id = ready_checkout(graphql_client, channel)
    checkout = run(graphql_client, "checkout", id=checkout_id)
    assert checkout["totalPrice"]["gross"]["amount"] == 125000
    gateways = {gateway["id"]: gateway for gateway in checkout["availablePaymentGateways"]}
    assert set(gateways) == {"cod", "stripe"}
    assert gateways["stripe"]["currencies"] == ["VND"]
    assert {"field": "publishableKey", "value": PUBLISHABLE_KEY} in gateways["stripe"]["config"]

    configs = run(
        graphql_client,
        "paymentGatewaysInitialize",
        checkoutId=checkout_id,
        paymentGateways=[{"id": "stripe"}],
    )["gatewayConfigs"]
    assert configs[0]["data"]["publishableKey"] == PUBLISHABLE_KEY
    started = run(
        graphql_client,
        "transactionInitialize",
        checkoutId=checkout_id,
        paymentGateway={"id": "stripe"},
    )
    intent = stripe_api.v1.payment_intents.retrieve(started["data"]["paymentIntent"]["id"])
    assert (intent.amount, intent.currency) == (125000, "vnd")
    declined = run(
        graphql_client,
        "transactionProcess",
        id=started["transaction"]["id"],
        data={"paymentMethod": card(stripe_api, DECLINED_CARD)},
    )
    assert declined["transactionEvent"]["type"] == "CHARGE_FAILURE"
    assert run(graphql_client, "checkout", id=checkout_id)["chargeStatus"] == "NONE"
    retried = run(
        graphql_client,
        "transactionInitialize",
        checkoutId=checkout_id,
        paymentGateway={"id": "stripe"},
    )
    paid = run(
        graphql_client,
        "transactionProcess",
        id=retried["transaction"]["id"],
        data={"paymentMethod": card(stripe_api)},
    )
    assert paid["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert run(graphql_client, "checkout", id=checkout_id)["chargeStatus"] == "FULL"

    placed = run(graphql_client, "checkoutComplete", checkoutId=checkout_id)

    assert placed["order"]["channel"]["slug"] == channel.slug
    order = Order.objects.get()
    assert (order.charge_status, order.total_charged_amount) == ("full", 125000)
    assert order.payment_gateway == "stripe"
    assert set(TransactionItem.objects.values_list("order", flat=True)) == {order.pk}


def test_without_keys_the_storefront_is_offered_cash_on_delivery_only(
    graphql_client, channel, no_stripe_keys
):
    """Without Stripe's keys nothing reaches Stripe (nor localstripe, which stands in for it)."""
    checkout_id = ready_checkout(graphql_client, channel)

    checkout = run(graphql_client, "checkout", id=checkout_id)

    assert [gateway["id"] for gateway in checkout["availablePaymentGateways"]] == ["cod"]
