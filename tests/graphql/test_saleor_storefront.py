"""The Saleor storefront's own catalog operations validate against our schema and return data.

The storefront's documents are read from `../shared/reference/saleor-storefront` (beside the
project's checkout, in development and CI alike); they are not part of the project.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, print_ast

from marketplace.catalog import services
from marketplace.catalog.models import (
    Collection,
    CollectionChannelListing,
    CollectionProduct,
)
from marketplace.content.models import Menu, MenuItem, Page, PageType
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
STOREFRONT = SHARED / "reference" / "saleor-storefront" / "storefront"
CATALOG_OPERATIONS = {
    "ProductList",
    "ProductListPaginated",
    "ProductListByCategory",
    "ProductListByCollection",
    "ProductDetails",
    "ProductVariantForPdp",
    "ProductVariantsForPdp",
    "SearchProducts",
    "CategoriesBySlug",
    "ChannelsList",
    "MenuGetBySlug",
    "PageGetBySlug",
    "StorefrontContentPages",
}


def _documents() -> tuple[dict, dict]:
    assert STOREFRONT.is_dir(), f"The storefront reference is missing at {STOREFRONT}"
    operations, fragments = {}, {}
    for path in sorted(STOREFRONT.glob("*.graphql")):
        for definition in parse(path.read_text(encoding="utf-8")).definitions:
            if isinstance(definition, FragmentDefinitionNode):
                fragments[definition.name.value] = definition
            elif isinstance(definition, OperationDefinitionNode) and definition.name:
                operations[definition.name.value] = definition
    return operations, fragments


def _with_fragments(operation, fragments) -> str:
    text = print_ast(operation)
    needed, todo = {}, [operation]
    while todo:
        node = todo.pop()
        for name in _spreads(print_ast(node)):
            if name not in needed and name in fragments:
                needed[name] = fragments[name]
                todo.append(fragments[name])
    return "\n".join([text, *(print_ast(fragment) for fragment in needed.values())])


def _spreads(text: str) -> set[str]:
    import re

    return set(re.findall(r"\.\.\.\s*([A-Za-z_][A-Za-z0-9_]*)", text))


def test_every_catalog_operation_of_the_storefront_validates(tmp_path):
    schema_file = tmp_path / "schema.graphql"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "graphql_schema",
            "--schema",
            "marketplace.graphql.schema.schema",
            "--out",
            str(schema_file),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "saleor_compat.py"), str(schema_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    valid = {line.split(":")[-1] for line in result.stdout.splitlines() if line.startswith("ok ")}
    assert valid >= CATALOG_OPERATIONS, result.stdout


@pytest.fixture
def storefront_catalog(db):
    sales_channel = factories.channel()
    bestseller = factories.attribute("bestseller")
    yes = services.create_attribute_value(attribute=bestseller, name="Có", boolean=True)
    honey = factories.category("Mật ong", english="Honey")
    product = factories.product(
        "Mật ong rừng",
        category=honey,
        prices=[125000, 250000],
        english="Forest honey",
        attribute_values=[yes],
    )
    services.add_product_media(product=product, image=factories.jpeg_with_gps())
    collection = Collection.objects.create(name="Quà Tết", slug="qua-tet")
    CollectionChannelListing.objects.create(
        collection=collection, channel=sales_channel, is_published=True
    )
    CollectionProduct.objects.create(collection=collection, product=product)
    page = Page.objects.create(
        page_type=PageType.objects.create(name="Nội dung", slug="content"),
        title="Về chương trình",
        slug="ve-chuong-trinh",
        is_published=True,
        content={"blocks": [{"type": "paragraph", "data": {"text": "Xin chào"}}]},
    )
    menu = Menu.objects.create(name="Navbar", slug="navbar")
    top = MenuItem.objects.create(menu=menu, name="Mật ong", category=honey)
    MenuItem.objects.create(menu=menu, parent=top, level=1, name="Trang", page=page)
    return {"product": product, "category": honey, "collection": collection, "page": page}


def _variables(name: str, catalog) -> dict:
    product = catalog["product"]
    variant = product.variants.first()
    common = {"channel": "default-channel", "languageCode": "EN"}
    return {
        "ProductList": {"first": 9},
        "ProductListPaginated": {"first": 12},
        "ProductListByCategory": {"slug": catalog["category"].slug, "first": 12},
        "ProductListByCollection": {"slug": catalog["collection"].slug, "first": 12},
        "ProductDetails": {"slug": product.slug},
        "ProductVariantForPdp": {"sku": variant.sku},
        "ProductVariantsForPdp": {"slug": product.slug, "first": 20},
        "SearchProducts": {
            "search": "mat ong",
            "sortBy": "RANK",
            "sortDirection": "DESC",
            "first": 12,
        },
        "CategoriesBySlug": {"slugs": [catalog["category"].slug]},
        "ChannelsList": {},
        "MenuGetBySlug": {"slug": "navbar"},
        "PageGetBySlug": {"slug": catalog["page"].slug},
        "StorefrontContentPages": {"slugs": [catalog["page"].slug]},
    }[name] | common


@pytest.mark.parametrize("name", sorted(CATALOG_OPERATIONS))
def test_storefront_operation_returns_real_data(name, storefront_catalog, client):
    operations, fragments = _documents()
    query = _with_fragments(operations[name], fragments)
    response = client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": _variables(name, storefront_catalog)}),
        content_type="application/json",
    )
    body = response.json()
    assert response.status_code == 200, body
    assert "errors" not in body, body["errors"]
    (result,) = body["data"].values()
    assert result, f"{name} returned nothing"
    text = json.dumps(result, ensure_ascii=False)
    expected = {
        "ChannelsList": "default-channel",
        "MenuGetBySlug": "Honey",
        "PageGetBySlug": "ve-chuong-trinh",
        "StorefrontContentPages": "ve-chuong-trinh",
        "CategoriesBySlug": "Mật ong",
    }.get(name, "Mật ong rừng" if "Variant" not in name else "SKU-")
    assert expected in text, text
