"""Writes to the catalog. Every function runs in a transaction and keeps derived data in step:
category levels, per-channel price ranges and the search index."""

import logging
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeInputType,
    AttributeValue,
    Category,
    Collection,
    CollectionProduct,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
    Thumbnail,
)
from marketplace.certifications.moderation import on_listing_changed
from marketplace.channels.models import Channel
from marketplace.core.errors import DomainError
from marketplace.core.money import vnd
from marketplace.core.permissions import Action, authorize, booths_of, can
from marketplace.core.text import slug_from
from marketplace.privacy.images import MAX_UPLOAD_BYTES, ImageErrorCode, ImageRejected, clean_image
from marketplace.search import get_search_backend
from vendors.models import Booth

logger = logging.getLogger(__name__)


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
        slug=slug or slug_from(name),
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
        slug=slug or slug_from(name),
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
        slug=fields.pop("slug", None) or slug_from(name) or name,
        defaults={"name": name, **fields},
    )
    return value


def refresh_derived_data(products: Iterable[Product]) -> None:
    """Bring price ranges and the search index up to date after edits made outside the services
    (the staff admin edits rows directly)."""
    products = list(products)
    update_price_ranges(products)
    get_search_backend().index_products(products)


# Booth-side product management. The functions below act on behalf of a user (`actor`): the vendor
# portal and the GraphQL API call them. Each asks `marketplace.core.permissions` who may act and
# never decides that itself; each runs in one transaction, so a refused input leaves nothing
# half-written.


class ProductErrorCode(StrEnum):
    """Saleor's ProductErrorCode values, and PERMISSION_DENIED for refusals reported in `errors`."""

    ALREADY_EXISTS = "ALREADY_EXISTS"
    ATTRIBUTE_ALREADY_ASSIGNED = "ATTRIBUTE_ALREADY_ASSIGNED"
    ATTRIBUTE_CANNOT_BE_ASSIGNED = "ATTRIBUTE_CANNOT_BE_ASSIGNED"
    ATTRIBUTE_VARIANTS_DISABLED = "ATTRIBUTE_VARIANTS_DISABLED"
    MEDIA_ALREADY_ASSIGNED = "MEDIA_ALREADY_ASSIGNED"
    DUPLICATED_INPUT_ITEM = "DUPLICATED_INPUT_ITEM"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    INVALID_PRICE = "INVALID_PRICE"
    PRODUCT_WITHOUT_CATEGORY = "PRODUCT_WITHOUT_CATEGORY"
    NOT_PRODUCTS_IMAGE = "NOT_PRODUCTS_IMAGE"
    NOT_PRODUCTS_VARIANT = "NOT_PRODUCTS_VARIANT"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT = "CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT"
    PRODUCT_NOT_ASSIGNED_TO_CHANNEL = "PRODUCT_NOT_ASSIGNED_TO_CHANNEL"
    UNSUPPORTED_MEDIA_PROVIDER = "UNSUPPORTED_MEDIA_PROVIDER"
    PREORDER_VARIANT_CANNOT_BE_DEACTIVATED = "PREORDER_VARIANT_CANNOT_BE_DEACTIVATED"
    INVALID_FILE_TYPE = "INVALID_FILE_TYPE"
    UNSUPPORTED_MIME_TYPE = "UNSUPPORTED_MIME_TYPE"
    FILE_SIZE_LIMIT_EXCEEDED = "FILE_SIZE_LIMIT_EXCEEDED"
    PERMISSION_DENIED = "PERMISSION_DENIED"


class ProductInputError(DomainError):
    """A catalog DomainError that may also name the objects at fault (primary keys), as Saleor's
    ProductError does with `attributes`, `values`, `channels`, `variants` and `index`."""

    def __init__(
        self,
        message: str,
        *,
        code: ProductErrorCode,
        field: str | None = None,
        attributes: Iterable[int] = (),
        values: Iterable[int] = (),
        channels: Iterable[int] = (),
        variants: Iterable[int] = (),
        index: int | None = None,
    ):
        super().__init__(message, code=code, field=field)
        self.attributes = list(attributes)
        self.values = list(values)
        self.channels = list(channels)
        self.variants = list(variants)
        self.index = index


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


# Default of the update services' arguments: the field is left as it is.
UNCHANGED: Any = _Unchanged()

# A sanity bound on prices (one thousand billion dong) that keeps typos out of the catalog.
MAX_PRICE_VND = 1_000_000_000_000
MAX_QUANTITY = 2_147_483_647


