"""Queries of what the storefront puts forward now: featured booths and running campaigns."""

import graphene

from marketplace.catalog.graphql.types import channel_or_error
from marketplace.curation import selectors
from marketplace.curation.graphql.mutations import CurationMutations
from marketplace.curation.graphql.types import (
    CampaignCountableConnection,
    FeaturedBoothCountableConnection,
)
from marketplace.graphql.core.connection import connection_args, paginate

__all__ = ["CurationMutations", "CurationQueries"]


class CurationQueries(graphene.ObjectType):
    featured_booths = graphene.Field(
        FeaturedBoothCountableConnection,
        channel=graphene.String(description="Slug of a channel (the default channel if empty)."),
        **connection_args(),
        description="Booths featured in the channel now, in the order staff chose.",
    )
    campaigns = graphene.Field(
        CampaignCountableConnection,
        channel=graphene.String(description="Slug of a channel (the default channel if empty)."),
        **connection_args(),
        description="Campaigns running in the channel now, those ending soonest first. Each "
        "shows its products through its `collection`.",
    )

    @staticmethod
    def resolve_featured_booths(root, info, channel=None, **page):
        channel_obj = channel_or_error(channel)
        return paginate(
            selectors.featured_booths_in_force(channel_obj),
            FeaturedBoothCountableConnection,
            info,
            required=False,
            channel=channel_obj,
            **page,
        )

    @staticmethod
    def resolve_campaigns(root, info, channel=None, **page):
        channel_obj = channel_or_error(channel)
        return paginate(
            selectors.running_campaigns(channel_obj),
            CampaignCountableConnection,
            info,
            required=False,
            channel=channel_obj,
            **page,
        )
