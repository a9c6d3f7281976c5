"""Order queries and mutations.

Shopper (Saleor's): `order(id)`, `orderByToken(token)` and `me { orders }`.
Staff (Saleor's): `orders`, `orderCancel`.
Booths and staff (marketplace): `vendorOrders`, `vendorOrder`, `vendorOrderShip`,
`vendorOrderMarkDelivered`, `vendorOrderConfirmCash`, `vendorOrderCancel`; `vendorLedger` for a
booth's owners and managers and staff; `vendorPayoutCreate` for staff.
"""

import graphene
from django.utils.translation import gettext as _

from graphql import GraphQLError
from marketplace.core.errors import DomainError
from marketplace.core.ids import InvalidGlobalId, from_global_id
from marketplace.core.permissions import Action, can
from marketplace.graphql.core.batching import tag_batch
from marketplace.graphql.core.connection import connection_args, paginate
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.orders import selectors, services
from marketplace.orders.errors import OrderErrorCode
from marketplace.orders.graphql.types import (
    LedgerRoot,
    Order,
    OrderCountableConnection,
    OrderError,
    VendorLedger,
    VendorOrder,
    VendorOrderCountableConnection,
    VendorOrderStatusEnum,
    VendorPayout,
)
from marketplace.orders.models import BoothOrder
from vendors.models import Booth


def _pk(global_id: str | None, type_name: str, field: str = "id") -> int:
    try:
        return from_global_id(global_id or "", type_name)
    except InvalidGlobalId as error:
        raise DomainError(str(error), code=OrderErrorCode.GRAPHQL_ERROR, field=field) from error


def _booth(global_id: str | None, field: str = "vendor") -> Booth:
    booth = Booth.objects.filter(pk=_pk(global_id, "Vendor", field)).first()
    if booth is None:
        raise DomainError(_("Booth not found."), code=OrderErrorCode.NOT_FOUND, field=field)
    return booth


def _signed_in(info) -> None:
    user = info.context.user
    if not (user and user.is_authenticated):
        raise GraphQLError(_("You need to sign in to see orders."))


def tag_orders(orders):
    """Make a page of orders one batch; each order's lines and variants carry its channel."""
    tag_batch(orders)
    for order in orders:
        order._channel = order.channel
    return orders


def paginate_orders(queryset, info, **page):
    connection = paginate(queryset, OrderCountableConnection, info, **page)
    tag_orders([edge.node for edge in connection.edges])
    return connection


