"""The report file: every problem with row and column, and no cell that runs as a formula."""

import csv
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from catalog_import.errors import Problem
from catalog_import.report import escape_cell, write_report

DANGEROUS = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_cells_that_would_start_a_formula_are_quoted(value):
    assert escape_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Mật ong", "125.000 ₫", "", 12, None])
def test_other_cells_are_left_as_they_are(value):
    assert escape_cell(value) == value


def problems() -> list[Problem]:
    return [
        Problem(row=3, column="Tên", message="Bắt buộc", code="REQUIRED", sku=value, value=value)
        for value in DANGEROUS
    ]


def test_csv_report_escapes_formulas_and_opens_in_excel(tmp_path):
    path = tmp_path / "report.csv"
    with translation.override("en"):
        write_report(problems(), path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Row", "Column", "SKU", "Severity", "Problem", "Value", "Code"]
    assert [r[2] for r in rows[1:]] == ["'" + value for value in DANGEROUS]
    assert rows[1][:2] == ["3", "Tên"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_xlsx_report_holds_texts_not_formulas(tmp_path):
    path = tmp_path / "report.xlsx"
    write_report(problems(), path)
    sheet = load_workbook(path).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert [row[2].value for row in sheet.iter_rows(min_row=2)] == [
        "'" + value for value in DANGEROUS
    ]
