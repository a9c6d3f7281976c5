"""The template people download and fill in: XLSX with the products sheet first (headers and one
example row), then a guide to every column and the categories and attributes of the marketplace;
or CSV with the headers and the example row only.

The example row names a category and attributes that exist, so that a template imported as it is
creates one product.
"""

import csv
import io
import os
from pathlib import Path
from typing import BinaryIO

from catalog_import.columns import COLUMNS, COLUMNS_BY_KEY, Col
from marketplace.catalog.models import (
    Attribute,
    AttributeInputType,
    AttributeTranslation,
    AttributeValueTranslation,
    Category,
    CategoryTranslation,
)

# Texts of the workbook itself, in the language of the template.
_TEXTS = {
    "vi": {
        "products": "Sản phẩm",
        "guide": "Hướng dẫn",
        "categories": "Danh mục",
        "attributes": "Thuộc tính",
        "guide_header": ["Cột", "Bắt buộc", "Cách ghi", "Ví dụ"],
        "yes": "có",
        "no": "không",
        "required": "bắt buộc",
        "optional": "không bắt buộc",
        "notes": [
            "Mỗi dòng là một sản phẩm. Dòng đầu tiên là tiêu đề cột, giữ nguyên (tiêu đề tiếng "
            "Anh cũng được).",
            "Nhập lại tệp đã nhập không thay đổi gì; sửa một dòng chỉ cập nhật sản phẩm đó.",
            "Ô để trống xoá thông tin đó của sản phẩm đã có; cột bỏ khỏi trang thì thông tin đó "
            "được giữ nguyên. Ảnh chỉ được thêm, không bị xoá.",
            "Mọi dòng được kiểm tra trước. Nếu có dòng sai, không dòng nào được ghi; báo cáo cho "
            "biết dòng, cột và cách sửa.",
            "Ảnh: gửi kèm một tệp ZIP chứa các ảnh có tên như trong cột Tên tệp ảnh.",
            "Có thể lưu trang này thành CSV (UTF-8), dấu phẩy hoặc chấm phẩy đều được.",
        ],
        "category_header": ["Danh mục", "Tên tiếng Anh", "Ghi trong cột Danh mục"],
        "attribute_header": ["Thuộc tính", "Tên tiếng Anh", "Kiểu", "Các giá trị"],
        "types": {
            AttributeInputType.PLAIN_TEXT: "chữ tự do",
            AttributeInputType.BOOLEAN: "có / không",
            AttributeInputType.NUMERIC: "số",
            AttributeInputType.DROPDOWN: "chọn một",
            AttributeInputType.MULTISELECT: "chọn nhiều, ngăn cách bằng dấu phẩy",
        },
        "sample_text": "Gia Lai",
    },
    "en": {
        "products": "Products",
        "guide": "Guide",
        "categories": "Categories",
        "attributes": "Attributes",
        "guide_header": ["Column", "Required", "How to write it", "Example"],
        "yes": "yes",
        "no": "no",
        "required": "required",
        "optional": "optional",
        "notes": [
            "One row per product. The first row holds the column headers: keep them (the "
            "Vietnamese headers work too).",
            "Importing the same file again changes nothing; changing a row updates that product "
            "only.",
            "An empty cell clears that detail of an existing product; a column removed from the "
            "sheet leaves that detail as it is. Photos are only ever added, never removed.",
            "Every row is checked first. If any row is wrong, no row is written; the report gives "
            "the row, the column and how to fix it.",
            "Photos: send a ZIP with the images named as in the Image file names column.",
            "This sheet can be saved as CSV (UTF-8), with commas or semicolons.",
        ],
        "category_header": ["Category", "Vietnamese name", "Write in the Category column"],
        "attribute_header": ["Attribute", "Vietnamese name", "Type", "Values"],
        "types": {
            AttributeInputType.PLAIN_TEXT: "free text",
            AttributeInputType.BOOLEAN: "yes / no",
            AttributeInputType.NUMERIC: "number",
            AttributeInputType.DROPDOWN: "one choice",
            AttributeInputType.MULTISELECT: "several choices, separated by commas",
        },
        "sample_text": "Gia Lai",
    },
}


def write_template(
    target: str | os.PathLike | BinaryIO, *, language: str = "vi", file_format: str | None = None
) -> None:
    """Write the import template with headers in `language` ("vi" or "en"); `file_format` ("xlsx"
    or "csv") defaults to the target file's extension."""
    language = "en" if language.startswith("en") else "vi"
    file_format = (file_format or Path(getattr(target, "name", target)).suffix.lstrip(".")).lower()
    if file_format not in {"csv", "xlsx"}:
        raise ValueError("The template is written as .xlsx or .csv.")
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as file:
            _write(file, language, file_format)
    else:
        _write(target, language, file_format)


def header_row(language: str) -> list[str]:
    return [column.label(language) for column in COLUMNS]


def example_row(language: str) -> list[str]:
    """The example product, naming a category and attributes of this marketplace."""
    values = {column.key: column.example(language) for column in COLUMNS}
    values[Col.CATEGORY] = _example_category(language) or values[Col.CATEGORY]
    values[Col.ATTRIBUTES] = _example_attributes(language)
    return [values[column.key] for column in COLUMNS]


def _write(file: BinaryIO, language: str, file_format: str) -> None:
    if file_format == "csv":
        # A byte-order mark, or Excel shows Vietnamese letters garbled.
        text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
        try:
            writer = csv.writer(text)
            writer.writerow(header_row(language))
            writer.writerow(example_row(language))
            text.flush()
        finally:
            text.detach()
        return
    _write_workbook(file, language)


