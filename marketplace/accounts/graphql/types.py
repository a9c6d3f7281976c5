"""Account types of the storefront API, in Saleor 3's shapes: User, Address, address rules."""

import graphene
from django.core.exceptions import ObjectDoesNotExist

from marketplace.accounts import models
from marketplace.accounts.addresses import COUNTRY_NAME
from marketplace.accounts.errors import AccountErrorCode as AccountErrorCodes
from marketplace.accounts.selectors import addresses_of
from marketplace.core.ids import to_global_id
from marketplace.graphql.core.countries import CountryCode
from marketplace.graphql.core.mutations import error_type
from marketplace.graphql.core.types import (
    CountryDisplay,
    Image,
    LanguageCodeEnum,
    ModelObjectType,
    ThumbnailFormatEnum,
)
from marketplace.orders.graphql.me import resolve_user_orders, user_orders_field

AccountErrorCode = graphene.Enum.from_enum(AccountErrorCodes)
AccountError = error_type(
    "AccountError", AccountErrorCode, "Represents errors in account mutations."
)


class AddressTypeEnum(graphene.Enum):
    BILLING = "billing"
    SHIPPING = "shipping"


class AddressInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    company_name = graphene.String(description="Company or organization.")
    street_address_1 = graphene.String(description="Address: house number and street.")
    street_address_2 = graphene.String(description="Address.")
    city = graphene.String(
        description="Ward, commune or special zone (phường, xã, đặc khu), with or without "
        "diacritics and prefix."
    )
    city_area = graphene.String(description="Village or residential group (thôn, ấp, tổ).")
    postal_code = graphene.String(description="Postal code (5 digits).")
    country = graphene.Field(CountryCode, description="Country: only VN is accepted.")
    country_area = graphene.String(
        description="Province or city: one of the 34 in force since 1 July 2025."
    )
    phone = graphene.String(description="Phone number: a Vietnamese mobile or landline number.")
    skip_validation = graphene.Boolean(
        default_value=False,
        description="Determine if the address should be validated. Addresses are always "
        "validated here: true is refused.",
    )


def _owner_flag(address, info, kind: str) -> bool | None:
    owner = getattr(address, "_owner", None)
    if owner is None:
        return None
    return getattr(owner, f"default_{kind}_address_id") == address.pk


def owned(address, owner):
    """Tag `address` with the user it was read through, for its isDefault* fields."""
    if address is not None:
        address._owner = owner
    return address


class Address(ModelObjectType):
    first_name = graphene.String(required=True, description="The given name of the address.")
    last_name = graphene.String(required=True, description="The family name of the address.")
    company_name = graphene.String(required=True, description="Company or organization name.")
    street_address_1 = graphene.String(required=True, description="The first line of the address.")
    street_address_2 = graphene.String(required=True, description="The second line of the address.")
    city = graphene.String(
        required=True, description="The ward, commune or special zone of the address."
    )
    city_area = graphene.String(
        required=True, description="The village or residential group of the address."
    )
    postal_code = graphene.String(required=True, description="The postal code of the address.")
    country = graphene.Field(
        CountryDisplay, required=True, description="The country of the address."
    )
    country_area = graphene.String(
        required=True, description="The province or city of the address."
    )
    phone = graphene.String(description="The phone number assigned the address.")
    is_default_shipping_address = graphene.Boolean(
        description="Address is user's default shipping address."
    )
    is_default_billing_address = graphene.Boolean(
        description="Address is user's default billing address."
    )

    class Meta:
        model = models.Address
        interfaces = (graphene.relay.Node,)
        description = "Represents user address data."

    @staticmethod
    def resolve_country(root, info):
        return CountryDisplay(code=root.country, country=str(COUNTRY_NAME))

    @staticmethod
    def resolve_is_default_shipping_address(root, info):
        return _owner_flag(root, info, "shipping")

    @staticmethod
    def resolve_is_default_billing_address(root, info):
        return _owner_flag(root, info, "billing")


def _default_address(user, kind: str):
    if not user.pk:
        return None
    try:
        return owned(getattr(user, f"default_{kind}_address"), user)
    except ObjectDoesNotExist:  # removed a moment ago, with the account
        return None


