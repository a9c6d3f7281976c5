"""Reading the first worksheet of an XLSX workbook row by row, with the values openpyxl's
read-only mode gives (`iter_rows(values_only=True)`), in a fraction of its time.

openpyxl still reads the workbook's own parts: its sheets, its styles (which numbers are dates)
and its calendar. The cells and the shared strings are read here: openpyxl builds an object for
every string and every cell it reads, and opening a read-only worksheet parses the whole sheet
once more to find its size when the file does not say (many programs do not). For a sheet of
10,000 rows, that cost more than checking the rows.
"""

from collections.abc import Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element

from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse  # defusedxml's, when it is installed

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_INLINE_STRING = f"{{{SHEET_MAIN_NS}}}is"
_STRING = f"{{{SHEET_MAIN_NS}}}si"
_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_RUN = f"{{{SHEET_MAIN_NS}}}r"
_DIGITS = "0123456789"


class NoWorksheet(Exception):
    """The workbook has no worksheet (only chart sheets, or none at all)."""


class Workbook:
    """An opened XLSX package; `rows()` reads its first worksheet (again each time)."""

    def __init__(self, file: BinaryIO):
        reader = ExcelReader(file, read_only=True, data_only=True)
        try:
            reader.read_manifest()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            self._sheet = _first_worksheet(reader)
            self._strings = _shared_strings(reader)
        except BaseException:
            reader.archive.close()
            raise
        self._archive = reader.archive
        self._epoch = reader.wb.epoch
        self._dates = reader.wb._date_formats
        self._durations = reader.wb._timedelta_formats

    def close(self) -> None:
        self._archive.close()

    def rows(self) -> Iterator[tuple[int, tuple]]:
        """(row number, values) of each row the sheet holds, in order; a row holds the cells up
        to its last one, and rows the sheet leaves out are left out."""
        if self._sheet is None:
            raise NoWorksheet
        columns: dict[str, int] = {}
        last_number = 0
        number = 0
        with self._archive.open(self._sheet) as source:
            for _event, element in iterparse(source):
                if element.tag != _ROW:
                    continue
                number = _row_number(element.get("r"), number)
                if number > last_number:
                    # openpyxl skips a row numbered before one it has given.
                    last_number = number
                    yield number, self._values(element, columns)
                element.clear()

    def _values(self, row: Element, columns: dict[str, int]) -> tuple:
        cells = []
        column = 0
        for cell in row:
            reference = cell.get("r")
            if reference:
                letters = reference.rstrip(_DIGITS)
                column = columns.get(letters) or columns.setdefault(letters, _column(letters))
            else:
                column += 1
            cells.append((column, self._value(cell)))
        if not cells:
            return ()
        # As openpyxl: as wide as the column of the row's last cell.
        values = [None] * cells[-1][0]
        width = len(values)
        for column, value in cells:
            if 1 <= column <= width:
                values[column - 1] = value
        return tuple(values)

    def _value(self, cell: Element):
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            text = cell.find(_INLINE_STRING)
            return None if text is None else _plain_text(text)
        raw = cell.findtext(_VALUE)
        if not raw:
            return None
        if kind == "n":
            number = float(raw) if "." in raw or "E" in raw or "e" in raw else int(raw)
            style = cell.get("s")
            if style and int(style) in self._dates:
                try:
                    return from_excel(number, self._epoch, timedelta=int(style) in self._durations)
                except (OverflowError, ValueError):
                    return "#VALUE!"  # outside the calendar: openpyxl reads an error
            return number
        if kind == "s":
            return self._strings[int(raw)]
        if kind == "b":
            return bool(int(raw))
        if kind == "d":
            return from_ISO8601(raw)
        return raw  # "str" (a formula's text) and "e" (an error such as #N/A)


def _first_worksheet(reader: ExcelReader) -> str | None:
    for _sheet, relation in reader.parser.find_sheets():
        if relation.target in reader.valid_files and "chartsheet" not in relation.Type:
            return relation.target
    return None


def _shared_strings(reader: ExcelReader) -> list[str]:
    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return []
    strings = []
    with reader.archive.open(part.PartName[1:]) as source:
        for _event, element in iterparse(source):
            if element.tag == _STRING:
                strings.append(_plain_text(element).replace("x005F_", ""))
                element.clear()
    return strings


def _plain_text(element: Element) -> str:
    """The text of a string item (`si` or `is`): its own text and its runs' in order, without
    phonetic guides."""
    plain = None
    runs = []
    for child in element:
        if child.tag == _TEXT:
            plain = child.text
        elif child.tag == _RUN:
            text = None
            for part in child:
                if part.tag == _TEXT:
                    text = part.text
            if text is not None:
                runs.append(text)
    if plain is None:
        return "".join(runs)
    return plain + "".join(runs)


def _row_number(attribute: str | None, previous: int) -> int:
    if attribute is None:
        return previous + 1
    try:
        return int(attribute)
    except ValueError:
        number = float(attribute)
        if not number.is_integer():
            raise ValueError(f"{attribute} is not a valid row number") from None
        return int(number)


def _column(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number
