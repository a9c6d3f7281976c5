"""Cells as people write them: prices in dong, quantities, weights, yes and no."""

import pytest
from django.utils import translation

from catalog_import import cells
from catalog_import.cells import CellError


@pytest.mark.parametrize(
    "written",
    [
        "125000",
        "125.000",
        "125,000",
        "125.000 ₫",
        "125.000₫",
        "125 000",
        "125.000 đ",
        "125,000 VND",
        "125000.00",
        125000,
        125000.0,
    ],
)
def test_prices_are_read_in_whole_dong(written):
    assert cells.price(written) == 125000


def test_millions_with_several_groups():
    assert cells.price("1.250.000 ₫") == 1_250_000


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("-125000", "negative"),
        ("125.5", "decimals"),
        (125.5, "decimals"),
        ("abc", "not a price"),
        ("0", "more than 0"),
        ("1.25.000", "not a price"),
    ],
)
def test_wrong_prices_say_what_is_wrong(written, says):
    with translation.override("en"), pytest.raises(CellError) as caught:
        cells.price(written)
    assert says in caught.value.message


@pytest.mark.parametrize(
    ("written", "quantity"), [("10", 10), (10, 10), ("", 0), (None, 0), ("1.000", 1000)]
)
def test_stock(written, quantity):
    assert cells.quantity(written) == quantity


@pytest.mark.parametrize("written", ["-1", "2.5", "nhiều"])
def test_wrong_stock(written):
    with pytest.raises(CellError):
        cells.quantity(written)


@pytest.mark.parametrize(
    ("written", "grams"),
    [
        ("700", 700),
        ("700 g", 700),
        ("0,7 kg", 700),
        ("1.5kg", 1500),
        ("1.200 g", 1200),
        (700, 700),
        ("", None),
    ],
)
def test_weights(written, grams):
    assert cells.weight_grams(written) == grams


@pytest.mark.parametrize(
    ("written", "answer"),
    [
        ("có", True),
        ("Co", True),
        ("yes", True),
        ("x", True),
        (True, True),
        ("không", False),
        ("no", False),
        ("0", False),
    ],
)
def test_yes_no(written, answer):
    assert cells.yes_no(written) is answer


def test_text_is_composed_and_trimmed():
    decomposed = "Me\u0302\u0323t  ong "
    assert cells.text(decomposed) == "Mệt ong"
    assert cells.text(1001.0) == "1001"


@pytest.mark.parametrize(
    ("written", "single_line", "multiline"),
    [
        ("  Mật ong rừng ", "Mật ong rừng", "Mật ong rừng"),
        ("Mật  ong\trừng", "Mật ong rừng", "Mật  ong\trừng"),
        ("Mật\u00a0ong", "Mật ong", "Mật\u00a0ong"),
        ("Mật\x00 ong\x7f", "Mật ong", "Mật ong"),
        ("Đoạn một.  \r\n\r\n\r\nĐoạn hai. ", "Đoạn một. Đoạn hai.", "Đoạn một.\n\nĐoạn hai."),
        ("\u2003Trà\u3000Shan\u2028", "Trà Shan", "Trà\u3000Shan"),
    ],
)
def test_text_collapses_spaces_on_one_line_and_keeps_paragraphs(written, single_line, multiline):
    assert cells.text(written) == single_line
    assert cells.text(written, multiline=True) == multiline
