"""Catalog types of the storefront API, in Saleor 3's shapes."""

import graphene
from django.utils import timezone

from marketplace.catalog import models, selectors
from marketplace.catalog.graphql.attributes import (
    SelectedAttribute,
    VariantAttributeScope,
    assigned_attribute_fields,
    resolve_assigned_attribute,
    resolve_assigned_attributes,
    selected_attributes,
)
from marketplace.catalog.graphql.filters import ProductFilterInput, ProductOrder, ProductWhereInput
from marketplace.catalog.thumbnails import thumbnail_url
from marketplace.certifications.graphql.types import product_certifications_field
from marketplace.core.urls import absolute_uri
from marketplace.graphql.core.batching import batch_deferred, batch_related, batch_related_one
from marketplace.graphql.core.connection import CountableConnection, connection_args, paginate
from marketplace.graphql.core.ids import resolve_global_id
from marketplace.graphql.core.translations import (
    find_translation,
    resolve_language,
    translation_field,
)
from marketplace.graphql.core.types import (
    Image,
    LanguageDisplay,
    ModelObjectType,
    TaxedMoney,
    TaxedMoneyRange,
    ThumbnailFormatEnum,
)


def product_connection_args(*, with_channel: bool = True) -> dict:
    args = {
        "filter": graphene.Argument(
            ProductFilterInput, description="Filtering options for products."
        ),
        "where": graphene.Argument(
            ProductWhereInput, description="Where filtering options for products."
        ),
        "sort_by": graphene.Argument(ProductOrder, description="Sort products."),
        "search": graphene.String(description="Search products (diacritics optional)."),
        **connection_args(),
    }
    if with_channel:
        args["channel"] = graphene.String(
            description="Slug of a channel for which the data should be returned."
        )
    return args


ADDRESS_ARG = graphene.Argument(
    graphene.JSONString,
    name="address",
    description="Destination address (not used: prices in VND include VAT).",
)


class TranslationBase(ModelObjectType):
    language = graphene.Field(LanguageDisplay, required=True, resolver=resolve_language)
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String()

    class Meta:
        abstract = True


class ProductTranslation(TranslationBase):
    name = graphene.String()
    description = graphene.JSONString(description="Translated description (Editor.js JSON).")

    class Meta:
        model = models.ProductTranslation
        interfaces = (graphene.relay.Node,)


class ProductVariantTranslation(ModelObjectType):
    language = graphene.Field(LanguageDisplay, required=True, resolver=resolve_language)
    name = graphene.String(required=True)

    class Meta:
        model = models.ProductVariantTranslation
        interfaces = (graphene.relay.Node,)


class CategoryTranslation(TranslationBase):
    name = graphene.String()
    description = graphene.JSONString()

    class Meta:
        model = models.CategoryTranslation
        interfaces = (graphene.relay.Node,)


class CollectionTranslation(TranslationBase):
    name = graphene.String()
    description = graphene.JSONString()

    class Meta:
        model = models.CollectionTranslation
        interfaces = (graphene.relay.Node,)


def image_url(owner, image_field, size, format, info, thumbnails_relation="thumbnails"):
    """The image resized to `size` in `format`; without a size, the original file."""
    if not image_field:
        return None
    if not size:
        return absolute_uri(info.context, image_field.url)
    thumbnails = batch_related(owner, thumbnails_relation)
    return thumbnail_url(owner, image_field, size, _format(format), info.context, thumbnails)


def _format(value) -> str:
    return getattr(value, "value", value) or "original"


def image_args() -> dict:
    return {
        "size": graphene.Int(
            description="Size of the image. If not provided the original image will be returned."
        ),
        "format": graphene.Argument(
            ThumbnailFormatEnum,
            description="Format of the image; the original format when not given.",
        ),
    }


class ProductMediaType(graphene.Enum):
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"


