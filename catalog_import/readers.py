"""Reading import sheets row by row, from XLSX (see `catalog_import.xlsx`) or CSV, without loading
the whole file: an import of 100,000 rows holds one row at a time.

CSV files may be UTF-8 with or without a byte-order mark, or UTF-16 as Excel writes "Unicode
text"; the delimiter is a comma, a semicolon (Excel with a Vietnamese locale) or a tab. A sheet can
be read more than once: the importer validates every row before it writes, then reads again.
"""

import codecs
import csv
import io
import os
import zipfile
from collections.abc import Iterator
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.utils.translation import gettext as _

from catalog_import import xlsx
from catalog_import.columns import COLUMNS_BY_KEY, REQUIRED_COLUMNS, Col, column_for_header
from catalog_import.errors import CatalogImportErrorCode as Code
from catalog_import.errors import ImportRejected

XLSX, CSV = "xlsx", "csv"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (.xls) and other old Office files
_TEXT_EXTENSIONS = {".csv", ".txt", ".tsv", ""}
_XLSX_EXTENSIONS = {".xlsx", ".xlsm"}
# A real XLSX unpacks to a few times its size; far more is a ZIP bomb.
_XLSX_MAX_EXPANSION = 20


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int  # as the spreadsheet shows it: the header is row 1
    cells: dict[Col, object]


@dataclass
class Sheet:
    """An opened import file: its recognised headers and a way to read its rows (again)."""

    file: BinaryIO
    format: str
    name: str
    headers: dict[Col, str] = field(default_factory=dict)
    unknown_headers: list[str] = field(default_factory=list)
    max_rows: int = 0
    _positions: dict[Col, int] = field(default_factory=dict)
    _header_row: int = 0
    _owns_file: bool = False
    _workbook: xlsx.Workbook | None = None

    def header(self, key: Col, language: str = "vi") -> str:
        """The header as the file wrote it, or the template's label when the column is absent."""
        return self.headers.get(key) or COLUMNS_BY_KEY[key].label(language)

    def rows(self) -> Iterator[SheetRow]:
        """The non-empty rows below the header, each as {column: raw value}."""
        count = 0
        for number, values in self._raw_rows():
            if number <= self._header_row:
                continue
            cells = {
                key: values[index] if index < len(values) else None
                for key, index in self._positions.items()
            }
            if all(_is_blank(value) for value in cells.values()):
                continue
            count += 1
            if self.max_rows and count > self.max_rows:
                raise ImportRejected(
                    _("The sheet has more than %(limit)s rows; split it into several files.")
                    % {"limit": f"{self.max_rows:,}"},
                    code=Code.TOO_MANY_ROWS,
                )
            yield SheetRow(number, cells)

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None
        if self._owns_file:
            self.file.close()

    def __enter__(self) -> "Sheet":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _raw_rows(self) -> Iterator[tuple[int, tuple]]:
        if self.format == XLSX:
            # Opened once for the header and every reading of the rows.
            if self._workbook is None:
                self.file.seek(0)
                self._workbook = _open_workbook(self.file)
            return _xlsx_rows(self._workbook)
        self.file.seek(0)
        return _csv_rows(self.file)

    def _read_header(self) -> None:
        with closing(self._raw_rows()) as raw_rows:
            for number, values in raw_rows:
                if not all(_is_blank(value) for value in values):
                    self._map_header(number, values)
                    break
        if not self._header_row:
            raise ImportRejected(_("The sheet is empty."), code=Code.MISSING_COLUMN)
        missing = [column for column in REQUIRED_COLUMNS if column.key not in self.headers]
        if missing:
            names = ", ".join(f"“{column.label_vi}” / “{column.label_en}”" for column in missing)
            raise ImportRejected(
                _(
                    "The sheet has no column for %(columns)s. Use the headers of the template "
                    "(Vietnamese or English) in the first row."
                )
                % {"columns": names},
                code=Code.MISSING_COLUMN,
            )

    def _map_header(self, number: int, values: tuple) -> None:
        self._header_row = number
        for index, value in enumerate(values):
            text = _cell_text(value)
            if not text:
                continue
            key = column_for_header(text)
            if key is None:
                self.unknown_headers.append(text)
            elif key in self.headers:
                raise ImportRejected(
                    _("Two columns, “%(first)s” and “%(second)s”, mean the same thing; keep one.")
                    % {"first": self.headers[key], "second": text},
                    code=Code.INVALID,
                )
            else:
                self.headers[key] = text
                self._positions[key] = index


def open_sheet(
    source: str | os.PathLike | BinaryIO,
    *,
    name: str | None = None,
    max_bytes: int,
    max_rows: int = 0,
) -> Sheet:
    """Open an import file and read its header row.

    `source` is a path or a seekable binary file; `name` (the uploaded file's name) decides
    between XLSX and CSV together with the file's first bytes. Raises `ImportRejected` for files
    over `max_bytes`, files of another type and sheets without the required columns.
    """
    owns_file = isinstance(source, str | os.PathLike)
    file: BinaryIO = open(source, "rb") if owns_file else source  # noqa: SIM115
    name = name or (os.fspath(source) if owns_file else getattr(source, "name", "")) or ""
    try:
        sheet = Sheet(
            file=file,
            format=_detect_format(file, name, max_bytes),
            name=Path(name).name,
            max_rows=max_rows,
            _owns_file=owns_file,
        )
    except BaseException:
        if owns_file:
            file.close()
        raise
    try:
        sheet._read_header()
    except BaseException:
        sheet.close()
        raise
    return sheet


