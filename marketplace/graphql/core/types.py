"""GraphQL types shared by every domain: model-backed objects, money, images, languages, filters."""

import graphene
from django.conf.locale import LANG_INFO
from graphene.types.objecttype import ObjectTypeOptions

from marketplace.core.money import CURRENCY


class ModelObjectTypeOptions(ObjectTypeOptions):
    model = None


class ModelObjectType(graphene.ObjectType):
    """An object type backed by a Django model; Relay global IDs are base64 of "Type:pk"."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, model=None, _meta=None, **options):
        _meta = _meta or ModelObjectTypeOptions(cls)
        _meta.model = model
        super().__init_subclass_with_meta__(_meta=_meta, **options)

    @classmethod
    def is_type_of(cls, root, info) -> bool:
        return isinstance(root, cls._meta.model)


def _language_enum_values() -> list[tuple[str, str]]:
    codes = {"vi", "en"} | {code for code in LANG_INFO if "fallback" not in LANG_INFO[code]}
    return sorted((code.replace("-", "_").upper(), code.lower()) for code in codes)


LanguageCodeEnum = graphene.Enum("LanguageCodeEnum", _language_enum_values())


class LanguageDisplay(graphene.ObjectType):
    code = graphene.Field(LanguageCodeEnum, required=True, description="ISO 639 language code.")
    language = graphene.String(required=True, description="Full name of the language.")


class OrderDirection(graphene.Enum):
    ASC = "asc"
    DESC = "desc"

    @property
    def description(self):
        return {
            OrderDirection.ASC: "Specifies an ascending sort order.",
            OrderDirection.DESC: "Specifies a descending sort order.",
        }.get(self)


class ThumbnailFormatEnum(graphene.Enum):
    ORIGINAL = "original"
    AVIF = "avif"
    WEBP = "webp"


class Money(graphene.ObjectType):
    currency = graphene.String(required=True, description="Currency code.")
    amount = graphene.Float(required=True, description="Amount of money.")
    fractional_amount = graphene.Int(
        required=True, description="Amount in the currency's smallest unit (dong for VND)."
    )
    fraction_digits = graphene.Int(
        required=True, description="Number of digits after the decimal point (0 for VND)."
    )

    class Meta:
        description = "Represents amount of money in specific currency."

    @staticmethod
    def resolve_currency(root, info):
        return CURRENCY

    @staticmethod
    def resolve_amount(root, info):
        return root

    @staticmethod
    def resolve_fractional_amount(root, info):
        return int(root)

    @staticmethod
    def resolve_fraction_digits(root, info):
        return 0


class TaxedMoney(graphene.ObjectType):
    """Prices in VND include VAT: net and gross are the same and no tax is added on top."""

    currency = graphene.String(required=True, description="Currency code.")
    gross = graphene.Field(Money, required=True, description="Amount of money including taxes.")
    net = graphene.Field(Money, required=True, description="Amount of money without taxes.")
    tax = graphene.Field(Money, required=True, description="Amount of taxes.")

    class Meta:
        description = "Represents a monetary value with taxes."

    @staticmethod
    def resolve_currency(root, info):
        return CURRENCY

    @staticmethod
    def resolve_gross(root, info):
        return root

    @staticmethod
    def resolve_net(root, info):
        return root

    @staticmethod
    def resolve_tax(root, info):
        return 0


class TaxedMoneyRange(graphene.ObjectType):
    start = graphene.Field(TaxedMoney, description="Lower bound of a price range.")
    stop = graphene.Field(TaxedMoney, description="Upper bound of a price range.")

    class Meta:
        description = "Represents a range of monetary values."


class Image(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the image.")
    alt = graphene.String(description="Alt text for an image.")

    class Meta:
        description = "Represents an image."


class File(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the file.")
    content_type = graphene.String(description="Content type of the file.")


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True, description="Country code.")
    country = graphene.String(required=True, description="Country name.")


class StringFilterInput(graphene.InputObjectType):
    eq = graphene.String(description="The value equal to.")
    one_of = graphene.List(graphene.NonNull(graphene.String), description="The value included in.")


class GlobalIDFilterInput(graphene.InputObjectType):
    eq = graphene.ID(description="The value equal to.")
    one_of = graphene.List(graphene.NonNull(graphene.ID), description="The value included in.")


class DecimalRangeInput(graphene.InputObjectType):
    gte = graphene.Decimal(description="Decimal value greater than or equal to.")
    lte = graphene.Decimal(description="Decimal value less than or equal to.")


class DecimalFilterInput(graphene.InputObjectType):
    eq = graphene.Decimal(description="The value equal to.")
    one_of = graphene.List(graphene.NonNull(graphene.Decimal), description="The value included in.")
    range = graphene.Field(DecimalRangeInput, description="The value in range.")


class PriceRangeInput(graphene.InputObjectType):
    gte = graphene.Float(description="Price greater than or equal to.")
    lte = graphene.Float(description="Price less than or equal to.")


class DateTimeRangeInput(graphene.InputObjectType):
    gte = graphene.DateTime(description="Start date.")
    lte = graphene.DateTime(description="End date.")


def language_code(enum_value) -> str:
    """ "EN" / LanguageCodeEnum.EN -> "en"; "PT_BR" -> "pt-br"."""
    value = getattr(enum_value, "value", enum_value) or ""
    return str(value).replace("_", "-").lower()
