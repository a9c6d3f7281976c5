"""Listing review: staff look at what new booths put up before shoppers see it.

During a booth's first `LISTING_REVIEW_DAYS` days after staff opened it, its new and changed
products wait for review (pending, hidden). Afterwards its changes publish directly but stay in
the queue until a staff member has looked at them. A rejected product stays hidden, with the
reason shown to the booth, until the booth changes it and staff approve it.

Booths opened by the operator's own tools (`SYSTEM`: the demo, a migration of an existing shop)
rather than by a staff member count as established from the start.
"""

from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.catalog.models import ModerationStatus, Product
from marketplace.certifications.models import ListingReviewAction, ListingReviewEvent
from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, authorize, booths_of, can
from vendors.models import Booth, BoothStatus, BoothStatusChange

WAITING = (ListingReviewAction.SUBMITTED, ListingReviewAction.CHANGED)
DECIDED = (ListingReviewAction.APPROVED, ListingReviewAction.REJECTED)
# Where a product stands after each step of its review.
STATUS_AFTER = {
    ListingReviewAction.SUBMITTED: ModerationStatus.PENDING,
    ListingReviewAction.CHANGED: ModerationStatus.APPROVED,
    ListingReviewAction.APPROVED: ModerationStatus.APPROVED,
    ListingReviewAction.REJECTED: ModerationStatus.REJECTED,
}


class ListingReviewErrorCode(StrEnum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    PERMISSION_DENIED = "PERMISSION_DENIED"


def review_required(booth: Booth, *, at: datetime | None = None) -> bool:
    """Whether new and changed products of `booth` wait for staff before they are public.

    Yes for a booth not opened yet, and for `LISTING_REVIEW_DAYS` days after a staff member
    opened it; no for a booth opened by the operator's tools.
    """
    opening = (
        BoothStatusChange.objects.filter(booth=booth, to_status=BoothStatus.APPROVED)
        .order_by("created_at", "pk")
        .first()
    )
    if opening is None:
        # Never opened, or opened outside the life cycle by the operator's tools.
        return booth.status != BoothStatus.APPROVED
    if opening.changed_by_id is None:
        return False
    period = timedelta(days=settings.LISTING_REVIEW_DAYS)
    return (at or timezone.now()) < opening.created_at + period


@transaction.atomic
def on_listing_changed(*, product: Product, actor=None) -> Product:
    """Apply listing review after a product was created or changed by its booth.

    The catalog services call this after every create and edit of a product's texts or
    attributes. Changes by staff who review listings (or by `SYSTEM`) need no review. A new
    product also joins the running campaigns its booth takes part in.
    """
    latest = ListingReviewEvent.objects.filter(product=product).order_by("-pk").first()
    # The row may just have been saved from a stale copy: the history says where it stands.
    current = STATUS_AFTER[latest.action] if latest else None
    if actor is not None and can(actor, Action.LISTING_MODERATE):
        kept_reason = latest.reason if current == ModerationStatus.REJECTED else ""
        _set_status(product, current or ModerationStatus.APPROVED, kept_reason)
        if latest is None:
            _record(product, ListingReviewAction.APPROVED, actor=actor)
    elif current in (None, ModerationStatus.APPROVED) and not review_required(product.vendor):
        _set_status(product, ModerationStatus.APPROVED, "")
        _record(product, ListingReviewAction.CHANGED, actor=actor)
    else:
        _set_status(product, ModerationStatus.PENDING, "")
        _record(product, ListingReviewAction.SUBMITTED, actor=actor)
    if latest is None:
        from marketplace.curation.services import add_to_booth_campaigns

        add_to_booth_campaigns(product=product)
    return product


@transaction.atomic
def approve_listing(*, actor, product: Product) -> Product:
    """Staff approve a product: it is public (when published in a channel) and leaves the queue."""
    authorize(actor, Action.LISTING_MODERATE, product.vendor)
    product = Product.objects.select_for_update().get(pk=product.pk)
    _set_status(product, ModerationStatus.APPROVED, "")
    _record(product, ListingReviewAction.APPROVED, actor=actor)
    return product


@transaction.atomic
def reject_listing(*, actor, product: Product, reason: str) -> Product:
    """Staff reject a product with a reason the booth reads: it is hidden until the booth
    changes it and staff approve it."""
    authorize(actor, Action.LISTING_MODERATE, product.vendor)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            _("Give a reason: the booth will read it."),
            code=ListingReviewErrorCode.REQUIRED,
            field="reason",
        )
    product = Product.objects.select_for_update().get(pk=product.pk)
    _set_status(product, ModerationStatus.REJECTED, reason)
    _record(product, ListingReviewAction.REJECTED, actor=actor, reason=reason)
    return product


def _set_status(product: Product, status: str, reason: str) -> None:
    product.moderation_status = status
    product.moderation_reason = reason
    Product.objects.filter(pk=product.pk).update(moderation_status=status, moderation_reason=reason)


def _record(product: Product, action: str, *, actor=None, reason: str = "") -> None:
    ListingReviewEvent.objects.create(
        product=product,
        action=action,
        reason=reason,
        actor=actor if getattr(actor, "pk", None) else None,
    )


# --- Reads ---------------------------------------------------------------------------------------


def with_review_state(products: QuerySet[Product]) -> QuerySet[Product]:
    """Annotate `last_review_action` and `last_review_at` (the latest review event)."""
    latest = ListingReviewEvent.objects.filter(product=OuterRef("pk")).order_by("-pk")
    return products.annotate(
        last_review_action=Subquery(latest.values("action")[:1]),
        last_review_at=Subquery(latest.values("created_at")[:1]),
    )


def listings_visible_to(user) -> QuerySet[Product]:
    """Every product for staff reviewing listings; the products of their booths for members."""
    products = Product.objects.select_related("vendor")
    if can(user, Action.LISTING_MODERATE):
        return with_review_state(products)
    return with_review_state(products.filter(vendor_id__in=booths_of(user, Action.PRODUCT_MANAGE)))


def review_queue(products: QuerySet[Product]) -> QuerySet[Product]:
    """Products waiting for staff (hidden until approved, or published and not yet looked at),
    the longest waiting first. `products` must come from `with_review_state`."""
    return products.filter(last_review_action__in=WAITING).order_by("last_review_at", "pk")


def needs_review(product: Product) -> bool:
    """Whether staff have yet to look at the product's latest change (needs `with_review_state`
    or costs a query)."""
    action = getattr(product, "last_review_action", None)
    if not hasattr(product, "last_review_action"):
        latest = product.review_events.order_by("-pk").first()
        action = latest.action if latest else None
    return action in WAITING
