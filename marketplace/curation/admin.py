"""Staff screens for featured booths and campaigns; saving goes through the curation services."""

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.catalog.models import Collection
from marketplace.core.permissions import Action, can
from marketplace.core.text import slug_from
from marketplace.curation import selectors, services
from marketplace.curation.models import Campaign, FeaturedBooth
from vendors.models import BoothStatus


class CuratorOnly:
    """Visible and editable by staff with CURATE_CONTENT."""

    def has_module_permission(self, request):
        return can(request.user, Action.CURATE)

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.CURATE)

    def has_change_permission(self, request, obj=None):
        return can(request.user, Action.CURATE)

    def has_add_permission(self, request):
        return can(request.user, Action.CURATE)

    def has_delete_permission(self, request, obj=None):
        return can(request.user, Action.CURATE)


class InForceFilter(admin.SimpleListFilter):
    title = _("shown now")
    parameter_name = "now"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        in_force = Q(starts_at__lte=now) & (Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        if self.value() == "yes":
            return queryset.filter(in_force)
        if self.value() == "no":
            return queryset.exclude(in_force)
        return queryset


SLOT_FIELDS = ("vendor", "channel", "position", "starts_at", "ends_at", "headline", "headline_en")


@admin.register(FeaturedBooth)
class FeaturedBoothAdmin(CuratorOnly, admin.ModelAdmin):
    list_display = ("headline", "vendor", "channel", "position", "starts_at", "ends_at", "shown")
    list_filter = (InForceFilter, "channel")
    search_fields = ("headline", "headline_en", "vendor__name")
    list_select_related = ("vendor", "channel")
    ordering = ("channel", "position", "starts_at")
    fields = SLOT_FIELDS

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "vendor":
            kwargs["queryset"] = db_field.related_model.objects.filter(status=BoothStatus.APPROVED)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(boolean=True, description=_("shown now"))
    def shown(self, obj):
        now = timezone.now()
        return obj.starts_at <= now and (obj.ends_at is None or obj.ends_at > now)

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data.get(name) for name in SLOT_FIELDS}
        fields["position"] = fields["position"] or 0
        fields["headline_en"] = fields["headline_en"] or ""
        if change:
            services.update_featured_booth(actor=request.user, slot=obj, **fields)
        else:
            obj.pk = services.create_featured_booth(actor=request.user, **fields).pk

    def delete_model(self, request, obj):
        services.delete_featured_booth(actor=request.user, slot=obj)


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = (
            "name",
            "name_en",
            "slug",
            "description",
            "description_en",
            "banner",
            "starts_at",
            "ends_at",
            "channels",
            "booths",
            "products",
        )

    def clean_slug(self):
        slug = slug_from(self.cleaned_data.get("slug") or "")
        taken = Collection.objects.filter(slug=slug)
        if self.instance.collection_id:
            taken = taken.exclude(pk=self.instance.collection_id)
        if taken.exists():
            raise forms.ValidationError(_("A collection already uses this slug."))
        return slug


@admin.register(Campaign)
class CampaignAdmin(CuratorOnly, admin.ModelAdmin):
    form = CampaignForm
    list_display = ("name", "starts_at", "ends_at", "running", "collection")
    list_filter = ("channels",)
    search_fields = ("name", "name_en", "slug")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("channels",)
    autocomplete_fields = ("booths", "products")

    @admin.display(boolean=True, description=_("running"))
    def running(self, obj):
        return selectors.is_running(obj)

    def save_model(self, request, obj, form, change):
        pass  # saved with its booths, products and collection in save_related

    def save_related(self, request, form, formsets, change):
        data = form.cleaned_data
        banner = data.get("banner")
        fields = {
            name: data.get(name)
            for name in ("name", "name_en", "slug", "description", "description_en")
        }
        fields.update(
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            channels=list(data["channels"]),
            booths=list(data["booths"]),
            products=list(data["products"]),
            banner=banner.read() if "banner" in form.changed_data and banner else None,
        )
        if change:
            campaign = services.update_campaign(
                actor=request.user, campaign=Campaign.objects.get(pk=form.instance.pk), **fields
            )
        else:
            campaign = services.create_campaign(actor=request.user, **fields)
        form.instance.pk = campaign.pk

    def delete_model(self, request, obj):
        services.delete_campaign(actor=request.user, campaign=obj)

    def delete_queryset(self, request, queryset):
        for campaign in queryset:
            services.delete_campaign(actor=request.user, campaign=campaign)
