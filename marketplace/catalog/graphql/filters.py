"""Saleor's `filter`, `where`, `search` and `sortBy` arguments for product lists."""

import graphene
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Collate
from graphql import GraphQLError

from marketplace.catalog.models import (
    AttributeValue,
    Category,
    Product,
    ProductVariantChannelListing,
)
from marketplace.catalog.selectors import products_in_stock
from marketplace.certifications.graphql.enums import CertificationKindEnum
from marketplace.certifications.selectors import with_certifications
from marketplace.graphql.core.ids import resolve_global_ids
from marketplace.graphql.core.types import (
    DateTimeRangeInput,
    DecimalFilterInput,
    GlobalIDFilterInput,
    OrderDirection,
    PriceRangeInput,
    StringFilterInput,
)
from marketplace.search import get_search_backend


class StockAvailability(graphene.Enum):
    IN_STOCK = "IN_STOCK"
    OUT_OF_STOCK = "OUT_OF_STOCK"


class IntRangeInput(graphene.InputObjectType):
    gte = graphene.Int(description="Value greater than or equal to.")
    lte = graphene.Int(description="Value less than or equal to.")


class AttributeInput(graphene.InputObjectType):
    slug = graphene.String(description="Internal representation of an attribute name.")
    values = graphene.List(
        graphene.NonNull(graphene.String),
        description="Slugs identifying the attributeValues associated with the Attribute.",
    )
    values_range = graphene.Field(
        IntRangeInput, description="The range that the returned values should be in."
    )
    boolean = graphene.Boolean(description="The boolean value of the attribute.")


class ProductFilterInput(graphene.InputObjectType):
    is_published = graphene.Boolean()
    collections = graphene.List(graphene.NonNull(graphene.ID))
    categories = graphene.List(
        graphene.NonNull(graphene.ID), description="Categories, their subcategories included."
    )
    has_category = graphene.Boolean()
    attributes = graphene.List(graphene.NonNull(AttributeInput))
    stock_availability = graphene.Field(StockAvailability)
    search = graphene.String(
        description='Text to search for; diacritics are optional ("mat ong" finds "mật ong").'
    )
    published_from = graphene.DateTime()
    is_available = graphene.Boolean()
    available_from = graphene.DateTime()
    is_visible_in_listing = graphene.Boolean()
    price = graphene.Field(PriceRangeInput, description="Price of any variant, in VND.")
    minimal_price = graphene.Field(
        PriceRangeInput, description="Price of the cheapest variant, in VND."
    )
    updated_at = graphene.Field(DateTimeRangeInput)
    product_types = graphene.List(graphene.NonNull(graphene.ID))
    gift_card = graphene.Boolean()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    has_preordered_variants = graphene.Boolean()
    slugs = graphene.List(graphene.NonNull(graphene.String))
    channel = graphene.String()
    vendors = graphene.List(
        graphene.NonNull(graphene.ID), description="Booths selling the products."
    )
    provinces = graphene.List(
        graphene.NonNull(graphene.String),
        description="Province code names of the booths (e.g. gia_lai).",
    )
    certifications = graphene.List(
        graphene.NonNull(CertificationKindEnum),
        description="Products holding a verified, unexpired certificate of one of these kinds.",
    )
    ocop_stars = graphene.Field(
        IntRangeInput, description="Products rated OCOP within this number of stars."
    )


class ProductWhereInput(graphene.InputObjectType):
    ids = graphene.List(graphene.NonNull(graphene.ID))
    name = graphene.Field(StringFilterInput)
    slug = graphene.Field(StringFilterInput)
    product_type = graphene.Field(GlobalIDFilterInput)
    category = graphene.Field(GlobalIDFilterInput)
    collection = graphene.Field(GlobalIDFilterInput)
    is_available = graphene.Boolean()
    is_published = graphene.Boolean()
    is_visible_in_listing = graphene.Boolean()
    published_from = graphene.DateTime()
    available_from = graphene.DateTime()
    has_category = graphene.Boolean()
    price = graphene.Field(DecimalFilterInput)
    minimal_price = graphene.Field(DecimalFilterInput)
    attributes = graphene.List(graphene.NonNull(AttributeInput))
    stock_availability = graphene.Field(StockAvailability)
    gift_card = graphene.Boolean()
    has_preordered_variants = graphene.Boolean()
    vendor = graphene.Field(GlobalIDFilterInput, description="Booths selling the products.")
    certifications = graphene.List(
        graphene.NonNull(CertificationKindEnum),
        description="Products holding a verified, unexpired certificate of one of these kinds.",
    )
    ocop_stars = graphene.Field(
        IntRangeInput, description="Products rated OCOP within this number of stars."
    )
    AND = graphene.List(graphene.NonNull(lambda: ProductWhereInput))
    OR = graphene.List(graphene.NonNull(lambda: ProductWhereInput))


