"""Reads of content pages and menus: only published pages are public."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from marketplace.content.models import Menu, Page


def published_pages() -> QuerySet[Page]:
    now = timezone.now()
    return (
        Page.objects.filter(is_published=True)
        .filter(Q(published_at__isnull=True) | Q(published_at__lte=now))
        .select_related("page_type")
    )


def is_published_now(page: Page) -> bool:
    """The rule of `published_pages`, for a page already loaded."""
    return page.is_published and (page.published_at is None or page.published_at <= timezone.now())


def menus() -> QuerySet[Menu]:
    return Menu.objects.all()