@dataclass(frozen=True)
class AttributeChoice:
    """One chosen value of a dropdown or multiselect attribute: an existing value's pk, or a
    name (or slug) that is looked up and created when new, as Saleor does."""

    value_id: int | None = None
    value: str | None = None


@dataclass(frozen=True)
class AttributeValueSpec:
    """What to assign for one attribute (Saleor's AttributeValueInput with its IDs decoded).

    `kind` names the input the client used: "values", "dropdown", "multiselect", "plain_text",
    "numeric", "boolean", another of Saleor's kinds (refused: no attribute here takes it), or
    "none", which clears the attribute.
    """

    attribute_id: int
    kind: str
    choices: tuple[AttributeChoice, ...] = ()
    text: str | None = None
    boolean: bool | None = None


@dataclass(frozen=True)
class ChannelListingChange:
    """How a product is listed in one channel; None leaves a setting as it is."""

    channel: Channel
    is_published: bool | None = None
    published_at: datetime | None = None
    visible_in_listings: bool | None = None
    is_available_for_purchase: bool | None = None
    available_for_purchase_at: datetime | None = None
    add_variants: tuple[int, ...] = ()
    remove_variants: tuple[int, ...] = ()


def product_to_manage(*, actor, product_id: int, field: str = "id") -> Product:
    """The product `product_id`, when `actor` may manage it.

    A product of a booth the actor may not manage is reported exactly like a missing one, so that
    a booth learns nothing about another booth's products.
    """
    product = Product.objects.select_related("vendor").filter(pk=product_id).first()
    if product is None or not can(actor, Action.PRODUCT_MANAGE, product.vendor):
        raise ProductInputError(
            _("Couldn't find a product with this ID."), code=ProductErrorCode.NOT_FOUND, field=field
        )
    return product


def variant_to_manage(
    *, actor, variant_id: int | None = None, sku: str | None = None, field: str = "id"
) -> ProductVariant:
    """The variant with `variant_id` (or `sku`, among the booths `actor` may manage), when the
    actor may manage it; otherwise NOT_FOUND, as for a variant that does not exist."""
    variants = ProductVariant.objects.select_related("product", "vendor")
    if variant_id is not None:
        candidates = list(variants.filter(pk=variant_id))
    else:
        candidates = list(variants.filter(sku=(sku or "").strip()))
        field = "sku"
    found = [v for v in candidates if can(actor, Action.PRODUCT_MANAGE, v.vendor)]
    if not found:
        raise ProductInputError(
            _("Couldn't find a product variant with this ID or SKU."),
            code=ProductErrorCode.NOT_FOUND,
            field=field,
        )
    if len(found) > 1:
        raise ProductInputError(
            _("Several booths use this SKU: give the variant's ID instead."),
            code=ProductErrorCode.INVALID,
            field="sku",
        )
    return found[0]


def media_to_manage(*, actor, media_id: int, field: str = "id") -> ProductMedia:
    """The product media `media_id`, when `actor` may manage its product; otherwise NOT_FOUND."""
    media = ProductMedia.objects.select_related("product__vendor").filter(pk=media_id).first()
    if media is None or not can(actor, Action.PRODUCT_MANAGE, media.product.vendor):
        raise ProductInputError(
            _("Couldn't find a product media with this ID."),
            code=ProductErrorCode.NOT_FOUND,
            field=field,
        )
    return media


def booth_for_new_product(*, actor, vendor: Booth | None) -> Booth:
    """The booth a new product of `actor` goes to: `vendor` when given, else the actor's only
    booth. It must be named when the actor belongs to several booths or manages every booth."""
    if vendor is not None:
        if not can(actor, Action.PRODUCT_MANAGE, vendor):
            raise ProductInputError(
                _("You cannot add products to this booth."),
                code=ProductErrorCode.PERMISSION_DENIED,
                field="vendor",
            )
        return vendor
    booth_ids = booths_of(actor, Action.PRODUCT_MANAGE)
    if can(actor, Action.PRODUCT_MANAGE) or len(booth_ids) > 1:
        raise ProductInputError(
            _("Choose the booth the product belongs to."),
            code=ProductErrorCode.REQUIRED,
            field="vendor",
        )
    if not booth_ids:
        raise ProductInputError(
            _("Only members of a booth can add products."),
            code=ProductErrorCode.PERMISSION_DENIED,
            field="vendor",
        )
    return Booth.objects.get(pk=booth_ids[0])


