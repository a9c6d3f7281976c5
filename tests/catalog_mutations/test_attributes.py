"""Typed attributes through Saleor's AttributeValueInput on products and variants."""

from marketplace.catalog.models import AttributeInputType, AttributeValue
from marketplace.catalog.services import create_attribute_value
from tests import factories
from tests.catalog_mutations.operations import (
    PRODUCT_CREATE,
    PRODUCT_UPDATE,
    VARIANT_CREATE,
    VARIANT_DELETE,
    codes,
    gid,
    payload,
)


def assigned(product_payload) -> dict:
    return {
        item["attribute"]["slug"]: [value["name"] for value in item["values"]]
        for item in product_payload["attributes"]
    }


def create_with(graphql_client, attributes):
    return payload(
        graphql_client(
            PRODUCT_CREATE,
            {
                "input": {
                    "name": "Mật ong",
                    "productType": gid("ProductType", factories.product_type().pk),
                    "attributes": attributes,
                }
            },
        ),
        "productCreate",
    )


def test_each_input_type_takes_its_own_kind_of_value(graphql_client, member_a):
    origin = factories.attribute("xuat-xu", AttributeInputType.DROPDOWN)
    dak_lak = create_attribute_value(attribute=origin, name="Đắk Lắk")
    flowers = factories.attribute("hoa", AttributeInputType.MULTISELECT)
    story = factories.attribute("cau-chuyen", AttributeInputType.PLAIN_TEXT)
    weight = factories.attribute("khoi-luong", AttributeInputType.NUMERIC)
    organic = factories.attribute("huu-co", AttributeInputType.BOOLEAN)

    result = create_with(
        graphql_client,
        [
            {
                "id": gid("Attribute", origin.pk),
                "dropdown": {"id": gid("AttributeValue", dak_lak.pk)},
            },
            {
                "id": gid("Attribute", flowers.pk),
                "multiselect": [{"value": "Cà phê"}, {"value": "Keo"}],
            },
            {"id": gid("Attribute", story.pk), "plainText": "Nhóm chị em thu mật ở rừng."},
            {"id": gid("Attribute", weight.pk), "numeric": "500"},
            {"id": gid("Attribute", organic.pk), "boolean": True},
        ],
    )

    assert result["errors"] == []
    assert assigned(result["product"]) == {
        "xuat-xu": ["Đắk Lắk"],
        "hoa": ["Cà phê", "Keo"],
        "cau-chuyen": ["Nhóm chị em thu mật ở rừng."],
        "khoi-luong": ["500"],
        "huu-co": ["Có"],
    }
    # New choices join the attribute's list, with folded slugs.
    assert set(flowers.values.values_list("slug", flat=True)) == {"ca-phe", "keo"}


def test_choices_are_found_by_name_before_new_ones_are_made(graphql_client, member_a):
    origin = factories.attribute("xuat-xu", AttributeInputType.DROPDOWN)
    create_attribute_value(attribute=origin, name="Đắk Lắk")

    result = create_with(
        graphql_client, [{"id": gid("Attribute", origin.pk), "dropdown": {"value": "đắk lắk"}}]
    )

    assert assigned(result["product"]) == {"xuat-xu": ["Đắk Lắk"]}
    assert origin.values.count() == 1


def test_update_replaces_only_the_attributes_named(graphql_client, member_a):
    story = factories.attribute("cau-chuyen", AttributeInputType.PLAIN_TEXT)
    weight = factories.attribute("khoi-luong", AttributeInputType.NUMERIC)
    created = create_with(
        graphql_client,
        [
            {"id": gid("Attribute", story.pk), "plainText": "Câu chuyện cũ"},
            {"id": gid("Attribute", weight.pk), "numeric": "250"},
        ],
    )["product"]

    result = payload(
        graphql_client(
            PRODUCT_UPDATE,
            {
                "id": created["id"],
                "input": {"attributes": [{"id": gid("Attribute", weight.pk), "numeric": "1.5"}]},
            },
        ),
        "productUpdate",
    )

    assert assigned(result["product"]) == {"cau-chuyen": ["Câu chuyện cũ"], "khoi-luong": ["1.5"]}
    # The product's own number was changed in place, not added beside the old one.
    assert AttributeValue.objects.filter(attribute=weight).count() == 1


