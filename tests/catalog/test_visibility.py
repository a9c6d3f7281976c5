"""What shoppers may see: only published products of open booths, from their publication date;
products hidden from lists stay reachable by their link."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.catalog.models import ProductChannelListing
from marketplace.catalog.services import publish_product
from tests import factories
from tests.catalog.helpers import collection, gid, listed_names
from vendors.models import BoothStatus

pytestmark = pytest.mark.django_db

BY_SLUG = """
query ($slug: String!) { product(slug: $slug, channel: "default-channel") { name } }
"""
BY_ID = """
query ($id: ID!) { product(id: $id, channel: "default-channel") { name } }
"""
VARIANT_BY_SKU = """
query ($sku: String!) { productVariant(sku: $sku, channel: "default-channel") { sku } }
"""
IN_CATEGORY = """
query ($slug: String!) {
    category(slug: $slug) {
        products(first: 20, channel: "default-channel") { totalCount edges { node { name } } }
    }
}
"""
IN_COLLECTION = """
query ($slug: String!) {
    collection(slug: $slug, channel: "default-channel") {
        products(first: 20) { totalCount edges { node { name } } }
    }
}
"""
VARIANTS = """
{ productVariants(first: 20, channel: "default-channel") { edges { node { sku } } } }
"""


@pytest.fixture
def shelf(channel):
    """A visible product next to the one under test, in the same category and collection."""
    honey = factories.category("Mật ong")
    visible = factories.product("Mật ong hiển thị", category=honey)
    return {"category": honey, "visible": visible}


def seen_everywhere(graphql_client, shelf, product) -> dict[str, bool]:
    """Where a shopper finds `product`: lists, search, category, collection, link, variant."""
    tet = collection("Tết", [shelf["visible"], product])

    def in_connection(response, root) -> bool:
        assert response.errors is None, response.errors
        names = [e["node"]["name"] for e in response.data[root]["products"]["edges"]]
        assert "Mật ong hiển thị" in names
        return product.name in names

    category = graphql_client(IN_CATEGORY, {"slug": shelf["category"].slug})
    in_collection = graphql_client(IN_COLLECTION, {"slug": tet.slug})
    by_slug = graphql_client(BY_SLUG, {"slug": product.slug})
    by_id = graphql_client(BY_ID, {"id": gid("Product", product.pk)})
    sku = product.variants.get().sku
    variant = graphql_client(VARIANT_BY_SKU, {"sku": sku})
    variants = graphql_client(VARIANTS)
    return {
        "list": product.name in listed_names(graphql_client),
        "search": product.name in listed_names(graphql_client, filter={"search": "mat ong"}),
        "category": in_connection(category, "category"),
        "collection": in_connection(in_collection, "collection"),
        "slug": by_slug.data["product"] is not None,
        "id": by_id.data["product"] is not None,
        "variant": variant.data["productVariant"] is not None,
        "variants": sku in [e["node"]["sku"] for e in variants.data["productVariants"]["edges"]],
    }


EVERYWHERE = dict.fromkeys(
    ("list", "search", "category", "collection", "slug", "id", "variant", "variants"), True
)
NOWHERE = dict.fromkeys(EVERYWHERE, False)


def test_published_product_is_seen_everywhere(shelf, graphql_client):
    product = factories.product("Mật ong bạc hà", category=shelf["category"])

    assert seen_everywhere(graphql_client, shelf, product) == EVERYWHERE


def test_unpublished_product_is_seen_nowhere(shelf, graphql_client):
    product = factories.product("Mật ong bạc hà", category=shelf["category"], publish=False)

    assert seen_everywhere(graphql_client, shelf, product) == NOWHERE


def test_withdrawn_product_is_seen_nowhere(shelf, graphql_client):
    product = factories.product("Mật ong bạc hà", category=shelf["category"])
    ProductChannelListing.objects.filter(product=product).update(is_published=False)

    assert seen_everywhere(graphql_client, shelf, product) == NOWHERE


def test_product_published_in_the_future_is_seen_nowhere_yet(shelf, graphql_client):
    product = factories.product(
        "Mật ong bạc hà",
        category=shelf["category"],
        published_at=timezone.now() + timedelta(days=1),
    )

    assert seen_everywhere(graphql_client, shelf, product) == NOWHERE


def test_product_published_in_the_past_is_seen(shelf, graphql_client):
    product = factories.product(
        "Mật ong bạc hà",
        category=shelf["category"],
        published_at=timezone.now() - timedelta(days=1),
    )

    assert seen_everywhere(graphql_client, shelf, product) == EVERYWHERE


@pytest.mark.parametrize("status", [BoothStatus.SUSPENDED, BoothStatus.APPLIED, BoothStatus.CLOSED])
def test_product_of_a_booth_that_is_not_open_is_seen_nowhere(shelf, graphql_client, status):
    booth = factories.booth("Tổ nuôi ong", status=status)
    product = factories.product("Mật ong bạc hà", vendor=booth, category=shelf["category"])

    assert seen_everywhere(graphql_client, shelf, product) == NOWHERE


def test_suspending_a_booth_hides_its_products_at_once(shelf, graphql_client):
    booth = factories.booth("Tổ nuôi ong")
    product = factories.product("Mật ong bạc hà", vendor=booth, category=shelf["category"])
    booth.status = BoothStatus.SUSPENDED
    booth.save()

    assert seen_everywhere(graphql_client, shelf, product) == NOWHERE


def test_product_hidden_from_listings_is_reachable_only_by_its_link(shelf, graphql_client):
    product = factories.product(
        "Mật ong bạc hà", category=shelf["category"], visible_in_listings=False
    )

    assert seen_everywhere(graphql_client, shelf, product) == {
        "list": False,
        "search": False,
        "category": False,
        "collection": False,
        "slug": True,
        "id": True,
        "variant": True,
        "variants": True,
    }


def test_product_published_in_another_channel_only_is_not_seen(shelf, graphql_client):
    wholesale = factories.channel("wholesale")
    product = factories.product(
        "Mật ong bạc hà", category=shelf["category"], sales_channel=wholesale
    )

    assert seen_everywhere(graphql_client, shelf, product) == NOWHERE


def test_other_channel_lists_its_own_products(shelf, graphql_client):
    wholesale = factories.channel("wholesale")
    factories.product("Mật ong sỉ", sales_channel=wholesale)

    assert listed_names(graphql_client, channel="wholesale") == ["Mật ong sỉ"]


def test_republishing_with_listing_visibility_restores_the_product(shelf, graphql_client):
    product = factories.product(
        "Mật ong bạc hà", category=shelf["category"], visible_in_listings=False
    )
    publish_product(product=product, channel=factories.channel(), visible_in_listings=True)

    assert seen_everywhere(graphql_client, shelf, product) == EVERYWHERE


def test_hidden_products_are_not_counted(shelf, graphql_client):
    factories.product("Ẩn", publish=False)
    factories.product("Sắp ra", published_at=timezone.now() + timedelta(hours=1))
    factories.product("Tổ tạm ngừng", vendor=factories.booth(status=BoothStatus.SUSPENDED))
    factories.product("Không liệt kê", visible_in_listings=False)

    response = graphql_client("{ products(first: 5) { totalCount edges { node { name } } } }")

    assert response.data["products"]["totalCount"] == 1
