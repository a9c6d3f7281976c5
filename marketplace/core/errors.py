"""Domain errors: raised by services, turned into `errors { field message code }` by the API."""

from enum import StrEnum


class DomainError(Exception):
    """An error a user can act on: `message` is translated, `code` a stable enum value."""

    def __init__(self, message: str, *, code: StrEnum | str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = str(code)
        self.field = field
