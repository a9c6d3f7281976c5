"""Every user-facing text exists in Vietnamese (the default) and English.

The English catalogs need no translations (the source strings are English); the Vietnamese ones
must translate every message, with nothing left fuzzy, and the compiled `.mo` files that ship in
the repository must say what their `.po` sources say.
"""

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

from marketplace.payments import registry

ROOT = Path(__file__).resolve().parent.parent
VIETNAMESE_CATALOGS = sorted(
    path for path in ROOT.glob("*/**/locale/vi/LC_MESSAGES/django.po") if ".venv" not in path.parts
)
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]*\}")


def test_the_project_has_vietnamese_catalogs():
    names = {path.relative_to(ROOT).as_posix() for path in VIETNAMESE_CATALOGS}
    assert "marketplace/locale/vi/LC_MESSAGES/django.po" in names
    assert "marketplace/accounts/locale/vi/LC_MESSAGES/django.po" in names


@pytest.mark.parametrize("path", VIETNAMESE_CATALOGS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_message_is_translated_into_vietnamese(path):
    catalog = polib.pofile(str(path))
    assert [e.msgid for e in catalog.untranslated_entries()] == []
    assert [e.msgid for e in catalog.fuzzy_entries()] == []
    assert [e.msgid for e in catalog.obsolete_entries()] == []
    assert len(catalog.translated_entries()) > 50


@pytest.mark.parametrize("path", VIETNAMESE_CATALOGS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_translations_keep_every_placeholder(path):
    wrong = []
    for entry in polib.pofile(str(path)).translated_entries():
        translations = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
        for msgstr in translations:
            if sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
                wrong.append(entry.msgid)
    assert wrong == []


@pytest.mark.parametrize("path", VIETNAMESE_CATALOGS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_compiled_catalog_matches_its_source(path):
    """A `.po` edited without `msgfmt` would leave the site speaking the old words."""
    with path.with_suffix(".mo").open("rb") as compiled:
        shipped = gettext.GNUTranslations(compiled)
    stale = []
    for entry in polib.pofile(str(path)).translated_entries():
        if entry.msgid_plural:
            found = shipped.ngettext(entry.msgid, entry.msgid_plural, 1)
            expected = entry.msgstr_plural[0]
        elif entry.msgctxt:
            found = shipped.pgettext(entry.msgctxt, entry.msgid)
            expected = entry.msgstr
        else:
            found = shipped.gettext(entry.msgid)
            expected = entry.msgstr
        if found != expected:
            stale.append(entry.msgid)
    assert stale == []


def test_texts_follow_the_active_language():
    with translation.override("vi"):
        assert registry.get_gateway("cod").name == "Thanh toán khi nhận hàng"
    with translation.override("en"):
        assert registry.get_gateway("cod").name == "Cash on delivery"


def test_the_api_answers_in_vietnamese_unless_asked_for_english(db, graphql_client):
    query = '{ collections(first: 1, channel: "khong-co") { totalCount } }'

    default = graphql_client(query)
    english = graphql_client(query, headers={"Accept-Language": "en"})

    assert [e["message"] for e in default.errors] == [
        "Không tồn tại kênh bán hàng có slug 'khong-co'."
    ]
    assert [e["message"] for e in english.errors] == [
        "Channel with 'khong-co' slug does not exist."
    ]
