"""Builders for import sheets: rows written as CSV (any encoding and delimiter) or XLSX."""

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests import factories

EN_HEADERS = ["SKU", "Name (Vietnamese)", "Category", "Price (VND)", "Stock", "Publish (yes/no)"]
VI_HEADERS = ["Mã SKU", "Tên (tiếng Việt)", "Danh mục", "Giá (₫)", "Tồn kho", "Đăng bán (có/không)"]


def csv_bytes(
    rows: Sequence[Sequence[object]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> bytes:
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter).writerows(rows)
    return text.getvalue().encode(encoding)


def xlsx_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def write_sheet(tmp_path: Path):
    """`write_sheet(rows, name="products.csv", **csv_options)` -> path of a CSV or XLSX file."""

    def write(rows, name: str = "products.csv", **options) -> Path:
        path = tmp_path / name
        if name.endswith(".xlsx"):
            path.write_bytes(xlsx_bytes(rows))
        else:
            path.write_bytes(csv_bytes(rows, **options))
        return path

    return write


@pytest.fixture
def booth(channel):
    return factories.booth("Nhóm sinh kế Hoa Rừng")


@pytest.fixture
def honey(db):
    food = factories.category("Thực phẩm", english="Food")
    return factories.category("Mật ong", parent=food, english="Honey")


@pytest.fixture
def coffee(db):
    return factories.category("Cà phê", english="Coffee")


@pytest.fixture
def import_rows(write_sheet):
    """`import_rows(booth, rows, headers=EN_HEADERS, name=..., **run_import options)`."""
    from catalog_import.services import run_import

    def run(booth, rows, *, headers=EN_HEADERS, name: str = "products.csv", **options):
        return run_import(booth=booth, file=write_sheet([headers, *rows], name), **options)

    return run
