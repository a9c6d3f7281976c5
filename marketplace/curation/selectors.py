"""Reads of featured booths and campaigns, as the storefront sees them now."""

from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from marketplace.channels.models import Channel
from marketplace.curation.models import Campaign, FeaturedBooth
from vendors.models import BoothStatus


def featured_booths_in_force(
    channel: Channel, *, at: datetime | None = None
) -> QuerySet[FeaturedBooth]:
    """Slots of open booths shown in `channel` now: started, and not ended (an end equal to now
    has ended). In position order, earlier starts first among equal positions."""
    now = at or timezone.now()
    return (
        FeaturedBooth.objects.filter(
            channel=channel, starts_at__lte=now, vendor__status=BoothStatus.APPROVED
        )
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .order_by("position", "starts_at", "pk")
    )


def running_campaigns(channel: Channel, *, at: datetime | None = None) -> QuerySet[Campaign]:
    """Campaigns shown in `channel` now, those ending soonest first."""
    now = at or timezone.now()
    return Campaign.objects.filter(
        channels=channel, starts_at__lte=now, ends_at__gt=now, collection__isnull=False
    ).order_by("ends_at", "pk")


def is_running(campaign: Campaign, *, at: datetime | None = None) -> bool:
    now = at or timezone.now()
    return campaign.starts_at <= now < campaign.ends_at
