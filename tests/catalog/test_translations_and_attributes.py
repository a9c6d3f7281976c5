"""Typed attributes (assignedAttribute(s)) and translations, as the product page reads them."""

import pytest

from marketplace.catalog.models import (
    AttributeInputType,
    AttributeTranslation,
    AttributeValueTranslation,
    ProductTranslation,
)
from tests import factories
from tests.catalog.helpers import attribute_value

pytestmark = pytest.mark.django_db

SPECIFICATIONS = """
query Specs($slug: String!, $lang: LanguageCodeEnum!, $limit: Int) {
    product(slug: $slug, channel: "default-channel") {
        assignedAttributes(limit: $limit) {
            __typename
            attribute { slug name translation(languageCode: $lang) { name } }
            ... on AssignedPlainTextAttribute {
                text: value
                textTranslation: translation(languageCode: $lang)
            }
            ... on AssignedBooleanAttribute { flag: value }
            ... on AssignedNumericAttribute { number: value }
            ... on AssignedSingleChoiceAttribute {
                choice: value { name slug translation(languageCode: $lang) }
            }
            ... on AssignedMultiChoiceAttribute {
                choices: value { name slug translation(languageCode: $lang) }
            }
        }
    }
}
"""


def translate_attribute(attribute, name: str) -> None:
    AttributeTranslation.objects.create(attribute=attribute, language_code="en", name=name)


def translate_value(value, name: str, plain_text: str | None = None) -> None:
    AttributeValueTranslation.objects.create(
        attribute_value=value, language_code="en", name=name, plain_text=plain_text
    )


@pytest.fixture
def described(channel):
    """A product with one attribute of each input type, some translated into English."""
    care = factories.attribute("bao-quan", AttributeInputType.PLAIN_TEXT)
    translate_attribute(care, "Storage")
    care_text = attribute_value(
        care, "Nơi khô ráo", slug="noi-kho-rao", plain_text="Để nơi khô ráo, tránh nắng."
    )
    translate_value(care_text, "Dry place", plain_text="Keep dry, away from sunlight.")

    organic = factories.attribute("huu-co", AttributeInputType.BOOLEAN)
    yes = attribute_value(organic, "Có", slug="huu-co-true", boolean=True)

    weight = factories.attribute("khoi-luong", AttributeInputType.NUMERIC, unit="g")
    grams = attribute_value(weight, "500", slug="500")

    origin = factories.attribute("xuat-xu", AttributeInputType.DROPDOWN)
    translate_attribute(origin, "Origin")
    highlands = attribute_value(origin, "Tây Nguyên", slug="tay-nguyen")
    translate_value(highlands, "Central Highlands")

    flowers = factories.attribute("nguon-hoa", AttributeInputType.MULTISELECT)
    coffee = attribute_value(flowers, "Hoa cà phê", slug="hoa-ca-phe")
    translate_value(coffee, "Coffee blossom")
    longan = attribute_value(flowers, "Hoa nhãn", slug="hoa-nhan")

    hidden = factories.attribute("ghi-chu-noi-bo", AttributeInputType.PLAIN_TEXT)
    hidden.visible_in_storefront = False
    hidden.save()
    note = attribute_value(hidden, "Nội bộ", slug="noi-bo", plain_text="Chỉ cho quản trị")

    return factories.product(
        "Mật ong hoa cà phê",
        attribute_values=[care_text, yes, grams, highlands, coffee, longan, note],
    )


def specifications(graphql_client, product, lang="EN", limit=None) -> list[dict]:
    response = graphql_client(SPECIFICATIONS, {"slug": product.slug, "lang": lang, "limit": limit})
    assert response.errors is None, response.errors
    return response.data["product"]["assignedAttributes"]


def test_assigned_attributes_come_typed_in_assignment_order(described, graphql_client):
    specs = specifications(graphql_client, described)

    assert [spec["__typename"] for spec in specs] == [
        "AssignedPlainTextAttribute",
        "AssignedBooleanAttribute",
        "AssignedNumericAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedMultiChoiceAttribute",
    ]


def test_plain_text_attribute_with_its_translation(described, graphql_client):
    text = specifications(graphql_client, described)[0]

    assert text["attribute"] == {
        "slug": "bao-quan",
        "name": "Bao-Quan",
        "translation": {"name": "Storage"},
    }
    assert text["text"] == "Để nơi khô ráo, tránh nắng."
    assert text["textTranslation"] == "Keep dry, away from sunlight."


def test_boolean_and_numeric_attributes_carry_typed_values(described, graphql_client):
    specs = specifications(graphql_client, described)

    assert specs[1]["flag"] is True
    assert specs[2]["number"] == 500.0
    assert specs[1]["attribute"]["translation"] is None


def test_single_choice_attribute_with_translated_value(described, graphql_client):
    choice = specifications(graphql_client, described)[3]

    assert choice["attribute"]["translation"] == {"name": "Origin"}
    assert choice["choice"] == {
        "name": "Tây Nguyên",
        "slug": "tay-nguyen",
        "translation": "Central Highlands",
    }


