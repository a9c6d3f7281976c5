"""Importing a sheet into a booth: upsert by SKU, all or nothing, and the problems reported."""

import pytest
from django.utils import translation

from catalog_import.errors import CatalogImportErrorCode, ImportRejected, Severity
from marketplace.catalog.models import (
    AttributeInputType,
    Product,
    ProductChannelListing,
    ProductVariant,
)
from marketplace.core.permissions import NotAllowed
from tests import factories
from tests.catalog_import.conftest import EN_HEADERS
from vendors.models import BoothMember

HONEY = ["MO-1", "Mật ong rừng", "Mật ong", "125.000 ₫", "10", "có"]
COFFEE = ["CF-1", "Cà phê rang mộc", "Coffee", "98,000", "25", "no"]
PEPPER = ["HT-1", "Hồ tiêu đen", "mat ong", "60000", "0", "yes"]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def variant(booth, sku: str) -> ProductVariant:
    return ProductVariant.objects.select_related("product", "stock").get(vendor=booth, sku=sku)


def price(v: ProductVariant) -> int:
    return v.channel_listings.get().price_amount


def test_rows_become_products_with_their_variant_stock_price_and_listing(
    booth, honey, coffee, import_rows
):
    result = import_rows(booth, [HONEY, COFFEE])

    assert (result.created, result.updated, result.unchanged, result.invalid) == (2, 0, 0, 0)
    honey_variant = variant(booth, "MO-1")
    product = honey_variant.product
    assert product.name == "Mật ong rừng"
    assert product.vendor == booth
    assert product.category == honey
    assert product.slug == "mat-ong-rung"
    assert honey_variant.stock.quantity == 10
    assert price(honey_variant) == 125000
    listing = ProductChannelListing.objects.get(product=product)
    assert listing.is_published and listing.published_at is not None
    assert listing.price_min_amount == listing.price_max_amount == 125000
    assert "mat ong rung" in product.search_name
    assert not ProductChannelListing.objects.get(
        product=variant(booth, "CF-1").product
    ).is_published


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    booth, honey, coffee, import_rows
):
    import_rows(booth, [HONEY, COFFEE, PEPPER])
    before = dict(Product.objects.values_list("pk", "updated_at"))

    again = import_rows(booth, [HONEY, COFFEE, PEPPER])

    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert dict(Product.objects.values_list("pk", "updated_at")) == before


def test_a_changed_row_updates_only_that_product(booth, honey, coffee, import_rows):
    import_rows(booth, [HONEY, COFFEE, PEPPER])
    before = dict(ProductVariant.objects.values_list("sku", "product__updated_at"))

    result = import_rows(booth, [HONEY, [*COFFEE[:3], "105.000", "7", "yes"], PEPPER])

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    coffee_variant = variant(booth, "CF-1")
    assert price(coffee_variant) == 105000
    assert coffee_variant.stock.quantity == 7
    listing = ProductChannelListing.objects.get(product=coffee_variant.product)
    assert listing.is_published and listing.price_min_amount == 105000
    after = dict(ProductVariant.objects.values_list("sku", "product__updated_at"))
    assert after["MO-1"] == before["MO-1"] and after["HT-1"] == before["HT-1"]
    assert after["CF-1"] > before["CF-1"]


def test_a_renamed_product_keeps_its_address(booth, honey, import_rows):
    import_rows(booth, [HONEY])
    import_rows(booth, [["MO-1", "Mật ong hoa cà phê", *HONEY[2:]]])
    product = variant(booth, "MO-1").product
    assert product.name == "Mật ong hoa cà phê"
    assert product.slug == "mat-ong-rung"


def test_the_same_sku_in_another_booth_is_another_product_and_is_never_touched(
    booth, honey, import_rows
):
    other_booth = factories.booth("Hợp tác xã Ê Đê")
    theirs = factories.product("Mật ong của họ", vendor=other_booth, price=90000, quantity=3)
    theirs.variants.update(sku="MO-1")

    result = import_rows(booth, [HONEY])
    assert result.created == 1
    import_rows(booth, [["MO-1", "Đổi tên", "Mật ong", "1", "1", "no"]], delete_missing=True)

    theirs_variant = variant(other_booth, "MO-1")
    assert theirs_variant.product.name == "Mật ong của họ"
    assert price(theirs_variant) == 90000
    assert theirs_variant.stock.quantity == 3
    assert variant(booth, "MO-1").product.name == "Đổi tên"
    assert other_booth.products.count() == 1


