from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.provinces import province_choices, short_province_name


class BoothStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Open")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")


class Booth(models.Model):
    """A livelihood group, cooperative or women-owned enterprise selling on the marketplace.

    Only the group's name and province are public: never a person's name or an exact place.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    province = models.CharField(_("province"), max_length=64, choices=province_choices)
    status = models.CharField(
        _("status"), max_length=16, choices=BoothStatus.choices, default=BoothStatus.APPLIED
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ("name",)
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def province_name(self) -> str:
        return short_province_name(self.province)

    @property
    def is_open(self) -> bool:
        return self.status == BoothStatus.APPROVED
