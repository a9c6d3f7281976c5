"""What of a product is searchable. Only public texts: never anything about a person."""

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


def search_document_prefetches() -> list:
    """What `product_search_texts` reads, to prefetch for a whole list of products at once."""
    return [
        "translations",
        "variants",
        "attribute_values__value",
    ]


def product_search_texts(product) -> tuple[str, str]:
    """(name text, rest) for `product`, folded and padded with spaces for word-prefix matching.

    Expects category and vendor selected and `search_document_prefetches()` prefetched.
    """
    names = [product.name] + [t.name for t in product.translations.all() if t.name]
    rest = [editorjs_text(product.description)]
    rest += [editorjs_text(t.description) for t in product.translations.all()]
    rest += [variant.sku or "" for variant in product.variants.all()]
    rest += [variant.name for variant in product.variants.all()]
    rest += [assigned.value.name for assigned in product.attribute_values.all()]
    if product.category_id:
        rest.append(product.category.name)
    rest += [product.vendor.name, short_province_name(product.vendor.province)]
    # Certificates are not stored here: search matches them live (see the search backend), so
    # that an expired one stops finding the product the moment it expires.
    return _pad(" ".join(names)), _pad(" ".join(rest))


def product_sort_name(product) -> str:
    return vietnamese_collation_key(product.name)


def _pad(text: str) -> str:
    folded = fold_vietnamese(text)
    return f" {folded} " if folded else ""
