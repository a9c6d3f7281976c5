"""Completing a checkout: check it, lock it, place the order, promise the stock, delete it.

`complete_checkout` runs in one transaction that locks the checkout's row, so two completions of
one checkout take turns: the second finds the checkout gone and answers the order the first one
placed, as Saleor does (a storefront retrying after a timeout gets its order, not an error; the
database also refuses a second order for one checkout token). Stock is promised inside the same
transaction (`marketplace.orders.stock`): when a variant is short, nothing at all is written and
the shopper gets INSUFFICIENT_STOCK naming it.

Payment: when the checkout's card transactions (Stripe, see `marketplace.payments`) have charged
its whole total the order is placed paid; when they cover only part of it the checkout is refused
with CHECKOUT_NOT_FULLY_PAID; without any payment it is placed as cash on delivery (unpaid).

Prices: the checkout always shows the channel's current prices, as Saleor does, and each line
remembers the unit price the shopper had when they last added or changed it. When a price moved
since, completion refuses with PRICE_CHANGED (an addition to Saleor's codes, which would place the
order at the new price without a word), naming the lines; the lines take the new prices, so the
storefront shows the new total and the next `checkoutComplete` goes through.
"""

from __future__ import annotations

import logging
import uuid

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from marketplace.accounts.addresses import API_FIELDS
from marketplace.accounts.models import Address
from marketplace.checkout.errors import CheckoutError, CheckoutErrorCode, CheckoutErrors
from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.checkout.selectors import (
    can_use_checkout,
    checkout_lines,
    checkout_summary,
    checkouts,
    current_price,
    forget_computed,
)
from marketplace.checkout.services import check_quantity, check_variants_sellable, ordered_before
from marketplace.core.errors import DomainError
from marketplace.core.ids import to_global_id
from marketplace.orders import stock
from marketplace.orders.models import Order
from marketplace.orders.selectors import can_see_order
from marketplace.orders.services import NewLine, NewParcel, place_order
from marketplace.payments.gateways.cod import COD_GATEWAY_ID

logger = logging.getLogger("marketplace.checkout")

PAYMENTS_APP = "marketplace.payments"


def complete_checkout(*, token: uuid.UUID | None, user) -> Order:
    """Place the order for the checkout with `token` and delete the checkout.

    Raises `CheckoutError`/`CheckoutErrors` (NOT_FOUND, NO_LINES, EMAIL_NOT_SET,
    SHIPPING_ADDRESS_NOT_SET, BILLING_ADDRESS_NOT_SET, SHIPPING_METHOD_NOT_SET,
    PRODUCT_NOT_PUBLISHED, UNAVAILABLE_VARIANT_IN_CHANNEL, QUANTITY_GREATER_THAN_LIMIT,
    INSUFFICIENT_STOCK, CHECKOUT_NOT_FULLY_PAID, PRICE_CHANGED); nothing is written then, except
    the new prices of PRICE_CHANGED.
    """
    checkout = checkouts().filter(token=token).first() if token else None
    if checkout is None or not can_use_checkout(user, checkout):
        return _placed_before(token, user)
    changed: list[str] = []
    try:
        with transaction.atomic():
            if not Checkout.objects.select_for_update().filter(pk=checkout.pk).exists():
                # Another request completed it while this one waited for the lock.
                placed = None
            else:
                forget_computed(checkout)
                _check_ready(checkout, user)
                changed = _take_new_prices(checkout)
                placed = None if changed else _place(checkout, user)
    except stock.OutOfStock as error:
        variants = [to_global_id("ProductVariant", pk) for pk in error.variant_ids]
        raise CheckoutError(
            _(
                "Some products sold out while you were checking out: lower their quantity or "
                "remove them."
            ),
            code=CheckoutErrorCode.INSUFFICIENT_STOCK,
            field="lines",
            variants=variants,
        ) from error
    except IntegrityError:
        # The database refused a second order for this checkout: one was placed meanwhile.
        if not Order.objects.filter(checkout_token=checkout.token).exists():
            raise
        placed = None
    if changed:
        raise CheckoutError(
            _(
                "Prices changed since you added these products; check the new total and "
                "complete the checkout again."
            ),
            code=CheckoutErrorCode.PRICE_CHANGED,
            field="lines",
            lines=changed,
        )
    return placed if placed is not None else _placed_before(token, user)


def _placed_before(token: uuid.UUID | None, user) -> Order:
    """The order already placed from checkout `token`, if the caller may see it."""
    order = Order.objects.filter(checkout_token=token).first() if token else None
    if order is not None and can_see_order(user, order):
        return order
    raise CheckoutError(_("Checkout not found."), code=CheckoutErrorCode.NOT_FOUND, field="id")


def _check_ready(checkout: Checkout, user) -> None:
    """Everything an order needs, all problems at once."""
    lines = checkout_lines(checkout)
    if not lines:
        raise CheckoutError(
            _("Your checkout has no products."), code=CheckoutErrorCode.NO_LINES, field="lines"
        )
    errors: list[CheckoutError] = []
    if not (checkout.email or (checkout.user and checkout.user.email)):
        errors.append(
            CheckoutError(
                _("Enter the email address for your order confirmation."),
                code=CheckoutErrorCode.EMAIL_NOT_SET,
                field="email",
            )
        )
    if checkout.shipping_address is None:
        errors.append(
            CheckoutError(
                _("Enter the shipping address."),
                code=CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET,
                field="shippingAddress",
            )
        )
    if checkout.billing_address is None:
        errors.append(
            CheckoutError(
                _("Enter the billing address."),
                code=CheckoutErrorCode.BILLING_ADDRESS_NOT_SET,
                field="billingAddress",
            )
        )
    if checkout_summary(checkout).delivery_method is None:
        errors.append(
            CheckoutError(
                _("Choose a delivery method."),
                code=CheckoutErrorCode.SHIPPING_METHOD_NOT_SET,
                field="deliveryMethod",
            )
        )
    variants = {line.variant_id: line.variant for line in lines}
    errors.extend(check_variants_sellable(checkout.channel, variants, field="lines"))
    if not errors:
        previous = ordered_before(checkout.user or user, list(variants))
        for line in lines:
            problem = check_quantity(
                line.variant,
                line.quantity,
                previous=previous.get(line.variant_id, 0),
                field="lines",
            )
            if problem:
                problem.lines = [to_global_id("CheckoutLine", line.pk)]
                errors.append(problem)
    if not errors:
        _check_paid(checkout)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise CheckoutErrors(errors)


