"""Authenticate API requests by the access token in `Authorization: Bearer <token>`."""

from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject

from marketplace.accounts.tokens import InvalidToken, user_for_token

# Saleor's clients send "Bearer"; older ones send "JWT".
_PREFIXES = {"bearer", "jwt"}


def bearer_token(request) -> str | None:
    """The token of the request's Authorization header, or None when it has none."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    prefix, _, token = header.strip().partition(" ")
    if prefix.lower() not in _PREFIXES:
        return None
    return token.strip()


def _token_user(token: str):
    try:
        return user_for_token(token)
    except InvalidToken:
        # An expired or forged token is an anonymous request: operations that need a signed-in
        # user answer with their own error, and nothing fails with a 500.
        return AnonymousUser()


class JWTAuthenticationMiddleware:
    """Sets `request.user` from a Bearer access token, checked only when `request.user` is used.

    Requests without the header keep the user of their session (the staff admin, the pages).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = bearer_token(request)
        if token is not None:
            request.user = SimpleLazyObject(lambda: _token_user(token))
        return self.get_response(request)
