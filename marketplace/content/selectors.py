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


def menus() -> QuerySet[Menu]:
    return Menu.objects.all()
