"""Error codes of the catalog import and the problems it reports, row by row."""

from dataclasses import asdict, dataclass
from enum import StrEnum

from marketplace.core.errors import DomainError


class CatalogImportErrorCode(StrEnum):
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    DUPLICATE = "DUPLICATE"
    NOT_FOUND = "NOT_FOUND"
    AMBIGUOUS = "AMBIGUOUS"
    UNKNOWN_COLUMN = "UNKNOWN_COLUMN"
    MISSING_COLUMN = "MISSING_COLUMN"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    TOO_MANY_ROWS = "TOO_MANY_ROWS"
    UNSUPPORTED_FILE = "UNSUPPORTED_FILE"
    UNREADABLE_FILE = "UNREADABLE_FILE"
    UNSAFE_ARCHIVE = "UNSAFE_ARCHIVE"
    IMAGE_NOT_FOUND = "IMAGE_NOT_FOUND"
    IMAGE_INVALID = "IMAGE_INVALID"
    CERTIFICATE_NOT_LINKED = "CERTIFICATE_NOT_LINKED"
    PROTECTED = "PROTECTED"
    PERMISSION_DENIED = "PERMISSION_DENIED"


class ImportRejected(DomainError):
    """The file as a whole cannot be imported (type, size, encoding, headers, unsafe ZIP)."""

    def __init__(self, message: str, *, code: CatalogImportErrorCode, field: str = "file"):
        super().__init__(message, code=code, field=field)


class Severity(StrEnum):
    ERROR = "error"  # the row is invalid and is not written
    WARNING = "warning"  # the row is written, but something in it was left out
    INFO = "info"  # nothing is wrong; the user should know


@dataclass(frozen=True, slots=True)
class Problem:
    """One line of the report. `row` is the spreadsheet row number (the header is row 1), or
    None for the file as a whole; `column` is the header as the file wrote it."""

    row: int | None
    column: str
    message: str
    code: str
    severity: str = Severity.ERROR
    sku: str = ""
    value: str = ""

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Problem":
        return cls(
            row=data.get("row"),
            column=data.get("column", ""),
            message=data.get("message", ""),
            code=data.get("code", CatalogImportErrorCode.INVALID),
            severity=data.get("severity", Severity.ERROR),
            sku=data.get("sku", ""),
            value=data.get("value", ""),
        )
