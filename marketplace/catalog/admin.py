"""Staff screens for the catalog. Edits go through the catalog services' derived-data refresh."""

from django.contrib import admin

from marketplace.catalog import models, services
from marketplace.core.permissions import Action, can


class BoothScopedAdmin(admin.ModelAdmin):
    """Changing a booth's catalog is PRODUCT_MANAGE, in the admin as in the API: Django's model
    permissions open the screen, the authorization module decides the change."""

    def _booth(self, obj):
        return obj.vendor if obj is not None else None

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and can(request.user, Action.PRODUCT_MANAGE, self._booth(obj))

    def has_add_permission(self, request):
        return super().has_add_permission(request) and can(request.user, Action.PRODUCT_MANAGE)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and can(request.user, Action.PRODUCT_MANAGE, self._booth(obj))


class TranslationInline(admin.TabularInline):
    extra = 0
    max_num = 2


class ProductTranslationInline(TranslationInline):
    model = models.ProductTranslation
    fields = ("language_code", "name", "slug", "seo_title", "seo_description")


class VariantInline(admin.TabularInline):
    model = models.ProductVariant
    extra = 0
    fields = ("sku", "name", "track_inventory", "sort_order")
    show_change_link = True


class ChannelListingInline(admin.TabularInline):
    model = models.ProductChannelListing
    extra = 0
    fields = (
        "channel",
        "is_published",
        "published_at",
        "visible_in_listings",
        "available_for_purchase_at",
        "price_min_amount",
        "price_max_amount",
    )
    readonly_fields = ("price_min_amount", "price_max_amount")


class MediaInline(admin.TabularInline):
    model = models.ProductMedia
    extra = 0
    fields = ("image", "alt", "sort_order")
    readonly_fields = ("image",)


@admin.register(models.Product)
class ProductAdmin(BoothScopedAdmin):
    list_display = ("name", "vendor", "category", "updated_at")
    list_filter = ("vendor__status", "category", "product_type")
    search_fields = ("name", "slug", "variants__sku", "vendor__name")
    list_select_related = ("vendor", "category")
    autocomplete_fields = ("vendor", "category")
    inlines = [ProductTranslationInline, ChannelListingInline, VariantInline, MediaInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.refresh_derived_data([form.instance])


class VariantListingInline(admin.TabularInline):
    model = models.ProductVariantChannelListing
    extra = 0


class StockInline(admin.StackedInline):
    model = models.Stock
    extra = 0
    max_num = 1


@admin.register(models.ProductVariant)
class ProductVariantAdmin(BoothScopedAdmin):
    list_display = ("sku", "name", "product", "vendor")
    search_fields = ("sku", "name", "product__name")
    list_select_related = ("product", "vendor")
    raw_id_fields = ("product",)
    readonly_fields = ("vendor",)
    inlines = [VariantListingInline, StockInline]

    def save_model(self, request, obj, form, change):
        obj.vendor_id = obj.product.vendor_id
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.refresh_derived_data([form.instance.product])


class CategoryTranslationInline(TranslationInline):
    model = models.CategoryTranslation
    fields = ("language_code", "name", "slug")


@admin.register(models.Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "parent", "level")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CategoryTranslationInline]

    def save_model(self, request, obj, form, change):
        obj.level = obj.parent.level + 1 if obj.parent else 0
        super().save_model(request, obj, form, change)


class CollectionTranslationInline(TranslationInline):
    model = models.CollectionTranslation
    fields = ("language_code", "name", "slug")


class CollectionListingInline(admin.TabularInline):
    model = models.CollectionChannelListing
    extra = 0


class CollectionProductInline(admin.TabularInline):
    model = models.CollectionProduct
    extra = 0
    raw_id_fields = ("product",)


@admin.register(models.Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    inlines = [CollectionTranslationInline, CollectionListingInline, CollectionProductInline]


class AttributeValueInline(admin.TabularInline):
    model = models.AttributeValue
    extra = 0
    fields = ("name", "slug", "plain_text", "boolean", "sort_order")


@admin.register(models.Attribute)
class AttributeAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "input_type", "variant_selection")
    search_fields = ("name", "slug")
    inlines = [AttributeValueInline]


admin.site.register(models.ProductType)
