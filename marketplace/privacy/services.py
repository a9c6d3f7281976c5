"""Writes to producer profiles, consents and identities, and the audited read of an identity.

Every function checks permission through `marketplace.core.permissions` and runs in a
transaction. Error messages never repeat a submitted or stored identity value.
"""

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, authorize
from marketplace.core.provinces import province_names
from marketplace.privacy import crypto
from marketplace.privacy.images import ImageRejected, clean_image
from marketplace.privacy.models import (
    AccessAction,
    AccessLogEntry,
    ConsentScope,
    ProducerConsent,
    ProducerIdentity,
    ProducerProfile,
)
from marketplace.privacy.selectors import has_active_consent

logger = logging.getLogger("marketplace.privacy")

MAX_REASON_LENGTH = 500
# The public profile's texts, as `create_profile` and `update_profile` take them.
PROFILE_FIELDS = ("pseudonym", "craft", "province", "story", "story_en")


class ProducerErrorCode(StrEnum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    TOO_LARGE = "TOO_LARGE"
    ALREADY_ERASED = "ALREADY_ERASED"
    ENCRYPTION_NOT_CONFIGURED = crypto.IdentityCryptoErrorCode.ENCRYPTION_NOT_CONFIGURED.value
    IDENTITY_UNREADABLE = crypto.IdentityCryptoErrorCode.IDENTITY_UNREADABLE.value


@dataclass(frozen=True, repr=False)
class IdentityDetails:
    """A producer's identity in plain text, as returned by `reveal_identity` only."""

    legal_name: str
    phone: str
    national_id_number: str
    date_of_birth: date | None
    home_address: str
    updated_at: datetime

    def __repr__(self) -> str:
        return "<IdentityDetails (hidden)>"


# --- Profiles -----------------------------------------------------------------------------------


def _account(actor):
    """`actor` when it is a stored user account (the demo loader acts without one)."""
    return actor if isinstance(actor, get_user_model()) and actor.pk else None


def _text(value: str | None, *, field: str, max_length: int, required: bool = False) -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainError(
            _("This field is required."), code=ProducerErrorCode.REQUIRED, field=field
        )
    if len(text) > max_length:
        raise DomainError(
            _("Use at most %(count)d characters.") % {"count": max_length},
            code=ProducerErrorCode.INVALID,
            field=field,
        )
    return text


def _province(value: str) -> str:
    if value not in province_names():
        raise DomainError(
            _("Choose one of the 34 provinces and cities."),
            code=ProducerErrorCode.INVALID,
            field="province",
        )
    return value


def _not_erased(profile: ProducerProfile) -> None:
    if profile.is_erased:
        raise DomainError(
            _("This producer's data has been erased."),
            code=ProducerErrorCode.ALREADY_ERASED,
            field="producer",
        )


def _delete_file_after_commit(storage, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name))


def _store_photo(profile: ProducerProfile, upload) -> None:
    """Save `upload` re-encoded without metadata under a random name; the old file goes away.

    The name tells nothing about the producer, and a new name per upload means an old URL stops
    working once the photo is replaced.
    """
    try:
        cleaned = clean_image(upload, name=uuid.uuid4().hex)
    except ImageRejected as error:
        error.field = "photo"
        raise
    old_name = profile.photo.name if profile.photo else ""
    profile.photo.save(cleaned.name, cleaned, save=False)
    if old_name:
        _delete_file_after_commit(profile.photo.storage, old_name)


@transaction.atomic
def create_profile(
    *,
    actor,
    booth,
    pseudonym: str,
    craft: str,
    province: str | None = None,
    story: str = "",
    story_en: str = "",
    photo=None,
) -> ProducerProfile:
    """A booth's owners and managers (or staff managing booths) add a producer's public profile.

    The province defaults to the booth's. Story and photo stay hidden until consent is granted.
    """
    authorize(actor, Action.PRODUCER_PROFILE_MANAGE, booth)
    profile = ProducerProfile(
        booth=booth,
        pseudonym=_text(pseudonym, field="pseudonym", max_length=100, required=True),
        craft=_text(craft, field="craft", max_length=120, required=True),
        province=_province(province or booth.province),
        story=_text(story, field="story", max_length=5000),
        story_en=_text(story_en, field="storyEn", max_length=5000),
    )
    profile.full_clean(exclude=["photo"])
    if photo is not None:
        _store_photo(profile, photo)
    profile.save()
    return profile


@transaction.atomic
def update_profile(
    *,
    actor,
    profile: ProducerProfile,
    pseudonym: str | None = None,
    craft: str | None = None,
    province: str | None = None,
    story: str | None = None,
    story_en: str | None = None,
    photo=None,
) -> ProducerProfile:
    """Edit the given fields of a profile (None leaves a field as it is; "" clears a story)."""
    authorize(actor, Action.PRODUCER_PROFILE_MANAGE, profile.booth)
    profile = ProducerProfile.objects.select_for_update().get(pk=profile.pk)
    _not_erased(profile)
    if pseudonym is not None:
        profile.pseudonym = _text(pseudonym, field="pseudonym", max_length=100, required=True)
    if craft is not None:
        profile.craft = _text(craft, field="craft", max_length=120, required=True)
    if province is not None:
        profile.province = _province(province)
    if story is not None:
        profile.story = _text(story, field="story", max_length=5000)
    if story_en is not None:
        profile.story_en = _text(story_en, field="storyEn", max_length=5000)
    profile.full_clean(exclude=["photo"])
    if photo is not None:
        _store_photo(profile, photo)
    profile.save()
    return profile


