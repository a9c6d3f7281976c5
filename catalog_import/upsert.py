"""Writing validated rows to the catalog, a chunk at a time, by SKU within one booth.

Each chunk costs a fixed number of queries whatever its size: the stored state of its SKUs is read
in a few queries, compared field by field with the rows, and only what differs is written:
`bulk_update` / `bulk_create` for products that exist, `insert_rows` (catalog_import.inserts)
for new ones, which are most rows of a first import. A row equal to what is stored writes
nothing, so importing the same file twice reports everything unchanged the second time. Products
of other booths are never read: every lookup is filtered by the booth.

A row is one product with one variant. Products that already have several variants (made in the
portal) are updated through the SKUs of their variants; validation makes sure the rows of such a
product agree on the product's own details.
"""

import hashlib
import secrets
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog_import.columns import Col
from catalog_import.errors import CatalogImportErrorCode as Code
from catalog_import.errors import Problem, Severity
from catalog_import.images import ImageSource, ImageTooLarge
from catalog_import.inserts import insert_rows
from catalog_import.lookups import ValueSpec
from catalog_import.models import ImportedImage
from catalog_import.validation import ProductRow
from marketplace.catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    AttributeValue,
    Product,
    ProductChannelListing,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from marketplace.catalog.services import add_product_media, editorjs, update_price_ranges
from marketplace.channels.models import Channel
from marketplace.core.text import slug_from
from marketplace.privacy.images import ImageRejected, clean_image
from marketplace.search import get_search_backend
from vendors.models import Booth

# Products created by an import get this type; staff can change it in the admin.
IMPORT_PRODUCT_TYPE = {"slug": "san-pham", "name": "Sản phẩm"}
ENGLISH = "en"
_BATCH = 500


@dataclass
class _ProductState:
    """What is stored of a product, as plain values (reading model instances would cost more
    than the whole comparison)."""

    pk: int
    slug: str
    fields: dict[str, object]  # name, category_id, description, weight_grams
    listing: dict | None = None  # id, is_published, published_at, available_for_purchase_at
    translation: dict | None = None  # id, name, description
    attribute_keys: frozenset = frozenset()
    image_checksums: set[str] = field(default_factory=set)


@dataclass
class _VariantState:
    pk: int
    product: _ProductState
    stock: dict | None = None  # id, quantity
    price: dict | None = None  # id, price_amount
    attribute_keys: frozenset = frozenset()


@dataclass
class _Changes:
    """What one chunk writes, collected before anything is written."""

    products: dict[int, Product] = field(default_factory=dict)
    product_fields: set[str] = field(default_factory=set)
    stocks: list[Stock] = field(default_factory=list)
    new_stocks: list[Stock] = field(default_factory=list)
    prices: list[ProductVariantChannelListing] = field(default_factory=list)
    new_prices: list[ProductVariantChannelListing] = field(default_factory=list)
    listings: list[ProductChannelListing] = field(default_factory=list)
    new_listings: list[ProductChannelListing] = field(default_factory=list)
    translations: list[ProductTranslation] = field(default_factory=list)
    new_translations: list[ProductTranslation] = field(default_factory=list)
    dropped_translations: list[int] = field(default_factory=list)
    product_attributes: dict[int, tuple[ValueSpec, ...]] = field(default_factory=dict)
    variant_attributes: dict[int, tuple[ValueSpec, ...]] = field(default_factory=dict)
    price_ranges: set[int] = field(default_factory=set)

    def product(self, pk: int) -> Product:
        """The instance that carries a product's changed fields to `bulk_update`."""
        if pk not in self.products:
            self.products[pk] = Product(pk=pk)
        return self.products[pk]


