"""Writes to accounts: registration and confirmation, signing in, passwords, profile, address
book and deletion.

Nothing here logs or repeats an email address, a password or a token: log lines name the user by
primary key at most. Answers that could tell whether an email address has an account (registering
it again, asking for a password reset) are the same whether it has one or not.
"""

import logging
import math
from collections.abc import Mapping
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.http.request import validate_host
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from marketplace.accounts import rate_limits
from marketplace.accounts.addresses import clean_address
from marketplace.accounts.emails import send_account_email
from marketplace.accounts.errors import AccountErrorCode, AccountErrors
from marketplace.accounts.models import Address, User, new_jwt_token_key
from marketplace.accounts.selectors import address_of, addresses_of, user_by_email
from marketplace.accounts.tokens import (
    confirmation_tokens,
    deletion_tokens,
    password_reset_tokens,
)
from marketplace.core.errors import DomainError

logger = logging.getLogger("marketplace.accounts")

# As Saleor: an address book holds at most this many addresses.
MAX_ADDRESSES = 100
_PASSWORD_CODES = {
    "password_too_short": AccountErrorCode.PASSWORD_TOO_SHORT,
    "password_too_common": AccountErrorCode.PASSWORD_TOO_COMMON,
    "password_entirely_numeric": AccountErrorCode.PASSWORD_ENTIRELY_NUMERIC,
    "password_too_similar": AccountErrorCode.PASSWORD_TOO_SIMILAR,
}


class AddressType(StrEnum):
    BILLING = "billing"
    SHIPPING = "shipping"


# --- Links in emails ---------------------------------------------------------------------------


def check_redirect_url(redirect_url: str | None, *, field: str = "redirectUrl") -> str:
    """`redirect_url` if emails may link to it (http(s), a host of ALLOWED_CLIENT_HOSTS).

    Without this check anyone could have us email a genuine reset token to a site of theirs.
    """
    if not redirect_url:
        raise DomainError(
            _("Give the address of the page the link should open."),
            code=AccountErrorCode.REQUIRED,
            field=field,
        )
    try:
        parts = urlsplit(redirect_url)
        host = parts.hostname or ""
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme not in ("http", "https") or not host:
        raise DomainError(
            _("Enter a valid URL, such as https://example.com/account/confirm."),
            code=AccountErrorCode.INVALID,
            field=field,
        )
    if not validate_host(host, settings.ALLOWED_CLIENT_HOSTS):
        raise DomainError(
            _("%(host)s is not allowed as a link address.") % {"host": host},
            code=AccountErrorCode.INVALID,
            field=field,
        )
    return redirect_url


def _link(redirect_url: str, **params: str) -> str:
    parts = urlsplit(redirect_url)
    query = urlencode([*parse_qsl(parts.query), *params.items()])
    return urlunsplit(parts._replace(query=query))


# --- Registration --------------------------------------------------------------------------------


def _normalize_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError(
            _("This is not a valid email address."), code=AccountErrorCode.INVALID, field="email"
        ) from error
    return email


def check_password(password: str, *, user: User, field: str = "password") -> None:
    """Raise `AccountErrors` unless `password` passes the project's password validators."""
    try:
        password_validation.validate_password(password, user=user)
    except ValidationError as error:
        raise AccountErrors(
            [
                DomainError(
                    message,
                    code=_PASSWORD_CODES.get(item.code, AccountErrorCode.INVALID_PASSWORD),
                    field=field,
                )
                for item in error.error_list
                for message in item.messages
            ]
        ) from error


