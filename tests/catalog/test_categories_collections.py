"""Categories (a tree, always public) and collections (published per channel), with their
products."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.catalog.models import CollectionChannelListing
from tests import factories
from tests.catalog.helpers import collection, error_messages, gid

pytestmark = pytest.mark.django_db

CATEGORIES_BY_SLUG = """
query ($slugs: [String!]!) {
    categories(filter: {slugs: $slugs}, first: 20) {
        totalCount
        edges { node { id slug name } }
    }
}
"""


@pytest.fixture
def tree(channel):
    food = factories.category("Thực phẩm", english="Food")
    honey = factories.category("Mật ong", parent=food, english="Honey")
    wild = factories.category("Mật ong rừng", parent=honey)
    crafts = factories.category("Thủ công")
    return {"food": food, "honey": honey, "wild": wild, "crafts": crafts}


def test_categories_are_found_by_slugs(tree, graphql_client):
    slugs = [tree["honey"].slug, tree["crafts"].slug, "khong-co"]

    response = graphql_client(CATEGORIES_BY_SLUG, {"slugs": slugs})

    assert response.errors is None
    assert response.data["categories"]["totalCount"] == 2
    nodes = [edge["node"] for edge in response.data["categories"]["edges"]]
    assert {node["slug"] for node in nodes} == {tree["honey"].slug, tree["crafts"].slug}
    assert {node["id"] for node in nodes} == {
        gid("Category", tree["honey"].pk),
        gid("Category", tree["crafts"].pk),
    }


def test_categories_by_unknown_slugs_is_an_empty_list(tree, graphql_client):
    response = graphql_client(CATEGORIES_BY_SLUG, {"slugs": ["khong-co"]})

    assert response.errors is None
    assert response.data["categories"]["edges"] == []


def test_categories_of_one_level(tree, graphql_client):
    response = graphql_client("{ categories(first: 20, level: 0) { edges { node { name } } } }")

    names = {edge["node"]["name"] for edge in response.data["categories"]["edges"]}
    assert names == {"Thực phẩm", "Thủ công"}


CATEGORY = """
query ($slug: String!, $slugLang: LanguageCodeEnum) {
    category(slug: $slug, slugLanguageCode: $slugLang) {
        id name slug level
        translation(languageCode: EN) { name slug }
        parent { slug }
        children(first: 10) { totalCount edges { node { slug level } } }
        ancestors(first: 10) { edges { node { slug } } }
        products(first: 10, channel: "default-channel") {
            totalCount
            edges { node { name category { slug } } }
        }
    }
}
"""


def test_category_shows_its_place_in_the_tree(tree, graphql_client):
    response = graphql_client(CATEGORY, {"slug": tree["honey"].slug})

    category = response.data["category"]
    assert category["level"] == 1
    assert category["parent"] == {"slug": tree["food"].slug}
    assert category["children"]["totalCount"] == 1
    assert category["children"]["edges"] == [{"node": {"slug": tree["wild"].slug, "level": 2}}]
    assert category["ancestors"]["edges"] == [{"node": {"slug": tree["food"].slug}}]
    assert category["translation"] == {"name": "Honey", "slug": f"{tree['honey'].slug}-en"}


def test_root_category_has_no_parent(tree, graphql_client):
    category = graphql_client(CATEGORY, {"slug": tree["food"].slug}).data["category"]

    assert category["level"] == 0
    assert category["parent"] is None
    assert category["ancestors"]["edges"] == []


def test_category_products_include_subcategories_and_hide_the_rest(tree, graphql_client):
    factories.product("Mật ong bạc hà", category=tree["honey"])
    factories.product("Mật ong U Minh", category=tree["wild"])
    factories.product("Khăn thổ cẩm", category=tree["crafts"])
    factories.product("Mật ong ẩn", category=tree["honey"], publish=False)

    response = graphql_client(CATEGORY, {"slug": tree["honey"].slug})

    products = response.data["category"]["products"]
    assert products["totalCount"] == 2
    assert sorted(e["node"]["name"] for e in products["edges"]) == [
        "Mật ong U Minh",
        "Mật ong bạc hà",
    ]


def test_category_products_can_be_filtered_and_sorted(tree, graphql_client):
    factories.product("Mật ong đắt", category=tree["honey"], price=500000)
    factories.product("Mật ong rẻ", category=tree["wild"], price=90000)
    factories.product("Mật ong vừa", category=tree["honey"], price=200000)

    response = graphql_client(
        """
        query ($slug: String!) {
            category(slug: $slug) {
                products(first: 10, channel: "default-channel",
                         sortBy: {field: PRICE, direction: DESC},
                         filter: {price: {lte: 300000}}) {
                    edges { node { name } }
                }
            }
        }
        """,
        {"slug": tree["food"].slug},
    )

    edges = response.data["category"]["products"]["edges"]
    assert [e["node"]["name"] for e in edges] == ["Mật ong vừa", "Mật ong rẻ"]


def test_category_is_found_by_its_english_slug(tree, graphql_client):
    response = graphql_client(CATEGORY, {"slug": f"{tree['honey'].slug}-en", "slugLang": "EN"})

    assert response.data["category"]["slug"] == tree["honey"].slug


def test_unknown_category_is_null(tree, graphql_client):
    response = graphql_client(CATEGORY, {"slug": "khong-co"})

    assert response.errors is None
    assert response.data == {"category": None}


def test_category_by_id(tree, graphql_client):
    response = graphql_client(
        "query ($id: ID!) { category(id: $id) { slug } }", {"id": gid("Category", tree["wild"].pk)}
    )

    assert response.data["category"] == {"slug": tree["wild"].slug}


def test_category_products_in_an_unknown_channel_is_an_error(tree, graphql_client):
    response = graphql_client(
        'query ($slug: String!) { category(slug: $slug) { name products(first: 5, channel: "x")'
        " { totalCount } } }",
        {"slug": tree["food"].slug},
        headers={"Accept-Language": "en"},
    )

    assert response.status_code == 200
    assert response.data["category"] == {"name": "Thực phẩm", "products": None}
    assert error_messages(response) == ["Channel with 'x' slug does not exist."]


COLLECTION = """
query ($slug: String!, $channel: String, $slugLang: LanguageCodeEnum) {
    collection(slug: $slug, channel: $channel, slugLanguageCode: $slugLang) {
        id name slug channel
        translation(languageCode: EN) { name slug }
        products(first: 10) { totalCount edges { node { name } } }
    }
}
"""


def test_collection_shows_its_products_in_the_channel(channel, graphql_client):
    tet = collection(
        "Quà Tết", [factories.product("Bánh chưng"), factories.product("Mứt gừng")], english="Tet"
    )

    response = graphql_client(COLLECTION, {"slug": tet.slug, "channel": "default-channel"})

    assert response.errors is None
    found = response.data["collection"]
    assert found["id"] == gid("Collection", tet.pk)
    assert found["channel"] == "default-channel"
    assert found["translation"] == {"name": "Tet", "slug": f"{tet.slug}-en"}
    assert found["products"]["totalCount"] == 2
    assert sorted(e["node"]["name"] for e in found["products"]["edges"]) == [
        "Bánh chưng",
        "Mứt gừng",
    ]


def test_collection_is_found_by_its_english_slug(channel, graphql_client):
    tet = collection("Quà Tết", english="Tet gifts")

    response = graphql_client(COLLECTION, {"slug": f"{tet.slug}-en", "slugLang": "EN"})

    assert response.data["collection"]["name"] == "Quà Tết"


def test_unpublished_collection_is_null(channel, graphql_client):
    draft = collection("Bản nháp", [factories.product("Bánh chưng")], published=False)

    response = graphql_client(COLLECTION, {"slug": draft.slug})

    assert response.errors is None
    assert response.data == {"collection": None}


def test_collection_published_in_the_future_is_null(channel, graphql_client):
    later = collection("Trung thu", published_at=timezone.now() + timedelta(days=30))

    assert graphql_client(COLLECTION, {"slug": later.slug}).data == {"collection": None}


def test_collection_of_another_channel_is_null(channel, graphql_client):
    elsewhere = collection("Sỉ", channel=factories.channel("wholesale"))

    assert graphql_client(COLLECTION, {"slug": elsewhere.slug}).data == {"collection": None}
    found = graphql_client(COLLECTION, {"slug": elsewhere.slug, "channel": "wholesale"})
    assert found.data["collection"]["channel"] == "wholesale"


def test_collections_list_only_published_ones(channel, graphql_client):
    collection("Quà Tết", slug="qua-tet")
    collection("Mùa hè", slug="mua-he")
    collection("Bản nháp", slug="ban-nhap", published=False)

    response = graphql_client(
        '{ collections(first: 10, channel: "default-channel") { totalCount'
        " edges { node { slug } } } }"
    )

    assert response.data["collections"]["totalCount"] == 2
    assert [e["node"]["slug"] for e in response.data["collections"]["edges"]] == [
        "mua-he",
        "qua-tet",
    ]


def test_collections_filtered_by_slugs(channel, graphql_client):
    collection("Quà Tết", slug="qua-tet")
    collection("Mùa hè", slug="mua-he")

    response = graphql_client(
        '{ collections(first: 10, filter: {slugs: ["mua-he"]}) { edges { node { name } } } }'
    )

    assert response.data["collections"]["edges"] == [{"node": {"name": "Mùa hè"}}]


def test_collections_in_an_unknown_channel_is_an_error(channel, graphql_client):
    response = graphql_client('{ collections(first: 10, channel: "x") { totalCount } }')

    assert response.data == {"collections": None}
    assert error_messages(response) == ["Không tồn tại kênh bán hàng có slug 'x'."]


def test_withdrawing_a_collection_hides_it(channel, graphql_client):
    tet = collection("Quà Tết")
    CollectionChannelListing.objects.filter(collection=tet).update(is_published=False)

    assert graphql_client(COLLECTION, {"slug": tet.slug}).data == {"collection": None}


def test_collection_products_in_the_collection_order(channel, graphql_client):
    # Positions 0, 1, 2 in the collection; names in another order.
    tet = collection(
        "Quà Tết",
        [factories.product("Mứt gừng"), factories.product("Bánh chưng"), factories.product("Trà")],
    )

    response = graphql_client(
        """
        query ($slug: String!) {
            collection(slug: $slug) {
                products(first: 10, sortBy: {field: COLLECTION, direction: ASC}) {
                    totalCount edges { node { name } }
                }
            }
        }
        """,
        {"slug": tet.slug},
    )

    assert response.errors is None, response.errors
    products = response.data["collection"]["products"]
    assert [e["node"]["name"] for e in products["edges"]] == ["Mứt gừng", "Bánh chưng", "Trà"]


def test_collection_order_ignores_the_product_place_in_other_collections(channel, graphql_client):
    shared = factories.product("Bánh chưng")
    tet = collection("Quà Tết", [factories.product("Mứt gừng"), shared])
    collection("Quà tặng", [shared, factories.product("Trà")])

    response = graphql_client(
        """
        query ($slug: String!) {
            collection(slug: $slug) {
                products(first: 10, sortBy: {field: COLLECTION, direction: ASC}) {
                    totalCount edges { node { name } }
                }
            }
        }
        """,
        {"slug": tet.slug},
    )

    assert response.errors is None, response.errors
    products = response.data["collection"]["products"]
    assert [e["node"]["name"] for e in products["edges"]] == ["Mứt gừng", "Bánh chưng"]
    assert products["totalCount"] == 2


def test_sorting_by_collection_outside_a_collection_is_an_error(channel, graphql_client):
    factories.product("Bánh chưng")

    response = graphql_client(
        "{ products(first: 5, sortBy: {field: COLLECTION, direction: ASC}) { totalCount } }"
    )

    assert response.data == {"products": None}
    assert error_messages(response) == [
        "Sorting by COLLECTION is available only inside a collection."
    ]


def test_product_lists_the_published_collections_it_is_in(channel, graphql_client):
    product = factories.product("Bánh chưng")
    collection("Quà Tết", [product], slug="qua-tet")
    collection("Bản nháp", [product], slug="ban-nhap", published=False)

    response = graphql_client(
        "query ($slug: String!) { product(slug: $slug) { collections { slug } } }",
        {"slug": product.slug},
    )

    assert response.data["product"]["collections"] == [{"slug": "qua-tet"}]


def test_product_types_are_listed_for_booths_adding_products(graphql_client):
    from tests import factories

    food = factories.product_type("food")
    answer = graphql_client("{ productTypes(first: 10) { totalCount edges { node { id slug } } } }")
    assert answer.data["productTypes"]["totalCount"] == 1
    [edge] = answer.data["productTypes"]["edges"]
    assert edge["node"]["slug"] == food.slug
    one = graphql_client(
        "query($id: ID!) { productType(id: $id) { name } }", {"id": edge["node"]["id"]}
    )
    assert one.data["productType"]["name"] == food.name
