"""Channel queries: where and in which currency the marketplace sells."""

import graphene
from graphql import GraphQLError

from marketplace.channels import models
from marketplace.channels.selectors import active_channels
from marketplace.graphql.core.ids import resolve_global_id
from marketplace.graphql.core.types import CountryDisplay, ModelObjectType

COUNTRY_NAMES = {"VN": "Viet Nam"}


def _country(code: str) -> CountryDisplay:
    return CountryDisplay(code=code, country=COUNTRY_NAMES.get(code, code))


class StockSettings(graphene.ObjectType):
    allocation_strategy = graphene.String(required=True)


class Channel(ModelObjectType):
    slug = graphene.String(required=True, description="Slug of the channel.")
    name = graphene.String(required=True, description="Name of the channel.")
    is_active = graphene.Boolean(required=True, description="Whether the channel is active.")
    currency_code = graphene.String(
        required=True, description="A currency that is assigned to the channel."
    )
    default_country = graphene.Field(
        CountryDisplay, required=True, description="Default country for the channel."
    )
    countries = graphene.List(
        graphene.NonNull(CountryDisplay), description="List of shippable countries for the channel."
    )
    stock_settings = graphene.Field(StockSettings, required=True)

    class Meta:
        model = models.Channel
        interfaces = (graphene.relay.Node,)
        description = "Represents a channel."

    @staticmethod
    def resolve_default_country(root, info):
        return _country(root.default_country)

    @staticmethod
    def resolve_countries(root, info):
        return [_country(code) for code in (root.countries or [root.default_country])]

    @staticmethod
    def resolve_stock_settings(root, info):
        return StockSettings(allocation_strategy="PRIORITIZE_HIGH_STOCK")


class ChannelQueries(graphene.ObjectType):
    channel = graphene.Field(
        Channel,
        id=graphene.ID(description="ID of the channel."),
        slug=graphene.String(description="Slug of the channel."),
        description="Look up a channel by ID or slug.",
    )
    channels = graphene.List(graphene.NonNull(Channel), description="List of all active channels.")

    @staticmethod
    def resolve_channel(root, info, id=None, slug=None):
        if bool(id) == bool(slug):
            raise GraphQLError("Provide exactly one of `id` or `slug` to get a channel.")
        channels = active_channels()
        if id:
            return channels.filter(pk=resolve_global_id(id, "Channel")).first()
        return channels.filter(slug=slug).first()

    @staticmethod
    def resolve_channels(root, info):
        return list(active_channels())
