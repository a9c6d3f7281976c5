"""Load (and remove) the demo catalog through the domain services.

Everything is written in one transaction: a failure leaves no half-loaded catalog, and the image
files already written are deleted again. The catalog scales to any number of products by adding
variations of the base products ("Gift box", "Family pack"...) for benchmarks; only the first
`DRAWN_IMAGES` products get a picture of their own, the others share their base product's.
"""

import random
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from marketplace.catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeTranslation,
    AttributeValue,
    AttributeValueTranslation,
    Category,
    CategoryTranslation,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
    Product,
    ProductMedia,
    ProductType,
    ProductVariantTranslation,
)
from marketplace.catalog.services import (
    add_product_media,
    create_attribute_value,
    create_category,
    create_product,
    create_variant,
    editorjs,
    publish_product,
)
from marketplace.channels.models import Channel
from marketplace.content.models import AssignedPageAttributeValue, Menu, MenuItem, Page
from marketplace.content.services import (
    add_menu_item,
    create_menu,
    create_page,
    create_page_type,
)
from marketplace.core.db import refresh_planner_statistics
from marketplace.core.permissions import SYSTEM
from marketplace.core.text import fold_vietnamese
from marketplace.demo.booths import (
    BOOTHS,
    DEMO_REASONS,
    MARKER_BOOTH_SLUG,
    STATUS_PATH,
    booth_profile,
)
from marketplace.demo.certificates import load_demo_certificates, remove_demo_certificates
from marketplace.demo.navigation import MENUS, DemoMenuItem
from marketplace.demo.pages import PAGES, TET_COLLECTION
from marketplace.demo.pictures import draw_banner, draw_product_picture
from marketplace.demo.products import EDITIONS, PRODUCTS, TET_GIFTS, DemoProduct
from marketplace.demo.taxonomy import (
    ATTRIBUTES,
    BESTSELLER,
    CATEGORIES,
    MATERIAL,
    NET_WEIGHT,
    ORIGIN,
    PRODUCT_TYPES,
)
from marketplace.privacy.demo import load_demo_producers, remove_demo_producers
from marketplace.privacy.images import clean_image
from marketplace.privacy.storage import private_storage
from marketplace.search import get_search_backend
from vendors.models import Booth, BoothStatus
from vendors.services import change_booth_status, create_booth

# At least one per base product, so that every variation has a base picture to share.
DRAWN_IMAGES = max(100, len(PRODUCTS))
BOOTH_CODES = {booth.slug: booth.code for booth in BOOTHS}
INDEX_BATCH = 500
CONTENT_PAGE_TYPE = "content"
# What a menu item linking to a category, page or collection is called unless it says otherwise.
MENU_NAMES = {
    **{category.slug: (category.name, category.name_en) for category in CATEGORIES},
    **{page.slug: (page.title, page.title_en) for page in PAGES},
    TET_COLLECTION.slug: (TET_COLLECTION.name, TET_COLLECTION.name_en),
}


class DemoConflict(Exception):
    """Part of the demo is in the database but not its marker booth: load with a reset."""


@dataclass
class DemoSummary:
    booths: int = 0
    products: int = 0
    variants: int = 0
    images: int = 0
    drawn_images: int = 0
    categories: int = 0
    collections: int = 0
    pages: int = 0
    menus: int = 0
    producers: int = 0
    identities: int = 0
    seconds: float = 0.0


@dataclass
class _Loading:
    """What the steps of one load share: the objects made so far and the files written."""

    channel: Channel
    summary: DemoSummary
    categories: dict[str, Category] = field(default_factory=dict)
    product_types: dict[str, ProductType] = field(default_factory=dict)
    attributes: dict[str, Attribute] = field(default_factory=dict)
    values: dict[tuple[str, str], AttributeValue] = field(default_factory=dict)
    # English names of the values, to translate the variants named after them.
    values_en: dict[tuple[str, str], str] = field(default_factory=dict)
    booths: dict[str, Booth] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    collection: Collection | None = None
    files: list[str] = field(default_factory=list)
    # Producers' photos, kept in private storage (see marketplace.privacy.storage).
    private_files: list[str] = field(default_factory=list)


