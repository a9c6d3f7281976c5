"""The catalog: categories, collections, product types, products, variants, stock, media and
attributes.

Texts are stored in Vietnamese (the default language) with translations per language. Prices are
whole dong (VND has no minor unit) and live on the per-channel listings.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import SeoFields, Translation


class Category(SeoFields):
    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    description = models.JSONField(_("description"), blank=True, null=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="children", on_delete=models.CASCADE
    )
    # Depth in the tree (0 for a root), kept by the services so that `level` costs no query.
    level = models.PositiveSmallIntegerField(default=0, editable=False)
    background_image = models.ImageField(upload_to="category-backgrounds", blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name", "pk")
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class CategoryTranslation(SeoFields, Translation):
    category = models.ForeignKey(Category, related_name="translations", on_delete=models.CASCADE)
    name = models.CharField(max_length=250, blank=True)
    slug = models.SlugField(max_length=255, blank=True, null=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["category", "language_code"], name="uniq_category_tr")
        ]


class ProductType(models.Model):
    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    has_variants = models.BooleanField(default=True)
    is_shipping_required = models.BooleanField(default=True)

    class Meta:
        ordering = ("slug",)
        verbose_name = _("product type")
        verbose_name_plural = _("product types")

    def __str__(self) -> str:
        return self.name


class AttributeInputType(models.TextChoices):
    PLAIN_TEXT = "plain-text", _("Plain text")
    BOOLEAN = "boolean", _("Yes or no")
    NUMERIC = "numeric", _("Number")
    DROPDOWN = "dropdown", _("Single choice")
    MULTISELECT = "multiselect", _("Multiple choice")


class Attribute(models.Model):
    """A typed property of products or variants (weight, origin, bestseller, colour...)."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    input_type = models.CharField(
        _("input type"), max_length=32, choices=AttributeInputType.choices
    )
    unit = models.CharField(_("unit"), max_length=32, blank=True)
    # Variant attributes that shoppers pick from (size, colour) rather than read.
    variant_selection = models.BooleanField(_("used to select a variant"), default=False)
    visible_in_storefront = models.BooleanField(default=True)

    class Meta:
        ordering = ("slug",)
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")

    def __str__(self) -> str:
        return self.name


class AttributeTranslation(Translation):
    attribute = models.ForeignKey(Attribute, related_name="translations", on_delete=models.CASCADE)
    name = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attribute", "language_code"], name="uniq_attribute_tr")
        ]


class AttributeValue(models.Model):
    """One value of an attribute: a choice, a number (kept in `name`), a text or a yes/no."""

    attribute = models.ForeignKey(Attribute, related_name="values", on_delete=models.CASCADE)
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, allow_unicode=True)
    value = models.CharField(max_length=255, blank=True)
    plain_text = models.TextField(blank=True, null=True)
    boolean = models.BooleanField(blank=True, null=True)
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ("sort_order", "pk")
        constraints = [
            models.UniqueConstraint(fields=["attribute", "slug"], name="uniq_attribute_value_slug")
        ]

    def __str__(self) -> str:
        return self.name


class AttributeValueTranslation(Translation):
    attribute_value = models.ForeignKey(
        AttributeValue, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=250)
    plain_text = models.TextField(blank=True, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attribute_value", "language_code"], name="uniq_attribute_value_tr"
            )
        ]


class ModerationStatus(models.TextChoices):
    """Where a product stands in staff review (see marketplace.certifications.moderation)."""

    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Product(SeoFields):
    """A product of one booth. Its variants carry SKU, stock and the per-channel prices."""

    vendor = models.ForeignKey(
        "vendors.Booth", related_name="products", on_delete=models.PROTECT, verbose_name=_("booth")
    )
    product_type = models.ForeignKey(ProductType, related_name="products", on_delete=models.PROTECT)
    category = models.ForeignKey(
        Category, related_name="products", null=True, blank=True, on_delete=models.SET_NULL
    )
    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    description = models.JSONField(_("description"), blank=True, null=True)
    weight_grams = models.PositiveIntegerField(_("weight (g)"), null=True, blank=True)
    rating = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Folded (diacritic-free, lower-case) texts written by the search backend: name, then the rest.
    search_name = models.TextField(blank=True, default="", editable=False)
    search_document = models.TextField(blank=True, default="", editable=False)
    # The name as a key that sorts in Vietnamese alphabetical order (core.text), written with
    # the search texts. Indexed with the slug under the binary collation (migration 0005), so
    # a page of the catalog by name reads 20 rows in order instead of sorting them all.
    sort_name = models.TextField(blank=True, default="", editable=False)
    # Only approved products are public; the moderation services set these, with a history.
    moderation_status = models.CharField(
        _("review"),
        max_length=16,
        choices=ModerationStatus.choices,
        default=ModerationStatus.APPROVED,
        editable=False,
    )
    moderation_reason = models.TextField(_("reason given by staff"), blank=True, editable=False)

    class Meta:
        ordering = ("slug",)
        verbose_name = _("product")
        verbose_name_plural = _("products")
        indexes = [models.Index(fields=["name", "slug"])]

    def __str__(self) -> str:
        return self.name


