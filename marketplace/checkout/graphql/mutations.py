"""Checkout mutations of the storefront API, in Saleor 3's shapes.

Each parses its input, finds the checkout the caller may use, calls one service of
`marketplace.checkout.services` (or `complete`) and presents the result. Problems come back in
`errors { field message code variants lines addressType }` with `CheckoutErrorCode` values; a
checkout of another customer is reported as not found.
"""

from __future__ import annotations

import graphene
from django.utils.translation import gettext as _

from marketplace.accounts.graphql.mutations import address_data
from marketplace.accounts.graphql.types import AddressInput
from marketplace.catalog.graphql.mutations.common import PositiveDecimal
from marketplace.checkout import complete, services
from marketplace.checkout.errors import CheckoutError as CheckoutProblem
from marketplace.checkout.errors import CheckoutErrorCode, CheckoutErrors
from marketplace.checkout.graphql.types import (
    Checkout,
    CheckoutError,
    Delivery,
    DeliveryValue,
    priced_methods,
)
from marketplace.checkout.models import Checkout as CheckoutModel
from marketplace.checkout.selectors import checkout_by_global_id, checkout_token
from marketplace.core.errors import DomainError
from marketplace.graphql.core.metadata import MetadataInput
from marketplace.graphql.core.mutations import BaseMutation, error_type
from marketplace.graphql.core.types import LanguageCodeEnum, language_code


class CheckoutLineInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True, description="The number of items purchased.")
    variant_id = graphene.ID(required=True, description="ID of the product variant.")
    price = PositiveDecimal(
        description="Custom price of the item (refused: booths set their prices)."
    )
    price_override_reason = graphene.String(description="Reason for a price override.")
    force_new_line = graphene.Boolean(
        default_value=False,
        description="Ignored: a variant has one line in a checkout, and adding it again adds to "
        "its quantity.",
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Line metadata (ignored)."
    )


class CheckoutLineUpdateInput(graphene.InputObjectType):
    variant_id = graphene.ID(deprecation_reason="Use `lineId` instead.")
    quantity = graphene.Int(
        description="The number of items purchased. Optional for apps, required for any other "
        "users; 0 removes the line."
    )
    price = PositiveDecimal(description="Custom price of the item (refused).")
    price_override_reason = graphene.String(description="Reason for a price override.")
    line_id = graphene.ID(description="ID of the line.")
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Line metadata (ignored)."
    )


class CheckoutAddressValidationRules(graphene.InputObjectType):
    check_required_fields = graphene.Boolean(
        default_value=True,
        description="Addresses are always checked: a courier needs every required field.",
    )
    check_fields_format = graphene.Boolean(
        default_value=True, description="Addresses are always checked."
    )
    enable_fields_normalization = graphene.Boolean(
        default_value=True, description="Province and ward names are always normalized."
    )


class CheckoutValidationRules(graphene.InputObjectType):
    shipping_address = graphene.Field(CheckoutAddressValidationRules)
    billing_address = graphene.Field(CheckoutAddressValidationRules)


class CheckoutCreateInput(graphene.InputObjectType):
    channel = graphene.String(description="Slug of a channel in which to create a checkout.")
    lines = graphene.List(
        graphene.NonNull(CheckoutLineInput),
        required=True,
        description="A list of checkout lines, each containing information about an item in "
        "the checkout.",
    )
    email = graphene.String(description="The customer's email address.")
    save_shipping_address = graphene.Boolean(
        description="Save the shipping address to the customer's address book at completion "
        "(default true)."
    )
    shipping_address = graphene.Field(AddressInput, description="The mailing address.")
    save_billing_address = graphene.Boolean(
        description="Save the billing address to the customer's address book at completion "
        "(default true)."
    )
    billing_address = graphene.Field(AddressInput, description="Billing address of the customer.")
    language_code = graphene.Field(LanguageCodeEnum, description="Checkout language code.")
    validation_rules = graphene.Field(
        CheckoutValidationRules, description="The checkout validation rules (always applied)."
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Checkout public metadata."
    )
    private_metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Checkout private metadata (refused)."
    )


