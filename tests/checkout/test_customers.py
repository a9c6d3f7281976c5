"""A checkout without an owner is usable by whoever holds its ID; a checkout attached to an account
only by its owner: to anyone else it does not exist."""

from marketplace.checkout.models import Checkout
from tests.checkout.shop import (
    ATTACH,
    CHECKOUT,
    DETACH,
    EMAIL_UPDATE,
    LINES_ADD,
    bearer,
    codes,
    complete,
    create_checkout,
    ok,
    person,
    ready_checkout,
    variant_id,
)


def test_a_signed_in_shopper_owns_the_checkout_she_creates(graphql_client, shop):
    lan = person("lan@example.com")

    checkout = create_checkout(graphql_client, headers=bearer(lan))

    assert checkout["user"] is not None
    assert checkout["email"] == "lan@example.com"
    assert Checkout.objects.get().user == lan


def test_attaching_and_detaching_a_checkout(graphql_client, shop):
    lan = person("lan@example.com")
    checkout = create_checkout(graphql_client)

    attached = ok(
        graphql_client(ATTACH, {"id": checkout["id"]}, headers=bearer(lan)),
        "checkoutCustomerAttach",
    )
    detached = ok(
        graphql_client(DETACH, {"id": checkout["id"]}, headers=bearer(lan)),
        "checkoutCustomerDetach",
    )

    assert attached["checkout"] == {
        "user": {"email": "lan@example.com"},
        "email": "lan@example.com",
    }
    assert detached["checkout"]["user"] is None
    assert Checkout.objects.get().user is None


def test_anonymous_visitors_cannot_attach(graphql_client, shop):
    checkout = create_checkout(graphql_client)

    response = graphql_client(ATTACH, {"id": checkout["id"]})

    assert codes(response, "checkoutCustomerAttach") == ["PERMISSION_DENIED"]


def test_another_customers_checkout_does_not_exist_for_her(graphql_client, shop):
    lan, mai = person("lan@example.com"), person("mai@example.com")
    checkout = ready_checkout(graphql_client, shop, headers=bearer(lan))
    intruder, anonymous = bearer(mai), {}

    for headers in (intruder, anonymous):
        assert graphql_client(CHECKOUT, {"id": checkout["id"]}, headers=headers).data == {
            "checkout": None
        }
        add = graphql_client(
            LINES_ADD,
            {"id": checkout["id"], "lines": [{"variantId": variant_id(shop.silk), "quantity": 1}]},
            headers=headers,
        )
        assert codes(add, "checkoutLinesAdd") == ["NOT_FOUND"]
        email = graphql_client(
            EMAIL_UPDATE, {"id": checkout["id"], "email": "x@example.com"}, headers=headers
        )
        assert codes(email, "checkoutEmailUpdate") == ["NOT_FOUND"]
        assert codes(
            complete(graphql_client, checkout["id"], headers=headers), "checkoutComplete"
        ) == ["NOT_FOUND"]
    attach = graphql_client(ATTACH, {"id": checkout["id"]}, headers=intruder)
    assert codes(attach, "checkoutCustomerAttach") == ["NOT_FOUND"]
    assert Checkout.objects.get().user == lan
    assert graphql_client(CHECKOUT, {"id": checkout["id"]}, headers=bearer(lan)).data["checkout"]


def test_only_the_owner_detaches(graphql_client, shop):
    lan, mai = person("lan@example.com"), person("mai@example.com")
    checkout = create_checkout(graphql_client, headers=bearer(lan))

    response = graphql_client(DETACH, {"id": checkout["id"]}, headers=bearer(mai))

    assert codes(response, "checkoutCustomerDetach") == ["NOT_FOUND"]
    assert Checkout.objects.get().user == lan
