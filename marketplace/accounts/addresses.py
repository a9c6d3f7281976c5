"""Vietnamese postal addresses: what a valid one looks like, and its normal form.

Since 1 July 2025 an address names a ward, commune or special zone (stored in `city`) directly
under one of the 34 provinces and cities (stored in `country_area`); districts are gone. Account
addresses and checkout addresses go through `clean_address`, so they follow the same rules and
are stored with the official names, whatever spelling people typed.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from vietnam_provinces import Province

from marketplace.accounts.errors import AccountErrorCode, AccountErrors
from marketplace.core.errors import DomainError
from marketplace.core.provinces import (
    find_province,
    find_wards,
    provinces_with_ward,
    short_province_name,
    wards_of,
)
from marketplace.core.text import fold_vietnamese

COUNTRY = "VN"
COUNTRY_NAME = gettext_lazy("Viet Nam")

# Model field -> API field, in the order people fill them in.
API_FIELDS = {
    "first_name": "firstName",
    "last_name": "lastName",
    "company_name": "companyName",
    "street_address_1": "streetAddress1",
    "street_address_2": "streetAddress2",
    "city": "city",
    "city_area": "cityArea",
    "postal_code": "postalCode",
    "country": "country",
    "country_area": "countryArea",
    "phone": "phone",
}
# Free-text fields; the others are replaced by short official values or checked by pattern.
MAX_LENGTHS = {
    "first_name": 256,
    "last_name": 256,
    "company_name": 256,
    "street_address_1": 256,
    "street_address_2": 256,
    "city_area": 128,
}
# A courier needs a name, a street, the ward and the province, and a phone to call.
REQUIRED = {
    "first_name": gettext_lazy("Enter the recipient's given name."),
    "last_name": gettext_lazy("Enter the recipient's family name."),
    "street_address_1": gettext_lazy("Enter the house number and street."),
    "city": gettext_lazy("Enter the ward or commune."),
    "country_area": gettext_lazy("Enter the province or city."),
    "phone": gettext_lazy("Enter a phone number the courier can call."),
}
# Postal codes have had five digits since 2018.
POSTAL_CODE = re.compile(r"^\d{5}$")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")


class InvalidAddress(AccountErrors):
    """An address with problems; `errors` lists every one (field names as in the API)."""


def normalize_phone(text: str) -> str | None:
    """A Vietnamese phone number in E.164 form ("+84912345678"), or None if `text` is not one.

    Accepts the national form ("0912 345 678"), +84 and 0084 forms, with spaces, dots or dashes.
    Mobile numbers have 9 digits after the trunk 0 (first digit 3, 5, 7, 8 or 9); landlines 10
    (first digit 2).
    """
    digits = _PHONE_SEPARATORS.sub("", text or "")
    for prefix in ("+84", "0084", "0"):
        if digits.startswith(prefix):
            national = digits[len(prefix) :]
            break
    else:
        if digits.startswith("84") and len(digits) in (11, 12):
            national = digits[2:]
        else:
            return None
    if not national.isdigit():
        return None
    is_mobile = len(national) == 9 and national[0] in "35789"
    is_landline = len(national) == 10 and national[0] == "2"
    return f"+84{national}" if is_mobile or is_landline else None


def clean_address(data: Mapping[str, object]) -> dict[str, str]:
    """Return `data` (model field names to values) as a valid Vietnamese address in normal form.

    The province and the ward are replaced by their official names, the phone number is written
    in E.164 form and the country is "VN". Raises `InvalidAddress` listing every problem.
    """
    values = {name: str(data.get(name) or "").strip() for name in API_FIELDS}
    values["country"] = (values["country"] or COUNTRY).upper()
    errors: list[DomainError] = []

    def problem(name: str, message: str, code=AccountErrorCode.INVALID) -> None:
        errors.append(DomainError(message, code=code, field=API_FIELDS[name]))

    for name, message in REQUIRED.items():
        if not values[name]:
            problem(name, str(message), AccountErrorCode.REQUIRED)
    for name, limit in MAX_LENGTHS.items():
        if len(values[name]) > limit:
            problem(name, _("Enter at most %(limit)d characters.") % {"limit": limit})

    if values["country"] != COUNTRY:
        problem("country", _("We deliver only within Viet Nam: choose Viet Nam (VN)."))
    elif values["country_area"]:
        province = find_province(values["country_area"])
        if province is None:
            problem(
                "country_area",
                _(
                    "“%(value)s” is not one of the 34 provinces and cities in force since "
                    "1 July 2025."
                )
                % {"value": values["country_area"]},
            )
        else:
            values["country_area"] = province.name
            if values["city"]:
                ward_error = _check_ward(province, values)
                if ward_error:
                    problem("city", ward_error)

    if values["phone"]:
        phone = normalize_phone(values["phone"])
        if phone is None:
            problem(
                "phone",
                _("Enter a Vietnamese phone number, for example 0912 345 678 or +84 912 345 678."),
            )
        else:
            values["phone"] = phone
    if values["postal_code"] and not POSTAL_CODE.match(values["postal_code"]):
        problem("postal_code", _("A Vietnamese postal code has 5 digits, for example 10000."))

    if errors:
        raise InvalidAddress(errors)
    return values


def _check_ward(province: Province, values: dict[str, str]) -> str | None:
    """Put the ward's official name into `values`, or return what is wrong with it."""
    typed = values["city"]
    wards = find_wards(province, typed)
    if len(wards) == 1:
        values["city"] = wards[0].name
        return None
    if wards:
        return _(
            "Several wards and communes of %(province)s match “%(ward)s”: %(choices)s. "
            "Choose one of them."
        ) % {
            "province": province.name,
            "ward": typed,
            "choices": ", ".join(ward.name for ward in wards),
        }
    elsewhere = [p.name for p in provinces_with_ward(typed)]
    if elsewhere:
        return _(
            "“%(ward)s” is not a ward or commune of %(province)s; there is one in %(elsewhere)s. "
            "Check the province."
        ) % {"ward": typed, "province": province.name, "elsewhere": ", ".join(elsewhere)}
    return _(
        "“%(ward)s” is not a ward or commune of %(province)s (since 1 July 2025 wards and "
        "communes belong directly to a province; districts are gone)."
    ) % {"ward": typed, "province": province.name}


