"""Staff mutations for featured booths and campaigns (CURATE_CONTENT, checked by the services)."""

import graphene
from django.utils.translation import gettext as _

from marketplace.catalog.models import Product
from marketplace.channels.models import Channel
from marketplace.core.errors import DomainError
from marketplace.curation import models, services
from marketplace.curation.graphql.types import Campaign, FeaturedBooth
from marketplace.graphql.core.ids import resolve_global_id, resolve_global_ids
from marketplace.graphql.core.mutations import BaseMutation, error_type
from marketplace.graphql.core.scalars import Upload
from vendors.models import Booth

CurationErrorCode = graphene.Enum.from_enum(services.CurationErrorCode)
CurationError = error_type("CurationError", CurationErrorCode)
MAX_BANNER_READ = 10 * 1024 * 1024 + 1


def _not_found(message: str, field: str) -> DomainError:
    return DomainError(message, code=services.CurationErrorCode.NOT_FOUND, field=field)


def _booth(global_id: str) -> Booth:
    booth = Booth.objects.filter(pk=resolve_global_id(global_id, "Vendor")).first()
    if booth is None:
        raise _not_found(_("Booth not found."), "vendor")
    return booth


def _channel(slug: str, field: str = "channel") -> Channel:
    channel = Channel.objects.filter(slug=slug).first()
    if channel is None:
        raise _not_found(_("Channel not found."), field)
    return channel


class FeaturedBoothInput(graphene.InputObjectType):
    vendor = graphene.ID(description="The booth to feature (an open booth).")
    channel = graphene.String(description="Slug of the channel.")
    position = graphene.Int(description="Order on the page, lowest first (default 0).")
    starts_at = graphene.DateTime(description="When the slot starts.")
    ends_at = graphene.DateTime(description="When it ends; leave out for no end.")
    headline = graphene.String(description="Headline in Vietnamese.")
    headline_en = graphene.String(description="Headline in English.")


def _slot_fields(input) -> dict:
    fields = {}
    if "vendor" in input:
        fields["vendor"] = _booth(input["vendor"]) if input["vendor"] else None
    if "channel" in input:
        fields["channel"] = _channel(input["channel"]) if input["channel"] else None
    for name in ("position", "starts_at", "ends_at", "headline", "headline_en"):
        if name in input:
            fields[name] = input[name]
    return fields


def _slot(global_id: str) -> models.FeaturedBooth:
    slot = models.FeaturedBooth.objects.filter(
        pk=resolve_global_id(global_id, "FeaturedBooth")
    ).first()
    if slot is None:
        raise _not_found(_("Featured booth not found."), "id")
    return slot


class FeaturedBoothCreate(BaseMutation):
    featured_booth = graphene.Field(FeaturedBooth)

    class Arguments:
        input = FeaturedBoothInput(required=True)

    class Meta:
        error_type = CurationError
        login_required = True
        description = "Feature a booth in a channel for a while (staff with CURATE_CONTENT)."

    @classmethod
    def perform_mutation(cls, root, info, input):
        fields = _slot_fields(input)
        if fields.get("vendor") is None:
            raise DomainError(
                _("Choose the booth to feature."),
                code=services.CurationErrorCode.REQUIRED,
                field="vendor",
            )
        if "channel" not in input:
            fields["channel"] = _channel_default()
        slot = services.create_featured_booth(
            actor=info.context.user,
            vendor=fields["vendor"],
            channel=fields["channel"],
            starts_at=fields.get("starts_at"),
            ends_at=fields.get("ends_at"),
            position=fields.get("position") or 0,
            headline=fields.get("headline") or "",
            headline_en=fields.get("headline_en") or "",
        )
        return cls(featured_booth=slot)


def _channel_default() -> Channel:
    from marketplace.channels.selectors import ChannelNotFound, get_channel

    try:
        return get_channel(None)
    except ChannelNotFound as error:
        raise _not_found(str(error), "channel") from error


class FeaturedBoothUpdate(BaseMutation):
    featured_booth = graphene.Field(FeaturedBooth)

    class Arguments:
        id = graphene.ID(required=True)
        input = FeaturedBoothInput(required=True)

    class Meta:
        error_type = CurationError
        login_required = True
        description = "Change a featured booth slot (staff with CURATE_CONTENT)."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        slot = services.update_featured_booth(
            actor=info.context.user, slot=_slot(id), **_slot_fields(input)
        )
        return cls(featured_booth=slot)


