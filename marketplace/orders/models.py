"""Orders: one order for the shopper, one sub-order per booth, and each booth's ledger.

- `Order` is what the shopper placed: number, token, lines, totals, status and payment status
  (Saleor's `chargeStatus` and `authorizeStatus`, `totalCharged`).
- `BoothOrder` is one booth's part of it (its lines, its parcel's shipping price, its fulfilment:
  unfulfilled -> shipped with a tracking number -> delivered, or canceled) and the commission
  the platform keeps on it at the booth's rate.
- `OrderPayment` records every payment and refund an order received, once per reference.
- `LedgerEntry` and `Payout` are each booth's account with the platform: what it earned on each
  sub-order, what it holds in cash, and what staff paid out by bank transfer.

All amounts are whole dong.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrderStatus(models.TextChoices):
    """Saleor's OrderStatus values the marketplace uses."""

    UNFULFILLED = "unfulfilled", _("Unfulfilled")
    PARTIALLY_FULFILLED = "partially fulfilled", _("Partially fulfilled")
    FULFILLED = "fulfilled", _("Fulfilled")
    CANCELED = "canceled", _("Canceled")


class ChargeStatus(models.TextChoices):
    """Saleor's OrderChargeStatusEnum: how what was charged compares with the total."""

    NONE = "none", _("Not paid")
    PARTIAL = "partial", _("Partially paid")
    FULL = "full", _("Paid")
    OVERCHARGED = "overcharged", _("Overpaid")


class AuthorizeStatus(models.TextChoices):
    """Saleor's OrderAuthorizeStatusEnum: whether payments cover the total."""

    NONE = "none", _("Not covered")
    PARTIAL = "partial", _("Partially covered")
    FULL = "full", _("Covered")


class BoothOrderStatus(models.TextChoices):
    UNFULFILLED = "unfulfilled", _("Waiting to be shipped")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    CANCELED = "canceled", _("Canceled")


def _amount(verbose) -> models.BigIntegerField:
    return models.BigIntegerField(verbose, default=0)


