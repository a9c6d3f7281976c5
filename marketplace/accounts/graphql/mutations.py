"""Account mutations of the storefront API, in Saleor 3's shapes.

Each parses its input, calls one service of `marketplace.accounts.services` and presents the
result; the services decide. Errors come back as `errors { field message code }` with
`AccountErrorCode` values.
"""

import functools

import graphene
from django.utils.translation import gettext as _
from graphene.types.generic import GenericScalar

from marketplace.accounts import services, tokens
from marketplace.accounts.errors import AccountErrorCode, AccountErrors
from marketplace.accounts.graphql.types import (
    AccountError,
    Address,
    AddressInput,
    AddressTypeEnum,
    User,
    owned,
)
from marketplace.accounts.models import User as UserModel
from marketplace.accounts.rate_limits import client_ip
from marketplace.core.errors import DomainError
from marketplace.core.ids import InvalidGlobalId, from_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.core.types import LanguageCodeEnum, language_code


def reports_every_error(perform_mutation):
    """Let `perform_mutation` answer every problem of an `AccountErrors`, not only the first."""

    @functools.wraps(perform_mutation)
    def wrapper(cls, root, info, **data):
        try:
            return perform_mutation(cls, root, info, **data)
        except AccountErrors as error:
            error_type = cls._meta.error_type
            return cls(
                errors=[
                    error_type(field=item.field, message=item.message, code=item.code)
                    for item in error.errors
                ]
            )

    return wrapper


def _enum_value(value):
    return getattr(value, "value", value)


def address_data(input_data) -> dict:
    """The fields given in an `AddressInput`, by model field name (omitted ones left out)."""
    if input_data.get("skip_validation"):
        raise DomainError(
            _("Addresses are always validated."),
            code=AccountErrorCode.PERMISSION_DENIED,
            field="skipValidation",
        )
    return {
        name: _enum_value(value)
        for name, value in input_data.items()
        if name != "skip_validation" and value is not None
    }


def address_pk(global_id: str) -> int:
    try:
        return from_global_id(global_id, "Address")
    except InvalidGlobalId as error:
        raise DomainError(
            _("Couldn't resolve to an address: %(id)s") % {"id": global_id},
            code=AccountErrorCode.GRAPHQL_ERROR,
            field="id",
        ) from error


def _user(info):
    return info.context.user


# --- Tokens --------------------------------------------------------------------------------------