class ProductMedia(ModelObjectType):
    sort_order = graphene.Int()
    alt = graphene.String(required=True)
    type = graphene.Field(ProductMediaType, required=True)
    oembed_data = graphene.JSONString(required=True)
    url = graphene.String(required=True, **image_args(), description="The URL of the media.")
    product_id = graphene.ID()

    class Meta:
        model = models.ProductMedia
        interfaces = (graphene.relay.Node,)
        description = "Represents a product media (a photo, re-encoded without any metadata)."

    @staticmethod
    def resolve_oembed_data(root, info):
        return {}

    @staticmethod
    def resolve_url(root, info, size=None, format=None):
        if root.external_url:
            return root.external_url
        return image_url(root, root.image, size, format, info) or ""

    @staticmethod
    def resolve_product_id(root, info):
        return graphene.relay.Node.to_global_id("Product", root.product_id)


class ProductType(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    has_variants = graphene.Boolean(required=True)
    is_shipping_required = graphene.Boolean(required=True)

    class Meta:
        model = models.ProductType
        interfaces = (graphene.relay.Node,)
        description = "Represents a type of product."


class ProductTypeCountableConnection(CountableConnection):
    class Meta:
        node = ProductType
        strict_types = True


class VariantPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean(description="Whether it is in sale or not.")
    discount = graphene.Field(
        TaxedMoney, description="The discount amount if in sale (null otherwise)."
    )
    price = graphene.Field(TaxedMoney, description="The price, with any discount subtracted.")
    price_undiscounted = graphene.Field(TaxedMoney, description="The price without any discount.")

    class Meta:
        description = "Represents availability of a variant in the storefront."


class ProductPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean()
    discount = graphene.Field(TaxedMoney)
    display_gross_prices = graphene.Boolean(required=True)
    price_range = graphene.Field(
        TaxedMoneyRange, description="The discounted price range of the product variants."
    )
    price_range_undiscounted = graphene.Field(
        TaxedMoneyRange, description="The undiscounted price range of the product variants."
    )

    class Meta:
        description = "Represents availability of a product in the storefront."


def variant_price(variant) -> int | None:
    """The variant's price in its channel, or None when it is not sold there."""
    channel = getattr(variant, "_channel", None)
    if channel is None:
        return None
    listings = batch_related(
        variant,
        "channel_listings",
        queryset=models.ProductVariantChannelListing.objects.filter(channel=channel),
        to_attr="listings_in_channel",
    )
    return listings[0].price_amount if listings else None


def product_variants(product) -> list[models.ProductVariant]:
    return batch_related(
        product, "variants", queryset=models.ProductVariant.objects.select_related("stock")
    )


def price_range(product) -> tuple[int, int] | None:
    if hasattr(product, "price_min"):
        low, high = product.price_min, product.price_max
    else:
        prices = [p for p in map(variant_price, product_variants(product)) if p is not None]
        low, high = (min(prices), max(prices)) if prices else (None, None)
    return None if low is None else (low, high)


def quantity_available(variant) -> int:
    return selectors.quantity_available(variant, batch_related_one(variant, "stock"))


class ProductVariant(ModelObjectType):
    name = graphene.String(required=True)
    sku = graphene.String()
    product = graphene.Field(lambda: Product, required=True)
    track_inventory = graphene.Boolean(required=True)
    quantity_limit_per_customer = graphene.Int()
    channel = graphene.String(description="Channel given to retrieve this product variant.")
    pricing = graphene.Field(
        VariantPricingInfo,
        address=ADDRESS_ARG,
        description="Lists the storefront variant's pricing.",
    )
    attributes = graphene.NonNull(
        graphene.List(graphene.NonNull(SelectedAttribute)),
        variant_selection=graphene.Argument(
            VariantAttributeScope, description="Define scope of returned attributes."
        ),
        description="List of attributes assigned to this variant.",
    )
    media = graphene.List(
        graphene.NonNull(ProductMedia), description="List of media for the product variant."
    )
    translation = translation_field(ProductVariantTranslation)
    quantity_available = graphene.Int(
        address=ADDRESS_ARG,
        country_code=graphene.String(),
        description="Quantity of a product available for sale in one checkout.",
    )
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    locals().update(assigned_attribute_fields())

    class Meta:
        model = models.ProductVariant
        interfaces = (graphene.relay.Node,)
        description = "Represents a version of a product such as different size or color."

    @staticmethod
    def resolve_product(root, info):
        product = batch_related_one(root, "product")
        return product

    @staticmethod
    def resolve_channel(root, info):
        channel = getattr(root, "_channel", None)
        return channel.slug if channel else None

    @staticmethod
    def resolve_pricing(root, info, address=None):
        price = variant_price(root)
        if price is None:
            return None
        return VariantPricingInfo(
            on_sale=False, discount=None, price=price, price_undiscounted=price
        )

    @staticmethod
    def resolve_attributes(root, info, variant_selection=None):
        return selected_attributes(root, variant_selection)

    @staticmethod
    def resolve_assigned_attribute(root, info, slug):
        return resolve_assigned_attribute(root, slug)

    @staticmethod
    def resolve_assigned_attributes(root, info, limit=None):
        return resolve_assigned_attributes(root, limit)

    @staticmethod
    def resolve_media(root, info):
        return batch_related(root, "media")

    @staticmethod
    def resolve_translation(root, info, language_code):
        return find_translation(root, language_code)

    @staticmethod
    def resolve_quantity_available(root, info, address=None, country_code=None):
        return quantity_available(root)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at


class ProductVariantCountableConnection(CountableConnection):
    class Meta:
        node = ProductVariant
        strict_types = True


class Category(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    description = graphene.JSONString(description="Description of the category (Editor.js JSON).")
    seo_title = graphene.String()
    seo_description = graphene.String()
    level = graphene.Int(required=True)
    parent = graphene.Field(lambda: Category)
    updated_at = graphene.DateTime(required=True)
    background_image = graphene.Field(Image, **image_args())
    translation = translation_field(CategoryTranslation)
    children = graphene.Field(
        lambda: CategoryCountableConnection,
        **connection_args(),
        description="List of children of the category.",
    )
    ancestors = graphene.Field(
        lambda: CategoryCountableConnection,
        **connection_args(),
        description="List of ancestors of the category.",
    )

    products = graphene.Field(
        lambda: ProductCountableConnection,
        **product_connection_args(),
        description="List of products in the category (its subcategories included).",
    )

    class Meta:
        model = models.Category
        interfaces = (graphene.relay.Node,)
        description = "Represents a single category of products."

    @staticmethod
    def resolve_parent(root, info):
        return batch_related_one(root, "parent")

    @staticmethod
    def resolve_description(root, info):
        return batch_deferred(root, "description")

    @staticmethod
    def resolve_products(root, info, **kwargs):
        return _category_products(root, info, **kwargs)

    @staticmethod
    def resolve_background_image(root, info, size=None, format=None):
        url = image_url(root, root.background_image, size, format, info)
        return Image(url=url, alt=root.background_image_alt) if url else None

    @staticmethod
    def resolve_translation(root, info, language_code):
        return find_translation(root, language_code)

    @staticmethod
    def resolve_children(root, info, **page):
        children = batch_related(
            root, "children", queryset=models.Category.objects.order_by("name", "pk")
        )
        return paginate(children, CategoryCountableConnection, info, required=False, **page)

    @staticmethod
    def resolve_ancestors(root, info, **page):
        # One query per level of the tree for the whole batch, never one per category.
        ancestors = []
        node = batch_related_one(root, "parent")
        while node is not None:
            ancestors.append(node)
            node = batch_related_one(node, "parent")
        return paginate(ancestors, CategoryCountableConnection, info, required=False, **page)


class CategoryCountableConnection(CountableConnection):
    class Meta:
        node = Category
        strict_types = True


class Collection(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    description = graphene.JSONString(description="Description of the collection (Editor.js JSON).")
    seo_title = graphene.String()
    seo_description = graphene.String()
    channel = graphene.String()
    background_image = graphene.Field(Image, **image_args())
    translation = translation_field(CollectionTranslation)

    products = graphene.Field(
        lambda: ProductCountableConnection,
        **product_connection_args(with_channel=False),
        description="List of products in this collection.",
    )

    class Meta:
        model = models.Collection
        interfaces = (graphene.relay.Node,)
        description = "Represents a collection of products."

    @staticmethod
    def resolve_channel(root, info):
        channel = getattr(root, "_channel", None)
        return channel.slug if channel else None

    @staticmethod
    def resolve_background_image(root, info, size=None, format=None):
        url = image_url(root, root.background_image, size, format, info)
        return Image(url=url, alt=root.background_image_alt) if url else None

    @staticmethod
    def resolve_translation(root, info, language_code):
        return find_translation(root, language_code)

    @staticmethod
    def resolve_products(root, info, **kwargs):
        return _collection_products(root, info, **kwargs)


class CollectionCountableConnection(CountableConnection):
    class Meta:
        node = Collection
        strict_types = True


class Product(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    description = graphene.JSONString(description="Description of the product (Editor.js JSON).")
    seo_title = graphene.String()
    seo_description = graphene.String()
    product_type = graphene.Field(ProductType, required=True)
    category = graphene.Field(Category)
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    rating = graphene.Float()
    channel = graphene.String(description="Channel given to retrieve this product.")
    thumbnail = graphene.Field(
        Image, **image_args(), description="The main thumbnail for a product."
    )
    media = graphene.List(
        graphene.NonNull(ProductMedia), description="List of media for the product."
    )
    pricing = graphene.Field(
        ProductPricingInfo,
        address=ADDRESS_ARG,
        description="Lists the storefront product's pricing.",
    )
    is_available = graphene.Boolean(
        address=ADDRESS_ARG,
        description="Whether the product is in stock, set as available for purchase and visible.",
    )
    is_available_for_purchase = graphene.Boolean(
        description="Whether the product is available for purchase."
    )
    available_for_purchase_at = graphene.DateTime(
        description="Date when product is available for purchase."
    )
    default_variant = graphene.Field(ProductVariant)
    variants = graphene.List(
        graphene.NonNull(ProductVariant), description="List of variants for the product."
    )
    product_variants = graphene.Field(
        ProductVariantCountableConnection,
        **connection_args(),
        description="List of variants for the product.",
    )
    variant = graphene.Field(
        ProductVariant,
        id=graphene.ID(),
        sku=graphene.String(),
        description="Get a single variant by SKU or ID.",
    )
    attribute = graphene.Field(SelectedAttribute, slug=graphene.String(required=True))
    attributes = graphene.NonNull(
        graphene.List(graphene.NonNull(SelectedAttribute)),
        description="List of attributes assigned to this product.",
    )
    collections = graphene.List(
        graphene.NonNull(Collection), description="List of collections for the product."
    )
    translation = translation_field(ProductTranslation)
    vendor = graphene.Field(
        "vendors.graphql.Vendor",
        description="The booth (livelihood group or cooperative) that makes and sells the product.",
    )
    certifications = product_certifications_field()
    locals().update(assigned_attribute_fields())

    class Meta:
        model = models.Product
        interfaces = (graphene.relay.Node,)
        description = "Represents an individual item for sale in the storefront."

    @staticmethod
    def resolve_product_type(root, info):
        return batch_related_one(root, "product_type")

    @staticmethod
    def resolve_description(root, info):
        return batch_deferred(root, "description")

    @staticmethod
    def resolve_category(root, info):
        return batch_related_one(root, "category")

    @staticmethod
    def resolve_vendor(root, info):
        return batch_related_one(root, "vendor")

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_channel(root, info):
        channel = getattr(root, "_channel", None)
        return channel.slug if channel else None

    @staticmethod
    def resolve_media(root, info):
        return batch_related(root, "media")

    @staticmethod
    def resolve_thumbnail(root, info, size=None, format=None):
        media = batch_related(root, "media")
        if not media:
            return None
        first = media[0]
        url = ProductMedia.resolve_url(first, info, size=size, format=format)
        return Image(url=url, alt=first.alt or root.name)

    @staticmethod
    def resolve_pricing(root, info, address=None):
        prices = price_range(root)
        if prices is None:
            return None
        price_range_value = TaxedMoneyRange(start=prices[0], stop=prices[1])
        return ProductPricingInfo(
            on_sale=False,
            discount=None,
            display_gross_prices=True,
            price_range=price_range_value,
            price_range_undiscounted=price_range_value,
        )

    @staticmethod
    def resolve_is_available_for_purchase(root, info):
        start = _available_from(root)
        return start is not None and start <= timezone.now()

    @staticmethod
    def resolve_available_for_purchase_at(root, info):
        return _available_from(root)

    @staticmethod
    def resolve_is_available(root, info, address=None):
        if not Product.resolve_is_available_for_purchase(root, info):
            return False
        return any(
            variant_price(variant) is not None and quantity_available(variant) > 0
            for variant in product_variants(root)
        )

    @staticmethod
    def resolve_default_variant(root, info):
        variants = product_variants(root)
        return variants[0] if variants else None

    @staticmethod
    def resolve_variants(root, info):
        return product_variants(root)

    @staticmethod
    def resolve_product_variants(root, info, **page):
        return paginate(
            product_variants(root), ProductVariantCountableConnection, info, required=False, **page
        )

    @staticmethod
    def resolve_variant(root, info, id=None, sku=None):
        variants = product_variants(root)
        if id:
            pk = resolve_global_id(id, "ProductVariant")
            return next((v for v in variants if v.pk == pk), None)
        return next((v for v in variants if sku and v.sku == sku), None)

    @staticmethod
    def resolve_attribute(root, info, slug):
        return next((a for a in selected_attributes(root) if a.attribute.slug == slug), None)

    @staticmethod
    def resolve_attributes(root, info):
        return selected_attributes(root)

    @staticmethod
    def resolve_assigned_attribute(root, info, slug):
        return resolve_assigned_attribute(root, slug)

    @staticmethod
    def resolve_assigned_attributes(root, info, limit=None):
        return resolve_assigned_attributes(root, limit)

    @staticmethod
    def resolve_collections(root, info):
        from marketplace.catalog.selectors import visible_collections

        channel = getattr(root, "_channel", None)
        if channel is None:
            return []
        return batch_related(
            root,
            "collections",
            queryset=visible_collections(channel),
            to_attr="collections_in_channel",
        )

    @staticmethod
    def resolve_translation(root, info, language_code):
        return find_translation(root, language_code)


def _available_from(product):
    if hasattr(product, "available_for_purchase_at"):
        return product.available_for_purchase_at
    channel = getattr(product, "_channel", None)
    if channel is None:
        return None
    listings = batch_related(
        product,
        "channel_listings",
        queryset=models.ProductChannelListing.objects.filter(channel=channel),
        to_attr="listing_in_channel",
    )
    return listings[0].available_for_purchase_at if listings else None


class ProductCountableConnection(CountableConnection):
    class Meta:
        node = Product
        strict_types = True


def channel_or_error(slug: str | None):
    from graphql import GraphQLError

    from marketplace.channels.selectors import ChannelNotFound, get_channel

    try:
        return get_channel(slug)
    except ChannelNotFound as error:
        raise GraphQLError(str(error)) from error


def resolve_product_connection(
    info,
    *,
    channel,
    narrow=None,
    collection=None,
    filter=None,
    where=None,
    sort_by=None,
    search=None,
    **page,
):
    """The one way to list products: visible in `channel`, narrowed, filtered, searched, sorted."""
    from marketplace.catalog.graphql.filters import filter_products, sort_products, where_products
    from marketplace.catalog.selectors import visible_products
    from marketplace.search import get_search_backend

    products = visible_products(channel, in_listings=True)
    if narrow is not None:
        products = narrow(products)
    products = filter_products(products, filter, channel)
    products = where_products(products, where, channel)
    if search:
        products = get_search_backend().search_products(products, search)
    searching = bool(search or (filter and filter.get("search")))
    products = sort_products(products, sort_by, searching=searching, collection=collection)
    return paginate(products, ProductCountableConnection, info, channel=channel, **page)


def _category_products(root, info, channel=None, **kwargs):
    from marketplace.catalog.graphql.filters import _category_subtree

    subtree = _category_subtree([root.pk])
    return resolve_product_connection(
        info,
        channel=channel_or_error(channel),
        narrow=lambda products: products.filter(category_id__in=subtree),
        **kwargs,
    )


def _collection_products(root, info, **kwargs):
    channel = getattr(root, "_channel", None) or channel_or_error(None)
    return resolve_product_connection(
        info,
        channel=channel,
        collection=root,
        narrow=lambda products: products.filter(collections=root),
        **kwargs,
    )