# --- Consent -----------------------------------------------------------------------------------


@transaction.atomic
def grant_consent(
    *,
    actor,
    profile: ProducerProfile,
    scope: str,
    expires_at: datetime | None = None,
    note: str = "",
) -> ProducerConsent:
    """Record the producer's consent to publish her story or her photo, until `expires_at`."""
    authorize(actor, Action.PRODUCER_CONSENT_MANAGE, profile.booth)
    _not_erased(profile)
    if scope not in ConsentScope.values:
        raise DomainError(
            _("Unknown consent scope."), code=ProducerErrorCode.INVALID, field="scope"
        )
    now = timezone.now()
    if expires_at is not None and expires_at <= now:
        raise DomainError(
            _("The consent must expire in the future."),
            code=ProducerErrorCode.INVALID,
            field="expiresAt",
        )
    consent = ProducerConsent(
        producer=profile,
        scope=scope,
        granted_at=now,
        expires_at=expires_at,
        recorded_by=_account(actor),
        note=_text(note, field="note", max_length=1000),
    )
    consent.full_clean()
    consent.save()
    return consent


def _revoke(consents: list[ProducerConsent], actor, now: datetime) -> None:
    for consent in consents:
        if consent.revoked_at is None:
            consent.revoked_at = now
            consent.revoked_by = _account(actor)
            consent.save(update_fields=["revoked_at", "revoked_by"])


def _hide_photo_if_unconsented(profile: ProducerProfile) -> None:
    """Move the photo to a new random name once no consent covers it, so a URL handed out while
    it was public stops working at once."""
    if not profile.photo or has_active_consent(profile, ConsentScope.PHOTO, use_cache=False):
        return
    storage, old_name = profile.photo.storage, profile.photo.name
    with storage.open(old_name, "rb") as stored:
        content = stored.read()
    extension = old_name.rsplit(".", 1)[-1]
    profile.photo.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(content), save=False)
    profile.save(update_fields=["photo", "updated_at"])
    _delete_file_after_commit(storage, old_name)


@transaction.atomic
def revoke_consent(*, actor, consent: ProducerConsent) -> ProducerConsent:
    """Withdraw one consent; what it covered is hidden from the next read on. Idempotent."""
    authorize(actor, Action.PRODUCER_CONSENT_MANAGE, consent.producer.booth)
    consent = ProducerConsent.objects.select_for_update().get(pk=consent.pk)
    _revoke([consent], actor, timezone.now())
    if consent.scope == ConsentScope.PHOTO:
        _hide_photo_if_unconsented(consent.producer)
    return consent


@transaction.atomic
def revoke_consents(
    *, actor, profile: ProducerProfile, scope: str | None = None
) -> list[ProducerConsent]:
    """Withdraw every unrevoked consent of `profile` (of one scope, or all). Idempotent."""
    authorize(actor, Action.PRODUCER_CONSENT_MANAGE, profile.booth)
    consents = ProducerConsent.objects.select_for_update().filter(
        producer=profile, revoked_at__isnull=True
    )
    if scope is not None:
        consents = consents.filter(scope=scope)
    consents = list(consents)
    _revoke(consents, actor, timezone.now())
    if any(consent.scope == ConsentScope.PHOTO for consent in consents):
        _hide_photo_if_unconsented(profile)
    return consents


# --- Identity ----------------------------------------------------------------------------------

PHONE_PATTERN = re.compile(r"^\+?[0-9 ().-]+$")


def _clean_phone(value: str) -> str:
    phone = value.strip()
    digits = re.sub(r"\D", "", phone)
    if phone and (not PHONE_PATTERN.match(phone) or not 8 <= len(digits) <= 15):
        raise DomainError(
            _("Enter a phone number of 8 to 15 digits."),
            code=ProducerErrorCode.INVALID,
            field="phone",
        )
    return phone


def _clean_national_id(value: str) -> str:
    number = re.sub(r"\s", "", value)
    if number and (not number.isdigit() or len(number) not in (9, 12)):
        raise DomainError(
            _("A national ID number has 9 or 12 digits."),
            code=ProducerErrorCode.INVALID,
            field="nationalIdNumber",
        )
    return number


def _clean_date_of_birth(value: str | date) -> str:
    if isinstance(value, date):
        born = value
    elif not value.strip():
        return ""
    else:
        try:
            born = date.fromisoformat(value.strip())
        except ValueError:
            born = None
    if born is None or born.year < 1900 or born > timezone.localdate():
        raise DomainError(
            _("Enter a date of birth as YYYY-MM-DD, in the past."),
            code=ProducerErrorCode.INVALID,
            field="dateOfBirth",
        )
    return born.isoformat()