def test_products_of_the_same_name_get_their_own_address(booth, honey, import_rows):
    import_rows(factories.booth(), [HONEY])  # another booth's honey has "mat-ong-rung"
    import_rows(booth, [HONEY, ["MO-2", "Mật ong rừng", "Mật ong", "1000", "1", "no"]])
    slugs = sorted(Product.objects.filter(vendor=booth).values_list("slug", flat=True))
    assert slugs == ["mat-ong-rung-mo-1", "mat-ong-rung-mo-2"]


def test_products_added_in_the_portal_after_an_import_get_their_own_ids(
    booth, honey, coffee, import_rows
):
    import_rows(booth, [HONEY, COFFEE])

    added = factories.product("Trà Shan tuyết", vendor=booth)

    assert booth.products.count() == 3
    assert added.pk not in {variant(booth, "MO-1").product_id, variant(booth, "CF-1").product_id}


def test_new_rows_cost_the_same_queries_however_many_there_are(booth, honey, coffee, write_sheet):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from catalog_import.services import run_import

    def queries(rows) -> int:
        sheet = write_sheet([EN_HEADERS, *rows], f"products-{len(rows)}.csv")
        into = factories.booth()
        with CaptureQueriesContext(connection) as captured:
            run_import(booth=into, file=sheet)
        # Not counting the public data versions of the storefront cache, which every few
        # hundred writes also deletes old ones.
        return sum("publicdataversion" not in query["sql"] for query in captured)

    def rows(count: int, name: str) -> list[list[str]]:
        # Names of their own: a taken address would cost a query more.
        return [[f"{name}-{i}", f"{name} {i}", "Mật ong", "1000", "1", "có"] for i in range(count)]

    queries(rows(1, "Khởi động"))  # the first import also creates the imported products' type
    assert queries(rows(2, "Vài dòng")) == queries(rows(40, "Nhiều dòng"))


def test_the_storefront_cache_notices_new_products(booth, honey, coffee, import_rows, monkeypatch):
    from marketplace.graphql.core.cache import current_version
    from marketplace.search import get_search_backend

    import_rows(booth, [HONEY])  # the first import also creates the imported products' type
    # A search index outside the database: only the import's own writes are left to notice.
    monkeypatch.setattr(get_search_backend(), "index_products", lambda products: None)
    before = current_version()

    import_rows(booth, [COFFEE])

    assert current_version() != before


def test_an_import_leaves_the_garbage_collector_as_it_found_it(booth, honey, import_rows):
    import gc

    thawed = gc.get_freeze_count() == 0
    import_rows(booth, [HONEY])
    assert (gc.get_freeze_count() == 0) == thawed

    gc.freeze()  # as a pre-forking server does
    try:
        import_rows(booth, [COFFEE])
        # Still frozen (frozen objects that were freed meanwhile have left the count).
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


# --- all or nothing ----------------------------------------------------------------------------


def test_one_invalid_row_means_nothing_is_written(booth, honey, coffee, import_rows):
    result = import_rows(booth, [HONEY, ["CF-1", "Cà phê", "Coffee", "-5", "1", "no"], PEPPER])

    assert result.invalid == 1
    assert not result.ok and not result.written
    assert (result.created, result.updated) == (0, 0)
    assert not Product.objects.exists()


def test_skip_invalid_writes_the_valid_rows(booth, honey, coffee, import_rows):
    result = import_rows(
        booth, [HONEY, ["CF-1", "Cà phê", "Coffee", "-5", "1", "no"], PEPPER], skip_invalid=True
    )

    assert (result.created, result.invalid) == (2, 1)
    assert result.written and not result.ok
    assert set(ProductVariant.objects.values_list("sku", flat=True)) == {"MO-1", "HT-1"}


def test_dry_run_counts_and_writes_nothing(booth, honey, coffee, import_rows):
    import_rows(booth, [HONEY])
    result = import_rows(booth, [[*HONEY[:3], "130000", *HONEY[4:]], COFFEE], dry_run=True)

    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    assert not result.written
    assert price(variant(booth, "MO-1")) == 125000
    assert not ProductVariant.objects.filter(sku="CF-1").exists()


def errors_of(result):
    return [p for p in result.problems if p.severity == Severity.ERROR]


