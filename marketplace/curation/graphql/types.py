"""Featured booths and campaigns in the API."""

import graphene

from marketplace.catalog.graphql.types import image_args
from marketplace.curation import models, selectors
from marketplace.graphql.core.batching import batch_related, batch_related_one
from marketplace.graphql.core.connection import CountableConnection
from marketplace.graphql.core.translations import resolve_language
from marketplace.graphql.core.types import (
    Image,
    LanguageCodeEnum,
    LanguageDisplay,
    ModelObjectType,
    language_code,
)


class FeaturedBoothTranslation(graphene.ObjectType):
    language = graphene.Field(LanguageDisplay, required=True, resolver=resolve_language)
    headline = graphene.String(description="The headline in this language.")


class _Translated:
    """A slot's English texts in the shape `resolve_language` reads."""

    def __init__(self, headline: str, language: str):
        self.headline = headline
        self.language_code = language


class FeaturedBooth(ModelObjectType):
    vendor = graphene.Field("vendors.graphql.Vendor", required=True, description="The booth.")
    channel = graphene.String(required=True, description="Slug of the channel.")
    position = graphene.Int(required=True, description="Order on the page, lowest first.")
    starts_at = graphene.DateTime(required=True, description="When the slot starts.")
    ends_at = graphene.DateTime(description="When the slot ends (null: until removed).")
    headline = graphene.String(required=True, description="Headline, in Vietnamese.")
    translation = graphene.Field(
        FeaturedBoothTranslation,
        language_code=graphene.Argument(
            LanguageCodeEnum,
            required=True,
            description="A language code to return the translation for.",
        ),
        description="Returns translated texts for the given language code (English only).",
    )

    class Meta:
        model = models.FeaturedBooth
        interfaces = (graphene.relay.Node,)
        description = "A booth that Women's Union staff feature in a channel for a while."

    @staticmethod
    def resolve_vendor(root, info):
        return batch_related_one(root, "vendor")

    @staticmethod
    def resolve_channel(root, info):
        return batch_related_one(root, "channel").slug

    @staticmethod
    def resolve_translation(root, info, language_code):
        language = _language(language_code)
        if language == "en" and root.headline_en:
            return _Translated(root.headline_en, "en")
        return None


def _language(value) -> str:
    return language_code(value)


class FeaturedBoothCountableConnection(CountableConnection):
    class Meta:
        node = FeaturedBooth
        strict_types = True


class Campaign(ModelObjectType):
    name = graphene.String(required=True, description="Name, in Vietnamese.")
    slug = graphene.String(required=True, description="Slug; also the slug of its collection.")
    description = graphene.String(description="Description, in Vietnamese.")
    starts_at = graphene.DateTime(required=True)
    ends_at = graphene.DateTime(required=True)
    is_running = graphene.Boolean(required=True, description="Whether it runs now.")
    banner = graphene.Field(Image, **image_args(), description="The campaign's banner.")
    collection = graphene.Field(
        "marketplace.catalog.graphql.types.Collection",
        description="The collection that shows the campaign's products (null when it is not "
        "running: collections of campaigns show only while they run).",
    )
    vendors = graphene.NonNull(
        graphene.List(graphene.NonNull("vendors.graphql.Vendor")),
        description="The open booths taking part.",
    )

    class Meta:
        model = models.Campaign
        interfaces = (graphene.relay.Node,)
        description = (
            "A time-bound selection of booths and products (a fair, a province's week), "
            "shown to storefronts as a collection."
        )

    @staticmethod
    def resolve_description(root, info):
        return root.description or None

    @staticmethod
    def resolve_is_running(root, info):
        return selectors.is_running(root)

    @staticmethod
    def resolve_banner(root, info, size=None, format=None):
        collection = batch_related_one(root, "collection")
        if collection is None or not collection.background_image:
            return None
        from marketplace.catalog.graphql.types import image_url

        url = image_url(collection, collection.background_image, size, format, info)
        return Image(url=url, alt=collection.background_image_alt) if url else None

    @staticmethod
    def resolve_collection(root, info):
        if not selectors.is_running(root):
            return None
        return batch_related_one(root, "collection")

    @staticmethod
    def resolve_vendors(root, info):
        return [booth for booth in batch_related(root, "booths") if booth.is_open]


class CampaignCountableConnection(CountableConnection):
    class Meta:
        node = Campaign
        strict_types = True
