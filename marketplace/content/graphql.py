"""Content pages and menus, in Saleor's shapes."""

import graphene
from graphql import GraphQLError

from marketplace.catalog.graphql.attributes import (
    AssignedAttribute,
    SelectedAttribute,
    assigned_attribute_fields,
    resolve_assigned_attribute,
    resolve_assigned_attributes,
    selected_attributes,
)
from marketplace.catalog.graphql.types import Category, Collection, channel_or_error
from marketplace.catalog.selectors import visible_collections
from marketplace.content import models
from marketplace.content.selectors import is_published_now, menus, published_pages
from marketplace.graphql.core.batching import batch_related, batch_related_one, tag_batch
from marketplace.graphql.core.connection import CountableConnection, connection_args, paginate
from marketplace.graphql.core.ids import resolve_global_id, resolve_global_ids
from marketplace.graphql.core.translations import (
    find_translation,
    resolve_language,
    translation_field,
)
from marketplace.graphql.core.types import (
    GlobalIDFilterInput,
    LanguageCodeEnum,
    LanguageDisplay,
    ModelObjectType,
    StringFilterInput,
    language_code,
)


class PageTranslation(ModelObjectType):
    language = graphene.Field(LanguageDisplay, required=True, resolver=resolve_language)
    title = graphene.String()
    slug = graphene.String()
    seo_title = graphene.String()
    seo_description = graphene.String()
    content = graphene.JSONString(description="Translated content (Editor.js JSON).")

    class Meta:
        model = models.PageTranslation
        interfaces = (graphene.relay.Node,)


class PageType(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)

    class Meta:
        model = models.PageType
        interfaces = (graphene.relay.Node,)


class Page(ModelObjectType):
    title = graphene.String(required=True)
    slug = graphene.String(required=True)
    seo_title = graphene.String()
    seo_description = graphene.String()
    content = graphene.JSONString(description="Content of the page (Editor.js JSON).")
    is_published = graphene.Boolean(required=True)
    published_at = graphene.DateTime()
    created = graphene.DateTime(required=True)
    page_type = graphene.Field(PageType, required=True)
    translation = translation_field(PageTranslation)
    attributes = graphene.NonNull(graphene.List(graphene.NonNull(SelectedAttribute)))
    locals().update(assigned_attribute_fields())

    class Meta:
        model = models.Page
        interfaces = (graphene.relay.Node,)
        description = "A static page that can be manually added by a shop operator."

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_page_type(root, info):
        return batch_related_one(root, "page_type")

    @staticmethod
    def resolve_translation(root, info, language_code):
        return find_translation(root, language_code)

    @staticmethod
    def resolve_attributes(root, info):
        return selected_attributes(root)

    @staticmethod
    def resolve_assigned_attribute(root, info, slug):
        return resolve_assigned_attribute(root, slug)

    @staticmethod
    def resolve_assigned_attributes(root, info, limit=None):
        return resolve_assigned_attributes(root, limit)


class PageCountableConnection(CountableConnection):
    class Meta:
        node = Page
        strict_types = True


class MenuItemTranslation(ModelObjectType):
    language = graphene.Field(LanguageDisplay, required=True, resolver=resolve_language)
    name = graphene.String(required=True)

    class Meta:
        model = models.MenuItemTranslation
        interfaces = (graphene.relay.Node,)


class MenuItem(ModelObjectType):
    name = graphene.String(required=True)
    menu = graphene.Field(lambda: Menu, required=True)
    parent = graphene.Field(lambda: MenuItem)
    category = graphene.Field(Category)
    collection = graphene.Field(Collection)
    page = graphene.Field(Page)
    level = graphene.Int(required=True)
    children = graphene.List(graphene.NonNull(lambda: MenuItem))
    url = graphene.String(description="URL to the menu item.")
    translation = translation_field(MenuItemTranslation)

    class Meta:
        model = models.MenuItem
        interfaces = (graphene.relay.Node,)
        description = "A menu link to a category, a collection, a page or a URL."

    @staticmethod
    def resolve_menu(root, info):
        return batch_related_one(root, "menu")

    @staticmethod
    def resolve_parent(root, info):
        return batch_related_one(root, "parent")

    @staticmethod
    def resolve_category(root, info):
        return batch_related_one(root, "category")

    @staticmethod
    def resolve_collection(root, info):
        channel = getattr(root, "_channel", None)
        if channel is None or root.collection_id is None:
            return None
        collection = batch_related_one(root, "collection")
        visible = getattr(root, "_visible_collections", None)
        if visible is None:
            visible = set(visible_collections(channel).values_list("pk", flat=True))
            for item in getattr(root, "_batch", [root]):
                item._visible_collections = visible
        return collection if collection.pk in visible else None

    @staticmethod
    def resolve_page(root, info):
        if root.page_id is None:
            return None
        page = batch_related_one(root, "page")
        return page if is_published_now(page) else None

    @staticmethod
    def resolve_children(root, info):
        return batch_related(root, "children")

    @staticmethod
    def resolve_url(root, info):
        return root.url or None

    @staticmethod
    def resolve_translation(root, info, language_code):
        return find_translation(root, language_code)


