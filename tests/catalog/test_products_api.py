"""The product list and product pages as a storefront reads them."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.catalog import services
from marketplace.catalog.models import AttributeInputType, AttributeTranslation
from tests import factories
from tests.catalog.helpers import attribute_value, error_messages, gid, product_without_variants

pytestmark = pytest.mark.django_db

LIST_ITEMS = """
query List($channel: String!, $lang: LanguageCodeEnum!) {
    products(first: 10, channel: $channel) {
        totalCount
        edges {
            node {
                id
                name
                slug
                created
                translation(languageCode: $lang) { name slug }
                pricing {
                    priceRange {
                        start { gross { amount currency fractionalAmount } }
                        stop { gross { amount currency } }
                    }
                    priceRangeUndiscounted {
                        start { gross { amount currency } }
                        stop { gross { amount currency } }
                    }
                }
                category { id name slug translation(languageCode: $lang) { name slug } }
                thumbnail(size: 1024, format: WEBP) { url alt }
                bestseller: assignedAttribute(slug: "bestseller") {
                    ... on AssignedBooleanAttribute { value }
                }
                vendor { name slug province provinceCode }
                productVariants(first: 50) {
                    totalCount
                    edges {
                        node {
                            id
                            picks: attributes(variantSelection: VARIANT_SELECTION) {
                                attribute {
                                    slug name inputType translation(languageCode: $lang) { name }
                                }
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


def list_item(graphql_client, lang: str = "EN") -> dict:
    response = graphql_client(LIST_ITEMS, {"channel": "default-channel", "lang": lang})
    assert response.status_code == 200
    assert response.errors is None, response.errors
    edges = response.data["products"]["edges"]
    assert len(edges) == 1
    return edges[0]["node"]


def test_list_item_carries_identity_and_english_translation(channel, graphql_client):
    product = factories.product("Mật ong rừng", english="Forest honey")

    node = list_item(graphql_client)

    assert node["id"] == gid("Product", product.pk)
    assert node["name"] == "Mật ong rừng"
    assert node["slug"] == product.slug
    assert node["created"].startswith(str(product.created_at.year))
    assert node["translation"] == {"name": "Forest honey", "slug": f"{product.slug}-en"}


def test_list_item_translation_is_null_for_a_language_without_texts(channel, graphql_client):
    factories.product("Mật ong rừng", english="Forest honey")

    node = list_item(graphql_client, lang="FR")

    assert node["translation"] is None


def test_price_range_spans_the_cheapest_and_dearest_variant_in_whole_dong(channel, graphql_client):
    factories.product("Trà shan tuyết", prices=[150000, 90000, 120000])

    pricing = list_item(graphql_client)["pricing"]

    start = pricing["priceRange"]["start"]["gross"]
    stop = pricing["priceRange"]["stop"]["gross"]
    assert (start["amount"], start["currency"]) == (90000, "VND")
    assert (stop["amount"], stop["currency"]) == (150000, "VND")
    assert float(start["amount"]).is_integer()
    assert start["fractionalAmount"] == 90000
    assert pricing["priceRangeUndiscounted"] == {
        "start": {"gross": {"amount": 90000, "currency": "VND"}},
        "stop": {"gross": {"amount": 150000, "currency": "VND"}},
    }


def test_price_range_follows_a_changed_variant_price(channel, graphql_client):
    product = factories.product("Trà shan tuyết", prices=[90000, 120000])
    services.set_variant_price(variant=product.variants.first(), channel=channel, amount=200000)

    price_range = list_item(graphql_client)["pricing"]["priceRange"]

    assert price_range["start"]["gross"]["amount"] == 120000
    assert price_range["stop"]["gross"]["amount"] == 200000


def test_list_item_shows_category_with_its_translation(channel, graphql_client):
    honey = factories.category("Mật ong", english="Honey")
    factories.product("Mật ong rừng", category=honey)

    category = list_item(graphql_client)["category"]

    assert category == {
        "id": gid("Category", honey.pk),
        "name": "Mật ong",
        "slug": honey.slug,
        "translation": {"name": "Honey", "slug": f"{honey.slug}-en"},
    }


def test_list_item_without_photo_has_no_thumbnail(channel, graphql_client):
    factories.product("Mật ong rừng")

    assert list_item(graphql_client)["thumbnail"] is None


def test_list_item_thumbnail_points_at_a_1024_webp_of_the_first_photo(channel, graphql_client):
    product = factories.product("Mật ong rừng")
    first = services.add_product_media(product=product, image=factories.jpeg_with_gps(), alt="Hũ")
    services.add_product_media(product=product, image=factories.jpeg_with_gps())

    thumbnail = list_item(graphql_client)["thumbnail"]

    assert thumbnail["url"] == (
        f"http://testserver/thumbnail/{gid('ProductMedia', first.pk)}/1024/webp/"
    )
    assert thumbnail["alt"] == "Hũ"


def test_thumbnail_alt_falls_back_to_the_product_name(channel, graphql_client):
    product = factories.product("Mật ong rừng")
    services.add_product_media(product=product, image=factories.jpeg_with_gps())

    assert list_item(graphql_client)["thumbnail"]["alt"] == "Mật ong rừng"


def test_bestseller_flag_is_read_as_a_boolean_attribute(channel, graphql_client):
    bestseller = factories.attribute("bestseller", AttributeInputType.BOOLEAN)
    yes = attribute_value(bestseller, "Có", slug="bestseller-true", boolean=True)
    factories.product("Mật ong rừng", attribute_values=[yes])

    assert list_item(graphql_client)["bestseller"] == {"value": True}


def test_bestseller_flag_is_null_when_the_product_has_none(channel, graphql_client):
    factories.attribute("bestseller", AttributeInputType.BOOLEAN)
    factories.product("Mật ong rừng")

    assert list_item(graphql_client)["bestseller"] is None


def test_list_item_names_the_booth_and_its_province(channel, graphql_client):
    booth = factories.booth("HTX Dệt thổ cẩm Ê Đê", province="dak_lak")
    factories.product("Khăn thổ cẩm", vendor=booth)

    assert list_item(graphql_client)["vendor"] == {
        "name": "HTX Dệt thổ cẩm Ê Đê",
        "slug": booth.slug,
        "province": "Đắk Lắk",
        "provinceCode": "dak_lak",
    }


def test_city_province_is_shown_without_the_city_prefix(channel, graphql_client):
    factories.product("Nón lá", vendor=factories.booth(province="ha_noi"))

    assert list_item(graphql_client)["vendor"]["province"] == "Hà Nội"


def test_list_item_counts_variants_and_shows_their_selection_attributes(channel, graphql_client):
    weight = factories.attribute("trong-luong", AttributeInputType.DROPDOWN, variant_selection=True)
    AttributeTranslation.objects.create(attribute=weight, language_code="en", name="Weight")
    origin = factories.attribute("xuat-xu", AttributeInputType.PLAIN_TEXT)
    small = attribute_value(weight, "500 g", slug="500g")
    large = attribute_value(weight, "1 kg", slug="1kg")
    text = attribute_value(origin, "Gia Lai", slug="gia-lai", plain_text="Gia Lai")
    product = product_without_variants("Cà phê")
    for sku, value in (("CF-500", small), ("CF-1000", large)):
        services.create_variant(
            product=product,
            sku=sku,
            prices={channel: 100000},
            quantity=3,
            attribute_values=[value, text],
        )
    services.publish_product(product=product, channel=channel)

    variants = list_item(graphql_client)["productVariants"]

    assert variants["totalCount"] == 2
    picks = [edge["node"]["picks"] for edge in variants["edges"]]
    assert picks == [
        [
            {
                "attribute": {
                    "slug": "trong-luong",
                    "name": "Trong-Luong",
                    "inputType": "DROPDOWN",
                    "translation": {"name": "Weight"},
                },
                "values": [{"name": "500 g", "slug": "500g", "translation": None}],
            }
        ],
        [
            {
                "attribute": {
                    "slug": "trong-luong",
                    "name": "Trong-Luong",
                    "inputType": "DROPDOWN",
                    "translation": {"name": "Weight"},
                },
                "values": [{"name": "1 kg", "slug": "1kg", "translation": None}],
            }
        ],
    ]


PRODUCT_PAGE = """
query Page($slug: String, $id: ID, $channel: String, $lang: LanguageCodeEnum!,
           $slugLang: LanguageCodeEnum) {
    product(slug: $slug, id: $id, channel: $channel, slugLanguageCode: $slugLang) {
        id
        name
        slug
        description
        isAvailable
        isAvailableForPurchase
        channel
        translation(languageCode: $lang) { name slug description }
        media { url(size: 2048, format: WEBP) alt type }
        category { slug translation(languageCode: $lang) { name } }
        productType { slug }
        productVariants(first: 1) { totalCount }
        pricing { priceRange { start { gross { amount } } stop { gross { amount } } } }
    }
}
"""


def product_page(graphql_client, **variables):
    variables.setdefault("lang", "EN")
    return graphql_client(PRODUCT_PAGE, variables)


def test_product_page_is_found_by_slug(channel, graphql_client):
    honey = factories.category("Mật ong", english="Honey")
    product = factories.product("Mật ong rừng", prices=[90000, 150000], category=honey)

    response = product_page(graphql_client, slug=product.slug, channel="default-channel")

    assert response.errors is None
    page = response.data["product"]
    assert page["id"] == gid("Product", product.pk)
    assert page["name"] == "Mật ong rừng"
    # JSONString fields travel as JSON text, as in Saleor: the storefront parses them.
    assert json.loads(page["description"]) == {
        "blocks": [{"type": "paragraph", "data": {"text": "Mật ong rừng: mô tả sản phẩm."}}]
    }
    assert page["productType"] == {"slug": "food"}
    assert page["category"] == {"slug": honey.slug, "translation": {"name": "Honey"}}
    assert page["productVariants"] == {"totalCount": 2}
    assert page["channel"] == "default-channel"
    assert page["pricing"]["priceRange"]["start"]["gross"]["amount"] == 90000
    assert page["pricing"]["priceRange"]["stop"]["gross"]["amount"] == 150000


def test_product_page_is_found_by_global_id(channel, graphql_client):
    product = factories.product("Mật ong rừng")

    response = product_page(graphql_client, id=gid("Product", product.pk))

    assert response.data["product"]["slug"] == product.slug


def test_product_page_is_found_by_its_english_slug(channel, graphql_client):
    product = factories.product("Mật ong rừng", english="Forest honey")

    response = product_page(
        graphql_client, slug=f"{product.slug}-en", slugLang="EN", channel="default-channel"
    )

    assert response.errors is None
    assert response.data["product"]["translation"]["name"] == "Forest honey"
    assert response.data["product"]["slug"] == product.slug


def test_english_slug_does_not_find_the_product_without_slug_language(channel, graphql_client):
    product = factories.product("Mật ong rừng", english="Forest honey")

    response = product_page(graphql_client, slug=f"{product.slug}-en")

    assert response.errors is None
    assert response.data["product"] is None


def test_unknown_slug_gives_null_not_an_error(channel, graphql_client):
    factories.product("Mật ong rừng")

    response = product_page(graphql_client, slug="khong-co-san-pham-nay")

    assert response.status_code == 200
    assert response.errors is None
    assert response.data == {"product": None}


def test_malformed_product_id_is_an_error(channel, graphql_client):
    response = product_page(graphql_client, id="not-an-id!")

    assert response.status_code == 200
    assert response.data == {"product": None}
    assert error_messages(response) == ["Couldn't resolve id: not-an-id!."]


def test_id_of_another_type_is_an_error(channel, graphql_client):
    honey = factories.category("Mật ong")

    response = product_page(graphql_client, id=gid("Category", honey.pk))

    assert response.data == {"product": None}
    assert error_messages(response) == ["Must receive a Product id."]


def test_unknown_channel_is_an_error(channel, graphql_client):
    product = factories.product("Mật ong rừng")

    response = product_page(graphql_client, slug=product.slug, channel="khong-ton-tai")

    assert response.status_code == 200
    assert response.data == {"product": None}
    assert error_messages(response) == ["Không tồn tại kênh bán hàng có slug 'khong-ton-tai'."]


def test_product_needs_exactly_one_of_id_or_slug(channel, graphql_client):
    product = factories.product("Mật ong rừng")

    neither = product_page(graphql_client)
    both = product_page(graphql_client, slug=product.slug, id=gid("Product", product.pk))

    assert neither.data == {"product": None} and neither.errors
    assert both.data == {"product": None} and both.errors


def test_product_in_stock_and_on_sale_is_available(channel, graphql_client):
    product = factories.product("Mật ong rừng", quantity=5)

    page = product_page(graphql_client, slug=product.slug).data["product"]

    assert page["isAvailable"] is True
    assert page["isAvailableForPurchase"] is True


def test_sold_out_product_is_shown_but_not_available(channel, graphql_client):
    product = factories.product("Mật ong rừng", quantity=0)

    page = product_page(graphql_client, slug=product.slug).data["product"]

    assert page["isAvailable"] is False
    assert page["isAvailableForPurchase"] is True


def test_product_whose_sale_opens_later_is_not_available_yet(channel, graphql_client):
    product = factories.product(
        "Mật ong rừng", available_for_purchase_at=timezone.now() + timedelta(days=3)
    )

    page = product_page(graphql_client, slug=product.slug).data["product"]

    assert page["isAvailable"] is False
    assert page["isAvailableForPurchase"] is False


def test_product_media_are_listed_in_order_as_webp_urls(channel, graphql_client):
    product = factories.product("Mật ong rừng")
    first = services.add_product_media(product=product, image=factories.jpeg_with_gps(), alt="1")
    second = services.add_product_media(product=product, image=factories.jpeg_with_gps(), alt="2")

    media = product_page(graphql_client, slug=product.slug).data["product"]["media"]

    assert media == [
        {
            "url": f"http://testserver/thumbnail/{gid('ProductMedia', first.pk)}/2048/webp/",
            "alt": "1",
            "type": "IMAGE",
        },
        {
            "url": f"http://testserver/thumbnail/{gid('ProductMedia', second.pk)}/2048/webp/",
            "alt": "2",
            "type": "IMAGE",
        },
    ]


VARIANT = """
query Variant($id: ID, $sku: String, $channel: String) {
    productVariant(id: $id, sku: $sku, channel: $channel) {
        id
        name
        sku
        quantityAvailable
        channel
        pricing { price { gross { amount currency } } }
        product { id slug }
    }
}
"""


def test_variant_is_found_by_id_with_its_price_and_product(channel, graphql_client):
    product = factories.product("Mật ong rừng", prices=[90000, 150000], quantity=7)
    variant = product.variants.order_by("pk").last()

    response = graphql_client(VARIANT, {"id": gid("ProductVariant", variant.pk)})

    assert response.errors is None
    assert response.data["productVariant"] == {
        "id": gid("ProductVariant", variant.pk),
        "name": "Loại 2",
        "sku": variant.sku,
        "quantityAvailable": 7,
        "channel": "default-channel",
        "pricing": {"price": {"gross": {"amount": 150000, "currency": "VND"}}},
        "product": {"id": gid("Product", product.pk), "slug": product.slug},
    }


def test_variant_is_found_by_sku(channel, graphql_client):
    product = factories.product("Mật ong rừng", prices=[90000, 150000])
    variant = product.variants.order_by("pk").first()

    response = graphql_client(VARIANT, {"sku": variant.sku, "channel": "default-channel"})

    assert response.data["productVariant"]["id"] == gid("ProductVariant", variant.pk)
    assert response.data["productVariant"]["pricing"]["price"]["gross"]["amount"] == 90000


def test_unknown_sku_gives_null(channel, graphql_client):
    factories.product("Mật ong rừng")

    response = graphql_client(VARIANT, {"sku": "KHONG-CO"})

    assert response.errors is None
    assert response.data == {"productVariant": None}


@pytest.mark.parametrize("given", [{}, {"both": True}], ids=["neither", "both"])
def test_variant_needs_exactly_one_of_id_or_sku(channel, graphql_client, given):
    variant = factories.product("Mật ong rừng").variants.get()
    variables = {"id": gid("ProductVariant", variant.pk), "sku": variant.sku} if given else {}

    response = graphql_client(VARIANT, variables)

    assert response.status_code == 200
    assert response.data == {"productVariant": None}
    assert len(response.errors) == 1


def test_quantity_available_leaves_out_stock_promised_to_orders(channel, graphql_client):
    variant = factories.product("Mật ong rừng", quantity=10).variants.get()
    variant.stock.quantity_allocated = 4
    variant.stock.save()

    response = graphql_client(VARIANT, {"id": gid("ProductVariant", variant.pk)})

    assert response.data["productVariant"]["quantityAvailable"] == 6


def test_quantity_available_never_goes_below_zero(channel, graphql_client):
    variant = factories.product("Mật ong rừng", quantity=2).variants.get()
    variant.stock.quantity_allocated = 5
    variant.stock.save()

    response = graphql_client(VARIANT, {"id": gid("ProductVariant", variant.pk)})

    assert response.data["productVariant"]["quantityAvailable"] == 0


PRODUCT_VARIANTS = """
query Variants($slug: String!, $first: Int!, $after: String) {
    product(slug: $slug, channel: "default-channel") {
        productVariants(first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { sku pricing { price { gross { amount } } } } }
        }
    }
}
"""


def test_product_variants_are_paged_with_first_and_after(channel, graphql_client):
    product = factories.product("Vải lanh", prices=[10000, 20000, 30000, 40000, 50000])
    skus, after, pages = [], None, 0
    while True:
        response = graphql_client(
            PRODUCT_VARIANTS, {"slug": product.slug, "first": 2, "after": after}
        )
        assert response.errors is None, response.errors
        connection = response.data["product"]["productVariants"]
        assert connection["totalCount"] == 5
        skus += [edge["node"]["sku"] for edge in connection["edges"]]
        pages += 1
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]

    assert pages == 3
    assert skus == [v.sku for v in product.variants.order_by("pk")]


def test_product_variants_show_their_price_in_the_channel(channel, graphql_client):
    product = factories.product("Vải lanh", prices=[10000, 20000])

    response = graphql_client(PRODUCT_VARIANTS, {"slug": product.slug, "first": 10})

    edges = response.data["product"]["productVariants"]["edges"]
    assert [edge["node"]["pricing"]["price"]["gross"]["amount"] for edge in edges] == [
        10000,
        20000,
    ]


def test_sku_shared_by_two_booths_needs_the_booth(channel, graphql_client):
    honey = factories.product("Mật ong rừng").variants.get()
    tea = factories.product("Chè xanh").variants.get()
    tea.sku = honey.sku
    tea.save()
    query = """
        query ($sku: String!, $vendor: String) {
            productVariant(sku: $sku, vendor: $vendor) { product { name } }
        }
    """

    ambiguous = graphql_client(query, {"sku": honey.sku})
    chosen = graphql_client(query, {"sku": honey.sku, "vendor": tea.product.vendor.slug})

    assert ambiguous.data == {"productVariant": None}
    assert error_messages(ambiguous) == [
        "Several booths use this SKU: pass `vendor` (the booth's slug) as well."
    ]
    assert chosen.data == {"productVariant": {"product": {"name": "Chè xanh"}}}


def test_sku_with_another_booth_slug_gives_null(channel, graphql_client):
    variant = factories.product("Mật ong rừng").variants.get()
    other = factories.booth("Tổ dệt")

    response = graphql_client(
        "query ($sku: String!, $vendor: String) {"
        " productVariant(sku: $sku, vendor: $vendor) { sku } }",
        {"sku": variant.sku, "vendor": other.slug},
    )

    assert response.errors is None
    assert response.data == {"productVariant": None}


VARIANT_LIST = """
query ($ids: [ID!], $search: String) {
    productVariants(first: 20, ids: $ids, search: $search, channel: "default-channel") {
        totalCount
        edges { node { sku product { name } } }
    }
}
"""


def test_variant_list_shows_only_variants_of_visible_products(channel, graphql_client):
    factories.product("Mật ong rừng", prices=[90000, 150000])
    factories.product("Chè ẩn", publish=False)

    response = graphql_client(VARIANT_LIST)

    assert response.data["productVariants"]["totalCount"] == 2
    assert {e["node"]["product"]["name"] for e in response.data["productVariants"]["edges"]} == {
        "Mật ong rừng"
    }


def test_variant_list_by_ids_and_by_sku_text(channel, graphql_client):
    honey = factories.product("Mật ong rừng", prices=[90000, 150000])
    first, second = honey.variants.order_by("pk")

    by_ids = graphql_client(VARIANT_LIST, {"ids": [gid("ProductVariant", second.pk)]})
    by_text = graphql_client(VARIANT_LIST, {"search": first.sku})

    assert [e["node"]["sku"] for e in by_ids.data["productVariants"]["edges"]] == [second.sku]
    assert [e["node"]["sku"] for e in by_text.data["productVariants"]["edges"]] == [first.sku]
