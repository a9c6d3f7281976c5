"""The 34 provinces and cities of Viet Nam in force since 1 July 2025.

The list comes from the maintained `vietnam-provinces` package rather than being typed by hand. A
province is stored by its code name (for example "gia_lai") and shown by its Vietnamese name.
"""

from functools import cache

from vietnam_provinces import Province


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
