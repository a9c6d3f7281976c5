"""Certificates that booths hold (OCOP, VietGAP, organic) and the review of their listings.

A certificate is public only while it is verified by staff and not expired: the rule lives in
`selectors.public_certifications`, and compares with the time of the request, so an expired
certificate disappears at its expiry instant whether or not the daily job has run.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.catalog.models import Product
from marketplace.certifications.scans import scan_path, scan_storage


class CertificationKind(models.TextChoices):
    OCOP = "ocop", "OCOP"
    VIETGAP = "vietgap", "VietGAP"
    ORGANIC = "organic", _("Organic")


class CertificationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


class IssuingLevel(models.TextChoices):
    """Who awarded an OCOP rating: the province (3 and 4 stars) or the central council (5)."""

    PROVINCE = "province", _("Province")
    CENTRAL = "central", _("Central")


class Certification(models.Model):
    """A certificate of a booth: for one product (OCOP) or for the booth's production (VietGAP,
    organic; optionally narrowed to one product), and so for the booth's products."""

    vendor = models.ForeignKey(
        "vendors.Booth",
        related_name="certifications",
        on_delete=models.CASCADE,
        verbose_name=_("booth"),
    )
    product = models.ForeignKey(
        "catalog.Product",
        related_name="certifications",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("product"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=CertificationKind.choices)
    stars = models.PositiveSmallIntegerField(_("OCOP stars"), null=True, blank=True)
    code = models.CharField(_("certificate code or decision number"), max_length=100)
    issuer = models.CharField(_("issued by"), max_length=200)
    issuing_level = models.CharField(
        _("issuing level"), max_length=16, choices=IssuingLevel.choices, blank=True
    )
    product_group = models.CharField(_("OCOP product group"), max_length=100, blank=True)
    scope = models.CharField(_("scope"), max_length=300, blank=True)
    standard = models.CharField(_("standard"), max_length=100, blank=True)
    issued_at = models.DateTimeField(_("issued"))
    expires_at = models.DateTimeField(_("expires"), db_index=True)
    document = models.FileField(
        _("scan of the certificate"),
        storage=scan_storage,
        upload_to=scan_path,
        blank=True,
        max_length=200,
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CertificationStatus.choices,
        default=CertificationStatus.SUBMITTED,
    )
    # Why staff rejected or revoked it: shown to the booth.
    status_reason = models.TextField(_("reason"), blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    # When the booth was reminded of the coming expiry (60 and 14 days before).
    reminded_60_days_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_14_days_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Folded words that find the certified products ("ocop 4 sao", "vietgap", the code); matched
    # at query time together with the live public rule, so expiry hides them at once.
    search_text = models.TextField(blank=True, default="", editable=False)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        indexes = [models.Index(fields=["status", "expires_at"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="ocop") & Q(stars__gte=3) & Q(stars__lte=5))
                | (~Q(kind="ocop") & Q(stars__isnull=True)),
                name="certification_stars_only_ocop_3_to_5",
            ),
            models.CheckConstraint(
                condition=~Q(kind="ocop") | Q(product__isnull=False),
                name="certification_ocop_has_product",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("issued_at")),
                name="certification_expires_after_issue",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == CertificationKind.OCOP:
            return f"OCOP {self.stars}★ {self.code}"
        return f"{self.get_kind_display()} {self.code}"


class CertificationDecision(models.Model):
    """One step of a certificate's life (verified, rejected, revoked, expired), by whom and why."""

    certification = models.ForeignKey(
        Certification, related_name="decisions", on_delete=models.CASCADE
    )
    from_status = models.CharField(max_length=16, choices=CertificationStatus.choices)
    to_status = models.CharField(max_length=16, choices=CertificationStatus.choices)
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", null=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-pk")


class ListingReviewAction(models.TextChoices):
    SUBMITTED = "submitted", _("Sent for review")
    CHANGED = "changed", _("Published, to be reviewed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ListingReviewEvent(models.Model):
    """The history of a product's review: what the booth did and what staff decided.

    A product whose latest event is SUBMITTED or CHANGED waits for staff (the review queue).
    """

    product = models.ForeignKey(
        "catalog.Product", related_name="review_events", on_delete=models.CASCADE
    )
    action = models.CharField(max_length=16, choices=ListingReviewAction.choices)
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("review event")
        verbose_name_plural = _("review events")


class ProductUnderReview(Product):
    """Products as the review queue of the staff admin shows them."""

    class Meta:
        proxy = True
        verbose_name = _("product review")
        verbose_name_plural = _("product reviews")
