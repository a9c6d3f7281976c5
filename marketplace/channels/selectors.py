"""Reads of channels."""

from django.conf import settings
from django.utils.translation import gettext as _

from marketplace.channels.models import Channel


class ChannelNotFound(LookupError):
    def __init__(self, slug: str):
        super().__init__(_("Channel with '%(slug)s' slug does not exist.") % {"slug": slug})


def get_channel(slug: str | None) -> Channel:
    """The active channel with `slug`, or the default channel when no slug is given."""
    slug = slug or settings.DEFAULT_CHANNEL_SLUG
    channel = Channel.objects.filter(slug=slug, is_active=True).first()
    if channel is None:
        raise ChannelNotFound(slug)
    return channel


def active_channels():
    return Channel.objects.filter(is_active=True).order_by("slug")
