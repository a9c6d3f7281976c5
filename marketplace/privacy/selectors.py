"""Reads of producer profiles: what the public may see, decided by consent at the time of reading.

Consent is checked on every read (no job hides anything later), so a consent that expires or is
revoked hides the story or photo from the very next request.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, authorize
from marketplace.privacy.models import (
    AccessLogEntry,
    ConsentScope,
    ProducerConsent,
    ProducerProfile,
)

# Where `public_profiles` puts each profile's active consents.
ACTIVE_CONSENTS = "prefetched_active_consents"


def active_consents(now=None) -> QuerySet[ProducerConsent]:
    """Consents in force at `now` (default: this moment): granted, not revoked, not expired."""
    now = now or timezone.now()
    return ProducerConsent.objects.filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now),
        revoked_at__isnull=True,
        granted_at__lte=now,
    )


def public_profiles() -> QuerySet[ProducerProfile]:
    """Profiles shown to the public (not erased), with their consents in force prefetched."""
    return (
        ProducerProfile.objects.filter(erased_at__isnull=True)
        .prefetch_related(Prefetch("consents", queryset=active_consents(), to_attr=ACTIVE_CONSENTS))
        .order_by("pk")
    )


def has_active_consent(profile: ProducerProfile, scope: str, *, use_cache: bool = True) -> bool:
    """Whether a consent of `scope` is in force for `profile` right now."""
    if profile.is_erased:
        return False
    now = timezone.now()
    prefetched = getattr(profile, ACTIVE_CONSENTS, None) if use_cache else None
    if prefetched is not None:
        # Checked again: time may have passed since the prefetch.
        return any(c.scope == scope and c.is_active(now) for c in prefetched)
    return active_consents(now).filter(producer=profile, scope=scope).exists()


def public_story(profile: ProducerProfile, *, english: bool = False) -> str | None:
    """The story (Vietnamese, or English) while a story consent is in force; otherwise None."""
    text = profile.story_en if english else profile.story
    if not text or not has_active_consent(profile, ConsentScope.STORY):
        return None
    return text


def public_photo(profile: ProducerProfile) -> FieldFile | None:
    """The stored photo while a photo consent is in force; otherwise None."""
    if not profile.photo or not has_active_consent(profile, ConsentScope.PHOTO):
        return None
    return profile.photo


def get_profile(pk: int) -> ProducerProfile:
    """The profile with primary key `pk`, or a NOT_FOUND domain error."""
    profile = ProducerProfile.objects.select_related("booth").filter(pk=pk).first()
    if profile is None:
        raise DomainError(_("Producer not found."), code="NOT_FOUND", field="producer")
    return profile


def get_consent(pk: int) -> ProducerConsent:
    consent = ProducerConsent.objects.select_related("producer__booth").filter(pk=pk).first()
    if consent is None:
        raise DomainError(_("Consent not found."), code="NOT_FOUND", field="id")
    return consent


def access_log(*, actor, producer: ProducerProfile | None = None) -> QuerySet[AccessLogEntry]:
    """Reads and changes of identities, newest first (staff with VIEW_PRODUCER_IDENTITY)."""
    authorize(actor, Action.ACCESS_LOG_VIEW)
    entries = AccessLogEntry.objects.select_related("producer").order_by("-created_at", "-pk")
    if producer is not None:
        entries = entries.filter(producer=producer)
    return entries
