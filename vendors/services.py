"""Writes to booths: creation, the life cycle (each step by staff, with a reason), profile
edits by the booth, and membership. Every function checks permission through
`marketplace.core.permissions`."""

import secrets
from enum import StrEnum

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, authorize
from marketplace.core.provinces import province_names
from marketplace.core.text import fold_vietnamese, slug_from
from marketplace.privacy.images import clean_image
from vendors.models import (
    Booth,
    BoothInvitation,
    BoothMember,
    BoothRole,
    BoothStatus,
    BoothStatusChange,
    BoothTranslation,
)


class VendorErrorCode(StrEnum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    INVALID_STATUS_CHANGE = "INVALID_STATUS_CHANGE"
    LAST_OWNER = "LAST_OWNER"


# Which status each staff decision leads to, and from where it may be taken.
TRANSITIONS = {
    BoothStatus.APPROVED: {BoothStatus.APPLIED, BoothStatus.SUSPENDED},
    BoothStatus.SUSPENDED: {BoothStatus.APPROVED},
    BoothStatus.CLOSED: {BoothStatus.APPLIED, BoothStatus.APPROVED, BoothStatus.SUSPENDED},
}

PROFILE_FIELDS = (
    "name",
    "kind",
    "description",
    "province",
    "founding_year",
    "member_count",
    "bank_account",
    "contact_email",
    "contact_phone",
)


def _search_text(booth: Booth) -> str:
    english = " ".join(t.description for t in booth.translations.all()) if booth.pk else ""
    folded = fold_vietnamese(f"{booth.name} {booth.description} {english}")
    return f" {folded} " if folded else ""


def _check_province(province: str) -> None:
    if province not in province_names():
        raise DomainError(
            _("Choose one of the 34 provinces and cities."),
            code=VendorErrorCode.INVALID,
            field="province",
        )


def _unique_slug(name: str, wanted: str | None) -> str:
    base = slugify(wanted) if wanted else slug_from(name)
    base = base or "booth"
    slug, number = base, 2
    while Booth.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_booth(*, actor, name: str, province: str, slug: str | None = None, **fields) -> Booth:
    """Staff register a booth; it starts as `applied` and is not public until approved."""
    authorize(actor, Action.BOOTH_CREATE)
    if not name or not name.strip():
        raise DomainError(_("The booth needs a name."), code=VendorErrorCode.REQUIRED, field="name")
    _check_province(province)
    if slug and Booth.objects.filter(slug=slug).exists():
        raise DomainError(
            _("Another booth already uses this slug."), code=VendorErrorCode.UNIQUE, field="slug"
        )
    description_en = fields.pop("description_en", None)
    booth = Booth(name=name.strip(), province=province, slug=_unique_slug(name, slug))
    for field, value in fields.items():
        if field in PROFILE_FIELDS and value is not None:
            setattr(booth, field, value)
    booth.full_clean()
    booth.save()
    if description_en is not None:
        _set_english_description(booth, description_en)
    booth.search_text = _search_text(booth)
    booth.save(update_fields=["search_text"])
    return booth


@transaction.atomic
def update_booth(*, actor, booth: Booth, logo: bytes | None = None, **fields) -> Booth:
    """The booth's owners and managers (or staff) edit its profile; the logo loses metadata."""
    authorize(actor, Action.BOOTH_UPDATE, booth)
    booth = Booth.objects.select_for_update().get(pk=booth.pk)
    description_en = fields.pop("description_en", None)
    if fields.get("province") is not None:
        _check_province(fields["province"])
    for field, value in fields.items():
        if field in PROFILE_FIELDS and value is not None:
            setattr(booth, field, value.strip() if isinstance(value, str) else value)
    if logo is not None:
        cleaned = clean_image(logo, name=booth.slug)
        booth.logo.save(cleaned.name, cleaned, save=False)
        booth.thumbnails.all().delete()
    booth.full_clean()
    booth.save()
    if description_en is not None:
        _set_english_description(booth, description_en)
    booth.search_text = _search_text(booth)
    booth.save(update_fields=["search_text"])
    return booth


def _set_english_description(booth: Booth, text: str) -> None:
    BoothTranslation.objects.update_or_create(
        booth=booth, language_code="en", defaults={"description": text.strip()}
    )


@transaction.atomic
def change_booth_status(*, actor, booth: Booth, to_status: str, reason: str) -> Booth:
    """Approve, suspend, reinstate or close a booth, recording who did it and why.

    Suspension and closure hide the booth's products at once: every public read requires an
    approved booth.
    """
    authorize(actor, Action.BOOTH_CHANGE_STATUS, booth)
    if not reason or not reason.strip():
        raise DomainError(
            _("Give a reason for this decision."), code=VendorErrorCode.REQUIRED, field="reason"
        )
    booth = Booth.objects.select_for_update().get(pk=booth.pk)
    if booth.status not in TRANSITIONS[to_status]:
        raise DomainError(
            _("A booth that is %(current)s cannot become %(new)s.")
            % {
                "current": BoothStatus(booth.status).label,
                "new": BoothStatus(to_status).label,
            },
            code=VendorErrorCode.INVALID_STATUS_CHANGE,
            field="status",
        )
    BoothStatusChange.objects.create(
        booth=booth,
        from_status=booth.status,
        to_status=to_status,
        reason=reason.strip(),
        changed_by=actor if actor.pk else None,
    )
    booth.status = to_status
    booth.save(update_fields=["status", "updated_at"])
    return booth


@transaction.atomic
def invite_member(*, actor, booth: Booth, email: str, role: str) -> BoothInvitation:
    """An owner (or staff) invites someone by email; they join when they accept."""
    authorize(actor, Action.BOOTH_MEMBERS_MANAGE, booth)
    if role not in BoothRole.values:
        raise DomainError(_("Unknown role."), code=VendorErrorCode.INVALID, field="role")
    email = (email or "").strip().lower()
    if "@" not in email:
        raise DomainError(
            _("Enter a valid email address."), code=VendorErrorCode.INVALID, field="email"
        )
    if BoothMember.objects.filter(booth=booth, user__email=email).exists():
        raise DomainError(
            _("This person is already a member of the booth."),
            code=VendorErrorCode.UNIQUE,
            field="email",
        )
    invitation = BoothInvitation.objects.create(
        booth=booth,
        email=email,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=actor if actor.pk else None,
    )
    transaction.on_commit(
        lambda: _send_invitation(invitation, getattr(actor, "language_code", "vi"))
    )
    return invitation


def _send_invitation(invitation: BoothInvitation, language: str) -> None:
    with translation.override(language or "vi"):
        send_mail(
            _("You are invited to join %(booth)s") % {"booth": invitation.booth.name},
            _(
                "You have been invited to help run the booth %(booth)s on the marketplace.\n"
                "Sign in with this email address and accept with this code:\n\n%(token)s\n"
            )
            % {"booth": invitation.booth.name, "token": invitation.token},
            None,
            [invitation.email],
        )


@transaction.atomic
def accept_invitation(*, actor, token: str) -> BoothMember:
    """The invited person, signed in with the invited address, joins the booth."""
    if not (actor and actor.is_authenticated):
        raise DomainError(
            _("Sign in to accept the invitation."), code=VendorErrorCode.PERMISSION_DENIED
        )
    invitation = (
        BoothInvitation.objects.select_for_update()
        .filter(token=token or "", accepted_at__isnull=True)
        .first()
    )
    if invitation is None or invitation.email != actor.email.lower():
        raise DomainError(
            _("This invitation is not valid for your account."),
            code=VendorErrorCode.NOT_FOUND,
            field="token",
        )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    member, _created = BoothMember.objects.update_or_create(
        booth=invitation.booth, user=actor, defaults={"role": invitation.role}
    )
    return member


@transaction.atomic
def change_member_role(*, actor, member: BoothMember, role: str) -> BoothMember:
    authorize(actor, Action.BOOTH_MEMBERS_MANAGE, member.booth)
    if role not in BoothRole.values:
        raise DomainError(_("Unknown role."), code=VendorErrorCode.INVALID, field="role")
    if member.role == BoothRole.OWNER and role != BoothRole.OWNER:
        _keep_an_owner(member)
    member.role = role
    member.save(update_fields=["role"])
    return member


@transaction.atomic
def remove_member(*, actor, member: BoothMember) -> None:
    authorize(actor, Action.BOOTH_MEMBERS_MANAGE, member.booth)
    if member.role == BoothRole.OWNER:
        _keep_an_owner(member)
    member.delete()


def _keep_an_owner(member: BoothMember) -> None:
    owners = BoothMember.objects.select_for_update().filter(
        booth=member.booth, role=BoothRole.OWNER
    )
    if owners.exclude(pk=member.pk).count() == 0:
        raise DomainError(
            _("A booth must keep at least one owner."),
            code=VendorErrorCode.LAST_OWNER,
            field="role",
        )


@transaction.atomic
def add_member(*, actor, booth: Booth, user, role: str) -> BoothMember:
    """Staff attach an existing account to a booth directly (for example its first owner)."""
    authorize(actor, Action.BOOTH_CREATE)
    if role not in BoothRole.values:
        raise DomainError(_("Unknown role."), code=VendorErrorCode.INVALID, field="role")
    member, _created = BoothMember.objects.update_or_create(
        booth=booth, user=user, defaults={"role": role}
    )
    return member


@transaction.atomic
def set_commission_rate(*, actor, booth: Booth, rate) -> Booth:
    """Staff set the platform's commission on a booth's sales (percent, 0 to 100)."""
    authorize(actor, Action.BOOTH_CHANGE_STATUS, booth)
    booth = Booth.objects.select_for_update().get(pk=booth.pk)
    booth.commission_rate = rate
    booth.full_clean()
    booth.save(update_fields=["commission_rate", "updated_at"])
    return booth
