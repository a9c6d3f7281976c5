"""The demo's menus: "navbar" (the storefront's header) and "footer"."""

from dataclasses import dataclass, field

from marketplace.demo.pages import ABOUT, PRIVACY


@dataclass(frozen=True)
class DemoMenuItem:
    """A link to one category, the collection or one page; names come from the target when empty.

    An item with no target is a heading for its children.
    """

    name: str = ""
    name_en: str = ""
    category: str | None = None
    collection: bool = False
    page: str | None = None
    children: tuple["DemoMenuItem", ...] = field(default=())


def _category(slug: str, *children: DemoMenuItem) -> DemoMenuItem:
    return DemoMenuItem(category=slug, children=children)


MENUS = {
    "navbar": (
        "Thanh điều hướng",
        (
            _category(
                "thuc-pham",
                _category("mat-ong"),
                _category("ca-phe-hat"),
                _category("gia-vi-mam"),
                _category("dac-san-vung-mien"),
            ),
            _category("do-uong", _category("tra"), _category("ruou-nuoc-uong")),
            _category("duoc-lieu"),
            _category("det-may-tho-cam"),
            _category("thu-cong-my-nghe", _category("may-tre-dan"), _category("gom")),
            DemoMenuItem("Quà Tết", "Tết gifts", collection=True),
            DemoMenuItem(page=ABOUT),
        ),
    ),
    "footer": (
        "Chân trang",
        (
            DemoMenuItem(
                "Chương trình",
                "The programme",
                children=(DemoMenuItem(page=ABOUT), DemoMenuItem(page=PRIVACY)),
            ),
            DemoMenuItem(
                "Mua sắm",
                "Shop",
                children=(
                    _category("thuc-pham"),
                    _category("do-uong"),
                    _category("duoc-lieu"),
                    _category("det-may-tho-cam"),
                    _category("thu-cong-my-nghe"),
                    DemoMenuItem(collection=True),
                ),
            ),
        ),
    ),
}
