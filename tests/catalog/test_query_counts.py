"""A longer list costs no more database queries than a short one: relations are loaded for the
whole page at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.catalog import services
from marketplace.catalog.models import AttributeInputType
from marketplace.content import services as content
from tests import factories
from tests.catalog.helpers import attribute_value, collection

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_answer_cache")]


def queries_for(graphql_client, query: str, variables: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = graphql_client(query, variables)
    assert response.errors is None, response.errors
    return len(captured.captured_queries)


def stock_shelf(count: int) -> None:
    bestseller = factories.attribute("bestseller", AttributeInputType.BOOLEAN)
    yes = attribute_value(bestseller, "Có", slug="bestseller-true", boolean=True)
    honey = factories.category("Mật ong", english="Honey")
    for i in range(count):
        product = factories.product(
            f"Mật ong số {i}",
            english=f"Honey {i}",
            category=honey,
            prices=[90000, 150000],
            attribute_values=[yes],
        )
        services.add_product_media(product=product, image=factories.jpeg_with_gps())


PRODUCT_DETAILS_LIST = """
{
    products(first: 50) {
        edges { node {
            name isAvailable collections { slug }
            media { url(size: 256, format: WEBP) }
            variants { name quantityAvailable pricing { price { gross { amount } } } }
        } }
    }
}
"""


def test_variants_media_and_collections_of_a_list_cost_the_same_for_more_products(
    channel, graphql_client
):
    stock_shelf(2)
    for_two = queries_for(graphql_client, PRODUCT_DETAILS_LIST)
    stock_shelf(10)

    assert queries_for(graphql_client, PRODUCT_DETAILS_LIST) == for_two


MENU = """
{
    menu(slug: "navbar", channel: "default-channel") {
        items { name category { slug } collection { slug } page { slug } children { name } }
    }
}
"""


def add_menu_links(menu, count: int) -> None:
    kind = content.create_page_type(name="Trang", slug="content")
    for _ in range(count):
        i = menu.items.count()
        page = content.create_page(
            page_type=kind, title=f"Trang {i}", slug=f"trang-{i}", is_published=True
        )
        content.add_menu_item(menu=menu, name=f"Danh mục {i}", category=factories.category())
        content.add_menu_item(menu=menu, name=f"Bộ sưu tập {i}", collection=collection(f"BST {i}"))
        content.add_menu_item(menu=menu, name=f"Trang {i}", page=page)


def test_menu_costs_the_same_for_more_items(channel, graphql_client):
    menu = content.create_menu(name="Thanh điều hướng", slug="navbar")
    add_menu_links(menu, 2)
    for_two = queries_for(graphql_client, MENU)
    add_menu_links(menu, 8)

    assert queries_for(graphql_client, MENU) == for_two


CATEGORY_TREE = """
{
    categories(first: 50, level: 0) {
        edges { node { name children(first: 10) { totalCount edges { node { name } } } } }
    }
}
"""


def plant_categories(count: int) -> None:
    for i in range(count):
        root = factories.category(f"Danh mục {i}")
        factories.category(f"Danh mục con {i}", parent=root)


def test_category_tree_costs_the_same_for_more_categories(channel, graphql_client):
    plant_categories(2)
    for_two = queries_for(graphql_client, CATEGORY_TREE)
    plant_categories(10)

    assert queries_for(graphql_client, CATEGORY_TREE) == for_two
