"""A shopper's checkout: lines from any number of booths, addresses and a delivery method.

A checkout is named by its token (a UUID), as in Saleor; anyone holding the token of a checkout
without an owner may use it, a checkout attached to an account only its owner. Completing it
places an order and deletes the checkout.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.checkout.delivery import DeliveryMethodCode


class Checkout(models.Model):
    token = models.UUIDField(_("token"), primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("customer"),
        related_name="checkouts",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    email = models.EmailField(_("email"), blank=True)
    channel = models.ForeignKey(
        "channels.Channel",
        verbose_name=_("channel"),
        related_name="checkouts",
        on_delete=models.PROTECT,
    )
    language_code = models.CharField(_("language"), max_length=10, default="vi")
    # Copies owned by the checkout (Address.user is empty), never an address-book entry.
    shipping_address = models.ForeignKey(
        "accounts.Address",
        verbose_name=_("shipping address"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    billing_address = models.ForeignKey(
        "accounts.Address",
        verbose_name=_("billing address"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    # Saleor's `saveAddress`: copy the address into the customer's address book on completion.
    save_shipping_address = models.BooleanField(_("save the shipping address"), default=True)
    save_billing_address = models.BooleanField(_("save the billing address"), default=True)
    delivery_method = models.CharField(
        _("delivery method"), max_length=32, choices=DeliveryMethodCode.choices, blank=True
    )
    customer_note = models.TextField(_("note from the customer"), blank=True)
    metadata = models.JSONField(_("metadata"), default=dict, blank=True)
    private_metadata = models.JSONField(_("private metadata"), default=dict, blank=True)

    class Meta:
        verbose_name = _("checkout")
        verbose_name_plural = _("checkouts")
        ordering = ("-updated_at",)

    def __str__(self) -> str:
        return str(self.token)


class CheckoutLine(models.Model):
    """A variant and its quantity in a checkout.

    `price_amount` is the unit price when the shopper last added or changed the line; completing
    refuses (PRICE_CHANGED) when the channel price has moved since, so that nobody pays a price
    they were not shown.
    """

    checkout = models.ForeignKey(Checkout, related_name="lines", on_delete=models.CASCADE)
    variant = models.ForeignKey(
        "catalog.ProductVariant", related_name="+", on_delete=models.CASCADE
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    price_amount = models.BigIntegerField(_("unit price when added (VND)"))
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("checkout line")
        verbose_name_plural = _("checkout lines")
        ordering = ("created_at", "pk")
        constraints = [
            models.UniqueConstraint(fields=["checkout", "variant"], name="uniq_checkout_variant"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="checkout_line_quantity_gt_0"),
            models.CheckConstraint(
                condition=Q(price_amount__gte=0), name="checkout_line_price_gte_0"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.variant_id}"