def demo_slug(text: str) -> str:
    """An ASCII slug of a Vietnamese text ("Đắk Lắk" -> "dak-lak"; slugify would drop the đ)."""
    return fold_vietnamese(text).replace(" ", "-")


def is_demo_loaded() -> bool:
    """The default channel and the demo's marker booth both exist."""
    return (
        Channel.objects.filter(slug=settings.DEFAULT_CHANNEL_SLUG).exists()
        and Booth.objects.filter(slug=MARKER_BOOTH_SLUG).exists()
    )


def load_demo(*, product_count: int | None = None) -> DemoSummary:
    """Load the demo catalog with `product_count` products (the base products when None).

    Raises `DemoConflict` when demo booths exist without the marker booth (a partial earlier
    load or a hand edit): `remove_demo` first.
    """
    started = time.monotonic()
    count = len(PRODUCTS) if product_count is None else product_count
    existing = Booth.objects.filter(slug__in=[booth.slug for booth in BOOTHS])
    if existing.exists():
        raise DemoConflict(
            "Some demo booths already exist: " + ", ".join(existing.values_list("slug", flat=True))
        )
    loading = _Loading(channel=Channel(), summary=DemoSummary())
    try:
        with transaction.atomic():
            loading.channel = ensure_default_channel()
            _load_categories(loading)
            _load_product_types(loading)
            _load_attributes(loading)
            _load_booths(loading)
            _load_producers(loading)
            _load_products(loading, count)
            _load_collection(loading)
            load_demo_certificates(loading)
            _load_pages(loading)
            _load_menus(loading)
    except BaseException:
        for name in loading.files:
            default_storage.delete(name)
        for name in loading.private_files:
            private_storage().delete(name)
        raise
    refresh_planner_statistics()
    loading.summary.seconds = time.monotonic() - started
    return loading.summary


@transaction.atomic
def ensure_default_channel() -> Channel:
    """The default channel (Vietnam, VND), created when missing."""
    channel = Channel.objects.filter(slug=settings.DEFAULT_CHANNEL_SLUG).first()
    if channel is None:
        channel = Channel(
            slug=settings.DEFAULT_CHANNEL_SLUG,
            name="Việt Nam",
            currency_code=settings.DEFAULT_CURRENCY,
            default_country=settings.DEFAULT_COUNTRY,
            countries=[settings.DEFAULT_COUNTRY],
        )
        channel.full_clean()
        channel.save()
    return channel


def _load_categories(loading: _Loading) -> None:
    for demo in CATEGORIES:  # parents come before their children
        category = Category.objects.filter(slug=demo.slug).first()
        if category is None:
            category = create_category(
                name=demo.name,
                slug=demo.slug,
                parent=loading.categories[demo.parent] if demo.parent else None,
                description=demo.description,
            )
            _set_background(loading, category, draw_banner(title=demo.name, category=demo.slug))
            loading.summary.categories += 1
        CategoryTranslation.objects.get_or_create(
            category=category,
            language_code="en",
            defaults={
                "name": demo.name_en,
                "slug": slugify(demo.name_en),
                "description": editorjs(demo.description_en),
            },
        )
        loading.categories[demo.slug] = category


def _set_background(loading: _Loading, owner: Category | Collection, picture: bytes) -> None:
    cleaned = clean_image(picture, name=owner.slug)
    owner.background_image.save(cleaned.name, cleaned, save=False)
    owner.background_image_alt = owner.name[:128]
    owner.save(update_fields=["background_image", "background_image_alt"])
    loading.files.append(owner.background_image.name)


def _load_product_types(loading: _Loading) -> None:
    for demo in PRODUCT_TYPES:
        product_type = ProductType.objects.filter(slug=demo.slug).first()
        if product_type is None:
            product_type = ProductType(
                name=demo.name,
                slug=demo.slug,
                has_variants=True,
                is_shipping_required=demo.is_shipping_required,
            )
            product_type.full_clean()
            product_type.save()
        loading.product_types[demo.slug] = product_type