class User(ModelObjectType):
    id = graphene.ID(
        required=True,
        description="The ID of the user (empty in the answer of accountRegister).",
    )
    email = graphene.String(required=True, description="The email address of the user.")
    first_name = graphene.String(required=True, description="The given name of the user.")
    last_name = graphene.String(required=True, description="The family name of the user.")
    is_staff = graphene.Boolean(
        required=True, description="Determine if the user is a staff admin."
    )
    is_active = graphene.Boolean(required=True, description="Determine if the user is active.")
    is_confirmed = graphene.Boolean(
        required=True, description="Determines if user has confirmed email."
    )
    addresses = graphene.NonNull(
        graphene.List(graphene.NonNull(Address)), description="List of all user's addresses."
    )
    default_shipping_address = graphene.Field(
        Address, description="The default shipping address of the user."
    )
    default_billing_address = graphene.Field(
        Address, description="The default billing address of the user."
    )
    avatar = graphene.Field(
        Image,
        size=graphene.Int(description="Desired longest side the image in pixels."),
        format=graphene.Argument(
            ThumbnailFormatEnum,
            default_value=ThumbnailFormatEnum.ORIGINAL.value,
            description="The format of the image.",
        ),
        description="The avatar of the user (the marketplace keeps no avatars: always null).",
    )
    language_code = graphene.Field(
        LanguageCodeEnum, required=True, description="User language code."
    )
    last_login = graphene.DateTime(description="The date when the user last time log in.")
    date_joined = graphene.DateTime(
        required=True, description="The data when the user create account."
    )
    orders = user_orders_field()

    class Meta:
        model = models.User
        interfaces = (graphene.relay.Node,)
        description = "Represents user data."

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("User", root.pk) if root.pk else ""

    @staticmethod
    def resolve_addresses(root, info):
        if not root.pk:
            return []
        return [owned(address, root) for address in addresses_of(root)]

    @staticmethod
    def resolve_default_shipping_address(root, info):
        return _default_address(root, "shipping")

    @staticmethod
    def resolve_default_billing_address(root, info):
        return _default_address(root, "billing")

    @staticmethod
    def resolve_avatar(root, info, size=None, format=None):
        return None

    @staticmethod
    def resolve_language_code(root, info):
        return (root.language_code or "vi").replace("-", "_").lower()

    resolve_orders = staticmethod(resolve_user_orders)


class ChoiceValue(graphene.ObjectType):
    raw = graphene.String(description="The raw name of the choice.")
    verbose = graphene.String(description="The verbose name of the choice.")


def _choices(pairs) -> list[ChoiceValue]:
    return [ChoiceValue(raw=raw, verbose=verbose) for raw, verbose in pairs]


class AddressValidationData(graphene.ObjectType):
    country_code = graphene.String(
        required=True, description="The country code of the address validation rule."
    )
    country_name = graphene.String(
        required=True, description="The country name of the address validation rule."
    )
    address_format = graphene.String(
        required=True,
        description="The address format of the address validation rule (%N name, %O "
        "organization, %A street address, %D village, %C ward, %S province, %Z postal code).",
    )
    address_latin_format = graphene.String(
        required=True, description="The latin address format of the address validation rule."
    )
    allowed_fields = graphene.NonNull(
        graphene.List(graphene.NonNull(graphene.String)),
        description="The allowed fields to use in address.",
    )
    required_fields = graphene.NonNull(
        graphene.List(graphene.NonNull(graphene.String)),
        description="The required fields to create a valid address.",
    )
    upper_fields = graphene.NonNull(
        graphene.List(graphene.NonNull(graphene.String)),
        description="The list of fields that should be in upper case for address validation rule.",
    )
    country_area_type = graphene.String(
        required=True, description="The formal name of the county area: province."
    )
    country_area_choices = graphene.NonNull(
        graphene.List(graphene.NonNull(ChoiceValue)),
        description="The 34 provinces and cities in force since 1 July 2025.",
    )
    city_type = graphene.String(required=True, description="The formal name of the city: ward.")
    city_choices = graphene.NonNull(
        graphene.List(graphene.NonNull(ChoiceValue)),
        description="The wards and communes of the province given as `countryArea`.",
    )
    city_area_type = graphene.String(
        required=True, description="The formal name of the city area of the address."
    )
    city_area_choices = graphene.NonNull(
        graphene.List(graphene.NonNull(ChoiceValue)),
        description="The available choices for the city area of the address validation rule.",
    )
    postal_code_type = graphene.String(
        required=True, description="The formal name of the postal code."
    )
    postal_code_matchers = graphene.NonNull(
        graphene.List(graphene.NonNull(graphene.String)),
        description="The regular expression for postal code validation.",
    )
    postal_code_examples = graphene.NonNull(
        graphene.List(graphene.NonNull(graphene.String)),
        description="The example postal code of the address validation rule.",
    )
    postal_code_prefix = graphene.String(
        required=True, description="The postal code prefix of the address validation rule."
    )

    class Meta:
        description = "Represents address validation rules for a country."

    @staticmethod
    def resolve_country_area_choices(root, info):
        return _choices(root.country_area_choices)

    @staticmethod
    def resolve_city_choices(root, info):
        return _choices(root.city_choices)

    @staticmethod
    def resolve_city_area_choices(root, info):
        return _choices(root.city_area_choices)
