"""Vietnamese text folding for search: "Mật ong Đắk Lắk" -> "mat ong dak lak"."""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and a combining mark.
_SPECIAL_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold_vietnamese(text: str) -> str:
    """Lower-case `text`, drop every diacritic (đ becomes d) and collapse punctuation to spaces.

    Works on composed (NFC) and decomposed (NFD) input alike, so text typed on any keyboard folds
    the same way; both the stored documents and the search queries go through this function.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.lower()).strip()


def search_terms(text: str) -> list[str]:
    """Split a query into folded terms, dropping empty ones and duplicates (order kept)."""
    seen: dict[str, None] = {}
    for term in fold_vietnamese(text).split():
        seen.setdefault(term, None)
    return list(seen)
