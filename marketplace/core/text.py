"""Vietnamese text folding for search: "Mật ong Đắk Lắk" -> "mat ong dak lak"."""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and a combining mark.
_SPECIAL_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss"})
_WORD_CHARACTERS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")


def _fold_character(char: str) -> str:
    """What one character folds to: its base letters and digits, a space for anything else.

    Folding text character by character gives the same result as folding it whole: NFD
    decomposes each character on its own and only reorders the combining marks, which are
    dropped; lower-casing depends on context only for the Greek final sigma, a non-word
    character either way.
    """
    decomposed = unicodedata.normalize("NFD", char.translate(_SPECIAL_LETTERS))
    lowered = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return "".join(ch if ch in _WORD_CHARACTERS else " " for ch in lowered)


class _FoldTable(dict):
    """`str.translate` table from each character to `_fold_character`, filled as characters
    are met: folding then runs in C, every character of text looked up rather than decomposed."""

    def __missing__(self, code_point: int) -> str:
        folded = self[code_point] = _fold_character(chr(code_point))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_vietnamese(text: str) -> str:
    """Lower-case `text`, drop every diacritic (đ becomes d) and collapse punctuation to spaces.

    Works on composed (NFC) and decomposed (NFD) input alike, so text typed on any keyboard folds
    the same way; both the stored documents and the search queries go through this function.
    """
    if not text:
        return ""
    return " ".join(text.translate(_FOLD_TABLE).split())


def search_terms(text: str) -> list[str]:
    """Split a query into folded terms, dropping empty ones and duplicates (order kept)."""
    seen: dict[str, None] = {}
    for term in fold_vietnamese(text).split():
        seen.setdefault(term, None)
    return list(seen)


# Marks that make a letter of its own in the Vietnamese alphabet (ă â ê ô ơ ư), in its order.
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}


def _alphabet_letters(text: str) -> list[tuple[str, int]]:
    """Each letter of `text` as (base letter, rank in the alphabet among its variants), tones
    ignored: "ă" is ("a", 1), "â" ("a", 2), "đ" ("d", 1), "ơ" ("o", 3)."""
    letters: list[tuple[str, int]] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char == "đ":
            letters.append(("d", 1))
        elif char in _LETTER_MARKS and letters:
            letters[-1] = (letters[-1][0], _LETTER_MARKS[char])
        elif not unicodedata.combining(char):
            letters.append((char, 0))
    return letters


def vietnamese_sort_key(text: str) -> tuple:
    """Sort key in Vietnamese alphabetical order (a ă â b c d đ e ê ...), tones ignored.

    Plain code-point order would put every name starting with "Đ" after "Z".
    """
    return tuple(_alphabet_letters(text)), text


def vietnamese_collation_key(text: str) -> str:
    """The same order as `vietnamese_sort_key`, as a string that sorts byte by byte: the
    database orders by it (stored beside the name) with its binary collation."""
    # Each letter becomes itself and rank 0 ("đ" is "d1"), letter marks stay and other marks go,
    # all in C; then each run of letter marks turns the rank before it into its last mark's.
    keyed = unicodedata.normalize("NFD", text.lower()).translate(_COLLATION_TABLE)
    return _MARKED_RANK.sub(_marked_rank, keyed)


def _collation_character(char: str) -> str:
    if char == "đ":
        return "d1"
    if char in _LETTER_MARKS:
        return char
    return "" if unicodedata.combining(char) else f"{char}0"


class _CollationTable(dict):
    """`str.translate` table from each character to `_collation_character`, filled as met."""

    def __missing__(self, code_point: int) -> str:
        keyed = self[code_point] = _collation_character(chr(code_point))
        return keyed


_COLLATION_TABLE = _CollationTable()
# A letter's rank digit (absent before the first letter) and the letter marks that follow it.
_MARKED_RANK = re.compile("[01]?[" + "".join(_LETTER_MARKS) + "]+")


def _marked_rank(match: re.Match) -> str:
    marks = match[0]
    return str(_LETTER_MARKS[marks[-1]]) if marks[0] in "01" else ""


def slug_from(text: str) -> str:
    """A URL slug for Vietnamese text: "Đắk Lắk" -> "dak-lak" (Django's slugify drops "đ")."""
    return "-".join(fold_vietnamese(text).split())
