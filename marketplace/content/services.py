"""Writes to the content: page types, pages and navigation menus.

Texts are stored in Vietnamese (the default language); `translations` maps a language code to the
same texts in that language, as in the catalog services.
"""

from datetime import datetime
from enum import StrEnum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.catalog.models import Category, Collection
from marketplace.content.models import (
    Menu,
    MenuItem,
    MenuItemTranslation,
    Page,
    PageTranslation,
    PageType,
)
from marketplace.core.errors import DomainError


class MenuErrorCode(StrEnum):
    INVALID = "INVALID"
    TOO_MANY_MENU_ITEMS = "TOO_MANY_MENU_ITEMS"


class MenuItemRejected(DomainError):
    pass


@transaction.atomic
def create_page_type(*, name: str, slug: str) -> PageType:
    """Return the page type with `slug`, creating it with `name` when there is none yet."""
    page_type = PageType.objects.filter(slug=slug).first()
    if page_type is not None:
        return page_type
    page_type = PageType(name=name, slug=slug)
    page_type.full_clean()
    page_type.save()
    return page_type


@transaction.atomic
def create_page(
    *,
    page_type: PageType,
    title: str,
    slug: str,
    content: dict | None = None,
    is_published: bool = False,
    published_at: datetime | None = None,
    seo_title: str = "",
    seo_description: str = "",
    translations: dict[str, dict] | None = None,
) -> Page:
    """Create a content page. `content` is an Editor.js document (see catalog.services.editorjs).

    A published page without `published_at` is published from now. `translations` maps a language
    to {title, slug, content, seo_title, seo_description}.
    """
    if is_published and published_at is None:
        published_at = timezone.now()
    page = Page(
        page_type=page_type,
        title=title,
        slug=slug,
        content=content,
        is_published=is_published,
        published_at=published_at,
        seo_title=seo_title,
        seo_description=seo_description,
    )
    page.full_clean()
    page.save()
    for language, texts in (translations or {}).items():
        translation = PageTranslation(
            page=page,
            language_code=language,
            title=texts.get("title", ""),
            slug=texts.get("slug"),
            content=texts.get("content"),
            seo_title=texts.get("seo_title", ""),
            seo_description=texts.get("seo_description", ""),
        )
        translation.full_clean()
        translation.save()
    return page


@transaction.atomic
def create_menu(*, name: str, slug: str) -> Menu:
    """Create an empty navigation menu (the storefront reads "navbar" and "footer")."""
    menu = Menu(name=name, slug=slug)
    menu.full_clean()
    menu.save()
    return menu


@transaction.atomic
def add_menu_item(
    *,
    menu: Menu,
    name: str,
    parent: MenuItem | None = None,
    category: Category | None = None,
    collection: Collection | None = None,
    page: Page | None = None,
    url: str = "",
    sort_order: int | None = None,
    translations: dict[str, str] | None = None,
) -> MenuItem:
    """Add a link to `menu`, under `parent` when given, after the item's existing siblings.

    An item links to at most one of a category, a collection, a page or a URL (none makes a
    heading for its children). `translations` maps a language to the item's name in it.
    Raises `MenuItemRejected` when more than one target is given or `parent` is in another menu.
    """
    targets = [target for target in (category, collection, page, url) if target]
    if len(targets) > 1:
        raise MenuItemRejected(
            _("A menu item links to one category, collection, page or URL only."),
            code=MenuErrorCode.TOO_MANY_MENU_ITEMS,
            field="url",
        )
    if parent is not None and parent.menu_id != menu.pk:
        raise MenuItemRejected(
            _("The parent item belongs to another menu."),
            code=MenuErrorCode.INVALID,
            field="parent",
        )
    if sort_order is None:
        sort_order = MenuItem.objects.filter(menu=menu, parent=parent).count()
    item = MenuItem(
        menu=menu,
        parent=parent,
        name=name,
        sort_order=sort_order,
        level=parent.level + 1 if parent else 0,
        url=url,
        category=category,
        collection=collection,
        page=page,
    )
    item.full_clean()
    item.save()
    MenuItemTranslation.objects.bulk_create(
        MenuItemTranslation(menu_item=item, language_code=language, name=translated)
        for language, translated in (translations or {}).items()
    )
    return item