@transaction.atomic
def add_product(
    *,
    actor,
    vendor: Booth | None,
    product_type: ProductType,
    name: str,
    slug: str | None = None,
    category: Category | None = None,
    description: dict | None = None,
    seo_title: str = "",
    seo_description: str = "",
    weight_grams: Decimal | int | None = None,
    rating: float | None = None,
    attributes: Sequence[AttributeValueSpec] = (),
    collections: Sequence[Collection] = (),
) -> Product:
    """Create a product of `vendor` (or of the actor's only booth) for `actor`.

    The slug is made from the name when not given (diacritics folded, made unique). Setting the
    rating is a moderation act and adding to collections a curation act: both need staff rights.
    """
    booth = booth_for_new_product(actor=actor, vendor=vendor)
    authorize(actor, Action.PRODUCT_MANAGE, booth)
    name = _required_text(name, field="name", message=_("Enter the product's name."))
    if rating is not None:
        _authorize_field(actor, Action.LISTING_MODERATE, field="rating")
    if collections:
        _authorize_field(actor, Action.CURATE, field="collections")
    slug = _free_product_slug(slug) if slug is not None else _slug_from_name(name)
    with _unique_or_error(field="slug"):
        product = create_product(
            vendor=booth,
            product_type=product_type,
            name=name,
            slug=slug,
            category=category,
            weight_grams=_grams(weight_grams),
            index=False,
        )
    product.description = _editorjs_document(description)
    product.seo_title = seo_title or ""
    product.seo_description = seo_description or ""
    product.rating = rating
    product.full_clean()
    product.save()
    _assign_attributes(product, attributes)
    CollectionProduct.objects.bulk_create(
        CollectionProduct(collection=collection, product=product) for collection in collections
    )
    get_search_backend().index_products([product])
    return product


@transaction.atomic
def update_product(
    *,
    actor,
    product: Product,
    name: str = UNCHANGED,
    slug: str | None = UNCHANGED,
    category: Category | None = UNCHANGED,
    description: dict | None = UNCHANGED,
    seo_title: str | None = UNCHANGED,
    seo_description: str | None = UNCHANGED,
    weight_grams: Decimal | int | None = UNCHANGED,
    rating: float | None = UNCHANGED,
    attributes: Sequence[AttributeValueSpec] = UNCHANGED,
    collections: Sequence[Collection] = UNCHANGED,
) -> Product:
    """Change the given fields of `product` (others stay as they are).

    `attributes` replaces the values of the attributes it names; other attributes keep theirs.
    `collections` replaces the product's collections (staff curators only).
    """
    authorize(actor, Action.PRODUCT_MANAGE, product.vendor)
    if name is not UNCHANGED:
        product.name = _required_text(name, field="name", message=_("Enter the product's name."))
    if slug is not UNCHANGED and slug is not None:
        product.slug = _free_product_slug(slug, exclude_pk=product.pk)
    if category is not UNCHANGED:
        product.category = category
    if description is not UNCHANGED:
        product.description = _editorjs_document(description)
    if seo_title is not UNCHANGED:
        product.seo_title = seo_title or ""
    if seo_description is not UNCHANGED:
        product.seo_description = seo_description or ""
    if weight_grams is not UNCHANGED:
        product.weight_grams = _grams(weight_grams)
    if rating is not UNCHANGED and rating != product.rating:
        _authorize_field(actor, Action.LISTING_MODERATE, field="rating")
        product.rating = rating
    product.full_clean()
    with _unique_or_error(field="slug"):
        product.save()
    if attributes is not UNCHANGED:
        _assign_attributes(product, attributes)
    if collections is not UNCHANGED:
        _set_collections(actor, product, collections)
    on_listing_changed(product=product, actor=actor)
    get_search_backend().index_products([product])
    return product


@transaction.atomic
def delete_product(*, actor, product: Product) -> None:
    """Delete `product` with its variants, stock, listings and photos (files removed once the
    transaction commits).

    Orders will keep their own copy of what was sold; when they arrive, this is where a product
    with order history will be hidden instead of deleted.
    """
    authorize(actor, Action.PRODUCT_MANAGE, product.vendor)
    variant_ids = list(product.variants.values_list("pk", flat=True))
    files = _media_files(ProductMedia.objects.filter(product=product))
    _owned_values(
        [_owner_key(product)] + [_owner_key(ProductVariant(pk=pk)) for pk in variant_ids]
    ).delete()
    product.delete()
    # Search: the database backend keeps its texts on the product row, gone with it.
    transaction.on_commit(lambda: _delete_files(files))