class OrderQueries(graphene.ObjectType):
    order = graphene.Field(
        Order,
        id=graphene.ID(description="ID of an order."),
        external_reference=graphene.String(description="External ID of an order (none here)."),
        description="Look up an order by ID: its customer, staff, or (for an order placed "
        "without an account) whoever holds its ID.",
    )
    order_by_token = graphene.Field(
        Order,
        token=graphene.UUID(required=True, description="The order's token."),
        deprecation_reason="Use `order(id:)` instead.",
        description="Look up an order by token.",
    )
    orders = graphene.Field(
        OrderCountableConnection,
        channel=graphene.String(
            description="Slug of a channel for which the data should be returned."
        ),
        search=graphene.String(description="Search orders by number or customer email."),
        **connection_args(),
        description="List of orders, newest first.\n\nRequires one of the following "
        "permissions: MANAGE_ORDERS.",
    )
    vendor_orders = graphene.Field(
        VendorOrderCountableConnection,
        vendor=graphene.ID(description="Only this booth's sub-orders."),
        status=VendorOrderStatusEnum(description="Only sub-orders in this status."),
        **connection_args(),
        description="Sub-orders the caller fulfils: their booths' (staff who manage orders: "
        "every booth's), newest first.",
    )
    vendor_order = graphene.Field(
        VendorOrder,
        id=graphene.ID(required=True),
        description="A sub-order of one of the caller's booths (or any, for staff).",
    )
    vendor_ledger = graphene.Field(
        VendorLedger,
        vendor=graphene.ID(required=True, description="The booth."),
        description="A booth's account with the platform: for its owners and managers and for "
        "staff who manage orders.",
    )

    @staticmethod
    def resolve_order(root, info, id=None, external_reference=None):
        order = selectors.order_for(info.context.user, selectors.order_token(id))
        return tag_orders([order])[0] if order else None

    @staticmethod
    def resolve_order_by_token(root, info, token):
        order = selectors.order_for(info.context.user, token)
        return tag_orders([order])[0] if order else None

    @staticmethod
    def resolve_orders(root, info, channel=None, search=None, **page):
        user = info.context.user
        if not can(user, Action.ORDER_MANAGE):
            raise GraphQLError(_("You need one of the following permissions: MANAGE_ORDERS"))
        orders = selectors.all_orders(user)
        if channel:
            orders = orders.filter(channel__slug=channel)
        if search:
            orders = selectors.search_orders(orders, search)
        return paginate_orders(orders, info, **page)

    @staticmethod
    def resolve_vendor_orders(root, info, vendor=None, status=None, **page):
        _signed_in(info)
        booth_ids = [_pk_or_error(vendor)] if vendor else None
        booth_orders = selectors.booth_orders_for(
            info.context.user, booth_ids=booth_ids, status=getattr(status, "value", status)
        )
        return paginate(booth_orders, VendorOrderCountableConnection, info, **page)

    @staticmethod
    def resolve_vendor_order(root, info, id):
        _signed_in(info)
        try:
            pk = from_global_id(id, "VendorOrder")
        except InvalidGlobalId as error:
            raise GraphQLError(str(error)) from error
        return selectors.booth_order_for(info.context.user, pk)

    @staticmethod
    def resolve_vendor_ledger(root, info, vendor):
        _signed_in(info)
        booth = Booth.objects.filter(pk=_pk_or_error(vendor)).first()
        if booth is None or not can(info.context.user, Action.LEDGER_VIEW, booth):
            return None
        return LedgerRoot(booth)


def _pk_or_error(global_id: str) -> int:
    try:
        return from_global_id(global_id, "Vendor")
    except InvalidGlobalId as error:
        raise GraphQLError(str(error)) from error


# --- Mutations --------------------------------------------------------------------------------


def _booth_order(info, global_id: str) -> BoothOrder:
    """The sub-order named by `global_id` if the caller may fulfil it; NOT_FOUND otherwise."""
    booth_order = selectors.booth_order_for(info.context.user, _pk(global_id, "VendorOrder"))
    if booth_order is None:
        raise DomainError(_("Order not found."), code=OrderErrorCode.NOT_FOUND, field="id")
    return booth_order


class VendorOrderMutation(BaseMutation):
    vendor_order = graphene.Field(VendorOrder)

    class Meta:
        abstract = True


class VendorOrderShip(VendorOrderMutation):
    class Arguments:
        id = graphene.ID(required=True, description="The sub-order (VendorOrder ID).")
        tracking_number = graphene.String(required=True, description="The post's tracking number.")

    class Meta:
        description = (
            "The booth handed its parcel to the post: it is shipped, its stock leaves the "
            "shelf and the shopper is emailed the tracking number."
        )
        error_type = OrderError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, id, tracking_number):
        booth_order = services.mark_shipped(
            actor=info.context.user,
            booth_order=_booth_order(info, id),
            tracking_number=tracking_number,
        )
        return cls(vendor_order=booth_order)


class VendorOrderMarkDelivered(VendorOrderMutation):
    class Arguments:
        id = graphene.ID(required=True, description="The sub-order (VendorOrder ID).")

    class Meta:
        description = "The shopper received the parcel."
        error_type = OrderError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, id):
        booth_order = services.mark_delivered(
            actor=info.context.user, booth_order=_booth_order(info, id)
        )
        return cls(vendor_order=booth_order)


