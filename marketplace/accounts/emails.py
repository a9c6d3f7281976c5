"""Account emails (confirmation, password reset, deletion), in the user's language.

Bodies are plain-text templates in `templates/accounts/emails/`; every text goes through gettext.
A failure to send is logged without the address and reported to the caller, never raised: an
error that only happens for existing accounts would tell who has one.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("marketplace.accounts")

SITE_NAME = _("Women's Union Marketplace")
SUBJECTS = {
    "confirm_account": _("Confirm your email address"),
    "account_exists": _("You already have an account"),
    "password_reset": _("Reset your password"),
    "account_delete": _("Confirm deleting your account"),
}
EMAIL_LANGUAGES = ("vi", "en")


def email_language(language_code: str | None) -> str:
    """The language of account emails for `language_code`: "vi" or "en"."""
    base = (language_code or "").lower().replace("_", "-").split("-")[0]
    return base if base in EMAIL_LANGUAGES else settings.LANGUAGE_CODE


def send_account_email(kind: str, *, to: str, language_code: str | None, context: dict) -> bool:
    """Send the `kind` email to `to` in the user's language; False when it could not be sent."""
    with translation.override(email_language(language_code)):
        subject = f"{SITE_NAME}: {SUBJECTS[kind]}"
        body = render_to_string(f"accounts/emails/{kind}.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    except (smtplib.SMTPException, OSError) as error:
        logger.error("Could not send the %s email (%s)", kind, type(error).__name__)
        return False
    return True
