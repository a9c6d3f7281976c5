"""Template filters and tags of the storefront: texts in the shopper's language, prices in dong,
image URLs and plain-text descriptions. None of them runs a query."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marketplace.catalog.thumbnails import thumbnail_url
from marketplace.core.money import format_vnd
from storefront_theme import queries
from storefront_theme.rich_text import first_paragraph, plain_blocks

register = template.Library()

# Between the lowest and the highest price, as Vietnamese and English typography both write it.
EN_DASH = "\u2013"


@register.filter
def translated(obj, field: str):
    """`obj.field` in the active language: its prefetched translation when it has that text."""
    return queries.translated(obj, field)


@register.filter
def vnd(amount) -> str:
    """125000 -> "125.000 ₫" (Vietnamese) or "125,000 ₫" (English)."""
    if amount is None or amount == "":
        return ""
    return format_vnd(amount, get_language() or "vi")


@register.filter
def price_range(product) -> str:
    """A product's price in the channel: one amount, or "lowest to highest" (an en dash between)."""
    low, high = getattr(product, "price_min", None), getattr(product, "price_max", None)
    if low is None:
        return ""
    if high is None or high == low:
        return vnd(low)
    return f"{vnd(low)} {EN_DASH} {vnd(high)}"


@register.filter
def starting_price(product) -> str:
    """What a product card shows: the price, or "From <lowest>" when variants differ."""
    low, high = getattr(product, "price_min", None), getattr(product, "price_max", None)
    if low is None:
        return ""
    if high is None or high == low:
        return vnd(low)
    return _("From %(price)s") % {"price": vnd(low)}


@register.simple_tag(takes_context=True)
def image_url(context, media, size: int) -> str:
    """URL of a product image at `size` pixels in WebP (made on first request, then stored)."""
    return thumbnail_url(
        media, media.image, size, "webp", context["request"], media.thumbnails.all()
    )


@register.filter
def text_blocks(document):
    """An Editor.js document as plain-text blocks (see storefront_theme.rich_text)."""
    return plain_blocks(document)


@register.filter
def summary(document) -> str:
    return first_paragraph(document)