class Menu(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    items = graphene.List(graphene.NonNull(MenuItem))

    class Meta:
        model = models.Menu
        interfaces = (graphene.relay.Node,)
        description = (
            "Represents a menu of items: navigation links to categories, collections and pages."
        )

    @staticmethod
    def resolve_items(root, info):
        items = list(root.items.filter(parent__isnull=True))
        return tag_batch(items, channel=getattr(root, "_channel", None))


class PageWhereInput(graphene.InputObjectType):
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slug = graphene.Field(StringFilterInput)
    page_type = graphene.Field(GlobalIDFilterInput)
    AND = graphene.List(graphene.NonNull(lambda: PageWhereInput))
    OR = graphene.List(graphene.NonNull(lambda: PageWhereInput))


class PageFilterInput(graphene.InputObjectType):
    search = graphene.String()
    page_types = graphene.List(graphene.NonNull(graphene.ID))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


def _where_pages(pages, spec):
    from django.db.models import Q

    if not spec:
        return pages
    if spec.get("ids") is not None:
        pages = pages.filter(pk__in=resolve_global_ids(spec["ids"], "Page"))
    slug = spec.get("slug") or {}
    if slug.get("eq") is not None:
        pages = pages.filter(slug=slug["eq"])
    if slug.get("one_of") is not None:
        pages = pages.filter(slug__in=slug["one_of"])
    page_type = spec.get("page_type") or {}
    if page_type.get("eq"):
        pages = pages.filter(page_type_id=resolve_global_id(page_type["eq"], "PageType"))
    if page_type.get("one_of") is not None:
        pages = pages.filter(page_type_id__in=resolve_global_ids(page_type["one_of"], "PageType"))
    for nested in spec.get("AND") or []:
        pages = _where_pages(pages, nested)
    if spec.get("OR"):
        alternatives = Q()
        for nested in spec["OR"]:
            alternatives |= Q(pk__in=_where_pages(published_pages(), nested).values("pk"))
        pages = pages.filter(alternatives)
    return pages


class ContentQueries(graphene.ObjectType):
    page = graphene.Field(
        Page,
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument(LanguageCodeEnum),
        channel=graphene.String(),
        description="Look up a published page by ID or slug.",
    )
    pages = graphene.Field(
        PageCountableConnection,
        filter=PageFilterInput(),
        where=PageWhereInput(),
        search=graphene.String(),
        channel=graphene.String(),
        **connection_args(),
        description="List of the shop's published pages.",
    )
    menu = graphene.Field(
        Menu,
        channel=graphene.String(),
        id=graphene.ID(),
        name=graphene.String(),
        slug=graphene.String(),
        description="Look up a navigation menu by ID, name or slug.",
    )

    @staticmethod
    def resolve_page(root, info, id=None, slug=None, slug_language_code=None, channel=None):
        if bool(id) == bool(slug):
            raise GraphQLError("Provide exactly one of `id` or `slug` to get a page.")
        pages = published_pages()
        if id:
            pages = pages.filter(pk=resolve_global_id(id, "Page"))
        elif slug_language_code:
            pages = pages.filter(
                translations__language_code=language_code(slug_language_code),
                translations__slug=slug,
            )
        else:
            pages = pages.filter(slug=slug)
        page = pages.first()
        return tag_batch([page])[0] if page else None

    @staticmethod
    def resolve_pages(root, info, filter=None, where=None, search=None, channel=None, **page_args):
        pages = published_pages()
        if filter:
            if filter.get("ids") is not None:
                pages = pages.filter(pk__in=resolve_global_ids(filter["ids"], "Page"))
            if filter.get("slugs") is not None:
                pages = pages.filter(slug__in=filter["slugs"])
            if filter.get("page_types") is not None:
                pages = pages.filter(
                    page_type_id__in=resolve_global_ids(filter["page_types"], "PageType")
                )
            search = search or filter.get("search")
        if search:
            pages = pages.filter(title__icontains=search)
        pages = _where_pages(pages, where)
        return paginate(pages.order_by("slug", "pk"), PageCountableConnection, info, **page_args)

    @staticmethod
    def resolve_menu(root, info, channel=None, id=None, name=None, slug=None):
        channel_obj = channel_or_error(channel)
        found = menus()
        if id:
            found = found.filter(pk=resolve_global_id(id, "Menu"))
        elif slug:
            found = found.filter(slug=slug)
        elif name:
            found = found.filter(name=name)
        else:
            raise GraphQLError("Provide one of `id`, `name` or `slug` to get a menu.")
        menu = found.first()
        return tag_batch([menu], channel=channel_obj)[0] if menu else None


class AssignedSingleCollectionReferenceAttribute(graphene.ObjectType):
    value = graphene.Field(Collection, description="The assigned collection reference.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a single collection reference attribute."

    @staticmethod
    def resolve_value(root, info):
        return None


# Types a storefront may name in fragments although no value of theirs is stored yet.
EXTRA_TYPES = [AssignedSingleCollectionReferenceAttribute]
