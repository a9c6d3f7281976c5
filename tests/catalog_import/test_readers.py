"""Reading sheets: XLSX and the CSV variants Excel and Google Sheets write, in either header
language; and the clear refusals of files that cannot be read."""

import codecs
import io
import zipfile

import pytest

from catalog_import.columns import Col
from catalog_import.errors import CatalogImportErrorCode, ImportRejected
from catalog_import.readers import open_sheet
from tests.catalog_import.conftest import EN_HEADERS, VI_HEADERS, csv_bytes, xlsx_bytes

ROWS = [["MO-1", "Mật ong rừng", "Mật ong", "125.000 ₫", "10", "có"]]
LIMIT = 1024 * 1024


def read(data: bytes, name: str = "products.csv") -> list[dict]:
    with open_sheet(io.BytesIO(data), name=name, max_bytes=LIMIT) as sheet:
        return [row.cells for row in sheet.rows()]


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", csv_bytes([VI_HEADERS, *ROWS])),
        ("utf-8 with BOM", codecs.BOM_UTF8 + csv_bytes([VI_HEADERS, *ROWS])),
        ("semicolon", csv_bytes([VI_HEADERS, *ROWS], delimiter=";")),
        (
            "utf-16 tab, Excel's Unicode text",
            csv_bytes([VI_HEADERS, *ROWS], encoding="utf-16", delimiter="\t"),
        ),
        ("utf-16 comma", csv_bytes([VI_HEADERS, *ROWS], encoding="utf-16")),
        ("utf-16-le without BOM", csv_bytes([VI_HEADERS, *ROWS], encoding="utf-16-le")),
        ("sep= hint line", b"sep=;\r\n" + csv_bytes([VI_HEADERS, *ROWS], delimiter=";")),
    ],
)
def test_csv_variants_read_the_same_row(label, db, data):
    [cells] = read(data)
    assert cells[Col.SKU] == "MO-1"
    assert cells[Col.NAME_VI] == "Mật ong rừng"
    assert cells[Col.PRICE] == "125.000 ₫"
    assert cells[Col.PUBLISH] == "có"


def test_xlsx_is_read_with_typed_cells(db):
    [cells] = read(
        xlsx_bytes([EN_HEADERS, ["MO-1", "Mật ong", "Honey", 125000, 10, "yes"]]), "a.xlsx"
    )
    assert cells[Col.PRICE] == 125000
    assert cells[Col.STOCK] == 10


def test_english_and_vietnamese_headers_name_the_same_columns(db):
    with open_sheet(io.BytesIO(csv_bytes([EN_HEADERS])), name="a.csv", max_bytes=LIMIT) as en:
        english = set(en.headers)
    with open_sheet(io.BytesIO(csv_bytes([VI_HEADERS])), name="a.csv", max_bytes=LIMIT) as vi:
        vietnamese = set(vi.headers)
    assert (
        english
        == vietnamese
        == {Col.SKU, Col.NAME_VI, Col.CATEGORY, Col.PRICE, Col.STOCK, Col.PUBLISH}
    )


def test_headers_without_diacritics_or_case_are_recognised(db):
    data = csv_bytes([["ma sku", "TEN", "danh muc", "gia"], ["A", "B", "C", "1"]])
    with open_sheet(io.BytesIO(data), name="a.csv", max_bytes=LIMIT) as sheet:
        assert set(sheet.headers) == {Col.SKU, Col.NAME_VI, Col.CATEGORY, Col.PRICE}


def test_empty_rows_are_skipped_and_rows_keep_their_spreadsheet_numbers(db):
    data = csv_bytes([VI_HEADERS, ROWS[0], ["", "", ""], ["MO-2", "B", "C", "1"]])
    with open_sheet(io.BytesIO(data), name="a.csv", max_bytes=LIMIT) as sheet:
        assert [row.number for row in sheet.rows()] == [2, 4]


def test_sheet_can_be_read_twice(db):
    with open_sheet(
        io.BytesIO(csv_bytes([VI_HEADERS, *ROWS])), name="a.csv", max_bytes=LIMIT
    ) as sheet:
        assert len(list(sheet.rows())) == len(list(sheet.rows())) == 1


def rejection(data: bytes, name: str, **options) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        read_options = {"max_bytes": LIMIT, **options}
        open_sheet(io.BytesIO(data), name=name, **read_options)
    return caught.value


def test_missing_required_columns_are_named(db):
    error = rejection(csv_bytes([["SKU", "Name (Vietnamese)"]]), "a.csv")
    assert error.code == CatalogImportErrorCode.MISSING_COLUMN
    assert "Danh mục" in error.message and "Price (VND)" in error.message


def test_file_over_the_size_limit_is_refused(db):
    error = rejection(csv_bytes([VI_HEADERS, *ROWS]), "a.csv", max_bytes=10)
    assert error.code == CatalogImportErrorCode.FILE_TOO_LARGE


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"%PDF-1.7 ...", "catalog.pdf", CatalogImportErrorCode.UNSUPPORTED_FILE),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "old.xls",
            CatalogImportErrorCode.UNSUPPORTED_FILE,
        ),
        (b"not a workbook", "fake.xlsx", CatalogImportErrorCode.UNREADABLE_FILE),
    ],
)
def test_wrong_file_types_are_refused_with_a_clear_message(db, data, name, code):
    assert rejection(data, name).code == code


def test_a_zip_that_is_not_a_workbook_is_refused(db):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert rejection(buffer.getvalue(), "sheet.ods").code == CatalogImportErrorCode.UNSUPPORTED_FILE


def test_legacy_encoding_is_refused_with_the_row_and_the_fix(db):
    data = csv_bytes([VI_HEADERS, *ROWS], encoding="utf-8").replace(
        "Mật".encode(), "M\xe2t".encode("latin-1")
    )
    error = rejection(data, "a.csv")
    assert error.code == CatalogImportErrorCode.UNREADABLE_FILE
    assert "Line 2" in error.message and "CSV UTF-8" in error.message


def test_too_many_rows_are_refused(db):
    data = csv_bytes([VI_HEADERS, *(ROWS * 3)])
    with (
        open_sheet(io.BytesIO(data), name="a.csv", max_bytes=LIMIT, max_rows=2) as sheet,
        pytest.raises(ImportRejected) as caught,
    ):
        list(sheet.rows())
    assert caught.value.code == CatalogImportErrorCode.TOO_MANY_ROWS