def _load_attributes(loading: _Loading) -> None:
    for demo in ATTRIBUTES:
        attribute = Attribute.objects.filter(slug=demo.slug).first()
        if attribute is None:
            attribute = Attribute(
                name=demo.name,
                slug=demo.slug,
                input_type=demo.input_type,
                unit=demo.unit,
                variant_selection=demo.variant_selection,
            )
            attribute.full_clean()
            attribute.save()
        AttributeTranslation.objects.get_or_create(
            attribute=attribute, language_code="en", defaults={"name": demo.name_en}
        )
        for position, value in enumerate(demo.values):
            stored = create_attribute_value(
                attribute=attribute,
                name=value.name,
                slug=value.slug,
                boolean=value.boolean,
                sort_order=position,
            )
            AttributeValueTranslation.objects.get_or_create(
                attribute_value=stored, language_code="en", defaults={"name": value.name_en}
            )
            loading.values[demo.slug, value.slug] = stored
            loading.values_en[demo.slug, value.slug] = value.name_en
        loading.attributes[demo.slug] = attribute


def _value(loading: _Loading, attribute_slug: str, slug: str, **fields) -> AttributeValue:
    """A value of an attribute, created on first use (origins and weights differ per product)."""
    key = (attribute_slug, slug)
    if key not in loading.values:
        english = fields.pop("english", None)
        value = create_attribute_value(
            attribute=loading.attributes[attribute_slug], slug=slug, **fields
        )
        if english:
            AttributeValueTranslation.objects.get_or_create(
                attribute_value=value, language_code="en", defaults=english
            )
        loading.values[key] = value
    return loading.values[key]


def _load_booths(loading: _Loading) -> None:
    for position, demo in enumerate(BOOTHS):
        booth = create_booth(
            actor=SYSTEM,
            name=demo.name,
            slug=demo.slug,
            province=demo.province,
            **booth_profile(demo, position),
        )
        for step in STATUS_PATH[demo.status]:
            booth = change_booth_status(
                actor=SYSTEM, booth=booth, to_status=step, reason=DEMO_REASONS[step]
            )
        loading.booths[demo.slug] = booth
        loading.summary.booths += 1


def _load_producers(loading: _Loading) -> None:
    """Anonymised producer profiles with obviously fake identities (encrypted; written only when
    identity keys are configured) and consents in every state."""
    producers = load_demo_producers(loading.booths)
    loading.private_files.extend(producers.files)
    loading.summary.producers = producers.profiles
    loading.summary.identities = producers.identities


def _load_products(loading: _Loading, count: int) -> None:
    rng = random.Random(2025)  # the same catalog, prices and stock on every load
    now = timezone.now()
    shared_media: list[ProductMedia] = []
    pictures: dict[str, ProductMedia] = {}
    created: list[Product] = []
    for position in range(count):
        demo = PRODUCTS[position % len(PRODUCTS)]
        round_ = position // len(PRODUCTS)  # 0 for a base product, then 1, 2... for variations
        product = _create_product(loading, demo, round_, rng)
        booth = loading.booths[demo.booth]
        if booth.status != BoothStatus.APPLIED:
            publish_product(
                product=product,
                channel=loading.channel,
                published_at=now - timedelta(days=rng.randrange(0, 120), minutes=position),
            )
        if position < DRAWN_IMAGES:
            media = add_product_media(
                product=product,
                image=draw_product_picture(
                    name=demo.name, category=demo.category, variation=round_
                ),
                alt=product.name,
            )
            loading.files.append(media.image.name)
            pictures.setdefault(demo.slug, media)
            loading.summary.drawn_images += 1
        else:
            # The drawn picture of the base product, shared rather than drawn and stored again.
            base = pictures[demo.slug]
            shared_media.append(ProductMedia(product=product, image=base.image.name, alt=base.alt))
        created.append(product)
        if round_ == 0:
            loading.products[demo.slug] = product
    ProductMedia.objects.bulk_create(shared_media, batch_size=1000)
    loading.summary.images = loading.summary.drawn_images + len(shared_media)

    backend = get_search_backend()
    for start in range(0, len(created), INDEX_BATCH):
        backend.index_products(created[start : start + INDEX_BATCH])
    loading.summary.products = len(created)


