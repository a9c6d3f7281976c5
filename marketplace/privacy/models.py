"""Producers as the public may know them, and who they are, kept apart.

A `ProducerProfile` is public: a pseudonym, a province, a craft and, only while a recorded
`ProducerConsent` allows it, a story and a photo. A `ProducerIdentity` (legal name, phone, national
ID number, date of birth, home address) lives in its own table, every column an encrypted token
(see `crypto`); it is read only through `services.reveal_identity`, which writes an
`AccessLogEntry` first.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marketplace.core.provinces import province_choices, short_province_name
from marketplace.privacy.storage import private_storage

# What an erased producer is called instead of her pseudonym, per language.
FORMER_MEMBER = {"vi": "Thành viên cũ", "en": "Former member"}


def former_member_name() -> str:
    language = (get_language() or "vi").split("-")[0]
    return FORMER_MEMBER.get(language, FORMER_MEMBER["en"])


class ProducerProfile(models.Model):
    """The anonymised, public face of one producer of a booth."""

    booth = models.ForeignKey(
        "vendors.Booth", related_name="producer_profiles", on_delete=models.CASCADE
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=64, choices=province_choices)
    craft = models.CharField(_("craft"), max_length=120)
    story = models.TextField(_("story (Vietnamese)"), blank=True)
    story_en = models.TextField(_("story (English)"), blank=True)
    # Stored re-encoded without metadata, under a random name (see services), outside the public
    # media folder: only `privacy.views.producer_photo` sends it, while consent allows.
    photo = models.ImageField(
        _("photo"),
        upload_to="producers/",
        storage=private_storage,
        blank=True,
        max_length=200,
    )
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ("pk",)
        verbose_name = _("producer profile")
        verbose_name_plural = _("producer profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(erased_at__isnull=False) | ~Q(pseudonym=""),
                name="producer_pseudonym_required",
            ),
            models.CheckConstraint(
                condition=Q(erased_at__isnull=True)
                | Q(pseudonym="", story="", story_en="", photo=""),
                name="producer_erased_keeps_nothing_personal",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def __repr__(self) -> str:
        return f"<ProducerProfile {self.pk}>"

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @property
    def display_name(self) -> str:
        return former_member_name() if self.is_erased else self.pseudonym

    @property
    def province_name(self) -> str:
        return short_province_name(self.province)


class ConsentScope(models.TextChoices):
    STORY = "story", _("Story")
    PHOTO = "photo", _("Photo")


class ProducerConsent(models.Model):
    """A producer's recorded consent to publish one part of her profile.

    Active from `granted_at` until `expires_at` (if any) or until revoked; checked whenever the
    profile is read, so expiry and revocation take effect at once.
    """

    producer = models.ForeignKey(ProducerProfile, related_name="consents", on_delete=models.CASCADE)
    scope = models.CharField(_("scope"), max_length=16, choices=ConsentScope.choices)
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("recorded by"),
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("revoked by"),
    )
    # How consent was given (e.g. "signed form kept at the provincial office"); never public,
    # cleared on erasure.
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ("-granted_at", "-pk")
        verbose_name = _("producer consent")
        verbose_name_plural = _("producer consents")
        indexes = [models.Index(fields=["producer", "scope"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True) | Q(expires_at__gt=models.F("granted_at")),
                name="producer_consent_expires_after_granted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_scope_display()} · {self.producer_id}"

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.revoked_at is None
            and self.granted_at <= now
            and (self.expires_at is None or self.expires_at > now)
        )


class ProducerIdentity(models.Model):
    """Who a producer is. Every column holds a Fernet token (see `crypto`), never plain text.

    Not in the admin, the API's public types, the search index or any log: read it only through
    `services.reveal_identity`, which checks permission and writes the access log.
    """

    ENCRYPTED_FIELDS = {
        "legal_name": "encrypted_legal_name",
        "phone": "encrypted_phone",
        "national_id_number": "encrypted_national_id_number",
        "date_of_birth": "encrypted_date_of_birth",
        "home_address": "encrypted_home_address",
    }

    producer = models.OneToOneField(
        ProducerProfile,
        primary_key=True,
        related_name="private_identity",
        on_delete=models.CASCADE,
    )
    encrypted_legal_name = models.TextField(blank=True)
    encrypted_phone = models.TextField(blank=True)
    encrypted_national_id_number = models.TextField(blank=True)
    encrypted_date_of_birth = models.TextField(blank=True)
    encrypted_home_address = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("producer identity")
        verbose_name_plural = _("producer identities")

    def __str__(self) -> str:
        return f"Identity of producer {self.pk}"

    def __repr__(self) -> str:
        return f"<ProducerIdentity {self.pk}>"


class AccessAction(models.TextChoices):
    IDENTITY_READ = "identity_read", _("Identity read")
    IDENTITY_UPDATE = "identity_update", _("Identity updated")
    ERASURE = "erasure", _("Erased")


class AccessLogEntry(models.Model):
    """Who read or changed a producer's identity, when, and why. Never edited or deleted."""

    producer = models.ForeignKey(
        ProducerProfile, related_name="access_log", on_delete=models.PROTECT
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        null=True,
        on_delete=models.SET_NULL,
        verbose_name=_("staff member"),
    )
    # Kept as written when the account is later removed.
    actor_email = models.EmailField(_("staff email"))
    action = models.CharField(_("action"), max_length=32, choices=AccessAction.choices)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("identity access log entry")
        verbose_name_plural = _("identity access log")
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="identity_read") | ~Q(reason=""),
                name="identity_read_needs_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.producer_id} · {self.actor_email}"
