"""Catalog queries: products, variants, categories and collections."""

import graphene
from django.db.models import Q
from graphql import GraphQLError

from marketplace.catalog import models
from marketplace.catalog.graphql.types import (
    Category,
    CategoryCountableConnection,
    Collection,
    CollectionCountableConnection,
    Product,
    ProductCountableConnection,
    ProductType,
    ProductTypeCountableConnection,
    ProductVariant,
    ProductVariantCountableConnection,
    channel_or_error,
    product_connection_args,
    resolve_product_connection,
)
from marketplace.catalog.selectors import visible_collections, visible_products, visible_variants
from marketplace.graphql.core.batching import tag_batch
from marketplace.graphql.core.connection import connection_args, paginate
from marketplace.graphql.core.ids import resolve_global_id, resolve_global_ids
from marketplace.graphql.core.types import LanguageCodeEnum, OrderDirection, language_code


class CategoryFilterInput(graphene.InputObjectType):
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class CategorySortField(graphene.Enum):
    NAME = "name"
    PRODUCT_COUNT = "product_count"
    SUBCATEGORY_COUNT = "subcategory_count"


class CategorySortingInput(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    field = graphene.Field(CategorySortField, required=True)


class CollectionFilterInput(graphene.InputObjectType):
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


def _slug_lookup(queryset, slug: str, slug_language_code):
    """Find by slug, or by the translated slug when `slugLanguageCode` is given."""
    if slug_language_code:
        return queryset.filter(
            translations__language_code=language_code(slug_language_code),
            translations__slug=slug,
        )
    return queryset.filter(slug=slug)


def _one_of_id_or_slug(id, slug, type_name):
    if bool(id) == bool(slug):
        raise GraphQLError(f"Provide exactly one of `id` or `slug` to get a {type_name}.")


def _single(queryset, **context):
    obj = queryset.first()
    if obj is not None:
        tag_batch([obj], **context)
    return obj


class CatalogQueries(graphene.ObjectType):
    product_types = graphene.Field(
        ProductTypeCountableConnection,
        **connection_args(),
        description="List of the product types a booth can choose from when adding a product.",
    )
    product_type = graphene.Field(
        ProductType, id=graphene.ID(required=True), description="Look up a product type by ID."
    )
    products = graphene.Field(
        ProductCountableConnection,
        **product_connection_args(),
        description="List of the shop's products visible in a channel.",
    )
    product = graphene.Field(
        Product,
        id=graphene.ID(description="ID of the product."),
        slug=graphene.String(description="Slug of the product."),
        slug_language_code=graphene.Argument(
            LanguageCodeEnum, description="Language code of the slug."
        ),
        external_reference=graphene.String(description="External ID of the product."),
        channel=graphene.String(
            description="Slug of a channel for which the data should be returned."
        ),
        description="Look up a product by ID or slug; null when it is not visible in the channel.",
    )
    product_variant = graphene.Field(
        ProductVariant,
        id=graphene.ID(),
        sku=graphene.String(),
        external_reference=graphene.String(),
        channel=graphene.String(),
        vendor=graphene.String(
            description="Slug of the booth, when several booths use the same SKU."
        ),
        description="Look up a variant by ID or SKU.",
    )
    product_variants = graphene.Field(
        ProductVariantCountableConnection,
        ids=graphene.List(graphene.NonNull(graphene.ID)),
        channel=graphene.String(),
        search=graphene.String(),
        **connection_args(),
        description="List of product variants visible in a channel.",
    )
    categories = graphene.Field(
        CategoryCountableConnection,
        filter=CategoryFilterInput(),
        sort_by=CategorySortingInput(),
        level=graphene.Int(
            description="Filter categories by the nesting level in the category tree."
        ),
        **connection_args(),
        description="List of the shop's categories.",
    )
    category = graphene.Field(
        Category,
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument(LanguageCodeEnum),
        description="Look up a category by ID or slug.",
    )
    collections = graphene.Field(
        CollectionCountableConnection,
        filter=CollectionFilterInput(),
        channel=graphene.String(),
        **connection_args(),
        description="List of the shop's collections published in a channel.",
    )
    collection = graphene.Field(
        Collection,
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument(LanguageCodeEnum),
        channel=graphene.String(),
        description="Look up a collection by ID or slug.",
    )

    @staticmethod
    def resolve_product_types(root, info, **page):
        types = models.ProductType.objects.order_by("name", "pk")
        return paginate(types, ProductTypeCountableConnection, info, **page)

    @staticmethod
    def resolve_product_type(root, info, id):
        return models.ProductType.objects.filter(pk=resolve_global_id(id, "ProductType")).first()

    @staticmethod
    def resolve_products(root, info, channel=None, **kwargs):
        return resolve_product_connection(info, channel=channel_or_error(channel), **kwargs)

    @staticmethod
    def resolve_product(
        root,
        info,
        id=None,
        slug=None,
        slug_language_code=None,
        channel=None,
        external_reference=None,
    ):
        if external_reference and not (id or slug):
            return None
        _one_of_id_or_slug(id, slug, "product")
        channel_obj = channel_or_error(channel)
        products = visible_products(channel_obj)
        if id:
            products = products.filter(pk=resolve_global_id(id, "Product"))
        else:
            products = _slug_lookup(products, slug, slug_language_code)
        return _single(products, channel=channel_obj)

    @staticmethod
    def resolve_product_variant(
        root, info, id=None, sku=None, channel=None, vendor=None, external_reference=None
    ):
        if bool(id) == bool(sku):
            raise GraphQLError(
                "At least one of arguments is required: 'id', 'sku'."
                if not (id or sku)
                else "Argument 'id' cannot be combined with 'sku'."
            )
        channel_obj = channel_or_error(channel)
        variants = visible_variants(channel_obj).select_related("stock", "product")
        if id:
            return _single(
                variants.filter(pk=resolve_global_id(id, "ProductVariant")), channel=channel_obj
            )
        variants = variants.filter(sku=sku)
        if vendor:
            variants = variants.filter(vendor__slug=vendor)
        matches = list(variants[:2])
        if len(matches) > 1:
            raise GraphQLError(
                "Several booths use this SKU: pass `vendor` (the booth's slug) as well."
            )
        return _single(variants, channel=channel_obj) if matches else None

    @staticmethod
    def resolve_product_variants(root, info, ids=None, channel=None, search=None, **page):
        channel_obj = channel_or_error(channel)
        variants = visible_variants(channel_obj).select_related("stock").order_by("pk")
        if ids is not None:
            variants = variants.filter(pk__in=resolve_global_ids(ids, "ProductVariant"))
        if search:
            variants = variants.filter(Q(sku__icontains=search) | Q(name__icontains=search))
        return paginate(
            variants, ProductVariantCountableConnection, info, channel=channel_obj, **page
        )

    @staticmethod
    def resolve_categories(root, info, filter=None, sort_by=None, level=None, **page):
        categories = models.Category.objects.all()
        if level is not None:
            categories = categories.filter(level=level)
        if filter:
            if filter.get("ids") is not None:
                categories = categories.filter(pk__in=resolve_global_ids(filter["ids"], "Category"))
            if filter.get("slugs") is not None:
                categories = categories.filter(slug__in=filter["slugs"])
            if filter.get("search"):
                categories = categories.filter(
                    Q(name__icontains=filter["search"]) | Q(slug__icontains=filter["search"])
                )
        categories = _sort_categories(categories, sort_by)
        return paginate(categories, CategoryCountableConnection, info, **page)

    @staticmethod
    def resolve_category(root, info, id=None, slug=None, slug_language_code=None):
        _one_of_id_or_slug(id, slug, "category")
        categories = models.Category.objects.all()
        if id:
            return _single(categories.filter(pk=resolve_global_id(id, "Category")))
        return _single(_slug_lookup(categories, slug, slug_language_code))

    @staticmethod
    def resolve_collections(root, info, filter=None, channel=None, **page):
        channel_obj = channel_or_error(channel)
        collections = visible_collections(channel_obj)
        if filter:
            if filter.get("ids") is not None:
                collections = collections.filter(
                    pk__in=resolve_global_ids(filter["ids"], "Collection")
                )
            if filter.get("slugs") is not None:
                collections = collections.filter(slug__in=filter["slugs"])
            if filter.get("search"):
                collections = collections.filter(name__icontains=filter["search"])
        return paginate(
            collections.order_by("slug", "pk"),
            CollectionCountableConnection,
            info,
            channel=channel_obj,
            **page,
        )

    @staticmethod
    def resolve_collection(root, info, id=None, slug=None, slug_language_code=None, channel=None):
        _one_of_id_or_slug(id, slug, "collection")
        channel_obj = channel_or_error(channel)
        collections = visible_collections(channel_obj)
        if id:
            collections = collections.filter(pk=resolve_global_id(id, "Collection"))
        else:
            collections = _slug_lookup(collections, slug, slug_language_code)
        return _single(collections, channel=channel_obj)


def _sort_categories(categories, sort_by):
    from django.db.models import Count, F

    if not sort_by:
        return categories.order_by("name", "pk")
    field = getattr(sort_by["field"], "value", sort_by["field"])
    descending = getattr(sort_by["direction"], "value", sort_by["direction"]) == "desc"
    counted = {"product_count": "products", "subcategory_count": "children"}
    if field in counted:
        categories = categories.annotate(sort_value=Count(counted[field], distinct=True))
    else:
        categories = categories.annotate(sort_value=F("name"))
    order = [F("sort_value"), F("name"), F("pk")]
    return categories.order_by(*(o.desc() if descending else o.asc() for o in order))