def test_multi_choice_attribute_lists_every_value(described, graphql_client):
    choices = specifications(graphql_client, described)[4]["choices"]

    assert choices == [
        {"name": "Hoa cà phê", "slug": "hoa-ca-phe", "translation": "Coffee blossom"},
        {"name": "Hoa nhãn", "slug": "hoa-nhan", "translation": None},
    ]


def test_attribute_hidden_from_the_storefront_is_not_shown(described, graphql_client):
    slugs = [spec["attribute"]["slug"] for spec in specifications(graphql_client, described)]

    assert "ghi-chu-noi-bo" not in slugs


def test_untranslated_language_gives_null_translations(described, graphql_client):
    specs = specifications(graphql_client, described, lang="FR")

    assert specs[0]["textTranslation"] is None
    assert specs[0]["attribute"]["translation"] is None
    assert specs[3]["choice"]["translation"] is None


def test_assigned_attributes_limit(described, graphql_client):
    specs = specifications(graphql_client, described, limit=2)

    assert [spec["attribute"]["slug"] for spec in specs] == ["bao-quan", "huu-co"]


def test_product_without_attributes_has_an_empty_list(channel, graphql_client):
    product = factories.product("Chè xanh")

    assert specifications(graphql_client, product) == []


def test_one_assigned_attribute_by_slug(described, graphql_client):
    response = graphql_client(
        """
        query ($slug: String!) {
            product(slug: $slug) {
                organic: assignedAttribute(slug: "huu-co") {
                    ... on AssignedBooleanAttribute { value }
                }
                origin: assignedAttribute(slug: "xuat-xu") {
                    attribute { name }
                    ... on AssignedSingleChoiceAttribute { value { slug } }
                }
                missing: assignedAttribute(slug: "khong-co") { attribute { slug } }
                internal: assignedAttribute(slug: "ghi-chu-noi-bo") { attribute { slug } }
            }
        }
        """,
        {"slug": described.slug},
    )

    assert response.errors is None
    assert response.data["product"] == {
        "organic": {"value": True},
        "origin": {"attribute": {"name": "Xuat-Xu"}, "value": {"slug": "tay-nguyen"}},
        "missing": None,
        "internal": None,
    }


def test_legacy_attributes_list_shows_values(described, graphql_client):
    response = graphql_client(
        """
        query ($slug: String!) {
            product(slug: $slug) {
                attributes { attribute { slug inputType } values { name slug boolean } }
            }
        }
        """,
        {"slug": described.slug},
    )

    attributes = response.data["product"]["attributes"]
    assert attributes[1] == {
        "attribute": {"slug": "huu-co", "inputType": "BOOLEAN"},
        "values": [{"name": "Có", "slug": "huu-co-true", "boolean": True}],
    }
    assert [v["slug"] for v in attributes[4]["values"]] == ["hoa-ca-phe", "hoa-nhan"]


TRANSLATED = """
query ($slug: String!, $lang: LanguageCodeEnum!) {
    product(slug: $slug) {
        name
        translation(languageCode: $lang) {
            name slug description seoTitle seoDescription language { code language }
        }
    }
}
"""


def test_product_translation_gives_english_texts(channel, graphql_client):
    product = factories.product("Mật ong rừng", english="Forest honey")
    ProductTranslation.objects.filter(product=product).update(
        seo_title="Wild honey from Gia Lai", seo_description="Raw honey."
    )

    response = graphql_client(TRANSLATED, {"slug": product.slug, "lang": "EN"})

    assert response.data["product"]["name"] == "Mật ong rừng"
    translation = response.data["product"]["translation"]
    assert translation["name"] == "Forest honey"
    assert translation["slug"] == f"{product.slug}-en"
    assert translation["seoTitle"] == "Wild honey from Gia Lai"
    assert translation["seoDescription"] == "Raw honey."
    assert translation["language"] == {"code": "EN", "language": "English"}


def test_translation_of_the_default_language_is_null(channel, graphql_client):
    product = factories.product("Mật ong rừng", english="Forest honey")

    response = graphql_client(TRANSLATED, {"slug": product.slug, "lang": "VI"})

    assert response.errors is None
    assert response.data["product"]["translation"] is None


def test_unknown_language_code_is_a_validation_error(channel, graphql_client):
    product = factories.product("Mật ong rừng")

    response = graphql_client(TRANSLATED, {"slug": product.slug, "lang": "KLINGON"})

    assert response.status_code == 400
    assert response.errors


def test_translations_of_a_whole_list_are_each_their_own(channel, graphql_client):
    factories.product("Bánh tét", english="Sticky rice cake")
    factories.product("Chè xanh")
    factories.product("Gạo nếp", english="Glutinous rice")

    response = graphql_client(
        "{ products(first: 10, sortBy: {field: NAME, direction: ASC}) {"
        " edges { node { translation(languageCode: EN) { name } } } } }"
    )

    translations = [e["node"]["translation"] for e in response.data["products"]["edges"]]
    assert translations == [{"name": "Sticky rice cake"}, None, {"name": "Glutinous rice"}]
