"""Fixtures of the account tests: confirmed users, signed-in headers, a clean rate-limit cache."""

import pytest
from django.core.cache import cache

from marketplace.accounts.models import User
from marketplace.accounts.tokens import create_access_token

PASSWORD = "Lua-mua-thu-2025"
REDIRECT_URL = "http://localhost:3000/account/confirm"

TOKEN_CREATE = """
mutation SignIn($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token
    refreshToken
    user { id email }
    errors { field message code }
  }
}
"""
ME = "query { me { id email firstName lastName isStaff isConfirmed languageCode } }"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits count in the cache, which outlives a test: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db):
    def make(email: str = "lan@example.com", **fields) -> User:
        fields.setdefault("first_name", "Lan")
        fields.setdefault("last_name", "Nguyễn")
        return User.objects.create_user(email, PASSWORD, **fields)

    return make


@pytest.fixture
def user(make_user) -> User:
    """A confirmed shopper who writes Vietnamese."""
    return make_user()


def bearer(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_access_token(user)}"}


@pytest.fixture
def signed_in(user) -> dict[str, str]:
    """Headers of a request signed in as `user`."""
    return bearer(user)
