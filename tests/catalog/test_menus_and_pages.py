"""Channels, navigation menus and content pages, as the storefront's layout reads them."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.catalog.models import AttributeInputType
from marketplace.channels.models import Channel
from marketplace.content import services as content
from marketplace.content.models import AssignedPageAttributeValue
from tests import factories
from tests.catalog.helpers import attribute_value, collection, error_messages, gid

pytestmark = pytest.mark.django_db

CHANNELS = "{ channels { id name slug isActive currencyCode } }"


def test_channels_lists_active_channels(channel, graphql_client):
    Channel.objects.create(name="Bán sỉ", slug="wholesale", currency_code="VND")
    Channel.objects.create(name="Cũ", slug="old", is_active=False)

    response = graphql_client(CHANNELS)

    assert response.errors is None
    assert response.data["channels"] == [
        {
            "id": gid("Channel", channel.pk),
            "name": "Việt Nam",
            "slug": "default-channel",
            "isActive": True,
            "currencyCode": "VND",
        },
        {
            "id": gid("Channel", Channel.objects.get(slug="wholesale").pk),
            "name": "Bán sỉ",
            "slug": "wholesale",
            "isActive": True,
            "currencyCode": "VND",
        },
    ]


CHANNEL = """
query ($slug: String) {
    channel(slug: $slug) {
        slug currencyCode
        defaultCountry { code country }
        countries { code country }
    }
}
"""


def test_channel_by_slug_lists_its_countries(channel, graphql_client):
    response = graphql_client(CHANNEL, {"slug": "default-channel"})

    assert response.data["channel"] == {
        "slug": "default-channel",
        "currencyCode": "VND",
        "defaultCountry": {"code": "VN", "country": "Viet Nam"},
        "countries": [{"code": "VN", "country": "Viet Nam"}],
    }


def test_unknown_or_inactive_channel_is_null(channel, graphql_client):
    Channel.objects.create(name="Cũ", slug="old", is_active=False)

    assert graphql_client(CHANNEL, {"slug": "old"}).data == {"channel": None}
    assert graphql_client(CHANNEL, {"slug": "khong-co"}).data == {"channel": None}


def test_channel_needs_a_slug_or_id(channel, graphql_client):
    response = graphql_client(CHANNEL)

    assert response.data == {"channel": None}
    assert error_messages(response) == ["Provide exactly one of `id` or `slug` to get a channel."]


MENU_ITEM = """
fragment Item on MenuItem {
    id name level url
    translation(languageCode: EN) { name }
    category { slug translation(languageCode: EN) { name } }
    collection { slug translation(languageCode: EN) { name } }
    page { slug title translation(languageCode: EN) { title } }
}
"""
MENU = (
    MENU_ITEM
    + """