@dataclass
class WriteCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class CatalogWriter:
    """Upserts chunks of rows into `booth`'s catalog; with `dry_run`, only counts what it would
    do. Images are read from `images` when the sheet has an images column."""

    def __init__(
        self,
        *,
        booth: Booth,
        channel: Channel,
        columns: frozenset[Col],
        images: ImageSource | None,
        dry_run: bool,
        report: Callable[[Problem], None],
        sheet_header: Callable[[Col], str],
    ):
        self.booth = booth
        self.channel = channel
        self.columns = columns
        self.images = images if Col.IMAGES in columns else None
        self.dry_run = dry_run
        self.report = report
        self.header = sheet_header
        self.counts = WriteCounts()
        self._product_type: ProductType | None = None
        self._value_ids: dict[tuple[int, str], int] = {}

    def write(self, rows: list[ProductRow]) -> None:
        """Create, update or leave each row's product; then index what changed."""
        stored = self._stored(rows)
        changes = _Changes()
        changed: dict[int, int] = {}  # row number -> product
        new_rows = []
        for row in rows:
            state = stored.get(row.sku)
            if state is None:
                new_rows.append(row)
            elif self._compare(row, state, changes):
                changed[row.row] = state.product.pk
        for product_id in set(changed.values()):
            # A new price or stock is a change of the product too (its `updated_at`).
            changes.product(product_id)
        created: dict[str, _ProductState] = {}
        if not self.dry_run:
            self._resolve_values(rows)
            self._apply(changes)
            created = self._create(new_rows)
        with_new_images = []
        for row in rows:
            state = stored.get(row.sku)
            product = state.product if state else created.get(row.sku)
            if self._add_images(row, product) and state is not None:
                with_new_images.append(state.product.pk)
                changed[row.row] = state.product.pk
        if with_new_images and not self.dry_run:
            Product.objects.filter(pk__in=with_new_images).update(updated_at=timezone.now())
        self.counts.created += len(new_rows)
        self.counts.updated += len(changed)
        self.counts.unchanged += len(rows) - len(new_rows) - len(changed)
        if not self.dry_run:
            touched = set(changed.values()) | {state.pk for state in created.values()}
            if touched:
                get_search_backend().index_products([Product(pk=pk) for pk in sorted(touched)])

    # --- reading what is stored ------------------------------------------------------------

    def _stored(self, rows: list[ProductRow]) -> dict[str, _VariantState]:
        variants = ProductVariant.objects.filter(
            vendor=self.booth, sku__in=[row.sku for row in rows]
        ).values_list(
            "id",
            "sku",
            "product_id",
            "product__slug",
            "product__name",
            "product__category_id",
            "product__description",
            "product__weight_grams",
            "stock__id",
            "stock__quantity",
        )
        products: dict[int, _ProductState] = {}
        states: dict[str, _VariantState] = {}
        for (
            pk,
            sku,
            product_id,
            slug,
            name,
            category_id,
            description,
            weight,
            stock,
            quantity,
        ) in variants:
            product = products.get(product_id)
            if product is None:
                product = products[product_id] = _ProductState(
                    product_id,
                    slug,
                    {
                        "name": name,
                        "category_id": category_id,
                        "description": description,
                        "weight_grams": weight,
                    },
                )
            states[sku] = _VariantState(
                pk, product, stock={"id": stock, "quantity": quantity} if stock else None
            )
        if not states:
            return states
        product_ids = list(products)
        by_variant = {state.pk: state for state in states.values()}
        for price in ProductVariantChannelListing.objects.filter(
            variant_id__in=list(by_variant), channel=self.channel
        ).values("id", "variant_id", "price_amount"):
            by_variant[price["variant_id"]].price = price
        for listing in ProductChannelListing.objects.filter(
            product_id__in=product_ids, channel=self.channel
        ).values("id", "product_id", "is_published", "published_at", "available_for_purchase_at"):
            products[listing["product_id"]].listing = listing
        if self.columns & {Col.NAME_EN, Col.DESCRIPTION_EN}:
            for translation in ProductTranslation.objects.filter(
                product_id__in=product_ids, language_code=ENGLISH
            ).values("id", "product_id", "name", "description"):
                products[translation["product_id"]].translation = translation
        if Col.ATTRIBUTES in self.columns:
            keys = defaultdict(set)
            for product_id, attribute_id, slug in AssignedProductAttributeValue.objects.filter(
                product_id__in=product_ids
            ).values_list("product_id", "value__attribute_id", "value__slug"):
                keys[product_id].add((attribute_id, slug))
            for product_id, state in products.items():
                state.attribute_keys = frozenset(keys[product_id])
            keys = defaultdict(set)
            for variant_id, attribute_id, slug in AssignedVariantAttributeValue.objects.filter(
                variant_id__in=list(by_variant)
            ).values_list("variant_id", "value__attribute_id", "value__slug"):
                keys[variant_id].add((attribute_id, slug))
            for variant_id, state in by_variant.items():
                state.attribute_keys = frozenset(keys[variant_id])
        if self.images is not None:
            for product_id, checksum in ImportedImage.objects.filter(
                product_id__in=product_ids
            ).values_list("product_id", "checksum"):
                products[product_id].image_checksums.add(checksum)
        return states

    # --- comparing -------------------------------------------------------------------------

    def _compare(self, row: ProductRow, state: _VariantState, changes: _Changes) -> bool:
        """Record in `changes` what differs between `row` and what is stored; True if anything."""
        changed = self._compare_product(row, state.product, changes)
        product_id = state.product.pk

        if state.price is None:
            state.price = {"id": None, "price_amount": row.price}
            changes.new_prices.append(
                ProductVariantChannelListing(
                    variant_id=state.pk, channel_id=self.channel.pk, price_amount=row.price
                )
            )
            changes.price_ranges.add(product_id)
            changed = True
        elif state.price["price_amount"] != row.price:
            state.price["price_amount"] = row.price
            changes.prices.append(
                ProductVariantChannelListing(pk=state.price["id"], price_amount=row.price)
            )
            changes.price_ranges.add(product_id)
            changed = True

        if Col.STOCK in self.columns:
            if state.stock is None:
                state.stock = {"id": None, "quantity": row.quantity}
                changes.new_stocks.append(Stock(variant_id=state.pk, quantity=row.quantity))
                changed = True
            elif state.stock["quantity"] != row.quantity:
                state.stock["quantity"] = row.quantity
                changes.stocks.append(Stock(pk=state.stock["id"], quantity=row.quantity))
                changed = True

        if Col.ATTRIBUTES in self.columns:
            wanted = tuple(spec for spec in row.attributes if spec.on_variant)
            keys = frozenset(spec.key for spec in wanted)
            if keys != state.attribute_keys:
                state.attribute_keys = keys
                changes.variant_attributes[state.pk] = wanted
                changed = True

        if Col.PUBLISH in self.columns:
            changed |= self._compare_listing(row, state.product, changes)
        return changed

    def _compare_product(self, row: ProductRow, state: _ProductState, changes: _Changes) -> bool:
        wanted: dict[str, object] = {"name": row.name, "category_id": row.category_id}
        if Col.DESCRIPTION_VI in self.columns:
            wanted["description"] = editorjs(row.description)
        if Col.WEIGHT in self.columns:
            wanted["weight_grams"] = row.weight_grams
        changed = False
        for name, value in wanted.items():
            if state.fields[name] != value:
                state.fields[name] = value
                setattr(changes.product(state.pk), name, value)
                changes.product_fields.add(name)
                changed = True

        if self.columns & {Col.NAME_EN, Col.DESCRIPTION_EN}:
            changed |= self._compare_translation(row, state, changes)

        if Col.ATTRIBUTES in self.columns:
            wanted_values = tuple(spec for spec in row.attributes if not spec.on_variant)
            keys = frozenset(spec.key for spec in wanted_values)
            if keys != state.attribute_keys:
                state.attribute_keys = keys
                changes.product_attributes[state.pk] = wanted_values
                changed = True
        return changed

    def _compare_translation(self, row: ProductRow, state: _ProductState, changes: _Changes):
        stored = state.translation
        name = row.name_en if Col.NAME_EN in self.columns else (stored or {}).get("name", "")
        if Col.DESCRIPTION_EN in self.columns:
            description = editorjs(row.description_en)
        else:
            description = (stored or {}).get("description")
        if stored is None:
            if not (name or description):
                return False
            state.translation = {"id": None, "name": name, "description": description}
            changes.new_translations.append(
                ProductTranslation(
                    product_id=state.pk,
                    language_code=ENGLISH,
                    name=name,
                    slug=_slug(name) or None,
                    description=description,
                )
            )
            return True
        if not (name or description):
            changes.dropped_translations.append(stored["id"])
            state.translation = None
            return True
        if stored["name"] == name and stored["description"] == description:
            return False
        stored["name"], stored["description"] = name, description
        changes.translations.append(
            ProductTranslation(
                pk=stored["id"], name=name, slug=_slug(name) or None, description=description
            )
        )
        return True

    def _compare_listing(self, row: ProductRow, state: _ProductState, changes: _Changes) -> bool:
        listing = state.listing
        now = timezone.now()
        if listing is None:
            if not row.publish:
                return False  # not listed in the channel is not published either
            state.listing = {
                "id": None,
                "is_published": True,
                "published_at": now,
                "available_for_purchase_at": now,
            }
            changes.new_listings.append(
                ProductChannelListing(
                    product_id=state.pk,
                    channel_id=self.channel.pk,
                    is_published=True,
                    published_at=now,
                    available_for_purchase_at=now,
                )
            )
            changes.price_ranges.add(state.pk)
            return True
        if listing["is_published"] == row.publish:
            return False
        listing["is_published"] = row.publish
        update = ProductChannelListing(pk=listing["id"], is_published=row.publish)
        if row.publish:
            update.published_at = now
            update.available_for_purchase_at = listing["available_for_purchase_at"] or now
        else:
            update.published_at = listing["published_at"]
            update.available_for_purchase_at = listing["available_for_purchase_at"]
        changes.listings.append(update)
        return True

    # --- writing ---------------------------------------------------------------------------

    def _apply(self, changes: _Changes) -> None:
        if changes.products:
            now = timezone.now()
            for product in changes.products.values():
                product.updated_at = now
            Product.objects.bulk_update(
                list(changes.products.values()),
                sorted(changes.product_fields | {"updated_at"}),
                batch_size=_BATCH,
            )
        Stock.objects.bulk_update(changes.stocks, ["quantity"], batch_size=_BATCH)
        Stock.objects.bulk_create(changes.new_stocks, batch_size=_BATCH)
        ProductVariantChannelListing.objects.bulk_update(
            changes.prices, ["price_amount"], batch_size=_BATCH
        )
        ProductVariantChannelListing.objects.bulk_create(changes.new_prices, batch_size=_BATCH)
        ProductChannelListing.objects.bulk_update(
            changes.listings,
            ["is_published", "published_at", "available_for_purchase_at"],
            batch_size=_BATCH,
        )
        ProductChannelListing.objects.bulk_create(changes.new_listings, batch_size=_BATCH)
        ProductTranslation.objects.bulk_update(
            changes.translations, ["name", "slug", "description"], batch_size=_BATCH
        )
        ProductTranslation.objects.bulk_create(changes.new_translations, batch_size=_BATCH)
        if changes.dropped_translations:
            ProductTranslation.objects.filter(pk__in=changes.dropped_translations).delete()
        if changes.product_attributes:
            AssignedProductAttributeValue.objects.filter(
                product_id__in=list(changes.product_attributes)
            ).delete()
            self._assign(AssignedProductAttributeValue, "product_id", changes.product_attributes)
        if changes.variant_attributes:
            AssignedVariantAttributeValue.objects.filter(
                variant_id__in=list(changes.variant_attributes)
            ).delete()
            self._assign(AssignedVariantAttributeValue, "variant_id", changes.variant_attributes)
        if changes.price_ranges:
            update_price_ranges([Product(pk=pk) for pk in changes.price_ranges])

    def _assign(self, model, owner_field: str, wanted: dict[int, tuple[ValueSpec, ...]]) -> None:
        insert_rows(
            model,
            (owner_field, "value_id", "sort_order"),
            (
                (owner_id, self._value_ids[spec.key], i)
                for owner_id, specs in wanted.items()
                for i, spec in enumerate(dict.fromkeys(specs))
            ),
        )

    def _create(self, rows: list[ProductRow]) -> dict[str, _ProductState]:
        """Create a product with its variant, stock, price, listing, English texts and
        attribute values for each row; answers the new products by SKU."""
        if not rows:
            return {}
        now = timezone.now()
        booth_id = self.booth.pk
        product_type_id = self._import_product_type().pk
        channel_id = self.channel.pk
        slugs = self._unique_slugs(rows)
        product_ids = insert_rows(
            Product,
            (
                "vendor_id",
                "product_type_id",
                "category_id",
                "name",
                "slug",
                "description",
                "weight_grams",
            ),
            (
                (
                    booth_id,
                    product_type_id,
                    row.category_id,
                    row.name,
                    slug,
                    editorjs(row.description),
                    row.weight_grams,
                )
                for row, slug in zip(rows, slugs, strict=True)
            ),
            return_ids=True,
        )
        variant_ids = insert_rows(
            ProductVariant,
            ("product_id", "vendor_id", "sku"),
            (
                (product_id, booth_id, row.sku)
                for row, product_id in zip(rows, product_ids, strict=True)
            ),
            return_ids=True,
        )
        created = list(zip(rows, product_ids, variant_ids, strict=True))
        insert_rows(
            Stock,
            ("variant_id", "quantity"),
            ((variant_id, row.quantity) for row, _p, variant_id in created),
        )
        insert_rows(
            ProductVariantChannelListing,
            ("variant_id", "channel_id", "price_amount"),
            ((variant_id, channel_id, row.price) for row, _p, variant_id in created),
        )
        # Listed in the channel even when hidden, so that publishing later is one switch and
        # the price range is kept from the start.
        insert_rows(
            ProductChannelListing,
            (
                "product_id",
                "channel_id",
                "is_published",
                "published_at",
                "available_for_purchase_at",
                "price_min_amount",
                "price_max_amount",
            ),
            (
                (
                    product_id,
                    channel_id,
                    row.publish,
                    now if row.publish else None,
                    now if row.publish else None,
                    row.price,
                    row.price,
                )
                for row, product_id, _v in created
            ),
        )
        insert_rows(
            ProductTranslation,
            ("product_id", "language_code", "name", "slug", "description"),
            (
                (
                    product_id,
                    ENGLISH,
                    row.name_en,
                    _slug(row.name_en) or None,
                    editorjs(row.description_en),
                )
                for row, product_id, _v in created
                if row.name_en or row.description_en
            ),
        )
        self._assign(
            AssignedProductAttributeValue,
            "product_id",
            {
                product_id: tuple(spec for spec in row.attributes if not spec.on_variant)
                for row, product_id, _v in created
                if row.attributes
            },
        )
        self._assign(
            AssignedVariantAttributeValue,
            "variant_id",
            {
                variant_id: tuple(spec for spec in row.attributes if spec.on_variant)
                for row, _p, variant_id in created
                if row.attributes
            },
        )
        return {
            row.sku: _ProductState(product_id, slug, {})
            for (row, product_id, _v), slug in zip(created, slugs, strict=True)
        }

    def _import_product_type(self) -> ProductType:
        if self._product_type is None:
            self._product_type, _created = ProductType.objects.get_or_create(
                slug=IMPORT_PRODUCT_TYPE["slug"],
                defaults={"name": IMPORT_PRODUCT_TYPE["name"], "has_variants": False},
            )
        return self._product_type

    def _unique_slugs(self, rows: list[ProductRow]) -> list[str]:
        """A slug for each new product from its name; a taken slug gets the SKU added, then a
        random suffix."""
        bases = [(_slug(row.name) or "san-pham")[:200] for row in rows]
        slugs = list(bases)
        for attempt in range(3):
            taken = set(Product.objects.filter(slug__in=set(slugs)).values_list("slug", flat=True))
            used: set[str] = set()
            clashes = []
            for i, slug in enumerate(slugs):
                if slug in taken or slug in used:
                    clashes.append(i)
                else:
                    used.add(slug)
            if not clashes:
                break
            for i in clashes:
                if attempt == 0:
                    slugs[i] = f"{bases[i]}-{_slug(rows[i].sku) or rows[i].row}"[:250]
                else:
                    slugs[i] = f"{bases[i]}-{_slug(rows[i].sku)}-{secrets.token_hex(3)}"[:255]
        return slugs

    def _resolve_values(self, rows: list[ProductRow]) -> None:
        """Find the ids of the attribute values the rows name, creating texts, numbers and
        yes/no values that do not exist yet."""
        wanted: dict[tuple[int, str], ValueSpec] = {}
        for row in rows:
            for spec in row.attributes:
                if spec.key not in self._value_ids:
                    wanted.setdefault(spec.key, spec)
        if not wanted:
            return
        self._find_values(wanted)
        missing = [spec for key, spec in wanted.items() if key not in self._value_ids]
        if missing:
            AttributeValue.objects.bulk_create(
                (
                    AttributeValue(
                        attribute_id=spec.attribute_id,
                        slug=spec.slug,
                        name=spec.name,
                        plain_text=spec.plain_text,
                        boolean=spec.boolean,
                    )
                    for spec in missing
                ),
                batch_size=_BATCH,
                ignore_conflicts=True,
            )
            self._find_values({spec.key: spec for spec in missing})

    def _find_values(self, wanted: dict[tuple[int, str], ValueSpec]) -> None:
        by_attribute: dict[int, list[str]] = defaultdict(list)
        for attribute_id, slug in wanted:
            by_attribute[attribute_id].append(slug)
        condition = Q()
        for attribute_id, slugs in by_attribute.items():
            condition |= Q(attribute_id=attribute_id, slug__in=slugs)
        for pk, attribute_id, slug in AttributeValue.objects.filter(condition).values_list(
            "pk", "attribute_id", "slug"
        ):
            self._value_ids[attribute_id, slug] = pk

    # --- images ----------------------------------------------------------------------------

    def _add_images(self, row: ProductRow, state: _ProductState | None) -> bool:
        """Add the row's photos that the product does not have yet; True if any was added (or,
        in a dry run, would be)."""
        if self.images is None or not row.images:
            return False
        added = False
        for name in row.images:
            key = self.images.find(name)
            if key is None:
                continue  # reported by validation
            try:
                data = self.images.read(key)
            except ImageTooLarge:
                self._image_problem(row, name, _("The image is larger than 10 MB."))
                continue
            checksum = hashlib.sha256(data).hexdigest()
            if state is not None and checksum in state.image_checksums:
                continue
            try:
                if self.dry_run or state is None:
                    clean_image(data, name="check")
                else:
                    product = Product(pk=state.pk, slug=state.slug)
                    media = add_product_media(product=product, image=data, alt=row.name)
                    ImportedImage.objects.create(
                        product_id=state.pk, media=media, source_name=name, checksum=checksum
                    )
            except ImageRejected as error:
                self._image_problem(row, name, error.message)
                continue
            if state is not None:
                state.image_checksums.add(checksum)
            added = True
        return added

    def _image_problem(self, row: ProductRow, name: str, message: str) -> None:
        self.report(
            Problem(
                row=row.row,
                column=self.header(Col.IMAGES),
                message=_("Image “%(name)s” was left out: %(reason)s")
                % {"name": name, "reason": message},
                code=Code.IMAGE_INVALID,
                severity=Severity.WARNING,
                sku=row.sku,
                value=name,
            )
        )


def _slug(text: str) -> str:
    return slug_from(text)[:250]