def _checkout_arguments() -> dict:
    return {
        "id": graphene.ID(description="The checkout's ID."),
        "checkout_id": graphene.ID(deprecation_reason="Use `id` instead."),
        "token": graphene.UUID(deprecation_reason="Use `id` instead."),
    }


class CheckoutMutation(BaseMutation):
    """Finds the checkout (`id`, or the deprecated `checkoutId`/`token`) and reports checkout
    problems with their variants and lines."""

    checkout_errors = graphene.NonNull(
        graphene.List(graphene.NonNull(CheckoutError)),
        deprecation_reason="Use `errors` field instead.",
    )

    class Meta:
        abstract = True

    @staticmethod
    def resolve_checkout_errors(root, info):
        return root.errors or []

    @classmethod
    def perform_mutation(cls, root, info, **data):
        try:
            return cls.perform(info, **data)
        except CheckoutProblem as error:
            problems = error.errors if isinstance(error, CheckoutErrors) else [error]
            return cls(errors=[_present(problem) for problem in problems])

    @classmethod
    def perform(cls, info, **data):
        raise NotImplementedError

    @staticmethod
    def find_checkout(info, id=None, checkout_id=None, token=None) -> CheckoutModel:
        global_id = id or checkout_id or (str(token) if token else None)
        if not global_id:
            raise CheckoutProblem(
                _("Give the checkout's ID."), code=CheckoutErrorCode.REQUIRED, field="id"
            )
        checkout = checkout_by_global_id(global_id, info.context.user)
        if checkout is None:
            raise CheckoutProblem(
                _("Checkout not found."), code=CheckoutErrorCode.NOT_FOUND, field="id"
            )
        return checkout


def _present(problem: CheckoutProblem) -> CheckoutError:
    return CheckoutError(
        field=problem.field,
        message=problem.message,
        code=problem.code,
        variants=problem.variants,
        lines=problem.lines,
        address_type=problem.address_type.lower() if problem.address_type else None,
    )


def _no_price(lines) -> None:
    for line in lines or []:
        if line.get("price") is not None:
            raise CheckoutProblem(
                _("Prices are set by the booths; a checkout cannot change them."),
                code=CheckoutErrorCode.PERMISSION_DENIED,
                field="price",
            )


def _address(input_data, kind: str) -> dict:
    try:
        return address_data(input_data)
    except DomainError as error:
        raise CheckoutProblem(
            error.message,
            code=CheckoutErrorCode.INVALID,
            field=error.field,
            address_type=kind.upper(),
        ) from error


class CheckoutCreate(CheckoutMutation):
    created = graphene.Boolean(deprecation_reason="Always returns `true`.")
    checkout = graphene.Field(Checkout)

    class Arguments:
        input = CheckoutCreateInput(
            required=True, description="Fields required to create checkout."
        )

    class Meta:
        description = (
            "Create a new checkout, with lines from any number of booths. A signed-in shopper's "
            "checkout is theirs."
        )
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, input):
        _no_price(input.get("lines"))
        if input.get("private_metadata"):
            raise CheckoutProblem(
                _("Private metadata is for staff."),
                code=CheckoutErrorCode.PERMISSION_DENIED,
                field="privateMetadata",
            )
        lines = [
            services.LineRequest(variant_id=line["variant_id"], quantity=line["quantity"])
            for line in input.get("lines") or []
        ]
        addresses = {
            kind: _address(input[f"{kind}_address"], kind)
            for kind in ("shipping", "billing")
            if input.get(f"{kind}_address") is not None
        }
        checkout = services.create_checkout(
            user=info.context.user,
            channel_slug=input.get("channel"),
            lines=lines,
            email=input.get("email"),
            shipping_address=addresses.get("shipping"),
            billing_address=addresses.get("billing"),
            save_shipping_address=input.get("save_shipping_address"),
            save_billing_address=input.get("save_billing_address"),
            language_code=language_code(input.get("language_code")),
        )
        if input.get("metadata"):
            services.update_metadata(
                checkout=checkout,
                items=[(item["key"], item["value"]) for item in input["metadata"]],
            )
        return cls(created=True, checkout=checkout)


