"""Finding the categories and attribute values a sheet names, the way people type them: in
Vietnamese or English, with or without diacritics; and suggesting the closest name when nothing
matches."""

import difflib
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from catalog_import import cells
from catalog_import.cells import CellError
from catalog_import.errors import CatalogImportErrorCode as Code
from marketplace.catalog.models import (
    Attribute,
    AttributeInputType,
    AttributeTranslation,
    AttributeValue,
    AttributeValueTranslation,
    Category,
    CategoryTranslation,
)
from marketplace.core.text import fold_vietnamese, slug_from

_PAIR_SEPARATOR = re.compile(r"[;\n]")
_CHOICE_SEPARATOR = re.compile(r"[,|]")
_SUGGESTION_CUTOFF = 0.6
# Answers remembered per sheet: enough for every category and choice; texts that differ on every
# row of a large sheet stop being remembered.
_CACHE_LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class ValueSpec:
    """An attribute value a row asks for: an existing one, or one to create on writing.

    Values are told apart by (attribute, slug), as the database does.
    """

    attribute_id: int
    slug: str
    name: str
    on_variant: bool  # attributes that shoppers choose variants by belong to the variant
    plain_text: str | None = None
    boolean: bool | None = None

    @property
    def key(self) -> tuple[int, str]:
        return self.attribute_id, self.slug


