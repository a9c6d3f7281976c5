"""Folding Vietnamese for search gives exactly what the plain definition gives, however typed."""

import random
import unicodedata

import pytest

from marketplace.core.text import (
    _alphabet_letters,
    fold_vietnamese,
    search_terms,
    vietnamese_collation_key,
)

SPECIAL_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss"})
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
OTHERS = (
    " .,;:!?-_/()[]'\"0123456789\t\n\u00a0\u2003ßðøłÐØŁİΣςЖ中文日本語한국어ÆæŒœÅåÇçÑñÜüẞ½²①ﬁ"
    # dotless i, Greek sigma, Cyrillic a and be, full-width A, lone combining marks
    "\u0131\u03c3\u0430\u0431\uff21\u0307\u0345\u20dd"
)


def folded_by_definition(text: str) -> str:
    """Decompose, drop the combining marks, lower-case, keep [0-9a-z] words."""
    decomposed = unicodedata.normalize("NFD", text.translate(SPECIAL_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(
        "".join(
            ch if ch in "0123456789abcdefghijklmnopqrstuvwxyz" else " " for ch in stripped
        ).split()
    )


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 10)):
        if rng.random() < 0.7:
            word = "".join(
                rng.choice(LETTERS) + rng.choice(TONES) for _ in range(rng.randint(1, 7))
            )
            form = rng.choice(["NFC", "NFD", "NFKC", None])
            parts.append(unicodedata.normalize(form, word) if form else word)
        else:
            parts.append("".join(rng.choice(OTHERS) for _ in range(rng.randint(1, 4))))
    return rng.choice(["", " ", "  "]).join(parts)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Mật ong Đắk Lắk", "mat ong dak lak"),
        (unicodedata.normalize("NFD", "Mật ong Đắk Lắk"), "mat ong dak lak"),
        ("  Cà phê, rang-mộc!! 500g ", "ca phe rang moc 500g"),
        ("Phở bò ĐẶC BIỆT", "pho bo dac biet"),
        ("茶 và 咖啡", "va"),
        ("", ""),
    ],
)
def test_vietnamese_folds_to_plain_words(text, folded):
    assert fold_vietnamese(text) == folded


def test_folding_matches_the_definition_on_random_text():
    rng = random.Random(20260101)
    for _ in range(3000):
        text = random_text(rng)
        assert fold_vietnamese(text) == folded_by_definition(text), repr(text)


def test_folding_matches_the_definition_for_any_character():
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(chr(rng.randrange(0x30000)) for _ in range(rng.randint(1, 12)))
        text = "".join(ch for ch in text if not 0xD800 <= ord(ch) < 0xE000)
        assert fold_vietnamese(text) == folded_by_definition(text), repr(text)


def test_search_terms_are_folded_once_each_in_order():
    assert search_terms("Mật ong MẬT ONG rừng") == ["mat", "ong", "rung"]


def test_collation_key_spells_out_the_alphabet_letters_on_random_text():
    rng = random.Random(31)
    for _ in range(3000):
        text = random_text(rng)
        letters = "".join(f"{letter}{rank}" for letter, rank in _alphabet_letters(text))
        assert vietnamese_collation_key(text) == letters, repr(text)


def test_collation_key_orders_vietnamese_letters():
    names = ["Đu đủ", "Dưa", "Ăn", "Ân", "An", "Ớt", "Ông", "Ô mai"]
    assert sorted(names, key=vietnamese_collation_key) == [
        "An",
        "Ăn",
        "Ân",
        "Dưa",
        "Đu đủ",
        "Ô mai",
        "Ông",
        "Ớt",
    ]
