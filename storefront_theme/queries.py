"""Reads of the storefront pages, built on the domain selectors.

Every function here loads what a page shows in a fixed number of queries, however many products,
images or variants there are: related rows come with `select_related` or one `Prefetch` each.
Texts in the shopper's language come as a prefetched list, `TRANSLATIONS` on each object, holding
at most the one translation for the active language (read it with `translated`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, F, Model, OuterRef, Prefetch, QuerySet

from marketplace.catalog.models import (
    Category,
    CategoryTranslation,
    Collection,
    CollectionProduct,
    CollectionTranslation,
    Product,
    ProductMedia,
    ProductMediaType,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
    Thumbnail,
    ThumbnailFormat,
)
from marketplace.catalog.selectors import categories, visible_collections, visible_products
from marketplace.channels.models import Channel
from marketplace.channels.selectors import ChannelNotFound, get_channel
from marketplace.content.models import Page, PageTranslation
from marketplace.content.selectors import published_pages
from marketplace.core.text import vietnamese_sort_key
from marketplace.search import get_search_backend

TRANSLATIONS = "active_translations"
# Thumbnails are served as WebP on every page; other formats are never read here.
THUMBNAIL_FORMAT = ThumbnailFormat.WEBP
COLLECTION_PRODUCTS_SHOWN = 8
FOOTER_PAGES_SHOWN = 8
# Lists show the newest products first; the id breaks ties so that pages never overlap.
LISTING_ORDER = (F("published_at").desc(nulls_last=True), "-pk")


def translated(obj, field_name: str):
    """`obj`'s text in the active language: its prefetched translation's, when that has one."""
    for translation in getattr(obj, TRANSLATIONS, ()):
        value = getattr(translation, field_name, None)
        if value:
            return value
    return getattr(obj, field_name, "")


def default_channel() -> Channel | None:
    """The default channel, or None while none is set up (the shop then shows no products)."""
    try:
        return get_channel(None)
    except ChannelNotFound:
        return None


def in_language(lookup: str, translation_model: type[Model], language: str) -> list[Prefetch]:
    """A prefetch of `lookup`'s translations into `language`, stored as `TRANSLATIONS`.

    Vietnamese is the text on the objects themselves, so it needs no prefetch at all.
    """
    if language == settings.LANGUAGE_CODE:
        return []
    translations = translation_model.objects.filter(language_code__iexact=language)
    return [Prefetch(lookup, queryset=translations, to_attr=TRANSLATIONS)]


def _images() -> QuerySet[ProductMedia]:
    thumbnails = Thumbnail.objects.filter(format=THUMBNAIL_FORMAT)
    return (
        ProductMedia.objects.filter(type=ProductMediaType.IMAGE)
        .exclude(image="")
        .order_by("sort_order", "pk")
        .prefetch_related(Prefetch("thumbnails", queryset=thumbnails))
    )


def listed_products(channel: Channel | None) -> QuerySet[Product]:
    """Products shown in the channel's lists, newest first."""
    if channel is None:
        return Product.objects.none()
    return visible_products(channel, in_listings=True).order_by(*LISTING_ORDER)


def found_products(channel: Channel | None, text: str) -> QuerySet[Product]:
    """Listed products matching `text` (diacritics optional), most relevant first."""
    found = get_search_backend().search_products(listed_products(channel), text)
    return found.order_by("-search_rank", *LISTING_ORDER)


def product_cards(products: QuerySet[Product], language: str) -> QuerySet[Product]:
    """`products` with what a card shows: the first image (`card_images`) and translated names."""
    return products.prefetch_related(
        Prefetch("media", queryset=_images()[:1], to_attr="card_images"),
        *in_language("translations", ProductTranslation, language),
    )


