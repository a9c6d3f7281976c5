from django.contrib import admin

from vendors.models import Booth


@admin.register(Booth)
class BoothAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "province", "status", "created_at")
    list_filter = ("status", "province")
    search_fields = ("name", "slug")