@transaction.atomic
def add_variant(
    *,
    actor,
    product: Product,
    sku: str | None,
    name: str = "",
    track_inventory: bool = True,
    weight_grams: Decimal | int | None = None,
    quantity_limit_per_customer: int | None = None,
    attributes: Sequence[AttributeValueSpec] = (),
    quantity: int = 0,
    prices: Mapping[Channel, Any] | None = None,
) -> ProductVariant:
    """Add a variant to `product` with its stock (at the booth) and its price per channel.

    SKUs are unique within a booth; prices are whole dong, never negative.
    """
    authorize(actor, Action.PRODUCT_MANAGE, product.vendor)
    sku = _free_sku(product.vendor_id, sku)
    quantity = _stock_quantity(quantity)
    amounts = {
        channel: _whole_dong(amount, channel=channel) for channel, amount in (prices or {}).items()
    }
    with _unique_or_error(field="sku"):
        variant = create_variant(
            product=product, sku=sku, name=(name or "").strip(), prices=amounts, quantity=quantity
        )
    variant.track_inventory = True if track_inventory is None else track_inventory
    variant.weight_grams = _grams(weight_grams)
    variant.quantity_limit_per_customer = _quantity_limit(quantity_limit_per_customer)
    variant.full_clean()
    variant.save()
    _assign_attributes(variant, attributes)
    get_search_backend().index_products([product])
    return variant


@transaction.atomic
def update_variant(
    *,
    actor,
    variant: ProductVariant,
    sku: str | None = UNCHANGED,
    name: str | None = UNCHANGED,
    track_inventory: bool | None = UNCHANGED,
    weight_grams: Decimal | int | None = UNCHANGED,
    quantity_limit_per_customer: int | None = UNCHANGED,
    attributes: Sequence[AttributeValueSpec] = UNCHANGED,
    prices: Mapping[Channel, Any] = UNCHANGED,
) -> ProductVariant:
    """Change the given fields of `variant`; `prices` sets its price in the channels it names."""
    authorize(actor, Action.PRODUCT_MANAGE, variant.vendor)
    if sku is not UNCHANGED:
        variant.sku = _free_sku(variant.vendor_id, sku, exclude_pk=variant.pk)
    if name is not UNCHANGED:
        variant.name = (name or "").strip()
    if track_inventory is not UNCHANGED and track_inventory is not None:
        variant.track_inventory = track_inventory
    if weight_grams is not UNCHANGED:
        variant.weight_grams = _grams(weight_grams)
    if quantity_limit_per_customer is not UNCHANGED:
        variant.quantity_limit_per_customer = _quantity_limit(quantity_limit_per_customer)
    variant.full_clean()
    with _unique_or_error(field="sku"):
        variant.save()
    if attributes is not UNCHANGED:
        _assign_attributes(variant, attributes)
    if prices is not UNCHANGED:
        for channel, amount in prices.items():
            ProductVariantChannelListing.objects.update_or_create(
                variant=variant,
                channel=channel,
                defaults={"price_amount": _whole_dong(amount, channel=channel)},
            )
        update_price_ranges([variant.product])
    get_search_backend().index_products([variant.product])
    return variant


@transaction.atomic
def delete_variant(*, actor, variant: ProductVariant) -> None:
    """Delete `variant` with its stock and prices; the product's price ranges follow.

    As for products, variants with order history will be hidden here instead, once orders exist.
    """
    authorize(actor, Action.PRODUCT_MANAGE, variant.vendor)
    product = variant.product
    _owned_values([_owner_key(variant)]).delete()
    variant.delete()
    update_price_ranges([product])
    get_search_backend().index_products([product])


@transaction.atomic
def update_stock(*, actor, variant: ProductVariant, quantity: int) -> Stock:
    """Set how many of `variant` the booth holds (its one stock). Units promised to unfinished
    orders stay promised: what shoppers can buy is the quantity less those."""
    authorize(actor, Action.PRODUCT_MANAGE, variant.vendor)
    quantity = _stock_quantity(quantity)
    stock = Stock.objects.select_for_update().filter(variant=variant).first()
    if stock is None:
        stock = Stock(variant=variant)
    stock.quantity = quantity
    stock.full_clean()
    stock.save()
    return stock


