"""The storefront pages as a shopper sees them: products, prices, search, languages, pages."""

import io

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from marketplace.catalog import services
from marketplace.catalog.models import Collection, CollectionChannelListing, CollectionProduct
from marketplace.content import services as content_services
from tests import factories
from vendors.models import BoothStatus

pytestmark = pytest.mark.django_db

PRICE_125K = "125.000\u00a0₫"


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (120, 160, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def collection(name: str, products, *, english: str | None = None) -> Collection:
    created = Collection.objects.create(name=name, slug=f"col-{Collection.objects.count() + 1}")
    CollectionChannelListing.objects.create(
        collection=created, channel=factories.channel(), is_published=True
    )
    for position, item in enumerate(products):
        CollectionProduct.objects.create(collection=created, product=item, sort_order=position)
    if english:
        created.translations.create(language_code="en", name=english)
    return created


def english_client() -> Client:
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return english


def test_home_lists_published_products_with_price_booth_and_province(client: Client) -> None:
    booth = factories.booth("Nhóm sinh kế Hoa Rừng", province="gia_lai")
    factories.product("Mật ong rừng", vendor=booth, price=125000)
    factories.product("Trà shan tuyết chưa bán", vendor=booth, publish=False)

    page = html(client.get("/"))

    assert "Mật ong rừng" in page
    assert PRICE_125K in page
    assert "Nhóm sinh kế Hoa Rừng" in page
    assert "Gia Lai" in page
    assert "Trà shan tuyết chưa bán" not in page


def test_home_speaks_vietnamese_by_default(client: Client) -> None:
    factories.product("Mật ong rừng")

    page = html(client.get("/"))

    assert '<html lang="vi">' in page
    assert "Tất cả sản phẩm" in page


def test_home_shows_collections_with_their_products(client: Client) -> None:
    honey = factories.product("Mật ong rừng")
    collection("Quà Tết", [honey], english="Lunar New Year gifts")

    assert "Quà Tết" in html(client.get("/"))
    assert "Lunar New Year gifts" in html(english_client().get("/"))


def test_home_shows_twenty_products_a_page(client: Client) -> None:
    channel, booth = factories.channel(), factories.booth()
    for number in range(25):
        factories.product(f"Sản phẩm số {number:02}", vendor=booth, sales_channel=channel)

    first = html(client.get("/"))
    second = html(client.get("/?page=2"))

    assert first.count('class="card"') == 20
    assert second.count('class="card"') == 5
    assert "?page=2" in first


def test_card_shows_lowest_price_when_variants_differ(client: Client) -> None:
    factories.product("Thổ cẩm", prices=[250000, 180000])

    assert "Từ 180.000\u00a0₫" in html(client.get("/"))


def test_suspended_booths_products_are_hidden_everywhere(client: Client) -> None:
    suspended = factories.booth("Tổ hợp tác Suối Bạc", status=BoothStatus.SUSPENDED)
    hidden = factories.product("Mật ong Suối Bạc", vendor=suspended)
    factories.product("Mật ong rừng")

    assert "Mật ong Suối Bạc" not in html(client.get("/"))
    assert "Mật ong Suối Bạc" not in html(client.get("/search/", {"q": "mat ong"}))
    assert client.get(f"/products/{hidden.slug}/").status_code == 404


def test_search_folds_vietnamese_diacritics(client: Client) -> None:
    factories.product("Mật ong rừng")
    factories.product("Cà phê Robusta")

    page = html(client.get("/search/", {"q": "mat ong"}))

    assert "Mật ong rừng" in page
    assert "Cà phê Robusta" not in page
    assert "1 sản phẩm" in page


def test_search_ranks_name_matches_first(client: Client) -> None:
    factories.product("Trà xanh mật ong")
    factories.product("Mật ong")

    page = html(client.get("/search/", {"q": "mật ong"}))

    assert page.index(">Mật ong<") < page.index(">Trà xanh mật ong<")


def test_empty_search_shows_a_prompt(client: Client) -> None:
    factories.product("Mật ong rừng")

    page = html(client.get("/search/", {"q": "  "}))

    assert "Mật ong rừng" not in page
    assert "mat ong" in page  # the hint: accents are optional


def test_search_without_results_says_so(client: Client) -> None:
    factories.product("Mật ong rừng")

    assert "Không tìm thấy" in html(client.get("/search/", {"q": "gốm"}))


def test_english_after_switching_language(client: Client) -> None:
    honey_category = factories.category("Mật ong", english="Honey")
    factories.product("Mật ong rừng", english="Wild forest honey", category=honey_category)
    factories.product("Cà phê Robusta")

    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    page = html(response)

    assert '<html lang="en">' in page
    assert "Wild forest honey" in page
    assert "Mật ong rừng" not in page
    assert "Cà phê Robusta" in page  # no translation: the Vietnamese name stays
    assert "All products" in page
    assert "125,000\u00a0₫" in page
    assert ">Honey<" in page


def test_english_from_the_browsers_accept_language(client: Client) -> None:
    product = factories.product("Mật ong rừng", english="Wild forest honey")

    page = html(client.get(f"/products/{product.slug}/", headers={"accept-language": "en"}))

    assert "Wild forest honey" in page
    assert "In stock" in page


def test_product_page_shows_price_range_variants_and_booth(client: Client) -> None:
    honey = factories.category("Mật ong")
    booth = factories.booth("Hợp tác xã phụ nữ Núi Xanh", province="quang_ngai")
    product = factories.product(
        "Mật ong rừng", vendor=booth, prices=[100000, 150000], category=honey
    )

    page = html(client.get(f"/products/{product.slug}/"))

    assert "100.000\u00a0₫ \u2013 150.000\u00a0₫" in page
    assert "Loại 1" in page
    assert "Loại 2" in page
    assert "Còn hàng" in page
    assert "Hợp tác xã phụ nữ Núi Xanh" in page
    assert "Quảng Ngãi" in page
    assert f'href="/categories/{honey.slug}/"' in page
    assert "Mật ong rừng: mô tả sản phẩm." in page


def test_product_page_marks_sold_out_variants(client: Client) -> None:
    product = factories.product("Mật ong rừng", quantity=0)

    assert "Hết hàng" in html(client.get(f"/products/{product.slug}/"))


def test_product_description_is_shown_as_plain_text(client: Client) -> None:
    product = factories.product("Mật ong rừng")
    product.description = {
        "blocks": [
            {"type": "paragraph", "data": {"text": "Mật <b>nguyên chất</b><script>x()</script>"}},
            {"type": "paragraph", "data": {"text": "Đóng chai 500&nbsp;ml"}},
        ]
    }
    product.save()

    page = html(client.get(f"/products/{product.slug}/"))

    assert "Mật nguyên chất" in page
    assert "<script>" not in page
    assert "<b>" not in page
    assert "Đóng chai 500\u00a0ml" in page


def test_product_page_shows_its_photos(client: Client) -> None:
    product = factories.product("Mật ong rừng")
    services.add_product_media(product=product, image=png(), alt="Hũ mật ong")

    page = html(client.get(f"/products/{product.slug}/"))

    assert 'alt="Hũ mật ong"' in page
    assert "/thumbnail/" in page


def test_unknown_or_unpublished_product_is_not_found(client: Client) -> None:
    draft = factories.product("Mật ong rừng", publish=False)

    missing = client.get("/products/khong-co/")

    assert missing.status_code == 404
    assert "Không tìm thấy trang" in missing.content.decode()
    assert client.get(f"/products/{draft.slug}/").status_code == 404


def test_product_hidden_from_lists_is_still_reachable_by_link(client: Client) -> None:
    product = factories.product("Mật ong rừng", visible_in_listings=False)

    assert "Mật ong rừng" not in html(client.get("/"))
    assert "Mật ong rừng" in html(client.get(f"/products/{product.slug}/"))


def test_category_lists_products_of_its_subcategories(client: Client) -> None:
    food = factories.category("Thực phẩm")
    honey = factories.category("Mật ong", parent=food)
    crafts = factories.category("Thủ công")
    factories.product("Mật ong rừng", category=honey)
    factories.product("Gạo nếp", category=food)
    factories.product("Giỏ mây", category=crafts)

    page = html(client.get(f"/categories/{food.slug}/"))

    assert "Mật ong rừng" in page
    assert "Gạo nếp" in page
    assert "Giỏ mây" not in page
    assert f'href="/categories/{honey.slug}/"' in page


def test_unknown_category_is_not_found(client: Client) -> None:
    assert client.get("/categories/khong-co/").status_code == 404


def test_only_published_content_pages_are_shown(client: Client) -> None:
    page_type = content_services.create_page_type(name="Thông tin", slug="info")
    content_services.create_page(
        page_type=page_type,
        title="Về chúng tôi",
        slug="ve-chung-toi",
        content=services.editorjs("Chương trình hỗ trợ sinh kế."),
        is_published=True,
        translations={"en": {"title": "About us"}},
    )
    content_services.create_page(
        page_type=page_type, title="Bản nháp", slug="ban-nhap", is_published=False
    )

    page = html(client.get("/pages/ve-chung-toi/"))

    assert "Về chúng tôi" in page
    assert "Chương trình hỗ trợ sinh kế." in page
    assert "About us" in html(english_client().get("/pages/ve-chung-toi/"))
    assert client.get("/pages/ban-nhap/").status_code == 404


def test_booth_shows_only_its_public_name_and_province(client: Client) -> None:
    booth = factories.booth("Nhóm sinh kế Hoa Rừng", province="gia_lai")
    product = factories.product("Mật ong rừng", vendor=booth)

    page = html(client.get(f"/products/{product.slug}/"))

    assert "Nhóm sinh kế Hoa Rừng" in page
    assert booth.slug not in page
    assert "gia_lai" not in page


def _catalog(size: int) -> dict[str, str]:
    """`size` products with photos, in two nested categories and a collection."""
    channel = factories.channel()
    parent = factories.category("Thực phẩm", english="Food")
    child = factories.category("Mật ong", parent=parent, english="Honey")
    products = []
    for number in range(size):
        product = factories.product(
            f"Mật ong số {number}",
            vendor=factories.booth(),
            sales_channel=channel,
            category=child if number % 2 else parent,
            prices=[100000 + number, 120000],
            english=f"Honey number {number}",
        )
        services.add_product_media(product=product, image=png())
        products.append(product)
    # The product page grows with the catalog too: more photos and more variants.
    for number in range(size // 3):
        services.add_product_media(product=products[0], image=png())
        services.create_variant(
            product=products[0], sku=f"EXTRA-{number}", prices={channel: 90000}, quantity=1
        )
    collection("Quà Tết", products, english="Gifts")
    return {
        "home": "/",
        "search": "/search/?q=mat+ong",
        "category": f"/categories/{parent.slug}/",
        "product": f"/products/{products[0].slug}/",
    }


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("page", ["home", "search", "category", "product"])
def test_pages_cost_the_same_queries_for_3_or_30_products(
    page: str, language: str, django_assert_max_num_queries
) -> None:
    shopper = Client()
    shopper.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    few = _queries(shopper, _catalog(3)[page])
    urls = _catalog(27)  # 30 products in all

    with django_assert_max_num_queries(few):
        assert shopper.get(urls[page]).status_code == 200
    assert few <= 16


def test_category_menu_follows_the_vietnamese_alphabet(client: Client) -> None:
    for name in ("Thực phẩm", "Đồ uống", "Dược liệu", "Ăn vặt", "Bánh kẹo"):
        factories.category(name)

    page = html(client.get("/"))

    in_order = ("Ăn vặt", "Bánh kẹo", "Dược liệu", "Đồ uống", "Thực phẩm")
    positions = [page.index(f">{name}<") for name in in_order]
    assert positions == sorted(positions)
