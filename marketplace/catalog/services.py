"""Writes to the catalog. Every function runs in a transaction and keeps derived data in step:
category levels, per-channel price ranges and the search index."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.text import slugify

from marketplace.catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeValue,
    Category,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from marketplace.certifications.moderation import on_listing_changed
from marketplace.channels.models import Channel
from marketplace.core.money import vnd
from marketplace.privacy.images import clean_image
from marketplace.search import get_search_backend
from vendors.models import Booth


def editorjs(text: str) -> dict | None:
    """A plain text as an Editor.js document, one paragraph per blank-line-separated block."""
    if not text:
        return None
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    return {"blocks": [{"type": "paragraph", "data": {"text": p}} for p in paragraphs]}


@transaction.atomic
def create_category(
    *, name: str, slug: str | None = None, parent: Category | None = None, description: str = ""
) -> Category:
    """Create a category under `parent` (or at the root)."""
    category = Category(
        name=name,
        slug=slug or slugify(name),
        parent=parent,
        level=parent.level + 1 if parent else 0,
        description=editorjs(description),
    )
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def create_product(
    *,
    vendor: Booth,
    product_type: ProductType,
    name: str,
    slug: str | None = None,
    category: Category | None = None,
    description: str = "",
    weight_grams: int | None = None,
    translations: dict[str, dict] | None = None,
    attribute_values: Iterable[AttributeValue] = (),
    index: bool = True,
) -> Product:
    """Create a product of `vendor`. `translations` maps a language to {name, description, slug}."""
    product = Product(
        vendor=vendor,
        product_type=product_type,
        category=category,
        name=name,
        slug=slug or slugify(name),
        description=editorjs(description),
        weight_grams=weight_grams,
    )
    product.full_clean()
    product.save()
    for language, texts in (translations or {}).items():
        ProductTranslation.objects.create(
            product=product,
            language_code=language,
            name=texts.get("name", ""),
            slug=texts.get("slug"),
            description=editorjs(texts.get("description", "")),
        )
    AssignedProductAttributeValue.objects.bulk_create(
        AssignedProductAttributeValue(product=product, value=value, sort_order=i)
        for i, value in enumerate(attribute_values)
    )
    on_listing_changed(product=product)
    if index:
        get_search_backend().index_products([product])
    return product


@transaction.atomic
def create_variant(
    *,
    product: Product,
    sku: str | None,
    name: str = "",
    prices: dict[Channel, int] | None = None,
    quantity: int = 0,
    attribute_values: Iterable[AttributeValue] = (),
    update_prices: bool = True,
) -> ProductVariant:
    """Add a variant with its stock and its price in each channel (whole dong)."""
    variant = ProductVariant(product=product, vendor_id=product.vendor_id, sku=sku, name=name)
    variant.full_clean()
    variant.save()
    Stock.objects.create(variant=variant, quantity=quantity)
    for channel, amount in (prices or {}).items():
        ProductVariantChannelListing.objects.create(
            variant=variant, channel=channel, price_amount=vnd(amount)
        )
    AssignedVariantAttributeValue.objects.bulk_create(
        AssignedVariantAttributeValue(variant=variant, value=value, sort_order=i)
        for i, value in enumerate(attribute_values)
    )
    if update_prices:
        # The SKU and variant name are searchable too.
        update_price_ranges([product])
        get_search_backend().index_products([product])
    return variant


@transaction.atomic
def set_variant_price(*, variant: ProductVariant, channel: Channel, amount: int) -> None:
    ProductVariantChannelListing.objects.update_or_create(
        variant=variant, channel=channel, defaults={"price_amount": vnd(amount)}
    )
    update_price_ranges([variant.product])


@transaction.atomic
def publish_product(
    *,
    product: Product,
    channel: Channel,
    published_at: datetime | None = None,
    visible_in_listings: bool = True,
    available_for_purchase_at: datetime | None = None,
) -> ProductChannelListing:
    """Publish `product` in `channel` (now, unless `published_at` says later) and open its sale."""
    now = timezone.now()
    listing, _ = ProductChannelListing.objects.update_or_create(
        product=product,
        channel=channel,
        defaults={
            "is_published": True,
            "published_at": published_at or now,
            "visible_in_listings": visible_in_listings,
            "available_for_purchase_at": available_for_purchase_at or published_at or now,
        },
    )
    update_price_ranges([product])
    listing.refresh_from_db()
    return listing


def update_price_ranges(products: Iterable[Product]) -> None:
    """Recompute each product's cheapest and dearest variant price in each of its channels."""
    ids = [product.pk for product in products]
    ranges = {
        (row["variant__product_id"], row["channel_id"]): row
        for row in ProductVariantChannelListing.objects.filter(variant__product_id__in=ids)
        .values("variant__product_id", "channel_id")
        .annotate(low=Min("price_amount"), high=Max("price_amount"))
    }
    listings = list(ProductChannelListing.objects.filter(product_id__in=ids))
    for listing in listings:
        row = ranges.get((listing.product_id, listing.channel_id), {})
        listing.price_min_amount = row.get("low")
        listing.price_max_amount = row.get("high")
    ProductChannelListing.objects.bulk_update(listings, ["price_min_amount", "price_max_amount"])


@transaction.atomic
def add_product_media(*, product: Product, image: bytes, alt: str = "") -> ProductMedia:
    """Store a product photo re-encoded without metadata (EXIF, GPS, XMP, ICC are dropped)."""
    cleaned = clean_image(image, name=product.slug)
    position = product.media.count()
    media = ProductMedia(product=product, alt=alt, sort_order=position)
    media.image.save(cleaned.name, cleaned, save=False)
    media.save()
    return media


@transaction.atomic
def create_attribute_value(*, attribute: Attribute, name: str, **fields) -> AttributeValue:
    value, _ = AttributeValue.objects.get_or_create(
        attribute=attribute,
        slug=fields.pop("slug", None) or slugify(name) or name,
        defaults={"name": name, **fields},
    )
    return value


def refresh_derived_data(products: Iterable[Product]) -> None:
    """Bring price ranges and the search index up to date after edits made outside the services
    (the staff admin edits rows directly)."""
    products = list(products)
    update_price_ranges(products)
    get_search_backend().index_products(products)