def _take_new_prices(checkout: Checkout) -> list[str]:
    """Give lines whose price moved the current price; the global IDs of those lines."""
    changed = []
    for line in checkout_lines(checkout):
        price = current_price(line.variant)
        if price != line.price_amount:
            CheckoutLine.objects.filter(pk=line.pk).update(price_amount=price)
            changed.append(to_global_id("CheckoutLine", line.pk))
    return changed


# --- Payment ----------------------------------------------------------------------------------


def checkout_payments(checkout: Checkout) -> tuple[int, int, str]:
    """(charged less refunded, covered in any way, gateway) of the checkout's card transactions,
    in one query and kept on the checkout; zeros when the payments app is not installed."""
    cached = getattr(checkout, "_payments", None)
    if cached is not None:
        return cached
    if not apps.is_installed(PAYMENTS_APP):
        return 0, 0, ""
    from marketplace.payments.models import TransactionItem

    charged = covered = 0
    gateway = ""
    rows = (
        TransactionItem.objects.filter(checkout=checkout)
        .values("gateway")
        .annotate(
            charged=Sum("charged_value"),
            refunded=Sum("refunded_value"),
            authorized=Sum("authorized_value"),
            pending=Sum("charge_pending_value"),
        )
        .order_by("gateway")
    )
    for row in rows:
        net = (row["charged"] or 0) - (row["refunded"] or 0)
        charged += net
        covered += net + (row["authorized"] or 0) + (row["pending"] or 0)
        if net > 0 and not gateway:
            gateway = row["gateway"]
    checkout._payments = (charged, covered, gateway)
    return checkout._payments


def _check_paid(checkout: Checkout) -> None:
    charged, covered, _gateway = checkout_payments(checkout)
    total = checkout_summary(checkout).total
    if covered > 0 and charged < total:
        raise CheckoutError(
            _(
                "The payment does not cover the total yet: finish paying, or pay in cash on "
                "delivery."
            ),
            code=CheckoutErrorCode.CHECKOUT_NOT_FULLY_PAID,
            field="id",
        )


def _payment_gateway(checkout: Checkout) -> str:
    charged, _covered, gateway = checkout_payments(checkout)
    return gateway if charged > 0 and gateway else COD_GATEWAY_ID


# --- Placing ----------------------------------------------------------------------------------


def _place(checkout: Checkout, user) -> Order:
    summary = checkout_summary(checkout)
    method = summary.delivery_method
    parcels = [
        NewParcel(
            booth=parcel.booth,
            lines=[
                NewLine(
                    variant=info.line.variant,
                    quantity=info.line.quantity,
                    unit_price=info.unit_price,
                )
                for info in parcel.lines
            ],
            shipping_price=parcel.shipping_price,
        )
        for parcel in summary.parcels
    ]
    customer = checkout.user
    order = place_order(
        checkout_token=checkout.token,
        user=customer,
        email=checkout.email or customer.email,
        channel=checkout.channel,
        language_code=checkout.language_code,
        shipping_address=checkout.shipping_address,
        billing_address=checkout.billing_address,
        delivery_method=method.code,
        delivery_method_name=method.name,
        customer_note=checkout.customer_note,
        parcels=parcels,
        payment_gateway=_payment_gateway(checkout),
    )
    if _attach_payments(checkout, order):
        # What the card payments recorded on the order (its charge status) is read back.
        order.refresh_from_db()
    if customer is not None:
        if checkout.save_shipping_address:
            _save_to_address_book(customer, checkout.shipping_address, "shipping")
        if checkout.save_billing_address:
            _save_to_address_book(customer, checkout.billing_address, "billing")
    # The addresses now belong to the order: deleting the checkout leaves them.
    checkout.delete()
    return order


def _attach_payments(checkout: Checkout, order: Order) -> bool:
    """Hand the checkout's transactions to the order; whether there were any."""
    if not apps.is_installed(PAYMENTS_APP):
        return False
    from marketplace.payments import services as payment_services

    attach = getattr(payment_services, "attach_checkout_transactions", None)
    return bool(attach(checkout=checkout, order=order)) if attach is not None else False


def _save_to_address_book(user, address: Address, kind: str) -> None:
    """Saleor's `saveAddress`: keep the address in the customer's book, unless it is there."""
    from marketplace.accounts import services as account_services

    values = {name: getattr(address, name) for name in API_FIELDS}
    if Address.objects.filter(user=user, **values).exists():
        return
    has_default = getattr(user, f"default_{kind}_address_id") is not None
    try:
        with transaction.atomic():
            account_services.create_address(
                user=user,
                data=values,
                address_type=None if has_default else account_services.AddressType(kind),
            )
    except DomainError as error:  # a full address book: the order stands
        logger.info("Address not saved to the address book: %s", error.code)
