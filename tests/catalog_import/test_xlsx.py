"""Reading XLSX cells: every kind of cell comes out as openpyxl's read-only mode gives it, from
workbooks written by Excel-like programs (shared strings) and by streaming writers (inline
strings, no size, rows and cells without their reference)."""

import datetime
import io
import zipfile

import pytest
from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl import load_workbook

from catalog_import.xlsx import Workbook

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS = (
    f'<sst xmlns="{NS}" count="2" uniqueCount="2">'
    "<si><t>Mật ong rừng</t></si>"
    '<si><r><t>Cà phê</t></r><r><rPr><b/></rPr><t xml:space="preserve"> rang_x005F_mộc</t></r>'
    '<rPh sb="0" eb="1"><t>ka</t></rPh></si>'
    "</sst>"
)
SHEET = (
    f'<worksheet xmlns="{NS}"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>'
    '<c r="D1" t="inlineStr"><is><r><t>Trà </t></r><r><t>Shan</t></r></is></c></row>'
    '<row r="3"><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c>'
    '<c t="str"><f>A1</f><v>MO-1</v></c><c s="1"><v>45000.5</v></c><c><v>1.5E3</v></c>'
    '<c t="d"><v>2024-05-01T10:00:00</v></c><c><v>125000</v></c><c t="inlineStr"/>'
    '<c s="1"><v>99999999</v></c><c><v></v></c></row>'
    '<row><c r="B4"><v>7</v></c></row>'
    '<row r="2"><c r="A2"><v>9</v></c></row>'
    '<row r="6"/>'
    '<row r="7"><c r="C7"><v>3</v></c><c r="A7"><v>1</v></c></row>'
    '<row r="8.0"><c r="AB8" t="inlineStr"><is><t>far right</t></is></c></row>'
    "</sheetData></worksheet>"
)


def workbook_bytes() -> bytes:
    """A workbook with a date style (style 1), given our sheet and a shared strings part."""
    book = OpenpyxlWorkbook()
    book.active.append(["a", datetime.datetime(2024, 1, 1)])
    written = io.BytesIO()
    book.save(written)
    result = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(written.getvalue())) as source,
        zipfile.ZipFile(result, "w") as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif info.filename == "xl/worksheets/sheet1.xml":
                content = SHEET.encode()
            target.writestr(info, content)
        target.writestr("xl/sharedStrings.xml", SHARED_STRINGS)
    return result.getvalue()


def streamed_bytes() -> bytes:
    book = OpenpyxlWorkbook(write_only=True)
    sheet = book.create_sheet("Sản phẩm")
    sheet.append(["SKU", "Tên", "Giá", "Ngày"])
    sheet.append(["MO-1", "Mật ong\nrừng", 125000.0, datetime.datetime(2024, 5, 1, 8, 30)])
    sheet.append([])
    sheet.append([None, None, True, datetime.date(2024, 5, 2)])
    written = io.BytesIO()
    book.save(written)
    return written.getvalue()


def ours(data: bytes) -> dict[int, tuple]:
    book = Workbook(io.BytesIO(data))
    try:
        return {number: values for number, values in book.rows() if values}
    finally:
        book.close()


def openpyxls(data: bytes) -> dict[int, tuple]:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    sheet.reset_dimensions()
    try:
        return {
            number: tuple(values)
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            if values
        }
    finally:
        book.close()


@pytest.mark.filterwarnings("ignore:Cell None is marked as a date")  # openpyxl, on 99999999
def test_every_kind_of_cell_reads_as_openpyxl_reads_it():
    data = workbook_bytes()

    rows = ours(data)

    assert rows == openpyxls(data)
    assert rows[1] == ("Mật ong rừng", None, "Cà phê rang_mộc", "Trà Shan")
    assert rows[3][:7] == (
        True,
        "#N/A",
        "MO-1",
        datetime.datetime(2023, 3, 15, 12, 0),
        1500.0,
        datetime.datetime(2024, 5, 1, 10, 0),
        125000,
    )
    assert rows[3][7:] == (None, "#VALUE!", None)
    assert rows[4] == (None, 7)
    assert 2 not in rows  # numbered before a row already read: openpyxl leaves it out
    assert rows[7] == (1,)  # as wide as its last cell
    assert rows[8][-1] == "far right" and len(rows[8]) == 28


def test_streamed_workbooks_read_as_openpyxl_reads_them():
    data = streamed_bytes()

    rows = ours(data)

    assert rows == openpyxls(data)
    assert rows[2] == ("MO-1", "Mật ong\nrừng", 125000, datetime.datetime(2024, 5, 1, 8, 30))
    assert rows[4][2] is True
