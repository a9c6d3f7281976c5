"""A bad request gets a clear GraphQL error, never a server error; expensive queries are refused
before they run."""

import json

import pytest

from tests import factories
from tests.catalog.helpers import error_messages, gid
from vendors.models import BoothStatus

pytestmark = pytest.mark.django_db

# Each product with these fields costs 13 (the fields, the node, the edge): 100 cost 1300.
TEN_FIELDS = (
    "id name slug created updatedAt seoTitle seoDescription rating channel isAvailableForPurchase"
)


def nested_categories(levels: int) -> str:
    """A query `levels` deep: category > parent > parent ... > name."""
    inner = "name"
    for _ in range(levels - 2):
        inner = f"parent {{ {inner} }}"
    return f'{{ category(slug: "x") {{ {inner} }} }}'


def test_syntax_error_is_a_bad_request_with_errors(channel, graphql_client):
    response = graphql_client("{ products(first: 2 { edges }")

    assert response.status_code == 400
    assert "data" not in response.json
    assert response.errors[0]["message"].startswith("Syntax Error")
    assert response.errors[0]["locations"]


def test_unknown_field_is_a_bad_request_with_errors(channel, graphql_client):
    response = graphql_client("{ products(first: 2) { edges { node { nickname } } } }")

    assert response.status_code == 400
    assert error_messages(response)[0].startswith(
        "Cannot query field 'nickname' on type 'Product'."
    )


def test_unknown_argument_is_a_bad_request(channel, graphql_client):
    response = graphql_client("{ products(first: 2, colour: RED) { totalCount } }")

    assert response.status_code == 400
    assert response.errors


def test_wrong_variable_type_is_a_bad_request(channel, graphql_client):
    response = graphql_client(
        "query ($first: Int) { products(first: $first) { totalCount } }", {"first": "many"}
    )

    assert response.status_code == 400
    assert response.errors


def test_empty_body_is_a_bad_request(client):
    response = client.post("/graphql/", data="{}", content_type="application/json")

    assert response.status_code == 400


def test_invalid_json_body_is_a_bad_request(client):
    response = client.post("/graphql/", data="{not json", content_type="application/json")

    assert response.status_code == 400


def test_variables_that_are_not_an_object_are_refused(channel, client):
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": "{ channels { slug } }", "variables": [1, 2]}),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"]


def test_query_deeper_than_the_limit_is_refused(channel, graphql_client, settings):
    settings.GRAPHQL_MAX_DEPTH = 5

    allowed = graphql_client(nested_categories(5))
    refused = graphql_client(nested_categories(6))

    assert allowed.status_code == 200 and allowed.errors is None
    assert refused.status_code == 400
    assert error_messages(refused) == ["The query is 6 levels deep; at most 5 are allowed."]


def test_default_depth_limit_refuses_an_absurdly_nested_query(channel, graphql_client):
    response = graphql_client(nested_categories(40))

    assert response.status_code == 400
    assert "levels deep" in error_messages(response)[0]


def test_depth_counts_through_fragments(channel, graphql_client, settings):
    settings.GRAPHQL_MAX_DEPTH = 3
    query = """
        fragment Deep on Category { parent { parent { parent { name } } } }
        { category(slug: "x") { ...Deep } }
    """

    response = graphql_client(query)

    assert response.status_code == 400
    assert "5 levels deep" in error_messages(response)[0]


def test_query_costing_more_than_the_limit_is_refused(channel, graphql_client, settings):
    settings.GRAPHQL_MAX_COST = 1000
    query = """
        { products(first: 100) { edges { node { productVariants(first: 100) {
            edges { node { id } } } } } } }
    """

    response = graphql_client(query)

    assert response.status_code == 400
    [message] = error_messages(response)
    assert message.startswith("The query cost is ")
    assert "above the limit of 1000" in message


def test_cost_follows_page_sizes_given_in_variables(channel, graphql_client, settings):
    settings.GRAPHQL_MAX_COST = 1000
    query = """
        query ($first: Int) { products(first: $first) { edges { node { NODE } } } }
    """.replace("NODE", TEN_FIELDS)

    cheap = graphql_client(query, {"first": 10})
    dear = graphql_client(query, {"first": 100})

    assert cheap.status_code == 200 and cheap.errors is None
    assert dear.status_code == 400
    assert "above the limit of 1000" in error_messages(dear)[0]


def test_cost_uses_a_variable_default_page_size(channel, graphql_client, settings):
    settings.GRAPHQL_MAX_COST = 1000
    query = """
        query ($first: Int = 100) { products(first: $first) { edges { node { NODE } } } }
    """.replace("NODE", TEN_FIELDS)

    response = graphql_client(query)

    assert response.status_code == 400
    assert "above the limit of 1000" in error_messages(response)[0]


