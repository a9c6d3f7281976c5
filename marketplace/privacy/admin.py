"""Staff screens for producer profiles, consents and the identity access log.

Identities are not in the admin at all: staff read them through the audited `producerIdentity`
query. Photos are uploaded through the API, where they lose their metadata, never here. Edits go
through the services, and who may do what is decided by `marketplace.core.permissions`.
"""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, can
from marketplace.privacy import services
from marketplace.privacy.models import AccessLogEntry, ProducerConsent, ProducerProfile


class ProducerProfileForm(forms.ModelForm):
    class Meta:
        model = ProducerProfile
        fields = ("booth", "pseudonym", "province", "craft", "story", "story_en")

    def clean_pseudonym(self) -> str:
        pseudonym = (self.cleaned_data.get("pseudonym") or "").strip()
        if not pseudonym:
            raise forms.ValidationError(_("This field is required."))
        return pseudonym


class ProducerConsentForm(forms.ModelForm):
    class Meta:
        model = ProducerConsent
        fields = ("producer", "scope", "expires_at", "note")

    def clean_expires_at(self):
        expires_at = self.cleaned_data.get("expires_at")
        if expires_at is not None and expires_at <= timezone.now():
            raise forms.ValidationError(_("The consent must expire in the future."))
        return expires_at

    def clean_producer(self):
        producer = self.cleaned_data.get("producer")
        if producer is not None and producer.is_erased:
            raise forms.ValidationError(_("This producer's data has been erased."))
        return producer


class ConsentInline(admin.TabularInline):
    model = ProducerConsent
    fields = ("scope", "granted_at", "expires_at", "revoked_at", "active")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(boolean=True, description=_("in force"))
    def active(self, consent: ProducerConsent) -> bool:
        return consent.is_active()


@admin.register(ProducerProfile)
class ProducerProfileAdmin(admin.ModelAdmin):
    form = ProducerProfileForm
    list_display = ("display_name", "booth", "province", "craft", "has_photo", "erased_at")
    list_filter = ("province",)
    search_fields = ("pseudonym", "booth__name", "craft")
    list_select_related = ("booth",)
    fields = ("booth", "pseudonym", "province", "craft", "story", "story_en", "has_photo")
    inlines = (ConsentInline,)
    actions = ("erase_selected",)

    def has_module_permission(self, request) -> bool:
        return can(request.user, Action.PRODUCER_PROFILE_MANAGE)

    def has_view_permission(self, request, obj=None) -> bool:
        return can(request.user, Action.PRODUCER_PROFILE_MANAGE)

    def has_add_permission(self, request) -> bool:
        return can(request.user, Action.PRODUCER_PROFILE_MANAGE)

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_erased:
            return False
        return can(request.user, Action.PRODUCER_PROFILE_MANAGE)

    def has_delete_permission(self, request, obj=None) -> bool:
        # A producer leaves by erasure, which keeps the ledger whole; rows are never deleted.
        return False

    def get_readonly_fields(self, request, obj=None):
        return ("booth", "has_photo") if obj else ("has_photo",)

    @admin.display(boolean=True, description=_("photo"))
    def has_photo(self, profile: ProducerProfile) -> bool:
        return bool(profile.photo)

    def save_model(self, request, obj, form, change) -> None:
        fields = {name: form.cleaned_data.get(name) for name in services.PROFILE_FIELDS}
        if change:
            services.update_profile(actor=request.user, profile=obj, **fields)
        else:
            booth = form.cleaned_data["booth"]
            obj.pk = services.create_profile(actor=request.user, booth=booth, **fields).pk

    def get_inlines(self, request, obj=None):
        # Consents are shown, never edited here: they are recorded on their own screen.
        return self.inlines if obj else ()

    @admin.action(description=_("Erase the selected producers (identity, story, photo)"))
    def erase_selected(self, request, queryset) -> None:
        erased = 0
        for profile in queryset:
            try:
                services.erase_producer(actor=request.user, profile=profile)
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
                return
            erased += 1
        self.message_user(request, _("%(count)d producers erased.") % {"count": erased})


@admin.register(ProducerConsent)
class ProducerConsentAdmin(admin.ModelAdmin):
    form = ProducerConsentForm
    list_display = ("producer", "scope", "granted_at", "expires_at", "revoked_at", "active")
    list_filter = ("scope",)
    list_select_related = ("producer",)
    fields = ("producer", "scope", "expires_at", "note", "granted_at", "revoked_at")
    autocomplete_fields = ("producer",)
    actions = ("revoke_selected",)

    def has_module_permission(self, request) -> bool:
        return can(request.user, Action.PRODUCER_CONSENT_MANAGE)

    def has_view_permission(self, request, obj=None) -> bool:
        return can(request.user, Action.PRODUCER_CONSENT_MANAGE)

    def has_add_permission(self, request) -> bool:
        return can(request.user, Action.PRODUCER_CONSENT_MANAGE)

    def has_change_permission(self, request, obj=None) -> bool:
        # A consent is never edited: it is recorded, and withdrawn with the action.
        return obj is None and can(request.user, Action.PRODUCER_CONSENT_MANAGE)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj else ("granted_at", "revoked_at")

    @admin.display(boolean=True, description=_("in force"))
    def active(self, consent: ProducerConsent) -> bool:
        return consent.is_active()

    def save_model(self, request, obj, form, change) -> None:
        consent = services.grant_consent(
            actor=request.user,
            profile=form.cleaned_data["producer"],
            scope=form.cleaned_data["scope"],
            expires_at=form.cleaned_data.get("expires_at"),
            note=form.cleaned_data.get("note") or "",
        )
        obj.pk = consent.pk

    @admin.action(description=_("Withdraw the selected consents"))
    def revoke_selected(self, request, queryset) -> None:
        for consent in queryset.select_related("producer__booth"):
            try:
                services.revoke_consent(actor=request.user, consent=consent)
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
                return
        self.message_user(request, _("Consents withdrawn."))


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor_email", "action", "producer", "reason")
    list_filter = ("action",)
    search_fields = ("actor_email", "reason")
    list_select_related = ("producer",)
    date_hierarchy = "created_at"

    def has_module_permission(self, request) -> bool:
        return can(request.user, Action.ACCESS_LOG_VIEW)

    def has_view_permission(self, request, obj=None) -> bool:
        return can(request.user, Action.ACCESS_LOG_VIEW)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
