"""Staff screen for checkouts in progress: read only (shoppers change their own checkouts)."""

from django.contrib import admin

from marketplace.checkout.models import Checkout, CheckoutLine


class CheckoutLineInline(admin.TabularInline):
    model = CheckoutLine
    extra = 0
    can_delete = False
    fields = ("variant", "quantity", "price_amount", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Checkout)
class CheckoutAdmin(admin.ModelAdmin):
    list_display = ("token", "email", "user", "channel", "delivery_method", "updated_at")
    list_filter = ("channel", "delivery_method")
    search_fields = ("email", "=token")
    list_select_related = ("user", "channel")
    inlines = (CheckoutLineInline,)

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Checkout._meta.fields]

    def has_add_permission(self, request):
        return False
