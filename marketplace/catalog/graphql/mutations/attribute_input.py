"""Saleor's AttributeValueInput, and its translation into the catalog services' specs."""

import graphene
from django.utils.translation import gettext as _

from marketplace.catalog import services
from marketplace.catalog.graphql.mutations.common import decode_id
from marketplace.catalog.services import AttributeChoice, AttributeValueSpec, ProductInputError


class AttributeValueSelectableTypeInput(graphene.InputObjectType):
    id = graphene.ID(description="ID of an attribute value.")
    external_reference = graphene.String(description="External reference of an attribute value.")
    value = graphene.String(
        description="The value or slug of an attribute to resolve. If the passed value is "
        "non-existent, it will be created."
    )

    class Meta:
        description = "Represents attribute value (a choice: by ID, or by name or slug)."


class AttributeValueInput(graphene.InputObjectType):
    id = graphene.ID(description="ID of the selected attribute.")
    external_reference = graphene.String(description="External ID of this attribute.")
    values = graphene.List(
        graphene.NonNull(graphene.String),
        description="The value or slug of an attribute to resolve. If the passed value is "
        "non-existent, it will be created.",
        deprecation_reason="Use the field of the attribute's input type instead.",
    )
    dropdown = AttributeValueSelectableTypeInput(
        description="Attribute value ID or external reference."
    )
    swatch = AttributeValueSelectableTypeInput(
        description="Attribute value ID or external reference (no swatch attributes here)."
    )
    multiselect = graphene.List(
        graphene.NonNull(AttributeValueSelectableTypeInput),
        description="List of attribute value IDs or external references.",
    )
    numeric = graphene.String(description="Numeric value of an attribute.")
    file = graphene.String(description="URL of the file attribute (no file attributes here).")
    content_type = graphene.String(description="File content type.")
    reference = graphene.ID(
        description="ID of the referenced entity (no reference attributes here)."
    )
    references = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of entity IDs (no reference attributes here).",
    )
    rich_text = graphene.JSONString(description="Text content in JSON format.")
    plain_text = graphene.String(description="Plain text content.")
    boolean = graphene.Boolean(description="Represents the boolean value of the attribute value.")
    date = graphene.Date(description="Represents the date value of the attribute value.")
    date_time = graphene.DateTime(
        description="Represents the date/time value of the attribute value."
    )

    class Meta:
        description = (
            "The value(s) of one attribute, in the field of its input type: `dropdown`, "
            "`multiselect`, `plainText`, `numeric` or `boolean` (or the older `values`). An "
            "attribute named without any value is cleared."
        )


# The value inputs of AttributeValueInput; the services take the same names as `kind`.
VALUE_FIELDS = (
    "values",
    "dropdown",
    "swatch",
    "multiselect",
    "numeric",
    "file",
    "reference",
    "references",
    "rich_text",
    "plain_text",
    "boolean",
    "date",
    "date_time",
)


def attribute_specs(inputs) -> list[AttributeValueSpec]:
    """Decode a list of AttributeValueInput into the services' specs (one per attribute)."""
    return [_spec(item) for item in inputs or []]


def _spec(item) -> AttributeValueSpec:
    if not item.get("id"):
        raise ProductInputError(
            _("Give each attribute's ID (external references are not stored here)."),
            code=services.ProductErrorCode.REQUIRED,
            field="attributes",
        )
    attribute_id = decode_id(item["id"], "Attribute", field="attributes")
    given = [name for name in VALUE_FIELDS if item.get(name) is not None]
    if len(given) > 1:
        raise ProductInputError(
            _("Give one kind of value for each attribute."),
            code=services.ProductErrorCode.INVALID,
            field="attributes",
            attributes=[attribute_id],
        )
    if not given:
        return AttributeValueSpec(attribute_id=attribute_id, kind="none")
    kind = given[0]
    raw = item[kind]
    if kind == "values":
        choices = tuple(AttributeChoice(value=value) for value in raw)
        return AttributeValueSpec(attribute_id=attribute_id, kind=kind, choices=choices)
    if kind in ("dropdown", "swatch"):
        return AttributeValueSpec(
            attribute_id=attribute_id, kind=kind, choices=(_choice(raw, attribute_id),)
        )
    if kind == "multiselect":
        choices = tuple(_choice(choice, attribute_id) for choice in raw)
        return AttributeValueSpec(attribute_id=attribute_id, kind=kind, choices=choices)
    if kind in ("plain_text", "numeric"):
        return AttributeValueSpec(attribute_id=attribute_id, kind=kind, text=raw)
    if kind == "boolean":
        return AttributeValueSpec(attribute_id=attribute_id, kind=kind, boolean=raw)
    return AttributeValueSpec(attribute_id=attribute_id, kind=kind)


def _choice(raw, attribute_id: int) -> AttributeChoice:
    if raw.get("id"):
        return AttributeChoice(value_id=decode_id(raw["id"], "AttributeValue", field="attributes"))
    if raw.get("value"):
        return AttributeChoice(value=raw["value"])
    raise ProductInputError(
        _("Choose a value by its ID or by its name."),
        code=services.ProductErrorCode.REQUIRED,
        field="attributes",
        attributes=[attribute_id],
    )