def _create_product(loading: _Loading, demo: DemoProduct, round_: int, rng) -> Product:
    """Create `demo` (a variation of it when `round_` > 0) with its variants, stock and prices."""
    booth = loading.booths[demo.booth]
    name, name_en, slug = demo.name, demo.name_en, demo.slug
    sku = f"{BOOTH_CODES[demo.booth]}-{demo.code}"
    percent = 100
    if round_:
        editions = EDITIONS[demo.product_type]
        edition, edition_en = editions[(round_ - 1) % len(editions)]
        name = f"{demo.name} ({edition.lower()} {round_})"
        name_en = f"{demo.name_en} ({edition_en.lower()} {round_})"
        slug = f"{demo.slug}-{demo_slug(edition)}-{round_}"
        sku = f"{sku}-{round_}"
        percent = rng.choice((90, 100, 110, 120, 150, 200))

    values = []
    if demo.bestseller and round_ == 0:
        values.append(loading.values[BESTSELLER, "co"])
    values.append(
        _value(
            loading,
            ORIGIN,
            demo.slug,
            name=demo.origin,
            plain_text=demo.origin,
            english={"name": demo.origin_en, "plain_text": demo.origin_en},
        )
    )
    if demo.weight_grams and not demo.variants:
        grams = str(demo.weight_grams)
        values.append(_value(loading, NET_WEIGHT, grams, name=grams))
    values += [loading.values[MATERIAL, material] for material in demo.materials]

    product = create_product(
        vendor=booth,
        product_type=loading.product_types[demo.product_type],
        name=name,
        slug=slug,
        category=loading.categories[demo.category],
        description=demo.description,
        weight_grams=demo.weight_grams,
        translations={
            "en": {
                "name": name_en,
                "slug": slugify(name_en),
                "description": demo.description_en,
            }
        },
        attribute_values=values,
        index=False,
    )

    if demo.variants:
        for variant in demo.variants:
            value = loading.values[demo.variant_attribute, variant.value]
            created = create_variant(
                product=product,
                sku=f"{sku}-{variant.value.upper()}",
                name=value.name,
                prices={loading.channel: _price(variant.price, percent)},
                quantity=_quantity(variant.quantity, round_, rng),
                attribute_values=[value],
                update_prices=False,
            )
            english = loading.values_en[demo.variant_attribute, variant.value]
            if english != value.name:
                ProductVariantTranslation.objects.create(
                    product_variant=created, language_code="en", name=english
                )
            loading.summary.variants += 1
    else:
        create_variant(
            product=product,
            sku=sku,
            prices={loading.channel: _price(demo.price, percent)},
            quantity=_quantity(demo.quantity, round_, rng),
            update_prices=False,
        )
        loading.summary.variants += 1
    return product


def _price(amount: int, percent: int) -> int:
    """`amount` scaled by `percent` and rounded to the thousand dong, as shops price."""
    return (amount * percent + 50_000) // 100_000 * 1000


def _quantity(quantity: int, round_: int, rng) -> int:
    if round_ == 0:
        return quantity
    return rng.choice((0, 5, 12, 30, 60, 150))


def _load_collection(loading: _Loading) -> None:
    demo = TET_COLLECTION
    collection = Collection.objects.filter(slug=demo.slug).first()
    if collection is None:
        collection = Collection(
            name=demo.name, slug=demo.slug, description=editorjs(demo.description)
        )
        collection.full_clean()
        collection.save()
        _set_background(loading, collection, draw_banner(title=demo.name, category="mat-ong"))
        CollectionTranslation.objects.create(
            collection=collection,
            language_code="en",
            name=demo.name_en,
            slug=demo.slug_en,
            description=editorjs(demo.description_en),
        )
        CollectionChannelListing.objects.create(
            collection=collection,
            channel=loading.channel,
            is_published=True,
            published_at=timezone.now(),
        )
        loading.summary.collections += 1
    CollectionProduct.objects.bulk_create(
        [
            CollectionProduct(collection=collection, product=loading.products[slug], sort_order=i)
            for i, slug in enumerate(TET_GIFTS)
            if slug in loading.products
        ],
        ignore_conflicts=True,
    )
    loading.collection = collection


