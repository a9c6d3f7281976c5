"""A list costs the same number of SQL queries however many items it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.catalog import services
from tests import factories

pytestmark = pytest.mark.usefixtures("no_answer_cache")

PRODUCT_LIST = """
query ProductGrid($first: Int!, $channel: String!) {
  products(first: $first, channel: $channel) {
    totalCount
    edges {
      node {
        id
        name
        slug
        thumbnail(size: 512, format: WEBP) { url alt }
        pricing { priceRange { start { gross { amount currency } } stop { gross { amount } } } }
        category { id name slug }
        vendor { id name slug province }
      }
    }
  }
}
"""

STOREFRONT_LIST_ITEM = """
query Grid($first: Int!, $channel: String!, $lang: LanguageCodeEnum!) {
  products(first: $first, channel: $channel) {
    edges {
      node {
        id name slug created
        translation(languageCode: $lang) { name slug }
        pricing {
          priceRange { start { gross { amount } } stop { gross { amount } } }
          priceRangeUndiscounted { start { gross { amount } } }
        }
        category { id name translation(languageCode: $lang) { name } }
        thumbnail(size: 1024, format: WEBP) { url }
        isAvailable
        top: assignedAttribute(slug: "bestseller") { ... on AssignedBooleanAttribute { value } }
        productVariants(first: 50) {
          totalCount
          edges {
            node {
              id
              quantityAvailable
              pricing { price { gross { amount } } }
              attributes(variantSelection: VARIANT_SELECTION) {
                attribute { slug name translation(languageCode: $lang) { name } }
                values { name slug translation(languageCode: $lang) { name } }
              }
            }
          }
        }
      }
    }
  }
}
"""


def _catalog(size: int) -> None:
    sales_channel = factories.channel()
    bestseller = factories.attribute("bestseller")
    flag = services.create_attribute_value(attribute=bestseller, name="Có", boolean=True)
    for number in range(size):
        category = factories.category(f"Danh mục {number % 3}", english=f"Category {number % 3}")
        product = factories.product(
            f"Sản phẩm {number}",
            prices=[100000 + number, 150000 + number],
            category=category,
            english=f"Product {number}",
            sales_channel=sales_channel,
            attribute_values=[flag] if number % 2 else [],
        )
        services.add_product_media(product=product, image=factories.jpeg_with_gps())


def _count(graphql_client, query: str, size: int, variables: dict) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = graphql_client(query, {"first": size, "channel": "default-channel", **variables})
    assert response.errors is None, response.errors
    assert len(response.data["products"]["edges"]) == size
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_product_list_costs_the_same_few_queries_for_5_20_and_100_products(graphql_client):
    _catalog(100)
    counts = [_count(graphql_client, PRODUCT_LIST, size, {}) for size in (5, 20, 100)]
    assert counts[0] == counts[1] == counts[2]
    assert counts[0] <= 8


@pytest.mark.django_db
def test_storefront_list_item_with_variants_and_translations_stays_flat(graphql_client):
    _catalog(30)
    counts = [_count(graphql_client, STOREFRONT_LIST_ITEM, n, {"lang": "EN"}) for n in (3, 30)]
    assert counts[0] == counts[1]
