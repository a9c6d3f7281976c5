"""The Saleor storefront's own checkout and order operations, sent unchanged, in the order a
shopper's visit sends them: they validate against our schema and answer with data.

The documents are read at test time from `../shared/reference/saleor-storefront` (the two document
sets `checkout/` and `storefront/`); they are not part of the project.
"""

from pathlib import Path

import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, print_ast, validate

from marketplace.graphql.schema import schema
from tests.checkout.shop import BILLING_ADDRESS, HANOI_ADDRESS, STANDARD, bearer, person, variant_id

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "saleor-storefront"
# (document set, operation): every checkout and order operation of the storefront, payments
# aside (tests/payments runs those).
OPERATIONS = [
    ("checkout", "checkoutCreate"),
    ("checkout", "checkoutLinesAdd"),
    ("checkout", "checkoutLinesUpdate"),
    ("checkout", "checkoutLineDelete"),
    ("checkout", "checkoutEmailUpdate"),
    ("checkout", "checkoutMetadataUpdate"),
    ("checkout", "checkoutCustomerAttach"),
    ("checkout", "checkoutCustomerDetach"),
    ("checkout", "checkoutShippingAddressUpdate"),
    ("checkout", "checkoutBillingAddressUpdate"),
    ("checkout", "deliveryOptionsCalculate"),
    ("checkout", "checkoutDeliveryMethodUpdate"),
    ("checkout", "checkoutAddPromoCode"),
    ("checkout", "checkoutRemovePromoCode"),
    ("checkout", "checkout"),
    ("checkout", "checkoutComplete"),
    ("checkout", "order"),
    ("storefront", "CheckoutCreate"),
    ("storefront", "CheckoutAddLine"),
    ("storefront", "CheckoutLinesUpdate"),
    ("storefront", "CheckoutDeleteLines"),
    ("storefront", "CheckoutFind"),
    ("storefront", "CheckoutCustomerDetach"),
    ("storefront", "OrderByNumber"),
    ("storefront", "CurrentUserOrderList"),
    ("storefront", "CurrentUserOrdersPaginated"),
]


def _definitions(document_set: str):
    folder = REFERENCE / document_set
    assert folder.is_dir(), f"The storefront reference is missing at {folder}"
    operations, fragments = {}, {}
    for path in sorted(folder.glob("*.graphql")):
        for node in parse(path.read_text(encoding="utf-8")).definitions:
            if isinstance(node, FragmentDefinitionNode):
                fragments[node.name.value] = node
            elif isinstance(node, OperationDefinitionNode) and node.name:
                operations[node.name.value] = node
    return operations, fragments


def _spread_names(node) -> set[str]:
    names = set()

    def visit(value):
        if isinstance(value, list | tuple):
            for item in value:
                visit(item)
        elif hasattr(value, "keys"):
            if type(value).__name__ == "FragmentSpreadNode":
                names.add(value.name.value)
            for key in value.keys:
                visit(getattr(value, key, None))

    visit(node)
    return names


def document(document_set: str, name: str) -> str:
    """The operation `name` with every fragment it uses, as the storefront sends it."""
    operations, fragments = _definitions(document_set)
    wanted, queue = {}, [operations[name]]
    while queue:
        for spread in _spread_names(queue.pop()):
            if spread not in wanted:
                wanted[spread] = fragments[spread]
                queue.append(fragments[spread])
    return "\n\n".join(print_ast(node) for node in [operations[name], *wanted.values()])


@pytest.mark.parametrize(("document_set", "name"), OPERATIONS)
def test_the_storefront_operation_validates(document_set, name):
    assert validate(schema.graphql_schema, parse(document(document_set, name))) == []


class Storefront:
    """Sends the storefront's operations and checks they answer without GraphQL errors."""

    def __init__(self, graphql_client, headers=None):
        self.send = graphql_client
        self.headers = headers or {}

    def __call__(self, document_set: str, name: str, **variables) -> dict:
        response = self.send(document(document_set, name), variables, headers=self.headers)
        assert response.errors is None, (name, response.errors)
        return response.data


def payload_ok(data: dict, field: str) -> dict:
    assert data[field]["errors"] == [], (field, data[field]["errors"])
    return data[field]


