"""Paying a checkout by card through Saleor's Transactions API, as a storefront does.

The storefront's own payment operations are read from `../shared/reference/saleor-storefront`
(beside the project's checkout). localstripe stands in for Stripe's servers in every test that
reaches Stripe.
"""

from pathlib import Path

import pytest
from graphql import OperationDefinitionNode, parse, print_ast

from marketplace.payments import services
from marketplace.payments.models import TransactionItem
from marketplace.payments.registry import available_gateways
from tests.payments.conftest import (
    DECLINED_CARD,
    PUBLISHABLE_KEY,
    card,
    checkout_id,
    complete,
    make_checkout,
    staff,
    transaction_id,
)

ROOT = Path(__file__).resolve().parents[2]
PAYMENT_OPERATIONS = (
    ROOT.parent / "shared" / "reference" / "saleor-storefront" / "checkout" / "payment.graphql"
)


def storefront_operation(name: str) -> str:
    """The storefront's own operation `name` from its payment.graphql."""
    for definition in parse(PAYMENT_OPERATIONS.read_text(encoding="utf-8")).definitions:
        if isinstance(definition, OperationDefinitionNode) and definition.name.value == name:
            return print_ast(definition)
    raise LookupError(name)


def run(graphql_client, name: str, variables: dict) -> dict:
    result = graphql_client(storefront_operation(name), variables)
    assert result.status_code == 200
    assert "errors" not in result.json, result.json
    (payload,) = result.data.values()
    return payload


# The storefront's transactionInitialize, with Saleor's `idempotencyKey` argument it leaves out.
INITIALIZE_WITH_KEY = """
mutation Initialize($checkoutId: ID!, $key: String) {
  transactionInitialize(id: $checkoutId, paymentGateway: {id: "stripe"}, idempotencyKey: $key) {
    transaction { id actions }
    data
    errors { field code message }
  }
}
"""


def initialize(graphql_client, checkout, **variables) -> dict:
    variables = {"checkoutId": checkout_id(checkout), "paymentGateway": {"id": "stripe"}} | (
        variables
    )
    return run(graphql_client, "transactionInitialize", variables)


def initialize_with_key(graphql_client, checkout, key: str) -> dict:
    result = graphql_client(INITIALIZE_WITH_KEY, {"checkoutId": checkout_id(checkout), "key": key})
    assert "errors" not in result.json, result.json
    return result.data["transactionInitialize"]


def pay(graphql_client, transaction: str, payment_method: str) -> dict:
    return run(
        graphql_client,
        "transactionProcess",
        {"id": transaction, "data": {"paymentMethod": payment_method}},
    )


def test_gateway_initialize_gives_stripe_publishable_key(graphql_client, checkout, stripe_keys):
    """localstripe stands in for Stripe's servers (the key itself needs no call)."""
    payload = run(
        graphql_client,
        "paymentGatewaysInitialize",
        {"checkoutId": checkout_id(checkout), "paymentGateways": [{"id": "stripe"}]},
    )

    assert payload["errors"] == []
    assert payload["gatewayConfigs"] == [
        {"id": "stripe", "data": {"publishableKey": PUBLISHABLE_KEY}, "errors": []}
    ]


def test_gateway_initialize_without_a_list_starts_every_offered_gateway(
    graphql_client, checkout, stripe_keys
):
    """localstripe stands in for Stripe's servers; the publishable key needs no call."""
    payload = run(
        graphql_client, "paymentGatewaysInitialize", {"checkoutId": checkout_id(checkout)}
    )

    assert [config["id"] for config in payload["gatewayConfigs"]] == ["cod", "stripe"]


def test_transaction_initialize_creates_payment_intent_for_the_checkout_total_in_dong(
    graphql_client, checkout, stripe_keys, stripe_api
):
    """localstripe stands in for Stripe's servers: 125.000 ₫ is amount=125000 in currency vnd."""
    payload = initialize(graphql_client, checkout)

    assert payload["errors"] == []
    intent = payload["data"]["paymentIntent"]
    assert intent["clientSecret"].startswith(intent["id"])
    assert payload["data"]["publishableKey"] == PUBLISHABLE_KEY
    assert payload["transactionEvent"]["type"] == "CHARGE_ACTION_REQUIRED"
    assert payload["transaction"]["actions"] == []
    at_stripe = stripe_api.v1.payment_intents.retrieve(intent["id"])
    assert (at_stripe.amount, at_stripe.currency) == (125000, "vnd")
    assert at_stripe.metadata["checkout"] == str(checkout.token)


