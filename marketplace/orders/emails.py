"""Order emails, in each reader's language (vi or en): an order was placed, a parcel shipped.

The shopper reads them in the checkout's language; each booth's owners and managers in their own
language, and the booth's contact address in Vietnamese. Texts are templates in
`templates/orders/emails/`, one per language. Services send them after the transaction commits
(`transaction.on_commit`), through Django's email backend; a failure to send is logged and never
raised: the order stands whatever the mail server says.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from marketplace.core.money import format_vnd
from marketplace.payments.gateways.cod import COD_GATEWAY_ID

logger = logging.getLogger("marketplace.orders")

LANGUAGES = ("vi", "en")


def email_language(code: str | None) -> str:
    base = (code or "").lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else "vi"


def booth_recipients(booth) -> dict[str, str]:
    """Email address -> language, for the booth's owners and managers and its contact address."""
    return recipients_of_booths([booth])[booth.pk]


def recipients_of_booths(booths) -> dict[int, dict[str, str]]:
    """`booth_recipients` of several booths, in one query."""
    from vendors.models import BoothMember, BoothRole

    recipients: dict[int, dict[str, str]] = {booth.pk: {} for booth in booths}
    managers = (
        BoothMember.objects.filter(
            booth__in=[booth.pk for booth in booths],
            role__in=[BoothRole.OWNER, BoothRole.MANAGER],
            user__is_active=True,
        )
        .order_by("pk")
        .values_list("booth_id", "user__email", "user__language_code")
    )
    for booth_id, email, language in managers:
        recipients[booth_id][email.lower()] = email_language(language)
    for booth in booths:
        if booth.contact_email:
            recipients[booth.pk].setdefault(booth.contact_email.lower(), "vi")
    return recipients


def _send(template: str, *, to: str, language: str, context: dict) -> bool:
    context = {**context, "money": _money_in(language, context)}
    subject = render_to_string(f"orders/emails/{template}_subject.{language}.txt", context)
    body = render_to_string(f"orders/emails/{template}.{language}.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to])
    except Exception as error:  # the order stands; the failure is logged
        logger.error("Could not send the %s email (%s)", template, type(error).__name__)
        return False
    return True


def _money_in(language: str, context: dict) -> dict[str, str]:
    """Every amount of the context formatted for `language`, by name."""
    return {name: format_vnd(value, language) for name, value in context.get("amounts", {}).items()}


def _rate(rate, language: str) -> str:
    """A commission rate for people: "12,5" in Vietnamese, "12.5" in English."""
    text = f"{rate.normalize():f}"
    return text.replace(".", ",") if language == "vi" else text


def _parcel(booth_order, language: str) -> dict:
    return {
        "booth": booth_order.booth.name,
        "lines": [
            {
                "name": " · ".join(part for part in (line.product_name, line.variant_name) if part),
                "quantity": line.quantity,
                "total": format_vnd(line.total_price_amount, language),
            }
            for line in booth_order.lines.all()
        ],
        "shipping": format_vnd(booth_order.shipping_amount, language),
        "total": format_vnd(booth_order.total_amount, language),
        "tracking_number": booth_order.tracking_number,
    }


def _address_lines(address) -> list[str]:
    if address is None:
        return []
    name = " ".join(part for part in (address.last_name, address.first_name) if part)
    street = ", ".join(
        part for part in (address.street_address_1, address.street_address_2) if part
    )
    place = ", ".join(
        part for part in (address.city_area, address.city, address.country_area) if part
    )
    return [part for part in (name, street, place, address.phone) if part]


def send_order_placed(order_pk: int) -> None:
    """Tell the shopper their order was placed, and each booth what it has to send."""
    try:
        _send_order_placed(order_pk)
    except Exception:  # an email must never undo or hide a placed order
        logger.exception("Could not prepare the emails of order %s", order_pk)


def _send_order_placed(order_pk: int) -> None:
    from marketplace.orders.models import Order

    order = (
        Order.objects.select_related("shipping_address")
        .prefetch_related("booth_orders__booth", "booth_orders__lines")
        .get(pk=order_pk)
    )
    booth_orders = list(order.booth_orders.all())
    cod = order.payment_gateway == COD_GATEWAY_ID
    common = {
        "order": order,
        "cash_on_delivery": cod,
        "pickup": order.delivery_method == "pickup",
        "address": _address_lines(order.shipping_address),
        "placed_on": timezone.localtime(order.created_at).strftime("%d/%m/%Y %H:%M"),
    }
    if order.user_email:
        language = email_language(order.language_code)
        _send(
            "order_placed",
            to=order.user_email,
            language=language,
            context={
                **common,
                "parcels": [_parcel(booth_order, language) for booth_order in booth_orders],
                "amounts": {
                    "subtotal": order.subtotal_amount,
                    "shipping": order.shipping_amount,
                    "total": order.total_amount,
                },
            },
        )
    recipients = recipients_of_booths([booth_order.booth for booth_order in booth_orders])
    for booth_order in booth_orders:
        for email, language in recipients[booth_order.booth_id].items():
            _send(
                "booth_order_placed",
                to=email,
                language=language,
                context={
                    **common,
                    "booth_order": booth_order,
                    "parcel": _parcel(booth_order, language),
                    "rate": _rate(booth_order.commission_rate, language),
                    "amounts": {
                        "commission": booth_order.commission_amount,
                        "share": booth_order.booth_share_amount,
                        "collect": booth_order.total_amount,
                    },
                },
            )


def send_parcel_shipped(booth_order_pk: int) -> None:
    """Tell the shopper a booth's parcel is on its way (with its tracking number), and the booth
    that the shipment is recorded."""
    try:
        _send_parcel_shipped(booth_order_pk)
    except Exception:  # an email must never undo a recorded shipment
        logger.exception("Could not prepare the shipping emails of sub-order %s", booth_order_pk)


def _send_parcel_shipped(booth_order_pk: int) -> None:
    from marketplace.orders.models import BoothOrder

    booth_order = (
        BoothOrder.objects.select_related("order", "booth").prefetch_related("lines")
    ).get(pk=booth_order_pk)
    order = booth_order.order
    context = {
        "order": order,
        "booth_order": booth_order,
        "cash_on_delivery": order.payment_gateway == COD_GATEWAY_ID,
        "amounts": {"collect": booth_order.total_amount},
    }
    if order.user_email:
        language = email_language(order.language_code)
        _send(
            "parcel_shipped",
            to=order.user_email,
            language=language,
            context={**context, "parcel": _parcel(booth_order, language)},
        )
    for email, language in booth_recipients(booth_order.booth).items():
        _send(
            "booth_parcel_shipped",
            to=email,
            language=language,
            context={**context, "parcel": _parcel(booth_order, language)},
        )
