"""Checkout types of the storefront API, in Saleor 3's shapes.

Money is whole dong; prices include VAT (net = gross, tax 0). A checkout's lines come from any
number of booths; `shippingPrice` is the sum of each booth's parcel price (see
`marketplace.checkout.delivery`).
"""

from __future__ import annotations

from dataclasses import dataclass

import graphene
from django.apps import apps

from marketplace.accounts.graphql.types import Address, User
from marketplace.catalog.graphql.types import ProductVariant
from marketplace.catalog.selectors import quantity_available
from marketplace.channels.graphql import Channel
from marketplace.checkout import selectors
from marketplace.checkout.delivery import DeliveryMethod as DeliveryMethodValue
from marketplace.checkout.errors import CheckoutErrorCode as CheckoutErrorCodes
from marketplace.checkout.graphql.promotions import GiftCard, Voucher
from marketplace.checkout.models import Checkout as CheckoutModel
from marketplace.core.ids import to_global_id
from marketplace.graphql.core.metadata import MetadataResolvers, ObjectWithMetadata
from marketplace.graphql.core.types import LanguageCodeEnum, Money, TaxedMoney
from marketplace.payments.gateways.base import PaymentGateway as PaymentGatewayValue
from marketplace.payments.registry import available_gateways

CheckoutErrorCode = graphene.Enum.from_enum(CheckoutErrorCodes)


def _address_type_enum():
    from marketplace.accounts.graphql.types import AddressTypeEnum as AccountAddressType

    return AccountAddressType


