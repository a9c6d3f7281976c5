"""Builders and small readers shared by the catalog API specifications."""

from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from marketplace.catalog import services
from marketplace.catalog.models import (
    AttributeValue,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
    Product,
)
from marketplace.core.ids import to_global_id
from marketplace.search import get_search_backend
from tests import factories

PRODUCT_LIST = """
query Products(
    $first: Int, $after: String, $last: Int, $before: String, $channel: String,
    $filter: ProductFilterInput, $where: ProductWhereInput, $sortBy: ProductOrder,
    $search: String
) {
    products(
        first: $first, after: $after, last: $last, before: $before, channel: $channel,
        filter: $filter, where: $where, sortBy: $sortBy, search: $search
    ) {
        totalCount
        edges { cursor node { id name slug } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
}
"""


def gid(type_name: str, pk: int) -> str:
    return to_global_id(type_name, pk)


def list_products(graphql_client, **variables: Any):
    """Run the product list with `variables`; `first` defaults to 100."""
    if "first" not in variables and "last" not in variables:
        variables["first"] = 100
    return graphql_client(PRODUCT_LIST, variables)


def names(connection: dict) -> list[str]:
    return [edge["node"]["name"] for edge in connection["edges"]]


def listed_names(graphql_client, **variables: Any) -> list[str]:
    """Names of the listed products, after checking that the query succeeded."""
    response = list_products(graphql_client, **variables)
    assert response.errors is None, response.errors
    return names(response.data["products"])


def error_messages(response) -> list[str]:
    return [error["message"] for error in response.errors or []]


def attribute_value(attribute, name: str, **fields) -> AttributeValue:
    return services.create_attribute_value(attribute=attribute, name=name, **fields)


def collection(
    name: str,
    products: Iterable[Product] = (),
    *,
    published: bool = True,
    published_at=None,
    channel=None,
    english: str | None = None,
    slug: str | None = None,
) -> Collection:
    """A collection holding `products` in the given order, listed (and maybe published) in the
    channel."""
    created = Collection.objects.create(name=name, slug=slug or f"col-{Collection.objects.count()}")
    for position, product in enumerate(products):
        CollectionProduct.objects.create(collection=created, product=product, sort_order=position)
    CollectionChannelListing.objects.create(
        collection=created,
        channel=channel or factories.channel(),
        is_published=published,
        published_at=published_at or (timezone.now() if published else None),
    )
    if english:
        CollectionTranslation.objects.create(
            collection=created, language_code="en", name=english, slug=f"{created.slug}-en"
        )
    return created


def set_description(product: Product, text: str) -> Product:
    """Replace the product's description and re-index it, as an edit in the dashboard would."""
    product.description = services.editorjs(text)
    product.save(update_fields=["description"])
    get_search_backend().index_products([product])
    return product


def product_without_variants(name: str, *, vendor=None, category=None, **fields) -> Product:
    """A product with no variant yet (and not published), for tests that build variants."""
    return services.create_product(
        vendor=vendor or factories.booth(),
        product_type=factories.product_type(),
        name=name,
        slug=f"bare-{Product.objects.count() + 1}",
        category=category,
        **fields,
    )