@transaction.atomic
def update_channel_listings(
    *,
    actor,
    product: Product,
    update: Sequence[ChannelListingChange] = (),
    remove: Sequence[Channel] = (),
) -> Product:
    """List `product` in channels (publish, schedule, hide from lists, open or close the sale) and
    take it out of others, with its variants' prices there.

    A new listing that is published opens the sale when the product is published unless
    `is_available_for_purchase` says otherwise (as `publish_product` does).
    """
    authorize(actor, Action.PRODUCT_MANAGE, product.vendor)
    updated = [change.channel.pk for change in update]
    _no_duplicates(updated, field="updateChannels", kind="channels")
    both = sorted(set(updated) & {channel.pk for channel in remove})
    if both:
        raise ProductInputError(
            _("The same channel cannot be both updated and removed."),
            code=ProductErrorCode.DUPLICATED_INPUT_ITEM,
            field="input",
            channels=both,
        )
    variant_ids = set(product.variants.values_list("pk", flat=True))
    now = timezone.now()
    for change in update:
        _check_listing_variants(change, variant_ids)
        listing = ProductChannelListing.objects.filter(
            product=product, channel=change.channel
        ).first()
        created = listing is None
        if created:
            listing = ProductChannelListing(product=product, channel=change.channel)
        if change.is_published is not None:
            listing.is_published = change.is_published
        if change.published_at is not None:
            listing.published_at = change.published_at
        elif listing.is_published and listing.published_at is None:
            listing.published_at = now
        if change.visible_in_listings is not None:
            listing.visible_in_listings = change.visible_in_listings
        if change.is_available_for_purchase is False:
            listing.available_for_purchase_at = None
        elif change.available_for_purchase_at is not None:
            listing.available_for_purchase_at = change.available_for_purchase_at
        elif change.is_available_for_purchase:
            listing.available_for_purchase_at = listing.available_for_purchase_at or now
        elif created and listing.is_published:
            listing.available_for_purchase_at = listing.published_at
        listing.full_clean()
        listing.save()
        ProductVariantChannelListing.objects.filter(
            variant_id__in=change.remove_variants, channel=change.channel
        ).delete()
    if remove:
        ProductChannelListing.objects.filter(product=product, channel__in=remove).delete()
        ProductVariantChannelListing.objects.filter(
            variant__product=product, channel__in=remove
        ).delete()
    update_price_ranges([product])
    return product


@transaction.atomic
def upload_product_media(*, actor, product: Product, image, alt: str = "") -> ProductMedia:
    """Add a photo to `product`, re-encoded without EXIF/GPS or any other metadata.

    `image` is the uploaded file (or its bytes). Files that are not JPEG, PNG, WEBP or GIF images
    and files over 10 MB are refused with a message the seller can act on.
    """
    authorize(actor, Action.PRODUCT_MANAGE, product.vendor)
    alt = (alt or "").strip()
    if len(alt) > ProductMedia._meta.get_field("alt").max_length:
        raise ProductInputError(
            _("The description of the photo is too long (250 characters at most)."),
            code=ProductErrorCode.INVALID,
            field="alt",
        )
    data = image if isinstance(image, bytes) else image.read(MAX_UPLOAD_BYTES + 1)
    try:
        return add_product_media(product=product, image=data, alt=alt)
    except ImageRejected as error:
        code = (
            ProductErrorCode.FILE_SIZE_LIMIT_EXCEEDED
            if error.code == ImageErrorCode.TOO_LARGE
            else ProductErrorCode.INVALID
        )
        raise ProductInputError(error.message, code=code, field="image") from error


@transaction.atomic
def delete_media(*, actor, media: ProductMedia) -> None:
    """Delete a product photo; its file and thumbnails leave storage after the commit."""
    authorize(actor, Action.PRODUCT_MANAGE, media.product.vendor)
    files = _media_files([media])
    media.delete()
    transaction.on_commit(lambda: _delete_files(files))


def _authorize_field(actor, action: Action, *, field: str) -> None:
    if not can(actor, action):
        raise ProductInputError(
            _("You do not have permission to set this field."),
            code=ProductErrorCode.PERMISSION_DENIED,
            field=field,
        )