def test_each_problem_names_the_row_the_column_and_what_is_wrong(booth, honey, coffee, import_rows):
    result = import_rows(
        booth,
        [
            HONEY,
            ["MO-1", "Bản sao", "Mật ong", "1000", "1", "no"],
            ["CF-1", "Cà phê", "Cofee", "1000", "1", "no"],
            ["HT-1", "Tiêu", "Mật ong", "-60.000", "1", "no"],
            ["HT-2", "Tiêu", "Mật ong", "60.000", "-3", "no"],
            ["HT-3", "", "Mật ong", "", "1", "no"],
            ["HT-4", "Tiêu", "Mật ong", "60.000", "1", "maybe"],
        ],
    )
    found = {(p.row, p.column, p.code) for p in errors_of(result)}
    assert found == {
        (3, "SKU", CatalogImportErrorCode.DUPLICATE),
        (4, "Category", CatalogImportErrorCode.NOT_FOUND),
        (5, "Price (VND)", CatalogImportErrorCode.INVALID),
        (6, "Stock", CatalogImportErrorCode.INVALID),
        (7, "Name (Vietnamese)", CatalogImportErrorCode.REQUIRED),
        (7, "Price (VND)", CatalogImportErrorCode.REQUIRED),
        (8, "Publish (yes/no)", CatalogImportErrorCode.INVALID),
    }
    messages = {p.row: p.message for p in errors_of(result)}
    assert messages[3] == "SKU “MO-1” is already used in row 2 of this file."
    assert messages[4] == "There is no category “Cofee”. Did you mean “Coffee”?"
    assert messages[5] == "The price cannot be negative."
    assert messages[6] == "Stock cannot be negative."
    assert result.invalid == 6


def test_the_column_is_named_as_the_file_names_it(booth, honey, import_rows):
    headers = ["Mã SKU", "Tên (tiếng Việt)", "Danh mục", "Giá (₫)"]
    result = import_rows(booth, [["MO-1", "Mật ong", "Mật ongg", "1000"]], headers=headers)
    [problem] = errors_of(result)
    assert problem.column == "Danh mục"
    assert "Mật ong" in problem.message


def test_categories_match_without_diacritics_in_either_language_or_with_their_parent(
    booth, honey, coffee, import_rows
):
    rows = [
        ["A", "A", "mat ong", "1000"],
        ["B", "B", "HONEY", "1000"],
        ["C", "C", "Thực phẩm > Mật ong", "1000"],
        ["D", "D", "Food > Honey", "1000"],
    ]
    result = import_rows(booth, rows, headers=["SKU", "Name", "Category", "Price"])
    assert result.created == 4
    assert set(Product.objects.values_list("category", flat=True)) == {honey.pk}


def test_a_category_name_used_twice_asks_for_the_parent(booth, honey, import_rows):
    drinks = factories.category("Đồ uống")
    factories.category("Mật ong", parent=drinks)
    result = import_rows(
        booth, [["A", "A", "Mật ong", "1000"]], headers=["SKU", "Name", "Category", "Price"]
    )
    [problem] = errors_of(result)
    assert problem.code == CatalogImportErrorCode.AMBIGUOUS
    assert "“Thực phẩm > Mật ong”" in problem.message and "“Đồ uống > Mật ong”" in problem.message


def test_unknown_columns_are_reported_and_ignored(booth, honey, import_rows):
    result = import_rows(
        booth,
        [[*HONEY, "?"]],
        headers=[*pytest.importorskip("tests.catalog_import.conftest").EN_HEADERS, "Ghi chú"],
    )
    assert result.ok and result.created == 1
    [warning] = [p for p in result.problems if p.code == CatalogImportErrorCode.UNKNOWN_COLUMN]
    assert (warning.row, warning.column, warning.severity) == (1, "Ghi chú", Severity.WARNING)


# --- columns present, columns left out -------------------------------------------------------


def test_a_column_left_out_of_the_file_is_left_alone(booth, honey, import_rows):
    import_rows(booth, [HONEY])
    result = import_rows(
        booth,
        [["MO-1", "Mật ong rừng", "Mật ong", "125000"]],
        headers=["SKU", "Name", "Category", "Price"],
    )
    assert result.unchanged == 1
    assert variant(booth, "MO-1").stock.quantity == 10
    assert ProductChannelListing.objects.get().is_published


