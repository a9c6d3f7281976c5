"""The mutations as a booth's client sends them, and small helpers to send them."""

import json
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from marketplace.core.ids import to_global_id
from tests.conftest import GRAPHQL_URL, GraphQLResponse

ERRORS = "errors { field message code attributes values }"

PRODUCT_FIELDS = """
    id name slug description seoTitle seoDescription
    productType { id } category { id } vendor { id name }
    attributes { attribute { slug } values { name slug plainText boolean } }
    variants { id sku name quantityAvailable }
    media { id alt }
"""

PRODUCT_CREATE = f"""
mutation ProductCreate($input: ProductCreateInput!) {{
    productCreate(input: $input) {{
        product {{ {PRODUCT_FIELDS} }}
        {ERRORS}
    }}
}}
"""

PRODUCT_UPDATE = f"""
mutation ProductUpdate($id: ID, $input: ProductInput!) {{
    productUpdate(id: $id, input: $input) {{
        product {{ {PRODUCT_FIELDS} }}
        {ERRORS}
    }}
}}
"""

PRODUCT_DELETE = f"""
mutation ProductDelete($id: ID) {{
    productDelete(id: $id) {{
        product {{ id name }}
        {ERRORS}
    }}
}}
"""

VARIANT_FIELDS = """
    id sku name trackInventory quantityAvailable quantityLimitPerCustomer
    product { id }
    attributes { attribute { slug } values { name plainText } }
"""

VARIANT_CREATE = f"""
mutation VariantCreate($input: ProductVariantCreateInput!) {{
    productVariantCreate(input: $input) {{
        productVariant {{ {VARIANT_FIELDS} }}
        {ERRORS}
    }}
}}
"""

VARIANT_UPDATE = f"""
mutation VariantUpdate($id: ID, $sku: String, $input: ProductVariantInput!) {{
    productVariantUpdate(id: $id, sku: $sku, input: $input) {{
        productVariant {{ {VARIANT_FIELDS} }}
        {ERRORS}
    }}
}}
"""

VARIANT_DELETE = f"""
mutation VariantDelete($id: ID, $sku: String) {{
    productVariantDelete(id: $id, sku: $sku) {{
        productVariant {{ id sku }}
        {ERRORS}
    }}
}}
"""

STOCKS_UPDATE = """
mutation StocksUpdate($variantId: ID, $sku: String, $stocks: [StockInput!]!) {
    productVariantStocksUpdate(variantId: $variantId, sku: $sku, stocks: $stocks) {
        productVariant { id quantityAvailable }
        errors { field message code index }
    }
}
"""

CHANNEL_LISTING_UPDATE = """
mutation ListingUpdate($id: ID!, $input: ProductChannelListingUpdateInput!) {
    productChannelListingUpdate(id: $id, input: $input) {
        product { id name }
        errors { field message code channels variants }
    }
}
"""

MEDIA_CREATE = f"""
mutation MediaCreate($input: ProductMediaCreateInput!) {{
    productMediaCreate(input: $input) {{
        product {{ id media {{ id }} }}
        media {{ id alt type url }}
        {ERRORS}
    }}
}}
"""

MEDIA_DELETE = f"""
mutation MediaDelete($id: ID!) {{
    productMediaDelete(id: $id) {{
        product {{ id }}
        media {{ id }}
        {ERRORS}
    }}
}}
"""

CHANNEL_PRODUCTS = """
query ChannelProducts($channel: String, $search: String) {
    products(first: 50, channel: $channel, search: $search) {
        edges { node {
            id name isAvailableForPurchase
            pricing { priceRange {
                start { gross { amount currency } }
                stop { gross { amount currency } }
            } }
            variants { sku quantityAvailable pricing { price { gross { amount } } } }
        } }
    }
}
"""


def gid(type_name: str, pk: int) -> str:
    return to_global_id(type_name, pk)


def payload(response: GraphQLResponse, name: str) -> dict[str, Any]:
    """The mutation's payload, after checking that the request itself succeeded."""
    assert response.status_code == 200, response.json
    assert response.errors is None, response.errors
    return response.data[name]


def codes(result: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in result["errors"]]


def upload(
    client: Client,
    query: str,
    variables: dict[str, Any],
    *,
    path: str,
    content: bytes,
    name: str = "photo.jpg",
    content_type: str = "image/jpeg",
) -> GraphQLResponse:
    """Send `query` by the GraphQL multipart request spec, with one file at `variables.<path>`."""
    operations = {"query": query, "variables": variables}
    response = client.post(
        GRAPHQL_URL,
        data={
            "operations": json.dumps(operations),
            "map": json.dumps({"0": [f"variables.{path}"]}),
            "0": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )
    return GraphQLResponse(response.status_code, response.json())
