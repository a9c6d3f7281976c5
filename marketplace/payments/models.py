"""Payments as Saleor's Transactions API keeps them, in whole dong.

A `TransactionItem` is one payment at a payment service (for Stripe, one PaymentIntent): it is
attached to the checkout it pays for and moves to the order when the checkout completes. Its
amounts only ever grow from what the service reports, so events applied twice or out of order end
in the same state. `TransactionEvent`s are its history. `ProcessedStripeEvent` remembers every
Stripe webhook event already applied, by Stripe's event id.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.core.money import CURRENCY


class TransactionEventType(models.TextChoices):
    """Saleor's TransactionEventTypeEnum."""

    AUTHORIZATION_SUCCESS = "AUTHORIZATION_SUCCESS", _("Authorized")
    AUTHORIZATION_FAILURE = "AUTHORIZATION_FAILURE", _("Authorization failed")
    AUTHORIZATION_ADJUSTMENT = "AUTHORIZATION_ADJUSTMENT", _("Authorization adjusted")
    AUTHORIZATION_REQUEST = "AUTHORIZATION_REQUEST", _("Authorization requested")
    AUTHORIZATION_ACTION_REQUIRED = (
        "AUTHORIZATION_ACTION_REQUIRED",
        _("Authorization needs the shopper"),
    )
    CHARGE_ACTION_REQUIRED = "CHARGE_ACTION_REQUIRED", _("Payment needs the shopper")
    CHARGE_SUCCESS = "CHARGE_SUCCESS", _("Paid")
    CHARGE_FAILURE = "CHARGE_FAILURE", _("Payment failed")
    CHARGE_BACK = "CHARGE_BACK", _("Charged back")
    CHARGE_REQUEST = "CHARGE_REQUEST", _("Payment requested")
    REFUND_SUCCESS = "REFUND_SUCCESS", _("Refunded")
    REFUND_FAILURE = "REFUND_FAILURE", _("Refund failed")
    REFUND_REVERSE = "REFUND_REVERSE", _("Refund reversed")
    REFUND_REQUEST = "REFUND_REQUEST", _("Refund requested")
    CANCEL_SUCCESS = "CANCEL_SUCCESS", _("Canceled")
    CANCEL_FAILURE = "CANCEL_FAILURE", _("Cancel failed")
    CANCEL_REQUEST = "CANCEL_REQUEST", _("Cancel requested")
    INFO = "INFO", _("Information")


class TransactionItem(models.Model):
    """One payment at a payment service, in whole dong.

    `charged_value` is what the service captured, before refunds; `refunded_value` is what it has
    paid back. The API's `chargedAmount` is the difference, as in Saleor. A refund can never exceed
    the charge: the database refuses it too.
    """

    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)
    gateway = models.CharField(_("payment gateway"), max_length=64)
    name = models.CharField(_("name"), max_length=512, blank=True)
    message = models.CharField(_("message"), max_length=512, blank=True)
    psp_reference = models.CharField(_("reference at the payment service"), max_length=255)
    idempotency_key = models.CharField(_("idempotency key"), max_length=255)
    currency = models.CharField(_("currency"), max_length=3, default=CURRENCY)
    amount = models.PositiveBigIntegerField(_("amount asked"))
    authorized_value = models.PositiveBigIntegerField(_("authorized"), default=0)
    charged_value = models.PositiveBigIntegerField(_("charged"), default=0)
    charge_pending_value = models.PositiveBigIntegerField(_("charge pending"), default=0)
    refunded_value = models.PositiveBigIntegerField(_("refunded"), default=0)
    refund_pending_value = models.PositiveBigIntegerField(_("refund pending"), default=0)
    canceled_value = models.PositiveBigIntegerField(_("canceled"), default=0)
    # The payment service's own word for the state (a PaymentIntent's status), for staff.
    psp_status = models.CharField(_("status at the payment service"), max_length=64, blank=True)
    checkout = models.ForeignKey(
        "checkout.Checkout",
        verbose_name=_("checkout"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="payment_transactions",
    )
    order = models.ForeignKey(
        "orders.Order",
        verbose_name=_("order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payment_transactions",
    )

    class Meta:
        verbose_name = _("payment transaction")
        verbose_name_plural = _("payment transactions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gateway", "psp_reference"],
                condition=~Q(psp_reference=""),
                name="payments_transaction_unique_psp_reference",
            ),
            models.UniqueConstraint(
                fields=["checkout", "idempotency_key"],
                name="payments_transaction_unique_checkout_idempotency_key",
            ),
            models.CheckConstraint(
                condition=Q(refunded_value__lte=F("charged_value")),
                name="payments_transaction_refund_within_charge",
            ),
            models.CheckConstraint(
                condition=Q(refund_pending_value__lte=F("charged_value") - F("refunded_value")),
                name="payments_transaction_pending_refund_within_charge",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gateway} {self.psp_reference or self.token}"

    @property
    def net_charged(self) -> int:
        """What the shopper has paid and kept paid: charged less refunded."""
        return self.charged_value - self.refunded_value

    @property
    def refundable(self) -> int:
        """What staff may still refund: charged less refunded and refunds under way."""
        return self.charged_value - self.refunded_value - self.refund_pending_value


class TransactionEvent(models.Model):
    """Something that happened to a transaction: asked, paid, failed, refunded."""

    transaction = models.ForeignKey(
        TransactionItem,
        verbose_name=_("transaction"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    type = models.CharField(_("type"), max_length=64, choices=TransactionEventType.choices)
    amount = models.PositiveBigIntegerField(_("amount"), default=0)
    currency = models.CharField(_("currency"), max_length=3, default=CURRENCY)
    psp_reference = models.CharField(_("reference at the payment service"), max_length=255)
    message = models.CharField(_("message"), max_length=512, blank=True)
    idempotency_key = models.CharField(_("idempotency key"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("payment transaction event")
        verbose_name_plural = _("payment transaction events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.type} {self.amount}"


class ProcessedStripeEvent(models.Model):
    """A Stripe webhook event already applied: the same event delivered again changes nothing."""

    event_id = models.CharField(_("Stripe event id"), max_length=255, primary_key=True)
    event_type = models.CharField(_("event type"), max_length=100)
    processed_at = models.DateTimeField(_("processed at"), default=timezone.now)

    class Meta:
        verbose_name = _("processed Stripe event")
        verbose_name_plural = _("processed Stripe events")

    def __str__(self) -> str:
        return self.event_id
