"""Sorting product lists: by name, price, creation date, and by relevance when searching."""

import pytest

from tests import factories
from tests.catalog.helpers import error_messages, list_products, listed_names, set_description

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(channel):
    # Created in this order, each with its own price.
    return [
        factories.product("Gạo nếp", price=60000),
        factories.product("Bánh tét", price=120000),
        factories.product("Chè xanh", price=90000),
    ]


def sorted_names(graphql_client, field: str, direction: str, **variables) -> list[str]:
    return listed_names(
        graphql_client, sortBy={"field": field, "direction": direction}, **variables
    )


def test_sort_by_name_ascending(products, graphql_client):
    assert sorted_names(graphql_client, "NAME", "ASC") == ["Bánh tét", "Chè xanh", "Gạo nếp"]


def test_sort_by_name_descending(products, graphql_client):
    assert sorted_names(graphql_client, "NAME", "DESC") == ["Gạo nếp", "Chè xanh", "Bánh tét"]


def test_unsorted_list_is_in_name_order(products, graphql_client):
    assert listed_names(graphql_client) == ["Bánh tét", "Chè xanh", "Gạo nếp"]


def test_sort_by_price_ascending(products, graphql_client):
    assert sorted_names(graphql_client, "PRICE", "ASC") == ["Gạo nếp", "Chè xanh", "Bánh tét"]


def test_sort_by_price_descending(products, graphql_client):
    assert sorted_names(graphql_client, "PRICE", "DESC") == ["Bánh tét", "Chè xanh", "Gạo nếp"]


def test_sort_by_price_uses_the_cheapest_variant(channel, graphql_client):
    factories.product("Mật ong", prices=[200000, 50000])
    factories.product("Cà phê", price=80000)

    assert sorted_names(graphql_client, "PRICE", "ASC") == ["Mật ong", "Cà phê"]
    assert sorted_names(graphql_client, "MINIMAL_PRICE", "ASC") == ["Mật ong", "Cà phê"]


def test_sort_by_creation_date(products, graphql_client):
    assert sorted_names(graphql_client, "CREATED_AT", "ASC") == ["Gạo nếp", "Bánh tét", "Chè xanh"]
    assert sorted_names(graphql_client, "CREATED_AT", "DESC") == [
        "Chè xanh",
        "Bánh tét",
        "Gạo nếp",
    ]


def test_sorted_pages_join_up_without_gaps_or_repeats(products, graphql_client):
    sort = {"field": "PRICE", "direction": "DESC"}
    first = list_products(graphql_client, first=2, sortBy=sort).data["products"]
    rest = list_products(
        graphql_client, first=2, sortBy=sort, after=first["pageInfo"]["endCursor"]
    ).data["products"]

    seen = [e["node"]["name"] for e in first["edges"] + rest["edges"]]
    assert seen == ["Bánh tét", "Chè xanh", "Gạo nếp"]


def test_sort_by_rank_without_a_search_is_an_error(products, graphql_client):
    response = list_products(graphql_client, sortBy={"field": "RANK", "direction": "DESC"})

    assert response.status_code == 200
    assert response.data == {"products": None}
    assert error_messages(response) == [
        "Sorting by RANK is available only when using a search filter."
    ]


def test_sort_needs_a_field(products, graphql_client):
    response = list_products(graphql_client, sortBy={"direction": "ASC"})

    assert response.status_code == 200
    assert response.data == {"products": None}
    assert error_messages(response)


SEARCH_PRODUCTS = """
query Search($search: String!, $sortBy: ProductOrderField!, $direction: OrderDirection!) {
    products(
        first: 10
        channel: "default-channel"
        sortBy: {field: $sortBy, direction: $direction}
        filter: {search: $search}
    ) {
        totalCount
        edges { node { name } }
    }
}
"""


def test_search_ranks_a_name_match_above_a_description_only_match(channel, graphql_client):
    # Created first and named earlier in the alphabet: only the rank can put it second.
    mentions = factories.product("Bánh mật")
    set_description(mentions, "Bánh làm từ bột nếp và mật ong rừng Gia Lai.")
    factories.product("Mật ong rừng")
    factories.product("Chè xanh")

    response = graphql_client(
        SEARCH_PRODUCTS, {"search": "mật ong", "sortBy": "RANK", "direction": "DESC"}
    )

    assert response.errors is None, response.errors
    assert [e["node"]["name"] for e in response.data["products"]["edges"]] == [
        "Mật ong rừng",
        "Bánh mật",
    ]
    assert response.data["products"]["totalCount"] == 2


def test_search_results_come_by_relevance_when_no_sort_is_given(channel, graphql_client):
    set_description(factories.product("Bánh mật"), "Bánh làm từ mật ong rừng.")
    factories.product("Mật ong rừng")

    assert listed_names(graphql_client, search="mat ong") == ["Mật ong rừng", "Bánh mật"]


def test_search_results_can_be_sorted_by_name(channel, graphql_client):
    set_description(factories.product("Bánh mật"), "Bánh làm từ mật ong rừng.")
    factories.product("Mật ong rừng")

    response = graphql_client(
        SEARCH_PRODUCTS, {"search": "mat ong", "sortBy": "NAME", "direction": "ASC"}
    )

    assert [e["node"]["name"] for e in response.data["products"]["edges"]] == [
        "Bánh mật",
        "Mật ong rừng",
    ]


def test_sort_by_name_follows_the_vietnamese_alphabet(channel, graphql_client):
    # Vietnamese order: a ă â b c d đ e ê g ... o ô ơ ... u ư ... x y
    for name in ("Xôi gấc", "Đậu phộng", "Ớt bột", "Bánh tét", "Ốc nhồi", "Dưa món", "Ổi"):
        factories.product(name)

    assert sorted_names(graphql_client, "NAME", "ASC") == [
        "Bánh tét",
        "Dưa món",
        "Đậu phộng",
        "Ốc nhồi",
        "Ổi",
        "Ớt bột",
        "Xôi gấc",
    ]
