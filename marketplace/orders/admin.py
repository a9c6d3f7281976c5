"""Staff screens for orders, booths' ledgers and payouts.

Orders, sub-orders and ledger entries are read here and changed only through the order services
(the cancel actions); a payout is recorded through `record_payout`, which checks the booth's
available balance and writes the ledger entry with it.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.core.errors import DomainError
from marketplace.orders import services
from marketplace.orders.models import BoothOrder, LedgerEntry, Order, OrderLine, Payout


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class BoothOrderInline(ReadOnlyInline):
    model = BoothOrder
    fields = (
        "booth",
        "status",
        "subtotal_amount",
        "shipping_amount",
        "total_amount",
        "commission_amount",
        "tracking_number",
        "cash_confirmed_at",
    )
    readonly_fields = fields


class OrderLineInline(ReadOnlyInline):
    model = OrderLine
    fields = ("product_name", "variant_name", "product_sku", "quantity", "unit_price_amount")
    readonly_fields = fields


def _run(modeladmin, request, objects, service) -> None:
    done = 0
    for obj in objects:
        try:
            service(obj)
            done += 1
        except DomainError as error:
            modeladmin.message_user(request, f"{obj}: {error.message}", messages.ERROR)
    if done:
        modeladmin.message_user(request, _("%(count)d changed.") % {"count": done})


@admin.action(description=_("Cancel the parcels not yet shipped"))
def cancel_orders(modeladmin, request, queryset):
    _run(
        modeladmin,
        request,
        queryset,
        lambda order: services.cancel_order(actor=request.user, order=order),
    )


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    list_display = (
        "__str__",
        "created_at",
        "user_email",
        "status",
        "charge_status",
        "payment_gateway",
        "total_amount",
    )
    list_filter = ("status", "charge_status", "payment_gateway", "channel")
    search_fields = ("=id", "user_email")
    date_hierarchy = "created_at"
    inlines = (BoothOrderInline, OrderLineInline)
    actions = (cancel_orders,)
    list_select_related = ("channel",)

    def has_change_permission(self, request, obj=None):
        # The cancel action needs it; every field stays read-only.
        return request.user.has_perm("accounts.manage_orders")

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Order._meta.fields]


@admin.action(description=_("Cancel these parcels (not yet shipped)"))
def cancel_booth_orders(modeladmin, request, queryset):
    _run(
        modeladmin,
        request,
        queryset,
        lambda booth_order: services.cancel_booth_order(
            actor=request.user, booth_order=booth_order, reason=str(_("Canceled by staff"))
        ),
    )


@admin.register(BoothOrder)
class BoothOrderAdmin(ReadOnlyAdmin):
    list_display = (
        "number",
        "booth",
        "status",
        "total_amount",
        "commission_amount",
        "booth_share_amount",
        "tracking_number",
    )
    list_filter = ("status", "booth")
    search_fields = ("=order__id", "tracking_number", "booth__name")
    list_select_related = ("booth",)
    actions = (cancel_booth_orders,)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("accounts.manage_orders")

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in BoothOrder._meta.fields]


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "booth", "kind", "gross_amount", "commission_amount", "amount")
    list_filter = ("kind", "booth")
    list_select_related = ("booth",)
    date_hierarchy = "created_at"


class PayoutForm(forms.ModelForm):
    """Records the payout through the service once the form is valid, so that a payout the
    service refuses (over the available balance, a reference used twice) is a form error."""

    class Meta:
        model = Payout
        fields = ("booth", "amount", "reference", "paid_at", "note")

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.recorded: Payout | None = None

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        data = self.cleaned_data
        try:
            self.recorded = services.record_payout(
                actor=self.actor,
                booth=data["booth"],
                amount=data["amount"],
                reference=data["reference"],
                paid_at=data.get("paid_at"),
                note=data.get("note") or "",
            )
        except DomainError as error:
            self.add_error(None, ValidationError(error.message))


@admin.register(Payout)
class PayoutAdmin(admin.ModelAdmin):
    list_display = ("paid_at", "booth", "amount", "reference", "recorded_by")
    list_filter = ("booth",)
    search_fields = ("reference", "booth__name")
    list_select_related = ("booth", "recorded_by")
    form = PayoutForm

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)

        class WithActor(form_class):
            def __init__(self, *args, **kw):
                super().__init__(*args, actor=request.user, **kw)

        return WithActor

    def save_model(self, request, obj, form, change):
        recorded = form.recorded
        obj.pk = recorded.pk
        obj.recorded_by = recorded.recorded_by
        obj.created_at = recorded.created_at

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
