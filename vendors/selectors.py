"""Reads of booths: what the public sees, and what members and staff may see."""

from django.db.models import Q, QuerySet

from marketplace.core.permissions import Action, Permission, booths_of, has_staff_permission
from marketplace.core.text import search_terms
from vendors.models import Booth, BoothStatus


def open_booths() -> QuerySet[Booth]:
    """Booths whose products are public: approved and not suspended or closed."""
    return Booth.objects.filter(status=BoothStatus.APPROVED)


def booths_visible_to(user) -> QuerySet[Booth]:
    """Open booths for everyone; every booth for staff managing booths; own booths for members."""
    if has_staff_permission(user, Permission.MANAGE_VENDORS):
        return Booth.objects.all()
    own = booths_of(user, Action.PRODUCT_MANAGE)
    return Booth.objects.filter(Q(status=BoothStatus.APPROVED) | Q(pk__in=own))


def search_booths(booths: QuerySet[Booth], text: str) -> QuerySet[Booth]:
    """Booths whose name or description contains every word of `text` (diacritics optional)."""
    for term in search_terms(text):
        booths = booths.filter(search_text__contains=f" {term}")
    return booths


def member_booths(user) -> QuerySet[Booth]:
    """The booths `user` belongs to, whatever their status."""
    if not (user and user.is_authenticated):
        return Booth.objects.none()
    return Booth.objects.filter(memberships__user=user).distinct()
