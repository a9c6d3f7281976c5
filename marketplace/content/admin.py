from django.contrib import admin

from marketplace.content import models


class PageTranslationInline(admin.StackedInline):
    model = models.PageTranslation
    extra = 0
    max_num = 2


@admin.register(models.Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "is_published", "published_at")
    list_filter = ("is_published", "page_type")
    search_fields = ("title", "slug")
    inlines = [PageTranslationInline]


class MenuItemInline(admin.TabularInline):
    model = models.MenuItem
    extra = 0
    fields = ("name", "parent", "category", "collection", "page", "url", "sort_order")


@admin.register(models.Menu)
class MenuAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    inlines = [MenuItemInline]


admin.site.register(models.PageType)
