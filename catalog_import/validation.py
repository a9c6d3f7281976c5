"""Checking rows: each row becomes a clean `ProductRow` or a list of problems, never both.

A column that the sheet has is managed by the import (an empty cell clears the field); a column
the sheet leaves out is left as it is on products that already exist. Validation reads the
database (categories, attributes, the booth's variants) but never writes to it.
"""

import re
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from catalog_import import cells
from catalog_import.cells import CellError
from catalog_import.columns import Col
from catalog_import.errors import CatalogImportErrorCode as Code
from catalog_import.errors import Problem, Severity
from catalog_import.images import ImageSource
from catalog_import.lookups import AttributeLookup, CategoryLookup, ValueSpec
from catalog_import.readers import Sheet, SheetRow
from marketplace.catalog.models import ProductVariant
from vendors.models import Booth

MAX_NAME = 250
MAX_SKU = 255
MAX_DESCRIPTION = 20_000
MAX_CERTIFICATE = 100
_IMAGE_SEPARATOR = re.compile(r"[;,|\n]")
# Loose on purpose: OCOP decisions, VietGAP codes and organic certificates are written many ways.
_CERTIFICATE = re.compile(r"^[\w][\w .,/\-:#()]*$")


@dataclass(slots=True)
class ProductRow:
    """One valid row: a product with a single variant, identified by its SKU in the booth."""

    row: int
    sku: str
    name: str
    category_id: int
    price: int
    name_en: str = ""
    description: str = ""
    description_en: str = ""
    quantity: int = 0
    weight_grams: int | None = None
    attributes: tuple[ValueSpec, ...] = ()
    images: tuple[str, ...] = ()
    publish: bool = False
    certificate: str = ""