class CheckoutLinesAdd(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())
        lines = graphene.List(
            graphene.NonNull(CheckoutLineInput),
            required=True,
            description="A list of checkout lines, each containing information about an item "
            "in the checkout.",
        )

    class Meta:
        description = "Adds a checkout line to the existing checkout."
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, lines, **ids):
        checkout = cls.find_checkout(info, **ids)
        _no_price(lines)
        checkout = services.add_lines(
            checkout=checkout,
            lines=[services.LineRequest(line["variant_id"], line["quantity"]) for line in lines],
            user=info.context.user,
        )
        return cls(checkout=checkout)


class CheckoutLinesUpdate(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())
        lines = graphene.List(
            graphene.NonNull(CheckoutLineUpdateInput),
            required=True,
            description="A list of checkout lines.",
        )

    class Meta:
        description = "Updates checkout line in the existing checkout; quantity 0 removes it."
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, lines, **ids):
        checkout = cls.find_checkout(info, **ids)
        _no_price(lines)
        changes = [
            services.LineChange(
                quantity=line.get("quantity"),
                line_id=line.get("line_id"),
                variant_id=line.get("variant_id"),
            )
            for line in lines
        ]
        checkout = services.update_lines(checkout=checkout, lines=changes, user=info.context.user)
        return cls(checkout=checkout)


class CheckoutLinesDelete(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        id = graphene.ID(description="The checkout's ID.")
        token = graphene.UUID(deprecation_reason="Use `id` instead.")
        lines_ids = graphene.List(
            graphene.NonNull(graphene.ID), required=True, description="A list of checkout lines."
        )

    class Meta:
        description = "Deletes checkout lines."
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, lines_ids, **ids):
        checkout = cls.find_checkout(info, **ids)
        return cls(checkout=services.delete_lines(checkout=checkout, line_ids=lines_ids))


class CheckoutLineDelete(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())
        line_id = graphene.ID(description="ID of the checkout line to delete.")

    class Meta:
        description = "Deletes a CheckoutLine."
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, line_id=None, **ids):
        checkout = cls.find_checkout(info, **ids)
        if not line_id:
            raise CheckoutProblem(
                _("Name the line to delete."), code=CheckoutErrorCode.REQUIRED, field="lineId"
            )
        return cls(checkout=services.delete_lines(checkout=checkout, line_ids=[line_id]))


class CheckoutEmailUpdate(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())
        email = graphene.String(required=True, description="email.")

    class Meta:
        description = "Updates email address in the existing checkout object."
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, email, **ids):
        checkout = cls.find_checkout(info, **ids)
        return cls(checkout=services.update_email(checkout=checkout, email=email))


class CheckoutCustomerAttach(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())
        customer_id = graphene.ID(
            description="ID of customer to attach to checkout (apps only: refused)."
        )

    class Meta:
        description = "Sets the signed-in customer as the owner of the checkout."
        error_type = CheckoutError
        login_required = True

    @classmethod
    def perform(cls, info, customer_id=None, **ids):
        if customer_id:
            raise CheckoutProblem(
                _("A checkout can only be attached to your own account."),
                code=CheckoutErrorCode.PERMISSION_DENIED,
                field="customerId",
            )
        checkout = cls.find_checkout(info, **ids)
        return cls(checkout=services.attach_customer(checkout=checkout, user=info.context.user))


class CheckoutCustomerDetach(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())

    class Meta:
        description = "Removes the user assigned as the owner of the checkout."
        error_type = CheckoutError
        login_required = True

    @classmethod
    def perform(cls, info, **ids):
        checkout = cls.find_checkout(info, **ids)
        return cls(checkout=services.detach_customer(checkout=checkout, user=info.context.user))


