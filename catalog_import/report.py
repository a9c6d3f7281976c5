"""The import report as a file people open in Excel: one line per problem, row and column first.

Cells come from the uploaded sheet, so a cell such as `=HYPERLINK(...)` or `+cmd|...` would run as
a formula when the report is opened. Every cell that begins with = + - @ (or a tab or carriage
return, which spreadsheet programs skip) is written with a leading apostrophe, which makes it
plain text.
"""

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from django.utils.translation import gettext as _

from catalog_import.errors import Problem, Severity

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> object:
    """`value` made safe for a spreadsheet cell: texts that would start a formula are quoted."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def report_rows(problems: Iterable[Problem]) -> Iterable[list]:
    """The report as rows of cells, headers first, escaped."""
    yield [_("Row"), _("Column"), _("SKU"), _("Severity"), _("Problem"), _("Value"), _("Code")]
    severities = {
        Severity.ERROR: _("Error"),
        Severity.WARNING: _("Warning"),
        Severity.INFO: _("Note"),
    }
    for problem in problems:
        cells = [
            problem.row if problem.row is not None else "",
            problem.column,
            problem.sku,
            severities.get(problem.severity, problem.severity),
            problem.message,
            problem.value,
            str(problem.code),
        ]
        yield [escape_cell(cell) for cell in cells]


def write_report(
    problems: Iterable[Problem],
    target: str | os.PathLike | BinaryIO,
    *,
    file_format: str | None = None,
) -> None:
    """Write the report as CSV (UTF-8 with a byte-order mark, which Excel needs to show
    Vietnamese) or XLSX; `file_format` defaults to the target file's extension."""
    file_format = (file_format or Path(getattr(target, "name", target)).suffix.lstrip(".")).lower()
    if file_format not in {"csv", "xlsx"}:
        raise ValueError(_("Write the report to a .csv or .xlsx file."))
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as file:
            _write(problems, file, file_format)
    else:
        _write(problems, target, file_format)


def _write(problems: Iterable[Problem], file: BinaryIO, file_format: str) -> None:
    if file_format == "csv":
        text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
        try:
            csv.writer(text).writerows(report_rows(problems))
            text.flush()
        finally:
            text.detach()
        return
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Report"))
    sheet.freeze_panes = "A2"
    for width, letter in zip((8, 22, 18, 12, 80, 30, 20), "ABCDEFG", strict=True):
        sheet.column_dimensions[letter].width = width
    rows = iter(report_rows(problems))
    header = []
    for title in next(rows):
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        # Plain strings: openpyxl would otherwise store "=..." as a formula.
        sheet.append([_text_cell(sheet, value) for value in row])
    workbook.save(file)


def _text_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
