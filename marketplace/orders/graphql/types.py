"""Order types: the shopper's `Order` in Saleor 3's shape, and the marketplace's `VendorOrder`
(one booth's part of an order), `VendorLedger`, `VendorLedgerEntry` and `VendorPayout`.

Who sees what is decided before an object reaches these types (`marketplace.orders.selectors`):
an `Order` only reaches its shopper and staff; a `VendorOrder` reaches its booth's members, the
shopper (through `Order.vendorOrders`) and staff. On a `VendorOrder` a booth sees the shipping
address its parcel needs, never the billing address or the shopper's email; the commission and
the booth's share only show to the booth's owners and managers and to staff.

Lists load their relations once per page (`marketplace.graphql.core.batching`).
"""

from __future__ import annotations

import graphene
from django.db.models import Prefetch

from marketplace.accounts.graphql.types import Address, User
from marketplace.catalog.graphql.types import Product as ProductType
from marketplace.catalog.graphql.types import ProductVariant
from marketplace.channels.graphql import Channel
from marketplace.checkout.delivery import delivery_method
from marketplace.checkout.graphql.promotions import GiftCard, OrderDiscount, Voucher
from marketplace.checkout.graphql.types import (
    DeliveryMethod,
    PricedDeliveryMethod,
    ShippingMethod,
    transaction_item_type,
)
from marketplace.core.ids import to_global_id
from marketplace.core.permissions import Action, can
from marketplace.graphql.core.batching import batch_related, batch_related_one
from marketplace.graphql.core.connection import CountableConnection
from marketplace.graphql.core.metadata import MetadataResolvers, ObjectWithMetadata
from marketplace.graphql.core.types import (
    Image,
    LanguageCodeEnum,
    Money,
    TaxedMoney,
    ThumbnailFormatEnum,
)
from marketplace.orders import models
from marketplace.orders.errors import OrderErrorCode as OrderErrorCodes
from marketplace.orders.selectors import LedgerBalance, can_see_billing, ledger_balance
from marketplace.payments.gateways.cod import COD_GATEWAY_ID
from vendors.graphql import Vendor

OrderErrorCode = graphene.Enum.from_enum(OrderErrorCodes)


def _address_type_enum():
    from marketplace.accounts.graphql.types import AddressTypeEnum

    return AddressTypeEnum