class CheckoutShippingAddressUpdate(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())
        shipping_address = AddressInput(
            required=True, description="The mailing address to where the checkout will be shipped."
        )
        save_address = graphene.Boolean(
            default_value=True,
            description="Indicates whether the address should be saved to the user's address "
            "book upon checkout completion.",
        )
        validation_rules = CheckoutAddressValidationRules(
            description="The rules for changing validation for received shipping address data "
            "(addresses are always validated)."
        )

    class Meta:
        description = "Update shipping address in the existing checkout."
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, shipping_address, save_address=True, validation_rules=None, **ids):
        checkout = cls.find_checkout(info, **ids)
        checkout = services.update_shipping_address(
            checkout=checkout,
            data=_address(shipping_address, "shipping"),
            save_address=save_address,
        )
        return cls(checkout=checkout)


class CheckoutBillingAddressUpdate(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())
        billing_address = AddressInput(
            required=True, description="The billing address of the checkout."
        )
        save_address = graphene.Boolean(
            default_value=True,
            description="Indicates whether the address should be saved to the user's address "
            "book upon checkout completion.",
        )
        validation_rules = CheckoutAddressValidationRules(
            description="The rules for changing validation for received billing address data "
            "(addresses are always validated)."
        )

    class Meta:
        description = "Update billing address in the existing checkout."
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, billing_address, save_address=True, validation_rules=None, **ids):
        checkout = cls.find_checkout(info, **ids)
        checkout = services.update_billing_address(
            checkout=checkout,
            data=_address(billing_address, "billing"),
            save_address=save_address,
        )
        return cls(checkout=checkout)


class CheckoutDeliveryMethodUpdate(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        id = graphene.ID(description="The checkout's ID.")
        token = graphene.UUID(deprecation_reason="Use `id` instead.")
        delivery_method_id = graphene.ID(
            description="Delivery Method ID (`Warehouse` ID or `ShippingMethod` ID): standard "
            "post or pick-up at the booth."
        )

    class Meta:
        description = (
            "Updates the delivery method (shipping method or pick up point) of the checkout: one "
            "method for every booth's parcel."
        )
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, delivery_method_id=None, **ids):
        checkout = cls.find_checkout(info, **ids)
        checkout = services.update_delivery_method(
            checkout=checkout, delivery_method_id=delivery_method_id
        )
        return cls(checkout=checkout)


class CheckoutCustomerNoteUpdate(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        id = graphene.ID(required=True, description="The checkout's ID.")
        customer_note = graphene.String(required=True, description="Customer note content.")

    class Meta:
        description = "Updates customer note in the existing checkout object."
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, customer_note, **ids):
        checkout = cls.find_checkout(info, **ids)
        return cls(checkout=services.update_customer_note(checkout=checkout, note=customer_note))


class CheckoutAddPromoCode(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())
        promo_code = graphene.String(required=True, description="Gift card code or voucher code.")

    class Meta:
        description = (
            "Adds a gift card or a voucher to a checkout. The marketplace has neither: every "
            "code is refused."
        )
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, promo_code, **ids):
        checkout = cls.find_checkout(info, **ids)
        services.add_promo_code(checkout=checkout, promo_code=promo_code)
        return cls(checkout=checkout)


class CheckoutRemovePromoCode(CheckoutMutation):
    checkout = graphene.Field(Checkout)

    class Arguments:
        locals().update(_checkout_arguments())
        promo_code = graphene.String(description="Gift card code or voucher code.")
        promo_code_id = graphene.ID(description="Gift card or voucher ID.")

    class Meta:
        description = "Remove a gift card or a voucher from a checkout (none is ever applied)."
        error_type = CheckoutError

    @classmethod
    def perform(cls, info, promo_code=None, promo_code_id=None, **ids):
        return cls(checkout=cls.find_checkout(info, **ids))


