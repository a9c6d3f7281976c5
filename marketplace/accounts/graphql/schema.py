"""Account queries and mutations: `me`, `addressValidationRules`, tokens and the address book."""

import graphene

from marketplace.accounts.addresses import COUNTRY, address_rules
from marketplace.accounts.graphql import mutations
from marketplace.accounts.graphql.types import AddressValidationData, User
from marketplace.graphql.core.countries import CountryCode


class AccountQueries(graphene.ObjectType):
    me = graphene.Field(User, description="Return the currently authenticated user.")
    address_validation_rules = graphene.Field(
        AddressValidationData,
        country_code=graphene.Argument(
            CountryCode, required=True, description="Two-letter ISO 3166-1 country code."
        ),
        country_area=graphene.String(
            description="Designation of a region, province or state: with a province, the "
            "answer lists its wards and communes as `cityChoices`."
        ),
        city=graphene.String(description="City or a town name."),
        city_area=graphene.String(description="Sublocality like a district."),
        description=(
            "Address rules for a country: for VN the 34 provinces and cities in force since "
            "1 July 2025 and their wards. Null for other countries: the marketplace delivers "
            "only within Viet Nam."
        ),
    )

    @staticmethod
    def resolve_me(root, info):
        user = getattr(info.context, "user", None)
        return user if user is not None and user.is_authenticated else None

    @staticmethod
    def resolve_address_validation_rules(
        root, info, country_code, country_area=None, city=None, city_area=None
    ):
        if getattr(country_code, "value", country_code) != COUNTRY:
            return None
        return address_rules(country_area=country_area)


class AccountMutations(graphene.ObjectType):
    token_create = mutations.CreateToken.Field()
    token_refresh = mutations.RefreshToken.Field()
    token_verify = mutations.VerifyToken.Field()
    account_register = mutations.AccountRegister.Field()
    confirm_account = mutations.ConfirmAccount.Field()
    request_password_reset = mutations.RequestPasswordReset.Field()
    set_password = mutations.SetPassword.Field()
    password_change = mutations.PasswordChange.Field()
    account_update = mutations.AccountUpdate.Field()
    account_address_create = mutations.AccountAddressCreate.Field()
    account_address_update = mutations.AccountAddressUpdate.Field()
    account_address_delete = mutations.AccountAddressDelete.Field()
    account_set_default_address = mutations.AccountSetDefaultAddress.Field()
    account_request_deletion = mutations.AccountRequestDeletion.Field()
    account_delete = mutations.AccountDelete.Field()
