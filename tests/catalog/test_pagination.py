"""Relay pagination of product lists: cursors, page info, totals and the limits on page size."""

import base64

import pytest

from tests import factories
from tests.catalog.helpers import error_messages, list_products, names

pytestmark = pytest.mark.django_db

NAMES = ["Bánh tét", "Chè xanh", "Gạo nếp", "Hạt điều", "Khăn lụa"]


@pytest.fixture
def five_products(channel):
    return [factories.product(name) for name in NAMES]


def page(graphql_client, **variables) -> dict:
    response = list_products(
        graphql_client, sortBy={"field": "NAME", "direction": "ASC"}, **variables
    )
    assert response.status_code == 200
    assert response.errors is None, response.errors
    return response.data["products"]


def test_first_and_after_walk_through_every_page(five_products, graphql_client):
    seen, after, infos = [], None, []
    while True:
        connection = page(graphql_client, first=2, after=after)
        seen += names(connection)
        infos.append(connection["pageInfo"])
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]

    assert seen == NAMES
    assert [info["hasNextPage"] for info in infos] == [True, True, False]
    assert [info["hasPreviousPage"] for info in infos] == [False, True, True]


def test_total_count_is_the_whole_list_whatever_the_page(five_products, graphql_client):
    first_page = page(graphql_client, first=2)
    later_page = page(graphql_client, first=2, after=first_page["pageInfo"]["endCursor"])

    assert first_page["totalCount"] == 5
    assert later_page["totalCount"] == 5


def test_page_info_cursors_are_those_of_the_first_and_last_edge(five_products, graphql_client):
    connection = page(graphql_client, first=3)

    cursors = [edge["cursor"] for edge in connection["edges"]]
    assert len(set(cursors)) == 3
    assert connection["pageInfo"]["startCursor"] == cursors[0]
    assert connection["pageInfo"]["endCursor"] == cursors[-1]


def test_after_a_cursor_continues_right_after_its_edge(five_products, graphql_client):
    connection = page(graphql_client, first=5)
    third_cursor = connection["edges"][2]["cursor"]

    assert names(page(graphql_client, first=5, after=third_cursor)) == NAMES[3:]


def test_last_gives_the_end_of_the_list(five_products, graphql_client):
    connection = page(graphql_client, last=2)

    assert names(connection) == NAMES[3:]
    assert connection["pageInfo"]["hasPreviousPage"] is True
    assert connection["pageInfo"]["hasNextPage"] is False


def test_last_and_before_walk_backwards(five_products, graphql_client):
    end = page(graphql_client, last=2)
    middle = page(graphql_client, last=2, before=end["pageInfo"]["startCursor"])
    start = page(graphql_client, last=2, before=middle["pageInfo"]["startCursor"])

    assert names(middle) == NAMES[1:3]
    assert middle["pageInfo"]["hasPreviousPage"] is True
    assert names(start) == NAMES[:1]
    assert start["pageInfo"]["hasPreviousPage"] is False


def test_first_and_before_stop_at_the_cursor(five_products, graphql_client):
    fourth_cursor = page(graphql_client, first=5)["edges"][3]["cursor"]

    assert names(page(graphql_client, first=10, before=fourth_cursor)) == NAMES[:3]


def test_page_larger_than_the_list_has_no_next_page(five_products, graphql_client):
    connection = page(graphql_client, first=100)

    assert names(connection) == NAMES
    assert connection["pageInfo"]["hasNextPage"] is False
    assert connection["pageInfo"]["hasPreviousPage"] is False


def test_empty_list_has_no_cursors(channel, graphql_client):
    connection = page(graphql_client, first=10)

    assert connection["totalCount"] == 0
    assert connection["edges"] == []
    assert connection["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }


def test_first_zero_gives_no_edges_but_the_total(five_products, graphql_client):
    connection = page(graphql_client, first=0)

    assert connection["edges"] == []
    assert connection["totalCount"] == 5


def test_first_100_is_allowed(five_products, graphql_client):
    assert len(page(graphql_client, first=100)["edges"]) == 5


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"first": 101},
            "Requesting 101 records on the `products` connection exceeds the `first` limit "
            "of 100 records.",
        ),
        (
            {"last": 500},
            "Requesting 500 records on the `products` connection exceeds the `last` limit "
            "of 100 records.",
        ),
        ({"first": -1}, "Argument `first` must be a non-negative integer."),
        ({"last": -3}, "Argument `last` must be a non-negative integer."),
        ({"first": 2, "last": 2}, "Argument `last` cannot be combined with `first`."),
    ],
    ids=["first-over-100", "last-over-100", "negative-first", "negative-last", "first-and-last"],
)
def test_bad_page_sizes_are_graphql_errors(five_products, graphql_client, arguments, message):
    response = list_products(graphql_client, **arguments)

    assert response.status_code == 200
    assert response.data == {"products": None}
    assert error_messages(response) == [message]


def test_a_product_list_needs_first_or_last(five_products, graphql_client):
    response = graphql_client('{ products(channel: "default-channel") { totalCount } }')

    assert response.status_code == 200
    assert response.data == {"products": None}
    assert "You must provide a `first` or `last` value" in error_messages(response)[0]


@pytest.mark.parametrize(
    "cursor",
    [
        "not base64!",
        base64.b64encode(b"offset:-1").decode(),
        base64.b64encode(b"offset:abc").decode(),
        base64.b64encode(b"Product:1").decode(),
    ],
    ids=["not-base64", "negative", "not-a-number", "foreign"],
)
def test_invalid_cursor_is_a_graphql_error(five_products, graphql_client, cursor):
    response = list_products(graphql_client, first=2, after=cursor)

    assert response.status_code == 200
    assert error_messages(response) == ["Received cursor is invalid."]


def test_cursor_past_the_end_gives_an_empty_page(five_products, graphql_client):
    far = base64.b64encode(b"offset:50").decode()

    connection = page(graphql_client, first=2, after=far)

    assert connection["edges"] == []
    assert connection["pageInfo"]["hasNextPage"] is False
