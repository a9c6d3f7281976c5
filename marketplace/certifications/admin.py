"""Staff screens: certificates to verify (with their private scans) and the listing review queue.

Decisions go through the services, so they are recorded, checked and re-index the products
concerned; the screens never change a status themselves.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from marketplace.certifications import moderation, selectors, services
from marketplace.certifications.models import (
    Certification,
    CertificationDecision,
    CertificationStatus,
    ListingReviewEvent,
    ProductUnderReview,
)
from marketplace.certifications.scans import content_type
from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, can


class ReasonActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason (for rejections and revocations; the booth reads it)"),
        required=False,
        widget=forms.TextInput(attrs={"size": 60}),
    )


def _run(modeladmin, request, objects, decide, done: str) -> None:
    """Apply `decide` to each object; report what succeeded and every refusal."""
    succeeded = 0
    for obj in objects:
        try:
            decide(obj)
        except DomainError as error:
            modeladmin.message_user(request, f"{obj}: {error.message}", messages.ERROR)
        else:
            succeeded += 1
    if succeeded:
        modeladmin.message_user(request, done % {"count": succeeded}, messages.SUCCESS)


class PublicNowFilter(admin.SimpleListFilter):
    title = _("shown to shoppers")
    parameter_name = "public"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        public = Q(status=CertificationStatus.VERIFIED, expires_at__gt=timezone.now())
        if self.value() == "yes":
            return queryset.filter(public)
        if self.value() == "no":
            return queryset.exclude(public)
        return queryset


class DecisionInline(admin.TabularInline):
    model = CertificationDecision
    extra = 0
    can_delete = False
    fields = ("created_at", "from_status", "to_status", "reason", "decided_by")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "vendor",
        "product",
        "kind",
        "status",
        "shown_now",
        "issued_at",
        "expires_at",
    )
    list_filter = (
        "status",
        PublicNowFilter,
        "kind",
        "stars",
        "issuing_level",
        "vendor__province",
    )
    search_fields = ("code", "issuer", "vendor__name", "product__name")
    list_select_related = ("vendor", "product")
    date_hierarchy = "expires_at"
    action_form = ReasonActionForm
    actions = ["verify_selected", "reject_selected", "revoke_selected"]
    inlines = [DecisionInline]
    fields = (
        "vendor",
        "product",
        "kind",
        "stars",
        "code",
        "issuer",
        "issuing_level",
        "product_group",
        "scope",
        "standard",
        "issued_at",
        "expires_at",
        "scan",
        "status",
        "status_reason",
        "submitted_by",
        "created_at",
    )
    readonly_fields = fields

    def has_module_permission(self, request):
        return can(request.user, Action.CERTIFICATE_VERIFY)

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.CERTIFICATE_VERIFY)

    def has_change_permission(self, request, obj=None):
        return can(request.user, Action.CERTIFICATE_VERIFY)

    def has_add_permission(self, request):
        return False  # booths submit certificates; staff decide on them

    def has_delete_permission(self, request, obj=None):
        return False  # kept as a record: revoke instead

    @admin.display(boolean=True, description=_("shown now"))
    def shown_now(self, obj):
        return selectors.is_public(obj)

    @admin.display(description=_("scan"))
    def scan(self, obj):
        if not obj.document:
            return "-"
        url = reverse("admin:certifications_certification_document", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the scan"))

    def get_urls(self):
        download = path(
            "<int:pk>/document/",
            self.admin_site.admin_view(self.document_view),
            name="certifications_certification_document",
        )
        return [download, *super().get_urls()]

    def document_view(self, request, pk: int):
        """The scan, to staff verifying certificates only (never a public URL)."""
        if not can(request.user, Action.CERTIFICATE_VERIFY):
            raise PermissionDenied
        certification = get_object_or_404(Certification, pk=pk)
        if not certification.document:
            raise Http404
        response = FileResponse(
            certification.document.open("rb"),
            as_attachment=True,
            filename=f"certificate-{certification.pk}{_extension(certification.document.name)}",
            content_type=content_type(certification.document.name),
        )
        response["Cache-Control"] = "private, no-store"
        return response

    @admin.action(description=_("Verify the selected certificates"))
    def verify_selected(self, request, queryset):
        _run(
            self,
            request,
            queryset.select_related("vendor"),
            lambda cert: services.verify_certificate(actor=request.user, certification=cert),
            _("%(count)d certificates verified."),
        )

    @admin.action(description=_("Reject the selected certificates (give a reason)"))
    def reject_selected(self, request, queryset):
        reason = request.POST.get("reason", "")
        _run(
            self,
            request,
            queryset.select_related("vendor"),
            lambda cert: services.reject_certificate(
                actor=request.user, certification=cert, reason=reason
            ),
            _("%(count)d certificates rejected."),
        )

    @admin.action(description=_("Revoke the selected certificates (give a reason)"))
    def revoke_selected(self, request, queryset):
        reason = request.POST.get("reason", "")
        _run(
            self,
            request,
            queryset.select_related("vendor"),
            lambda cert: services.revoke_certificate(
                actor=request.user, certification=cert, reason=reason
            ),
            _("%(count)d certificates revoked."),
        )


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:] if dot >= 0 else ""


class WaitingFilter(admin.SimpleListFilter):
    title = _("waiting for review")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(last_review_action__in=moderation.WAITING)
        if self.value() == "no":
            return queryset.filter(
                Q(last_review_action__isnull=True) | Q(last_review_action__in=moderation.DECIDED)
            )
        return queryset


class ReviewEventInline(admin.TabularInline):
    model = ListingReviewEvent
    fk_name = "product"
    extra = 0
    can_delete = False
    fields = ("created_at", "action", "reason", "actor")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProductUnderReview)
class ProductReviewAdmin(admin.ModelAdmin):
    """The review queue: filter "waiting for review: yes" shows what staff still have to see."""

    list_display = ("name", "vendor", "moderation_status", "waiting", "last_review_at")
    list_filter = (WaitingFilter, "moderation_status", "vendor__province")
    search_fields = ("name", "slug", "vendor__name")
    list_select_related = ("vendor",)
    action_form = ReasonActionForm
    actions = ["approve_selected", "reject_selected"]
    inlines = [ReviewEventInline]
    fields = ("name", "vendor", "category", "description", "moderation_status", "moderation_reason")
    readonly_fields = fields

    def get_queryset(self, request):
        return moderation.with_review_state(super().get_queryset(request))

    def has_module_permission(self, request):
        return can(request.user, Action.LISTING_MODERATE)

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.LISTING_MODERATE)

    def has_change_permission(self, request, obj=None):
        return can(request.user, Action.LISTING_MODERATE)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(boolean=True, description=_("waiting"))
    def waiting(self, obj):
        return moderation.needs_review(obj)

    @admin.display(description=_("last step"), ordering="last_review_at")
    def last_review_at(self, obj):
        return obj.last_review_at

    @admin.action(description=_("Approve the selected products"))
    def approve_selected(self, request, queryset):
        _run(
            self,
            request,
            queryset.select_related("vendor"),
            lambda product: moderation.approve_listing(actor=request.user, product=product),
            _("%(count)d products approved."),
        )

    @admin.action(description=_("Reject the selected products (give a reason)"))
    def reject_selected(self, request, queryset):
        reason = request.POST.get("reason", "")
        _run(
            self,
            request,
            queryset.select_related("vendor"),
            lambda product: moderation.reject_listing(
                actor=request.user, product=product, reason=reason
            ),
            _("%(count)d products rejected."),
        )