class RowValidator:
    """Validates the rows of one sheet for one booth, in order (duplicates refer to earlier rows).

    Give the same sheet to a fresh validator and it answers the same: the importer validates
    every row first, then reads and validates again while it writes.
    """

    def __init__(self, sheet: Sheet, *, booth: Booth, images: ImageSource | None, language: str):
        self.sheet = sheet
        self.language = language
        self.images = images
        self.columns = frozenset(sheet.headers)
        self.categories = CategoryLookup()
        self.attributes = AttributeLookup() if Col.ATTRIBUTES in self.columns else None
        self.first_row_of_sku: dict[str, int] = {}
        # SKUs of products that already have several variants: their rows must agree on the
        # product's details, or a second import would flip them back and forth.
        self.shared_products = _skus_of_products_with_variants(booth)
        self.product_rows: dict[int, tuple[int, tuple]] = {}

    def sheet_problems(self) -> list[Problem]:
        """Problems of the sheet as a whole, reported once on the header row."""
        problems = [
            Problem(
                row=1,
                column=header,
                message=_("This column is not part of the template and was ignored."),
                code=Code.UNKNOWN_COLUMN,
                severity=Severity.WARNING,
                value=header,
            )
            for header in self.sheet.unknown_headers
        ]
        if Col.IMAGES in self.columns and self.images is None:
            problems.append(
                Problem(
                    row=None,
                    column=self.sheet.header(Col.IMAGES, self.language),
                    message=_(
                        "No images folder or ZIP was given: the image file names were ignored "
                        "and the products' photos were left as they are."
                    ),
                    code=Code.IMAGE_NOT_FOUND,
                    severity=Severity.INFO,
                )
            )
        return problems

    def validate(self, row: SheetRow) -> tuple[ProductRow | None, list[Problem]]:
        """The clean row, or None and the problems that make it invalid (warnings and notes may
        come with a valid row too)."""
        problems: list[Problem] = []
        values: dict[str, object] = {}
        sku = cells.text(row.cells.get(Col.SKU))

        def problem(column, message, code=Code.INVALID, severity=Severity.ERROR, value=""):
            problems.append(
                Problem(
                    row=row.number,
                    column=self.sheet.header(column, self.language),
                    message=message,
                    code=code,
                    severity=severity,
                    sku=sku,
                    value=_shown(value),
                )
            )

        def read(column: Col, reader, field: str, required: bool = False) -> None:
            raw = row.cells.get(column)
            if required and _is_empty(raw):
                problem(column, _("This cell is required."), Code.REQUIRED)
                return
            try:
                values[field] = reader(raw)
            except CellError as error:
                problem(column, error.message, error.code, value=raw)

        self._check_sku(sku, row, problem)
        read(Col.NAME_VI, self._name, "name", required=True)
        read(Col.CATEGORY, self._category, "category_id", required=True)
        read(Col.PRICE, cells.price, "price", required=True)
        if Col.NAME_EN in self.columns:
            read(Col.NAME_EN, self._name, "name_en")
        if Col.DESCRIPTION_VI in self.columns:
            read(Col.DESCRIPTION_VI, _description, "description")
        if Col.DESCRIPTION_EN in self.columns:
            read(Col.DESCRIPTION_EN, _description, "description_en")
        if Col.STOCK in self.columns:
            read(Col.STOCK, cells.quantity, "quantity")
        if Col.WEIGHT in self.columns:
            read(Col.WEIGHT, cells.weight_grams, "weight_grams")
        if Col.PUBLISH in self.columns:
            read(Col.PUBLISH, lambda raw: cells.yes_no(raw, empty=False), "publish")
        if self.attributes is not None:
            read(Col.ATTRIBUTES, self._attributes, "attributes")
        if Col.CERTIFICATE in self.columns:
            self._check_certificate(row, problem, values)
        if Col.IMAGES in self.columns and self.images is not None:
            self._check_images(row, problem, values)

        if any(p.severity == Severity.ERROR for p in problems):
            return None, problems
        record = ProductRow(row=row.number, sku=sku, **values)
        self._check_shared_product(record, problem)
        if any(p.severity == Severity.ERROR for p in problems):
            return None, problems
        return record, problems

    def _check_sku(self, sku: str, row: SheetRow, problem) -> None:
        if not sku:
            problem(Col.SKU, _("This cell is required."), Code.REQUIRED)
        elif len(sku) > MAX_SKU:
            problem(Col.SKU, _("The SKU is longer than %(max)s characters.") % {"max": MAX_SKU})
        elif sku in self.first_row_of_sku:
            problem(
                Col.SKU,
                _("SKU “%(sku)s” is already used in row %(row)s of this file.")
                % {"sku": sku, "row": self.first_row_of_sku[sku]},
                Code.DUPLICATE,
                value=sku,
            )
        else:
            self.first_row_of_sku[sku] = row.number

    def _check_certificate(self, row: SheetRow, problem, values: dict) -> None:
        reference = cells.text(row.cells.get(Col.CERTIFICATE))
        if not reference:
            return
        if len(reference) > MAX_CERTIFICATE or not _CERTIFICATE.match(reference):
            problem(
                Col.CERTIFICATE,
                _(
                    "“%(value)s” does not look like a certificate number or decision; use "
                    "letters, digits, spaces and . , / - : # ( ) only, at most %(max)s."
                )
                % {"value": reference, "max": MAX_CERTIFICATE},
                value=reference,
            )
            return
        values["certificate"] = reference
        problem(
            Col.CERTIFICATE,
            _(
                "Certificate reference kept in this report only: certificates are submitted "
                "and verified separately, then linked to the product."
            ),
            Code.CERTIFICATE_NOT_LINKED,
            Severity.INFO,
            value=reference,
        )

    def _check_images(self, row: SheetRow, problem, values: dict) -> None:
        names = image_names(row.cells.get(Col.IMAGES))
        values["images"] = names
        for name in names:
            if self.images.find(name) is None:
                problem(
                    Col.IMAGES,
                    _(
                        "Image “%(name)s” is not in the images folder or ZIP; the product is "
                        "imported without it."
                    )
                    % {"name": name},
                    Code.IMAGE_NOT_FOUND,
                    Severity.WARNING,
                    value=name,
                )

    def _check_shared_product(self, record: ProductRow, problem) -> None:
        product_id = self.shared_products.get(record.sku)
        if product_id is None:
            return
        details = (
            record.name,
            record.name_en,
            record.description,
            record.description_en,
            record.category_id,
            record.weight_grams,
            record.publish,
            tuple(spec for spec in record.attributes if not spec.on_variant),
        )
        first = self.product_rows.setdefault(product_id, (record.row, details))
        if first[1] != details:
            problem(
                Col.SKU,
                _(
                    "This SKU is another variant of the same product as row %(row)s, but the "
                    "product's name, description, category, weight, attributes or publishing "
                    "differ. Make them the same in both rows."
                )
                % {"row": first[0]},
                Code.INVALID,
                value=record.sku,
            )

    def _category(self, raw: object) -> int:
        return self.categories.resolve(cells.text(raw))

    def _name(self, raw: object) -> str:
        name = cells.text(raw)
        if len(name) > MAX_NAME:
            raise CellError(_("The name is longer than %(max)s characters.") % {"max": MAX_NAME})
        return name

    def _attributes(self, raw: object) -> tuple[ValueSpec, ...]:
        return self.attributes.parse(cells.text(raw, multiline=True))


def image_names(raw: object) -> tuple[str, ...]:
    """The file names in an images cell, in order, without folders or repeats."""
    names: dict[str, None] = {}
    for part in _IMAGE_SEPARATOR.split(cells.text(raw, multiline=True)):
        name = part.strip().replace("\\", "/").rsplit("/", 1)[-1].strip()
        if name:
            names.setdefault(name, None)
    return tuple(names)


def _description(raw: object) -> str:
    description = cells.text(raw, multiline=True)
    if len(description) > MAX_DESCRIPTION:
        raise CellError(
            _("The description is longer than %(max)s characters.")
            % {"max": f"{MAX_DESCRIPTION:,}"}
        )
    return description


def _skus_of_products_with_variants(booth: Booth) -> dict[str, int]:
    shared = (
        ProductVariant.objects.filter(vendor=booth)
        .values("product_id")
        .annotate(variants=Count("id"))
        .filter(variants__gt=1)
        .values("product_id")
    )
    return dict(
        ProductVariant.objects.filter(
            vendor=booth, product_id__in=shared, sku__isnull=False
        ).values_list("sku", "product_id")
    )


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: object) -> str:
    text = cells.text(value, multiline=True) if value is not None else ""
    return text if len(text) <= 200 else text[:199] + "…"
