"""What of a product is searchable. Only public texts: never anything about a person."""

from collections import defaultdict
from collections.abc import Iterator

from marketplace.core.provinces import short_province_name
from marketplace.core.text import fold_vietnamese, vietnamese_collation_key


def editorjs_text(blocks) -> str:
    """The plain text of an Editor.js document (the format of Saleor's rich-text fields)."""
    if not isinstance(blocks, dict):
        return ""
    parts = []
    for block in blocks.get("blocks", []):
        data = block.get("data", {})
        parts.append(str(data.get("text", "")))
        parts.extend(str(item) for item in data.get("items", []) if isinstance(item, str))
    return " ".join(parts)


def product_search_texts(ids: list[int]) -> Iterator[tuple[int, str, str, str]]:
    """(id, name text, rest, sort name) of each product in `ids` that exists.

    The texts are folded and padded with spaces for word-prefix matching; the sort name is the
    name's Vietnamese collation key. Reads plain values in four queries whatever the number of
    products: building model instances cost more than folding their texts.
    """
    from marketplace.catalog.models import (
        AssignedProductAttributeValue,
        Product,
        ProductTranslation,
        ProductVariant,
    )

    translations = defaultdict(list)
    for product_id, name, description in (
        ProductTranslation.objects.filter(product_id__in=ids)
        .order_by("pk")
        .values_list("product_id", "name", "description")
    ):
        translations[product_id].append((name, description))
    variants = defaultdict(list)
    for product_id, sku, name in (
        ProductVariant.objects.filter(product_id__in=ids)
        .order_by("sort_order", "pk")
        .values_list("product_id", "sku", "name")
    ):
        variants[product_id].append((sku, name))
    attribute_values = defaultdict(list)
    for product_id, value in (
        AssignedProductAttributeValue.objects.filter(product_id__in=ids)
        .order_by("sort_order", "pk")
        .values_list("product_id", "value__name")
    ):
        attribute_values[product_id].append(value)

    products = Product.objects.filter(pk__in=ids).order_by("pk")
    for pk, name, description, category, vendor, province in products.values_list(
        "pk", "name", "description", "category__name", "vendor__name", "vendor__province"
    ):
        product_translations = translations.get(pk, ())
        product_variants = variants.get(pk, ())
        names = [name] + [t_name for t_name, _ in product_translations if t_name]
        rest = [editorjs_text(description)]
        rest += [editorjs_text(t_description) for _, t_description in product_translations]
        rest += [sku or "" for sku, _ in product_variants]
        rest += [v_name for _, v_name in product_variants]
        rest += attribute_values.get(pk, ())
        if category is not None:
            rest.append(category)
        rest += [vendor, short_province_name(province)]
        # Certificates are not stored here: search matches them live (see the search backend),
        # so that an expired one stops finding the product the moment it expires.
        yield pk, _pad(" ".join(names)), _pad(" ".join(rest)), vietnamese_collation_key(name)


def _pad(text: str) -> str:
    folded = fold_vietnamese(text)
    return f" {folded} " if folded else ""
