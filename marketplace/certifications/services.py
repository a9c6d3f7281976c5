"""Writes to certificates: a booth submits, staff verify or reject, staff revoke, time expires.

Every decision is recorded with who took it and why, and re-indexes the products whose search
texts mention the certificate. Permission comes from `marketplace.core.permissions`: booth members
(or staff verifying certificates) submit; only staff with VERIFY_CERTIFICATES decide, and never
for a booth they belong to.
"""

import calendar
import math
from datetime import datetime, timedelta
from enum import StrEnum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.catalog.models import Product
from marketplace.certifications import emails, selectors
from marketplace.certifications.models import (
    Certification,
    CertificationDecision,
    CertificationKind,
    CertificationStatus,
    IssuingLevel,
)
from marketplace.certifications.scans import clean_scan
from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, NotAllowed, authorize, booth_role
from marketplace.search import get_search_backend
from vendors.models import Booth

# How long a certificate is valid when it does not say: OCOP 36 months from the decision,
# VietGAP about two years. Organic certificates always state their end date.
DEFAULT_VALIDITY_MONTHS = {CertificationKind.OCOP: 36, CertificationKind.VIETGAP: 24}
REMINDER_DAYS = (60, 14)


class CertificationErrorCode(StrEnum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    INVALID_STATUS_CHANGE = "INVALID_STATUS_CHANGE"
    TOO_LARGE = "TOO_LARGE"


def add_months(moment: datetime, months: int) -> datetime:
    """`moment` plus whole calendar months, counted on Vietnam's calendar; the 31st becomes the
    last day of a shorter month."""
    moment = timezone.localtime(moment)
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _text(value: str | None) -> str:
    return (value or "").strip()


def _require(value: str, field: str, message: str) -> str:
    if not value:
        raise DomainError(message, code=CertificationErrorCode.REQUIRED, field=field)
    return value


def _invalid(message: str, field: str) -> DomainError:
    return DomainError(message, code=CertificationErrorCode.INVALID, field=field)


@transaction.atomic
def submit_certificate(
    *,
    actor,
    kind: str,
    code: str,
    issuer: str,
    issued_at: datetime,
    vendor: Booth | None = None,
    product: Product | None = None,
    stars: int | None = None,
    issuing_level: str = "",
    product_group: str = "",
    scope: str = "",
    standard: str = "",
    expires_at: datetime | None = None,
    document: bytes | None = None,
) -> Certification:
    """A booth (or staff on its behalf) submits a certificate; it waits for staff verification.

    OCOP certificates belong to a product and carry 3 to 5 stars (5 stars are awarded centrally,
    3 and 4 by the province). Without `expires_at`, OCOP is valid 36 months from `issued_at`
    and VietGAP 24 months; organic certificates must give their end date. `document` is the
    scan (PDF or image), kept private to staff.
    """
    if product is not None:
        if vendor is not None and vendor.pk != product.vendor_id:
            raise _invalid(_("The product belongs to another booth."), "product")
        vendor = product.vendor
    if vendor is None:
        raise DomainError(
            _("Say which booth or product the certificate is for."),
            code=CertificationErrorCode.REQUIRED,
            field="vendor",
        )
    authorize(actor, Action.CERTIFICATE_SUBMIT, vendor)
    if kind not in CertificationKind.values:
        raise _invalid(_("Unknown kind of certificate."), "kind")
    code = _require(_text(code), "code", _("Enter the certificate's code or decision number."))
    issuer = _require(_text(issuer), "issuer", _("Enter who issued the certificate."))
    if issued_at is None:
        raise DomainError(
            _("Enter the date of issue."), code=CertificationErrorCode.REQUIRED, field="issuedAt"
        )
    now = timezone.now()
    if issued_at > now:
        raise _invalid(_("The date of issue cannot be in the future."), "issuedAt")

    if kind == CertificationKind.OCOP:
        issuing_level = _ocop_checks(product, stars, issuing_level)
    else:
        if stars is not None:
            raise _invalid(_("Only OCOP certificates have stars."), "stars")
        if issuing_level:
            raise _invalid(_("Only OCOP certificates have an issuing level."), "issuingLevel")
    if expires_at is None:
        if kind not in DEFAULT_VALIDITY_MONTHS:
            raise DomainError(
                _("Enter the date until which the certificate is valid."),
                code=CertificationErrorCode.REQUIRED,
                field="expiresAt",
            )
        expires_at = add_months(issued_at, DEFAULT_VALIDITY_MONTHS[kind])
    if expires_at <= issued_at:
        raise _invalid(_("The certificate must expire after it was issued."), "expiresAt")
    if expires_at <= now:
        raise _invalid(_("This certificate has already expired."), "expiresAt")

    active_codes = Certification.objects.filter(
        vendor=vendor,
        kind=kind,
        status__in=[CertificationStatus.SUBMITTED, CertificationStatus.VERIFIED],
        expires_at__gt=now,
    ).values_list("code", flat=True)
    if _same_code(code) in {_same_code(other) for other in active_codes}:
        raise DomainError(
            _("This certificate has already been submitted."),
            code=CertificationErrorCode.UNIQUE,
            field="code",
        )

    certification = Certification(
        vendor=vendor,
        product=product,
        kind=kind,
        stars=stars if kind == CertificationKind.OCOP else None,
        code=code,
        issuer=issuer,
        issuing_level=issuing_level,
        product_group=_text(product_group),
        scope=_text(scope),
        standard=_text(standard),
        issued_at=issued_at,
        expires_at=expires_at,
        submitted_by=actor if getattr(actor, "pk", None) else None,
    )
    scan = clean_scan(document) if document else None
    certification.full_clean()
    certification.search_text = selectors.certificate_search_text(certification)
    certification.save()
    if scan is not None:
        certification.document.save(scan.name, scan, save=True)
    return certification


def _same_code(code: str) -> str:
    """Codes as printed and as typed compare equal: case and spacing do not matter."""
    return " ".join(code.casefold().split())


def _ocop_checks(product: Product | None, stars: int | None, issuing_level: str) -> str:
    if product is None:
        raise DomainError(
            _("An OCOP certificate is for one product: choose it."),
            code=CertificationErrorCode.REQUIRED,
            field="product",
        )
    if stars is None:
        raise DomainError(
            _("Enter the OCOP rating (3, 4 or 5 stars)."),
            code=CertificationErrorCode.REQUIRED,
            field="stars",
        )
    if stars not in (3, 4, 5):
        raise _invalid(_("OCOP ratings have 3, 4 or 5 stars."), "stars")
    expected = IssuingLevel.CENTRAL if stars == 5 else IssuingLevel.PROVINCE
    if issuing_level and issuing_level != expected:
        raise _invalid(
            _("5-star OCOP ratings are awarded centrally, 3 and 4 stars by the province."),
            "issuingLevel",
        )
    return expected


def _decide(
    *, actor, certification: Certification, allowed_from: set[str], to_status: str, reason: str
) -> Certification:
    authorize(actor, Action.CERTIFICATE_VERIFY, certification.vendor)
    if getattr(actor, "pk", None) and booth_role(actor, certification.vendor_id) is not None:
        raise NotAllowed(_("You cannot decide on a certificate of a booth you belong to."))
    if getattr(actor, "pk", None) and certification.submitted_by_id == actor.pk:
        # Vouching needs a second person: whoever submitted a certificate does not verify it.
        raise NotAllowed(_("Another member of staff must decide on a certificate you submitted."))
    certification = Certification.objects.select_for_update().get(pk=certification.pk)
    if certification.status not in allowed_from:
        raise DomainError(
            _("A certificate that is %(current)s cannot become %(new)s.")
            % {
                "current": CertificationStatus(certification.status).label.lower(),
                "new": CertificationStatus(to_status).label.lower(),
            },
            code=CertificationErrorCode.INVALID_STATUS_CHANGE,
            field="id",
        )
    CertificationDecision.objects.create(
        certification=certification,
        from_status=certification.status,
        to_status=to_status,
        reason=reason,
        decided_by=actor if getattr(actor, "pk", None) else None,
    )
    certification.status = to_status
    certification.status_reason = reason
    certification.save(update_fields=["status", "status_reason", "updated_at"])
    reindex_covered_products([certification])
    return certification


def _reason(reason: str | None) -> str:
    reason = _text(reason)
    if not reason:
        raise DomainError(
            _("Give a reason: the booth will read it."),
            code=CertificationErrorCode.REQUIRED,
            field="reason",
        )
    return reason


@transaction.atomic
def verify_certificate(*, actor, certification: Certification) -> Certification:
    """Staff vouch for a submitted certificate: from now until it expires it is public."""
    if certification.expires_at <= timezone.now():
        raise DomainError(
            _("This certificate has expired and can no longer be verified."),
            code=CertificationErrorCode.INVALID_STATUS_CHANGE,
            field="id",
        )
    return _decide(
        actor=actor,
        certification=certification,
        allowed_from={CertificationStatus.SUBMITTED},
        to_status=CertificationStatus.VERIFIED,
        reason="",
    )


@transaction.atomic
def reject_certificate(*, actor, certification: Certification, reason: str) -> Certification:
    """Staff turn down a submitted certificate, with a reason the booth reads."""
    return _decide(
        actor=actor,
        certification=certification,
        allowed_from={CertificationStatus.SUBMITTED},
        to_status=CertificationStatus.REJECTED,
        reason=_reason(reason),
    )


@transaction.atomic
def revoke_certificate(*, actor, certification: Certification, reason: str) -> Certification:
    """Staff withdraw a verified certificate (withdrawn by its issuer, found false...)."""
    return _decide(
        actor=actor,
        certification=certification,
        allowed_from={CertificationStatus.VERIFIED},
        to_status=CertificationStatus.REVOKED,
        reason=_reason(reason),
    )


def reindex_covered_products(certifications) -> None:
    """Search texts mention public certificates: refresh the products they cover."""
    ids: set[int] = set()
    for certification in certifications:
        ids.update(selectors.products_covered_by(certification).values_list("pk", flat=True))
    if ids:
        get_search_backend().index_products(list(Product.objects.filter(pk__in=ids)))


@transaction.atomic
def expire_certificates(*, now: datetime | None = None) -> list[Certification]:
    """Write down as expired the verified certificates whose time has come (the public rule
    already hides them) and refresh the search texts of their products."""
    now = now or timezone.now()
    expired = list(
        Certification.objects.select_for_update().filter(
            status=CertificationStatus.VERIFIED, expires_at__lte=now
        )
    )
    for certification in expired:
        CertificationDecision.objects.create(
            certification=certification,
            from_status=certification.status,
            to_status=CertificationStatus.EXPIRED,
            reason="",
        )
        certification.status = CertificationStatus.EXPIRED
    Certification.objects.bulk_update(expired, ["status"])
    reindex_covered_products(expired)
    return expired


def send_expiry_reminders(*, now: datetime | None = None) -> int:
    """Email each booth 60 and 14 days before a verified certificate expires, once each.

    A certificate verified when less than 14 days remain gets only the 14-day reminder.
    Returns the number of reminders sent.
    """
    now = now or timezone.now()
    sent = 0
    for days in sorted(REMINDER_DAYS):
        field = f"reminded_{days}_days_at"
        due = selectors.expiring_between(now, now + timedelta(days=days)).filter(
            **{f"{field}__isnull": True}
        )
        for certification in due:
            days_left = math.ceil((certification.expires_at - now).total_seconds() / 86400)
            if not emails.send_expiry_reminder(certification, days_left=days_left):
                continue  # tried again on the next run
            stamps = {f"reminded_{d}_days_at": now for d in REMINDER_DAYS if d >= days}
            Certification.objects.filter(pk=certification.pk).update(**stamps)
            sent += 1
    return sent