def _required_text(value: str | None, *, field: str, message: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ProductInputError(message, code=ProductErrorCode.REQUIRED, field=field)
    return text


@contextmanager
def _unique_or_error(*, field: str):
    """Turn a uniqueness race lost in the database into the same error as the early check."""
    try:
        yield
    except IntegrityError as error:
        raise ProductInputError(
            _("This value is already used: choose another one."),
            code=ProductErrorCode.UNIQUE,
            field=field,
        ) from error


def _slug_from_name(name: str) -> str:
    base = slug_from(name)[:240].strip("-") or "product"
    taken = set(Product.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _free_product_slug(slug: str, *, exclude_pk: int | None = None) -> str:
    slug = slug.strip()
    if not slug:
        raise ProductInputError(
            _("The slug cannot be blank."), code=ProductErrorCode.REQUIRED, field="slug"
        )
    if Product.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        raise ProductInputError(
            _("A product with this slug already exists."),
            code=ProductErrorCode.UNIQUE,
            field="slug",
        )
    return slug


def _free_sku(booth_id: int, sku: str | None, *, exclude_pk: int | None = None) -> str | None:
    sku = (sku or "").strip() or None
    if sku and (
        ProductVariant.objects.filter(vendor_id=booth_id, sku=sku).exclude(pk=exclude_pk).exists()
    ):
        raise ProductInputError(
            _("The booth already has a variant with SKU %(sku)s.") % {"sku": sku},
            code=ProductErrorCode.UNIQUE,
            field="sku",
        )
    return sku


def _whole_dong(amount, *, channel: Channel | None = None, field: str = "price") -> int:
    """`amount` as whole dong, or an error saying what is wrong with it."""
    channels = [channel.pk] if channel else []
    try:
        value = Decimal(str(amount)) if isinstance(amount, float) else Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        value = None
    if value is None or not value.is_finite():
        raise ProductInputError(
            _("Enter the price as a number of dong."),
            code=ProductErrorCode.INVALID,
            field=field,
            channels=channels,
        )
    if value < 0:
        raise ProductInputError(
            _("A price cannot be negative."),
            code=ProductErrorCode.INVALID,
            field=field,
            channels=channels,
        )
    if value != value.to_integral_value():
        raise ProductInputError(
            _("Prices are in whole dong (VND has no fractions): %(amount)s is not.")
            % {"amount": amount},
            code=ProductErrorCode.INVALID,
            field=field,
            channels=channels,
        )
    if value > MAX_PRICE_VND:
        raise ProductInputError(
            _("The price is too large."),
            code=ProductErrorCode.INVALID,
            field=field,
            channels=channels,
        )
    return vnd(value)


def _stock_quantity(quantity: int | None) -> int:
    if quantity is None:
        return 0
    if quantity < 0:
        raise ProductInputError(
            _("The quantity in stock cannot be negative."),
            code=ProductErrorCode.INVALID,
            field="quantity",
        )
    if quantity > MAX_QUANTITY:
        raise ProductInputError(
            _("The quantity in stock is too large."),
            code=ProductErrorCode.INVALID,
            field="quantity",
        )
    return quantity


def _quantity_limit(limit: int | None) -> int | None:
    if limit is not None and not 0 < limit <= MAX_QUANTITY:
        raise ProductInputError(
            _("The quantity limit per customer must be at least 1."),
            code=ProductErrorCode.INVALID,
            field="quantityLimitPerCustomer",
        )
    return limit


def _grams(weight: Decimal | int | None) -> int | None:
    """A weight in grams, rounded to the gram."""
    if weight is None:
        return None
    if weight < 0 or weight > MAX_QUANTITY:
        raise ProductInputError(
            _("Enter a weight between 0 and 2,000 tonnes."),
            code=ProductErrorCode.INVALID,
            field="weight",
        )
    return int(Decimal(weight).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _editorjs_document(description) -> dict | None:
    if description is None or description == "":
        return None
    if not isinstance(description, dict):
        raise ProductInputError(
            _("The description must be an Editor.js document (a JSON object)."),
            code=ProductErrorCode.INVALID,
            field="description",
        )
    return description


def _no_duplicates(pks: Sequence[int], *, field: str, kind: str) -> None:
    repeated = sorted(pk for pk, times in Counter(pks).items() if times > 1)
    if repeated:
        raise ProductInputError(
            _("The same item is given more than once."),
            code=ProductErrorCode.DUPLICATED_INPUT_ITEM,
            field=field,
            **{kind: repeated},
        )


def _check_listing_variants(change: ChannelListingChange, product_variant_ids: set[int]) -> None:
    for field, ids in (
        ("addVariants", change.add_variants),
        ("removeVariants", change.remove_variants),
    ):
        foreign = sorted(set(ids) - product_variant_ids)
        if foreign:
            raise ProductInputError(
                _("These variants are not variants of the product."),
                code=ProductErrorCode.NOT_PRODUCTS_VARIANT,
                field=field,
                variants=foreign,
                channels=[change.channel.pk],
            )
    both = sorted(set(change.add_variants) & set(change.remove_variants))
    if both:
        raise ProductInputError(
            _("The same variant cannot be both added and removed."),
            code=ProductErrorCode.DUPLICATED_INPUT_ITEM,
            field="addVariants",
            variants=both,
            channels=[change.channel.pk],
        )
    priced = set(
        ProductVariantChannelListing.objects.filter(
            variant_id__in=change.add_variants, channel=change.channel
        ).values_list("variant_id", flat=True)
    )
    unpriced = sorted(set(change.add_variants) - priced)
    if unpriced:
        raise ProductInputError(
            _(
                "A variant is sold in a channel once it has a price there: set it with "
                "productVariantUpdate (channelListings)."
            ),
            code=ProductErrorCode.INVALID,
            field="addVariants",
            variants=unpriced,
            channels=[change.channel.pk],
        )


def _set_collections(actor, product: Product, collections: Sequence[Collection]) -> None:
    """Make `collections` the product's collections; changing them is a curation act."""
    current = set(product.collection_products.values_list("collection_id", flat=True))
    wanted = {collection.pk for collection in collections}
    if wanted == current:
        return
    _authorize_field(actor, Action.CURATE, field="collections")
    product.collection_products.exclude(collection_id__in=wanted).delete()
    CollectionProduct.objects.bulk_create(
        CollectionProduct(collection=collection, product=product)
        for collection in collections
        if collection.pk not in current
    )


# Input types whose values belong to one product or variant (a text, a number), not to a list.
OWNED_INPUT_TYPES = (AttributeInputType.PLAIN_TEXT, AttributeInputType.NUMERIC)


def _owner_key(owner: Product | ProductVariant) -> str:
    """Slug of the values (plain text, numbers) that belong to one product or variant only.

    The underscore keeps it apart from the slugs made for choices, which never hold one.
    """
    prefix = "product" if isinstance(owner, Product) else "variant"
    return f"{prefix}_{owner.pk}"


def _owned_values(owner_keys: list[str]):
    return AttributeValue.objects.filter(
        slug__in=owner_keys, attribute__input_type__in=OWNED_INPUT_TYPES
    )


def _assign_attributes(
    owner: Product | ProductVariant, specs: Sequence[AttributeValueSpec]
) -> None:
    """Give `owner` the values `specs` ask for; each named attribute's old values are replaced."""
    if not specs:
        return
    _no_duplicates([spec.attribute_id for spec in specs], field="attributes", kind="attributes")
    attributes = Attribute.objects.in_bulk([spec.attribute_id for spec in specs])
    missing = [spec.attribute_id for spec in specs if spec.attribute_id not in attributes]
    if missing:
        raise ProductInputError(
            _("Couldn't find an attribute with this ID."),
            code=ProductErrorCode.NOT_FOUND,
            field="attributes",
            attributes=missing,
        )
    chosen = {
        attributes[spec.attribute_id]: _attribute_values(owner, attributes[spec.attribute_id], spec)
        for spec in specs
    }
    assignments = owner.attribute_values
    assignments.filter(value__attribute__in=list(chosen)).delete()
    kept = {value.pk for values in chosen.values() for value in values}
    _owned_values([_owner_key(owner)]).filter(attribute__in=list(chosen)).exclude(
        pk__in=kept
    ).delete()
    position = (assignments.aggregate(last=Max("sort_order"))["last"] or 0) + 1
    new = []
    for values in chosen.values():
        for value in values:
            new.append(assignments.model(value=value, sort_order=position, **_owner_of(owner)))
            position += 1
    assignments.model.objects.bulk_create(new)


def _owner_of(owner: Product | ProductVariant) -> dict:
    return {"product": owner} if isinstance(owner, Product) else {"variant": owner}


# Which of Saleor's value inputs each input type takes.
_KINDS = {
    AttributeInputType.DROPDOWN: {"dropdown", "values"},
    AttributeInputType.MULTISELECT: {"multiselect", "values"},
    AttributeInputType.PLAIN_TEXT: {"plain_text", "values"},
    AttributeInputType.NUMERIC: {"numeric", "values"},
    AttributeInputType.BOOLEAN: {"boolean"},
}


def _attribute_values(
    owner: Product | ProductVariant, attribute: Attribute, spec: AttributeValueSpec
) -> list[AttributeValue]:
    if spec.kind == "none":
        return []
    if spec.kind not in _KINDS.get(attribute.input_type, set()):
        raise ProductInputError(
            _("%(attribute)s takes a %(type)s value.")
            % {"attribute": attribute.name, "type": attribute.get_input_type_display().lower()},
            code=ProductErrorCode.INVALID,
            field="attributes",
            attributes=[attribute.pk],
        )
    if attribute.input_type == AttributeInputType.BOOLEAN:
        return [] if spec.boolean is None else [_boolean_value(attribute, spec.boolean)]
    if attribute.input_type in (AttributeInputType.DROPDOWN, AttributeInputType.MULTISELECT):
        if attribute.input_type == AttributeInputType.DROPDOWN and len(spec.choices) > 1:
            raise ProductInputError(
                _("%(attribute)s takes one value.") % {"attribute": attribute.name},
                code=ProductErrorCode.INVALID,
                field="attributes",
                attributes=[attribute.pk],
            )
        values = [_choice_value(attribute, choice) for choice in spec.choices]
        return list(dict.fromkeys(values))
    text = spec.text if spec.kind != "values" else (spec.choices[0].value if spec.choices else None)
    text = (text or "").strip()
    if not text:
        return []
    fields: dict[str, Any] = {"name": text[:250], "plain_text": text}
    if attribute.input_type == AttributeInputType.NUMERIC:
        fields = {"name": _number_text(attribute, text), "plain_text": None}
    value, _created = AttributeValue.objects.update_or_create(
        attribute=attribute, slug=_owner_key(owner), defaults=fields
    )
    return [value]


def _number_text(attribute: Attribute, text: str) -> str:
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise ProductInputError(
            _("%(attribute)s takes a number.") % {"attribute": attribute.name},
            code=ProductErrorCode.INVALID,
            field="attributes",
            attributes=[attribute.pk],
        )
    return format(number.normalize(), "f")


def _boolean_value(attribute: Attribute, flag: bool) -> AttributeValue:
    found = AttributeValue.objects.filter(attribute=attribute, boolean=flag).first()
    if found:
        return found
    # Values are stored in Vietnamese, the catalog's language; translations come separately.
    return create_attribute_value(
        attribute=attribute,
        name="Có" if flag else "Không",
        slug="true" if flag else "false",
        boolean=flag,
    )


def _choice_value(attribute: Attribute, choice: AttributeChoice) -> AttributeValue:
    if choice.value_id is not None:
        found = AttributeValue.objects.filter(pk=choice.value_id, attribute=attribute).first()
        if found is None:
            raise ProductInputError(
                _("Couldn't find this value of %(attribute)s.") % {"attribute": attribute.name},
                code=ProductErrorCode.NOT_FOUND,
                field="attributes",
                attributes=[attribute.pk],
                values=[choice.value_id],
            )
        return found
    name = (choice.value or "").strip()
    if not name:
        raise ProductInputError(
            _("Choose a value for %(attribute)s.") % {"attribute": attribute.name},
            code=ProductErrorCode.REQUIRED,
            field="attributes",
            attributes=[attribute.pk],
        )
    # Compared in Python: databases differ in folding the case of Vietnamese letters.
    wanted = _caseless(name)
    for existing in attribute.values.all():
        if existing.slug == name or _caseless(existing.name) == wanted:
            return existing
    base = slug_from(name)[:240].strip("-") or "value"
    taken = set(attribute.values.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    last = attribute.values.aggregate(last=Max("sort_order"))["last"]
    return create_attribute_value(
        attribute=attribute, name=name[:250], slug=slug, sort_order=(last or 0) + 1
    )


def _caseless(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _media_files(media: Iterable[ProductMedia]) -> list[tuple[Any, str]]:
    """(storage, name) of each photo and thumbnail of `media`."""
    media = list(media)
    files = [(item.image.storage, item.image.name) for item in media if item.image]
    for thumbnail in Thumbnail.objects.filter(product_media__in=media):
        files.append((thumbnail.image.storage, thumbnail.image.name))
    return files


def _delete_files(files: Iterable[tuple[Any, str]]) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not delete the stored file of a deleted product photo.")
