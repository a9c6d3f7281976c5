"""Attributes and their values, as `attributes` (SelectedAttribute) and the typed
`assignedAttribute(s)` of Saleor 3.22+. Shared by products, variants and pages."""

from dataclasses import dataclass

import graphene

from marketplace.catalog.models import Attribute as AttributeModel
from marketplace.catalog.models import AttributeInputType
from marketplace.catalog.models import AttributeTranslation as AttributeTranslationModel
from marketplace.catalog.models import AttributeValue as AttributeValueModel
from marketplace.catalog.models import AttributeValueTranslation as AttributeValueTranslationModel
from marketplace.graphql.core.batching import batch_related, batch_related_one
from marketplace.graphql.core.translations import (
    find_translation,
    resolve_language,
    translation_field,
)
from marketplace.graphql.core.types import (
    File,
    LanguageCodeEnum,
    LanguageDisplay,
    ModelObjectType,
)


class AttributeInputTypeEnum(graphene.Enum):
    DROPDOWN = "dropdown"
    MULTISELECT = "multiselect"
    FILE = "file"
    REFERENCE = "reference"
    SINGLE_REFERENCE = "single-reference"
    NUMERIC = "numeric"
    RICH_TEXT = "rich-text"
    PLAIN_TEXT = "plain-text"
    SWATCH = "swatch"
    BOOLEAN = "boolean"
    DATE = "date"
    DATE_TIME = "date-time"


class VariantAttributeScope(graphene.Enum):
    ALL = "all"
    VARIANT_SELECTION = "variant_selection"
    NOT_VARIANT_SELECTION = "not_variant_selection"


class AttributeTranslation(ModelObjectType):
    name = graphene.String(required=True, description="Translated attribute name.")
    language = graphene.Field(LanguageDisplay, required=True, resolver=resolve_language)

    class Meta:
        model = AttributeTranslationModel
        interfaces = (graphene.relay.Node,)


class AttributeValueTranslation(ModelObjectType):
    name = graphene.String(required=True, description="Translated value name.")
    plain_text = graphene.String(description="Translated plain text.")
    language = graphene.Field(LanguageDisplay, required=True, resolver=resolve_language)

    class Meta:
        model = AttributeValueTranslationModel
        interfaces = (graphene.relay.Node,)


class Attribute(ModelObjectType):
    name = graphene.String(
        required=True, description="Name of an attribute displayed in the interface."
    )
    slug = graphene.String(
        required=True, description="Internal representation of an attribute name."
    )
    input_type = graphene.Field(
        AttributeInputTypeEnum, description="The input type to use for entering attribute values."
    )
    unit = graphene.String(description="The unit of attribute values.")
    value_required = graphene.Boolean(
        required=True, description="Whether the attribute requires values to be passed or not."
    )
    visible_in_storefront = graphene.Boolean(
        required=True, description="Whether the attribute should be visible or not in storefront."
    )
    with_choices = graphene.Boolean(
        required=True, description="Flag indicating that attribute has predefined choices."
    )
    translation = translation_field(AttributeTranslation)

    class Meta:
        model = AttributeModel
        interfaces = (graphene.relay.Node,)
        description = "Custom attribute of a product or a variant."

    @staticmethod
    def resolve_value_required(root, info):
        return False

    @staticmethod
    def resolve_with_choices(root, info):
        return root.input_type in (AttributeInputType.DROPDOWN, AttributeInputType.MULTISELECT)

    @staticmethod
    def resolve_translation(root, info, language_code):
        return find_translation(root, language_code)


class AttributeValue(ModelObjectType):
    name = graphene.String(description="Name of a value displayed in the interface.")
    slug = graphene.String(description="Internal representation of a value (unique per attribute).")
    value = graphene.String(description="Value of the attribute value (e.g. a colour code).")
    input_type = graphene.Field(
        AttributeInputTypeEnum, description="The input type to use for entering attribute values."
    )
    plain_text = graphene.String(
        description="Represents the text of the attribute value, plain text without formatting."
    )
    boolean = graphene.Boolean(description="Represents the boolean value of the attribute value.")
    date = graphene.Date(description="The date value (no attribute holds dates here: null).")
    date_time = graphene.DateTime(
        description="The date time value (no attribute holds dates here: null)."
    )
    file = graphene.Field(
        File, description="Represents file URL and content type (if attribute value is a file)."
    )
    translation = translation_field(AttributeValueTranslation)

    class Meta:
        model = AttributeValueModel
        interfaces = (graphene.relay.Node,)
        description = "Represents a value of an attribute."

    @staticmethod
    def resolve_input_type(root, info):
        return root.attribute.input_type

    @staticmethod
    def resolve_file(root, info):
        return None

    @staticmethod
    def resolve_translation(root, info, language_code):
        return find_translation(root, language_code)


@dataclass
class AssignedValues:
    """The values of one attribute assigned to a product, variant or page."""

    attribute: AttributeModel
    values: list[AttributeValueModel]


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(
        Attribute, required=True, description="Name of an attribute displayed in the interface."
    )
    values = graphene.NonNull(
        graphene.List(graphene.NonNull(AttributeValue)), description="Values of an attribute."
    )

    class Meta:
        description = "Represents a custom attribute."