class ProductTranslation(SeoFields, Translation):
    product = models.ForeignKey(Product, related_name="translations", on_delete=models.CASCADE)
    name = models.CharField(max_length=250, blank=True)
    slug = models.SlugField(max_length=255, blank=True, null=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["product", "language_code"], name="uniq_product_tr")
        ]
        indexes = [models.Index(fields=["language_code", "slug"])]


class AssignedProductAttributeValue(models.Model):
    product = models.ForeignKey(Product, related_name="attribute_values", on_delete=models.CASCADE)
    value = models.ForeignKey(AttributeValue, related_name="+", on_delete=models.CASCADE)
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ("sort_order", "pk")
        constraints = [
            models.UniqueConstraint(fields=["product", "value"], name="uniq_product_attr_value")
        ]


class ProductVariant(models.Model):
    product = models.ForeignKey(Product, related_name="variants", on_delete=models.CASCADE)
    # The booth again, so that the database itself keeps SKUs unique within a booth.
    vendor = models.ForeignKey("vendors.Booth", related_name="+", on_delete=models.PROTECT)
    sku = models.CharField(_("SKU"), max_length=255, null=True, blank=True)
    name = models.CharField(_("name"), max_length=255, blank=True)
    sort_order = models.IntegerField(default=0)
    track_inventory = models.BooleanField(default=True)
    quantity_limit_per_customer = models.PositiveIntegerField(null=True, blank=True)
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
    media = models.ManyToManyField("ProductMedia", related_name="variants", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("sort_order", "pk")
        verbose_name = _("variant")
        verbose_name_plural = _("variants")
        constraints = [
            models.UniqueConstraint(fields=["vendor", "sku"], name="uniq_variant_sku_per_booth")
        ]

    def __str__(self) -> str:
        return self.name or self.sku or str(self.pk)


class ProductVariantTranslation(Translation):
    product_variant = models.ForeignKey(
        ProductVariant, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product_variant", "language_code"], name="uniq_variant_tr"
            )
        ]


class AssignedVariantAttributeValue(models.Model):
    variant = models.ForeignKey(
        ProductVariant, related_name="attribute_values", on_delete=models.CASCADE
    )
    value = models.ForeignKey(AttributeValue, related_name="+", on_delete=models.CASCADE)
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ("sort_order", "pk")
        constraints = [
            models.UniqueConstraint(fields=["variant", "value"], name="uniq_variant_attr_value")
        ]


class Stock(models.Model):
    """How many of a variant the booth holds, and how many are promised to unfinished orders."""

    variant = models.OneToOneField(ProductVariant, related_name="stock", on_delete=models.CASCADE)
    quantity = models.IntegerField(_("quantity"), default=0)
    quantity_allocated = models.IntegerField(_("allocated"), default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=0), name="stock_quantity_gte_0"),
            models.CheckConstraint(
                condition=Q(quantity_allocated__gte=0), name="stock_allocated_gte_0"
            ),
        ]

    @property
    def quantity_available(self) -> int:
        return max(self.quantity - self.quantity_allocated, 0)


