"""Searching products: Vietnamese with or without diacritics, in any case and Unicode form."""

import unicodedata

import pytest

from tests import factories
from tests.catalog.helpers import list_products, listed_names, set_description

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(channel):
    highlands = factories.booth("HTX Cà phê Ea Tu", province="dak_lak")
    return {
        "honey": factories.product("Mật ong rừng", english="Forest honey"),
        "scarf": factories.product("Khăn thổ cẩm"),
        "coffee": factories.product("Cà phê Robusta", vendor=highlands),
        "rice": factories.product("Gạo nếp cái hoa vàng"),
    }


def found(graphql_client, text: str) -> list[str]:
    """Names found by the storefront's search box (filter.search)."""
    return sorted(listed_names(graphql_client, filter={"search": text}))


def test_search_without_diacritics_finds_vietnamese_name(catalog, graphql_client):
    assert found(graphql_client, "mat ong") == ["Mật ong rừng"]


def test_search_without_diacritics_finds_brocade(catalog, graphql_client):
    assert found(graphql_client, "tho cam") == ["Khăn thổ cẩm"]


def test_search_with_diacritics_finds_the_same(catalog, graphql_client):
    assert found(graphql_client, "mật ong") == ["Mật ong rừng"]


def test_search_ignores_letter_case(catalog, graphql_client):
    assert found(graphql_client, "MẬT ONG") == ["Mật ong rừng"]
    assert found(graphql_client, "KHĂN") == ["Khăn thổ cẩm"]


def test_search_finds_products_by_the_booth_province(catalog, graphql_client):
    assert found(graphql_client, "dak lak") == ["Cà phê Robusta"]


def test_search_by_province_with_diacritics_and_d_stroke(catalog, graphql_client):
    assert found(graphql_client, "Đắk Lắk") == ["Cà phê Robusta"]
    assert found(graphql_client, "đắk lắk") == ["Cà phê Robusta"]


def test_search_finds_products_by_the_booth_name(catalog, graphql_client):
    assert found(graphql_client, "ea tu") == ["Cà phê Robusta"]


def test_decomposed_unicode_query_finds_composed_name(catalog, graphql_client):
    decomposed = unicodedata.normalize("NFD", "Mật ong")
    assert decomposed != "Mật ong"

    assert found(graphql_client, decomposed) == ["Mật ong rừng"]


def test_decomposed_unicode_name_is_found_by_composed_query(channel, graphql_client):
    factories.product(unicodedata.normalize("NFD", "Nước mắm Phú Quốc"))

    assert len(found(graphql_client, "nước mắm")) == 1
    assert len(found(graphql_client, "nuoc mam")) == 1


def test_search_matches_the_beginning_of_words(catalog, graphql_client):
    assert found(graphql_client, "rob") == ["Cà phê Robusta"]
    assert found(graphql_client, "obusta") == []


def test_every_word_of_the_query_must_match(catalog, graphql_client):
    assert found(graphql_client, "mat ong rung") == ["Mật ong rừng"]
    assert found(graphql_client, "mat ong ca phe") == []


def test_search_finds_english_names(catalog, graphql_client):
    assert found(graphql_client, "honey") == ["Mật ong rừng"]


def test_search_looks_into_descriptions(catalog, graphql_client):
    set_description(catalog["rice"], "Nếp thơm trồng ở ruộng bậc thang Mù Cang Chải.")

    assert found(graphql_client, "mu cang chai") == ["Gạo nếp cái hoa vàng"]


def test_search_with_nothing_found_is_an_empty_list_not_an_error(catalog, graphql_client):
    response = list_products(graphql_client, filter={"search": "xe máy điện"})

    assert response.status_code == 200
    assert response.errors is None
    assert response.data["products"]["edges"] == []
    assert response.data["products"]["totalCount"] == 0


def test_search_argument_works_like_the_filter(catalog, graphql_client):
    assert listed_names(graphql_client, search="tho cam") == ["Khăn thổ cẩm"]


def test_search_and_filter_search_together_must_both_match(catalog, graphql_client):
    names = listed_names(graphql_client, search="mat", filter={"search": "rung"})

    assert names == ["Mật ong rừng"]


def test_search_punctuation_is_ignored(catalog, graphql_client):
    assert found(graphql_client, "mật-ong!") == ["Mật ong rừng"]


def test_search_with_sql_like_characters_is_plain_text(catalog, graphql_client):
    assert found(graphql_client, "%") == found(graphql_client, "")
    assert found(graphql_client, "mat_ong") == ["Mật ong rừng"]
    assert found(graphql_client, "' OR 1=1 --") == []


def test_search_results_can_be_paged(channel, graphql_client):
    for i in range(5):
        factories.product(f"Mật ong số {i}")
    factories.product("Chè xanh")

    response = list_products(graphql_client, first=2, filter={"search": "mat ong"})

    connection = response.data["products"]
    assert connection["totalCount"] == 5
    assert len(connection["edges"]) == 2
    assert connection["pageInfo"]["hasNextPage"] is True


def test_search_combines_with_other_filters(catalog, graphql_client):
    booth = factories.booth(province="lao_cai")
    factories.product("Mật ong bạc hà", vendor=booth)

    assert listed_names(graphql_client, filter={"search": "mat ong", "provinces": ["lao_cai"]}) == [
        "Mật ong bạc hà"
    ]


def test_search_finds_a_product_by_its_variant_sku(channel, graphql_client):
    product = factories.product("Mật ong rừng")
    factories.product("Chè xanh")
    sku = product.variants.get().sku

    assert found(graphql_client, sku) == ["Mật ong rừng"]
