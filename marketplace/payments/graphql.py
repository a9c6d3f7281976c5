"""Saleor's Transactions API for card payments through Stripe, and refunds by staff.

A storefront calls `paymentGatewayInitialize(id: checkout)` to learn Stripe's publishable key,
`transactionInitialize(id: checkout, paymentGateway: {id: "stripe"})` to get a PaymentIntent's
client secret for Stripe.js, then `transactionProcess(id: transaction)` to confirm it. Staff who
manage orders refund with `transactionRequestAction(actionType: REFUND)` or `orderRefund`.
"""

import uuid
from decimal import Decimal

import graphene
from django.utils.translation import gettext as _
from graphql import GraphQLError, Undefined
from graphql.language import ast

from marketplace.catalog.graphql.mutations.common import PositiveDecimal, legacy_errors_field
from marketplace.checkout.selectors import checkout_by_global_id
from marketplace.core.errors import DomainError
from marketplace.core.ids import InvalidGlobalId, parse_global_id, to_global_id
from marketplace.core.money import vnd
from marketplace.core.permissions import Action, authorize
from marketplace.graphql.core.mutations import BaseMutation, error_type
from marketplace.graphql.core.types import Money
from marketplace.orders import selectors as order_selectors
from marketplace.orders.graphql.schema import tag_orders
from marketplace.orders.graphql.types import Order, OrderError
from marketplace.payments import services
from marketplace.payments.models import TransactionEvent as TransactionEventModel
from marketplace.payments.models import TransactionEventType
from marketplace.payments.models import TransactionItem as TransactionItemModel
from marketplace.payments.registry import available_gateways

# --- Scalars and enums --------------------------------------------------------------------


class JSON(graphene.Scalar):
    """Arbitrary JSON: objects, lists, strings, numbers, booleans and null."""

    @staticmethod
    def serialize(value):
        return value

    @classmethod
    def parse_literal(cls, node, _variables=None):
        if isinstance(node, ast.ObjectValueNode):
            return {item.name.value: cls.parse_literal(item.value) for item in node.fields}
        if isinstance(node, ast.ListValueNode):
            return [cls.parse_literal(value) for value in node.values]
        if isinstance(node, ast.IntValueNode):
            return int(node.value)
        if isinstance(node, ast.FloatValueNode):
            return Decimal(node.value)
        if isinstance(node, ast.StringValueNode | ast.EnumValueNode):
            return node.value
        if isinstance(node, ast.BooleanValueNode):
            return node.value
        if isinstance(node, ast.NullValueNode):
            return None
        return Undefined

    @staticmethod
    def parse_value(value):
        return value


TransactionEventTypeEnum = graphene.Enum(
    "TransactionEventTypeEnum", [(choice, choice) for choice in TransactionEventType.values]
)


class TransactionActionEnum(graphene.Enum):
    """Actions staff may take on a payment: REFUND is the one card payments offer."""

    CHARGE = "CHARGE"
    REFUND = "REFUND"
    CANCEL = "CANCEL"


class TransactionFlowStrategyEnum(graphene.Enum):
    """Whether a payment is only authorized or charged at once; card payments are charged."""

    AUTHORIZATION = "AUTHORIZATION"
    CHARGE = "CHARGE"


class PaymentGatewayInitializeErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"


class PaymentGatewayConfigErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"


class TransactionInitializeErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    UNIQUE = "UNIQUE"
    CHECKOUT_COMPLETION_IN_PROGRESS = "CHECKOUT_COMPLETION_IN_PROGRESS"


class TransactionProcessErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    TRANSACTION_ALREADY_PROCESSED = "TRANSACTION_ALREADY_PROCESSED"
    MISSING_PAYMENT_APP_RELATION = "MISSING_PAYMENT_APP_RELATION"
    MISSING_PAYMENT_APP = "MISSING_PAYMENT_APP"
    CHECKOUT_COMPLETION_IN_PROGRESS = "CHECKOUT_COMPLETION_IN_PROGRESS"