@transaction.atomic
def register_account(
    *,
    email: str,
    password: str,
    redirect_url: str | None,
    first_name: str = "",
    last_name: str = "",
    language_code: str = "",
) -> None:
    """Register an account that can sign in once the emailed confirmation link is followed.

    When the address already has a confirmed account nothing changes and the answer is the
    same: its owner gets an email saying so. An account never confirmed takes the new
    registration's password and gets a new confirmation link.
    """
    redirect_url = check_redirect_url(redirect_url)
    email = _normalize_email(email)
    user = User(
        email=email,
        first_name=(first_name or "").strip(),
        last_name=(last_name or "").strip(),
        language_code=language_code or settings.LANGUAGE_CODE,
        is_confirmed=False,
    )
    check_password(password, user=user)
    user.set_password(password)
    user.full_clean(exclude=["password"], validate_unique=False)

    existing = user_by_email(email)
    if existing is None:
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:  # registered by a concurrent request a moment ago
            return
        logger.info("Account registered: user %s", user.pk)
        _send_confirmation(user, redirect_url)
    elif not existing.is_confirmed:
        # The newest registration wins: its password replaces the earlier one, and the earlier
        # confirmation link (which depends on the password) stops working. Nobody can register
        # someone else's address in advance and keep a password of their own on the account.
        existing.password = user.password
        existing.first_name, existing.last_name = user.first_name, user.last_name
        existing.language_code = user.language_code
        existing.save(update_fields=["password", "first_name", "last_name", "language_code"])
        _send_confirmation(existing, redirect_url)
    else:
        send_account_email(
            "account_exists",
            to=existing.email,
            language_code=existing.language_code,
            context={"first_name": existing.first_name},
        )


def _send_confirmation(user: User, redirect_url: str) -> None:
    link = _link(redirect_url, email=user.email, token=confirmation_tokens.make_token(user))
    send_account_email(
        "confirm_account",
        to=user.email,
        language_code=user.language_code,
        context={"first_name": user.first_name, "link": link},
    )


def _invalid_token() -> DomainError:
    return DomainError(
        _("The link is invalid or has expired."), code=AccountErrorCode.INVALID, field="token"
    )


@transaction.atomic
def confirm_account(*, email: str, token: str) -> User:
    """Confirm the account of `email` with the token of its confirmation email."""
    user = user_by_email(email)
    # A used token no longer matches (the account's state changed), so that this answer never
    # tells about an account to someone who does not hold a valid link.
    if user is None or not user.is_active or not confirmation_tokens.check_token(user, token):
        raise _invalid_token()
    user.is_confirmed = True
    user.save(update_fields=["is_confirmed"])
    logger.info("Account confirmed: user %s", user.pk)
    return user


# --- Signing in --------------------------------------------------------------------------------


def _minutes(seconds: int) -> int:
    return max(math.ceil(seconds / 60), 1)


def _throttled(limits, keys) -> int:
    return max(
        rate_limits.seconds_blocked(limit, key) for limit, key in zip(limits, keys, strict=True)
    )


