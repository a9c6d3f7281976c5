"""Staff screens for booths. The status changes only through the booth services, with a reason
that is kept in the booth's history; private payout and contact details stay out of the lists."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from marketplace.core.errors import DomainError
from vendors import services
from vendors.models import Booth, BoothMember, BoothStatus, BoothStatusChange


class StatusChangeInline(admin.TabularInline):
    model = BoothStatusChange
    extra = 0
    can_delete = False
    fields = ("created_at", "from_status", "to_status", "reason", "changed_by")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class MemberInline(admin.TabularInline):
    model = BoothMember
    extra = 0
    autocomplete_fields = ("user",)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (kept in each booth's history)"), widget=forms.Textarea, min_length=3
    )


def _status_action(to_status: str, label):
    def action(modeladmin, request, queryset):
        form = ReasonForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            changed = 0
            for booth in queryset:
                try:
                    services.change_booth_status(
                        actor=request.user,
                        booth=booth,
                        to_status=to_status,
                        reason=form.cleaned_data["reason"],
                    )
                    changed += 1
                except DomainError as error:
                    modeladmin.message_user(request, f"{booth}: {error.message}", messages.ERROR)
            if changed:
                modeladmin.message_user(
                    request, _("%(count)d booths changed.") % {"count": changed}
                )
            return None
        return TemplateResponse(
            request,
            "admin/vendors/booth_status_reason.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": label,
                "booths": queryset,
                "form": form,
                "action": request.POST.get("action"),
                "opts": modeladmin.model._meta,
            },
        )

    action.__name__ = f"make_{to_status}"
    action.short_description = label
    action.allowed_permissions = ("change",)
    return action


@admin.register(Booth)
class BoothAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "kind", "province", "status", "created_at")
    list_filter = ("status", "kind", "province")
    search_fields = ("name", "slug")
    readonly_fields = ("status", "created_at", "updated_at")
    exclude = ("search_text",)
    inlines = [MemberInline, StatusChangeInline]
    actions = [
        _status_action(BoothStatus.APPROVED, _("Open (or reinstate) the selected booths")),
        _status_action(BoothStatus.SUSPENDED, _("Suspend the selected booths")),
        _status_action(BoothStatus.CLOSED, _("Close the selected booths")),
    ]

    def save_model(self, request, obj, form, change):
        fields = {
            name: form.cleaned_data[name]
            for name in services.PROFILE_FIELDS
            if name in form.cleaned_data
        }
        logo = form.cleaned_data.get("logo") if "logo" in form.changed_data else None
        if change:
            booth = services.update_booth(
                actor=request.user, booth=obj, logo=logo.read() if logo else None, **fields
            )
        else:
            booth = services.create_booth(actor=request.user, slug=obj.slug, **fields)
            if logo:
                booth = services.update_booth(actor=request.user, booth=booth, logo=logo.read())
        if "commission_rate" in form.changed_data:
            booth = services.set_commission_rate(
                actor=request.user, booth=booth, rate=form.cleaned_data["commission_rate"]
            )
        obj.pk = booth.pk
        obj.refresh_from_db()