class TransactionRequestActionErrorCode(graphene.Enum):
    """Saleor's codes, and PERMISSION_DENIED for a refusal reported in `errors`."""

    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    NOT_FOUND = "NOT_FOUND"
    MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK = "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK"
    PERMISSION_DENIED = "PERMISSION_DENIED"


PaymentGatewayInitializeError = error_type(
    "PaymentGatewayInitializeError", PaymentGatewayInitializeErrorCode
)
PaymentGatewayConfigError = error_type("PaymentGatewayConfigError", PaymentGatewayConfigErrorCode)
TransactionInitializeError = error_type(
    "TransactionInitializeError", TransactionInitializeErrorCode
)
TransactionProcessError = error_type("TransactionProcessError", TransactionProcessErrorCode)
TransactionRequestActionError = error_type(
    "TransactionRequestActionError", TransactionRequestActionErrorCode
)


# --- Types --------------------------------------------------------------------------------


def _money_field(description: str) -> graphene.Field:
    return graphene.Field(Money, required=True, description=description)


class TransactionEvent(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the object.")
    created_at = graphene.DateTime(
        required=True, description="Date and time at which a transaction event was created."
    )
    psp_reference = graphene.String(required=True, description="PSP reference of transaction.")
    message = graphene.String(
        required=True, description="Message related to the transaction's event."
    )
    external_url = graphene.String(
        required=True,
        description="The url that will allow to redirect user to payment provider page with "
        "transaction details.",
    )
    amount = _money_field("The amount related to this event.")
    type = graphene.Field(
        TransactionEventTypeEnum, description="The type of action related to this event."
    )
    idempotency_key = graphene.String(description="Idempotency key assigned to the event.")

    class Meta:
        description = "Represents a transaction event."

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        return isinstance(root, TransactionEventModel)

    @staticmethod
    def resolve_id(root: TransactionEventModel, info):
        return to_global_id("TransactionEvent", root.pk)

    @staticmethod
    def resolve_type(root: TransactionEventModel, info):
        return TransactionEventType(root.type).value

    @staticmethod
    def resolve_external_url(root: TransactionEventModel, info):
        return ""

    @staticmethod
    def resolve_amount(root: TransactionEventModel, info):
        return root.amount

    @staticmethod
    def resolve_idempotency_key(root: TransactionEventModel, info):
        return root.idempotency_key or None


class TransactionItem(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the object.")
    token = graphene.UUID(required=True, description="The transaction token.")
    created_at = graphene.DateTime(
        required=True, description="Date and time at which payment transaction was created."
    )
    modified_at = graphene.DateTime(
        required=True, description="Date and time at which payment transaction was modified."
    )
    actions = graphene.List(
        graphene.NonNull(TransactionActionEnum),
        required=True,
        description="List of actions that can be performed in the current state of a payment.",
    )
    authorized_amount = _money_field("Total amount authorized for this payment.")
    authorize_pending_amount = _money_field(
        "Total amount of ongoing authorization requests for the transaction."
    )
    refunded_amount = _money_field("Total amount refunded for this payment.")
    refund_pending_amount = _money_field(
        "Total amount of ongoing refund requests for the transaction."
    )
    canceled_amount = _money_field("Total amount canceled for this payment.")
    cancel_pending_amount = _money_field(
        "Total amount of ongoing cancel requests for the transaction."
    )
    charged_amount = _money_field("Total amount charged for this payment, less refunds.")
    charge_pending_amount = _money_field(
        "Total amount of ongoing charge requests for the transaction."
    )
    name = graphene.String(required=True, description="Name of the transaction.")
    message = graphene.String(required=True, description="Message related to the transaction.")
    psp_reference = graphene.String(
        required=True, description="PSP reference of transaction (the Stripe PaymentIntent)."
    )
    events = graphene.List(
        graphene.NonNull(TransactionEvent),
        required=True,
        description="List of all transaction's events.",
    )
    external_url = graphene.String(
        required=True,
        description="The url that will allow to redirect user to payment provider page with "
        "transaction details.",
    )

    class Meta:
        description = (
            "Represents a payment transaction: one payment at a payment service, in whole dong."
        )

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        return isinstance(root, TransactionItemModel)

    @staticmethod
    def resolve_id(root: TransactionItemModel, info):
        return to_global_id("TransactionItem", root.token)

    @staticmethod
    def resolve_actions(root: TransactionItemModel, info):
        return [TransactionActionEnum.REFUND] if root.refundable > 0 else []

    @staticmethod
    def resolve_authorized_amount(root: TransactionItemModel, info):
        return root.authorized_value

    @staticmethod
    def resolve_authorize_pending_amount(root: TransactionItemModel, info):
        return 0

    @staticmethod
    def resolve_refunded_amount(root: TransactionItemModel, info):
        return root.refunded_value

    @staticmethod
    def resolve_refund_pending_amount(root: TransactionItemModel, info):
        return root.refund_pending_value

    @staticmethod
    def resolve_canceled_amount(root: TransactionItemModel, info):
        return root.canceled_value

    @staticmethod
    def resolve_cancel_pending_amount(root: TransactionItemModel, info):
        return 0

    @staticmethod
    def resolve_charged_amount(root: TransactionItemModel, info):
        return root.net_charged

    @staticmethod
    def resolve_charge_pending_amount(root: TransactionItemModel, info):
        return root.charge_pending_value

    @staticmethod
    def resolve_events(root: TransactionItemModel, info):
        return root.events.all()

    @staticmethod
    def resolve_external_url(root: TransactionItemModel, info):
        return ""


class PaymentGatewayConfig(graphene.ObjectType):
    id = graphene.String(required=True, description="The app identifier.")
    data = JSON(description="The JSON data required to initialize the payment gateway.")
    errors = graphene.List(graphene.NonNull(PaymentGatewayConfigError))


class PaymentGatewayToInitialize(graphene.InputObjectType):
    id = graphene.String(
        required=True, description="The identifier of the payment gateway app to initialize."
    )
    data = JSON(description="The data that will be passed to the payment gateway.")


# --- Arguments ----------------------------------------------------------------------------


def _checkout(global_id: str, user):
    """The checkout named by `global_id` (Saleor's `Checkout:<token>`), if `user` may use it."""
    checkout = checkout_by_global_id(global_id, user)
    if checkout is None:
        raise DomainError(
            _("Checkout not found."), code=services.PaymentErrorCode.NOT_FOUND, field="id"
        )
    return checkout


def _transaction(global_id: str | None, token: uuid.UUID | str | None) -> TransactionItemModel:
    """The transaction named by its ID (`TransactionItem:<token>`) or its token."""
    if global_id is None and token is None:
        raise DomainError(
            _("Give the transaction's id or token."),
            code=services.PaymentErrorCode.INVALID,
            field="id",
        )
    if global_id is not None:
        try:
            type_name, token = parse_global_id(global_id)
        except InvalidGlobalId as error:
            raise GraphQLError(str(error)) from error
        if type_name != "TransactionItem":
            raise GraphQLError(_("Must receive a TransactionItem id."))
    try:
        token = uuid.UUID(str(token))
    except ValueError:
        token = None
    item = TransactionItemModel.objects.filter(token=token).first() if token else None
    if item is None:
        raise DomainError(
            _("Transaction not found."),
            code=services.PaymentErrorCode.NOT_FOUND,
            field="token" if global_id is None else "id",
        )
    return item


def _amount(value: Decimal | None) -> int | None:
    """A PositiveDecimal argument as whole dong."""
    if value is None:
        return None
    try:
        amount = vnd(value)
    except (ValueError, ArithmeticError) as error:
        raise DomainError(
            _("Amounts are whole dong (VND has no minor unit)."),
            code=services.PaymentErrorCode.INVALID,
            field="amount",
        ) from error
    if amount <= 0:
        raise DomainError(
            _("The amount must be more than 0 ₫."),
            code=services.PaymentErrorCode.INVALID,
            field="amount",
        )
    return amount


# --- Mutations ----------------------------------------------------------------------------


class PaymentGatewayInitialize(BaseMutation):
    gateway_configs = graphene.List(
        graphene.NonNull(PaymentGatewayConfig),
        description="List of payment gateway configurations.",
    )

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout.")
        payment_gateways = graphene.List(
            graphene.NonNull(PaymentGatewayToInitialize),
            description="List of payment gateways to initialize; all offered when left out.",
        )
        amount = PositiveDecimal(
            description="The amount to pay; by default what is left to pay on the checkout."
        )

    class Meta:
        description = (
            "Initializes payment gateway sessions for a checkout: for Stripe, the publishable key "
            "Stripe.js needs."
        )
        error_type = PaymentGatewayInitializeError

    @classmethod
    def perform_mutation(cls, root, info, id, payment_gateways=None, amount=None):
        checkout = _checkout(id, info.context.user)
        _amount(amount)
        offered = {gateway.id: gateway for gateway in available_gateways(checkout)}
        requested = [gateway.id for gateway in payment_gateways or []] or list(offered)
        configs = []
        for gateway_id in requested:
            gateway = offered.get(gateway_id)
            if gateway is None:
                not_offered = PaymentGatewayConfigError(
                    field="id",
                    message=_("This payment gateway is not offered."),
                    code=PaymentGatewayConfigErrorCode.NOT_FOUND.value,
                )
                configs.append(PaymentGatewayConfig(id=gateway_id, data=None, errors=[not_offered]))
            else:
                configs.append(
                    PaymentGatewayConfig(
                        id=gateway_id, data=gateway.session_data(checkout), errors=[]
                    )
                )
        return cls(gateway_configs=configs, errors=[])


class TransactionInitialize(BaseMutation):
    transaction = graphene.Field(TransactionItem, description="The initialized transaction.")
    transaction_event = graphene.Field(
        TransactionEvent, description="The event created for the initialized transaction."
    )
    data = JSON(description="The JSON data required to finalize the payment.")

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout.")
        payment_gateway = PaymentGatewayToInitialize(
            required=True, description="Payment gateway used to initialize the transaction."
        )
        action = TransactionFlowStrategyEnum(
            description="The expected action called for the transaction; card payments are "
            "always charged (CHARGE)."
        )
        amount = PositiveDecimal(
            description="The amount to pay; by default what is left to pay on the checkout."
        )
        customer_ip_address = graphene.String(description="Not used by this marketplace.")
        idempotency_key = graphene.String(
            description="The idempotency key assigned to the action: the same key on the same "
            "checkout returns the transaction made the first time. If empty string provided, "
            "INVALID error code will be raised."
        )

    class Meta:
        description = (
            "Initializes a transaction session: for Stripe, creates a PaymentIntent and returns "
            "its client secret in `data`."
        )
        error_type = TransactionInitializeError

    @classmethod
    def perform_mutation(
        cls,
        root,
        info,
        id,
        payment_gateway,
        action=None,
        amount=None,
        idempotency_key=None,
        **_ignored,
    ):
        checkout = _checkout(id, info.context.user)
        if payment_gateway.id != services.STRIPE_GATEWAY_ID or not services.stripe_available():
            raise DomainError(
                _("This payment gateway is not offered."),
                code=services.PaymentErrorCode.NOT_FOUND,
                field="paymentGateway",
            )
        action = getattr(action, "value", action)
        if action is not None and action != TransactionFlowStrategyEnum.CHARGE.value:
            raise DomainError(
                _("Card payments are charged at once."),
                code=services.PaymentErrorCode.INVALID,
                field="action",
            )
        result = services.initialize_stripe_transaction(
            checkout=checkout, amount=_amount(amount), idempotency_key=idempotency_key
        )
        return cls(
            transaction=result.transaction,
            transaction_event=result.event,
            data=result.data,
            errors=[],
        )


class TransactionProcess(BaseMutation):
    transaction = graphene.Field(TransactionItem, description="The processed transaction.")
    transaction_event = graphene.Field(
        TransactionEvent, description="The event created for the processed transaction."
    )
    data = JSON(description="The json data required to finalize the payment.")

    class Arguments:
        id = graphene.ID(description="The ID of the transaction to process.")
        token = graphene.UUID(description="The token of the transaction to process.")
        data = JSON(
            description="The data passed to the payment gateway: for Stripe, "
            '`{"paymentMethod": "pm_..."}` made by Stripe.js, or nothing when the browser '
            "confirmed the payment itself."
        )
        customer_ip_address = graphene.String(description="Not used by this marketplace.")

    class Meta:
        description = (
            "Processes a transaction session: for Stripe, confirms the PaymentIntent and records "
            "its outcome."
        )
        error_type = TransactionProcessError

    @classmethod
    def perform_mutation(cls, root, info, id=None, token=None, data=None, **_ignored):
        item = _transaction(id, token)
        result = services.process_stripe_transaction(transaction_item=item, data=data)
        return cls(
            transaction=result.transaction,
            transaction_event=result.event,
            data=result.data,
            errors=[],
        )


class TransactionRequestAction(BaseMutation):
    transaction = graphene.Field(TransactionItem)

    class Arguments:
        action_type = TransactionActionEnum(
            required=True, description="Determines the action type: REFUND."
        )
        amount = PositiveDecimal(
            description="Transaction request amount. If empty, maximal possible amount will be "
            "used."
        )
        id = graphene.ID(description="The ID of the transaction.")
        token = graphene.UUID(description="The token of the transaction.")
        refund_reason = graphene.String(description="Reason of the refund.")

    class Meta:
        description = (
            "Request an action for payment transaction: a full or partial refund of a card "
            "payment.\n\nRequires one of the following permissions: MANAGE_ORDERS."
        )
        error_type = TransactionRequestActionError

    @classmethod
    def perform_mutation(
        cls, root, info, action_type, id=None, token=None, amount=None, **_ignored
    ):
        if getattr(action_type, "value", action_type) != TransactionActionEnum.REFUND.value:
            raise DomainError(
                _("Only refunds can be requested for card payments."),
                code=services.PaymentErrorCode.INVALID,
                field="actionType",
            )
        authorize(info.context.user, Action.ORDER_MANAGE)
        item = _transaction(id, token)
        result = services.refund_transaction(
            actor=info.context.user, transaction_item=item, amount=_amount(amount)
        )
        return cls(transaction=result.transaction, errors=[])


class OrderRefund(BaseMutation):
    order = graphene.Field(Order, description="A refunded order.")
    order_errors = legacy_errors_field(OrderError)

    class Arguments:
        amount = PositiveDecimal(required=True, description="Amount of money to refund.")
        id = graphene.ID(required=True, description="ID of the order to refund.")

    class Meta:
        description = (
            "Refund part or all of what an order's card payments charged, oldest payment first."
            "\n\nRequires one of the following permissions: MANAGE_ORDERS."
        )
        error_type = OrderError

    @classmethod
    def perform_mutation(cls, root, info, amount, id):
        user = info.context.user
        authorize(user, Action.ORDER_MANAGE)
        order = order_selectors.order_for(user, order_selectors.order_token(id))
        if order is None:
            raise DomainError(
                _("Order not found."), code=services.PaymentErrorCode.NOT_FOUND, field="id"
            )
        services.refund_order(actor=user, order=order, amount=_amount(amount))
        order.refresh_from_db()
        return cls(order=tag_orders([order])[0], errors=[])


class PaymentMutations(graphene.ObjectType):
    payment_gateway_initialize = PaymentGatewayInitialize.Field()
    transaction_initialize = TransactionInitialize.Field()
    transaction_process = TransactionProcess.Field()
    transaction_request_action = TransactionRequestAction.Field()
    order_refund = OrderRefund.Field(
        deprecation_reason="The legacy Payments API is deprecated and will be removed. Use the "
        "Transactions API instead."
    )