def test_a_signed_in_shopper_checks_out_with_the_checkout_app(graphql_client, shop):
    lan = person("lan@example.com")
    send = Storefront(graphql_client, bearer(lan))
    language = {"languageCode": "VI"}

    created = payload_ok(
        send("checkout", "checkoutCreate", channel="default-channel", **language), "checkoutCreate"
    )
    checkout_id = created["checkout"]["id"]
    assert created["checkout"]["availablePaymentGateways"][0]["id"] == "cod"
    lines = [
        {"variantId": variant_id(shop.silk), "quantity": 1},
        {"variantId": variant_id(shop.honey), "quantity": 3},
        {"variantId": variant_id(shop.coffee), "quantity": 1},
    ]
    added = payload_ok(
        send("checkout", "checkoutLinesAdd", checkoutId=checkout_id, lines=lines, **language),
        "checkoutLinesAdd",
    )
    honey_line = added["checkout"]["lines"][1]["id"]
    coffee_line = added["checkout"]["lines"][2]["id"]
    updated = payload_ok(
        send(
            "checkout",
            "checkoutLinesUpdate",
            checkoutId=checkout_id,
            lines=[{"lineId": honey_line, "quantity": 2}],
            **language,
        ),
        "checkoutLinesUpdate",
    )
    assert updated["checkout"]["lines"][1]["quantity"] == 2
    deleted = payload_ok(
        send(
            "checkout", "checkoutLineDelete", checkoutId=checkout_id, lineId=coffee_line, **language
        ),
        "checkoutLineDelete",
    )
    assert len(deleted["checkout"]["lines"]) == 2
    payload_ok(
        send(
            "checkout",
            "checkoutEmailUpdate",
            email="lan@example.com",
            checkoutId=checkout_id,
            **language,
        ),
        "checkoutEmailUpdate",
    )
    metadata = send(
        "checkout", "checkoutMetadataUpdate", id=checkout_id, input=[{"key": "gift", "value": "no"}]
    )
    assert payload_ok(metadata, "updateMetadata")["item"] == {"id": checkout_id}
    payload_ok(
        send("checkout", "checkoutCustomerDetach", checkoutId=checkout_id, **language),
        "checkoutCustomerDetach",
    )
    attached = payload_ok(
        send("checkout", "checkoutCustomerAttach", checkoutId=checkout_id, **language),
        "checkoutCustomerAttach",
    )
    assert attached["checkout"]["user"] is not None
    shipped = payload_ok(
        send(
            "checkout",
            "checkoutShippingAddressUpdate",
            checkoutId=checkout_id,
            shippingAddress=HANOI_ADDRESS,
            saveAddress=True,
            validationRules={"checkRequiredFields": True},
            **language,
        ),
        "checkoutShippingAddressUpdate",
    )
    assert shipped["checkout"]["shippingAddress"]["country"]["code"] == "VN"
    payload_ok(
        send(
            "checkout",
            "checkoutBillingAddressUpdate",
            checkoutId=checkout_id,
            billingAddress=BILLING_ADDRESS,
            saveAddress=False,
            **language,
        ),
        "checkoutBillingAddressUpdate",
    )
    options = payload_ok(
        send("checkout", "deliveryOptionsCalculate", id=checkout_id), "deliveryOptionsCalculate"
    )
    standard = options["deliveries"][0]["shippingMethod"]
    assert standard["id"] == STANDARD
    delivered = payload_ok(
        send(
            "checkout",
            "checkoutDeliveryMethodUpdate",
            checkoutId=checkout_id,
            deliveryMethodId=standard["id"],
            **language,
        ),
        "checkoutDeliveryMethodUpdate",
    )
    assert delivered["checkout"]["delivery"]["shippingMethod"]["name"] == "Chuyển phát tiêu chuẩn"
    assert delivered["checkout"]["shippingPrice"]["gross"]["amount"] == standard["price"]["amount"]
    promo = send(
        "checkout", "checkoutAddPromoCode", checkoutId=checkout_id, promoCode="TET2026", **language
    )
    assert [error["code"] for error in promo["checkoutAddPromoCode"]["errors"]] == ["INVALID"]
    payload_ok(
        send(
            "checkout",
            "checkoutRemovePromoCode",
            checkoutId=checkout_id,
            promoCode="TET2026",
            **language,
        ),
        "checkoutRemovePromoCode",
    )
    found = send("checkout", "checkout", id=checkout_id, **language)["checkout"]
    assert found["totalPrice"]["gross"]["amount"] == 350000 + 250000 + standard["price"]["amount"]
    assert found["problems"] == []

    placed = payload_ok(
        send("checkout", "checkoutComplete", checkoutId=checkout_id), "checkoutComplete"
    )
    order_id = placed["order"]["id"]
    assert placed["order"]["channel"] == {"slug": "default-channel"}
    order = send("checkout", "order", id=order_id, **language)["order"]
    assert order["chargeStatus"] == "NONE"
    assert order["total"]["gross"]["amount"] == found["totalPrice"]["gross"]["amount"]
    assert [line["quantity"] for line in order["lines"]] == [1, 2]