class Order(models.Model):
    """An order placed by a shopper; `number` is its primary key, shown to people."""

    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    # The checkout it was placed from: the database refuses a second order from one checkout.
    checkout_token = models.UUIDField(_("checkout"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("placed"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("customer"),
        related_name="orders",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    user_email = models.EmailField(_("customer email"), blank=True)
    channel = models.ForeignKey(
        "channels.Channel",
        verbose_name=_("channel"),
        related_name="orders",
        on_delete=models.PROTECT,
    )
    language_code = models.CharField(_("language"), max_length=10, default="vi")
    status = models.CharField(
        _("status"), max_length=32, choices=OrderStatus.choices, default=OrderStatus.UNFULFILLED
    )
    shipping_address = models.ForeignKey(
        "accounts.Address",
        verbose_name=_("shipping address"),
        related_name="+",
        null=True,
        on_delete=models.PROTECT,
    )
    billing_address = models.ForeignKey(
        "accounts.Address",
        verbose_name=_("billing address"),
        related_name="+",
        null=True,
        on_delete=models.PROTECT,
    )
    delivery_method = models.CharField(_("delivery method"), max_length=32)
    delivery_method_name = models.CharField(_("delivery method name"), max_length=255)
    customer_note = models.TextField(_("note from the customer"), blank=True)
    # Totals of the sub-orders not canceled: a canceled sub-order leaves the total.
    subtotal_amount = _amount(_("subtotal (VND)"))
    shipping_amount = _amount(_("shipping (VND)"))
    total_amount = _amount(_("total (VND)"))
    total_charged_amount = models.BigIntegerField(_("charged, less refunds (VND)"), default=0)
    charge_status = models.CharField(
        _("payment"), max_length=32, choices=ChargeStatus.choices, default=ChargeStatus.NONE
    )
    authorize_status = models.CharField(
        _("payment cover"),
        max_length=32,
        choices=AuthorizeStatus.choices,
        default=AuthorizeStatus.NONE,
    )
    payment_gateway = models.CharField(_("payment gateway"), max_length=64)
    metadata = models.JSONField(_("metadata"), default=dict, blank=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ("-pk",)
        constraints = [
            models.UniqueConstraint(fields=["checkout_token"], name="uniq_order_checkout"),
            models.CheckConstraint(
                condition=Q(subtotal_amount__gte=0)
                & Q(shipping_amount__gte=0)
                & Q(total_amount__gte=0),
                name="order_amounts_gte_0",
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def number(self) -> str:
        return str(self.pk)

    @property
    def is_paid(self) -> bool:
        return self.charge_status in (ChargeStatus.FULL, ChargeStatus.OVERCHARGED)


class BoothOrder(models.Model):
    """One booth's part of an order: its lines, its parcel, its commission."""

    order = models.ForeignKey(Order, related_name="booth_orders", on_delete=models.CASCADE)
    booth = models.ForeignKey(
        "vendors.Booth", verbose_name=_("booth"), related_name="orders", on_delete=models.PROTECT
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=BoothOrderStatus.choices,
        default=BoothOrderStatus.UNFULFILLED,
    )
    subtotal_amount = _amount(_("goods (VND)"))
    shipping_amount = _amount(_("shipping (VND)"))
    total_amount = _amount(_("total (VND)"))
    # The booth's rate when the order was placed, and what it gives.
    commission_rate = models.DecimalField(_("commission rate (%)"), max_digits=5, decimal_places=2)
    commission_amount = _amount(_("commission (VND)"))
    booth_share_amount = _amount(_("booth's share (VND)"))
    tracking_number = models.CharField(_("tracking number"), max_length=255, blank=True)
    shipped_at = models.DateTimeField(_("shipped"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    canceled_at = models.DateTimeField(_("canceled"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for canceling"), blank=True)
    cash_confirmed_at = models.DateTimeField(_("cash confirmed"), null=True, blank=True)
    cash_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("booth order")
        verbose_name_plural = _("booth orders")
        ordering = ("-order_id", "pk")
        constraints = [
            models.UniqueConstraint(fields=["order", "booth"], name="uniq_booth_order"),
            models.CheckConstraint(
                condition=Q(commission_amount__gte=0)
                & Q(commission_amount__lte=models.F("subtotal_amount"))
                & Q(booth_share_amount=models.F("total_amount") - models.F("commission_amount"))
                & Q(total_amount=models.F("subtotal_amount") + models.F("shipping_amount")),
                name="booth_order_amounts_add_up",
            ),
        ]
        indexes = [models.Index(fields=["booth", "status"])]

    def __str__(self) -> str:
        return f"#{self.order_id} · {self.booth_id}"

    @property
    def number(self) -> str:
        return f"{self.order_id}-{self.booth_id}"


class OrderLine(models.Model):
    """A variant bought, with the names and price as they were when the order was placed."""

    order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
    booth_order = models.ForeignKey(BoothOrder, related_name="lines", on_delete=models.CASCADE)
    variant = models.ForeignKey(
        "catalog.ProductVariant", related_name="+", null=True, on_delete=models.SET_NULL
    )
    product_name = models.CharField(_("product"), max_length=386)
    variant_name = models.CharField(_("variant"), max_length=255, blank=True)
    product_sku = models.CharField(_("SKU"), max_length=255, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    # Stock promised to this line (0 for variants whose stock is not tracked).
    quantity_allocated = models.PositiveIntegerField(_("allocated"), default=0)
    unit_price_amount = models.BigIntegerField(_("unit price (VND)"))
    total_price_amount = models.BigIntegerField(_("total (VND)"))

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        ordering = ("pk",)
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="order_line_quantity_gt_0"),
            models.CheckConstraint(
                condition=Q(
                    total_price_amount=models.F("unit_price_amount") * models.F("quantity")
                ),
                name="order_line_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.product_name}"


class PaymentKind(models.TextChoices):
    PAYMENT = "payment", _("Payment")
    REFUND = "refund", _("Refund")


class OrderPayment(models.Model):
    """Money received for an order or paid back, recorded once per (kind, reference)."""

    order = models.ForeignKey(Order, related_name="payments", on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=16, choices=PaymentKind.choices)
    gateway = models.CharField(_("payment gateway"), max_length=64, blank=True)
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    reference = models.CharField(_("reference"), max_length=255)
    booth_order = models.ForeignKey(
        BoothOrder, related_name="payments", null=True, blank=True, on_delete=models.CASCADE
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("order payment")
        verbose_name_plural = _("order payments")
        ordering = ("created_at", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "kind", "reference"], name="uniq_order_payment_reference"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="order_payment_amount_gt_0"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount} ({self.reference})"


class LedgerEntryKind(models.TextChoices):
    SALE = "sale", _("Sale")
    CASH_COLLECTED = "cash_collected", _("Cash collected by the booth")
    CANCELLATION = "cancellation", _("Cancellation")
    PAYOUT = "payout", _("Payout")


class Payout(models.Model):
    """A bank transfer from the platform to a booth, recorded by staff."""

    booth = models.ForeignKey(
        "vendors.Booth", verbose_name=_("booth"), related_name="payouts", on_delete=models.PROTECT
    )
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    reference = models.CharField(_("bank transfer reference"), max_length=128)
    paid_at = models.DateField(_("paid on"))
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", null=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        ordering = ("-paid_at", "-pk")
        constraints = [
            models.UniqueConstraint(fields=["booth", "reference"], name="uniq_payout_reference"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payout_amount_gt_0"),
        ]

    def __str__(self) -> str:
        return f"{self.booth_id}: {self.amount} ({self.reference})"


class LedgerEntry(models.Model):
    """One movement of a booth's account with the platform.

    `amount` is signed: what it adds to what the platform owes the booth. A sale adds the booth's
    share (the sub-order's total less the commission); cash the booth collects itself subtracts
    the whole sub-order (the booth already holds it, so it then owes the commission); a
    cancellation takes the sale back; a payout subtracts what was transferred. The balance is
    the sum. Each sub-order has at most one entry of each kind.
    """

    booth = models.ForeignKey(
        "vendors.Booth",
        verbose_name=_("booth"),
        related_name="ledger_entries",
        on_delete=models.PROTECT,
    )
    kind = models.CharField(_("kind"), max_length=16, choices=LedgerEntryKind.choices)
    booth_order = models.ForeignKey(
        BoothOrder,
        related_name="ledger_entries",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    payout = models.OneToOneField(
        Payout, related_name="ledger_entry", null=True, blank=True, on_delete=models.PROTECT
    )
    gross_amount = models.BigIntegerField(_("sub-order total (VND)"), default=0)
    commission_amount = models.BigIntegerField(_("commission (VND)"), default=0)
    amount = models.BigIntegerField(_("amount owed to the booth (VND)"))
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=["booth_order", "kind"],
                condition=Q(booth_order__isnull=False),
                name="uniq_ledger_entry_per_booth_order",
            ),
        ]
        indexes = [models.Index(fields=["booth", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.booth_id} {self.kind} {self.amount}"