def address_province(country_area: str) -> Province | None:
    """The province of a stored address (e.g. to price delivery by province)."""
    return find_province(country_area)


@dataclass
class AddressRules:
    """What a Vietnamese address needs, in the vocabulary of Google's address data (as Saleor's
    `AddressValidationData`); `city_choices` lists the wards of the chosen province, if any."""

    country_code: str = COUNTRY
    country_name: str = ""
    address_format: str = "%N%n%O%n%A%n%D%n%C%n%S %Z"
    address_latin_format: str = "%N%n%O%n%A%n%D%n%C%n%S %Z"
    allowed_fields: list[str] = field(
        default_factory=lambda: [
            "name",
            "company_name",
            "street_address",
            "city_area",
            "city",
            "country_area",
            "postal_code",
        ]
    )
    required_fields: list[str] = field(
        default_factory=lambda: ["name", "street_address", "city", "country_area", "phone"]
    )
    upper_fields: list[str] = field(default_factory=list)
    country_area_type: str = "province"
    country_area_choices: list[tuple[str, str]] = field(default_factory=list)
    city_type: str = "ward"
    city_choices: list[tuple[str, str]] = field(default_factory=list)
    # Below the ward there are only villages and residential groups (thôn, ấp, tổ dân phố).
    city_area_type: str = "village_township"
    city_area_choices: list[tuple[str, str]] = field(default_factory=list)
    postal_code_type: str = "postal"
    postal_code_matchers: list[str] = field(default_factory=lambda: [POSTAL_CODE.pattern])
    postal_code_examples: list[str] = field(default_factory=lambda: ["10000", "70000"])
    postal_code_prefix: str = ""


def address_rules(*, country_area: str | None = None) -> AddressRules:
    """The rules for a Vietnamese address: the 34 provinces as country-area choices and, when
    `country_area` names one of them, its wards and communes as city choices."""
    provinces = sorted(
        Province.iter_all(), key=lambda p: fold_vietnamese(short_province_name(p.codename))
    )
    rules = AddressRules(
        country_name=str(COUNTRY_NAME),
        country_area_choices=[(p.name, p.name) for p in provinces],
    )
    province = find_province(country_area)
    if province is not None:
        rules.city_choices = [(ward.name, ward.name) for ward in wards_of(province)]
    return rules
