"""Filtering product lists: the storefront's `filter` and `where`, and the marketplace's own
filters by booth and province."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.catalog.models import AttributeInputType
from tests import factories
from tests.catalog.helpers import (
    attribute_value,
    collection,
    error_messages,
    gid,
    list_products,
    listed_names,
)

pytestmark = pytest.mark.django_db


def filtered(graphql_client, **spec) -> list[str]:
    return sorted(listed_names(graphql_client, filter=spec))


def where(graphql_client, spec) -> list[str]:
    return sorted(listed_names(graphql_client, where=spec))


def test_category_filter_includes_subcategories(channel, graphql_client):
    food = factories.category("Thực phẩm")
    honey = factories.category("Mật ong", parent=food)
    wild = factories.category("Mật ong rừng", parent=honey)
    crafts = factories.category("Thủ công")
    factories.product("Mật ong bạc hà", category=honey)
    factories.product("Mật ong U Minh", category=wild)
    factories.product("Gạo nếp", category=food)
    factories.product("Khăn thổ cẩm", category=crafts)
    factories.product("Không danh mục")

    assert filtered(graphql_client, categories=[gid("Category", food.pk)]) == [
        "Gạo nếp",
        "Mật ong U Minh",
        "Mật ong bạc hà",
    ]
    assert filtered(graphql_client, categories=[gid("Category", honey.pk)]) == [
        "Mật ong U Minh",
        "Mật ong bạc hà",
    ]
    assert filtered(
        graphql_client, categories=[gid("Category", wild.pk), gid("Category", crafts.pk)]
    ) == ["Khăn thổ cẩm", "Mật ong U Minh"]


def test_has_category_filter(channel, graphql_client):
    factories.product("Gạo nếp", category=factories.category("Thực phẩm"))
    factories.product("Không danh mục")

    assert filtered(graphql_client, hasCategory=True) == ["Gạo nếp"]
    assert filtered(graphql_client, hasCategory=False) == ["Không danh mục"]


def test_collection_filter(channel, graphql_client):
    tet = collection("Quà Tết", [factories.product("Bánh chưng"), factories.product("Mứt gừng")])
    summer = collection("Mùa hè", [factories.product("Nón lá")])
    factories.product("Gạo nếp")

    assert filtered(graphql_client, collections=[gid("Collection", tet.pk)]) == [
        "Bánh chưng",
        "Mứt gừng",
    ]
    assert filtered(
        graphql_client, collections=[gid("Collection", tet.pk), gid("Collection", summer.pk)]
    ) == ["Bánh chưng", "Mứt gừng", "Nón lá"]


def test_product_in_two_chosen_collections_is_listed_once(channel, graphql_client):
    both = factories.product("Bánh chưng")
    tet, gifts = collection("Quà Tết", [both]), collection("Quà tặng", [both])

    response = list_products(
        graphql_client,
        filter={"collections": [gid("Collection", tet.pk), gid("Collection", gifts.pk)]},
    )

    assert response.data["products"]["totalCount"] == 1
    assert [e["node"]["name"] for e in response.data["products"]["edges"]] == ["Bánh chưng"]


@pytest.fixture
def priced(channel):
    factories.product("Rẻ", price=50000)
    factories.product("Vừa", prices=[100000, 300000])
    factories.product("Đắt", price=500000)


def test_price_filter_matches_any_variant_in_range(priced, graphql_client):
    assert filtered(graphql_client, price={"gte": 250000, "lte": 400000}) == ["Vừa"]
    assert filtered(graphql_client, price={"gte": 100000}) == ["Vừa", "Đắt"]
    assert filtered(graphql_client, price={"lte": 100000}) == ["Rẻ", "Vừa"]


def test_minimal_price_filter_uses_the_cheapest_variant(priced, graphql_client):
    assert filtered(graphql_client, minimalPrice={"gte": 250000, "lte": 400000}) == []
    assert filtered(graphql_client, minimalPrice={"gte": 100000}) == ["Vừa", "Đắt"]
    assert filtered(graphql_client, minimalPrice={"lte": 50000}) == ["Rẻ"]


def test_where_price_range_and_exact_price(priced, graphql_client):
    assert where(graphql_client, {"price": {"range": {"gte": 250000, "lte": 400000}}}) == ["Vừa"]
    assert where(graphql_client, {"minimalPrice": {"eq": 500000}}) == ["Đắt"]


def test_stock_availability_filter(channel, graphql_client):
    factories.product("Còn hàng", quantity=3)
    factories.product("Hết hàng", quantity=0)
    allocated = factories.product("Đã đặt hết", quantity=2).variants.get()
    allocated.stock.quantity_allocated = 2
    allocated.stock.save()

    assert filtered(graphql_client, stockAvailability="IN_STOCK") == ["Còn hàng"]
    assert filtered(graphql_client, stockAvailability="OUT_OF_STOCK") == ["Hết hàng", "Đã đặt hết"]


def test_product_with_one_variant_in_stock_is_in_stock(channel, graphql_client):
    product = factories.product("Hai loại", prices=[10000, 20000], quantity=0)
    stock = product.variants.order_by("pk").last().stock
    stock.quantity = 1
    stock.save()

    assert filtered(graphql_client, stockAvailability="IN_STOCK") == ["Hai loại"]
    assert filtered(graphql_client, stockAvailability="OUT_OF_STOCK") == []


def test_is_available_filter(channel, graphql_client):
    factories.product("Đang bán", quantity=3)
    factories.product("Hết hàng", quantity=0)
    factories.product("Sắp bán", available_for_purchase_at=timezone.now() + timedelta(days=2))

    assert filtered(graphql_client, isAvailable=True) == ["Đang bán"]
    assert filtered(graphql_client, isAvailable=False) == ["Hết hàng", "Sắp bán"]


def test_slugs_filter(channel, graphql_client):
    a, b = factories.product("Một"), factories.product("Hai")
    factories.product("Ba")

    assert filtered(graphql_client, slugs=[a.slug, b.slug, "khong-co"]) == ["Hai", "Một"]


def test_ids_filter(channel, graphql_client):
    a = factories.product("Một")
    factories.product("Hai")

    assert filtered(graphql_client, ids=[gid("Product", a.pk)]) == ["Một"]


def test_ids_filter_with_a_bad_id_is_an_error(channel, graphql_client):
    factories.product("Một")

    response = list_products(graphql_client, filter={"ids": ["rác"]})

    assert response.status_code == 200
    assert response.data == {"products": None}
    assert error_messages(response) == ["Couldn't resolve id: rác."]


def test_category_filter_with_a_product_id_is_an_error(channel, graphql_client):
    product = factories.product("Một")

    response = list_products(graphql_client, filter={"categories": [gid("Product", product.pk)]})

    assert response.data == {"products": None}
    assert error_messages(response) == ["Must receive a Category id."]


@pytest.fixture
def flagged(channel):
    bestseller = factories.attribute("bestseller", AttributeInputType.BOOLEAN)
    yes = attribute_value(bestseller, "Có", slug="bestseller-true", boolean=True)
    no = attribute_value(bestseller, "Không", slug="bestseller-false", boolean=False)
    factories.product("Bán chạy", attribute_values=[yes])
    factories.product("Bình thường", attribute_values=[no])
    factories.product("Chưa đánh dấu")


def test_boolean_attribute_filter(flagged, graphql_client):
    assert filtered(graphql_client, attributes=[{"slug": "bestseller", "boolean": True}]) == [
        "Bán chạy"
    ]
    assert filtered(graphql_client, attributes=[{"slug": "bestseller", "boolean": False}]) == [
        "Bình thường"
    ]


def test_choice_attribute_filter_by_value_slugs(channel, graphql_client):
    colour = factories.attribute("mau-sac", AttributeInputType.DROPDOWN)
    red, blue = (
        attribute_value(colour, "Đỏ", slug="do"),
        attribute_value(colour, "Chàm", slug="cham"),
    )
    factories.product("Khăn đỏ", attribute_values=[red])
    factories.product("Khăn chàm", attribute_values=[blue])
    factories.product("Khăn trắng")

    spec = [{"slug": "mau-sac", "values": ["cham"]}]
    assert filtered(graphql_client, attributes=spec) == ["Khăn chàm"]
    spec = [{"slug": "mau-sac", "values": ["do", "cham"]}]
    assert filtered(graphql_client, attributes=spec) == ["Khăn chàm", "Khăn đỏ"]


def test_numeric_attribute_filter_by_values_range(channel, graphql_client):
    weight = factories.attribute("khoi-luong", AttributeInputType.NUMERIC, unit="g")
    factories.product("Hũ nhỏ", attribute_values=[attribute_value(weight, "250", slug="250")])
    factories.product("Hũ vừa", attribute_values=[attribute_value(weight, "500", slug="500")])
    factories.product("Hũ lớn", attribute_values=[attribute_value(weight, "1000", slug="1000")])

    spec = [{"slug": "khoi-luong", "valuesRange": {"gte": 400, "lte": 800}}]
    assert filtered(graphql_client, attributes=spec) == ["Hũ vừa"]
    spec = [{"slug": "khoi-luong", "valuesRange": {"gte": 500}}]
    assert filtered(graphql_client, attributes=spec) == ["Hũ lớn", "Hũ vừa"]


def test_attribute_filter_needs_a_slug(flagged, graphql_client):
    response = list_products(graphql_client, filter={"attributes": [{"boolean": True}]})

    assert response.data == {"products": None}
    assert error_messages(response) == ["Attribute filters need the attribute's slug."]


def test_filter_by_booth(channel, graphql_client):
    weavers, beekeepers = factories.booth("Tổ dệt"), factories.booth("Tổ nuôi ong")
    factories.product("Khăn", vendor=weavers)
    factories.product("Túi", vendor=weavers)
    factories.product("Mật ong", vendor=beekeepers)

    assert filtered(graphql_client, vendors=[gid("Vendor", weavers.pk)]) == ["Khăn", "Túi"]
    assert where(graphql_client, {"vendor": {"eq": gid("Vendor", beekeepers.pk)}}) == ["Mật ong"]


def test_filter_by_province(channel, graphql_client):
    factories.product("Cà phê", vendor=factories.booth(province="dak_lak"))
    factories.product("Thổ cẩm", vendor=factories.booth(province="gia_lai"))
    factories.product("Chè", vendor=factories.booth(province="thai_nguyen"))

    assert filtered(graphql_client, provinces=["dak_lak"]) == ["Cà phê"]
    assert filtered(graphql_client, provinces=["dak_lak", "gia_lai"]) == ["Cà phê", "Thổ cẩm"]
    assert filtered(graphql_client, provinces=["ca_mau"]) == []


def test_filters_combine_with_and(channel, graphql_client):
    honey = factories.category("Mật ong")
    factories.product("Mật ong rẻ", price=80000, category=honey)
    factories.product("Mật ong đắt", price=400000, category=honey)
    factories.product("Khăn rẻ", price=80000)

    assert filtered(
        graphql_client, categories=[gid("Category", honey.pk)], price={"lte": 100000}
    ) == ["Mật ong rẻ"]


def test_unpublished_filter_gives_nothing_to_shoppers(channel, graphql_client):
    factories.product("Một")

    assert filtered(graphql_client, isPublished=False) == []
    assert filtered(graphql_client, isPublished=True) == ["Một"]


@pytest.fixture
def three(channel):
    return {name: factories.product(name) for name in ("Một", "Hai", "Ba")}


def test_where_slug_equals(three, graphql_client):
    assert where(graphql_client, {"slug": {"eq": three["Hai"].slug}}) == ["Hai"]


def test_where_slug_one_of(three, graphql_client):
    slugs = [three["Một"].slug, three["Ba"].slug]

    assert where(graphql_client, {"slug": {"oneOf": slugs}}) == ["Ba", "Một"]


def test_where_name_equals(three, graphql_client):
    assert where(graphql_client, {"name": {"eq": "Ba"}}) == ["Ba"]


def test_where_or_unites_alternatives(three, graphql_client):
    spec = {"OR": [{"slug": {"eq": three["Một"].slug}}, {"name": {"eq": "Hai"}}]}

    assert where(graphql_client, spec) == ["Hai", "Một"]


def test_where_and_intersects_conditions(three, graphql_client):
    slugs = [three["Một"].slug, three["Hai"].slug]
    spec = {"AND": [{"slug": {"oneOf": slugs}}, {"name": {"oneOf": ["Hai", "Ba"]}}]}

    assert where(graphql_client, spec) == ["Hai"]


def test_where_nests_and_inside_or(three, graphql_client):
    spec = {
        "OR": [
            {"AND": [{"name": {"eq": "Một"}}, {"slug": {"eq": three["Một"].slug}}]},
            {"AND": [{"name": {"eq": "Hai"}}, {"slug": {"eq": three["Ba"].slug}}]},
        ]
    }

    assert where(graphql_client, spec) == ["Một"]


def test_where_category_and_collection(channel, graphql_client):
    honey = factories.category("Mật ong")
    in_category = factories.product("Mật ong", category=honey)
    tet = collection("Tết", [factories.product("Bánh chưng"), in_category])

    assert where(graphql_client, {"category": {"eq": gid("Category", honey.pk)}}) == ["Mật ong"]
    assert where(graphql_client, {"collection": {"oneOf": [gid("Collection", tet.pk)]}}) == [
        "Bánh chưng",
        "Mật ong",
    ]


def test_where_and_filter_apply_together(three, graphql_client):
    names = listed_names(
        graphql_client,
        where={"slug": {"oneOf": [three["Một"].slug, three["Hai"].slug]}},
        filter={"slugs": [three["Hai"].slug, three["Ba"].slug]},
    )

    assert names == ["Hai"]


def test_where_prices_one_of_matches_only_the_listed_prices(priced, graphql_client):
    assert where(graphql_client, {"minimalPrice": {"oneOf": [50000, 500000]}}) == ["Rẻ", "Đắt"]
    assert where(graphql_client, {"price": {"oneOf": [300000]}}) == ["Vừa"]


def test_made_to_order_product_is_available_in_filters_as_on_its_page(channel, graphql_client):
    # A variant whose stock is not tracked can always be ordered: the page says it is available.
    made_to_order = factories.product("Áo dài may đo", quantity=0)
    variant = made_to_order.variants.get()
    variant.track_inventory = False
    variant.save()
    factories.product("Hết hàng", quantity=0)
    page = graphql_client(
        "query ($slug: String!) { product(slug: $slug) { isAvailable } }",
        {"slug": made_to_order.slug},
    )
    assert page.data["product"]["isAvailable"] is True

    assert filtered(graphql_client, isAvailable=True) == ["Áo dài may đo"]
    assert filtered(graphql_client, stockAvailability="IN_STOCK") == ["Áo dài may đo"]
    assert filtered(graphql_client, stockAvailability="OUT_OF_STOCK") == ["Hết hàng"]