query ($slug: String!, $channel: String!) {
    menu(slug: $slug, channel: $channel) {
        name
        items { ...Item children { ...Item children { ...Item } } }
    }
}
"""
)


def page_type():
    return content.create_page_type(name="Trang nội dung", slug="content")


@pytest.fixture
def navbar(channel):
    """A navigation bar: products > honey > wild honey, a collection, a page and a URL."""
    food = factories.category("Thực phẩm", english="Food")
    honey = factories.category("Mật ong", parent=food, english="Honey")
    tet = collection("Quà Tết", english="Tet gifts", slug="qua-tet")
    about = content.create_page(
        page_type=page_type(),
        title="Giới thiệu",
        slug="gioi-thieu",
        is_published=True,
        translations={"en": {"title": "About us", "slug": "about"}},
    )
    menu = content.create_menu(name="Thanh điều hướng", slug="navbar")
    products = content.add_menu_item(
        menu=menu, name="Sản phẩm", category=food, translations={"en": "Products"}
    )
    honey_item = content.add_menu_item(menu=menu, name="Mật ong", parent=products, category=honey)
    content.add_menu_item(
        menu=menu, name="Mật ong rừng", parent=honey_item, url="https://example.vn/mat-ong-rung"
    )
    content.add_menu_item(menu=menu, name="Quà Tết", collection=tet)
    content.add_menu_item(menu=menu, name="Giới thiệu", page=about)
    return {"menu": menu, "food": food, "honey": honey, "tet": tet, "about": about}


def read_menu(graphql_client, slug="navbar", channel="default-channel"):
    response = graphql_client(MENU, {"slug": slug, "channel": channel})
    assert response.errors is None, response.errors
    return response.data["menu"]


def test_menu_items_come_in_order_with_their_targets(navbar, graphql_client):
    items = read_menu(graphql_client)["items"]

    assert [item["name"] for item in items] == ["Sản phẩm", "Quà Tết", "Giới thiệu"]
    assert items[0]["category"] == {"slug": navbar["food"].slug, "translation": {"name": "Food"}}
    assert items[0]["translation"] == {"name": "Products"}
    assert items[1]["collection"] == {"slug": "qua-tet", "translation": {"name": "Tet gifts"}}
    assert items[2]["page"] == {
        "slug": "gioi-thieu",
        "title": "Giới thiệu",
        "translation": {"title": "About us"},
    }
    assert items[2]["translation"] is None


def test_menu_items_nest_three_levels(navbar, graphql_client):
    products = read_menu(graphql_client)["items"][0]

    [honey] = products["children"]
    [wild] = honey["children"]
    assert (products["level"], honey["level"], wild["level"]) == (0, 1, 2)
    assert honey["category"]["slug"] == navbar["honey"].slug
    assert wild["url"] == "https://example.vn/mat-ong-rung"
    assert wild["category"] is None


def test_item_without_children_has_an_empty_list(navbar, graphql_client):
    items = read_menu(graphql_client)["items"]

    assert items[1]["children"] == []


def test_menu_hides_a_link_to_an_unpublished_collection(navbar, graphql_client):
    navbar["tet"].channel_listings.update(is_published=False)

    items = read_menu(graphql_client)["items"]

    assert items[1]["name"] == "Quà Tết"
    assert items[1]["collection"] is None


def test_menu_hides_a_link_to_an_unpublished_page(navbar, graphql_client):
    navbar["about"].is_published = False
    navbar["about"].save()

    assert read_menu(graphql_client)["items"][2]["page"] is None


def test_menu_hides_a_link_to_a_page_scheduled_for_later(navbar, graphql_client):
    navbar["about"].published_at = timezone.now() + timedelta(days=7)
    navbar["about"].save()

    assert read_menu(graphql_client)["items"][2]["page"] is None


def test_unknown_menu_is_null(navbar, graphql_client):
    response = graphql_client(MENU, {"slug": "footer", "channel": "default-channel"})

    assert response.errors is None
    assert response.data == {"menu": None}


def test_menu_in_an_unknown_channel_is_an_error(navbar, graphql_client):
    response = graphql_client(MENU, {"slug": "navbar", "channel": "khong-co"})

    assert response.data == {"menu": None}
    assert error_messages(response) == ["Không tồn tại kênh bán hàng có slug 'khong-co'."]


PAGE = """
query ($slug: String!, $slugLang: LanguageCodeEnum) {
    page(slug: $slug, slugLanguageCode: $slugLang) {
        id slug title seoTitle seoDescription content isPublished
        translation(languageCode: EN) { title slug content seoTitle seoDescription }
    }
}
"""

ABOUT_VI = {"blocks": [{"type": "paragraph", "data": {"text": "Chợ phiên của các tổ hợp tác."}}]}
ABOUT_EN = {"blocks": [{"type": "paragraph", "data": {"text": "A market of cooperatives."}}]}


@pytest.fixture
def about(db):
    return content.create_page(
        page_type=page_type(),
        title="Giới thiệu",
        slug="gioi-thieu",
        content=ABOUT_VI,
        is_published=True,
        seo_title="Về chúng tôi",
        translations={
            "en": {
                "title": "About us",
                "slug": "about",
                "content": ABOUT_EN,
                "seo_title": "About the marketplace",
            }
        },
    )


def test_page_by_slug_with_content_and_english_translation(about, graphql_client):
    response = graphql_client(PAGE, {"slug": "gioi-thieu"})

    assert response.errors is None
    page = response.data["page"]
    assert page["id"] == gid("Page", about.pk)
    assert page["title"] == "Giới thiệu"
    assert page["seoTitle"] == "Về chúng tôi"
    assert page["isPublished"] is True
    assert json.loads(page["content"]) == ABOUT_VI
    translation = page["translation"]
    assert translation["title"] == "About us"
    assert translation["slug"] == "about"
    assert translation["seoTitle"] == "About the marketplace"
    assert json.loads(translation["content"]) == ABOUT_EN


def test_page_by_english_slug(about, graphql_client):
    response = graphql_client(PAGE, {"slug": "about", "slugLang": "EN"})

    assert response.data["page"]["slug"] == "gioi-thieu"


def test_unknown_page_slug_is_null(about, graphql_client):
    response = graphql_client(PAGE, {"slug": "khong-co"})

    assert response.status_code == 200
    assert response.errors is None
    assert response.data == {"page": None}


def test_unpublished_page_is_null(db, graphql_client):
    content.create_page(page_type=page_type(), title="Nháp", slug="nhap")

    assert graphql_client(PAGE, {"slug": "nhap"}).data == {"page": None}


def test_page_scheduled_for_later_is_null_until_then(db, graphql_client):
    content.create_page(
        page_type=page_type(),
        title="Khuyến mãi",
        slug="khuyen-mai",
        is_published=True,
        published_at=timezone.now() + timedelta(days=1),
    )

    assert graphql_client(PAGE, {"slug": "khuyen-mai"}).data == {"page": None}


CONTENT_PAGES = """
query ($slugs: [String!]!) {
    pages(channel: "default-channel", where: {slug: {oneOf: $slugs}}, first: 20) {
        totalCount
        edges {
            node {
                slug isPublished pageType { slug }
                assignedAttributes {
                    attribute { slug }
                    ... on AssignedPlainTextAttribute {
                        text: value
                        textTranslation: translation(languageCode: EN)
                    }
                    ... on AssignedBooleanAttribute { flag: value }
                }
            }
        }
    }
}
"""


def test_pages_by_slugs_returns_only_published_pages(about, graphql_client):
    kind = page_type()
    content.create_page(page_type=kind, title="Chính sách", slug="chinh-sach", is_published=True)
    content.create_page(page_type=kind, title="Nháp", slug="nhap")
    content.create_page(
        page_type=kind,
        title="Sắp ra",
        slug="sap-ra",
        is_published=True,
        published_at=timezone.now() + timedelta(days=1),
    )

    response = graphql_client(
        CONTENT_PAGES, {"slugs": ["gioi-thieu", "chinh-sach", "nhap", "sap-ra", "khong-co"]}
    )

    assert response.errors is None
    pages = response.data["pages"]
    assert pages["totalCount"] == 2
    assert [e["node"]["slug"] for e in pages["edges"]] == ["chinh-sach", "gioi-thieu"]
    assert all(e["node"]["isPublished"] for e in pages["edges"])
    assert pages["edges"][0]["node"]["pageType"] == {"slug": "content"}


def test_content_page_shows_its_typed_attributes(about, graphql_client):
    headline = factories.attribute("tieu-de-phu", AttributeInputType.PLAIN_TEXT)
    text = attribute_value(headline, "Phụ đề", slug="phu-de", plain_text="Từ bản làng đến bạn")
    banner = factories.attribute("hien-banner", AttributeInputType.BOOLEAN)
    yes = attribute_value(banner, "Có", slug="hien-banner-true", boolean=True)
    AssignedPageAttributeValue.objects.create(page=about, value=text, sort_order=0)
    AssignedPageAttributeValue.objects.create(page=about, value=yes, sort_order=1)

    response = graphql_client(CONTENT_PAGES, {"slugs": ["gioi-thieu"]})

    [edge] = response.data["pages"]["edges"]
    assert edge["node"]["assignedAttributes"] == [
        {
            "attribute": {"slug": "tieu-de-phu"},
            "text": "Từ bản làng đến bạn",
            "textTranslation": None,
        },
        {"attribute": {"slug": "hien-banner"}, "flag": True},
    ]


def test_pages_where_or(about, graphql_client):
    content.create_page(
        page_type=page_type(), title="Chính sách", slug="chinh-sach", is_published=True
    )
    content.create_page(page_type=page_type(), title="Liên hệ", slug="lien-he", is_published=True)

    response = graphql_client(
        """
        { pages(first: 10, where: {OR: [{slug: {eq: "lien-he"}}, {slug: {eq: "gioi-thieu"}}]}) {
            edges { node { slug } } } }
        """
    )

    assert [e["node"]["slug"] for e in response.data["pages"]["edges"]] == [
        "gioi-thieu",
        "lien-he",
    ]
