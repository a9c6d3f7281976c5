"""Emails to booths about their certificates, in each reader's language (Vietnamese or English).

Texts are templates in `templates/certifications/email/`, one per language.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from marketplace.certifications.models import Certification
from vendors.models import BoothMember, BoothRole

logger = logging.getLogger("marketplace.certifications")

LANGUAGES = ("vi", "en")
KIND_NAMES = {
    "vi": {"ocop": "OCOP", "vietgap": "VietGAP", "organic": "hữu cơ"},
    "en": {"ocop": "OCOP", "vietgap": "VietGAP", "organic": "organic"},
}


def _language(code: str | None) -> str:
    base = (code or "").lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else "vi"


def booth_recipients(booth) -> dict[str, str]:
    """Email address -> language, for the booth's owners and managers and its contact address."""
    recipients: dict[str, str] = {}
    managers = BoothMember.objects.filter(
        booth=booth, role__in=[BoothRole.OWNER, BoothRole.MANAGER], user__is_active=True
    ).select_related("user")
    for member in managers:
        recipients[member.user.email.lower()] = _language(member.user.language_code)
    if booth.contact_email:
        recipients.setdefault(booth.contact_email.lower(), "vi")
    return recipients


def send_expiry_reminder(certification: Certification, *, days_left: int) -> bool:
    """Tell the booth that `certification` expires in `days_left` days; False if no one could be
    told (no address, or the mail server refused)."""
    booth = certification.vendor
    context = {
        "booth": booth,
        "certification": certification,
        "product": certification.product,
        "days_left": days_left,
        "expires_on": timezone.localtime(certification.expires_at).strftime("%d/%m/%Y"),
    }
    delivered = False
    for address, language in booth_recipients(booth).items():
        context["kind"] = KIND_NAMES[language][certification.kind]
        subject = render_to_string(
            f"certifications/email/expiry_reminder_subject.{language}.txt", context
        ).strip()
        body = render_to_string(f"certifications/email/expiry_reminder.{language}.txt", context)
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        except (smtplib.SMTPException, OSError) as error:
            logger.error(
                "Could not send an expiry reminder for certificate %s (%s)",
                certification.pk,
                type(error).__name__,
            )
            continue
        delivered = True
    return delivered
