"""Content pages (about the programme, privacy...) and navigation menus."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import SeoFields, Translation


class PageType(models.Model):
    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)

    class Meta:
        ordering = ("slug",)

    def __str__(self) -> str:
        return self.name


class Page(SeoFields):
    page_type = models.ForeignKey(PageType, related_name="pages", on_delete=models.PROTECT)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    content = models.JSONField(_("content"), blank=True, null=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("slug",)
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title


class PageTranslation(SeoFields, Translation):
    page = models.ForeignKey(Page, related_name="translations", on_delete=models.CASCADE)
    title = models.CharField(max_length=255, blank=True)
    slug = models.SlugField(max_length=255, blank=True, null=True, allow_unicode=True)
    content = models.JSONField(blank=True, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "language_code"], name="uniq_page_tr")
        ]


class AssignedPageAttributeValue(models.Model):
    page = models.ForeignKey(Page, related_name="attribute_values", on_delete=models.CASCADE)
    value = models.ForeignKey("catalog.AttributeValue", related_name="+", on_delete=models.CASCADE)
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ("sort_order", "pk")
        constraints = [
            models.UniqueConstraint(fields=["page", "value"], name="uniq_page_attr_value")
        ]


class Menu(models.Model):
    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)

    class Meta:
        ordering = ("slug",)

    def __str__(self) -> str:
        return self.name


class MenuItem(models.Model):
    """A link in a menu, to a category, a collection, a page or a plain URL."""

    menu = models.ForeignKey(Menu, related_name="items", on_delete=models.CASCADE)
    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="children", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=128)
    sort_order = models.IntegerField(default=0)
    level = models.PositiveSmallIntegerField(default=0, editable=False)
    url = models.URLField(max_length=256, blank=True)
    category = models.ForeignKey(
        "catalog.Category", null=True, blank=True, on_delete=models.CASCADE
    )
    collection = models.ForeignKey(
        "catalog.Collection", null=True, blank=True, on_delete=models.CASCADE
    )
    page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        ordering = ("sort_order", "pk")

    def __str__(self) -> str:
        return self.name


class MenuItemTranslation(Translation):
    menu_item = models.ForeignKey(MenuItem, related_name="translations", on_delete=models.CASCADE)
    name = models.CharField(max_length=128)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["menu_item", "language_code"], name="uniq_menu_item_tr")
        ]