def test_english_texts_and_descriptions(booth, honey, import_rows):
    headers = [
        "SKU",
        "Tên (tiếng Việt)",
        "Name (English)",
        "Mô tả (tiếng Việt)",
        "Description (English)",
        "Category",
        "Price",
        "Weight (g)",
    ]
    row = [
        "MO-1",
        "Mật ong",
        "Honey",
        "Đoạn một.\n\nĐoạn hai.",
        "One.",
        "Mật ong",
        "1000",
        "0,7 kg",
    ]
    import_rows(booth, [row], headers=headers)
    product = variant(booth, "MO-1").product
    assert product.description == {
        "blocks": [
            {"type": "paragraph", "data": {"text": "Đoạn một."}},
            {"type": "paragraph", "data": {"text": "Đoạn hai."}},
        ]
    }
    assert product.weight_grams == 700
    english = product.translations.get(language_code="en")
    assert (english.name, english.slug) == ("Honey", "honey")
    assert import_rows(booth, [row], headers=headers).unchanged == 1

    cleared = import_rows(
        booth, [["MO-1", "Mật ong", "", "", "", "Mật ong", "1000", ""]], headers=headers
    )
    assert cleared.updated == 1
    product.refresh_from_db()
    assert product.description is None and product.weight_grams is None
    assert not product.translations.exists()


# --- attributes --------------------------------------------------------------------------------


@pytest.fixture
def attributes(db):
    origin = factories.attribute("xuat-xu", AttributeInputType.PLAIN_TEXT, name="Xuất xứ")
    bestseller = factories.attribute("ban-chay", AttributeInputType.BOOLEAN, name="Bán chạy")
    net = factories.attribute(
        "khoi-luong-tinh", AttributeInputType.NUMERIC, name="Khối lượng tịnh", unit="g"
    )
    material = factories.attribute("chat-lieu", AttributeInputType.MULTISELECT, name="Chất liệu")
    volume = factories.attribute(
        "dung-tich", AttributeInputType.DROPDOWN, name="Dung tích", variant_selection=True
    )
    for name, slug in (("Sợi lanh", "soi-lanh"), ("Tơ tằm", "to-tam")):
        material.values.create(name=name, slug=slug)
    volume.values.create(name="500 ml", slug="500-ml")
    return origin, bestseller, net, material, volume


ATTRIBUTE_HEADERS = ["SKU", "Name", "Category", "Price", "Attributes"]


def test_attributes_are_assigned_by_name(booth, honey, attributes, import_rows):
    cell = (
        "Xuất xứ: Gia Lai; ban chay: có; Khối lượng tịnh: 500 g; Chất liệu: soi lanh, Tơ tằm; "
        "Dung tích: 500 ml"
    )
    result = import_rows(
        booth, [["MO-1", "Mật ong", "Mật ong", "1000", cell]], headers=ATTRIBUTE_HEADERS
    )
    assert result.created == 1, result.problems
    v = variant(booth, "MO-1")
    product_values = {
        (a.value.attribute.slug, a.value.name) for a in v.product.attribute_values.all()
    }
    assert product_values == {
        ("xuat-xu", "Gia Lai"),
        ("ban-chay", "Có"),
        ("khoi-luong-tinh", "500"),
        ("chat-lieu", "Sợi lanh"),
        ("chat-lieu", "Tơ tằm"),
    }
    assert [a.value.slug for a in v.attribute_values.all()] == ["500-ml"]

    again = import_rows(
        booth, [["MO-1", "Mật ong", "Mật ong", "1000", cell]], headers=ATTRIBUTE_HEADERS
    )
    assert again.unchanged == 1

    changed = import_rows(
        booth,
        [["MO-1", "Mật ong", "Mật ong", "1000", "Xuất xứ: Đắk Lắk"]],
        headers=ATTRIBUTE_HEADERS,
    )
    assert changed.updated == 1
    assert [a.value.name for a in v.product.attribute_values.all()] == ["Đắk Lắk"]
    assert not v.attribute_values.exists()


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ("Xuat su: Gia Lai", "There is no attribute “Xuat su”. Did you mean “Xuất xứ”?"),
        (
            "Chất liệu: Sợi lanhh",
            "“Sợi lanhh” is not a choice of “Chất liệu”. Did you mean “Sợi lanh”?",
        ),
        ("Bán chạy: lắm", "Write yes or no (có or không) for “Bán chạy”."),
        ("Khối lượng tịnh: nặng", "“nặng” is not a number for “Khối lượng tịnh”."),
        ("Gia Lai", "Write attributes as “Name: value; Name: value” (“Gia Lai” is not)."),
    ],
)
def test_wrong_attributes_say_what_is_wrong(booth, honey, attributes, import_rows, cell, says):
    result = import_rows(
        booth, [["MO-1", "Mật ong", "Mật ong", "1000", cell]], headers=ATTRIBUTE_HEADERS
    )
    [problem] = errors_of(result)
    assert (problem.column, problem.message) == ("Attributes", says)


