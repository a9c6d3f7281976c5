"""Reading one cell: texts, prices in dong, whole numbers, weights and yes/no, written the many
ways people write them in Vietnamese and English sheets."""

import datetime
import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from catalog_import.errors import CatalogImportErrorCode as Code
from marketplace.core.money import format_vnd
from marketplace.core.text import fold_vietnamese

MAX_PRICE = 10_000_000_000  # ten billion dong: a typo rather than a product
MAX_QUANTITY = 1_000_000_000
MAX_WEIGHT_GRAMS = 1_000_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_CURRENCY = re.compile(r"(₫|vnđ|vnd|đồng|dong|đ|d)\.?$", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:([.,\u00a0 \u2019'])\d{3})(?:\1\d{3})*$")
_DECIMAL_ZEROS = re.compile(r"^(.*\d)[.,]0{1,2}$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$")
_WEIGHT = re.compile(r"^(?P<number>[+-]?[\d.,]+)\s*(?P<unit>kg|kilogram|g|gr|gram|gam)?$")

YES = frozenset({"co", "yes", "y", "x", "true", "1", "dang", "dang ban", "publish", "c"})
NO = frozenset({"khong", "no", "n", "false", "0", "an", "k", "ko"})


class CellError(ValueError):
    """A cell that cannot be read; `message` says how to write it."""

    def __init__(self, message: str, code: str = Code.INVALID):
        super().__init__(message)
        self.message = message
        self.code = code


def text(value: object, *, multiline: bool = False) -> str:
    """The cell as text: composed Unicode (NFC), no control characters, trimmed; single-line
    texts have their runs of spaces collapsed, long texts keep their line breaks."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a SKU or a code typed as a number: 1001, not 1001.0
    if isinstance(value, datetime.datetime | datetime.date):
        value = value.isoformat()
    result = unicodedata.normalize("NFC", str(value))
    if result.isprintable() and "  " not in result:
        # Most cells: no control character, line break, tab or run of spaces to clean.
        return result.strip()
    if multiline:
        result = result.replace("\r\n", "\n").replace("\r", "\n")
        result = _CONTROL.sub("", result)
        lines = [line.rstrip() for line in result.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return _SPACES.sub(" ", _CONTROL.sub("", result)).strip()


def price(value: object) -> int:
    """A price in whole dong from "125000", "125.000", "125,000", "125.000 ₫" or a number cell."""
    amount = _whole_number(value, currency=True)
    if amount < 0:
        raise CellError(_("The price cannot be negative."))
    if amount == 0:
        raise CellError(_("The price must be more than 0 ₫."))
    if amount > MAX_PRICE:
        raise CellError(
            _("The price is more than %(limit)s; check the number.")
            % {"limit": format_vnd(MAX_PRICE)}
        )
    return amount


def quantity(value: object) -> int:
    """A stock quantity: a whole number, not negative; an empty cell is 0."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    amount = _whole_number(value, currency=False)
    if amount < 0:
        raise CellError(_("Stock cannot be negative."))
    if amount > MAX_QUANTITY:
        raise CellError(_("The stock is too large; check the number."))
    return amount


def weight_grams(value: object) -> int | None:
    """Grams from "700", "700 g", "0,7 kg" or a number cell; None for an empty cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _weight_error(value)
    if isinstance(value, int | float):
        number, unit = Decimal(str(value)), "g"
    else:
        match = _WEIGHT.match(_SPACES.sub(" ", text(value).lower()))
        if not match:
            raise _weight_error(value)
        unit = match["unit"] or "g"
        if not unit.startswith("k") and _GROUPED.match(match["number"]):
            number = Decimal(re.sub(r"\D", "", match["number"]))  # "1.200 g" is 1200 g
        else:
            number = _decimal(match["number"])
        if number is None:
            raise _weight_error(value)
    grams = number * 1000 if unit.startswith("k") else number
    if grams < 0:
        raise CellError(_("The weight cannot be negative."))
    if grams > MAX_WEIGHT_GRAMS:
        raise CellError(_("The weight is more than 1,000 kg; write it in grams."))
    return int(grams.to_integral_value())


def yes_no(value: object, *, empty: bool | None = None) -> bool | None:
    """True for yes/có/x/1, False for no/không/0; `empty` for an empty cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return empty
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    answer = _answer(str(value))
    if answer is None:
        raise CellError(_("Write yes or no (có or không)."))
    return answer


@functools.lru_cache(maxsize=256)
def _answer(written: str) -> bool | None:
    # A sheet writes yes and no the same few ways on every row: fold each way once.
    folded = fold_vietnamese(written)
    if folded in YES:
        return True
    if folded in NO:
        return False
    return None


def decimal_number(raw: str) -> Decimal | None:
    """A number written with a decimal point or comma ("0,5", "1.25"); None when it is not one."""
    return _decimal(raw.strip())


def _whole_number(value: object, *, currency: bool) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise CellError(_("This cell is required."), Code.REQUIRED)
    if isinstance(value, bool):
        raise _number_error(value, currency)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise _fraction_error(value, currency)
        return int(value)
    raw = _SPACES.sub(" ", text(value)).replace("\u00a0", " ")
    if currency:
        raw = _CURRENCY.sub("", raw.strip()).strip()
    negative = raw.startswith("-")
    raw = raw.lstrip("+-").strip()
    zeros = _DECIMAL_ZEROS.match(raw)
    if zeros and not _GROUPED.match(raw):
        raw = zeros[1]  # "125000.00" or "125.000,00": the decimals are zero
    if raw.isdigit():
        amount = int(raw)
    elif _GROUPED.match(raw):
        amount = int(re.sub(r"\D", "", raw))
    elif _NUMBER.match(raw):
        raise _fraction_error(value, currency)
    else:
        raise _number_error(value, currency)
    return -amount if negative else amount


def _decimal(raw: str) -> Decimal | None:
    if not _NUMBER.match(raw):
        return None
    try:
        return Decimal(raw.replace(",", "."))
    except InvalidOperation:
        return None


def _number_error(value: object, currency: bool) -> CellError:
    if currency:
        return CellError(
            _("“%(value)s” is not a price. Write it in dong, like 125000 or 125.000 ₫.")
            % {"value": value}
        )
    return CellError(_("“%(value)s” is not a whole number.") % {"value": value})


def _fraction_error(value: object, currency: bool) -> CellError:
    if currency:
        return CellError(
            _("“%(value)s” has decimals; prices in dong are whole numbers, like 125000.")
            % {"value": value}
        )
    return CellError(_("“%(value)s” is not a whole number.") % {"value": value})


def _weight_error(value: object) -> CellError:
    return CellError(
        _("“%(value)s” is not a weight. Write grams (700) or kilograms (0,7 kg).")
        % {"value": value}
    )
