"""Writes to featured booth slots and campaigns, by staff curating content (CURATE_CONTENT).

A campaign owns a catalog collection that storefronts read; every write here keeps that
collection in step (name, texts, banner, channels, start, products).
"""

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.catalog.models import (
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
    Product,
)
from marketplace.catalog.services import editorjs
from marketplace.channels.models import Channel
from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, authorize
from marketplace.core.text import slug_from
from marketplace.curation.models import Campaign, FeaturedBooth
from marketplace.privacy.images import clean_image
from vendors.models import Booth, BoothStatus

UNSET = object()


class CurationErrorCode(StrEnum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    TOO_LARGE = "TOO_LARGE"


def _check_window(starts_at: datetime | None, ends_at: datetime | None, *, open_end: bool):
    if starts_at is None:
        raise DomainError(
            _("Enter when it starts."), code=CurationErrorCode.REQUIRED, field="startsAt"
        )
    if ends_at is None and not open_end:
        raise DomainError(_("Enter when it ends."), code=CurationErrorCode.REQUIRED, field="endsAt")
    if ends_at is not None and ends_at <= starts_at:
        raise DomainError(
            _("The end must come after the start."), code=CurationErrorCode.INVALID, field="endsAt"
        )


def _open_booth(booth: Booth) -> Booth:
    if booth.status != BoothStatus.APPROVED:
        raise DomainError(
            _("Only open booths can be featured."), code=CurationErrorCode.INVALID, field="vendor"
        )
    return booth


# --- Featured booths -----------------------------------------------------------------------------


@transaction.atomic
def create_featured_booth(
    *,
    actor,
    vendor: Booth,
    channel: Channel,
    starts_at: datetime,
    headline: str,
    ends_at: datetime | None = None,
    position: int = 0,
    headline_en: str = "",
) -> FeaturedBooth:
    """Feature an open booth in `channel` from `starts_at` (until `ends_at`, if given)."""
    authorize(actor, Action.CURATE)
    slot = FeaturedBooth(created_by=actor if getattr(actor, "pk", None) else None)
    return _save_slot(
        slot,
        vendor=vendor,
        channel=channel,
        starts_at=starts_at,
        ends_at=ends_at,
        position=position,
        headline=headline,
        headline_en=headline_en,
    )


@transaction.atomic
def update_featured_booth(*, actor, slot: FeaturedBooth, **changes) -> FeaturedBooth:
    """Change the given fields of a slot (`vendor`, `channel`, `position`, `starts_at`,
    `ends_at`, `headline`, `headline_en`); the others stay as they are."""
    authorize(actor, Action.CURATE)
    slot = FeaturedBooth.objects.select_for_update().get(pk=slot.pk)
    fields = {
        name: getattr(slot, name)
        for name in ("vendor", "channel", "position", "starts_at", "ends_at", "headline")
    }
    fields["headline_en"] = slot.headline_en
    fields.update(changes)
    return _save_slot(slot, **fields)


def _save_slot(slot: FeaturedBooth, **fields) -> FeaturedBooth:
    if fields["vendor"] is None:
        raise DomainError(
            _("Choose the booth to feature."), code=CurationErrorCode.REQUIRED, field="vendor"
        )
    if fields["channel"] is None:
        raise DomainError(_("Choose a channel."), code=CurationErrorCode.REQUIRED, field="channel")
    _open_booth(fields["vendor"])
    _check_window(fields["starts_at"], fields["ends_at"], open_end=True)
    headline = (fields["headline"] or "").strip()
    if not headline:
        raise DomainError(
            _("Write a headline in Vietnamese."), code=CurationErrorCode.REQUIRED, field="headline"
        )
    position = fields["position"] if fields["position"] is not None else 0
    if position < 0:
        raise DomainError(
            _("The position cannot be negative."), code=CurationErrorCode.INVALID, field="position"
        )
    slot.vendor = fields["vendor"]
    slot.channel = fields["channel"]
    slot.position = position
    slot.starts_at = fields["starts_at"]
    slot.ends_at = fields["ends_at"]
    slot.headline = headline
    slot.headline_en = (fields["headline_en"] or "").strip()
    slot.full_clean()
    slot.save()
    return slot


@transaction.atomic
def delete_featured_booth(*, actor, slot: FeaturedBooth) -> None:
    authorize(actor, Action.CURATE)
    slot.delete()


# --- Campaigns -----------------------------------------------------------------------------------


@transaction.atomic
def create_campaign(
    *,
    actor,
    name: str,
    starts_at: datetime,
    ends_at: datetime,
    channels: Iterable[Channel],
    slug: str | None = None,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
    booths: Iterable[Booth] = (),
    products: Iterable[Product] = (),
    banner: bytes | None = None,
) -> Campaign:
    """Start a campaign: its collection lists the chosen products and all products of the chosen
    booths in `channels` from `starts_at` until `ends_at`."""
    authorize(actor, Action.CURATE)
    return _save_campaign(
        Campaign(),
        name=name,
        slug=slug,
        name_en=name_en,
        description=description,
        description_en=description_en,
        starts_at=starts_at,
        ends_at=ends_at,
        channels=list(channels),
        booths=list(booths),
        products=list(products),
        banner=banner,
    )


@transaction.atomic
def update_campaign(*, actor, campaign: Campaign, **changes) -> Campaign:
    """Change the given fields of a campaign (same names as `create_campaign`)."""
    authorize(actor, Action.CURATE)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    fields = {
        "name": campaign.name,
        "slug": campaign.slug,
        "name_en": campaign.name_en,
        "description": campaign.description,
        "description_en": campaign.description_en,
        "starts_at": campaign.starts_at,
        "ends_at": campaign.ends_at,
        "channels": list(campaign.channels.all()),
        "booths": list(campaign.booths.all()),
        "products": list(campaign.products.all()),
        "banner": None,
    }
    fields.update({key: value for key, value in changes.items() if value is not UNSET})
    return _save_campaign(campaign, **fields)


def _save_campaign(campaign: Campaign, *, channels, booths, products, banner, **fields) -> Campaign:
    name = (fields["name"] or "").strip()
    if not name:
        raise DomainError(
            _("Give the campaign a name."), code=CurationErrorCode.REQUIRED, field="name"
        )
    _check_window(fields["starts_at"], fields["ends_at"], open_end=False)
    if not channels:
        raise DomainError(
            _("Choose at least one channel."), code=CurationErrorCode.REQUIRED, field="channels"
        )
    slug = slug_from(fields["slug"] or name)
    other_collections = Collection.objects.filter(slug=slug)
    if campaign.collection_id:
        other_collections = other_collections.exclude(pk=campaign.collection_id)
    if (
        Campaign.objects.filter(slug=slug).exclude(pk=campaign.pk).exists()
        or other_collections.exists()
    ):
        raise DomainError(
            _("Another campaign or collection already uses this slug."),
            code=CurationErrorCode.UNIQUE,
            field="slug",
        )
    campaign.name = name
    campaign.slug = slug
    campaign.name_en = (fields["name_en"] or "").strip()
    campaign.description = (fields["description"] or "").strip()
    campaign.description_en = (fields["description_en"] or "").strip()
    campaign.starts_at = fields["starts_at"]
    campaign.ends_at = fields["ends_at"]
    if banner is not None:
        cleaned = clean_image(banner, name=slug)
        campaign.banner.save(cleaned.name, cleaned, save=False)
    campaign.full_clean(exclude=["channels", "booths", "products"])
    campaign.save()
    campaign.channels.set(channels)
    campaign.booths.set(booths)
    campaign.products.set(products)
    sync_campaign_collection(campaign)
    return campaign


@transaction.atomic
def delete_campaign(*, actor, campaign: Campaign) -> None:
    """End a campaign for good: its collection goes with it."""
    authorize(actor, Action.CURATE)
    collection = campaign.collection
    campaign.delete()
    if collection is not None:
        collection.delete()


def campaign_product_ids(campaign: Campaign) -> list[int]:
    """The chosen products first, then the products of the chosen booths, each once."""
    chosen = list(campaign.products.order_by("name", "pk").values_list("pk", flat=True))
    of_booths = Product.objects.filter(vendor__in=campaign.booths.all()).order_by(
        "vendor__name", "name", "pk"
    )
    ordered = dict.fromkeys(chosen)
    ordered.update(dict.fromkeys(of_booths.values_list("pk", flat=True)))
    return list(ordered)


def sync_campaign_collection(campaign: Campaign) -> Collection:
    """Make the campaign's collection say what the campaign says (texts, banner, channels from
    the start, products in order). The end is applied when collections are read."""
    collection = campaign.collection or Collection()
    banner_changed = collection.background_image.name != (campaign.banner.name or "")
    collection.name = campaign.name
    collection.slug = campaign.slug
    collection.description = editorjs(campaign.description)
    collection.background_image = campaign.banner.name or ""
    collection.background_image_alt = campaign.name[:128]
    collection.full_clean()
    collection.save()
    if banner_changed:
        collection.thumbnails.all().delete()
    if campaign.collection_id != collection.pk:
        campaign.collection = collection
        campaign.save(update_fields=["collection"])

    if campaign.name_en:
        CollectionTranslation.objects.update_or_create(
            collection=collection,
            language_code="en",
            defaults={
                "name": campaign.name_en,
                "slug": f"{campaign.slug}-en",
                "description": editorjs(campaign.description_en),
            },
        )
    else:
        CollectionTranslation.objects.filter(collection=collection, language_code="en").delete()

    channels = list(campaign.channels.all())
    CollectionChannelListing.objects.filter(collection=collection).exclude(
        channel__in=channels
    ).delete()
    for channel in channels:
        CollectionChannelListing.objects.update_or_create(
            collection=collection,
            channel=channel,
            defaults={"is_published": True, "published_at": campaign.starts_at},
        )

    wanted = campaign_product_ids(campaign)
    CollectionProduct.objects.filter(collection=collection).exclude(product_id__in=wanted).delete()
    existing = {
        row.product_id: row for row in CollectionProduct.objects.filter(collection=collection)
    }
    changed, created = [], []
    for position, product_id in enumerate(wanted):
        row = existing.get(product_id)
        if row is None:
            created.append(
                CollectionProduct(collection=collection, product_id=product_id, sort_order=position)
            )
        elif row.sort_order != position:
            row.sort_order = position
            changed.append(row)
    CollectionProduct.objects.bulk_create(created)
    CollectionProduct.objects.bulk_update(changed, ["sort_order"])
    return collection


def add_to_booth_campaigns(*, product: Product) -> None:
    """A new product of a booth taking part in a campaign that has not ended joins it, last."""
    campaigns = Campaign.objects.filter(
        booths=product.vendor_id, ends_at__gt=timezone.now(), collection__isnull=False
    )
    for campaign in campaigns:
        last = (
            CollectionProduct.objects.filter(collection_id=campaign.collection_id)
            .order_by("-sort_order")
            .values_list("sort_order", flat=True)
            .first()
        )
        CollectionProduct.objects.get_or_create(
            collection_id=campaign.collection_id,
            product=product,
            defaults={"sort_order": (last or 0) + 1},
        )
