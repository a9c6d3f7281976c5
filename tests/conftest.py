"""Fixtures shared by the whole suite.

pytest-django imports the settings before any conftest, so SECRET_KEY (or DEBUG=1) must already be
in the environment: `make test` and `.ci/run` set it.
"""

import json
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client, override_settings

from marketplace.channels.models import Channel

GRAPHQL_URL = "/graphql/"


@pytest.fixture(autouse=True, scope="session")
def _test_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Files go to temporary folders; static files and passwords skip work tests don't need."""
    storages = {
        **settings.STORAGES,
        # Hashed names need `collectstatic` first; pages under test only need the URLs.
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        PRIVATE_MEDIA_ROOT=tmp_path_factory.mktemp("private"),
        STATIC_ROOT=tmp_path_factory.mktemp("static"),
        STORAGES=storages,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        yield


@pytest.fixture(autouse=True)
def _fresh_answer_cache() -> Iterator[None]:
    """Each test starts with no cached API answers: a database rolled back between tests may
    meet a version token again with other contents."""
    caches["graphql"].clear()
    yield
    caches["graphql"].clear()


@pytest.fixture
def no_answer_cache(settings) -> None:
    """For tests that count the SQL queries of executing a request: every request executes."""
    settings.GRAPHQL_CACHE_SECONDS = 0


class GraphQLResponse(NamedTuple):
    status_code: int
    json: dict[str, Any]

    @property
    def data(self) -> dict[str, Any] | None:
        return self.json.get("data")

    @property
    def errors(self) -> list[dict[str, Any]] | None:
        return self.json.get("errors")


class GraphQLClient:
    """Sends GraphQL operations to the API as a storefront does: a JSON POST to /graphql/."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> GraphQLResponse:
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        response = self.client.post(
            GRAPHQL_URL,
            data=json.dumps(body),
            content_type="application/json",
            headers=headers or {},
        )
        return GraphQLResponse(response.status_code, response.json())


@pytest.fixture
def graphql_client(client: Client) -> GraphQLClient:
    """`graphql_client(query, variables)` returns the status code and the parsed JSON body."""
    return GraphQLClient(client)


@pytest.fixture
def channel(db: None) -> Channel:
    """The default channel: Vietnam, in VND."""
    return Channel.objects.create(
        name="Việt Nam",
        slug=settings.DEFAULT_CHANNEL_SLUG,
        currency_code="VND",
        default_country="VN",
        countries=["VN"],
    )