class CheckoutError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` indicates that "
        "the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(CheckoutErrorCode, required=True, description="The error code.")
    variants = graphene.List(
        graphene.NonNull(graphene.ID), description="List of varint IDs which causes the error."
    )
    lines = graphene.List(
        graphene.NonNull(graphene.ID), description="List of line Ids which cause the error."
    )
    address_type = graphene.Field(
        _address_type_enum, description="A type of address that causes the error."
    )

    class Meta:
        description = "Represents errors in checkout mutations."


def payments_installed() -> bool:
    return apps.is_installed("marketplace.payments")


def transaction_item_type():
    """The card payments' `TransactionItem` type, when the payments app provides it."""
    if not payments_installed():
        return None
    try:
        from marketplace.payments.graphql import TransactionItem
    except ImportError:
        return None
    return TransactionItem


# --- Payment gateways -------------------------------------------------------------------------


class GatewayConfigLine(graphene.ObjectType):
    field = graphene.String(required=True, description="Gateway config key.")
    value = graphene.String(description="Gateway config value for key.")

    class Meta:
        description = "Payment gateway client configuration key and value pair."


class PaymentGateway(graphene.ObjectType):
    name = graphene.String(required=True, description="Payment gateway name.")
    id = graphene.ID(required=True, description="Payment gateway ID.")
    config = graphene.NonNull(
        graphene.List(graphene.NonNull(GatewayConfigLine)),
        description="Payment gateway client configuration.",
    )
    currencies = graphene.NonNull(
        graphene.List(graphene.NonNull(graphene.String)),
        description="Payment gateway supported currencies.",
    )

    class Meta:
        description = (
            "Available payment gateway backend with configuration necessary to setup client: "
            "cash on delivery (`cod`, the default) and cards through Stripe (`stripe`)."
        )

    @staticmethod
    def resolve_name(root: GatewayForCheckout, info):
        return str(root.gateway.name)

    @staticmethod
    def resolve_id(root: GatewayForCheckout, info):
        return root.gateway.id

    @staticmethod
    def resolve_config(root: GatewayForCheckout, info):
        return root.gateway.config(channel=root.channel, checkout=root.checkout)

    @staticmethod
    def resolve_currencies(root: GatewayForCheckout, info):
        return list(root.gateway.currencies)


@dataclass
class GatewayForCheckout:
    gateway: PaymentGatewayValue
    channel: object
    checkout: CheckoutModel | None = None


def gateways_for(channel, checkout: CheckoutModel | None = None) -> list[GatewayForCheckout]:
    offered = available_gateways(checkout if checkout is not None else channel)
    return [GatewayForCheckout(gateway, channel, checkout) for gateway in offered]


# --- Delivery ---------------------------------------------------------------------------------


@dataclass
class PricedDeliveryMethod:
    """A delivery method with its price for one checkout or order (all parcels summed)."""

    method: DeliveryMethodValue
    price: int
    active: bool = True


class ShippingMethod(MetadataResolvers, graphene.ObjectType):
    id = graphene.ID(required=True, description="Unique ID of ShippingMethod available for Order.")
    name = graphene.String(required=True, description="Shipping method name.")
    description = graphene.JSONString(description="Shipping method description.")
    minimum_delivery_days = graphene.Int(description="Minimum delivery days.")
    maximum_delivery_days = graphene.Int(description="Maximum delivery days.")
    price = graphene.Field(
        Money,
        required=True,
        description="The price of the cheapest variant (including discounts): here, the sum of "
        "every booth's parcel.",
    )
    active = graphene.Boolean(
        required=True,
        description="Describes if this shipping method is active and can be selected.",
    )
    message = graphene.String(description="Message connected to this shipping method.")

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = (
            "Shipping methods that can be used as means of shipping for orders and checkouts: "
            "the platform's standard post or pick-up at the booth, priced per booth parcel."
        )

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        return isinstance(root, PricedDeliveryMethod)

    @staticmethod
    def resolve_id(root: PricedDeliveryMethod, info):
        return to_global_id("ShippingMethod", root.method.code)

    @staticmethod
    def resolve_name(root: PricedDeliveryMethod, info):
        return root.method.name

    @staticmethod
    def resolve_description(root: PricedDeliveryMethod, info):
        return {"blocks": [{"type": "paragraph", "data": {"text": root.method.description}}]}

    @staticmethod
    def resolve_minimum_delivery_days(root: PricedDeliveryMethod, info):
        return root.method.minimum_days

    @staticmethod
    def resolve_maximum_delivery_days(root: PricedDeliveryMethod, info):
        return root.method.maximum_days

    @staticmethod
    def resolve_price(root: PricedDeliveryMethod, info):
        return root.price

    @staticmethod
    def resolve_message(root: PricedDeliveryMethod, info):
        return None


class WarehouseClickAndCollectOptionEnum(graphene.Enum):
    DISABLED = "disabled"
    LOCAL = "local"
    ALL = "all"


class Warehouse(MetadataResolvers, graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    email = graphene.String(required=True)
    is_private = graphene.Boolean(required=True)
    address = graphene.Field(Address, required=True)
    company_name = graphene.String(required=True)
    click_and_collect_option = graphene.Field(WarehouseClickAndCollectOptionEnum, required=True)

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = (
            "Represents warehouse. The marketplace has no collection points: pick-up at the "
            "booth is a shipping method, since each booth hands over its own parcel."
        )


class DeliveryMethod(graphene.Union):
    class Meta:
        description = "Represents a delivery method chosen for the checkout."
        types = (Warehouse, ShippingMethod)


@dataclass
class DeliveryValue:
    priced: PricedDeliveryMethod


class Delivery(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the delivery.")
    shipping_method = graphene.Field(ShippingMethod, description="Shipping method.")

    class Meta:
        description = "Represents a delivery option: a shipping method with its price."

    @staticmethod
    def resolve_id(root: DeliveryValue, info):
        return to_global_id("Delivery", root.priced.method.code)

    @staticmethod
    def resolve_shipping_method(root: DeliveryValue, info):
        return root.priced


def priced_methods(checkout: CheckoutModel) -> list[PricedDeliveryMethod]:
    return [
        PricedDeliveryMethod(method, price)
        for method, price in selectors.available_delivery_methods(checkout)
    ]


def chosen_method(checkout: CheckoutModel) -> PricedDeliveryMethod | None:
    summary = selectors.checkout_summary(checkout)
    if summary.delivery_method is None:
        return None
    return PricedDeliveryMethod(summary.delivery_method, summary.shipping_price)


# --- Lines and problems -----------------------------------------------------------------------


class CheckoutLineProblemInsufficientStock(graphene.ObjectType):
    available_quantity = graphene.Int(description="Available quantity of a variant.")
    line = graphene.Field(lambda: CheckoutLine, required=True)
    variant = graphene.Field(ProductVariant, required=True)

    class Meta:
        description = "Indicates insufficient stock for a given checkout line."


class CheckoutLineProblemVariantNotAvailable(graphene.ObjectType):
    line = graphene.Field(lambda: CheckoutLine, required=True)

    class Meta:
        description = "The variant assigned to the checkout line is not available."


class CheckoutLineProblem(graphene.Union):
    class Meta:
        types = (CheckoutLineProblemInsufficientStock, CheckoutLineProblemVariantNotAvailable)


class CheckoutProblemDeliveryMethodStale(graphene.ObjectType):
    delivery = graphene.Field(Delivery, required=True)


class CheckoutProblemDeliveryMethodInvalid(graphene.ObjectType):
    delivery = graphene.Field(Delivery, required=True)


class CheckoutProblem(graphene.Union):
    class Meta:
        types = (
            CheckoutProblemDeliveryMethodStale,
            CheckoutProblemDeliveryMethodInvalid,
            CheckoutLineProblemInsufficientStock,
            CheckoutLineProblemVariantNotAvailable,
        )


def line_problems(info: selectors.LineInfo) -> list:
    line = info.line
    if info.unit_price is None:
        return [CheckoutLineProblemVariantNotAvailable(line=info)]
    variant = line.variant
    stock = getattr(variant, "stock", None) if variant.track_inventory else None
    available = quantity_available(variant, stock)
    if line.quantity > available:
        return [
            CheckoutLineProblemInsufficientStock(
                available_quantity=available, line=info, variant=variant
            )
        ]
    return []


class CheckoutLine(MetadataResolvers, graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the checkout line.")
    variant = graphene.Field(
        ProductVariant,
        required=True,
        description="The product variant from which the line was created.",
    )
    quantity = graphene.Int(
        required=True, description="The quantity of product variant assigned to the line."
    )
    unit_price = graphene.Field(
        TaxedMoney, required=True, description="The unit price of the checkout line."
    )
    undiscounted_unit_price = graphene.Field(
        Money, required=True, description="The unit price of the checkout line, without discounts."
    )
    prior_unit_price = graphene.Field(
        Money, description="The price a product was sold at before (none here)."
    )
    total_price = graphene.Field(
        TaxedMoney, required=True, description="The sum of the checkout line price."
    )
    undiscounted_total_price = graphene.Field(
        Money, required=True, description="The sum of the checkout line price, without discounts."
    )
    prior_total_price = graphene.Field(Money, description="Prior total price (none here).")
    requires_shipping = graphene.Boolean(
        required=True, description="Indicates whether the item need to be delivered."
    )
    problems = graphene.List(
        graphene.NonNull(CheckoutLineProblem),
        description="List of problems with the checkout line.",
    )
    is_gift = graphene.Boolean(description="Determine if the line is a gift (never here).")
    price_override_reason = graphene.String(description="Reason for a price override (none).")

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = "Represents an item in the checkout."

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        return isinstance(root, selectors.LineInfo)

    @staticmethod
    def resolve_id(root: selectors.LineInfo, info):
        return to_global_id("CheckoutLine", root.line.pk)

    @staticmethod
    def resolve_variant(root: selectors.LineInfo, info):
        return root.line.variant

    @staticmethod
    def resolve_quantity(root: selectors.LineInfo, info):
        return root.line.quantity

    @staticmethod
    def resolve_unit_price(root: selectors.LineInfo, info):
        return root.price

    resolve_undiscounted_unit_price = resolve_unit_price

    @staticmethod
    def resolve_prior_unit_price(root, info):
        return None

    @staticmethod
    def resolve_total_price(root: selectors.LineInfo, info):
        return root.total_price

    resolve_undiscounted_total_price = resolve_total_price
    resolve_prior_total_price = resolve_prior_unit_price

    @staticmethod
    def resolve_requires_shipping(root, info):
        return True

    @staticmethod
    def resolve_problems(root: selectors.LineInfo, info):
        return line_problems(root)

    @staticmethod
    def resolve_is_gift(root, info):
        return False

    @staticmethod
    def resolve_metadata(root, info):
        return []

    @staticmethod
    def resolve_metafield(root, info, key):
        return None

    @staticmethod
    def resolve_metafields(root, info, keys=None):
        return {}


# --- Checkout ---------------------------------------------------------------------------------


class CheckoutChargeStatusEnum(graphene.Enum):
    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"
    OVERCHARGED = "overcharged"


class CheckoutAuthorizeStatusEnum(graphene.Enum):
    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


def _payment_statuses(checkout: CheckoutModel) -> tuple[str, str, int]:
    """(charge status, authorize status, charged) of the checkout's payments; an empty checkout
    is NONE and NONE, as in Saleor."""
    from marketplace.checkout.complete import checkout_payments
    from marketplace.orders.services import charge_status_for

    cached = getattr(checkout, "_payment_statuses", None)
    if cached is not None:
        return cached
    charged, covered, _gateway = checkout_payments(checkout)
    summary = selectors.checkout_summary(checkout)
    total = summary.total
    if not summary.lines:
        charge, authorize = "none", "none"
    else:
        charge = str(charge_status_for(charged, total))
        authorize = "full" if covered >= total else "partial" if covered > 0 else "none"
    checkout._payment_statuses = (charge, authorize, charged)
    return checkout._payment_statuses


def _money(description: str, required: bool = True) -> graphene.Field:
    return graphene.Field(Money, required=required, description=description)


def _taxed(description: str) -> graphene.Field:
    return graphene.Field(TaxedMoney, required=True, description=description)


class Checkout(MetadataResolvers, graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the checkout.")
    created = graphene.DateTime(
        required=True, description="The date and time when the checkout was created."
    )
    updated_at = graphene.DateTime(
        required=True, description="Time of last modification of the given checkout."
    )
    last_change = graphene.DateTime(required=True, deprecation_reason="Use `updatedAt` instead.")
    user = graphene.Field(User, description="The user assigned to the checkout.")
    channel = graphene.Field(
        Channel, required=True, description="The channel for which checkout was created."
    )
    billing_address = graphene.Field(Address, description="The billing address of the checkout.")
    shipping_address = graphene.Field(Address, description="The shipping address of the checkout.")
    customer_note = graphene.String(
        required=True, description="The customer note for the checkout."
    )
    note = graphene.String(required=True, deprecation_reason="Use `customerNote` instead.")
    discount = _money("The total discount applied to the checkout (none here).", required=False)
    discount_name = graphene.String(description="The name of voucher assigned to the checkout.")
    translated_discount_name = graphene.String(description="Translation of the discountName field.")
    voucher = graphene.Field(Voucher, description="The voucher assigned to the checkout.")
    voucher_code = graphene.String(description="The code of voucher assigned to the checkout.")
    available_shipping_methods = graphene.NonNull(
        graphene.List(graphene.NonNull(ShippingMethod)),
        deprecation_reason="Use `shippingMethods` instead.",
    )
    shipping_methods = graphene.NonNull(
        graphene.List(graphene.NonNull(ShippingMethod)),
        description="Shipping methods that can be used with this checkout, each priced for all "
        "of its booths' parcels.",
    )
    available_collection_points = graphene.NonNull(
        graphene.List(graphene.NonNull(Warehouse)),
        description="Collection points that can be used for this order (none: pick-up at the "
        "booth is a shipping method).",
    )
    available_payment_gateways = graphene.NonNull(
        graphene.List(graphene.NonNull(PaymentGateway)),
        description="List of available payment gateways: cash on delivery first.",
    )
    email = graphene.String(description="Email of a customer.")
    gift_cards = graphene.NonNull(
        graphene.List(graphene.NonNull(GiftCard)),
        description="List of gift cards associated with this checkout (none here).",
    )
    is_shipping_required = graphene.Boolean(
        required=True, description="Returns True, if checkout requires shipping."
    )
    quantity = graphene.Int(required=True, description="The number of items purchased.")
    stock_reservation_expires = graphene.DateTime(
        description="Date when oldest stock reservation for this checkout expires (stock is "
        "promised only when the order is placed: always null)."
    )
    lines = graphene.NonNull(
        graphene.List(graphene.NonNull(CheckoutLine)),
        description="A list of checkout lines, each containing information about an item in "
        "the checkout.",
    )
    shipping_price = _taxed("The price of the shipping: the sum of every booth's parcel.")
    delivery = graphene.Field(Delivery, description="The delivery associated with the checkout.")
    shipping_method = graphene.Field(ShippingMethod, deprecation_reason="Use `delivery` instead.")
    delivery_method = graphene.Field(DeliveryMethod, deprecation_reason="Use `delivery` instead.")
    subtotal_price = _taxed("The price of the checkout before shipping.")
    tax_exemption = graphene.Boolean(
        required=True, description="Returns True if checkout has to be exempt from taxes."
    )
    token = graphene.UUID(required=True, description="The checkout's token.")
    total_price = _taxed("The sum of the checkout line prices, with all the shipping.")
    total_balance = _money("The difference between the paid and the checkout total amount.")
    language_code = graphene.Field(
        LanguageCodeEnum, required=True, description="Checkout language code."
    )
    display_gross_prices = graphene.Boolean(
        required=True, description="Determines whether displayed prices should include taxes."
    )
    authorize_status = graphene.Field(
        CheckoutAuthorizeStatusEnum,
        required=True,
        description="The authorize status of the checkout.",
    )
    charge_status = graphene.Field(
        CheckoutChargeStatusEnum, required=True, description="The charge status of the checkout."
    )
    problems = graphene.List(
        graphene.NonNull(CheckoutProblem), description="List of problems with the checkout."
    )
    vendor_count = graphene.Int(
        required=True, description="How many booths' parcels the checkout makes (marketplace)."
    )
    if transaction_item_type() is not None:
        transactions = graphene.List(
            graphene.NonNull(transaction_item_type()),
            description="List of transactions for the checkout.",
        )

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = "Checkout object."

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        return isinstance(root, CheckoutModel)

    @staticmethod
    def resolve_id(root: CheckoutModel, info):
        return to_global_id("Checkout", root.token)

    @staticmethod
    def resolve_created(root: CheckoutModel, info):
        return root.created_at

    @staticmethod
    def resolve_updated_at(root: CheckoutModel, info):
        return root.updated_at

    resolve_last_change = resolve_updated_at

    @staticmethod
    def resolve_note(root: CheckoutModel, info):
        return root.customer_note

    @staticmethod
    def resolve_discount(root, info):
        return 0

    @staticmethod
    def resolve_available_shipping_methods(root: CheckoutModel, info):
        return priced_methods(root)

    resolve_shipping_methods = resolve_available_shipping_methods

    @staticmethod
    def resolve_available_collection_points(root, info):
        return []

    @staticmethod
    def resolve_available_payment_gateways(root: CheckoutModel, info):
        return gateways_for(root.channel, root)

    @staticmethod
    def resolve_email(root: CheckoutModel, info):
        return root.email or None

    @staticmethod
    def resolve_gift_cards(root, info):
        return []

    @staticmethod
    def resolve_is_shipping_required(root, info):
        return True

    @staticmethod
    def resolve_quantity(root: CheckoutModel, info):
        return selectors.checkout_summary(root).quantity

    @staticmethod
    def resolve_lines(root: CheckoutModel, info):
        return selectors.checkout_summary(root).lines

    @staticmethod
    def resolve_shipping_price(root: CheckoutModel, info):
        return selectors.checkout_summary(root).shipping_price

    @staticmethod
    def resolve_delivery(root: CheckoutModel, info):
        chosen = chosen_method(root)
        return DeliveryValue(chosen) if chosen else None

    @staticmethod
    def resolve_shipping_method(root: CheckoutModel, info):
        return chosen_method(root)

    resolve_delivery_method = resolve_shipping_method

    @staticmethod
    def resolve_subtotal_price(root: CheckoutModel, info):
        return selectors.checkout_summary(root).subtotal

    @staticmethod
    def resolve_tax_exemption(root, info):
        return False

    @staticmethod
    def resolve_total_price(root: CheckoutModel, info):
        return selectors.checkout_total(root)

    @staticmethod
    def resolve_total_balance(root: CheckoutModel, info):
        return _payment_statuses(root)[2] - selectors.checkout_total(root)

    @staticmethod
    def resolve_language_code(root: CheckoutModel, info):
        return (root.language_code or "vi").replace("-", "_").lower()

    @staticmethod
    def resolve_display_gross_prices(root, info):
        return True

    @staticmethod
    def resolve_authorize_status(root: CheckoutModel, info):
        return _payment_statuses(root)[1]

    @staticmethod
    def resolve_charge_status(root: CheckoutModel, info):
        return _payment_statuses(root)[0]

    @staticmethod
    def resolve_problems(root: CheckoutModel, info):
        problems = []
        for line in selectors.checkout_summary(root).lines:
            problems.extend(line_problems(line))
        return problems

    @staticmethod
    def resolve_vendor_count(root: CheckoutModel, info):
        return len(selectors.checkout_summary(root).parcels)

    @staticmethod
    def resolve_transactions(root: CheckoutModel, info):
        from marketplace.payments.models import TransactionItem

        return list(TransactionItem.objects.filter(checkout=root).order_by("pk"))
