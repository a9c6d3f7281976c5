"""The checkout and order rows of the permission matrix (`tests/permissions/operations.py`).

Booth A's order is placed by the shopper persona through the checkout services, then taken to
the state each call needs (shipped, delivered and paid) through the order services, as the
operator's own tools.
"""

from marketplace.checkout import services as checkout_services
from marketplace.checkout.complete import complete_checkout
from marketplace.core.ids import to_global_id
from marketplace.core.permissions import SYSTEM, Permission
from marketplace.orders import services as order_services
from marketplace.orders.models import BoothOrder, Order
from tests.permissions.operations import EVERYONE_OF_A, LEADERS_OF_A, Call, Read
from tests.permissions.personas import SHOPPER, staff_with
from tests.permissions.world import ADDRESS, World, gid

ORDER_STAFF = staff_with(Permission.MANAGE_ORDERS)
FULFILLERS = EVERYONE_OF_A | {ORDER_STAFF}
CHECKOUT_ID = "Q2hlY2tvdXQ6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw"


def place_order(world: World) -> Order:
    """The shopper's order of booth A's product (cash on delivery), made once per world."""
    existing = getattr(world, "_order", None)
    if existing is not None:
        return existing
    shopper = world.person(SHOPPER)
    checkout = checkout_services.create_checkout(
        user=shopper,
        channel_slug=world.channel.slug,
        lines=[checkout_services.LineRequest(gid(world.variant), 1)],
    )
    checkout_services.update_shipping_address(checkout=checkout, data=ADDRESS)
    checkout_services.update_billing_address(checkout=checkout, data=ADDRESS)
    checkout_services.update_delivery_method(
        checkout=checkout, delivery_method_id=gid_of_method("standard")
    )
    world._order = complete_checkout(token=checkout.token, user=shopper)
    return world._order


def gid_of_method(code: str) -> str:
    return to_global_id("ShippingMethod", code)


def sub_order(world: World) -> BoothOrder:
    return BoothOrder.objects.get(order=place_order(world), booth=world.booth_a)


def shipped(world: World) -> None:
    order_services.mark_shipped(actor=SYSTEM, booth_order=sub_order(world), tracking_number="EB1")


def delivered_and_paid(world: World) -> None:
    shipped(world)
    order_services.confirm_cash_payment(
        actor=SYSTEM, booth_order=sub_order(world), collected_by="platform"
    )


def _sub_order_variables(world: World) -> dict:
    return {"id": gid_of_sub_order(sub_order(world))}


def gid_of_sub_order(booth_order: BoothOrder) -> str:
    return to_global_id("VendorOrder", booth_order.pk)


def gid_of_order(order: Order) -> str:
    return to_global_id("Order", order.token)


GUARDED_MUTATIONS = [
    Call(
        "vendorOrderShip",
        {"id": "ID!", "trackingNumber": "String!"},
        lambda w: {**_sub_order_variables(w), "trackingNumber": "EB123456789VN"},
        FULFILLERS,
        prepare=place_order,
    ),
    Call(
        "vendorOrderMarkDelivered",
        {"id": "ID!"},
        _sub_order_variables,
        FULFILLERS,
        prepare=shipped,
    ),
    Call(
        "vendorOrderConfirmCash",
        {"id": "ID!"},
        _sub_order_variables,
        FULFILLERS,
        prepare=shipped,
    ),
    Call(
        "vendorOrderCancel",
        {"id": "ID!", "reason": "String"},
        lambda w: {**_sub_order_variables(w), "reason": "Hết hàng"},
        FULFILLERS,
        prepare=place_order,
    ),
    Call(
        "orderCancel",
        {"id": "ID!"},
        lambda w: {"id": gid_of_order(place_order(w))},
        frozenset({ORDER_STAFF}),
        prepare=place_order,
    ),
    Call(
        "vendorPayoutCreate",
        {"input": "VendorPayoutInput!"},
        lambda w: {"input": {"vendor": gid(w.booth_a), "amount": 1000, "reference": "VCB-0001"}},
        frozenset({ORDER_STAFF}),
        prepare=delivered_and_paid,
    ),
]


