"""Anonymous catalog answers come from the cache, and never outlive the data they show."""

import time
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.catalog.models import Product, Stock
from marketplace.graphql.core import cache as public_cache
from marketplace.models import PublicDataVersion
from tests import factories

pytestmark = pytest.mark.django_db

NAMES = """
query Names($channel: String!) {
  products(first: 10, channel: $channel) { edges { node { name isAvailable } } }
}
"""
VARIABLES = {"channel": "default-channel"}


def listed(graphql_client, **headers) -> list[str]:
    response = graphql_client(NAMES, VARIABLES, headers=headers)
    assert response.errors is None
    return [edge["node"]["name"] for edge in response.data["products"]["edges"]]


def queries_for(graphql_client, query=NAMES, variables=VARIABLES, **headers) -> int:
    with CaptureQueriesContext(connection) as captured:
        graphql_client(query, variables, headers=headers)
    return len(captured)


@pytest.fixture
def honey(channel):
    return factories.product("Mật ong rừng")


def test_a_repeated_question_costs_one_small_query(honey, graphql_client):
    first = graphql_client(NAMES, VARIABLES)

    with CaptureQueriesContext(connection) as captured:
        again = graphql_client(NAMES, VARIABLES)

    assert again.json == first.json
    # Only the version of the public data is read.
    assert [query["sql"] for query in captured] == [
        query["sql"] for query in captured if "marketplace_publicdataversion" in query["sql"]
    ]
    assert len(captured) == 1


def test_an_edit_is_seen_by_the_next_shopper(honey, graphql_client):
    assert listed(graphql_client) == ["Mật ong rừng"]

    honey.name = "Mật ong hoa cà phê"
    honey.save()

    assert listed(graphql_client) == ["Mật ong hoa cà phê"]


def test_a_bulk_update_is_seen_too(honey, graphql_client):
    """Writes that send no model signal (queryset updates, imports, raw SQL) count as well."""
    assert listed(graphql_client) == ["Mật ong rừng"]

    Stock.objects.update(quantity=0)
    assert graphql_client(NAMES, VARIABLES).data["products"]["edges"][0]["node"] == {
        "name": "Mật ong rừng",
        "isAvailable": False,
    }

    type(honey.vendor).objects.update(status="suspended")
    assert listed(graphql_client) == []


def test_a_change_rolled_back_leaves_the_answers_as_they_were(honey, graphql_client):
    assert listed(graphql_client) == ["Mật ong rừng"]
    version = public_cache.current_version()

    with pytest.raises(RuntimeError), transaction.atomic():
        Product.objects.update(name="Không lưu")
        raise RuntimeError

    assert public_cache.current_version() == version
    assert queries_for(graphql_client) == 1
    assert listed(graphql_client) == ["Mật ong rừng"]


def test_a_publication_date_ends_the_cached_answer(channel, graphql_client):
    soon = timezone.now() + timedelta(seconds=2)
    factories.product("Gạo nếp cái hoa vàng", published_at=soon)

    assert listed(graphql_client) == []
    time.sleep(2.1)

    assert listed(graphql_client) == ["Gạo nếp cái hoa vàng"]


def test_languages_and_hosts_are_answered_apart(honey, graphql_client):
    """Texts follow the language, and URLs are built with the host asked."""
    listed(graphql_client)

    assert queries_for(graphql_client) == 1
    assert queries_for(graphql_client, **{"Accept-Language": "en"}) > 1
    assert queries_for(graphql_client, Host="127.0.0.1") > 1
    assert queries_for(graphql_client, **{"Accept-Language": "en"}) == 1


def test_signed_in_requests_are_never_answered_from_the_cache(honey, graphql_client):
    listed(graphql_client)

    assert queries_for(graphql_client, Authorization="Bearer not-a-token") > 1
    graphql_client.client.cookies["sessionid"] = "whatever"
    assert queries_for(graphql_client) > 1


def test_private_fields_and_errors_are_never_kept(honey, graphql_client):
    for private in (
        "{ me { email } }",
        '{ checkout(id: "x") { id } }',
        "{ orders { totalCount } }",
    ):
        assert not public_cache.is_public_query(_operation(private))

    broken = '{ products(first: 1, channel: "khong-co") { totalCount } }'
    first = graphql_client(broken)
    assert first.errors
    assert queries_for(graphql_client, broken, None) > 1

    mixed = '{ products(first: 1, channel: "default-channel") { totalCount } me { email } }'
    assert not public_cache.is_public_query(_operation(mixed))


def test_old_versions_are_pruned(db):
    for _ in range(public_cache.KEEP_VERSIONS * 2):
        public_cache.new_version(connection)

    # Pruned every KEEP_VERSIONS rows, down to the last KEEP_VERSIONS.
    assert PublicDataVersion.objects.count() < 2 * public_cache.KEEP_VERSIONS


def test_the_cache_can_be_turned_off(honey, graphql_client, settings):
    settings.GRAPHQL_CACHE_SECONDS = 0
    listed(graphql_client)

    assert queries_for(graphql_client) > 1


def _operation(query: str):
    from graphql import get_operation_ast, parse

    return get_operation_ast(parse(query))
