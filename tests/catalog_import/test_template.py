"""The template: headers in Vietnamese or English, an example row that imports as it is, and a
guide to every column."""

import csv
import io

import pytest
from openpyxl import load_workbook

from catalog_import.columns import COLUMNS
from catalog_import.services import run_import
from catalog_import.template import write_template
from marketplace.catalog.models import AttributeInputType, ProductVariant
from tests import factories


@pytest.fixture
def catalog(honey):
    factories.attribute("xuat-xu", AttributeInputType.PLAIN_TEXT, name="Xuất xứ")
    factories.attribute("ban-chay", AttributeInputType.BOOLEAN, name="Bán chạy")
    return honey


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("extension", ["xlsx", "csv"])
def test_the_template_imports_as_it_is(booth, catalog, tmp_path, language, extension):
    path = tmp_path / f"mau.{extension}"
    write_template(path, language=language)

    result = run_import(booth=booth, file=path)

    assert result.ok and result.created == 1, result.problems
    product = ProductVariant.objects.get(vendor=booth, sku="MO-RUNG-500").product
    assert product.category == catalog
    assert product.attribute_values.count() == 2


def test_xlsx_template_has_vietnamese_headers_a_guide_and_the_categories(db, catalog, tmp_path):
    path = tmp_path / "mau.xlsx"
    write_template(path, language="vi")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Sản phẩm", "Hướng dẫn", "Danh mục", "Thuộc tính"]
    headers = [cell.value for cell in workbook["Sản phẩm"][1]]
    assert headers == [column.label_vi for column in COLUMNS]
    guide = workbook["Hướng dẫn"]
    explained = [
        row[0] for row in guide.iter_rows(min_row=2, max_row=len(COLUMNS) + 1, values_only=True)
    ]
    assert explained == headers
    assert all(
        row[2] for row in guide.iter_rows(min_row=2, max_row=len(COLUMNS) + 1, values_only=True)
    )
    categories = [row[2] for row in workbook["Danh mục"].iter_rows(min_row=2, values_only=True)]
    assert "Thực phẩm > Mật ong" in categories


def test_csv_template_has_english_headers_and_a_byte_order_mark(db, tmp_path):
    path = tmp_path / "template.csv"
    write_template(path, language="en")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    headers, example = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert headers == [column.label_en for column in COLUMNS]
    assert example[0] == "MO-RUNG-500"