def product_page(channel: Channel | None, slug: str, language: str) -> Product | None:
    """The visible product with `slug` (listed or reachable by link only), or None.

    It carries its images (`images`) and the variants priced in the channel (`shown_variants`),
    each with its stock and its price there (`channel_prices`). Its category comes with the
    `CategoryTree` (which holds the translations) rather than from here.
    """
    if channel is None:
        return None
    priced = ProductVariantChannelListing.objects.filter(variant=OuterRef("pk"), channel=channel)
    variants = (
        ProductVariant.objects.filter(Exists(priced))
        .select_related("stock")
        .order_by("sort_order", "pk")
        .prefetch_related(
            Prefetch(
                "channel_listings",
                queryset=ProductVariantChannelListing.objects.filter(channel=channel),
                to_attr="channel_prices",
            ),
            *in_language("translations", ProductVariantTranslation, language),
        )
    )
    return (
        visible_products(channel)
        .filter(slug=slug)
        .prefetch_related(
            Prefetch("media", queryset=_images(), to_attr="images"),
            Prefetch("variants", queryset=variants, to_attr="shown_variants"),
            *in_language("translations", ProductTranslation, language),
        )
        .first()
    )


@dataclass
class CategoryTree:
    """All categories, loaded at once, so that menus, paths and subtrees cost no more queries."""

    categories: list[Category]
    by_id: dict[int, Category] = field(init=False)
    by_slug: dict[str, Category] = field(init=False)
    children: dict[int | None, list[Category]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {category.pk: category for category in self.categories}
        self.by_slug = {category.slug: category for category in self.categories}
        self.children = {}
        for category in self.categories:
            self.children.setdefault(category.parent_id, []).append(category)
        for siblings in self.children.values():
            siblings.sort(key=lambda category: vietnamese_sort_key(translated(category, "name")))

    @property
    def roots(self) -> list[Category]:
        return self.children.get(None, [])

    def path(self, category: Category) -> list[Category]:
        """The category's ancestors from the root down, without the category itself."""
        ancestors = []
        parent = self.by_id.get(category.parent_id)
        while parent is not None and parent not in ancestors:
            ancestors.append(parent)
            parent = self.by_id.get(parent.parent_id)
        return ancestors[::-1]

    def subtree_ids(self, category: Category) -> list[int]:
        """The ids of the category and of every category below it."""
        ids, pending = [], [category]
        while pending:
            current = pending.pop()
            if current.pk in ids:
                continue
            ids.append(current.pk)
            pending.extend(self.children.get(current.pk, []))
        return ids


def category_tree(language: str) -> CategoryTree:
    return CategoryTree(
        list(
            categories()
            .order_by("pk")
            .prefetch_related(*in_language("translations", CategoryTranslation, language))
        )
    )


def category_products(channel: Channel | None, tree: CategoryTree, category: Category):
    """Listed products of `category` and of all the categories below it."""
    return listed_products(channel).filter(category_id__in=tree.subtree_ids(category))


def home_collections(channel: Channel | None, language: str) -> list[Collection]:
    """Published collections, each with its first listed products as `shown_products` (cards)."""
    if channel is None:
        return []
    listed = listed_products(channel)
    entries = CollectionProduct.objects.filter(product__in=listed.values("pk")).order_by(
        "sort_order", "pk"
    )
    collections = list(
        visible_collections(channel)
        .distinct()
        .order_by("slug")
        .prefetch_related(
            Prefetch(
                "collection_products",
                queryset=entries[:COLLECTION_PRODUCTS_SHOWN],
                to_attr="shown_entries",
            ),
            *in_language("translations", CollectionTranslation, language),
        )
    )
    product_ids = {entry.product_id for c in collections for entry in c.shown_entries}
    cards = _by_pk(
        product_cards(listed.filter(pk__in=product_ids), language) if product_ids else []
    )
    for collection in collections:
        collection.shown_products = [
            cards[entry.product_id]
            for entry in collection.shown_entries
            if entry.product_id in cards
        ]
    return [collection for collection in collections if collection.shown_products]


def _by_pk(objects: Iterable[Model]) -> dict:
    return {obj.pk: obj for obj in objects}


def footer_pages(language: str) -> list[Page]:
    return list(
        published_pages()
        .order_by("slug")
        .prefetch_related(*in_language("translations", PageTranslation, language))[
            :FOOTER_PAGES_SHOWN
        ]
    )


def content_page(slug: str, language: str) -> Page | None:
    """The published page with `slug`, or None."""
    return (
        published_pages()
        .filter(slug=slug)
        .prefetch_related(*in_language("translations", PageTranslation, language))
        .first()
    )