class FeaturedBoothDelete(BaseMutation):
    featured_booth = graphene.Field(FeaturedBooth)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        error_type = CurationError
        login_required = True
        description = "Remove a featured booth slot (staff with CURATE_CONTENT)."

    @classmethod
    def perform_mutation(cls, root, info, id):
        slot = _slot(id)
        pk = slot.pk
        services.delete_featured_booth(actor=info.context.user, slot=slot)
        slot.pk = pk
        return cls(featured_booth=slot)


class CampaignInput(graphene.InputObjectType):
    name = graphene.String(description="Name in Vietnamese.")
    name_en = graphene.String(description="Name in English.")
    slug = graphene.String(description="Slug (made from the name when left out).")
    description = graphene.String(description="Description in Vietnamese.")
    description_en = graphene.String(description="Description in English.")
    starts_at = graphene.DateTime(description="When the campaign starts.")
    ends_at = graphene.DateTime(description="When the campaign ends.")
    channels = graphene.List(
        graphene.NonNull(graphene.String), description="Slugs of the channels it runs in."
    )
    vendors = graphene.List(
        graphene.NonNull(graphene.ID), description="Booths taking part: all their products."
    )
    products = graphene.List(graphene.NonNull(graphene.ID), description="Products chosen.")
    banner = Upload(description="Banner image; metadata is removed.")


def _campaign_fields(input) -> dict:
    fields = {}
    for name in ("name", "name_en", "slug", "description", "description_en"):
        if name in input:
            fields[name] = input[name] or ""
    for name in ("starts_at", "ends_at"):
        if name in input:
            fields[name] = input[name]
    if "channels" in input:
        fields["channels"] = [_channel(slug, "channels") for slug in input["channels"] or []]
    if "vendors" in input:
        ids = resolve_global_ids(input["vendors"], "Vendor")
        fields["booths"] = list(Booth.objects.filter(pk__in=ids))
        if len(fields["booths"]) != len(set(ids)):
            raise _not_found(_("Booth not found."), "vendors")
    if "products" in input:
        ids = resolve_global_ids(input["products"], "Product")
        fields["products"] = list(Product.objects.filter(pk__in=ids))
        if len(fields["products"]) != len(set(ids)):
            raise _not_found(_("Product not found."), "products")
    if input.get("banner") is not None:
        banner = input["banner"]
        fields["banner"] = banner if isinstance(banner, bytes) else banner.read(MAX_BANNER_READ)
    return fields


def _campaign(global_id: str) -> models.Campaign:
    campaign = models.Campaign.objects.filter(pk=resolve_global_id(global_id, "Campaign")).first()
    if campaign is None:
        raise _not_found(_("Campaign not found."), "id")
    return campaign


class CampaignCreate(BaseMutation):
    campaign = graphene.Field(Campaign)

    class Arguments:
        input = CampaignInput(required=True)

    class Meta:
        error_type = CurationError
        login_required = True
        description = (
            "Start a campaign; storefronts see it as a collection while it runs "
            "(staff with CURATE_CONTENT)."
        )

    @classmethod
    def perform_mutation(cls, root, info, input):
        fields = _campaign_fields(input)
        if "channels" not in fields:
            fields["channels"] = [_channel_default()]
        campaign = services.create_campaign(
            actor=info.context.user,
            name=fields.pop("name", ""),
            starts_at=fields.pop("starts_at", None),
            ends_at=fields.pop("ends_at", None),
            **fields,
        )
        return cls(campaign=campaign)


class CampaignUpdate(BaseMutation):
    campaign = graphene.Field(Campaign)

    class Arguments:
        id = graphene.ID(required=True)
        input = CampaignInput(required=True)

    class Meta:
        error_type = CurationError
        login_required = True
        description = "Change a campaign (staff with CURATE_CONTENT)."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        campaign = services.update_campaign(
            actor=info.context.user, campaign=_campaign(id), **_campaign_fields(input)
        )
        return cls(campaign=campaign)


class CampaignDelete(BaseMutation):
    campaign = graphene.Field(Campaign)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        error_type = CurationError
        login_required = True
        description = "Delete a campaign and its collection (staff with CURATE_CONTENT)."

    @classmethod
    def perform_mutation(cls, root, info, id):
        campaign = _campaign(id)
        pk = campaign.pk
        services.delete_campaign(actor=info.context.user, campaign=campaign)
        campaign.pk = pk
        return cls(campaign=campaign)


class CurationMutations(graphene.ObjectType):
    featured_booth_create = FeaturedBoothCreate.Field()
    featured_booth_update = FeaturedBoothUpdate.Field()
    featured_booth_delete = FeaturedBoothDelete.Field()
    campaign_create = CampaignCreate.Field()
    campaign_update = CampaignUpdate.Field()
    campaign_delete = CampaignDelete.Field()
