"""Reads of the catalog, with what shoppers may see decided in one place."""

from django.db.models import Exists, F, FilteredRelation, OuterRef, Q, QuerySet
from django.utils import timezone

from marketplace.catalog.models import (
    Category,
    Collection,
    ModerationStatus,
    Product,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from marketplace.channels.models import Channel
from vendors.models import PRIVATE_BOOTH_FIELDS, BoothStatus

LIST_DEFERRED_FIELDS = (
    "search_name",
    "search_document",
    "sort_name",
    "description",
    "category__description",
    "vendor__description",
)


def visible_products(channel: Channel, *, in_listings: bool = False) -> QuerySet[Product]:
    """Products a shopper may see in `channel`: published (now), of an open booth.

    With `in_listings`, products hidden from lists (but reachable by their link) are left out.
    Each product carries its channel listing's price range and dates as annotations.
    """
    now = timezone.now()
    # One filter() call, so that every condition applies to the same single listing join.
    visible = (
        Q(listing__is_published=True)
        & (Q(listing__published_at__isnull=True) | Q(listing__published_at__lte=now))
        & Q(vendor__status=BoothStatus.APPROVED)
        & Q(moderation_status=ModerationStatus.APPROVED)
    )
    if in_listings:
        visible &= Q(listing__visible_in_listings=True)
    return (
        Product.objects.annotate(
            listing=FilteredRelation(
                "channel_listings", condition=Q(channel_listings__channel=channel)
            )
        )
        .filter(visible)
        .annotate(
            price_min=F("listing__price_min_amount"),
            price_max=F("listing__price_max_amount"),
            published_at=F("listing__published_at"),
            available_for_purchase_at=F("listing__available_for_purchase_at"),
        )
        .select_related("vendor", "category")
        # Search texts are for the search backend, and a booth's private details have no
        # business in a product list. Long descriptions are read only when a query asks for
        # them, for the whole page at once (graphql.core.batching.batch_deferred).
        .defer(
            *LIST_DEFERRED_FIELDS,
            *(f"vendor__{field}" for field in (*PRIVATE_BOOTH_FIELDS, "search_text")),
        )
    )


def products_in_stock(products: QuerySet[Product], in_stock: bool = True) -> QuerySet[Product]:
    """Products with a variant a shopper can buy now: made to order (stock not tracked) or with
    stock not yet promised to other orders. The same rule as `quantity_available`."""
    buyable = ProductVariant.objects.filter(product=OuterRef("pk")).filter(
        Q(track_inventory=False) | Q(stock__quantity__gt=F("stock__quantity_allocated"))
    )
    return products.filter(Exists(buyable) if in_stock else ~Exists(buyable))


def visible_variants(channel: Channel) -> QuerySet[ProductVariant]:
    """Variants with a price in `channel` whose product is visible there."""
    priced = ProductVariantChannelListing.objects.filter(variant=OuterRef("pk"), channel=channel)
    return ProductVariant.objects.filter(
        Exists(priced), product__in=visible_products(channel).values("pk")
    )


# What a shopper may buy of a variant whose stock is not tracked.
MAX_CHECKOUT_QUANTITY = 50


def quantity_available(variant: ProductVariant, stock: Stock | None) -> int:
    """How many of `variant` a shopper can buy now: stock not yet promised to other orders."""
    if not variant.track_inventory:
        return MAX_CHECKOUT_QUANTITY
    return stock.quantity_available if stock else 0


def is_available_for_purchase(product: Product) -> bool:
    """Sale has started in the product's channel (needs `visible_products` annotations)."""
    start = getattr(product, "available_for_purchase_at", None)
    return start is not None and start <= timezone.now()


def visible_collections(channel: Channel) -> QuerySet[Collection]:
    """Collections published in `channel` now (one listing must meet both conditions)."""
    now = timezone.now()
    published_now = Q(channel_listings__channel=channel, channel_listings__is_published=True) & (
        Q(channel_listings__published_at__isnull=True) | Q(channel_listings__published_at__lte=now)
    )
    # A campaign's collection shows only while the campaign runs (see marketplace.curation).
    campaign_over = Q(campaign__starts_at__gt=now) | Q(campaign__ends_at__lte=now)
    return Collection.objects.filter(published_now).exclude(campaign_over)


def categories() -> QuerySet[Category]:
    return Category.objects.all()