class CreateToken(BaseMutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    refresh_token = graphene.String(
        description="JWT refresh token, required to re-generate access token."
    )
    csrf_token = graphene.String(
        description="CSRF token required to re-generate access token (not used: always null)."
    )
    user = graphene.Field(User, description="A user instance.")

    class Arguments:
        audience = graphene.String(
            description="The audience that will be included to JWT tokens (not used)."
        )
        email = graphene.String(required=True, description="Email of a user.")
        password = graphene.String(required=True, description="Password of a user.")

    class Meta:
        description = (
            "Create JWT token. Failed attempts are limited per account and per IP address "
            "(LOGIN_ATTEMPT_DELAYED); unconfirmed accounts cannot sign in."
        )
        error_type = AccountError

    @classmethod
    def perform_mutation(cls, root, info, email, password, audience=None):
        user = services.sign_in(email=email, password=password, client_ip=client_ip(info.context))
        return cls(
            token=tokens.create_access_token(user),
            refresh_token=tokens.create_refresh_token(user),
            user=user,
        )


class RefreshToken(BaseMutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    user = graphene.Field(User, description="A user instance.")

    class Arguments:
        csrf_token = graphene.String(description="CSRF token (not used: no refresh cookies).")
        refresh_token = graphene.String(description="Refresh token.")

    class Meta:
        description = "Refresh JWT token: a new access token for a valid refresh token."
        error_type = AccountError

    @classmethod
    def perform_mutation(cls, root, info, refresh_token=None, csrf_token=None):
        if not refresh_token:
            raise DomainError(
                _("Missing refreshToken"),
                code=AccountErrorCode.JWT_MISSING_TOKEN,
                field="refreshToken",
            )
        try:
            user = tokens.user_for_token(refresh_token, token_type=tokens.REFRESH)
        except tokens.InvalidToken as error:
            error.field = "refreshToken"
            raise
        return cls(token=tokens.create_access_token(user), user=user)


class VerifyToken(BaseMutation):
    user = graphene.Field(User, description="User assigned to token.")
    is_valid = graphene.Boolean(required=True, description="Determine if token is valid or not.")
    payload = GenericScalar(description="JWT payload.")

    class Arguments:
        token = graphene.String(required=True, description="JWT token to validate.")

    class Meta:
        description = "Verify JWT token."
        error_type = AccountError

    @classmethod
    def perform_mutation(cls, root, info, token):
        try:
            payload = tokens.decode_token(token)
            user = tokens.user_for_payload(payload)
        except tokens.InvalidToken as error:
            return cls(
                is_valid=False,
                errors=[AccountError(field=error.field, message=error.message, code=error.code)],
            )
        return cls(is_valid=True, payload=payload, user=user)


# --- Registration and passwords ------------------------------------------------------------------


class AccountRegisterInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = graphene.Field(LanguageCodeEnum, description="User language code.")
    email = graphene.String(required=True, description="The email address of the user.")
    password = graphene.String(required=True, description="Password.")
    redirect_url = graphene.String(
        description="Base of frontend URL that will be needed to create confirmation URL "
        "(required: every account confirms its email address)."
    )
    channel = graphene.String(description="Slug of a channel (not used).")

    class Meta:
        description = "Fields required to create a user."


class AccountRegister(BaseMutation):
    user = graphene.Field(
        User,
        deprecation_reason="The field always returns a `User` object constructed from the "
        "input data. The `user.id` is always empty.",
    )
    requires_confirmation = graphene.Boolean(
        description="Informs whether users need to confirm their email address."
    )

    class Arguments:
        input = AccountRegisterInput(required=True, description="Fields required to create a user.")

    class Meta:
        description = (
            "Register a new user. A confirmation link is emailed; the answer is the same when "
            "the address already has an account (its owner is told by email instead)."
        )
        error_type = AccountError

    @classmethod
    @reports_every_error
    def perform_mutation(cls, root, info, input):
        code = language_code(input.get("language_code")) or ""
        services.register_account(
            email=input["email"],
            password=input["password"],
            redirect_url=input.get("redirect_url"),
            first_name=input.get("first_name") or "",
            last_name=input.get("last_name") or "",
            language_code=code,
        )
        echo = UserModel(
            email=input["email"].strip().lower(),
            first_name=input.get("first_name") or "",
            last_name=input.get("last_name") or "",
            language_code=code or "vi",
            is_confirmed=False,
        )
        return cls(user=echo, requires_confirmation=True)


class ConfirmAccount(BaseMutation):
    user = graphene.Field(User, description="An activated user account.")

    class Arguments:
        email = graphene.String(required=True, description="E-mail of the user performing action.")
        password = graphene.String(description="Password of the user (not used).")
        token = graphene.String(required=True, description="A one-time confirmation token.")

    class Meta:
        description = "Confirm user account with token sent by email during registration."
        error_type = AccountError

    @classmethod
    def perform_mutation(cls, root, info, email, token, password=None):
        return cls(user=services.confirm_account(email=email, token=token))


class PasswordChange(BaseMutation):
    user = graphene.Field(User, description="A user instance with a new password.")

    class Arguments:
        new_password = graphene.String(required=True, description="New user password.")
        old_password = graphene.String(description="Current user password.")

    class Meta:
        description = (
            "Change the password of the logged in user. Every token issued before stops "
            "working: sign in again with the new password."
        )
        error_type = AccountError
        login_required = True

    @classmethod
    @reports_every_error
    def perform_mutation(cls, root, info, new_password, old_password=None):
        user = services.change_password(
            user=_user(info), old_password=old_password, new_password=new_password
        )
        return cls(user=user)


class RequestPasswordReset(BaseMutation):
    class Arguments:
        channel = graphene.String(description="Slug of a channel (not used).")
        email = graphene.String(
            required=True, description="Email of the user that will be used for password recovery."
        )
        redirect_url = graphene.String(
            required=True,
            description="URL of a view where users should be redirected to reset the password. "
            "The email adds `email` and `token` to its query.",
        )

    class Meta:
        description = (
            "Sends an email with the account password modification link. The answer is the same "
            "whether the address has an account or not; requests are limited per address and per "
            "IP address (PASSWORD_RESET_ALREADY_REQUESTED)."
        )
        error_type = AccountError

    @classmethod
    def perform_mutation(cls, root, info, email, redirect_url, channel=None):
        services.request_password_reset(
            email=email, redirect_url=redirect_url, client_ip=client_ip(info.context)
        )
        return cls()


class SetPassword(BaseMutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    refresh_token = graphene.String(
        description="JWT refresh token, required to re-generate access token."
    )
    csrf_token = graphene.String(description="CSRF token (not used: always null).")
    user = graphene.Field(User, description="A user instance.")

    class Arguments:
        email = graphene.String(required=True, description="Email of a user.")
        password = graphene.String(required=True, description="Password of a user.")
        token = graphene.String(
            required=True, description="A one-time token required to set the password."
        )

    class Meta:
        description = (
            "Sets the user's password from the token sent by email using the "
            "RequestPasswordReset mutation, and signs the user in."
        )
        error_type = AccountError

    @classmethod
    @reports_every_error
    def perform_mutation(cls, root, info, email, password, token):
        user = services.set_password(email=email, token=token, password=password)
        return cls(
            token=tokens.create_access_token(user),
            refresh_token=tokens.create_refresh_token(user),
            user=user,
        )


# --- Profile and address book --------------------------------------------------------------------


class AccountInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = graphene.Field(LanguageCodeEnum, description="User language code.")
    default_billing_address = graphene.Field(
        AddressInput, description="Billing address of the customer."
    )
    default_shipping_address = graphene.Field(
        AddressInput, description="Shipping address of the customer."
    )

    class Meta:
        description = "Fields required to update the user."


class AccountUpdate(BaseMutation):
    user = graphene.Field(User)

    class Arguments:
        customer_id = graphene.ID(description="ID of customer an app impersonates (not used).")
        input = AccountInput(required=True, description="Fields required to update the account.")

    class Meta:
        description = "Updates the account of the logged-in user."
        error_type = AccountError
        login_required = True

    @classmethod
    @reports_every_error
    def perform_mutation(cls, root, info, input, customer_id=None):
        _refuse_impersonation(customer_id)
        addresses = {
            name: address_data(input[name])
            for name in ("default_billing_address", "default_shipping_address")
            if input.get(name) is not None
        }
        code = input.get("language_code")
        user = services.update_account(
            user=_user(info),
            first_name=input.get("first_name"),
            last_name=input.get("last_name"),
            language_code=language_code(code) if code else None,
            **addresses,
        )
        return cls(user=user)


def _refuse_impersonation(customer_id) -> None:
    if customer_id:
        raise DomainError(
            _("Only apps may act for a customer, and this marketplace has none."),
            code=AccountErrorCode.PERMISSION_DENIED,
            field="customerId",
        )


class AccountAddressCreate(BaseMutation):
    user = graphene.Field(User, description="A user instance for which the address was created.")
    address = graphene.Field(Address)

    class Arguments:
        customer_id = graphene.ID(description="ID of customer an app impersonates (not used).")
        input = AddressInput(required=True, description="Fields required to create address.")
        type = AddressTypeEnum(
            description="A type of address. If provided, the new address will be automatically "
            "assigned as the customer's default address of that type."
        )

    class Meta:
        description = (
            "Create a new address for the customer: a Vietnamese address whose ward belongs to "
            "its province."
        )
        error_type = AccountError
        login_required = True

    @classmethod
    @reports_every_error
    def perform_mutation(cls, root, info, input, type=None, customer_id=None):
        _refuse_impersonation(customer_id)
        user = _user(info)
        address = services.create_address(
            user=user,
            data=address_data(input),
            address_type=services.AddressType(_enum_value(type)) if type else None,
        )
        return cls(user=user, address=owned(address, user))


class AccountAddressUpdate(BaseMutation):
    user = graphene.Field(User, description="A user object for which the address was edited.")
    address = graphene.Field(Address)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to update.")
        input = AddressInput(required=True, description="Fields required to update the address.")

    class Meta:
        description = "Updates an address of the logged-in user; omitted fields stay unchanged."
        error_type = AccountError
        login_required = True

    @classmethod
    @reports_every_error
    def perform_mutation(cls, root, info, id, input):
        user = _user(info)
        address = services.update_address(
            user=user, address_id=address_pk(id), data=address_data(input)
        )
        return cls(user=user, address=owned(address, user))


class AccountAddressDelete(BaseMutation):
    user = graphene.Field(User, description="A user instance for which the address was deleted.")
    address = graphene.Field(Address)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to delete.")

    class Meta:
        description = "Deletes an address of the logged-in user."
        error_type = AccountError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, id):
        user = _user(info)
        address = services.delete_address(user=user, address_id=address_pk(id))
        return cls(user=user, address=address)


class AccountSetDefaultAddress(BaseMutation):
    user = graphene.Field(User, description="An updated user instance.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to set as default.")
        type = AddressTypeEnum(required=True, description="The type of address.")

    class Meta:
        description = "Sets a default address for the authenticated user."
        error_type = AccountError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, id, type):
        user = services.set_default_address(
            user=_user(info),
            address_id=address_pk(id),
            address_type=services.AddressType(_enum_value(type)),
        )
        return cls(user=user)


# --- Deletion ------------------------------------------------------------------------------------


class AccountRequestDeletion(BaseMutation):
    class Arguments:
        channel = graphene.String(description="Slug of a channel (not used).")
        redirect_url = graphene.String(
            required=True,
            description="URL of a view where users should be redirected to delete their account. "
            "The email adds `token` to its query.",
        )

    class Meta:
        description = "Sends an email with the account removal link for the logged-in user."
        error_type = AccountError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, redirect_url, channel=None):
        services.request_account_deletion(user=_user(info), redirect_url=redirect_url)
        return cls()


class AccountDelete(BaseMutation):
    user = graphene.Field(User)

    class Arguments:
        token = graphene.String(
            required=True,
            description="A one-time token required to remove account. Sent by email using "
            "AccountRequestDeletion mutation.",
        )

    class Meta:
        description = "Remove user account: the profile and the address book."
        error_type = AccountError
        login_required = True

    @classmethod
    def perform_mutation(cls, root, info, token):
        user = _user(info)
        pk = user.pk
        services.delete_account(user=user, token=token)
        user.pk = pk  # the answer still names the account it removed
        return cls(user=user)