def _login_delayed(seconds: int) -> DomainError:
    minutes = _minutes(seconds)
    return DomainError(
        ngettext(
            "Too many failed sign-in attempts. Try again in %(minutes)d minute.",
            "Too many failed sign-in attempts. Try again in %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
        code=AccountErrorCode.LOGIN_ATTEMPT_DELAYED,
        field="email",
    )


def sign_in(*, email: str, password: str, client_ip: str) -> User:
    """The user with these credentials, whose account is active and confirmed.

    Failed attempts are counted per account and per IP address; past LOGIN_RATE_LIMIT_PER_*
    failures within LOGIN_RATE_LIMIT_WINDOW every attempt is refused, right password or not.
    """
    limits = rate_limits.login_limits()
    keys = (rate_limits.private_key(email or ""), rate_limits.private_key(client_ip))
    wait = _throttled(limits, keys)
    if wait:
        logger.warning("Sign-in refused: too many failed attempts")
        raise _login_delayed(wait)

    user = user_by_email(email)
    if user is None:
        # Hash anyway, so that an unknown address takes as long to refuse as a wrong password.
        User().set_password(password)
    if user is None or not user.check_password(password):
        for limit, key in zip(limits, keys, strict=True):
            rate_limits.record_attempt(limit, key)
        logger.info("Sign-in failed: wrong email or password")
        raise DomainError(
            _("Please, enter valid credentials"),
            code=AccountErrorCode.INVALID_CREDENTIALS,
            field="email",
        )
    if not user.is_active:
        raise DomainError(_("Account inactive."), code=AccountErrorCode.INACTIVE, field="email")
    if not user.is_confirmed:
        raise DomainError(
            _("Confirm your email address first: follow the link we emailed you."),
            code=AccountErrorCode.ACCOUNT_NOT_CONFIRMED,
            field="email",
        )
    rate_limits.clear(limits[0], keys[0])
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    return user


# --- Passwords ---------------------------------------------------------------------------------


def _set_new_password(user: User, password: str) -> None:
    """Set `password` and a new token key, which signs the user out of every other session."""
    user.set_password(password)
    user.jwt_token_key = new_jwt_token_key()


@transaction.atomic
def change_password(*, user: User, old_password: str | None, new_password: str) -> User:
    """Change the signed-in user's password; every token issued before stops working.

    Wrong old passwords count as failed sign-ins of the account, so a stolen session cannot be
    used to guess the password faster than the sign-in form allows.
    """
    limit = rate_limits.login_limits()[0]
    key = rate_limits.private_key(user.email)
    wait = rate_limits.seconds_blocked(limit, key)
    if wait:
        raise _login_delayed(wait)
    if user.has_usable_password() and not user.check_password(old_password or ""):
        rate_limits.record_attempt(limit, key)
        raise DomainError(
            _("Old password isn't valid."),
            code=AccountErrorCode.INVALID_PASSWORD,
            field="oldPassword",
        )
    check_password(new_password, user=user, field="newPassword")
    _set_new_password(user, new_password)
    user.save(update_fields=["password", "jwt_token_key"])
    logger.info("Password changed: user %s", user.pk)
    return user


def _reset_delayed(seconds: int) -> DomainError:
    minutes = _minutes(seconds)
    return DomainError(
        ngettext(
            "Too many password reset requests. Try again in %(minutes)d minute.",
            "Too many password reset requests. Try again in %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
        code=AccountErrorCode.PASSWORD_RESET_ALREADY_REQUESTED,
        field="email",
    )


def request_password_reset(*, email: str, redirect_url: str, client_ip: str) -> None:
    """Email a link to choose a new password, if `email` has an active account.

    The answer is the same whether it has one or not; requests are limited per email address
    and per IP address (PASSWORD_RESET_RATE_LIMIT_*), counted for unknown addresses too.
    """
    redirect_url = check_redirect_url(redirect_url)
    limits = rate_limits.password_reset_limits()
    keys = (rate_limits.private_key(email or ""), rate_limits.private_key(client_ip))
    wait = _throttled(limits, keys)
    if wait:
        logger.warning("Password reset refused: too many requests")
        raise _reset_delayed(wait)
    for limit, key in zip(limits, keys, strict=True):
        rate_limits.record_attempt(limit, key)

    user = user_by_email(email)
    if user is None or not user.is_active:
        return
    link = _link(redirect_url, email=user.email, token=password_reset_tokens.make_token(user))
    send_account_email(
        "password_reset",
        to=user.email,
        language_code=user.language_code,
        context={"first_name": user.first_name, "link": link},
    )


@transaction.atomic
def set_password(*, email: str, token: str, password: str) -> User:
    """Set a new password with the token of a password reset email.

    Following the emailed link proves the address, so an unconfirmed account becomes confirmed.
    """
    user = user_by_email(email)
    if user is None or not user.is_active:
        raise _invalid_token()
    if not password_reset_tokens.check_token(user, token):
        raise _invalid_token()
    check_password(password, user=user)
    _set_new_password(user, password)
    user.is_confirmed = True
    user.save(update_fields=["password", "jwt_token_key", "is_confirmed"])
    logger.info("Password reset: user %s", user.pk)
    return user


# --- Profile -----------------------------------------------------------------------------------


@transaction.atomic
def update_account(
    *,
    user: User,
    first_name: str | None = None,
    last_name: str | None = None,
    language_code: str | None = None,
    default_billing_address: Mapping | None = None,
    default_shipping_address: Mapping | None = None,
) -> User:
    """Change the user's name, language and default addresses; omitted values stay as they are.

    A default address given here updates the current one of that type (or becomes a new entry in
    the address book when there is none, or when it is also the default of the other type).
    """
    for name, value in (
        ("first_name", first_name),
        ("last_name", last_name),
        ("language_code", language_code),
    ):
        if value is not None:
            setattr(user, name, value.strip())
    user.full_clean(exclude=["password"], validate_unique=False)
    user.save(update_fields=["first_name", "last_name", "language_code"])
    for kind, data in (
        (AddressType.BILLING, default_billing_address),
        (AddressType.SHIPPING, default_shipping_address),
    ):
        if data is not None:
            _replace_default_address(user, kind, data)
    return user


def _replace_default_address(user: User, kind: AddressType, data: Mapping) -> None:
    other = AddressType.SHIPPING if kind == AddressType.BILLING else AddressType.BILLING
    current = getattr(user, f"default_{kind}_address")
    if current is not None and current.pk != getattr(user, f"default_{other}_address_id"):
        _save_address(current, {**_values(current), **data})
    else:
        create_address(user=user, data=data, address_type=kind)


# --- Address book --------------------------------------------------------------------------------


def _values(address: Address) -> dict[str, str]:
    return {
        name: getattr(address, name)
        for name in (
            "first_name",
            "last_name",
            "company_name",
            "street_address_1",
            "street_address_2",
            "city",
            "city_area",
            "postal_code",
            "country",
            "country_area",
            "phone",
        )
    }


def _save_address(address: Address, data: Mapping) -> Address:
    for name, value in clean_address(data).items():
        setattr(address, name, value)
    address.full_clean()
    address.save()
    return address


def _not_found() -> DomainError:
    return DomainError(
        _("There is no such address in your address book."),
        code=AccountErrorCode.NOT_FOUND,
        field="id",
    )


@transaction.atomic
def create_address(
    *, user: User, data: Mapping, address_type: AddressType | None = None
) -> Address:
    """Add a valid Vietnamese address to the user's address book; with `address_type` it also
    becomes the default address of that type."""
    # Lock the user: two requests at once cannot go past the limit together.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if addresses_of(user).count() >= MAX_ADDRESSES:
        raise DomainError(
            _("An address book holds at most %(count)d addresses.") % {"count": MAX_ADDRESSES},
            code=AccountErrorCode.INVALID,
        )
    address = _save_address(Address(user=user), data)
    if address_type:
        _set_default(user, address, address_type)
    return address


@transaction.atomic
def update_address(*, user: User, address_id: int, data: Mapping) -> Address:
    """Change an address of the user's address book; omitted fields keep their values."""
    address = address_of(user, address_id)
    if address is None:
        raise _not_found()
    return _save_address(address, {**_values(address), **data})


@transaction.atomic
def delete_address(*, user: User, address_id: int) -> Address:
    """Remove an address from the user's address book (and from their defaults)."""
    address = address_of(user, address_id)
    if address is None:
        raise _not_found()
    pk = address.pk
    address.delete()
    address.pk = pk  # the answer still names the address it removed
    user.refresh_from_db(fields=["default_billing_address", "default_shipping_address"])
    return address


@transaction.atomic
def set_default_address(*, user: User, address_id: int, address_type: AddressType) -> User:
    """Make an address of the user's address book their default billing or shipping address."""
    address = address_of(user, address_id)
    if address is None:
        raise _not_found()
    _set_default(user, address, address_type)
    return user


def _set_default(user: User, address: Address, address_type: AddressType) -> None:
    field = f"default_{AddressType(address_type)}_address"
    setattr(user, field, address)
    user.save(update_fields=[field])


# --- Deletion ----------------------------------------------------------------------------------


def request_account_deletion(*, user: User, redirect_url: str) -> None:
    """Email the signed-in user a link that confirms deleting their account."""
    redirect_url = check_redirect_url(redirect_url)
    _check_deletable(user)
    link = _link(redirect_url, token=deletion_tokens.make_token(user))
    send_account_email(
        "account_delete",
        to=user.email,
        language_code=user.language_code,
        context={"first_name": user.first_name, "link": link},
    )


def _check_deletable(user: User) -> None:
    if user.is_staff or user.is_superuser:
        raise DomainError(
            _("Staff accounts are removed by an administrator."),
            code=AccountErrorCode.DELETE_STAFF_ACCOUNT,
        )


@transaction.atomic
def delete_account(*, user: User, token: str) -> None:
    """Delete the signed-in user's account, with the token of the deletion email.

    The profile and the address book go; nothing else refers to a deleted account.
    """
    _check_deletable(user)
    if not deletion_tokens.check_token(user, token):
        raise _invalid_token()
    pk = user.pk
    user.delete()
    logger.info("Account deleted: user %s", pk)
