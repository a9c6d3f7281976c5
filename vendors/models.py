from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import Translation
from marketplace.core.provinces import province_choices, short_province_name


class BoothStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Open")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")


# Never shown to the public: read only through VendorPrivateInfo (owners, managers, staff).
PRIVATE_BOOTH_FIELDS = ("commission_rate", "bank_account", "contact_email", "contact_phone")


class BoothKind(models.TextChoices):
    LIVELIHOOD_GROUP = "livelihood_group", _("Livelihood group")
    COOPERATIVE = "cooperative", _("Cooperative")
    WOMEN_ENTERPRISE = "women_enterprise", _("Women-owned enterprise")


class Booth(models.Model):
    """A livelihood group, cooperative or women-owned enterprise selling on the marketplace.

    Public: the group's name, kind, description, logo, province, founding year and size. Private
    (booth managers and staff only): commission rate, payout bank account and contact.
    Never a person's name or an exact place.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=32, choices=BoothKind.choices, default=BoothKind.LIVELIHOOD_GROUP
    )
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="booth-logos", blank=True)
    province = models.CharField(_("province"), max_length=64, choices=province_choices)
    founding_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    member_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    commission_rate = models.DecimalField(
        _("commission rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=10,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    bank_account = models.CharField(_("bank account for payouts"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=BoothStatus.choices, default=BoothStatus.APPLIED
    )
    # Folded name and description for search (see marketplace.core.text).
    search_text = models.TextField(blank=True, default="", editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ("name",)
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        indexes = [models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(commission_rate__gte=0) & Q(commission_rate__lte=100),
                name="booth_commission_rate_0_100",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def province_name(self) -> str:
        return short_province_name(self.province)

    @property
    def is_open(self) -> bool:
        return self.status == BoothStatus.APPROVED


class BoothTranslation(Translation):
    booth = models.ForeignKey(Booth, related_name="translations", on_delete=models.CASCADE)
    description = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booth", "language_code"], name="uniq_booth_tr")
        ]


class BoothStatusChange(models.Model):
    """One step of a booth's life cycle, by whom and why."""

    booth = models.ForeignKey(Booth, related_name="status_changes", on_delete=models.CASCADE)
    from_status = models.CharField(max_length=16, choices=BoothStatus.choices)
    to_status = models.CharField(max_length=16, choices=BoothStatus.choices)
    reason = models.TextField(_("reason"))
    changed_by = models.ForeignKey(
        "accounts.User", null=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-pk")


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


class BoothInvitation(models.Model):
    """An owner's invitation to join a booth, accepted by the person with that email address."""

    booth = models.ForeignKey(Booth, related_name="invitations", on_delete=models.CASCADE)
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=BoothRole.choices)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        "accounts.User", null=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