class ProductOrderField(graphene.Enum):
    NAME = "name"
    RANK = "rank"
    PRICE = "price"
    MINIMAL_PRICE = "minimal_price"
    LAST_MODIFIED = "last_modified"
    DATE = "date"
    TYPE = "type"
    PUBLISHED = "published"
    PUBLICATION_DATE = "publication_date"
    PUBLISHED_AT = "published_at"
    LAST_MODIFIED_AT = "last_modified_at"
    COLLECTION = "collection"
    RATING = "rating"
    CREATED_AT = "created_at"


class ProductOrder(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    channel = graphene.String()
    attribute_id = graphene.ID()
    field = graphene.Field(ProductOrderField)


SORT_COLUMNS = {
    # In Vietnamese alphabetical order (a ă â ... d đ ...), see core.text.
    "name": ("sort_name", "slug"),
    "rank": ("search_rank",),
    "price": ("price_min", "name"),
    "minimal_price": ("price_min", "name"),
    "last_modified": ("updated_at",),
    "last_modified_at": ("updated_at",),
    "date": ("updated_at",),
    "type": ("product_type__name", "name"),
    "published": ("published_at",),
    "publication_date": ("published_at",),
    "published_at": ("published_at",),
    "collection": ("collection_sort_order",),
    "rating": ("rating",),
    "created_at": ("created_at",),
}


def _may_be_empty(column: str) -> bool:
    """Whether a sort column can hold NULL: a nullable field, or a joined or computed value."""
    try:
        return Product._meta.get_field(column).null
    except FieldDoesNotExist:
        return True


NULLABLE_SORT_COLUMNS = frozenset(
    column for columns in SORT_COLUMNS.values() for column in columns if _may_be_empty(column)
)


def _value(enum_or_value):
    return getattr(enum_or_value, "value", enum_or_value)


def _category_subtree(category_ids: list[int]) -> set[int]:
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Category.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, todo = set(), list(category_ids)
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.add(pk)
            todo.extend(children.get(pk, []))
    return found


def _price_filter(products: QuerySet, column: str, bounds) -> QuerySet:
    if bounds is None:
        return products
    if bounds.get("gte") is not None:
        products = products.filter(**{f"{column}__gte": bounds["gte"]})
    if bounds.get("lte") is not None:
        products = products.filter(**{f"{column}__lte": bounds["lte"]})
    return products


def _variant_price_filter(products: QuerySet, channel, bounds) -> QuerySet:
    if not bounds:
        return products
    lookups = {"variants__channel_listings__channel": channel}
    if bounds.get("gte") is not None:
        lookups["variants__channel_listings__price_amount__gte"] = bounds["gte"]
    if bounds.get("lte") is not None:
        lookups["variants__channel_listings__price_amount__lte"] = bounds["lte"]
    matching = products.model.objects.filter(**lookups).values("pk")
    return products.filter(pk__in=matching)


def _attribute_filter(products: QuerySet, attributes) -> QuerySet:
    for spec in attributes or []:
        slug = spec.get("slug")
        if not slug:
            raise GraphQLError("Attribute filters need the attribute's slug.")
        values = products.model.objects.filter(attribute_values__value__attribute__slug=slug)
        if spec.get("values"):
            values = values.filter(attribute_values__value__slug__in=spec["values"])
        if spec.get("values_range"):
            in_range = _numeric_values_in_range(slug, spec["values_range"])
            values = values.filter(attribute_values__value_id__in=in_range)
        if spec.get("boolean") is not None:
            values = values.filter(attribute_values__value__boolean=spec["boolean"])
        products = products.filter(pk__in=values.values("pk"))
    return products


def _numeric_values_in_range(slug: str, bounds) -> list[int]:
    """Values of a numeric attribute (their number is kept as the value's name) within bounds."""
    low, high = bounds.get("gte"), bounds.get("lte")
    matching = []
    for pk, name in AttributeValue.objects.filter(attribute__slug=slug).values_list("pk", "name"):
        try:
            number = float(name)
        except ValueError:
            continue
        if (low is None or number >= low) and (high is None or number <= high):
            matching.append(pk)
    return matching


def _decimal_filter(products: QuerySet, column: str, spec) -> QuerySet:
    """A DecimalFilterInput (eq, oneOf, range) on `column`."""
    if not spec:
        return products
    if spec.get("eq") is not None:
        products = products.filter(**{column: spec["eq"]})
    if spec.get("one_of") is not None:
        products = products.filter(**{f"{column}__in": spec["one_of"]})
    return _price_filter(products, column, spec.get("range"))


def _variant_price_where(products: QuerySet, channel, spec) -> QuerySet:
    if not spec:
        return products
    prices = ProductVariantChannelListing.objects.filter(channel=channel)
    prices = _decimal_filter(prices, "price_amount", spec)
    return products.filter(pk__in=prices.values("variant__product_id"))


def _certification_filter(products: QuerySet, spec) -> QuerySet:
    """`certifications` and `ocopStars`, by the same rule as the public badges."""
    kinds = [_value(kind) for kind in spec.get("certifications") or []]
    return with_certifications(products, kinds=kinds, ocop_stars=spec.get("ocop_stars"))


def filter_products(products: QuerySet, spec, channel) -> QuerySet:
    """Apply a ProductFilterInput to visible products of `channel`."""
    if not spec:
        return products
    if spec.get("is_published") is False or spec.get("gift_card") is True:
        return products.none()
    if spec.get("has_preordered_variants") is True:
        return products.none()
    if spec.get("ids") is not None:
        products = products.filter(pk__in=resolve_global_ids(spec["ids"], "Product"))
    if spec.get("slugs") is not None:
        products = products.filter(slug__in=spec["slugs"])
    if spec.get("categories") is not None:
        ids = resolve_global_ids(spec["categories"], "Category")
        products = products.filter(category_id__in=_category_subtree(ids))
    if spec.get("collections") is not None:
        ids = resolve_global_ids(spec["collections"], "Collection")
        products = products.filter(pk__in=_in_collections(products, ids))
    if spec.get("product_types") is not None:
        products = products.filter(
            product_type_id__in=resolve_global_ids(spec["product_types"], "ProductType")
        )
    if spec.get("vendors") is not None:
        products = products.filter(vendor_id__in=resolve_global_ids(spec["vendors"], "Vendor"))
    if spec.get("provinces") is not None:
        products = products.filter(vendor__province__in=spec["provinces"])
    if spec.get("has_category") is not None:
        products = products.filter(category__isnull=not spec["has_category"])
    if spec.get("stock_availability"):
        in_stock = _value(spec["stock_availability"]) == StockAvailability.IN_STOCK.value
        products = products_in_stock(products, in_stock)
    if spec.get("is_available") is not None:
        products = _availability_filter(products, spec["is_available"])
    if spec.get("is_visible_in_listing") is not None:
        products = products.filter(listing__visible_in_listings=spec["is_visible_in_listing"])
    if spec.get("published_from"):
        products = products.filter(published_at__gte=spec["published_from"])
    if spec.get("available_from"):
        products = products.filter(available_for_purchase_at__gte=spec["available_from"])
    if spec.get("updated_at"):
        products = _price_filter(products, "updated_at", spec["updated_at"])
    products = _price_filter(products, "price_min", spec.get("minimal_price"))
    products = _variant_price_filter(products, channel, spec.get("price"))
    products = _attribute_filter(products, spec.get("attributes"))
    products = _certification_filter(products, spec)
    if spec.get("search"):
        products = get_search_backend().search_products(products, spec["search"])
    return products


def where_products(products: QuerySet, spec, channel) -> QuerySet:
    """Apply a ProductWhereInput (with AND / OR) to visible products of `channel`."""
    if not spec:
        return products
    return products.filter(pk__in=_where_ids(products, spec, channel))


def _where_ids(products: QuerySet, spec, channel) -> QuerySet:
    narrowed = products
    if spec.get("ids") is not None:
        narrowed = narrowed.filter(pk__in=resolve_global_ids(spec["ids"], "Product"))
    for field in ("name", "slug"):
        if spec.get(field):
            narrowed = _string_filter(narrowed, field, spec[field])
    id_filters = {
        "product_type": ("product_type_id", "ProductType"),
        "category": ("category_id", "Category"),
        "vendor": ("vendor_id", "Vendor"),
    }
    for field, (column, type_name) in id_filters.items():
        if spec.get(field):
            narrowed = narrowed.filter(**{f"{column}__in": _id_filter(spec[field], type_name)})
    if spec.get("collection"):
        narrowed = narrowed.filter(
            pk__in=_in_collections(products, _id_filter(spec["collection"], "Collection"))
        )
    if spec.get("is_published") is False or spec.get("gift_card") is True:
        narrowed = narrowed.none()
    if spec.get("is_available") is not None:
        narrowed = _availability_filter(narrowed, spec["is_available"])
    if spec.get("is_visible_in_listing") is not None:
        narrowed = narrowed.filter(listing__visible_in_listings=spec["is_visible_in_listing"])
    if spec.get("published_from"):
        narrowed = narrowed.filter(published_at__gte=spec["published_from"])
    if spec.get("available_from"):
        narrowed = narrowed.filter(available_for_purchase_at__gte=spec["available_from"])
    if spec.get("has_category") is not None:
        narrowed = narrowed.filter(category__isnull=not spec["has_category"])
    if spec.get("stock_availability"):
        in_stock = _value(spec["stock_availability"]) == StockAvailability.IN_STOCK.value
        narrowed = products_in_stock(narrowed, in_stock)
    narrowed = _decimal_filter(narrowed, "price_min", spec.get("minimal_price"))
    narrowed = _variant_price_where(narrowed, channel, spec.get("price"))
    narrowed = _attribute_filter(narrowed, spec.get("attributes"))
    narrowed = _certification_filter(narrowed, spec)
    ids = narrowed.values("pk")
    for nested in spec.get("AND") or []:
        ids = products.filter(pk__in=ids).filter(pk__in=_where_ids(products, nested, channel))
        ids = ids.values("pk")
    if spec.get("OR"):
        alternatives = Q()
        for nested in spec["OR"]:
            alternatives |= Q(pk__in=_where_ids(products, nested, channel))
        ids = products.filter(pk__in=ids).filter(alternatives).values("pk")
    return ids


def _string_filter(products: QuerySet, column: str, spec) -> QuerySet:
    if spec.get("eq") is not None:
        products = products.filter(**{column: spec["eq"]})
    if spec.get("one_of") is not None:
        products = products.filter(**{f"{column}__in": spec["one_of"]})
    return products


def _id_filter(spec, type_name: str) -> list[int]:
    ids = []
    if spec.get("eq"):
        ids += resolve_global_ids([spec["eq"]], type_name)
    if spec.get("one_of") is not None:
        ids += resolve_global_ids(spec["one_of"], type_name)
    return ids


def _in_collections(products: QuerySet, collection_ids: list[int]) -> QuerySet:
    return products.model.objects.filter(collections__id__in=collection_ids).values("pk")


def _availability_filter(products: QuerySet, available: bool) -> QuerySet:
    from django.utils import timezone

    on_sale = Q(available_for_purchase_at__lte=timezone.now())
    if available:
        return products_in_stock(products.filter(on_sale))
    return products.exclude(pk__in=products_in_stock(products.filter(on_sale)).values("pk"))


def _binary(column: str):
    """`column` compared byte by byte, whatever the database's locale."""
    return Collate(F(column), "C" if connection.vendor == "postgresql" else "BINARY")


def sort_products(products: QuerySet, sort_by, *, searching: bool, collection=None) -> QuerySet:
    """Order by `sort_by` (a ProductOrder); by relevance when searching, else by name."""
    if sort_by and sort_by.get("field") is None and sort_by.get("attribute_id") is None:
        raise GraphQLError("You must provide either `field` or `attributeId` to sort the products.")
    if sort_by and sort_by.get("attribute_id"):
        raise GraphQLError("Sorting by attribute is not supported.")
    field = _value(sort_by["field"]) if sort_by else ("rank" if searching else "name")
    descending = (
        _value(sort_by["direction"]) == OrderDirection.DESC.value if sort_by else field == "rank"
    )
    if field == "rank" and not searching:
        raise GraphQLError("Sorting by RANK is available only when using a search filter.")
    if field == "collection":
        if collection is None:
            raise GraphQLError("Sorting by COLLECTION is available only inside a collection.")
        products = products.annotate(
            collection_sort_order=F("collection_products__sort_order")
        ).filter(collection_products__collection=collection)
    ordering = []
    for column in SORT_COLUMNS[field]:
        expression = _binary(column) if column == "sort_name" else F(column)
        # Empty values go last; a column that cannot be empty says nothing about them, which
        # lets the database read an index in order (NULLS LAST would defeat SQLite's).
        nulls_last = True if column in NULLABLE_SORT_COLUMNS else None
        ordering.append(
            expression.desc(nulls_last=nulls_last)
            if descending
            else expression.asc(nulls_last=nulls_last)
        )
    ordering.append(F("pk").desc() if descending else F("pk").asc())
    return products.order_by(*ordering)