def _load_pages(loading: _Loading) -> None:
    page_type = create_page_type(name="Nội dung", slug=CONTENT_PAGE_TYPE)
    for demo in PAGES:
        page = Page.objects.filter(slug=demo.slug).first()
        if page is None:
            page = create_page(
                page_type=page_type,
                title=demo.title,
                slug=demo.slug,
                content=_page_content(demo.text),
                is_published=True,
                seo_title=demo.title[:70],
                seo_description=demo.seo_description,
                translations={
                    "en": {
                        "title": demo.title_en,
                        "slug": demo.slug_en,
                        "content": _page_content(demo.text_en),
                        "seo_title": demo.title_en[:70],
                        "seo_description": demo.seo_description_en,
                    }
                },
            )
            loading.summary.pages += 1
        loading.pages[demo.slug] = page


def _page_content(text: str) -> dict | None:
    """An Editor.js document of `text`, with paragraphs starting "## " made headings."""
    document = editorjs(text)
    for block in (document or {}).get("blocks", []):
        if block["data"]["text"].startswith("## "):
            block["type"] = "header"
            block["data"] = {"text": block["data"]["text"][3:], "level": 2}
    return document


def _load_menus(loading: _Loading) -> None:
    for slug, (name, items) in MENUS.items():
        menu = Menu.objects.filter(slug=slug).first()
        if menu is None:
            menu = create_menu(name=name, slug=slug)
            loading.summary.menus += 1
        elif menu.items.exists():
            continue  # someone already made this menu: leave it as it is
        for item in items:
            _add_menu_item(loading, menu, item, parent=None)


def _add_menu_item(
    loading: _Loading, menu: Menu, demo: DemoMenuItem, parent: MenuItem | None
) -> None:
    category = loading.categories[demo.category] if demo.category else None
    page = loading.pages[demo.page] if demo.page else None
    collection = loading.collection if demo.collection else None
    name, name_en = demo.name, demo.name_en
    if not name:
        name, name_en = MENU_NAMES[demo.category or demo.page or TET_COLLECTION.slug]
    item = add_menu_item(
        menu=menu,
        name=name,
        parent=parent,
        category=category,
        collection=collection,
        page=page,
        translations={"en": name_en},
    )
    for child in demo.children:
        _add_menu_item(loading, menu, child, parent=item)


def remove_demo() -> int:
    """Delete the demo's booths and products, collection, pages and menus; return the products
    deleted. Categories, attributes and product types go too unless other products use them.
    The channel stays. Image files are deleted once the transaction has committed."""
    files: set[str] = set()
    with transaction.atomic():
        remove_demo_certificates()
        products = Product.objects.filter(vendor__slug__in=[booth.slug for booth in BOOTHS])
        media = ProductMedia.objects.filter(product__in=products)
        files.update(media.values_list("image", flat=True))
        files.update(media.values_list("thumbnails__image", flat=True))
        deleted = products.count()
        products.delete()
        booths = Booth.objects.filter(slug__in=[booth.slug for booth in BOOTHS])
        remove_demo_producers(booths)
        booths.delete()

        collections = Collection.objects.filter(slug=TET_COLLECTION.slug)
        files.update(collections.values_list("background_image", flat=True))
        files.update(collections.values_list("thumbnails__image", flat=True))
        collections.delete()
        Page.objects.filter(slug__in=[page.slug for page in PAGES]).delete()
        Menu.objects.filter(slug__in=list(MENUS)).delete()

        for demo in reversed(CATEGORIES):  # children before their parents
            category = Category.objects.filter(slug=demo.slug).first()
            if category and not category.products.exists() and not category.children.exists():
                files.add(category.background_image.name)
                files.update(category.thumbnails.values_list("image", flat=True))
                category.delete()
        ProductType.objects.filter(
            slug__in=[demo.slug for demo in PRODUCT_TYPES], products__isnull=True
        ).delete()
        for demo in ATTRIBUTES:
            values = AttributeValue.objects.filter(attribute__slug=demo.slug)
            in_use = (
                AssignedProductAttributeValue.objects.filter(value__in=values).exists()
                or AssignedVariantAttributeValue.objects.filter(value__in=values).exists()
                or AssignedPageAttributeValue.objects.filter(value__in=values).exists()
            )
            if not in_use:
                Attribute.objects.filter(slug=demo.slug).delete()
        transaction.on_commit(lambda: [default_storage.delete(name) for name in files if name])
    return deleted