def test_same_idempotency_key_returns_the_same_transaction_and_payment_intent(
    graphql_client, checkout, stripe_keys
):
    """localstripe stands in for Stripe's servers."""
    first = initialize_with_key(graphql_client, checkout, "lan-try-1")
    again = initialize_with_key(graphql_client, checkout, "lan-try-1")

    assert again["errors"] == []
    assert again["transaction"]["id"] == first["transaction"]["id"]
    assert again["data"]["paymentIntent"]["id"] == first["data"]["paymentIntent"]["id"]
    assert TransactionItem.objects.count() == 1


def test_empty_idempotency_key_is_invalid(graphql_client, checkout, stripe_keys):
    """Refused before any call to Stripe (localstripe stands in for its servers)."""
    payload = initialize_with_key(graphql_client, checkout, "")

    assert payload["errors"][0]["code"] == "INVALID"
    assert payload["errors"][0]["field"] == "idempotencyKey"


def test_card_payment_charges_the_checkout_and_completes_it_as_a_paid_order(
    graphql_client, checkout, stripe_keys, stripe_api
):
    """localstripe stands in for Stripe's servers; the card becomes a PaymentMethod as Stripe.js
    would make it in the browser."""
    started = initialize(graphql_client, checkout)

    processed = pay(graphql_client, started["transaction"]["id"], card(stripe_api))

    assert processed["errors"] == []
    assert processed["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert processed["transaction"]["actions"] == ["REFUND"]
    assert "clientSecret" not in processed["data"]["paymentIntent"]
    assert stripe_api.v1.payment_intents.retrieve(
        started["data"]["paymentIntent"]["id"]
    ).status == ("succeeded")
    order = complete(checkout)
    assert (order.charge_status, order.total_charged_amount) == ("full", 125000)
    assert order.payment_gateway == "stripe"
    assert TransactionItem.objects.get().order == order


def test_processing_again_after_success_changes_nothing(
    graphql_client, checkout, stripe_keys, stripe_api
):
    """localstripe stands in for Stripe's servers."""
    started = initialize(graphql_client, checkout)
    pay(graphql_client, started["transaction"]["id"], card(stripe_api))

    again = run(graphql_client, "transactionProcess", {"id": started["transaction"]["id"]})

    assert again["errors"] == []
    assert again["transactionEvent"] is None
    item = TransactionItem.objects.get()
    assert (item.charged_value, item.events.filter(type="CHARGE_SUCCESS").count()) == (125000, 1)


def test_declined_card_is_a_failure_event_and_a_new_transaction_can_pay(
    graphql_client, checkout, stripe_keys, stripe_api
):
    """localstripe stands in for Stripe's servers and declines its card 4000000000000341."""
    first = initialize(graphql_client, checkout)

    declined = pay(graphql_client, first["transaction"]["id"], card(stripe_api, DECLINED_CARD))

    assert declined["errors"] == []
    assert declined["transactionEvent"]["type"] == "CHARGE_FAILURE"
    assert declined["transactionEvent"]["message"]
    second = initialize(graphql_client, checkout)
    assert second["errors"] == []
    paid = pay(graphql_client, second["transaction"]["id"], card(stripe_api))
    assert paid["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert complete(checkout).charge_status == "full"


def test_nothing_is_left_to_pay_on_a_paid_checkout(
    graphql_client, checkout, stripe_keys, stripe_api
):
    """localstripe stands in for Stripe's servers."""
    started = initialize(graphql_client, checkout)
    pay(graphql_client, started["transaction"]["id"], card(stripe_api))

    again = initialize(graphql_client, checkout)

    assert again["errors"][0]["code"] == "INVALID"
    assert again["transaction"] is None


def test_part_payment_then_the_rest(graphql_client, checkout, stripe_keys, stripe_api):
    """localstripe stands in for Stripe's servers."""
    part = initialize(graphql_client, checkout, amount=100000)
    pay(graphql_client, part["transaction"]["id"], card(stripe_api))
    rest = initialize(graphql_client, checkout)

    assert stripe_api.v1.payment_intents.retrieve(rest["data"]["paymentIntent"]["id"]).amount == (
        25000
    )


@pytest.mark.parametrize(
    ("amount", "field"),
    [("125000.5", "amount"), ("125001", "amount"), ("0", "amount")],
    ids=["fraction-of-a-dong", "more-than-the-total", "zero"],
)
def test_amounts_that_cannot_be_paid_are_invalid(
    graphql_client, checkout, stripe_keys, amount, field
):
    """Refused before any call to Stripe (localstripe stands in for its servers)."""
    payload = initialize(graphql_client, checkout, amount=amount)

    assert payload["errors"][0]["code"] == "INVALID"
    assert payload["errors"][0]["field"] == field
    assert not TransactionItem.objects.exists()


def test_unknown_gateway_is_not_found(graphql_client, checkout, stripe_keys):
    """Refused before any call to Stripe (localstripe stands in for its servers)."""
    payload = initialize(graphql_client, checkout, paymentGateway={"id": "paypal"})

    assert payload["errors"][0]["code"] == "NOT_FOUND"
    assert payload["errors"][0]["field"] == "paymentGateway"


def test_unknown_checkout_is_not_found(graphql_client, channel, stripe_keys):
    """Refused before any call to Stripe (localstripe stands in for its servers)."""
    checkout = make_checkout(channel)
    unknown = checkout_id(checkout)
    checkout.delete()

    payload = initialize(graphql_client, checkout, checkoutId=unknown)

    assert payload["errors"][0]["code"] == "NOT_FOUND"


def test_another_shoppers_checkout_is_not_found(graphql_client, checkout, stripe_keys):
    """Refused before any call to Stripe (localstripe stands in for its servers)."""
    checkout.user = staff(email="owner@example.org")
    checkout.save()

    payload = initialize(graphql_client, checkout)

    assert payload["errors"][0]["code"] == "NOT_FOUND"


def test_unknown_transaction_cannot_be_processed(graphql_client, checkout, stripe_keys):
    """localstripe stands in for Stripe's servers."""
    started = initialize(graphql_client, checkout)
    TransactionItem.objects.all().delete()

    payload = run(graphql_client, "transactionProcess", {"id": started["transaction"]["id"]})

    assert payload["errors"][0]["code"] == "NOT_FOUND"


def test_payment_method_not_made_by_stripe_is_invalid(graphql_client, checkout, stripe_keys):
    """localstripe stands in for Stripe's servers; a card number never goes to it."""
    started = initialize(graphql_client, checkout)

    payload = pay(graphql_client, started["transaction"]["id"], "4242424242424242")

    assert payload["errors"][0]["code"] == "INVALID"
    assert payload["errors"][0]["field"] == "data"


GATEWAYS = """
query Gateways($id: ID!) {
  checkout(id: $id) { availablePaymentGateways { id name currencies config { field value } } }
}
"""


def offered(graphql_client, checkout) -> list[dict]:
    result = graphql_client(GATEWAYS, {"id": checkout_id(checkout)})
    assert "errors" not in result.json, result.json
    return result.data["checkout"]["availablePaymentGateways"]


def test_stripe_is_offered_only_with_its_keys(graphql_client, checkout, stripe_keys):
    """localstripe stands in for Stripe's servers; offering needs no call."""
    gateways = offered(graphql_client, checkout)

    assert [gateway["id"] for gateway in gateways] == ["cod", "stripe"]
    assert gateways[1]["currencies"] == ["VND"]
    assert gateways[1]["config"] == [{"field": "publishableKey", "value": PUBLISHABLE_KEY}]
    assert [gateway.id for gateway in available_gateways(checkout)] == ["cod", "stripe"]


def test_without_keys_stripe_is_not_offered(graphql_client, checkout, no_stripe_keys):
    """Without Stripe's keys nothing reaches Stripe (nor localstripe, which stands in for it)."""
    assert [gateway["id"] for gateway in offered(graphql_client, checkout)] == ["cod"]
    started = initialize(graphql_client, checkout)
    assert started["errors"][0]["code"] == "NOT_FOUND"
    configs = run(
        graphql_client,
        "paymentGatewaysInitialize",
        {"checkoutId": checkout_id(checkout), "paymentGateways": [{"id": "stripe"}]},
    )["gatewayConfigs"]
    assert configs[0]["errors"][0]["code"] == "NOT_FOUND"


def test_transaction_id_names_the_token_not_a_counter(graphql_client, checkout, stripe_keys):
    """localstripe stands in for Stripe's servers."""
    started = initialize(graphql_client, checkout)

    assert started["transaction"]["id"] == transaction_id(TransactionItem.objects.get())


def test_payment_attempts_on_one_checkout_are_bounded(
    graphql_client, checkout, stripe_keys, monkeypatch
):
    """localstripe stands in for Stripe's servers. Saleor allows 100 attempts; two here."""
    monkeypatch.setattr(services, "MAX_TRANSACTIONS_PER_CHECKOUT", 2)
    initialize(graphql_client, checkout)
    initialize(graphql_client, checkout)

    third = initialize(graphql_client, checkout)

    assert third["errors"][0]["code"] == "INVALID"
    assert TransactionItem.objects.count() == 2


@pytest.mark.parametrize(
    "missing", ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"]
)
def test_stripe_needs_all_three_keys(graphql_client, checkout, stripe_keys, settings, missing):
    """Without one of Stripe's keys nothing reaches localstripe, which stands in for Stripe."""
    setattr(settings, missing, "")

    assert [gateway["id"] for gateway in offered(graphql_client, checkout)] == ["cod"]
    assert initialize(graphql_client, checkout)["errors"][0]["code"] == "NOT_FOUND"
