"""Server-rendered storefront pages. Each view reads through `storefront_theme.queries` (built on
the domain selectors) and renders; no business rule is decided here."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from marketplace.catalog.models import ProductVariant
from marketplace.catalog.selectors import is_available_for_purchase, quantity_available
from storefront_theme import queries

PRODUCTS_PER_PAGE = 20
# Longer queries are cut: nobody types more, and each term costs the database work.
MAX_QUERY_LENGTH = 200


def _render(request: HttpRequest, template: str, context: dict, *, tree=None) -> HttpResponse:
    """Render a storefront page with what every page shows: the category menu and the footer."""
    language = get_language()
    if tree is None:
        tree = queries.category_tree(language)
    context = {
        "nav_categories": tree.roots,
        "footer_pages": queries.footer_pages(language),
        **context,
    }
    return render(request, f"storefront/{template}", context)


def _page_of(products, request: HttpRequest) -> Page:
    cards = queries.product_cards(products, get_language())
    return Paginator(cards, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))


def home(request: HttpRequest) -> HttpResponse:
    channel = queries.default_channel()
    page = _page_of(queries.listed_products(channel), request)
    collections = queries.home_collections(channel, get_language()) if page.number == 1 else []
    return _render(request, "home.html", {"page": page, "collections": collections})


def search(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page = None
    if text:
        page = _page_of(queries.found_products(queries.default_channel(), text), request)
    return _render(request, "search.html", {"query": text, "page": page})


def category(request: HttpRequest, slug: str) -> HttpResponse:
    tree = queries.category_tree(get_language())
    shown = tree.by_slug.get(slug)
    if shown is None:
        raise Http404
    products = queries.category_products(queries.default_channel(), tree, shown)
    context = {
        "category": shown,
        "path": tree.path(shown),
        "subcategories": tree.children.get(shown.pk, []),
        "page": _page_of(products, request),
    }
    return _render(request, "category.html", context, tree=tree)


@dataclass(frozen=True)
class VariantRow:
    variant: ProductVariant
    price: int | None
    available: bool


def _variant_rows(product) -> list[VariantRow]:
    on_sale = is_available_for_purchase(product)
    rows = []
    for variant in product.shown_variants:
        prices = variant.channel_prices
        in_stock = quantity_available(variant, getattr(variant, "stock", None)) > 0
        rows.append(
            VariantRow(
                variant=variant,
                price=prices[0].price_amount if prices else None,
                available=bool(on_sale and in_stock),
            )
        )
    return rows


def product(request: HttpRequest, slug: str) -> HttpResponse:
    language = get_language()
    shown = queries.product_page(queries.default_channel(), slug, language)
    if shown is None:
        raise Http404
    tree = queries.category_tree(language)
    shown_category = tree.by_id.get(shown.category_id)
    context = {
        "product": shown,
        "category": shown_category,
        "path": [*tree.path(shown_category), shown_category] if shown_category else [],
        "variants": _variant_rows(shown),
        "on_sale": is_available_for_purchase(shown),
    }
    return _render(request, "product.html", context, tree=tree)


def content_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = queries.content_page(slug, get_language())
    if page is None:
        raise Http404
    return _render(request, "page.html", {"content_page": page})