class CashCollectorEnum(graphene.Enum):
    BOOTH = services.CashCollector.BOOTH
    PLATFORM = services.CashCollector.PLATFORM


class VendorOrderConfirmCash(VendorOrderMutation):
    class Arguments:
        id = graphene.ID(required=True, description="The sub-order (VendorOrder ID).")
        collected_by = CashCollectorEnum(
            default_value=services.CashCollector.BOOTH,
            description="Who holds the cash now: the booth (or its courier) or the platform "
            "(staff only).",
        )

    class Meta:
        description = (
            "Cash on delivery: the shopper paid this parcel in cash when it was delivered. "
            "Marks it delivered and paid; the booth's ledger records who holds the cash."
        )
        error_type = OrderError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, id, collected_by=services.CashCollector.BOOTH):
        booth_order = services.confirm_cash_payment(
            actor=info.context.user,
            booth_order=_booth_order(info, id),
            collected_by=getattr(collected_by, "value", collected_by),
        )
        return cls(vendor_order=booth_order)


class VendorOrderCancel(VendorOrderMutation):
    class Arguments:
        id = graphene.ID(required=True, description="The sub-order (VendorOrder ID).")
        reason = graphene.String(description="Why the booth cannot send it.")

    class Meta:
        description = (
            "Cancel one booth's part of an order before it ships: its stock comes back and its "
            "sale leaves the ledger and the order's total."
        )
        error_type = OrderError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, id, reason=""):
        booth_order = services.cancel_booth_order(
            actor=info.context.user, booth_order=_booth_order(info, id), reason=reason or ""
        )
        return cls(vendor_order=booth_order)


class OrderCancel(BaseMutation):
    order = graphene.Field(Order, description="Canceled order.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order to cancel.")

    class Meta:
        description = (
            "Cancel an order: every booth's parcel not yet shipped.\n\nRequires one of the "
            "following permissions: MANAGE_ORDERS."
        )
        error_type = OrderError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, id):
        user = info.context.user
        order = selectors.order_for(user, selectors.order_token(id))
        if order is None or not can(user, Action.ORDER_MANAGE):
            raise DomainError(_("Order not found."), code=OrderErrorCode.NOT_FOUND, field="id")
        order = services.cancel_order(actor=user, order=order)
        return cls(order=tag_orders([order])[0])


class VendorPayoutInput(graphene.InputObjectType):
    vendor = graphene.ID(required=True, description="The booth paid.")
    amount = graphene.Int(required=True, description="Whole dong transferred.")
    reference = graphene.String(required=True, description="The bank transfer reference.")
    paid_at = graphene.Date(description="The day of the transfer (today when left out).")
    note = graphene.String()


class VendorPayoutCreate(BaseMutation):
    payout = graphene.Field(VendorPayout)
    ledger = graphene.Field(VendorLedger)

    class Arguments:
        input = VendorPayoutInput(required=True)

    class Meta:
        description = (
            "Record a bank transfer to a booth against its ledger (staff who manage orders). "
            "At most the booth's available balance; one payout per transfer reference."
        )
        error_type = OrderError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, input):
        booth = _booth(input["vendor"])
        payout = services.record_payout(
            actor=info.context.user,
            booth=booth,
            amount=input["amount"],
            reference=input["reference"],
            paid_at=input.get("paid_at"),
            note=input.get("note") or "",
        )
        return cls(payout=payout, ledger=LedgerRoot(booth))


class OrderMutations(graphene.ObjectType):
    order_cancel = OrderCancel.Field()
    vendor_order_ship = VendorOrderShip.Field()
    vendor_order_mark_delivered = VendorOrderMarkDelivered.Field()
    vendor_order_confirm_cash = VendorOrderConfirmCash.Field()
    vendor_order_cancel = VendorOrderCancel.Field()
    vendor_payout_create = VendorPayoutCreate.Field()
