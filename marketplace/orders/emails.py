"""Order emails, in each reader's language (vi or en): an order was placed, a parcel shipped.

The shopper gets them in the checkout's language; each booth's owners and managers in their own
language, or the booth's contact address in Vietnamese. They are sent after the transaction
commits (services use `transaction.on_commit`), through Django's email backend; a failure to send
is logged, never raised: the order stands.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from marketplace.accounts.emails import SITE_NAME, email_language
from marketplace.core.money import format_vnd

logger = logging.getLogger("marketplace.orders")


def _send(template: str, subject: str, *, to: str, language: str, context: dict) -> bool:
    with translation.override(email_language(language)):
        language = translation.get_language()
        full_subject = f"{SITE_NAME}: {_(subject) % context}"
        body = render_to_string(f"orders/emails/{template}.txt", {**context, "language": language})
    try:
        send_mail(full_subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    except (smtplib.SMTPException, OSError) as error:
        logger.error("Could not send the %s email (%s)", template, type(error).__name__)
        return False
    return True


def booth_recipients(booth) -> list[tuple[str, str]]:
    """(email, language) of who hears about a booth's orders: its owners and managers, else its
    contact address (in Vietnamese)."""
    from vendors.models import BoothMember, BoothRole

    members = list(
        BoothMember.objects.filter(
            booth=booth, role__in=[BoothRole.OWNER, BoothRole.MANAGER], user__is_active=True
        )
        .order_by("pk")
        .values_list("user__email", "user__language_code")
    )
    if members:
        return members
    return [(booth.contact_email, "vi")] if booth.contact_email else []


def send_order_placed(order_pk: int) -> None:
    """Tell the shopper their order was placed, and each booth what it has to send."""
    from marketplace.orders.models import Order

    order = (
        Order.objects.select_related("shipping_address")
        .prefetch_related("booth_orders__booth", "booth_orders__lines")
        .get(pk=order_pk)
    )
    booth_orders = list(order.booth_orders.all())
    if order.user_email:
        _send(
            "order_placed",
            "Order #%(number)s is placed",
            to=order.user_email,
            language=order.language_code,
            context={
                "order": order,
                "booth_orders": booth_orders,
                "money": format_vnd,
                "number": order.number,
            },
        )
    for booth_order in booth_orders:
        for email, language in booth_recipients(booth_order.booth):
            _send(
                "booth_order_placed",
                "New order #%(number)s to send",
                to=email,
                language=language,
                context={"order": order, "booth_order": booth_order, "number": order.number},
            )


def send_parcel_shipped(booth_order_pk: int) -> None:
    """Tell the shopper a booth's parcel is on its way (with the tracking number), and the booth
    that its shipment is recorded."""
    from marketplace.orders.models import BoothOrder

    booth_order = (
        BoothOrder.objects.select_related("order", "booth")
        .prefetch_related("lines")
        .get(pk=booth_order_pk)
    )
    order = booth_order.order
    context = {"order": order, "booth_order": booth_order, "number": order.number}
    if order.user_email:
        _send(
            "parcel_shipped",
            "A parcel of order #%(number)s is on its way",
            to=order.user_email,
            language=order.language_code,
            context=context,
        )
    for email, language in booth_recipients(booth_order.booth):
        _send(
            "booth_parcel_shipped",
            "Parcel of order #%(number)s shipped",
            to=email,
            language=language,
            context=context,
        )