def _write_workbook(file: BinaryIO, language: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    texts = _TEXTS[language]
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FCE4D6")
    wrap = Alignment(wrap_text=True, vertical="top")

    workbook = Workbook()
    products = workbook.active
    products.title = texts["products"]
    products.append(header_row(language))
    products.append(example_row(language))
    for index, column in enumerate(COLUMNS, start=1):
        cell = products.cell(row=1, column=index)
        cell.font = bold
        if column.required:
            cell.fill = required_fill
        products.column_dimensions[get_column_letter(index)].width = max(
            14, min(40, len(column.label(language)) + 6)
        )
        # Texts, so that SKUs such as 0012 keep their zeros and prices their dots.
        products.cell(row=2, column=index).number_format = "@"
    products.freeze_panes = "A2"
    publish = get_column_letter([c.key for c in COLUMNS].index(Col.PUBLISH) + 1)
    choices = DataValidation(
        type="list", formula1=f'"{texts["yes"]},{texts["no"]}"', allow_blank=True
    )
    choices.add(f"{publish}2:{publish}5000")
    products.add_data_validation(choices)

    guide = workbook.create_sheet(texts["guide"])
    guide.append(texts["guide_header"])
    for column in COLUMNS:
        guide.append(
            [
                column.label(language),
                texts["required"] if column.required else texts["optional"],
                column.guide(language),
                column.example(language),
            ]
        )
    guide.append([])
    for note in texts["notes"]:
        guide.append([note])
    for cell in guide[1]:
        cell.font = bold
    for letter, width in zip("ABCD", (24, 16, 80, 34), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2, max_row=len(COLUMNS) + 1):
        for cell in row:
            cell.alignment = wrap

    categories = workbook.create_sheet(texts["categories"])
    categories.append(texts["category_header"])
    for row in _category_rows(language):
        categories.append(row)
    attributes = workbook.create_sheet(texts["attributes"])
    attributes.append(texts["attribute_header"])
    for row in _attribute_rows(language):
        attributes.append(row)
    for sheet, widths in ((categories, (30, 30, 44)), (attributes, (24, 24, 30, 60))):
        for cell in sheet[1]:
            cell.font = bold
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
    workbook.save(file)


def _category_rows(language: str) -> list[list[str]]:
    categories = list(Category.objects.order_by("level", "name").values("id", "name", "parent_id"))
    english = dict(
        CategoryTranslation.objects.filter(language_code="en").values_list("category_id", "name")
    )
    names = {row["id"]: row["name"] for row in categories}
    rows = []
    for row in categories:
        shown = english.get(row["id"]) if language == "en" else row["name"]
        other = row["name"] if language == "en" else english.get(row["id"])
        shown = shown or row["name"]
        parent = row["parent_id"]
        parent_name = names.get(parent)
        if parent_name and language == "en":
            parent_name = english.get(parent) or parent_name
        rows.append([shown, other or "", f"{parent_name} > {shown}" if parent_name else shown])
    return sorted(rows, key=lambda row: row[2].casefold())


def _attribute_rows(language: str) -> list[list[str]]:
    texts = _TEXTS[language]
    english = dict(
        AttributeTranslation.objects.filter(language_code="en").values_list("attribute_id", "name")
    )
    value_english = dict(
        AttributeValueTranslation.objects.filter(language_code="en").values_list(
            "attribute_value_id", "name"
        )
    )
    rows = []
    for attribute in Attribute.objects.prefetch_related("values").order_by("name"):
        shown, other = attribute.name, english.get(attribute.pk, "")
        if language == "en" and other:
            shown, other = other, attribute.name
        if attribute.input_type in (AttributeInputType.DROPDOWN, AttributeInputType.MULTISELECT):
            values = ", ".join(
                (value_english.get(value.pk) if language == "en" else None) or value.name
                for value in attribute.values.all()
            )
        elif attribute.input_type == AttributeInputType.NUMERIC:
            values = attribute.unit
        else:
            values = ""
        rows.append([shown, other, texts["types"].get(attribute.input_type, ""), values])
    return rows


def _example_category(language: str) -> str | None:
    wanted = COLUMNS_BY_KEY[Col.CATEGORY]
    for name in (wanted.example_vi, wanted.example_en):
        category = Category.objects.filter(name=name).first() or (
            Category.objects.filter(
                translations__language_code="en", translations__name=name
            ).first()
        )
        if category:
            break
    else:
        category = Category.objects.order_by("-level", "name").first()
    if category is None:
        return None
    if language == "en":
        translation = category.translations.filter(language_code="en").exclude(name="").first()
        if translation:
            return translation.name
    return category.name


def _example_attributes(language: str) -> str:
    texts = _TEXTS[language]
    parts = []
    for attribute in Attribute.objects.prefetch_related("values", "translations").order_by("pk"):
        name = attribute.name
        if language == "en":
            english = [t.name for t in attribute.translations.all() if t.language_code == "en"]
            name = english[0] if english else name
        kind = attribute.input_type
        if kind == AttributeInputType.PLAIN_TEXT:
            sample = texts["sample_text"]
        elif kind == AttributeInputType.BOOLEAN:
            sample = texts["yes"]
        elif kind == AttributeInputType.NUMERIC:
            sample = f"500 {attribute.unit}".strip()
        else:
            values = list(attribute.values.all())
            if not values:
                continue
            sample = values[0].name
        parts.append(f"{name}: {sample}")
        if len(parts) == 2:
            break
    return "; ".join(parts)