# --- deleting ----------------------------------------------------------------------------------


def test_nothing_is_deleted_without_delete_missing(booth, honey, coffee, import_rows):
    import_rows(booth, [HONEY, COFFEE])
    result = import_rows(booth, [HONEY])
    assert result.deleted == 0
    assert booth.products.count() == 2


def test_delete_missing_deletes_the_booths_products_missing_from_the_file(
    booth, honey, coffee, import_rows
):
    other = factories.product("Sản phẩm của gian khác")
    import_rows(booth, [HONEY, COFFEE, PEPPER])
    made_in_portal = factories.product("Thêm trong cổng", vendor=booth)

    dry = import_rows(booth, [HONEY], delete_missing=True, dry_run=True)
    assert dry.deleted == 3 and booth.products.count() == 4

    result = import_rows(
        booth,
        [HONEY, ["CF-1", "Cà phê", "Coffee", "-1", "1", "no"]],
        delete_missing=True,
        skip_invalid=True,
    )
    assert result.deleted == 2  # the invalid row's product stays
    assert set(ProductVariant.objects.filter(vendor=booth).values_list("sku", flat=True)) == {
        "MO-1",
        "CF-1",
    }
    assert not Product.objects.filter(pk=made_in_portal.pk).exists()
    assert Product.objects.filter(pk=other.pk).exists()


def test_delete_missing_with_an_empty_file_is_refused(booth, honey, import_rows):
    import_rows(booth, [HONEY])
    with pytest.raises(ImportRejected):
        import_rows(booth, [], delete_missing=True)
    assert booth.products.count() == 1


# --- products with several variants ------------------------------------------------------------


def test_rows_of_one_product_with_several_variants_must_agree(booth, honey, import_rows):
    product = factories.product("Mật ong", vendor=booth, prices=[100000, 180000], category=honey)
    small, large = product.variants.order_by("pk")
    rows = [
        [small.sku, "Mật ong", "Mật ong", "110000", "5", "yes"],
        [large.sku, "Mật ong", "Mật ong", "190000", "5", "yes"],
    ]
    result = import_rows(booth, rows)
    assert (result.updated, result.created) == (2, 0)
    listing = ProductChannelListing.objects.get(product=product)
    assert (listing.price_min_amount, listing.price_max_amount) == (110000, 190000)
    assert import_rows(booth, rows).unchanged == 2

    rows[1][1] = "Mật ong khác"
    disagreeing = import_rows(booth, rows)
    [problem] = errors_of(disagreeing)
    assert problem.row == 3 and "row 2" in problem.message


# --- who may import ----------------------------------------------------------------------------


def test_a_member_may_import_into_their_booth_only(booth, honey, import_rows, django_user_model):
    user = django_user_model.objects.create_user("thu@example.com", "x")
    BoothMember.objects.create(booth=booth, user=user, role="member")
    other_booth = factories.booth()

    assert import_rows(booth, [HONEY], user=user).created == 1
    with pytest.raises(NotAllowed):
        import_rows(other_booth, [HONEY], user=user)
    assert not other_booth.products.exists()


def test_staff_who_manage_products_may_import_into_any_booth(
    booth, honey, import_rows, django_user_model
):
    from django.contrib.auth.models import Permission

    staff = django_user_model.objects.create_user("staff@example.com", "x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="manage_products"))
    assert import_rows(booth, [HONEY], user=staff).created == 1


def test_long_sheets_are_read_again_for_writing_with_the_same_outcome(
    booth, honey, coffee, import_rows, monkeypatch
):
    from catalog_import import services

    monkeypatch.setattr(services, "KEEP_CHECKED_ROWS", 1)
    rows = [HONEY, ["MO-1", "Bản sao", "Mật ong", "1000", "1", "no"], COFFEE, PEPPER]

    result = import_rows(booth, rows, skip_invalid=True)

    assert (result.created, result.invalid) == (3, 1)
    assert variant(booth, "MO-1").product.name == "Mật ong rừng"
    assert import_rows(booth, rows, skip_invalid=True).unchanged == 3
