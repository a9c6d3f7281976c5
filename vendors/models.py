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


class BoothRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    MANAGER = "manager", _("Manager")
    MEMBER = "member", _("Member")


class BoothMember(models.Model):
    """A user's role in a booth. A user may belong to several booths."""

    booth = models.ForeignKey(Booth, related_name="memberships", on_delete=models.CASCADE)
    user = models.ForeignKey(
        "accounts.User", related_name="booth_memberships", on_delete=models.CASCADE
    )
    role = models.CharField(_("role"), max_length=16, choices=BoothRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("booth member")
        verbose_name_plural = _("booth members")
        constraints = [models.UniqueConstraint(fields=["booth", "user"], name="uniq_booth_member")]

    def __str__(self) -> str:
        return f"{self.booth} · {self.get_role_display()}"
