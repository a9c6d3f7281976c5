from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from marketplace.accounts.models import User
from marketplace.core.permissions import Action, can

# Who holds which staff permission is for staff with MANAGE_STAFF (and superuser status for
# superusers): an account screen opened for customer support must not hand them out.
STAFF_FIELDS = ("is_staff", "is_superuser", "groups", "user_permissions")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active", "is_confirmed")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("first_name", "last_name", "language_code")}),
        (
            "Permissions",
            {
                "fields": (
                    "is_active",
                    "is_confirmed",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not can(request.user, Action.STAFF_MANAGE):
            readonly += STAFF_FIELDS
        elif not request.user.is_superuser:
            readonly.append("is_superuser")
        return readonly