class _Names:
    """Folded name -> the ids it may mean, with the text to show in a suggestion."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = defaultdict(set)
        self.display: dict[str, str] = {}

    def add(self, name: str, pk: int, display: str | None = None) -> None:
        folded = fold_vietnamese(name)
        if folded:
            self.ids[folded].add(pk)
            self.display.setdefault(folded, display or name)

    def find(self, name: str) -> set[int]:
        return self.ids.get(fold_vietnamese(name), set())

    def closest(self, name: str) -> str | None:
        matches = difflib.get_close_matches(
            fold_vietnamese(name), list(self.ids), n=1, cutoff=_SUGGESTION_CUTOFF
        )
        return self.display[matches[0]] if matches else None


class CategoryLookup:
    """All categories, by Vietnamese name, English name, slug, or "Parent > Name"."""

    def __init__(self) -> None:
        rows = {
            row["id"]: row for row in Category.objects.values("id", "name", "slug", "parent_id")
        }
        english = dict(
            CategoryTranslation.objects.filter(language_code="en")
            .exclude(name="")
            .values_list("category_id", "name")
        )
        self.names = _Names()
        self.paths: dict[int, str] = {}
        for pk, row in rows.items():
            parent = rows.get(row["parent_id"])
            self.paths[pk] = f"{parent['name']} > {row['name']}" if parent else row["name"]
            for name in filter(None, (row["name"], english.get(pk))):
                self.names.add(name, pk)
                if parent:
                    for parent_name in filter(None, (parent["name"], english.get(parent["id"]))):
                        self.names.add(f"{parent_name} > {name}", pk)
            self.names.add(row["slug"], pk, row["name"])
        self._cache: dict[str, int | CellError] = {}

    def resolve(self, raw: str) -> int:
        """The id of the category `raw` names; raises `CellError` with a suggestion otherwise."""
        # A sheet names a few categories many times: remember each answer, right or wrong.
        found = self._cache.get(raw)
        if found is None:
            found = self._resolve(raw)
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[raw] = found
        if isinstance(found, CellError):
            raise found
        return found

    def _resolve(self, raw: str) -> int | CellError:
        ids = self.names.find(raw)
        if len(ids) == 1:
            return next(iter(ids))
        if ids:
            examples = " / ".join(sorted(f"“{self.paths[pk]}”" for pk in ids))
            return CellError(
                _("Several categories are called “%(value)s”; write it with its parent: %(paths)s.")
                % {"value": raw, "paths": examples},
                Code.AMBIGUOUS,
            )
        suggestion = self.names.closest(raw)
        if suggestion:
            return CellError(
                _("There is no category “%(value)s”. Did you mean “%(suggestion)s”?")
                % {"value": raw, "suggestion": suggestion},
                Code.NOT_FOUND,
            )
        return CellError(
            _("There is no category “%(value)s”. The template's Categories sheet lists them.")
            % {"value": raw},
            Code.NOT_FOUND,
        )


@dataclass
class _Attribute:
    pk: int
    name: str
    slug: str
    input_type: str
    unit: str
    variant_selection: bool
    values: _Names | None = None
    value_rows: dict[int, dict] | None = None


class AttributeLookup:
    """Reads an attributes cell: "Xuất xứ: Gia Lai; Chất liệu: Sợi lanh, Tơ tằm".

    Choices (dropdown, multiselect) must be existing values; texts, numbers and yes/no become
    values of their attribute, created when the import writes.
    """

    def __init__(self) -> None:
        self.attributes: dict[int, _Attribute] = {
            row["id"]: _Attribute(
                pk=row["id"],
                name=row["name"],
                slug=row["slug"],
                input_type=row["input_type"],
                unit=row["unit"],
                variant_selection=row["variant_selection"],
            )
            for row in Attribute.objects.values(
                "id", "name", "slug", "input_type", "unit", "variant_selection"
            )
        }
        self.names = _Names()
        for attribute in self.attributes.values():
            self.names.add(attribute.name, attribute.pk)
            self.names.add(attribute.slug, attribute.pk, attribute.name)
        for pk, name in AttributeTranslation.objects.filter(language_code="en").values_list(
            "attribute_id", "name"
        ):
            self.names.add(name, pk)
        self._cache: dict[tuple[int, str], tuple[ValueSpec, ...] | CellError] = {}
        self._cells: dict[str, tuple[ValueSpec, ...] | CellError] = {}

    def parse(self, raw: str) -> tuple[ValueSpec, ...]:
        """The values a cell asks for, in order; raises `CellError` for the first problem."""
        found = self._cells.get(raw)
        if found is None:
            try:
                found = self._parse(raw)
            except CellError as error:
                found = error
            if len(self._cells) < _CACHE_LIMIT:
                self._cells[raw] = found
        if isinstance(found, CellError):
            raise found
        return found

    def _parse(self, raw: str) -> tuple[ValueSpec, ...]:
        specs: list[ValueSpec] = []
        seen: set[int] = set()
        for part in _PAIR_SEPARATOR.split(raw):
            part = part.strip()
            if not part:
                continue
            name, colon, value = part.partition(":")
            name, value = name.strip(), value.strip()
            if not colon or not name or not value:
                raise CellError(
                    _("Write attributes as “Name: value; Name: value” (“%(part)s” is not).")
                    % {"part": part}
                )
            attribute = self._attribute(name)
            if attribute.pk in seen:
                raise CellError(
                    _("“%(attribute)s” is given twice.") % {"attribute": attribute.name}
                )
            seen.add(attribute.pk)
            specs.extend(self._values(attribute, value))
        return tuple(specs)

    def _attribute(self, name: str) -> _Attribute:
        ids = self.names.find(name)
        if len(ids) == 1:
            return self.attributes[next(iter(ids))]
        if ids:
            raise CellError(
                _("Several attributes are called “%(value)s”.") % {"value": name}, Code.AMBIGUOUS
            )
        suggestion = self.names.closest(name)
        if suggestion:
            message = _("There is no attribute “%(value)s”. Did you mean “%(suggestion)s”?") % {
                "value": name,
                "suggestion": suggestion,
            }
        else:
            message = _(
                "There is no attribute “%(value)s”. The template's Attributes sheet lists them."
            ) % {"value": name}
        raise CellError(message, Code.NOT_FOUND)

    def _values(self, attribute: _Attribute, raw: str) -> tuple[ValueSpec, ...]:
        key = (attribute.pk, raw)
        found = self._cache.get(key)
        if found is None:
            try:
                found = self._read_values(attribute, raw)
            except CellError as error:
                found = error
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[key] = found
        if isinstance(found, CellError):
            raise found
        return found

    def _read_values(self, attribute: _Attribute, raw: str) -> tuple[ValueSpec, ...]:
        kind = attribute.input_type
        if kind == AttributeInputType.PLAIN_TEXT:
            return (self._spec(attribute, _text_slug(raw), raw[:250], plain_text=raw),)
        if kind == AttributeInputType.NUMERIC:
            number = _number(raw, attribute)
            return (self._spec(attribute, number.replace(".", "-"), number),)
        if kind == AttributeInputType.BOOLEAN:
            return (self._boolean(attribute, raw),)
        if kind == AttributeInputType.MULTISELECT:
            choices = [choice.strip() for choice in _CHOICE_SEPARATOR.split(raw)]
            return tuple(self._choice(attribute, choice) for choice in choices if choice)
        return (self._choice(attribute, raw),)

    def _spec(self, attribute: _Attribute, slug: str, name: str, **fields) -> ValueSpec:
        return ValueSpec(attribute.pk, slug, name, attribute.variant_selection, **fields)

    def _boolean(self, attribute: _Attribute, raw: str) -> ValueSpec:
        try:
            answer = cells.yes_no(raw)
        except CellError:
            raise CellError(
                _("Write yes or no (có or không) for “%(attribute)s”.")
                % {"attribute": attribute.name}
            ) from None
        self._load_values(attribute)
        for row in attribute.value_rows.values():
            if row["boolean"] is answer:
                return self._spec(attribute, row["slug"], row["name"], boolean=answer)
        name, slug = ("Có", "co") if answer else ("Không", "khong")
        return self._spec(attribute, slug, name, boolean=answer)

    def _choice(self, attribute: _Attribute, raw: str) -> ValueSpec:
        self._load_values(attribute)
        ids = attribute.values.find(raw)
        if ids:
            row = attribute.value_rows[min(ids)]
            return self._spec(attribute, row["slug"], row["name"])
        suggestion = attribute.values.closest(raw)
        if suggestion:
            message = _(
                "“%(value)s” is not a choice of “%(attribute)s”. Did you mean “%(suggestion)s”?"
            )
        else:
            message = _(
                "“%(value)s” is not a choice of “%(attribute)s”. The choices are: %(choices)s."
            )
        choices = ", ".join(row["name"] for row in list(attribute.value_rows.values())[:12])
        raise CellError(
            message
            % {
                "value": raw,
                "attribute": attribute.name,
                "suggestion": suggestion,
                "choices": choices or "—",
            },
            Code.NOT_FOUND,
        )

    def _load_values(self, attribute: _Attribute) -> None:
        if attribute.values is not None:
            return
        attribute.value_rows = {
            row["id"]: row
            for row in AttributeValue.objects.filter(attribute_id=attribute.pk).values(
                "id", "name", "slug", "boolean"
            )
        }
        attribute.values = _Names()
        for pk, row in attribute.value_rows.items():
            attribute.values.add(row["name"], pk)
            attribute.values.add(row["slug"], pk, row["name"])
        for pk, name in AttributeValueTranslation.objects.filter(
            attribute_value__attribute_id=attribute.pk, language_code="en"
        ).values_list("attribute_value_id", "name"):
            attribute.values.add(name, pk)


def _text_slug(text: str) -> str:
    """A slug for a text value; long texts end in a digest so that two never share a slug."""
    slug = slug_from(text)
    if slug and len(slug) <= 200:
        return slug
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return f"{slug[:180]}-{digest}" if slug else f"v-{digest}"


def _number(raw: str, attribute: _Attribute) -> str:
    text = raw.strip()
    unit = attribute.unit.strip()
    if unit and fold_vietnamese(text).endswith(fold_vietnamese(unit)):
        text = text[: len(text) - len(unit)].strip()
    number = cells.decimal_number(text)
    if number is None:
        raise CellError(
            _("“%(value)s” is not a number for “%(attribute)s”.")
            % {"value": raw, "attribute": attribute.name}
        )
    return _plain(number)


def _plain(number: Decimal) -> str:
    """ "500", "0.5": no exponent, no trailing zeros."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