def test_storefront_sized_list_stays_within_the_default_cost(channel, graphql_client):
    factories.product("Mật ong rừng")
    query = """
        { products(first: 24) { totalCount edges { node {
            id name slug thumbnail(size: 1024, format: WEBP) { url }
            pricing { priceRange { start { gross { amount currency } } } }
            productVariants(first: 50) { totalCount edges { node { id
                attributes(variantSelection: VARIANT_SELECTION) {
                    attribute { slug } values { slug } } } } }
        } } } }
    """

    response = graphql_client(query)

    assert response.status_code == 200
    assert response.errors is None


def test_too_many_aliases_are_refused(channel, graphql_client, settings):
    settings.GRAPHQL_MAX_ALIASES = 10
    aliases = " ".join(f"c{i}: channels {{ slug }}" for i in range(11))

    response = graphql_client(f"{{ {aliases} }}")

    assert response.status_code == 400
    assert error_messages(response) == ["The query uses 11 aliases; at most 10 are allowed."]


def test_aliases_up_to_the_limit_are_fine(channel, graphql_client, settings):
    settings.GRAPHQL_MAX_ALIASES = 10
    aliases = " ".join(f"c{i}: channels {{ slug }}" for i in range(10))

    response = graphql_client(f"{{ {aliases} }}")

    assert response.status_code == 200
    assert response.data["c9"] == [{"slug": "default-channel"}]


def test_default_alias_limit_refuses_an_alias_flood(channel, graphql_client):
    aliases = " ".join(f"a{i}: channels {{ slug }}" for i in range(500))

    response = graphql_client(f"{{ {aliases} }}")

    assert response.status_code == 400
    assert "aliases" in error_messages(response)[0]


def test_overlong_query_is_refused(channel, graphql_client, settings):
    settings.GRAPHQL_MAX_QUERY_LENGTH = 200

    response = graphql_client("{ channels { slug } }" + " " * 300)

    assert response.status_code == 400
    assert error_messages(response) == ["The query is too long."]


def test_get_request_can_run_a_query(channel, client):
    response = client.get("/graphql/", {"query": "{ channels { slug } }"})

    assert response.status_code == 200
    assert response.json() == {"data": {"channels": [{"slug": "default-channel"}]}}


def test_get_request_with_a_mutation_is_refused(channel, client):
    booth = factories.booth("Tổ nuôi ong", status=BoothStatus.APPLIED)
    mutation = """
        mutation ($id: ID!) { vendorApprove(id: $id, reason: "ok") { errors { message } } }
    """
    variables = json.dumps({"id": gid("Vendor", booth.pk)})

    response = client.get("/graphql/", {"query": mutation, "variables": variables})

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    booth.refresh_from_db()
    assert booth.status == BoothStatus.APPLIED


def test_browser_gets_graphiql(client):
    response = client.get("/graphql/", headers={"accept": "text/html"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "graphiql" in response.content.decode().lower()


def test_operation_name_selects_the_operation(channel, graphql_client):
    query = """
        query One { channels { slug } }
        query Two { channel(slug: "default-channel") { name } }
    """

    response = graphql_client.client.post(
        "/graphql/",
        data=json.dumps({"query": query, "operationName": "Two"}),
        content_type="application/json",
    )

    assert response.json() == {"data": {"channel": {"name": "Việt Nam"}}}


def test_several_operations_without_a_name_are_refused(channel, graphql_client):
    response = graphql_client("query One { channels { slug } } query Two { channels { name } }")

    assert response.status_code == 400
    assert error_messages(response) == ["Unknown or ambiguous operation name."]


def test_resolver_errors_keep_the_rest_of_the_data(channel, graphql_client):
    product = factories.product("Mật ong rừng")

    response = graphql_client(
        """
        query ($slug: String!) {
            good: product(slug: $slug) { name }
            bad: product(id: "rác") { name }
        }
        """,
        {"slug": product.slug},
    )

    assert response.status_code == 200
    assert response.data == {"good": {"name": "Mật ong rừng"}, "bad": None}
    assert response.errors[0]["path"] == ["bad"]


def test_same_bad_query_twice_gives_the_same_errors(channel, graphql_client):
    first = graphql_client("{ products(first: 2) { edges { node { nickname } } } }")
    second = graphql_client("{ products(first: 2) { edges { node { nickname } } } }")

    assert first.status_code == second.status_code == 400
    assert first.errors == second.errors
