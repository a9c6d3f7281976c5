"""productChannelListingUpdate: where a booth's product is published and on sale."""

from datetime import date, datetime, time

import graphene
from django.utils import timezone

from marketplace.catalog import models, services
from marketplace.catalog.graphql.mutations.common import (
    MANAGE_PRODUCTS_NOTE,
    ProductChannelListingError,
    ProductMutation,
    decode_id,
    decode_ids,
    fetch,
    fetch_many,
    legacy_errors_field,
)
from marketplace.catalog.graphql.types import Product
from marketplace.channels.models import Channel


class ProductChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    is_published = graphene.Boolean(description="Determines if object is visible to customers.")
    publication_date = graphene.Date(
        description="Publication date. ISO 8601 standard.",
        deprecation_reason="Use `publishedAt` field instead.",
    )
    published_at = graphene.DateTime(
        description="Publication date time; now when the product is published without one."
    )
    visible_in_listings = graphene.Boolean(
        description="Determines if product is visible in product listings (doesn't apply to "
        "product collections)."
    )
    is_available_for_purchase = graphene.Boolean(
        description="Determines if product should be available for purchase in this channel. "
        "When a new listing is published without it, the sale opens with the publication."
    )
    available_for_purchase_date = graphene.Date(
        description="A start date from which a product will be available for purchase.",
        deprecation_reason="Use `availableForPurchaseAt` field instead.",
    )
    available_for_purchase_at = graphene.DateTime(
        description="A start date time from which a product will be available for purchase. "
        "When not set and `isAvailable` is set to True, the current day is assumed."
    )
    add_variants = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of variants to which the channel should be assigned (each needs a "
        "price in the channel, set with productVariantUpdate's `channelListings`).",
    )
    remove_variants = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of variants from which the channel should be unassigned.",
    )

    class Meta:
        description = "How a product is listed in one channel; settings left out stay as they are."


class ProductChannelListingUpdateInput(graphene.InputObjectType):
    update_channels = graphene.List(
        graphene.NonNull(ProductChannelListingAddInput),
        description="List of channels to which the product should be assigned or updated.",
    )
    remove_channels = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of channels from which the product should be unassigned.",
    )

    class Meta:
        description = "Channels to list the product in (or update), and channels to leave."


def _moment(at: datetime | None, day: date | None) -> datetime | None:
    if at is not None:
        return at
    if day is not None:
        return timezone.make_aware(datetime.combine(day, time.min))
    return None


def listing_change(data) -> services.ChannelListingChange:
    channel = fetch(Channel, data["channel_id"], "Channel", field="channelId")
    return services.ChannelListingChange(
        channel=channel,
        is_published=data.get("is_published"),
        published_at=_moment(data.get("published_at"), data.get("publication_date")),
        visible_in_listings=data.get("visible_in_listings"),
        is_available_for_purchase=data.get("is_available_for_purchase"),
        available_for_purchase_at=_moment(
            data.get("available_for_purchase_at"), data.get("available_for_purchase_date")
        ),
        add_variants=tuple(
            decode_ids(data.get("add_variants"), "ProductVariant", field="addVariants")
        ),
        remove_variants=tuple(
            decode_ids(data.get("remove_variants"), "ProductVariant", field="removeVariants")
        ),
    )


class ProductChannelListingUpdate(ProductMutation):
    product = graphene.Field(Product, description="An updated product instance.")
    product_channel_listing_errors = legacy_errors_field(ProductChannelListingError)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product to update.")
        input = ProductChannelListingUpdateInput(
            required=True,
            description="Fields required to create or update product channel listings.",
        )

    class Meta:
        description = (
            "Manage product's availability in channels: publish, schedule, hide from lists, "
            f"open or close the sale. {MANAGE_PRODUCTS_NOTE}"
        )
        error_type = ProductChannelListingError
        login_required = True

    @classmethod
    def perform(cls, root, info, id, input):
        product = services.product_to_manage(
            actor=info.context.user, product_id=decode_id(id, "Product", field="id")
        )
        update = [listing_change(item) for item in input.get("update_channels") or []]
        remove = fetch_many(
            Channel, input.get("remove_channels") or [], "Channel", field="removeChannels"
        )
        product = services.update_channel_listings(
            actor=info.context.user, product=product, update=update, remove=remove
        )
        return cls(product=models.Product.objects.get(pk=product.pk))