def assigned_values(owner) -> list[AssignedValues]:
    """Group owner's assigned attribute values by attribute, keeping the assignment order.

    Loaded for the owner's whole batch in one query (values with their attributes).
    """
    assignments = batch_related(
        owner,
        "attribute_values",
        queryset=owner.attribute_values.model.objects.select_related("value__attribute"),
    )
    grouped: dict[int, AssignedValues] = {}
    for assignment in assignments:
        value = batch_related_one(assignment, "value")
        attribute = batch_related_one(value, "attribute")
        grouped.setdefault(attribute.pk, AssignedValues(attribute, [])).values.append(value)
    return [group for group in grouped.values() if group.attribute.visible_in_storefront]


class AssignedChoiceAttributeValue(graphene.ObjectType):
    name = graphene.String(description="Name of a value displayed in the interface.")
    slug = graphene.String(description="Internal representation of a value (unique per attribute).")
    translation = graphene.String(
        language_code=graphene.Argument(LanguageCodeEnum, required=True),
        description="Translation of the name.",
    )

    @staticmethod
    def resolve_translation(root, info, language_code):
        translation = find_translation(root, language_code)
        return translation.name if translation else None


class AssignedAttribute(graphene.Interface):
    attribute = graphene.Field(
        Attribute, required=True, description="Attribute assigned to an object."
    )

    @classmethod
    def resolve_type(cls, instance: AssignedValues, info):
        return ASSIGNED_TYPES.get(instance.attribute.input_type, AssignedPlainTextAttribute)


class AssignedPlainTextAttribute(graphene.ObjectType):
    value = graphene.String(description="The assigned plain text.")
    translation = graphene.String(
        language_code=graphene.Argument(LanguageCodeEnum, required=True),
        description="Translation of the plain text.",
    )

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents plain text attribute."

    @staticmethod
    def resolve_value(root: AssignedValues, info):
        return root.values[0].plain_text if root.values else None

    @staticmethod
    def resolve_translation(root: AssignedValues, info, language_code):
        if not root.values:
            return None
        translation = find_translation(root.values[0], language_code)
        return translation.plain_text if translation else None


class AssignedBooleanAttribute(graphene.ObjectType):
    value = graphene.Boolean(description="The assigned boolean value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a boolean attribute."

    @staticmethod
    def resolve_value(root: AssignedValues, info):
        return root.values[0].boolean if root.values else None


class AssignedNumericAttribute(graphene.ObjectType):
    value = graphene.Float(description="The assigned numeric value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a numeric attribute."

    @staticmethod
    def resolve_value(root: AssignedValues, info):
        try:
            return float(root.values[0].name) if root.values else None
        except ValueError:
            return None


class AssignedSingleChoiceAttribute(graphene.ObjectType):
    value = graphene.Field(AssignedChoiceAttributeValue, description="The assigned choice value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a single choice attribute."

    @staticmethod
    def resolve_value(root: AssignedValues, info):
        return root.values[0] if root.values else None


class AssignedMultiChoiceAttribute(graphene.ObjectType):
    value = graphene.NonNull(
        graphene.List(graphene.NonNull(AssignedChoiceAttributeValue)),
        limit=graphene.Argument(
            graphene.Int, default_value=100, description="Maximum number of values to return."
        ),
        description="List of assigned choice values.",
    )

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a multi choice attribute."

    @staticmethod
    def resolve_value(root: AssignedValues, info, limit=100):
        return root.values[: max(limit, 0)]


class AssignedFileAttribute(graphene.ObjectType):
    value = graphene.Field(File, description="The assigned file.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents file attribute."

    @staticmethod
    def resolve_value(root, info):
        return None


ASSIGNED_TYPES = {
    AttributeInputType.PLAIN_TEXT: AssignedPlainTextAttribute,
    AttributeInputType.BOOLEAN: AssignedBooleanAttribute,
    AttributeInputType.NUMERIC: AssignedNumericAttribute,
    AttributeInputType.DROPDOWN: AssignedSingleChoiceAttribute,
    AttributeInputType.MULTISELECT: AssignedMultiChoiceAttribute,
}


def assigned_attribute_fields() -> dict:
    return {
        "assigned_attribute": graphene.Field(
            AssignedAttribute,
            slug=graphene.String(required=True, description="Slug of the attribute"),
            description="Get a single attribute attached to the object by attribute slug.",
        ),
        "assigned_attributes": graphene.NonNull(
            graphene.List(graphene.NonNull(AssignedAttribute)),
            limit=graphene.Int(description="Maximum number of attributes to return (default 100)."),
            description="List of attributes assigned to this object.",
        ),
    }


def resolve_assigned_attribute(owner, slug: str):
    return next((group for group in assigned_values(owner) if group.attribute.slug == slug), None)


def resolve_assigned_attributes(owner, limit: int | None):
    groups = assigned_values(owner)
    return groups[: limit if limit is not None and limit >= 0 else 100]


def selected_attributes(owner, scope=None) -> list[SelectedAttribute]:
    scope_value = getattr(scope, "value", scope)
    groups = assigned_values(owner)
    if scope_value == VariantAttributeScope.VARIANT_SELECTION.value:
        groups = [group for group in groups if group.attribute.variant_selection]
    elif scope_value == VariantAttributeScope.NOT_VARIANT_SELECTION.value:
        groups = [group for group in groups if not group.attribute.variant_selection]
    return [SelectedAttribute(attribute=g.attribute, values=g.values) for g in groups]
