"""JSON Web Tokens in Saleor's shapes: a short-lived access token and a long-lived refresh token.

Both carry the user's `jwt_token_key`; giving the user a new key (a new password, a reset)
makes every token issued before invalid. Tokens are signed with HS256 by a key derived from
`settings.JWT_SECRET_KEY`, so that the signing key is always 256 bits long and used for nothing
else.
"""

from datetime import timedelta

import jwt
from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from marketplace.accounts.errors import AccountErrorCode
from marketplace.accounts.models import User
from marketplace.core.errors import DomainError
from marketplace.core.ids import InvalidGlobalId, from_global_id, to_global_id

ACCESS = "access"
REFRESH = "refresh"
ALGORITHM = "HS256"
_REQUIRED_CLAIMS = ["exp", "iat", "type", "token", "user_id"]


class InvalidToken(DomainError):
    """A token that is malformed, expired, of the wrong type, or no longer valid for its user."""

    def __init__(self, message: str, code: AccountErrorCode = AccountErrorCode.JWT_INVALID_TOKEN):
        super().__init__(message, code=code, field="token")


def _signing_key() -> bytes:
    return salted_hmac(
        "marketplace.accounts.tokens",
        "jwt-signing-key",
        secret=settings.JWT_SECRET_KEY,
        algorithm="sha256",
    ).digest()


def _encode(user: User, token_type: str, ttl: int) -> str:
    now = timezone.now()
    payload = {
        "iat": now,
        "exp": now + timedelta(seconds=ttl),
        "token": user.jwt_token_key,
        "email": user.email,
        "type": token_type,
        "user_id": to_global_id("User", user.pk),
        "is_staff": user.is_staff,
    }
    return jwt.encode(payload, _signing_key(), algorithm=ALGORITHM)


def create_access_token(user: User) -> str:
    """A token that authenticates requests (`Authorization: Bearer ...`) for JWT_ACCESS_TTL."""
    return _encode(user, ACCESS, settings.JWT_ACCESS_TTL)


def create_refresh_token(user: User) -> str:
    """A token that obtains new access tokens (`tokenRefresh`) for JWT_REFRESH_TTL."""
    return _encode(user, REFRESH, settings.JWT_REFRESH_TTL)


def decode_token(token: str, *, token_type: str | None = None) -> dict:
    """The verified payload of `token`; raises `InvalidToken` (never anything else)."""
    try:
        payload = jwt.decode(
            token or "",
            _signing_key(),
            algorithms=[ALGORITHM],
            options={"require": _REQUIRED_CLAIMS},
        )
    except jwt.ExpiredSignatureError as error:
        raise InvalidToken(
            _("The token has expired."), AccountErrorCode.JWT_SIGNATURE_EXPIRED
        ) from error
    except jwt.DecodeError as error:
        raise InvalidToken(
            _("The token could not be decoded."), AccountErrorCode.JWT_DECODE_ERROR
        ) from error
    except jwt.InvalidTokenError as error:
        raise InvalidToken(_("The token is not valid.")) from error
    if token_type and payload.get("type") != token_type:
        raise InvalidToken(_("The token is not valid."))
    return payload


def user_for_payload(payload: dict) -> User:
    """The active user a verified payload was issued to, if it is still valid for them."""
    try:
        pk = from_global_id(str(payload.get("user_id")), "User")
    except InvalidGlobalId as error:
        raise InvalidToken(_("The token is not valid.")) from error
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or user.jwt_token_key != payload.get("token"):
        raise InvalidToken(_("The token is not valid."))
    return user


def user_for_token(token: str, *, token_type: str = ACCESS) -> User:
    """The user `token` (of `token_type`) authenticates; raises `InvalidToken`."""
    return user_for_payload(decode_token(token, token_type=token_type))


# --- One-time tokens sent by email -------------------------------------------------------------
# Django's password reset tokens: an HMAC of the user's state and a timestamp, valid for
# PASSWORD_RESET_TIMEOUT. Each purpose has its own salt, and its own state that changes once the
# token is used, so that a token works once and for one purpose only.


class _ConfirmationTokens(PasswordResetTokenGenerator):
    key_salt = "marketplace.accounts.confirm_account"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_confirmed}"


class _PasswordResetTokens(PasswordResetTokenGenerator):
    key_salt = "marketplace.accounts.password_reset"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.jwt_token_key}"


class _DeletionTokens(PasswordResetTokenGenerator):
    key_salt = "marketplace.accounts.account_delete"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.jwt_token_key}"


confirmation_tokens = _ConfirmationTokens()
password_reset_tokens = _PasswordResetTokens()
deletion_tokens = _DeletionTokens()
