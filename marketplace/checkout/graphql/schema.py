"""Checkout queries and mutations: `checkout`, the checkout mutations and `updateMetadata`."""

import graphene
from django.utils.translation import gettext as _

from marketplace.checkout import services
from marketplace.checkout.errors import CheckoutError as CheckoutProblem
from marketplace.checkout.graphql.mutations import CheckoutMutations
from marketplace.checkout.graphql.types import Checkout
from marketplace.checkout.selectors import checkout_by_global_id
from marketplace.core.errors import DomainError
from marketplace.graphql.core.metadata import MetadataInput, ObjectWithMetadata
from marketplace.graphql.core.mutations import BaseMutation, error_type


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(
        Checkout,
        id=graphene.ID(description="The checkout's ID."),
        token=graphene.UUID(deprecation_reason="Use `id` instead."),
        description="Look up a checkout by id: anyone holding the ID of a checkout without an "
        "owner, or the customer it belongs to.",
    )

    @staticmethod
    def resolve_checkout(root, info, id=None, token=None):
        return checkout_by_global_id(id or (str(token) if token else None), info.context.user)


class MetadataErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    NOT_UPDATED = "NOT_UPDATED"


MetadataError = error_type("MetadataError", MetadataErrorCode)


class UpdateMetadata(BaseMutation):
    item = graphene.Field(ObjectWithMetadata)
    metadata_errors = graphene.NonNull(
        graphene.List(graphene.NonNull(MetadataError)),
        deprecation_reason="Use `errors` field instead.",
    )

    class Arguments:
        id = graphene.ID(
            required=True,
            description="ID or token (for Order and Checkout) of an object to update.",
        )
        input = graphene.List(
            graphene.NonNull(MetadataInput),
            required=True,
            description="Fields required to update the object's metadata.",
        )

    class Meta:
        description = "Updates public metadata of an object: a checkout, for whoever may use it."
        error_type = MetadataError

    @staticmethod
    def resolve_metadata_errors(root, info):
        return root.errors or []

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        checkout = checkout_by_global_id(id, info.context.user)
        if checkout is None:
            raise DomainError(
                _("Couldn't find an object with metadata you may change: %(id)s") % {"id": id},
                code=MetadataErrorCode.NOT_FOUND.value,
                field="id",
            )
        try:
            checkout = services.update_metadata(
                checkout=checkout, items=[(item.key, item.value) for item in input]
            )
        except CheckoutProblem as error:
            code = error.code if error.code in MetadataErrorCode.__members__ else "INVALID"
            raise DomainError(error.message, code=code, field=error.field) from error
        return cls(item=checkout)


class CheckoutSchemaMutations(CheckoutMutations):
    update_metadata = UpdateMetadata.Field()