def file_size(file: BinaryIO) -> int:
    position = file.tell()
    file.seek(0, io.SEEK_END)
    size = file.tell()
    file.seek(position)
    return size


def _detect_format(file: BinaryIO, name: str, max_bytes: int) -> str:
    size = file_size(file)
    if size > max_bytes:
        raise ImportRejected(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": _megabytes(size), "limit": _megabytes(max_bytes)},
            code=Code.FILE_TOO_LARGE,
        )
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    extension = Path(name).suffix.lower()
    if head.startswith(_OLE_MAGIC):
        raise ImportRejected(
            _("Old Excel files (.xls) cannot be read. In Excel, save the sheet as .xlsx."),
            code=Code.UNSUPPORTED_FILE,
        )
    if head.startswith(_ZIP_MAGIC):
        _check_xlsx_package(file, max_bytes)
        return XLSX
    if extension in _XLSX_EXTENSIONS:
        raise ImportRejected(
            _("The file is named .xlsx but is not an Excel workbook."),
            code=Code.UNREADABLE_FILE,
        )
    if extension not in _TEXT_EXTENSIONS:
        raise ImportRejected(_unsupported_message(), code=Code.UNSUPPORTED_FILE)
    return CSV


def _unsupported_message() -> str:
    return _(
        "Upload the sheet as an Excel workbook (.xlsx) or as CSV (.csv). In Google Sheets: "
        "File > Download > Microsoft Excel or CSV."
    )


def _check_xlsx_package(file: BinaryIO, max_bytes: int) -> None:
    try:
        with zipfile.ZipFile(file) as package:
            names = set(package.namelist())
            expanded = sum(info.file_size for info in package.infolist())
    except zipfile.BadZipFile as error:
        raise ImportRejected(
            _("The workbook is damaged and cannot be read."), code=Code.UNREADABLE_FILE
        ) from error
    finally:
        file.seek(0)
    if "xl/workbook.xml" not in names:
        # A ZIP, but an OpenDocument sheet, a Word file or a plain archive.
        raise ImportRejected(_unsupported_message(), code=Code.UNSUPPORTED_FILE)
    if expanded > max_bytes * _XLSX_MAX_EXPANSION:
        raise ImportRejected(
            _("The workbook unpacks to more than %(limit)s MB.")
            % {"limit": _megabytes(max_bytes * _XLSX_MAX_EXPANSION)},
            code=Code.FILE_TOO_LARGE,
        )


def _open_workbook(file: BinaryIO) -> xlsx.Workbook:
    try:
        return xlsx.Workbook(file)
    except Exception as error:  # openpyxl raises many kinds for a damaged package
        raise ImportRejected(
            _("The workbook is damaged and cannot be read."), code=Code.UNREADABLE_FILE
        ) from error


def _xlsx_rows(workbook: xlsx.Workbook) -> Iterator[tuple[int, tuple]]:
    try:
        yield from workbook.rows()
    except xlsx.NoWorksheet:
        raise ImportRejected(_("The workbook has no sheet."), code=Code.MISSING_COLUMN) from None


def _csv_rows(file: BinaryIO) -> Iterator[tuple[int, tuple]]:
    head = file.read(64 * 1024)
    file.seek(0)
    encoding = _detect_encoding(head)
    text = io.TextIOWrapper(file, encoding=encoding, newline="")
    number = 0
    try:
        first = text.readline()
        delimiter = None
        if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
            delimiter = first.strip()[4]  # Excel's "sep=;" hint line
        else:
            text.seek(0)
        reader = csv.reader(text, delimiter=delimiter or _detect_delimiter(first))
        for values in reader:
            number += 1
            yield number, tuple(values)
    except UnicodeDecodeError as error:
        raise ImportRejected(
            _(
                "Line %(line)s of the file is not UTF-8 text. In Excel, save the sheet as “CSV "
                "UTF-8” (File > Save as); Google Sheets always does."
            )
            % {"line": _first_undecodable_line(file, encoding)},
            code=Code.UNREADABLE_FILE,
        ) from error
    except csv.Error as error:
        raise ImportRejected(
            _("Row %(row)s cannot be read as CSV: %(error)s") % {"row": number + 1, "error": error},
            code=Code.UNREADABLE_FILE,
        ) from error
    finally:
        # The file belongs to the caller: let go of it without closing it.
        with suppress(ValueError):
            text.detach()


def _first_undecodable_line(file: BinaryIO, encoding: str) -> int:
    """The number of the first line that `encoding` cannot decode (text readers decode whole
    blocks, so the error itself does not say)."""
    file.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    for number, line in enumerate(file, start=1):
        try:
            decoder.decode(line)
        except UnicodeDecodeError:
            return number
    return 1


def _detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if sample and sample.count(0) * 4 >= len(sample):
        # UTF-16 without a byte-order mark: ASCII letters leave every other byte zero.
        return "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
    return "utf-8"


def _detect_delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.2f}"
