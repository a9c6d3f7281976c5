"""What staff put forward on the storefront: featured booth slots and time-bound campaigns."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class FeaturedBooth(models.Model):
    """A booth shown first in a channel, in `position` order, from `starts_at` until `ends_at`
    (open-ended when empty), with a short headline in Vietnamese and English."""

    vendor = models.ForeignKey(
        "vendors.Booth",
        related_name="featured_slots",
        on_delete=models.CASCADE,
        verbose_name=_("booth"),
    )
    channel = models.ForeignKey(
        "channels.Channel",
        related_name="featured_booths",
        on_delete=models.CASCADE,
        verbose_name=_("channel"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    headline = models.CharField(_("headline (Vietnamese)"), max_length=200)
    headline_en = models.CharField(_("headline (English)"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("position", "starts_at", "pk")
        verbose_name = _("featured booth")
        verbose_name_plural = _("featured booths")
        indexes = [models.Index(fields=["channel", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="featured_booth_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.headline}"


class Campaign(models.Model):
    """A named, time-bound selection of booths and products ("Tết fair", "Gia Lai week").

    Storefronts see it as a Saleor collection (`collection`), kept in step by the curation
    services: the chosen products and every product of the chosen booths, listed in the
    campaign's channels from its start, and hidden again at its end.
    """

    name = models.CharField(_("name"), max_length=250)
    name_en = models.CharField(_("name (English)"), max_length=250, blank=True)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    banner = models.ImageField(_("banner"), upload_to="campaign-banners", blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    channels = models.ManyToManyField(
        "channels.Channel", related_name="campaigns", verbose_name=_("channels")
    )
    booths = models.ManyToManyField(
        "vendors.Booth", related_name="campaigns", blank=True, verbose_name=_("booths")
    )
    products = models.ManyToManyField(
        "catalog.Product", related_name="campaigns", blank=True, verbose_name=_("products")
    )
    collection = models.OneToOneField(
        "catalog.Collection",
        related_name="campaign",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-starts_at", "pk")
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="campaign_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name