class CheckoutComplete(CheckoutMutation):
    order = graphene.Field("marketplace.orders.graphql.types.Order", description="Placed order.")
    confirmation_needed = graphene.Boolean(
        required=True,
        description="Set to true if payment needs to be confirmed before checkout is complete.",
    )
    confirmation_data = graphene.JSONString(
        description="Confirmation data used to process additional authorization steps."
    )

    class Arguments:
        locals().update(_checkout_arguments())
        metadata = graphene.List(
            graphene.NonNull(MetadataInput),
            description="Fields required to update the order's metadata.",
        )
        payment_data = graphene.JSONString(
            description="Client-side generated data required to finalize the payment (not used: "
            "card payments go through transactionInitialize)."
        )
        redirect_url = graphene.String(
            description="URL of a view where users should be redirected."
        )
        store_source = graphene.Boolean(
            default_value=False, deprecation_reason="Use checkoutPaymentCreate for this action."
        )

    class Meta:
        description = (
            "Completes the checkout: places one order with one sub-order per booth, promises "
            "the stock and deletes the checkout. Paid by card when the checkout's transactions "
            "cover its total, else cash on delivery. Completing again returns the same order."
        )
        error_type = CheckoutError

    @staticmethod
    def resolve_confirmation_needed(root, info):
        return bool(root.confirmation_needed)

    @classmethod
    def perform(cls, info, id=None, checkout_id=None, token=None, **_):
        global_id = id or checkout_id or (str(token) if token else None)
        if not global_id:
            raise CheckoutProblem(
                _("Give the checkout's ID."), code=CheckoutErrorCode.REQUIRED, field="id"
            )
        order = complete.complete_checkout(token=checkout_token(global_id), user=info.context.user)
        return cls(order=order, confirmation_needed=False, confirmation_data=None)


class DeliveryOptionsCalculateErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"


DeliveryOptionsCalculateError = error_type(
    "DeliveryOptionsCalculateError", DeliveryOptionsCalculateErrorCode
)


class DeliveryOptionsCalculate(BaseMutation):
    deliveries = graphene.NonNull(
        graphene.List(graphene.NonNull(Delivery)),
        description="List of the available deliveries.",
    )

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout.")

    class Meta:
        description = (
            "Calculates available delivery options for a checkout: standard post and pick-up "
            "at the booth, each priced for all of its booths' parcels."
        )
        error_type = DeliveryOptionsCalculateError

    @classmethod
    def perform_mutation(cls, root, info, id):
        checkout = checkout_by_global_id(id, info.context.user)
        if checkout is None:
            raise DomainError(
                _("Checkout not found."),
                code=DeliveryOptionsCalculateErrorCode.NOT_FOUND.value,
                field="id",
            )
        return cls(deliveries=[DeliveryValue(priced) for priced in priced_methods(checkout)])


class CheckoutMutations(graphene.ObjectType):
    checkout_create = CheckoutCreate.Field()
    checkout_lines_add = CheckoutLinesAdd.Field()
    checkout_lines_update = CheckoutLinesUpdate.Field()
    checkout_lines_delete = CheckoutLinesDelete.Field()
    checkout_line_delete = CheckoutLineDelete.Field(
        deprecation_reason="Use `checkoutLinesDelete` instead."
    )
    checkout_email_update = CheckoutEmailUpdate.Field()
    checkout_customer_attach = CheckoutCustomerAttach.Field()
    checkout_customer_detach = CheckoutCustomerDetach.Field()
    checkout_shipping_address_update = CheckoutShippingAddressUpdate.Field()
    checkout_billing_address_update = CheckoutBillingAddressUpdate.Field()
    checkout_delivery_method_update = CheckoutDeliveryMethodUpdate.Field()
    checkout_customer_note_update = CheckoutCustomerNoteUpdate.Field()
    checkout_add_promo_code = CheckoutAddPromoCode.Field()
    checkout_remove_promo_code = CheckoutRemovePromoCode.Field()
    checkout_complete = CheckoutComplete.Field()
    delivery_options_calculate = DeliveryOptionsCalculate.Field()
