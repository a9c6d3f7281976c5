from django.contrib import admin

from marketplace.channels.models import Channel


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "currency_code", "is_active")
