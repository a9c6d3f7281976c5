"""What the product mutations share: Saleor's ProductErrorCode and error types, the scalars and
small inputs of its product API, the decoding of IDs, and the turning of domain errors into
`errors { field message code }`."""

from decimal import Decimal, InvalidOperation

import graphene
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from graphql import Undefined
from graphql.language import ast

from marketplace.catalog import services
from marketplace.catalog.services import ProductInputError
from marketplace.core.errors import DomainError
from marketplace.core.ids import InvalidGlobalId, from_global_id, to_global_id
from marketplace.graphql.core.mutations import BaseMutation

ProductErrorCode = graphene.Enum.from_enum(
    services.ProductErrorCode,
    description="Error codes of the product mutations (Saleor's, and PERMISSION_DENIED).",
)

MANAGE_PRODUCTS_NOTE = (
    "Requires membership of the product's booth (any role), or the MANAGE_PRODUCTS staff "
    "permission for any booth."
)


class ProductError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` indicates that "
        "the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(ProductErrorCode, required=True, description="The error code.")
    attributes = graphene.List(
        graphene.NonNull(graphene.ID), description="List of attributes IDs which causes the error."
    )
    values = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of attribute values IDs which causes the error.",
    )

    class Meta:
        description = "An error of a product mutation."


class BulkStockError(ProductError):
    index = graphene.Int(description="Index of an input list item that caused the error.")

    class Meta:
        description = "An error of a stock update."


class ProductChannelListingError(ProductError):
    channels = graphene.List(
        graphene.NonNull(graphene.ID), description="List of channels IDs which causes the error."
    )
    variants = graphene.List(
        graphene.NonNull(graphene.ID), description="List of variants IDs which causes the error."
    )

    class Meta:
        description = "An error of a product channel listing update."


def legacy_errors_field(error_type: type) -> graphene.Field:
    """Saleor's deprecated per-domain name of `errors` (`productErrors` and the like)."""
    return graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(error_type))),
        deprecation_reason="Use `errors` field instead.",
        description="Errors of the mutation (the same list as `errors`).",
        resolver=lambda root, info: root.errors,
    )


class PositiveDecimal(graphene.Scalar):
    """Nonnegative Decimal scalar implementation.

    Prices are whole dong (VND has no minor unit): a negative or fractional amount is parsed, then
    refused with a clear message in the mutation's `errors`.
    """

    @staticmethod
    def serialize(value):
        return float(value)

    @classmethod
    def parse_literal(cls, node, _variables=None):
        if isinstance(node, ast.IntValueNode | ast.FloatValueNode | ast.StringValueNode):
            return cls.parse_value(node.value)
        return Undefined

    @staticmethod
    def parse_value(value):
        if isinstance(value, bool):
            raise ValueError("A number is expected.")
        try:
            return Decimal(str(value))
        except InvalidOperation as error:
            raise ValueError("A number is expected.") from error


GRAMS_PER_UNIT = {
    "g": Decimal(1),
    "kg": Decimal(1000),
    "lb": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
    "tonne": Decimal(1_000_000),
}


class WeightScalar(graphene.Scalar):
    """A weight: a number of kilograms (Saleor's default unit), or `{value, unit}` with unit
    G, KG, LB, OZ or TONNE. Stored in whole grams."""

    @staticmethod
    def serialize(value):
        return value

    @classmethod
    def parse_literal(cls, node, _variables=None):
        if isinstance(node, ast.IntValueNode | ast.FloatValueNode | ast.StringValueNode):
            return cls.parse_value(node.value)
        if isinstance(node, ast.ObjectValueNode):
            fields = {
                field.name.value: getattr(field.value, "value", None) for field in node.fields
            }
            return cls.parse_value(fields)
        return Undefined

    @staticmethod
    def parse_value(value):
        unit = "kg"
        if isinstance(value, dict):
            unit = str(value.get("unit") or "kg").lower()
            value = value.get("value")
        if isinstance(value, bool) or unit not in GRAMS_PER_UNIT:
            raise ValueError("A weight is a number of kilograms, or {value, unit}.")
        try:
            amount = Decimal(str(value))
        except InvalidOperation as error:
            raise ValueError("A weight is a number of kilograms, or {value, unit}.") from error
        if not amount.is_finite():
            raise ValueError("A weight must be a finite number.")
        return amount * GRAMS_PER_UNIT[unit]


class SeoInput(graphene.InputObjectType):
    title = graphene.String(description="SEO title.")
    description = graphene.String(description="SEO description.")

    class Meta:
        description = "Search engine optimization fields."


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")

    class Meta:
        description = "A metadata item (Saleor's shape; not stored by this marketplace)."


def refuse_unstored_fields(data) -> None:
    """Metadata and external references are part of Saleor's inputs but are not stored here:
    refuse them rather than lose them silently (empty lists are fine)."""
    for name, field in (("metadata", "metadata"), ("private_metadata", "privateMetadata")):
        if data.get(name):
            raise ProductInputError(
                _("Metadata is not stored by this marketplace."),
                code=services.ProductErrorCode.INVALID,
                field=field,
            )
    if data.get("external_reference"):
        raise ProductInputError(
            _("External references are not stored by this marketplace."),
            code=services.ProductErrorCode.INVALID,
            field="externalReference",
        )


def decode_id(global_id: str, type_name: str, *, field: str) -> int:
    """The primary key inside `global_id`; a malformed or foreign ID is a GRAPHQL_ERROR, as in
    Saleor."""
    try:
        return from_global_id(global_id, type_name)
    except InvalidGlobalId as error:
        raise ProductInputError(
            _("Couldn't resolve ID %(id)s: a %(type)s ID is expected.")
            % {"id": global_id, "type": type_name},
            code=services.ProductErrorCode.GRAPHQL_ERROR,
            field=field,
        ) from error


def decode_ids(global_ids, type_name: str, *, field: str) -> list[int]:
    return [decode_id(global_id, type_name, field=field) for global_id in global_ids or []]


def fetch(model, global_id: str, type_name: str, *, field: str):
    """A shared catalog object (category, product type, channel...) by its global ID."""
    found = model.objects.filter(pk=decode_id(global_id, type_name, field=field)).first()
    if found is None:
        raise ProductInputError(
            _("Couldn't find a %(type)s with this ID.") % {"type": type_name},
            code=services.ProductErrorCode.NOT_FOUND,
            field=field,
        )
    return found


def fetch_many(model, global_ids, type_name: str, *, field: str) -> list:
    pks = decode_ids(global_ids, type_name, field=field)
    found = model.objects.in_bulk(pks)
    missing = [pk for pk in pks if pk not in found]
    if missing:
        raise ProductInputError(
            _("Couldn't find a %(type)s with this ID.") % {"type": type_name},
            code=services.ProductErrorCode.NOT_FOUND,
            field=field,
            channels=missing if type_name == "Channel" else (),
        )
    return [found[pk] for pk in dict.fromkeys(pks)]


def one_of_id(
    *, id: str | None, external_reference: str | None, sku: str | None = None, with_sku=False
) -> None:
    """Exactly one way of naming the object must be used (Saleor's rule and messages)."""
    names = (
        ["'id'", "'sku'", "'externalReference'"] if with_sku else ["'id'", "'externalReference'"]
    )
    given = [value for value in (id, sku, external_reference) if value]
    if len(given) != 1:
        message = (
            _("At least one of arguments is required: %(names)s.")
            if not given
            else _("Only one of arguments can be given: %(names)s.")
        )
        raise ProductInputError(
            message % {"names": ", ".join(names)},
            code=services.ProductErrorCode.GRAPHQL_ERROR,
            field=None,
        )
    if external_reference:
        raise ProductInputError(
            _("External references are not stored by this marketplace: use the ID."),
            code=services.ProductErrorCode.NOT_FOUND,
            field="externalReference",
        )


# Model field names that differ from the input field a client sent.
INPUT_FIELD_NAMES = {
    "weight_grams": "weight",
    "seo_title": "seo",
    "seo_description": "seo",
    "price_amount": "price",
    "quantity_limit_per_customer": "quantityLimitPerCustomer",
    "__all__": None,
}
ERROR_CODES = frozenset(code.value for code in services.ProductErrorCode)
ERROR_OBJECT_TYPES = {
    "attributes": "Attribute",
    "values": "AttributeValue",
    "channels": "Channel",
    "variants": "ProductVariant",
}


class ProductMutation(BaseMutation):
    """A product mutation: subclasses implement `perform(root, info, **arguments)` and call one
    service; every domain error, with the objects it names, becomes an item of `errors`."""

    class Meta:
        abstract = True

    @classmethod
    def perform_mutation(cls, root, info, **data):
        try:
            return cls.perform(root, info, **data)
        except DomainError as error:
            return cls(errors=[cls.error_item(error)])
        except DjangoValidationError as error:
            return cls(errors=cls.validation_items(error))

    @classmethod
    def perform(cls, root, info, **data):
        raise NotImplementedError

    @classmethod
    def error_item(cls, error: DomainError):
        error_type = cls._meta.error_type
        code = error.code if error.code in ERROR_CODES else services.ProductErrorCode.INVALID
        extra = {}
        for name, type_name in ERROR_OBJECT_TYPES.items():
            pks = getattr(error, name, None)
            if pks and name in error_type._meta.fields:
                extra[name] = [to_global_id(type_name, pk) for pk in pks]
        index = getattr(error, "index", None)
        if index is not None and "index" in error_type._meta.fields:
            extra["index"] = index
        return error_type(field=error.field, message=error.message, code=code, **extra)

    @classmethod
    def validation_items(cls, error: DjangoValidationError) -> list:
        pairs = (
            error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
        )
        items = []
        for field, messages in pairs:
            name = INPUT_FIELD_NAMES.get(field, field) if field else None
            if name:
                head, *rest = name.split("_")
                name = head + "".join(part.title() for part in rest)
            for message in messages:
                items.append(
                    cls._meta.error_type(
                        field=name, message=message, code=services.ProductErrorCode.INVALID.value
                    )
                )
        return items
