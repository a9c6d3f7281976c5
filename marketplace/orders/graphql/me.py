"""`User.orders`: the signed-in shopper's orders, for `me { orders }`.

Kept apart from the order types so that the account types can add the field without importing
them (the order types use the account types).
"""

import graphene

from marketplace.graphql.core.connection import connection_args


def _connection():
    from marketplace.orders.graphql.types import OrderCountableConnection

    return OrderCountableConnection


def user_orders_field() -> graphene.Field:
    return graphene.Field(
        _connection,
        **connection_args(),
        description="List of user's orders, newest first. Requires one of the following "
        "permissions: MANAGE_STAFF, OWNER.",
    )


def resolve_user_orders(root, info, **page):
    """The orders of `root`, for the user themselves or staff who manage orders."""
    from marketplace.core.permissions import Action, can
    from marketplace.orders.graphql.schema import paginate_orders
    from marketplace.orders.models import Order
    from marketplace.orders.selectors import orders_of

    viewer = info.context.user
    own = viewer is not None and viewer.is_authenticated and viewer.pk == root.pk
    if not root.pk or not (own or can(viewer, Action.ORDER_MANAGE)):
        return paginate_orders(Order.objects.none(), info, **page)
    return paginate_orders(orders_of(root), info, **page)
