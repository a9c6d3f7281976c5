"""The 34 provinces and cities of Viet Nam in force since 1 July 2025.

The list comes from the maintained `vietnam-provinces` package rather than being typed by hand. A
province is stored by its code name (for example "gia_lai") and shown by its Vietnamese name.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from vietnam_provinces import Province, ProvinceCode, Ward

from marketplace.core.text import fold_vietnamese


@cache
def province_names() -> dict[str, str]:
    """Code name -> display name, e.g. {"gia_lai": "Gia Lai", "ha_noi": "Thành phố Hà Nội"}."""
    return {province.codename: province.name for province in Province.iter_all()}


def province_choices() -> list[tuple[str, str]]:
    return sorted(province_names().items(), key=lambda item: item[1])


def province_name(codename: str) -> str:
    return province_names().get(codename, codename)


def short_province_name(codename: str) -> str:
    """The name without the "Thành phố" prefix, as people say it: "Hà Nội", "Gia Lai"."""
    return province_name(codename).removeprefix("Thành phố ").removeprefix("Tỉnh ")


# --- Looking up what people type ---------------------------------------------------------------
# Addresses name the province and the ward (phường), commune (xã) or special zone (đặc khu) as
# people write them: with or without diacritics, with or without the "Tỉnh"/"Thành phố"/"Phường"
# prefix. Lookups fold both sides with `fold_vietnamese`; an exact spelling wins over a folded one
# because a few wards of one province differ only by their diacritics (Văn Lăng, Văn Lang).

_PROVINCE_PREFIXES = ("thanh pho ", "tinh ", "tp ")
# Names still in everyday use for a province whose official name changed.
_PROVINCE_ALIASES = {"hcm": "ho_chi_minh", "tphcm": "ho_chi_minh", "thua thien hue": "hue"}
# Prefixes people write before a ward's name, and the kind of unit each names.
_WARD_PREFIX = re.compile(
    r"^\s*(phường|phuong|p|xã|xa|x|đặc\s+khu|dac\s+khu|đk|thị\s+trấn|thi\s+tran|tt)(?:\.\s*|\s+)",
    re.IGNORECASE,
)
_WARD_KINDS = {"phuong": "phường", "p": "phường", "xa": "xã", "x": "xã", "dac khu": "đặc khu"}


def _province_key(text: str) -> str:
    folded = fold_vietnamese(text)
    for prefix in _PROVINCE_PREFIXES:
        if folded.startswith(prefix):
            return folded.removeprefix(prefix)
    return folded


@cache
def _provinces_by_key() -> dict[str, Province]:
    keys: dict[str, Province] = {}
    for province in Province.iter_all():
        keys[fold_vietnamese(province.codename)] = province
        keys[_province_key(province.name)] = province
    for alias, codename in _PROVINCE_ALIASES.items():
        keys[alias] = keys[fold_vietnamese(codename)]
    return keys


def find_province(text: str | None) -> Province | None:
    """The province or city named by `text` (code name, name, short name, any diacritics)."""
    if not text or not text.strip():
        return None
    return _provinces_by_key().get(_province_key(text))


def province_by_codename(codename: str) -> Province | None:
    return next((p for p in Province.iter_all() if p.codename == codename), None)


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class _WardName:
    ward: Ward
    kind: str  # "phường", "xã" or "đặc khu"
    exact: str  # the name without its prefix, composed and case-folded
    folded: str  # the same, without diacritics


@cache
def _ward_names(province_code: ProvinceCode) -> tuple[_WardName, ...]:
    names = []
    for ward in Ward.iter_by_province(province_code):
        kind = ward.division_type.value
        base = ward.name
        if _nfc(base).startswith(kind + " "):
            base = base[len(kind) + 1 :]
        names.append(_WardName(ward, kind, _nfc(base), fold_vietnamese(base)))
    return tuple(names)


def wards_of(province: Province) -> list[Ward]:
    """The wards, communes and special zones of `province`, sorted by name."""
    return sorted(
        (name.ward for name in _ward_names(province.code)), key=lambda w: fold_vietnamese(w.name)
    )


def _readings(text: str) -> list[tuple[str | None, str]]:
    """(kind, name) readings of `text`: with a recognised prefix taken off, then as written.

    "Thị trấn" (abolished in 2025) is still written before some communes' names: it is taken off
    without saying which kind of unit is meant.
    """
    text = unicodedata.normalize("NFC", text)
    readings: list[tuple[str | None, str]] = []
    match = _WARD_PREFIX.match(text)
    if match and text[match.end() :].strip():
        kind = _WARD_KINDS.get(fold_vietnamese(match.group(1)))
        readings.append((kind, text[match.end() :]))
    readings.append((None, text))
    return readings


def find_wards(province: Province, text: str | None) -> list[Ward]:
    """The wards of `province` that `text` names: one when it is clear, several when it is
    ambiguous, none when the province has no such ward."""
    if not text or not text.strip():
        return []
    names = _ward_names(province.code)
    for kind, name in _readings(text):
        exact, folded = _nfc(name), fold_vietnamese(name)
        for matches in (
            [n for n in names if n.exact == exact and kind in (None, n.kind)],
            [n for n in names if n.exact == exact],
            [n for n in names if n.folded == folded and kind in (None, n.kind)],
            [n for n in names if n.folded == folded],
        ):
            if matches:
                return [n.ward for n in matches]
    return []


def provinces_with_ward(text: str) -> list[Province]:
    """The provinces that have a ward named `text` (to tell people where theirs really is)."""
    return [p for p in Province.iter_all() if find_wards(p, text)]