def test_an_attribute_named_without_a_value_is_cleared(graphql_client, member_a):
    story = factories.attribute("cau-chuyen", AttributeInputType.PLAIN_TEXT)
    created = create_with(
        graphql_client, [{"id": gid("Attribute", story.pk), "plainText": "Câu chuyện"}]
    )["product"]

    result = payload(
        graphql_client(
            PRODUCT_UPDATE,
            {"id": created["id"], "input": {"attributes": [{"id": gid("Attribute", story.pk)}]}},
        ),
        "productUpdate",
    )

    assert assigned(result["product"]) == {}
    assert not AttributeValue.objects.filter(attribute=story).exists()


def test_a_value_of_the_wrong_kind_is_refused(graphql_client, member_a):
    organic = factories.attribute("huu-co", AttributeInputType.BOOLEAN)

    result = create_with(graphql_client, [{"id": gid("Attribute", organic.pk), "plainText": "có"}])

    assert codes(result) == [("attributes", "INVALID")]
    assert result["errors"][0]["attributes"] == [gid("Attribute", organic.pk)]


def test_an_unknown_attribute_is_not_found(graphql_client, member_a):
    result = create_with(graphql_client, [{"id": gid("Attribute", 999), "boolean": True}])

    assert codes(result) == [("attributes", "NOT_FOUND")]


def test_an_attribute_is_given_once(graphql_client, member_a):
    organic = factories.attribute("huu-co", AttributeInputType.BOOLEAN)
    attribute_id = gid("Attribute", organic.pk)

    result = create_with(
        graphql_client,
        [{"id": attribute_id, "boolean": True}, {"id": attribute_id, "boolean": False}],
    )

    assert codes(result) == [("attributes", "DUPLICATED_INPUT_ITEM")]


def test_a_value_of_another_attribute_is_not_found(graphql_client, member_a):
    origin = factories.attribute("xuat-xu", AttributeInputType.DROPDOWN)
    colour = factories.attribute("mau", AttributeInputType.DROPDOWN)
    red = create_attribute_value(attribute=colour, name="Đỏ")

    result = create_with(
        graphql_client,
        [{"id": gid("Attribute", origin.pk), "dropdown": {"id": gid("AttributeValue", red.pk)}}],
    )

    assert codes(result) == [("attributes", "NOT_FOUND")]
    assert result["errors"][0]["values"] == [gid("AttributeValue", red.pk)]


def test_variants_take_attributes_too(graphql_client, member_a, booth_a):
    size = factories.attribute("dung-tich", AttributeInputType.DROPDOWN, variant_selection=True)
    product = factories.product("Mật ong", vendor=booth_a)

    result = payload(
        graphql_client(
            VARIANT_CREATE,
            {
                "input": {
                    "product": gid("Product", product.pk),
                    "sku": "MO-1L",
                    "attributes": [{"id": gid("Attribute", size.pk), "values": ["1 lít"]}],
                }
            },
        ),
        "productVariantCreate",
    )

    assert result["errors"] == []
    assert result["productVariant"]["attributes"] == [
        {"attribute": {"slug": "dung-tich"}, "values": [{"name": "1 lít", "plainText": None}]}
    ]


def test_deleting_a_variant_keeps_the_shared_choices(graphql_client, member_a, booth_a):
    size = factories.attribute("dung-tich", AttributeInputType.DROPDOWN)
    note = factories.attribute("ghi-chu", AttributeInputType.PLAIN_TEXT)
    product = factories.product("Mật ong", vendor=booth_a)
    created = payload(
        graphql_client(
            VARIANT_CREATE,
            {
                "input": {
                    "product": gid("Product", product.pk),
                    "sku": "MO-2L",
                    "attributes": [
                        {"id": gid("Attribute", size.pk), "dropdown": {"value": "2 lít"}},
                        {"id": gid("Attribute", note.pk), "plainText": "Chai thủy tinh"},
                    ],
                }
            },
        ),
        "productVariantCreate",
    )["productVariant"]

    payload(graphql_client(VARIANT_DELETE, {"id": created["id"]}), "productVariantDelete")

    assert list(size.values.values_list("name", flat=True)) == ["2 lít"]
    assert not note.values.exists()