class OrderError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` indicates that "
        "the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(OrderErrorCode, required=True, description="The error code.")
    warehouse = graphene.ID(description="Warehouse ID which causes the error.")
    order_lines = graphene.List(
        graphene.NonNull(graphene.ID), description="List of order line IDs that cause the error."
    )
    variants = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of product variants that are associated with the error",
    )
    address_type = graphene.Field(
        _address_type_enum, description="A type of address that causes the error."
    )


OrderStatusEnum = graphene.Enum(
    "OrderStatus",
    [
        ("DRAFT", "draft"),
        ("UNCONFIRMED", "unconfirmed"),
        ("UNFULFILLED", models.OrderStatus.UNFULFILLED.value),
        ("PARTIALLY_FULFILLED", models.OrderStatus.PARTIALLY_FULFILLED.value),
        ("PARTIALLY_RETURNED", "partially_returned"),
        ("RETURNED", "returned"),
        ("FULFILLED", models.OrderStatus.FULFILLED.value),
        ("CANCELED", models.OrderStatus.CANCELED.value),
        ("EXPIRED", "expired"),
    ],
)
OrderChargeStatusEnum = graphene.Enum(
    "OrderChargeStatusEnum", [(status.name, status.value) for status in models.ChargeStatus]
)
OrderAuthorizeStatusEnum = graphene.Enum(
    "OrderAuthorizeStatusEnum", [(status.name, status.value) for status in models.AuthorizeStatus]
)


class PaymentChargeStatusEnum(graphene.Enum):
    NOT_CHARGED = "not-charged"
    PENDING = "pending"
    PARTIALLY_CHARGED = "partially-charged"
    FULLY_CHARGED = "fully-charged"
    PARTIALLY_REFUNDED = "partially-refunded"
    FULLY_REFUNDED = "fully-refunded"
    REFUSED = "refused"
    CANCELLED = "cancelled"


PAYMENT_STATUS_DISPLAY = {
    PaymentChargeStatusEnum.NOT_CHARGED: "Not charged",
    PaymentChargeStatusEnum.PARTIALLY_CHARGED: "Partially charged",
    PaymentChargeStatusEnum.FULLY_CHARGED: "Fully charged",
    PaymentChargeStatusEnum.PARTIALLY_REFUNDED: "Partially refunded",
    PaymentChargeStatusEnum.FULLY_REFUNDED: "Fully refunded",
    PaymentChargeStatusEnum.CANCELLED: "Cancelled",
}


class OrderOriginEnum(graphene.Enum):
    CHECKOUT = "checkout"
    DRAFT = "draft"
    REISSUE = "reissue"
    BULK_CREATE = "bulk_create"


class FulfillmentStatus(graphene.Enum):
    FULFILLED = "fulfilled"
    REFUNDED = "refunded"
    RETURNED = "returned"
    REPLACED = "replaced"
    REFUNDED_AND_RETURNED = "refunded_and_returned"
    CANCELED = "canceled"
    WAITING_FOR_APPROVAL = "waiting_for_approval"


VendorOrderStatusEnum = graphene.Enum(
    "VendorOrderStatusEnum", [(status.name, status.value) for status in models.BoothOrderStatus]
)
VendorLedgerEntryKindEnum = graphene.Enum(
    "VendorLedgerEntryKindEnum", [(kind.name, kind.value) for kind in models.LedgerEntryKind]
)


def _money(description: str, required: bool = True) -> graphene.Field:
    return graphene.Field(Money, required=required, description=description)


def _taxed(description: str) -> graphene.Field:
    return graphene.Field(TaxedMoney, required=True, description=description)


# --- Loading relations for a page of orders ---------------------------------------------------


def order_lines(order: models.Order) -> list[models.OrderLine]:
    return batch_related(order, "lines", queryset=models.OrderLine.objects.order_by("pk"))


def order_booth_orders(order: models.Order) -> list[models.BoothOrder]:
    return batch_related(
        order,
        "booth_orders",
        queryset=models.BoothOrder.objects.select_related("booth").order_by("pk"),
    )


def order_payments(order: models.Order) -> list[models.OrderPayment]:
    return batch_related(order, "payments")


def booth_order_lines(booth_order: models.BoothOrder) -> list[models.OrderLine]:
    return batch_related(booth_order, "lines", queryset=models.OrderLine.objects.order_by("pk"))


def _refunded(order: models.Order) -> int:
    return sum(p.amount for p in order_payments(order) if p.kind == models.PaymentKind.REFUND)


def payment_status(order: models.Order) -> PaymentChargeStatusEnum:
    """Saleor's older payment status, worked out from what the order received and paid back."""
    refunded = _refunded(order)
    charged = order.total_charged_amount
    if refunded and charged <= 0:
        return PaymentChargeStatusEnum.FULLY_REFUNDED
    if refunded:
        return PaymentChargeStatusEnum.PARTIALLY_REFUNDED
    if order.charge_status in (models.ChargeStatus.FULL, models.ChargeStatus.OVERCHARGED):
        return PaymentChargeStatusEnum.FULLY_CHARGED
    if order.charge_status == models.ChargeStatus.PARTIAL:
        return PaymentChargeStatusEnum.PARTIALLY_CHARGED
    if order.status == models.OrderStatus.CANCELED:
        return PaymentChargeStatusEnum.CANCELLED
    return PaymentChargeStatusEnum.NOT_CHARGED


def _priced(code: str, price: int) -> PricedDeliveryMethod | None:
    method = delivery_method(code)
    return PricedDeliveryMethod(method, price) if method else None


# --- Lines and fulfilments --------------------------------------------------------------------


class OrderLine(MetadataResolvers, graphene.ObjectType):
    id = graphene.ID(required=True)
    product_name = graphene.String(required=True, description="The name of the product.")
    variant_name = graphene.String(required=True, description="The name of the variant.")
    product_sku = graphene.String(description="The SKU of the product.")
    product_variant_id = graphene.String(description="The ID of the product variant.")
    is_shipping_required = graphene.Boolean(
        required=True, description="Whether the product variant requires shipping."
    )
    quantity = graphene.Int(required=True, description="Number of variant items ordered.")
    quantity_fulfilled = graphene.Int(
        required=True, description="Number of variant items fulfilled (shipped)."
    )
    quantity_to_fulfill = graphene.Int(
        required=True, description="A quantity of items remaining to be fulfilled."
    )
    tax_rate = graphene.Float(required=True, description="Rate of tax applied on product variant.")
    thumbnail = graphene.Field(
        Image,
        size=graphene.Int(description="Size of the image."),
        format=graphene.Argument(
            ThumbnailFormatEnum,
            default_value=ThumbnailFormatEnum.ORIGINAL.value,
            description="The format of the image.",
        ),
        description="The main thumbnail for the ordered product.",
    )
    unit_price = _taxed("Price of the single item in the order line.")
    undiscounted_unit_price = _taxed(
        "Price of the single item in the order line without discounts."
    )
    unit_discount = _money("Price of the order line discount (none).")
    unit_discount_value = graphene.Float(required=True, description="Value of the discount.")
    unit_discount_reason = graphene.String(description="Reason for any discounts.")
    total_price = _taxed("Price of the order line.")
    undiscounted_total_price = _taxed("Price of the order line without discounts.")
    is_price_overridden = graphene.Boolean(description="Whether the line price was overridden.")
    price_override_reason = graphene.String(description="Reason for a price override.")
    variant = graphene.Field(
        ProductVariant,
        description="A purchased product variant; null when the variant was deleted since.",
    )
    translated_product_name = graphene.String(
        required=True, description="Product name in the customer's language."
    )
    translated_variant_name = graphene.String(
        required=True, description="Variant name in the customer's language."
    )
    voucher_code = graphene.String(description="Voucher code that was used for this order line.")
    is_gift = graphene.Boolean(description="Determine if the line is a gift.")
    vendor = graphene.Field(Vendor, description="The booth that sends this line (marketplace).")

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = "Represents order line of particular order."

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        return isinstance(root, models.OrderLine)

    @staticmethod
    def resolve_id(root: models.OrderLine, info):
        return to_global_id("OrderLine", root.pk)

    @staticmethod
    def resolve_product_variant_id(root: models.OrderLine, info):
        return to_global_id("ProductVariant", root.variant_id) if root.variant_id else None

    @staticmethod
    def resolve_is_shipping_required(root, info):
        return True

    @staticmethod
    def resolve_quantity_fulfilled(root: models.OrderLine, info):
        booth_order = batch_related_one(root, "booth_order")
        shipped = booth_order.status in (
            models.BoothOrderStatus.SHIPPED,
            models.BoothOrderStatus.DELIVERED,
        )
        return root.quantity if shipped else 0

    @staticmethod
    def resolve_quantity_to_fulfill(root: models.OrderLine, info):
        booth_order = batch_related_one(root, "booth_order")
        return root.quantity if booth_order.status == models.BoothOrderStatus.UNFULFILLED else 0

    @staticmethod
    def resolve_tax_rate(root, info):
        return 0.0

    @staticmethod
    def resolve_thumbnail(root: models.OrderLine, info, size=None, format=None):
        variant = batch_related_one(root, "variant")
        if variant is None:
            return None
        product = batch_related_one(variant, "product")
        return ProductType.resolve_thumbnail(product, info, size=size, format=format)

    @staticmethod
    def resolve_unit_price(root: models.OrderLine, info):
        return root.unit_price_amount

    resolve_undiscounted_unit_price = resolve_unit_price

    @staticmethod
    def resolve_unit_discount(root, info):
        return 0

    @staticmethod
    def resolve_unit_discount_value(root, info):
        return 0.0

    @staticmethod
    def resolve_total_price(root: models.OrderLine, info):
        return root.total_price_amount

    resolve_undiscounted_total_price = resolve_total_price

    @staticmethod
    def resolve_is_price_overridden(root, info):
        return False

    @staticmethod
    def resolve_variant(root: models.OrderLine, info):
        return batch_related_one(root, "variant")

    @staticmethod
    def resolve_translated_product_name(root: models.OrderLine, info):
        return root.product_name

    @staticmethod
    def resolve_translated_variant_name(root: models.OrderLine, info):
        return root.variant_name

    @staticmethod
    def resolve_is_gift(root, info):
        return False

    @staticmethod
    def resolve_vendor(root: models.OrderLine, info):
        return batch_related_one(batch_related_one(root, "booth_order"), "booth")

    @staticmethod
    def resolve_metadata(root, info):
        return []

    @staticmethod
    def resolve_metafield(root, info, key):
        return None

    @staticmethod
    def resolve_metafields(root, info, keys=None):
        return {}


class FulfillmentLine(graphene.ObjectType):
    id = graphene.ID(required=True)
    quantity = graphene.Int(
        required=True, description="The number of items included in the fulfillment line."
    )
    order_line = graphene.Field(
        OrderLine, description="The order line to which the fulfillment line is related."
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents line of the fulfillment."

    @staticmethod
    def resolve_id(root: models.OrderLine, info):
        return to_global_id("FulfillmentLine", root.pk)

    @staticmethod
    def resolve_quantity(root: models.OrderLine, info):
        return root.quantity

    @staticmethod
    def resolve_order_line(root: models.OrderLine, info):
        return root


class Fulfillment(MetadataResolvers, graphene.ObjectType):
    id = graphene.ID(required=True)
    fulfillment_order = graphene.Int(
        required=True, description="Sequence in which the fulfillments were created for an order."
    )
    status = graphene.Field(FulfillmentStatus, required=True, description="Status of fulfillment.")
    tracking_number = graphene.String(required=True, description="Fulfillment tracking number.")
    created = graphene.DateTime(
        required=True, description="Date and time when fulfillment was created."
    )
    lines = graphene.List(
        graphene.NonNull(FulfillmentLine), description="List of lines for fulfillment."
    )
    status_display = graphene.String(description="User-friendly fulfillment status.")
    vendor = graphene.Field(Vendor, description="The booth that sent this parcel (marketplace).")
    delivered = graphene.DateTime(description="When the parcel was delivered (marketplace).")

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = "Represents order fulfillment: one booth's parcel, once shipped."

    @staticmethod
    def resolve_id(root: models.BoothOrder, info):
        return to_global_id("Fulfillment", root.pk)

    @staticmethod
    def resolve_fulfillment_order(root: models.BoothOrder, info):
        return getattr(root, "_fulfillment_order", 1)

    @staticmethod
    def resolve_status(root, info):
        return FulfillmentStatus.FULFILLED

    @staticmethod
    def resolve_created(root: models.BoothOrder, info):
        return root.shipped_at

    @staticmethod
    def resolve_lines(root: models.BoothOrder, info):
        return booth_order_lines(root)

    @staticmethod
    def resolve_status_display(root: models.BoothOrder, info):
        return root.get_status_display()

    @staticmethod
    def resolve_vendor(root: models.BoothOrder, info):
        return root.booth

    @staticmethod
    def resolve_delivered(root: models.BoothOrder, info):
        return root.delivered_at

    @staticmethod
    def resolve_metadata(root, info):
        return []

    @staticmethod
    def resolve_metafield(root, info, key):
        return None

    @staticmethod
    def resolve_metafields(root, info, keys=None):
        return {}


# --- A booth's part of an order ---------------------------------------------------------------


def _sees_money_of(user, booth_order: models.BoothOrder) -> bool:
    return can(user, Action.LEDGER_VIEW, booth_order.booth_id)


class VendorOrder(graphene.ObjectType):
    id = graphene.ID(required=True)
    number = graphene.String(required=True, description="Order number and booth: `1042-7`.")
    order_number = graphene.String(required=True, description="The shopper's order number.")
    created = graphene.DateTime(required=True, description="When the order was placed.")
    status = graphene.Field(
        VendorOrderStatusEnum, required=True, description="Where the parcel is."
    )
    vendor = graphene.Field(Vendor, required=True, description="The booth that sends the parcel.")
    lines = graphene.NonNull(
        graphene.List(graphene.NonNull(OrderLine)), description="What goes in the parcel."
    )
    shipping_address = graphene.Field(
        Address, description="Where the parcel goes: name, street, ward, province and phone."
    )
    delivery_method = graphene.Field(
        ShippingMethod, description="How the parcel travels, with this parcel's price."
    )
    customer_note = graphene.String(required=True, description="The shopper's note.")
    subtotal = _money("The goods in the parcel.")
    shipping_price = _money("The shipping price of this parcel.")
    total = _money("Goods and shipping of this parcel.")
    commission_rate = graphene.Float(
        description="Platform commission in percent (the booth's owners and managers, staff)."
    )
    commission = _money("The platform's commission (owners, managers, staff).", required=False)
    booth_share = _money("What the booth earns (owners, managers, staff).", required=False)
    payment_gateway = graphene.String(required=True, description="`cod` or `stripe`.")
    is_paid = graphene.Boolean(required=True, description="Whether this parcel is paid for.")
    amount_to_collect = _money(
        "Cash on delivery: what the courier or the booth collects from the shopper (0 once paid)."
    )
    cash_confirmed_at = graphene.DateTime(description="When the cash was confirmed.")
    tracking_number = graphene.String(required=True)
    shipped_at = graphene.DateTime()
    delivered_at = graphene.DateTime()
    canceled_at = graphene.DateTime()
    cancel_reason = graphene.String(required=True)

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = (
            "One booth's part of an order: its lines, its parcel and its fulfilment "
            "(UNFULFILLED -> SHIPPED with a tracking number -> DELIVERED, or CANCELED)."
        )

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        return isinstance(root, models.BoothOrder)

    @staticmethod
    def resolve_id(root: models.BoothOrder, info):
        return to_global_id("VendorOrder", root.pk)

    @staticmethod
    def resolve_status(root: models.BoothOrder, info):
        return str(root.status)

    @staticmethod
    def resolve_order_number(root: models.BoothOrder, info):
        return str(root.order_id)

    @staticmethod
    def resolve_created(root: models.BoothOrder, info):
        return root.order.created_at

    @staticmethod
    def resolve_vendor(root: models.BoothOrder, info):
        return root.booth

    @staticmethod
    def resolve_lines(root: models.BoothOrder, info):
        return booth_order_lines(root)

    @staticmethod
    def resolve_shipping_address(root: models.BoothOrder, info):
        return root.order.shipping_address

    @staticmethod
    def resolve_delivery_method(root: models.BoothOrder, info):
        return _priced(root.order.delivery_method, root.shipping_amount)

    @staticmethod
    def resolve_customer_note(root: models.BoothOrder, info):
        return root.order.customer_note

    @staticmethod
    def resolve_subtotal(root: models.BoothOrder, info):
        return root.subtotal_amount

    @staticmethod
    def resolve_shipping_price(root: models.BoothOrder, info):
        return root.shipping_amount

    @staticmethod
    def resolve_total(root: models.BoothOrder, info):
        return root.total_amount

    @staticmethod
    def resolve_commission_rate(root: models.BoothOrder, info):
        if not _sees_money_of(info.context.user, root):
            return None
        return float(root.commission_rate)

    @staticmethod
    def resolve_commission(root: models.BoothOrder, info):
        return root.commission_amount if _sees_money_of(info.context.user, root) else None

    @staticmethod
    def resolve_booth_share(root: models.BoothOrder, info):
        return root.booth_share_amount if _sees_money_of(info.context.user, root) else None

    @staticmethod
    def resolve_payment_gateway(root: models.BoothOrder, info):
        return root.order.payment_gateway

    @staticmethod
    def resolve_is_paid(root: models.BoothOrder, info):
        if root.order.payment_gateway == COD_GATEWAY_ID:
            return root.cash_confirmed_at is not None
        return root.order.is_paid

    @staticmethod
    def resolve_amount_to_collect(root: models.BoothOrder, info):
        cod = root.order.payment_gateway == COD_GATEWAY_ID
        open_ = root.status != models.BoothOrderStatus.CANCELED and root.cash_confirmed_at is None
        return root.total_amount if cod and open_ else 0


class VendorOrderCountableConnection(CountableConnection):
    class Meta:
        node = VendorOrder
        strict_types = True


# --- The shopper's order ----------------------------------------------------------------------


class Order(MetadataResolvers, graphene.ObjectType):
    id = graphene.ID(required=True)
    created = graphene.DateTime(
        required=True, description="Date and time when the order was created."
    )
    updated_at = graphene.DateTime(
        required=True, description="Time of last modification of the given order."
    )
    status = graphene.Field(OrderStatusEnum, required=True, description="Status of the order.")
    user = graphene.Field(User, description="User who placed the order.")
    billing_address = graphene.Field(Address, description="Billing address.")
    shipping_address = graphene.Field(Address, description="Shipping address.")
    shipping_method_name = graphene.String(description="Method used for shipping.")
    collection_point_name = graphene.String(description="Name of the collection point (none).")
    channel = graphene.Field(Channel, required=True)
    fulfillments = graphene.NonNull(
        graphene.List(graphene.NonNull(Fulfillment)),
        description="List of shipments for the order: each booth's parcel once it shipped.",
    )
    lines = graphene.NonNull(
        graphene.List(graphene.NonNull(OrderLine)), description="List of order lines."
    )
    number = graphene.String(required=True, description="User-friendly number of an order.")
    origin = graphene.Field(OrderOriginEnum, required=True, description="The order origin.")
    is_paid = graphene.Boolean(required=True, description="Informs if an order is fully paid.")
    payment_status = graphene.Field(
        PaymentChargeStatusEnum, required=True, description="Internal payment status."
    )
    payment_status_display = graphene.String(
        required=True, description="User-friendly payment status."
    )
    authorize_status = graphene.Field(
        OrderAuthorizeStatusEnum, required=True, description="The authorize status of the order."
    )
    charge_status = graphene.Field(
        OrderChargeStatusEnum, required=True, description="The charge status of the order."
    )
    tax_exemption = graphene.Boolean(
        required=True, description="Returns True if order has to be exempt from taxes."
    )
    total = _taxed("Total amount of the order (sub-orders not canceled).")
    undiscounted_total = _taxed("Undiscounted total amount of the order.")
    shipping_method = graphene.Field(
        ShippingMethod, deprecation_reason="Use `deliveryMethod` instead."
    )
    undiscounted_shipping_price = _money("Undiscounted total price of shipping.")
    shipping_price = _taxed("Total price of shipping: every booth's parcel.")
    shipping_tax_rate = graphene.Float(required=True, description="The shipping tax rate value.")
    token = graphene.String(required=True, deprecation_reason="Use `id` instead.")
    voucher = graphene.Field(Voucher)
    voucher_code = graphene.String(description="Voucher code that was used for Order.")
    gift_cards = graphene.NonNull(
        graphene.List(graphene.NonNull(GiftCard)), description="List of user gift cards."
    )
    customer_note = graphene.String(
        required=True,
        description="Additional information provided by the customer about the order.",
    )
    subtotal = _taxed("The sum of line prices not including shipping.")
    status_display = graphene.String(required=True, description="User-friendly order status.")
    can_finalize = graphene.Boolean(
        required=True, description="Informs whether a draft order can be finalized."
    )
    total_authorized = _money("Amount authorized for the order.")
    total_captured = graphene.Field(
        Money, required=True, deprecation_reason="Use `totalCharged` instead."
    )
    total_charged = _money("Amount charged for the order, less refunds.")
    total_canceled = _money("Amount canceled for the order.")
    total_refunded = _money("Total refund amount for the order.")
    total_balance = _money("The difference between the total charged and the total of the order.")
    user_email = graphene.String(description="Email address of the customer.")
    is_shipping_required = graphene.Boolean(
        required=True, description="Returns True, if order requires shipping."
    )
    delivery_method = graphene.Field(
        DeliveryMethod, description="The delivery method selected for this order."
    )
    language_code = graphene.String(
        required=True,
        deprecation_reason="Use the `languageCodeEnum` field to fetch the language code.",
    )
    language_code_enum = graphene.Field(
        LanguageCodeEnum, required=True, description="Order language code."
    )
    discount = graphene.Field(Money, deprecation_reason="Use the `discounts` field instead.")
    discount_name = graphene.String(deprecation_reason="Use the `discounts` field instead.")
    translated_discount_name = graphene.String(
        deprecation_reason="Use the `discounts` field instead."
    )
    discounts = graphene.NonNull(
        graphene.List(graphene.NonNull(OrderDiscount)),
        description="List of all discounts assigned to the order.",
    )
    display_gross_prices = graphene.Boolean(
        required=True, description="Determines whether displayed prices should include taxes."
    )
    checkout_id = graphene.ID(description="ID of the checkout that the order was created from.")
    payment_gateway = graphene.String(
        required=True, description="How the order is paid: `cod` (cash on delivery) or `stripe`."
    )
    vendor_orders = graphene.NonNull(
        graphene.List(graphene.NonNull(VendorOrder)),
        description="The order split by booth: each booth's parcel and where it is (marketplace).",
    )
    if transaction_item_type() is not None:
        transactions = graphene.NonNull(
            graphene.List(graphene.NonNull(transaction_item_type())),
            description="List of transactions for the order.",
        )

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = "Represents an order in the shop: one for the shopper, whatever the booths."

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        return isinstance(root, models.Order)

    @staticmethod
    def resolve_id(root: models.Order, info):
        return to_global_id("Order", root.token)

    @staticmethod
    def resolve_created(root: models.Order, info):
        return root.created_at

    # Plain values: graphene reads a Django choice member as a member of its own enum.
    @staticmethod
    def resolve_status(root: models.Order, info):
        return str(root.status)

    @staticmethod
    def resolve_charge_status(root: models.Order, info):
        return str(root.charge_status)

    @staticmethod
    def resolve_authorize_status(root: models.Order, info):
        return str(root.authorize_status)

    @staticmethod
    def resolve_user(root: models.Order, info):
        if not can_see_billing(info.context.user, root):
            return None
        return batch_related_one(root, "user")

    @staticmethod
    def resolve_billing_address(root: models.Order, info):
        return root.billing_address if can_see_billing(info.context.user, root) else None

    @staticmethod
    def resolve_shipping_method_name(root: models.Order, info):
        return root.delivery_method_name

    @staticmethod
    def resolve_collection_point_name(root, info):
        return None

    @staticmethod
    def resolve_fulfillments(root: models.Order, info):
        shipped = []
        for booth_order in order_booth_orders(root):
            if (
                booth_order.shipped_at is not None
                and booth_order.status != models.BoothOrderStatus.CANCELED
            ):
                booth_order._fulfillment_order = len(shipped) + 1
                shipped.append(booth_order)
        return sorted(shipped, key=lambda b: (b.shipped_at, b.pk))

    @staticmethod
    def resolve_lines(root: models.Order, info):
        return order_lines(root)

    @staticmethod
    def resolve_number(root: models.Order, info):
        return root.number

    @staticmethod
    def resolve_origin(root, info):
        return OrderOriginEnum.CHECKOUT

    @staticmethod
    def resolve_is_paid(root: models.Order, info):
        return root.is_paid

    @staticmethod
    def resolve_payment_status(root: models.Order, info):
        return payment_status(root)

    @staticmethod
    def resolve_payment_status_display(root: models.Order, info):
        return PAYMENT_STATUS_DISPLAY.get(payment_status(root), "Not charged")

    @staticmethod
    def resolve_tax_exemption(root, info):
        return False

    @staticmethod
    def resolve_total(root: models.Order, info):
        return root.total_amount

    resolve_undiscounted_total = resolve_total

    @staticmethod
    def resolve_shipping_method(root: models.Order, info):
        return _priced(root.delivery_method, root.shipping_amount)

    resolve_delivery_method = resolve_shipping_method

    @staticmethod
    def resolve_shipping_price(root: models.Order, info):
        return root.shipping_amount

    resolve_undiscounted_shipping_price = resolve_shipping_price

    @staticmethod
    def resolve_shipping_tax_rate(root, info):
        return 0.0

    @staticmethod
    def resolve_token(root: models.Order, info):
        return str(root.token)

    @staticmethod
    def resolve_gift_cards(root, info):
        return []

    @staticmethod
    def resolve_subtotal(root: models.Order, info):
        return root.subtotal_amount

    @staticmethod
    def resolve_status_display(root: models.Order, info):
        return root.get_status_display()

    @staticmethod
    def resolve_can_finalize(root, info):
        return False

    @staticmethod
    def resolve_total_authorized(root: models.Order, info):
        return 0

    @staticmethod
    def resolve_total_charged(root: models.Order, info):
        return root.total_charged_amount

    resolve_total_captured = resolve_total_charged

    @staticmethod
    def resolve_total_canceled(root, info):
        return 0

    @staticmethod
    def resolve_total_refunded(root: models.Order, info):
        return _refunded(root)

    @staticmethod
    def resolve_total_balance(root: models.Order, info):
        return root.total_charged_amount - root.total_amount

    @staticmethod
    def resolve_user_email(root: models.Order, info):
        return root.user_email if can_see_billing(info.context.user, root) else None

    @staticmethod
    def resolve_is_shipping_required(root, info):
        return True

    @staticmethod
    def resolve_language_code_enum(root: models.Order, info):
        return (root.language_code or "vi").replace("-", "_").lower()

    @staticmethod
    def resolve_discount(root, info):
        return None

    @staticmethod
    def resolve_discounts(root, info):
        return []

    @staticmethod
    def resolve_display_gross_prices(root, info):
        return True

    @staticmethod
    def resolve_checkout_id(root: models.Order, info):
        return to_global_id("Checkout", root.checkout_token) if root.checkout_token else None

    @staticmethod
    def resolve_vendor_orders(root: models.Order, info):
        booth_orders = order_booth_orders(root)
        for booth_order in booth_orders:
            booth_order.order = root
        return booth_orders

    @staticmethod
    def resolve_transactions(root: models.Order, info):
        from marketplace.payments.models import TransactionItem

        return list(TransactionItem.objects.filter(order=root).order_by("pk"))


class OrderCountableConnection(CountableConnection):
    class Meta:
        node = Order
        strict_types = True


# --- Ledger -----------------------------------------------------------------------------------


class VendorLedgerEntry(graphene.ObjectType):
    id = graphene.ID(required=True)
    kind = graphene.Field(VendorLedgerEntryKindEnum, required=True)
    created = graphene.DateTime(required=True)
    vendor_order = graphene.Field(VendorOrder, description="The sub-order it concerns.")
    gross = _money("The sub-order's total (goods and shipping); negative for a cancellation.")
    commission = _money("The platform's commission on it.")
    amount = _money(
        "What the entry adds to what the platform owes the booth (negative: subtracts)."
    )
    payout_reference = graphene.String(description="Bank transfer reference of a payout.")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "One movement of a booth's account with the platform."

    @staticmethod
    def resolve_id(root: models.LedgerEntry, info):
        return to_global_id("VendorLedgerEntry", root.pk)

    @staticmethod
    def resolve_kind(root: models.LedgerEntry, info):
        return str(root.kind)

    @staticmethod
    def resolve_created(root: models.LedgerEntry, info):
        return root.created_at

    @staticmethod
    def resolve_vendor_order(root: models.LedgerEntry, info):
        return root.booth_order

    @staticmethod
    def resolve_gross(root: models.LedgerEntry, info):
        return root.gross_amount

    @staticmethod
    def resolve_commission(root: models.LedgerEntry, info):
        return root.commission_amount

    @staticmethod
    def resolve_payout_reference(root: models.LedgerEntry, info):
        return root.payout.reference if root.payout_id else None


class VendorLedgerEntryCountableConnection(CountableConnection):
    class Meta:
        node = VendorLedgerEntry
        strict_types = True


class VendorPayout(graphene.ObjectType):
    id = graphene.ID(required=True)
    vendor = graphene.Field(Vendor, required=True)
    amount = _money("What was transferred.")
    reference = graphene.String(required=True, description="The bank transfer reference.")
    paid_at = graphene.Date(required=True, description="The day of the transfer.")
    note = graphene.String(required=True)
    created = graphene.DateTime(required=True)

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "A bank transfer from the platform to a booth, recorded by staff."

    @staticmethod
    def resolve_id(root: models.Payout, info):
        return to_global_id("VendorPayout", root.pk)

    @staticmethod
    def resolve_vendor(root: models.Payout, info):
        return root.booth

    @staticmethod
    def resolve_created(root: models.Payout, info):
        return root.created_at


class VendorLedger(graphene.ObjectType):
    vendor = graphene.Field(Vendor, required=True)
    balance = _money(
        "What the platform owes the booth (negative: commission the booth owes on cash it "
        "collected)."
    )
    pending = _money("The part of the balance from parcels not yet delivered and paid.")
    available = _money("What staff may pay out now: the balance less the pending part.")
    sales = _money("Goods and shipping sold, cancellations deducted.")
    commission = _money("The platform's commission on those sales.")
    paid_out = _money("What staff transferred to the booth.")
    entries = graphene.Field(
        VendorLedgerEntryCountableConnection,
        first=graphene.Int(),
        after=graphene.String(),
        last=graphene.Int(),
        before=graphene.String(),
        required=True,
        description="The movements, newest first.",
    )

    class Meta:
        description = (
            "A booth's account with the platform (marketplace): commission on each parcel at "
            "the booth's rate, cash it collected, payouts. Whole dong."
        )

    @staticmethod
    def resolve_vendor(root, info):
        return root.booth

    @staticmethod
    def _balance(root) -> LedgerBalance:
        if root.balance is None:
            root.balance = ledger_balance(root.booth)
        return root.balance

    @staticmethod
    def resolve_balance(root, info):
        return VendorLedger._balance(root).balance

    @staticmethod
    def resolve_pending(root, info):
        return VendorLedger._balance(root).pending

    @staticmethod
    def resolve_available(root, info):
        return VendorLedger._balance(root).available

    @staticmethod
    def resolve_sales(root, info):
        return VendorLedger._balance(root).sales

    @staticmethod
    def resolve_commission(root, info):
        return VendorLedger._balance(root).commission

    @staticmethod
    def resolve_paid_out(root, info):
        return VendorLedger._balance(root).paid_out

    @staticmethod
    def resolve_entries(root, info, **page):
        from marketplace.graphql.core.connection import paginate
        from marketplace.orders.selectors import ledger_entries

        entries = ledger_entries(root.booth).prefetch_related(
            Prefetch("booth_order__order"), Prefetch("booth_order__booth")
        )
        return paginate(entries, VendorLedgerEntryCountableConnection, info, required=False, **page)


class LedgerRoot:
    """The booth whose ledger is shown, and its balance once computed."""

    def __init__(self, booth):
        self.booth = booth
        self.balance: LedgerBalance | None = None