def _shows(field: str):
    return lambda data, w, user: bool((data or {}).get(field))


def _lists_sub_order(data, world: World, user) -> bool:
    edges = ((data or {}).get("vendorOrders") or {}).get("edges") or []
    return {"node": {"id": gid_of_sub_order(sub_order(world))}} in edges


def _lists_order(data, world: World, user) -> bool:
    edges = ((data or {}).get("orders") or {}).get("edges") or []
    return {"node": {"id": gid_of_order(place_order(world))}} in edges


PRIVATE_READS = [
    Read(
        "order",
        "query Order($id: ID) { order(id: $id) { number } }",
        lambda w: {"id": gid_of_order(place_order(w))},
        frozenset({SHOPPER, ORDER_STAFF}),
        _shows("order"),
        prepare=place_order,
    ),
    Read(
        "orderByToken",
        "query Order($token: UUID!) { orderByToken(token: $token) { number } }",
        lambda w: {"token": str(place_order(w).token)},
        frozenset({SHOPPER, ORDER_STAFF}),
        _shows("orderByToken"),
        prepare=place_order,
    ),
    Read(
        "orders",
        "query { orders(first: 10) { edges { node { id } } } }",
        lambda w: {},
        frozenset({ORDER_STAFF}),
        _lists_order,
        refused_with_error=True,
        prepare=place_order,
    ),
    Read(
        "vendorOrders",
        "query { vendorOrders(first: 10) { edges { node { id } } } }",
        lambda w: {},
        FULFILLERS,
        _lists_sub_order,
        needs_sign_in=True,
        prepare=place_order,
    ),
    Read(
        "vendorOrder",
        "query Sub($id: ID!) { vendorOrder(id: $id) { number } }",
        _sub_order_variables,
        FULFILLERS,
        _shows("vendorOrder"),
        needs_sign_in=True,
        prepare=place_order,
    ),
    Read(
        "vendorLedger",
        "query Ledger($vendor: ID!) { vendorLedger(vendor: $vendor) { balance { amount } } }",
        lambda w: {"vendor": gid(w.booth_a)},
        LEADERS_OF_A | {ORDER_STAFF},
        _shows("vendorLedger"),
        needs_sign_in=True,
        prepare=place_order,
    ),
]

_CHECKOUT = (
    "a shopper's checkout, named by its unguessable token; a checkout of another customer "
    "is not found"
)
PUBLIC_MUTATIONS = {
    "checkoutCreate": "starts a checkout; a signed-in shopper's is theirs",
    "checkoutLinesAdd": _CHECKOUT,
    "checkoutLinesUpdate": _CHECKOUT,
    "checkoutLinesDelete": _CHECKOUT,
    "checkoutLineDelete": _CHECKOUT,
    "checkoutEmailUpdate": _CHECKOUT,
    "checkoutShippingAddressUpdate": _CHECKOUT,
    "checkoutBillingAddressUpdate": _CHECKOUT,
    "checkoutDeliveryMethodUpdate": _CHECKOUT,
    "checkoutCustomerNoteUpdate": _CHECKOUT,
    "checkoutAddPromoCode": _CHECKOUT + " (every code is refused)",
    "checkoutRemovePromoCode": _CHECKOUT,
    "checkoutComplete": _CHECKOUT + "; completing again answers the order already placed",
    "deliveryOptionsCalculate": _CHECKOUT + " (reads only)",
    "updateMetadata": "public metadata of " + _CHECKOUT,
}
SELF_SERVICE_MUTATIONS = {
    "checkoutCustomerAttach": (
        "makes a checkout the caller's own",
        {"id": "ID"},
        {"id": CHECKOUT_ID},
    ),
    "checkoutCustomerDetach": (
        "makes the caller's own checkout anonymous",
        {"id": "ID"},
        {"id": CHECKOUT_ID},
    ),
}
PUBLIC_QUERIES = {
    "checkout": _CHECKOUT,
}