def _log(*, actor, profile: ProducerProfile, action: str, reason: str = "") -> AccessLogEntry:
    return AccessLogEntry.objects.create(
        producer=profile,
        actor=_account(actor),
        actor_email=actor.email,
        action=action,
        reason=reason,
    )


@transaction.atomic
def update_identity(
    *,
    actor,
    profile: ProducerProfile,
    legal_name: str | None = None,
    phone: str | None = None,
    national_id_number: str | None = None,
    date_of_birth: str | date | None = None,
    home_address: str | None = None,
) -> ProducerIdentity:
    """Staff with VIEW_PRODUCER_IDENTITY record who a producer is, encrypted with the current key.

    None leaves a field as it is; "" clears it. The change is written to the access log (the
    names of the changed fields, never their values).
    """
    authorize(actor, Action.PRODUCER_IDENTITY_UPDATE)
    profile = ProducerProfile.objects.select_for_update().get(pk=profile.pk)
    _not_erased(profile)
    given = {
        "legal_name": None
        if legal_name is None
        else _text(legal_name, field="legalName", max_length=200),
        "phone": None if phone is None else _clean_phone(phone),
        "national_id_number": None
        if national_id_number is None
        else _clean_national_id(national_id_number),
        "date_of_birth": None if date_of_birth is None else _clean_date_of_birth(date_of_birth),
        "home_address": None
        if home_address is None
        else _text(home_address, field="homeAddress", max_length=500),
    }
    changed = {name: value for name, value in given.items() if value is not None}
    identity = ProducerIdentity.objects.filter(producer=profile).first()
    identity = identity or ProducerIdentity(producer=profile)
    for name, value in changed.items():
        # Fails with a clear message, before anything is written, when there is no key.
        setattr(identity, ProducerIdentity.ENCRYPTED_FIELDS[name], crypto.encrypt(value))
    identity.save()
    _log(
        actor=actor,
        profile=profile,
        action=AccessAction.IDENTITY_UPDATE,
        reason=", ".join(sorted(changed)) or "-",
    )
    return identity


def reveal_identity(*, actor, profile: ProducerProfile, reason: str) -> IdentityDetails | None:
    """A staff member with VIEW_PRODUCER_IDENTITY reads a producer's identity, saying why.

    The read is written to the access log (who, when, which producer, the reason) before anything
    is decrypted; None when no identity was recorded.
    """
    try:
        authorize(actor, Action.PRODUCER_IDENTITY_VIEW)
    except DomainError:
        logger.warning(
            "Identity read refused: user %s, producer %s", getattr(actor, "pk", None), profile.pk
        )
        raise
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            _("Say why you need to see this producer's identity."),
            code=ProducerErrorCode.REQUIRED,
            field="reason",
        )
    if len(reason) > MAX_REASON_LENGTH:
        raise DomainError(
            _("Use at most %(count)d characters.") % {"count": MAX_REASON_LENGTH},
            code=ProducerErrorCode.INVALID,
            field="reason",
        )
    with transaction.atomic():
        _log(actor=actor, profile=profile, action=AccessAction.IDENTITY_READ, reason=reason)
    identity = ProducerIdentity.objects.filter(producer=profile).first()
    if identity is None:
        return None
    plain = {
        name: crypto.decrypt(getattr(identity, column))
        for name, column in ProducerIdentity.ENCRYPTED_FIELDS.items()
    }
    born = plain.pop("date_of_birth")
    return IdentityDetails(
        **plain,
        date_of_birth=date.fromisoformat(born) if born else None,
        updated_at=identity.updated_at,
    )


# --- Erasure -----------------------------------------------------------------------------------


@transaction.atomic
def erase_producer(*, actor, profile: ProducerProfile, reason: str = "") -> ProducerProfile:
    """Erase a producer at her request: her identity, pseudonym, story, photo and the notes of her
    consents go; the profile row stays (shown as "former member") so that every ledger and order
    amount that refers to her booth stays as it was. Erasing twice changes nothing more."""
    authorize(actor, Action.PRODUCER_ERASE)
    profile = ProducerProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.is_erased:
        return profile
    now = timezone.now()
    ProducerIdentity.objects.filter(producer=profile).delete()
    consents = list(ProducerConsent.objects.select_for_update().filter(producer=profile))
    _revoke(consents, actor, now)
    ProducerConsent.objects.filter(producer=profile).update(note="")
    if profile.photo:
        _delete_file_after_commit(profile.photo.storage, profile.photo.name)
    profile.photo = ""
    profile.pseudonym = ""
    profile.story = ""
    profile.story_en = ""
    profile.erased_at = now
    profile.save()
    _log(
        actor=actor,
        profile=profile,
        action=AccessAction.ERASURE,
        reason=_text(reason, field="reason", max_length=MAX_REASON_LENGTH),
    )
    return profile