class ProductChannelListing(models.Model):
    """Whether and since when a product is shown and sold in a channel.

    `price_min_amount` and `price_max_amount` repeat the cheapest and dearest variant prices in the
    channel so that lists can show and sort by price without reading every variant.
    """

    product = models.ForeignKey(Product, related_name="channel_listings", on_delete=models.CASCADE)
    channel = models.ForeignKey(
        "channels.Channel", related_name="product_listings", on_delete=models.CASCADE
    )
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    visible_in_listings = models.BooleanField(default=True)
    available_for_purchase_at = models.DateTimeField(null=True, blank=True)
    price_min_amount = models.BigIntegerField(null=True, blank=True)
    price_max_amount = models.BigIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["product", "channel"], name="uniq_product_channel"),
            models.CheckConstraint(
                condition=Q(price_min_amount__gte=0) | Q(price_min_amount__isnull=True),
                name="listing_price_min_gte_0",
            ),
        ]
        indexes = [models.Index(fields=["channel", "is_published", "price_min_amount"])]


class ProductVariantChannelListing(models.Model):
    variant = models.ForeignKey(
        ProductVariant, related_name="channel_listings", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(
        "channels.Channel", related_name="variant_listings", on_delete=models.CASCADE
    )
    price_amount = models.BigIntegerField(_("price (VND)"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["variant", "channel"], name="uniq_variant_channel"),
            models.CheckConstraint(condition=Q(price_amount__gte=0), name="variant_price_gte_0"),
        ]


class ProductMediaType(models.TextChoices):
    IMAGE = "IMAGE", _("Image")
    VIDEO = "VIDEO", _("Video")


class ProductMedia(models.Model):
    """A product photo, stored re-encoded without any metadata (see catalog.media)."""

    product = models.ForeignKey(Product, related_name="media", on_delete=models.CASCADE)
    image = models.ImageField(upload_to="products", blank=True)
    alt = models.CharField(max_length=250, blank=True)
    type = models.CharField(max_length=32, choices=ProductMediaType.choices, default="IMAGE")
    external_url = models.URLField(blank=True)
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ("sort_order", "pk")
        verbose_name = _("product media")
        verbose_name_plural = _("product media")


class ThumbnailFormat(models.TextChoices):
    ORIGINAL = "original"
    WEBP = "webp"
    AVIF = "avif"


class Thumbnail(models.Model):
    """A resized copy of an image, made once on first request and then served from storage."""

    product_media = models.ForeignKey(
        ProductMedia, related_name="thumbnails", null=True, blank=True, on_delete=models.CASCADE
    )
    category = models.ForeignKey(
        Category, related_name="thumbnails", null=True, blank=True, on_delete=models.CASCADE
    )
    collection = models.ForeignKey(
        "Collection", related_name="thumbnails", null=True, blank=True, on_delete=models.CASCADE
    )
    booth = models.ForeignKey(
        "vendors.Booth", related_name="thumbnails", null=True, blank=True, on_delete=models.CASCADE
    )
    size = models.PositiveIntegerField()
    format = models.CharField(max_length=16, choices=ThumbnailFormat.choices)
    image = models.ImageField(upload_to="thumbnails")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product_media", "size", "format"], name="uniq_media_thumbnail"
            ),
            models.UniqueConstraint(
                fields=["category", "size", "format"], name="uniq_category_thumbnail"
            ),
            models.UniqueConstraint(
                fields=["collection", "size", "format"], name="uniq_collection_thumbnail"
            ),
            models.UniqueConstraint(
                fields=["booth", "size", "format"], name="uniq_booth_thumbnail"
            ),
        ]


class Collection(SeoFields):
    """A hand-picked group of products (a campaign, a season, a theme)."""

    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)
    background_image = models.ImageField(upload_to="collection-backgrounds", blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    products = models.ManyToManyField(
        Product, through="CollectionProduct", related_name="collections", blank=True
    )

    class Meta:
        ordering = ("slug",)
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def __str__(self) -> str:
        return self.name


class CollectionProduct(models.Model):
    collection = models.ForeignKey(
        Collection, related_name="collection_products", on_delete=models.CASCADE
    )
    product = models.ForeignKey(
        Product, related_name="collection_products", on_delete=models.CASCADE
    )
    sort_order = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "product"], name="uniq_collection_product"
            )
        ]


class CollectionTranslation(SeoFields, Translation):
    collection = models.ForeignKey(
        Collection, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=250, blank=True)
    slug = models.SlugField(max_length=255, blank=True, null=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "language_code"], name="uniq_collection_tr"
            )
        ]


class CollectionChannelListing(models.Model):
    collection = models.ForeignKey(
        Collection, related_name="channel_listings", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(
        "channels.Channel", related_name="collection_listings", on_delete=models.CASCADE
    )
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "channel"], name="uniq_collection_channel"
            )
        ]
