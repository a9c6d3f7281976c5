"""productCreate, productUpdate and productDelete, as a booth uses them."""

import json

from marketplace.catalog.models import Collection, Product, ProductMedia
from marketplace.catalog.services import add_product_media, publish_product
from tests import factories
from tests.catalog_mutations.conftest import member_of, staff
from tests.catalog_mutations.operations import (
    CHANNEL_PRODUCTS,
    PRODUCT_CREATE,
    PRODUCT_DELETE,
    PRODUCT_UPDATE,
    codes,
    gid,
    payload,
)

DESCRIPTION = {"blocks": [{"type": "paragraph", "data": {"text": "Mật ong hoa cà phê."}}]}


def create_input(**fields):
    return {"productType": gid("ProductType", factories.product_type().pk), **fields}


def test_member_of_one_booth_creates_a_product_in_it(graphql_client, member_a, booth_a):
    category = factories.category("Mật ong")
    result = payload(
        graphql_client(
            PRODUCT_CREATE,
            {
                "input": create_input(
                    name="Mật ong rừng Đắk Lắk",
                    category=gid("Category", category.pk),
                    description=json.dumps(DESCRIPTION),
                    seo={"title": "Mật ong rừng", "description": "Mật ong nguyên chất"},
                    weight=0.5,
                )
            },
        ),
        "productCreate",
    )

    assert result["errors"] == []
    product = result["product"]
    assert product["name"] == "Mật ong rừng Đắk Lắk"
    assert product["slug"] == "mat-ong-rung-dak-lak"
    assert json.loads(product["description"]) == DESCRIPTION
    assert product["seoTitle"] == "Mật ong rừng"
    assert product["category"]["id"] == gid("Category", category.pk)
    assert product["vendor"] == {"id": gid("Vendor", booth_a.pk), "name": booth_a.name}
    stored = Product.objects.get()
    assert stored.vendor == booth_a
    assert stored.weight_grams == 500


def test_weight_may_name_its_unit(graphql_client, member_a):
    graphql_client(
        PRODUCT_CREATE, {"input": create_input(name="Cà phê", weight={"value": 250, "unit": "G"})}
    )

    assert Product.objects.get().weight_grams == 250


def test_a_new_product_is_found_by_search_once_published(graphql_client, member_a, channel):
    graphql_client(PRODUCT_CREATE, {"input": create_input(name="Khăn thổ cẩm")})
    publish_product(product=Product.objects.get(), channel=channel)

    found = payload(graphql_client(CHANNEL_PRODUCTS, {"search": "khan tho cam"}), "products")
    assert [edge["node"]["name"] for edge in found["edges"]] == ["Khăn thổ cẩm"]


def test_slugs_made_from_names_stay_unique(graphql_client, member_a):
    first = graphql_client(PRODUCT_CREATE, {"input": create_input(name="Mật ong")})
    second = graphql_client(PRODUCT_CREATE, {"input": create_input(name="Mật ong")})

    assert payload(first, "productCreate")["product"]["slug"] == "mat-ong"
    assert payload(second, "productCreate")["product"]["slug"] == "mat-ong-2"


def test_a_slug_already_in_use_is_refused(graphql_client, member_a, booth_b):
    factories.product(vendor=booth_b, publish=False)
    taken = Product.objects.get().slug

    result = payload(
        graphql_client(PRODUCT_CREATE, {"input": create_input(name="Mật ong", slug=taken)}),
        "productCreate",
    )

    assert result["product"] is None
    assert codes(result) == [("slug", "UNIQUE")]
    assert Product.objects.count() == 1


def test_a_product_needs_a_name(graphql_client, member_a):
    result = payload(
        graphql_client(PRODUCT_CREATE, {"input": create_input(name="   ")}), "productCreate"
    )

    assert codes(result) == [("name", "REQUIRED")]
    assert not Product.objects.exists()


def test_an_unknown_product_type_is_not_found(graphql_client, member_a):
    result = payload(
        graphql_client(
            PRODUCT_CREATE, {"input": {"name": "Mật ong", "productType": gid("ProductType", 999)}}
        ),
        "productCreate",
    )

    assert codes(result) == [("productType", "NOT_FOUND")]


def test_a_malformed_id_is_a_graphql_error_in_errors(graphql_client, member_a):
    result = payload(
        graphql_client(PRODUCT_CREATE, {"input": {"name": "Mật ong", "productType": "not-an-id"}}),
        "productCreate",
    )

    assert codes(result) == [("productType", "GRAPHQL_ERROR")]


def test_a_member_of_several_booths_names_the_booth(graphql_client, client, booth_a, booth_b):
    client.force_login(member_of(booth_a, booth_b))

    unnamed = payload(
        graphql_client(PRODUCT_CREATE, {"input": create_input(name="Mật ong")}), "productCreate"
    )
    named = payload(
        graphql_client(
            PRODUCT_CREATE,
            {"input": create_input(name="Mật ong", vendor=gid("Vendor", booth_b.pk))},
        ),
        "productCreate",
    )

    assert codes(unnamed) == [("vendor", "REQUIRED")]
    assert named["errors"] == []
    assert Product.objects.get().vendor == booth_b