def test_a_shopper_uses_the_storefront_cart_and_order_pages(graphql_client, shop):
    lan = person("lan@example.com")
    send = Storefront(graphql_client, bearer(lan))

    created = payload_ok(
        send("storefront", "CheckoutCreate", channel="default-channel", languageCode="EN"),
        "checkoutCreate",
    )
    checkout_id = created["checkout"]["id"]
    added = send(
        "storefront", "CheckoutAddLine", id=checkout_id, productVariantId=variant_id(shop.honey)
    )
    assert added["checkoutLinesAdd"]["errors"] == []
    send("storefront", "CheckoutAddLine", id=checkout_id, productVariantId=variant_id(shop.silk))
    found = send("storefront", "CheckoutFind", id=checkout_id, languageCode="EN")["checkout"]
    honey_line, silk_line = (line["id"] for line in found["lines"])
    assert found["lines"][0]["variant"]["pricing"]["price"]["gross"] == {
        "amount": 125000,
        "currency": "VND",
    }
    updated = payload_ok(
        send(
            "storefront",
            "CheckoutLinesUpdate",
            checkoutId=checkout_id,
            lines=[{"lineId": honey_line, "quantity": 3}],
        ),
        "checkoutLinesUpdate",
    )
    assert updated["checkout"]["totalPrice"]["gross"]["amount"] == 3 * 125000 + 350000
    deleted = payload_ok(
        send("storefront", "CheckoutDeleteLines", checkoutId=checkout_id, lineIds=[silk_line]),
        "checkoutLinesDelete",
    )
    assert [line["id"] for line in deleted["checkout"]["lines"]] == [honey_line]

    checkout_app = Storefront(graphql_client, bearer(lan))
    for name, variables in (
        ("checkoutShippingAddressUpdate", {"shippingAddress": HANOI_ADDRESS}),
        ("checkoutBillingAddressUpdate", {"billingAddress": HANOI_ADDRESS}),
        ("checkoutDeliveryMethodUpdate", {"deliveryMethodId": STANDARD}),
    ):
        payload_ok(
            checkout_app("checkout", name, checkoutId=checkout_id, languageCode="EN", **variables),
            name,
        )
    payload_ok(
        checkout_app("checkout", "checkoutComplete", checkoutId=checkout_id), "checkoutComplete"
    )

    listed = send("storefront", "CurrentUserOrderList", languageCode="EN")["me"]
    assert listed["email"] == "lan@example.com"
    (edge,) = listed["orders"]["edges"]
    assert edge["node"]["status"] == "UNFULFILLED"
    assert edge["node"]["paymentStatus"] == "NOT_CHARGED"
    assert edge["node"]["lines"][0]["quantity"] == 3
    paginated = send("storefront", "CurrentUserOrdersPaginated", first=5, languageCode="EN")["me"][
        "orders"
    ]
    assert paginated["totalCount"] == 1
    assert paginated["pageInfo"]["hasNextPage"] is False
    detailed = send("storefront", "OrderByNumber", first=1, languageCode="EN")["me"]["orders"][
        "edges"
    ][0]["node"]
    assert detailed["total"]["gross"]["amount"] == edge["node"]["total"]["gross"]["amount"]
    assert detailed["fulfillments"] == []
    assert detailed["shippingAddress"]["city"] == "Phường Hoàn Kiếm"


def test_an_anonymous_shopper_detaches_nothing(graphql_client, shop):
    send = Storefront(graphql_client)
    created = payload_ok(
        send("storefront", "CheckoutCreate", channel="default-channel", languageCode="EN"),
        "checkoutCreate",
    )

    detached = send("storefront", "CheckoutCustomerDetach", id=created["checkout"]["id"])

    assert [error["code"] for error in detached["checkoutCustomerDetach"]["errors"]] == [
        "PERMISSION_DENIED"
    ]