def test_a_member_cannot_add_products_to_another_booth(graphql_client, member_a, booth_b):
    result = payload(
        graphql_client(
            PRODUCT_CREATE,
            {"input": create_input(name="Mật ong", vendor=gid("Vendor", booth_b.pk))},
        ),
        "productCreate",
    )

    assert codes(result) == [("vendor", "PERMISSION_DENIED")]
    assert not Product.objects.exists()


def test_a_booth_cannot_rate_its_own_product(graphql_client, member_a):
    result = payload(
        graphql_client(PRODUCT_CREATE, {"input": create_input(name="Mật ong", rating=5)}),
        "productCreate",
    )

    assert codes(result) == [("rating", "PERMISSION_DENIED")]
    assert not Product.objects.exists()


def test_metadata_is_refused_rather_than_lost(graphql_client, member_a):
    result = payload(
        graphql_client(
            PRODUCT_CREATE,
            {"input": create_input(name="Mật ong", metadata=[{"key": "a", "value": "b"}])},
        ),
        "productCreate",
    )

    assert codes(result) == [("metadata", "INVALID")]


def test_taxes_fields_are_accepted_and_ignored(graphql_client, member_a):
    result = payload(
        graphql_client(
            PRODUCT_CREATE, {"input": create_input(name="Mật ong", chargeTaxes=True, metadata=[])}
        ),
        "productCreate",
    )

    assert result["errors"] == []


def test_update_changes_only_the_fields_given(graphql_client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)
    description = product.description

    result = payload(
        graphql_client(
            PRODUCT_UPDATE,
            {"id": gid("Product", product.pk), "input": {"name": "Mật ong hoa cà phê"}},
        ),
        "productUpdate",
    )

    assert result["errors"] == []
    assert result["product"]["name"] == "Mật ong hoa cà phê"
    product.refresh_from_db()
    assert product.name == "Mật ong hoa cà phê"
    assert product.description == description


def test_updated_names_are_searchable(graphql_client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)

    graphql_client(
        PRODUCT_UPDATE, {"id": gid("Product", product.pk), "input": {"name": "Khăn lụa"}}
    )

    found = payload(graphql_client(CHANNEL_PRODUCTS, {"search": "khan lua"}), "products")
    assert [edge["node"]["name"] for edge in found["edges"]] == ["Khăn lụa"]


def test_update_to_a_blank_name_is_refused(graphql_client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)

    result = payload(
        graphql_client(PRODUCT_UPDATE, {"id": gid("Product", product.pk), "input": {"name": ""}}),
        "productUpdate",
    )

    assert codes(result) == [("name", "REQUIRED")]
    product.refresh_from_db()
    assert product.name == "Mật ong"


def test_update_needs_an_id(graphql_client, member_a):
    result = payload(graphql_client(PRODUCT_UPDATE, {"input": {"name": "x"}}), "productUpdate")

    assert codes(result) == [(None, "GRAPHQL_ERROR")]


def test_delete_removes_the_product_and_its_photos(
    graphql_client, member_a, booth_a, django_capture_on_commit_callbacks
):
    product = factories.product("Mật ong", vendor=booth_a)
    media = add_product_media(product=product, image=factories.jpeg_with_gps())
    storage, name = media.image.storage, media.image.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        result = payload(
            graphql_client(PRODUCT_DELETE, {"id": gid("Product", product.pk)}), "productDelete"
        )

    assert result == {
        "product": {"id": gid("Product", product.pk), "name": "Mật ong"},
        "errors": [],
    }
    assert not Product.objects.exists()
    assert not ProductMedia.objects.exists()
    assert not storage.exists(name)


def test_sending_the_rating_unchanged_is_not_an_attempt_to_rate(graphql_client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)

    result = payload(
        graphql_client(
            PRODUCT_UPDATE,
            {"id": gid("Product", product.pk), "input": {"name": "Mật ong", "rating": None}},
        ),
        "productUpdate",
    )

    assert result["errors"] == []


def test_collections_are_curated_by_staff(graphql_client, client, member_a, booth_a):
    product = factories.product("Mật ong", vendor=booth_a)
    campaign = Collection.objects.create(name="Quà Tết", slug="qua-tet")
    variables = {
        "id": gid("Product", product.pk),
        "input": {"collections": [gid("Collection", campaign.pk)]},
    }

    by_member = payload(graphql_client(PRODUCT_UPDATE, variables), "productUpdate")
    client.force_login(staff("manage_products", "curate_content"))
    by_curator = payload(graphql_client(PRODUCT_UPDATE, variables), "productUpdate")

    assert codes(by_member) == [("collections", "PERMISSION_DENIED")]
    assert by_curator["errors"] == []
    assert list(product.collections.all()) == [campaign]


def test_saleors_deprecated_error_list_mirrors_errors(graphql_client, member_a):
    response = graphql_client(
        """
        mutation { productCreate(input: {name: "", productType: "UHJvZHVjdFR5cGU6OTk5"}) {
            errors { field code } productErrors { field code }
        } }
        """
    )

    result = payload(response, "productCreate")
    assert (
        result["productErrors"]
        == result["errors"]
        == [{"field": "productType", "code": "NOT_FOUND"}]
    )
