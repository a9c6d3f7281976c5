"""productVariantCreate, productVariantUpdate, productVariantDelete and
productVariantStocksUpdate, scoped to the caller's booths.

Stock: Saleor keeps stock per warehouse; here each variant has one stock, held by its booth. The
`warehouse` of Saleor's StockInput is therefore the booth's ID (`Vendor:<pk>`, as in
`product { vendor { id } }`), and a variant takes one StockInput at most.

Prices: Saleor sets them with productVariantChannelListingUpdate. As in Saleor's bulk variant
inputs, the variant inputs here take `channelListings` (a price in whole dong per channel).
"""

import graphene
from django.utils.translation import gettext as _

from marketplace.catalog import models, services
from marketplace.catalog.graphql.mutations.attribute_input import (
    AttributeValueInput,
    attribute_specs,
)
from marketplace.catalog.graphql.mutations.common import (
    MANAGE_PRODUCTS_NOTE,
    BulkStockError,
    MetadataInput,
    PositiveDecimal,
    ProductError,
    ProductMutation,
    WeightScalar,
    decode_id,
    fetch,
    legacy_errors_field,
    one_of_id,
    refuse_unstored_fields,
)
from marketplace.catalog.graphql.types import ProductVariant
from marketplace.catalog.services import ProductErrorCode, ProductInputError
from marketplace.channels.models import Channel

STOCK_NOTE = (
    "Each variant has one stock, held by its booth: `warehouse` is the booth's ID (`Vendor`)."
)


class StockInput(graphene.InputObjectType):
    warehouse = graphene.ID(
        required=True,
        description="Stock location: the ID of the variant's booth (`Vendor`), which holds the "
        "variant's only stock.",
    )
    quantity = graphene.Int(required=True, description="Quantity of items available for sell.")

    class Meta:
        description = STOCK_NOTE


class ProductVariantChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    price = PositiveDecimal(
        required=True, description="Price of the particular variant in channel (whole dong)."
    )
    cost_price = PositiveDecimal(description="Not stored by this marketplace: refused if given.")
    prior_price = PositiveDecimal(description="Not stored by this marketplace: refused if given.")

    class Meta:
        description = "The price of a variant in a channel, in whole dong."


class ProductVariantInput(graphene.InputObjectType):
    attributes = graphene.List(
        graphene.NonNull(AttributeValueInput),
        description="List of attributes specific to this variant.",
    )
    sku = graphene.String(description="Stock keeping unit (unique within the booth).")
    name = graphene.String(description="Variant name.")
    track_inventory = graphene.Boolean(
        description="Determines if the inventory of this variant should be tracked. If false, "
        "the quantity won't change when customers buy this item."
    )
    weight = WeightScalar(description="Weight of the Product Variant.")
    quantity_limit_per_customer = graphene.Int(
        description="Determines maximum quantity of `ProductVariant`, that can be bought in a "
        "single checkout."
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataInput),
        description="Not stored by this marketplace: a non-empty list is refused.",
    )
    private_metadata = graphene.List(
        graphene.NonNull(MetadataInput),
        description="Not stored by this marketplace: a non-empty list is refused.",
    )
    external_reference = graphene.String(
        description="Not stored by this marketplace: a value is refused."
    )
    channel_listings = graphene.List(
        graphene.NonNull(ProductVariantChannelListingAddInput),
        description="Marketplace extension (as in Saleor's bulk variant inputs): the variant's "
        "price in each channel named, in whole dong.",
    )

    class Meta:
        description = "Fields of a product variant; those left out stay as they are."


class ProductVariantCreateInput(ProductVariantInput):
    attributes = graphene.NonNull(
        graphene.List(graphene.NonNull(AttributeValueInput)),
        description="List of attributes specific to this variant.",
    )
    product = graphene.ID(required=True, description="Product ID of which type is the variant.")
    stocks = graphene.List(
        graphene.NonNull(StockInput),
        description=f"Stocks of a product available for sale. {STOCK_NOTE}",
    )

    class Meta:
        description = "Fields required to create a product variant."


def variant_changes(data) -> dict:
    """The services' keyword arguments for the fields given in a ProductVariantInput."""
    refuse_unstored_fields(data)
    changes = {}
    for name in ("sku", "name", "track_inventory", "quantity_limit_per_customer"):
        if name in data:
            changes[name] = data[name]
    if "weight" in data:
        changes["weight_grams"] = data["weight"]
    if data.get("attributes") is not None:
        changes["attributes"] = attribute_specs(data["attributes"])
    if data.get("channel_listings") is not None:
        changes["prices"] = channel_prices(data["channel_listings"])
    return changes


def channel_prices(listings) -> dict[Channel, object]:
    prices: dict[Channel, object] = {}
    for listing in listings:
        channel = fetch(Channel, listing["channel_id"], "Channel", field="channelId")
        for name, field in (("cost_price", "costPrice"), ("prior_price", "priorPrice")):
            if listing.get(name) is not None:
                raise ProductInputError(
                    _("This price is not stored by this marketplace."),
                    code=ProductErrorCode.INVALID,
                    field=field,
                )
        if channel in prices:
            raise ProductInputError(
                _("Give one price per channel."),
                code=ProductErrorCode.DUPLICATED_INPUT_ITEM,
                field="channelListings",
            )
        prices[channel] = listing["price"]
    return prices


def booth_stock_quantity(stocks, booth_id: int) -> int | None:
    """The quantity given for the booth's stock, or None when no stock is given."""
    quantity = None
    for index, stock in enumerate(stocks or []):
        try:
            location = decode_id(stock["warehouse"], "Vendor", field="warehouse")
        except ProductInputError as error:
            error.index = index
            raise
        if location != booth_id:
            raise ProductInputError(
                _("A variant's stock is held by its booth: give the booth's ID as warehouse."),
                code=ProductErrorCode.NOT_FOUND,
                field="warehouse",
                index=index,
            )
        if quantity is not None:
            raise ProductInputError(
                _("A variant has one stock, at its booth: give it once."),
                code=ProductErrorCode.DUPLICATED_INPUT_ITEM,
                field="warehouse",
                index=index,
            )
        quantity = stock["quantity"]
    return quantity


def variant_from_arguments(info, *, id, sku, external_reference) -> models.ProductVariant:
    one_of_id(id=id, sku=sku, external_reference=external_reference, with_sku=True)
    return services.variant_to_manage(
        actor=info.context.user,
        variant_id=decode_id(id, "ProductVariant", field="id") if id else None,
        sku=sku,
    )


def reloaded(variant: models.ProductVariant) -> models.ProductVariant:
    """The variant as stored now, without relations cached before the change."""
    return models.ProductVariant.objects.select_related("stock").get(pk=variant.pk)


class ProductVariantCreate(ProductMutation):
    product_variant = graphene.Field(ProductVariant, description="The product variant.")
    product_errors = legacy_errors_field(ProductError)

    class Arguments:
        input = ProductVariantCreateInput(
            required=True, description="Fields required to create a product variant."
        )

    class Meta:
        description = (
            "Creates a new variant for a product, with its stock and prices. "
            f"{MANAGE_PRODUCTS_NOTE}"
        )
        error_type = ProductError
        login_required = True

    @classmethod
    def perform(cls, root, info, input):
        product = services.product_to_manage(
            actor=info.context.user,
            product_id=decode_id(input["product"], "Product", field="product"),
            field="product",
        )
        quantity = booth_stock_quantity(input.get("stocks"), product.vendor_id)
        changes = variant_changes(input)
        variant = services.add_variant(
            actor=info.context.user,
            product=product,
            sku=changes.pop("sku", None),
            quantity=quantity or 0,
            **changes,
        )
        return cls(product_variant=reloaded(variant))


class ProductVariantUpdate(ProductMutation):
    product_variant = graphene.Field(ProductVariant, description="The product variant.")
    product_errors = legacy_errors_field(ProductError)

    class Arguments:
        external_reference = graphene.String(
            description="External ID of a product variant to update."
        )
        id = graphene.ID(description="ID of a product to update.")
        input = ProductVariantInput(
            required=True, description="Fields required to update a product variant."
        )
        sku = graphene.String(description="SKU of a product variant to update.")

    class Meta:
        description = f"Updates an existing variant for product. {MANAGE_PRODUCTS_NOTE}"
        error_type = ProductError
        login_required = True

    @classmethod
    def perform(cls, root, info, input, id=None, sku=None, external_reference=None):
        variant = variant_from_arguments(
            info, id=id, sku=sku, external_reference=external_reference
        )
        changes = variant_changes(input)
        variant = services.update_variant(actor=info.context.user, variant=variant, **changes)
        return cls(product_variant=reloaded(variant))


class ProductVariantDelete(ProductMutation):
    product_variant = graphene.Field(ProductVariant, description="The product variant.")
    product_errors = legacy_errors_field(ProductError)

    class Arguments:
        external_reference = graphene.String(
            description="External ID of a product variant to update."
        )
        id = graphene.ID(description="ID of a product variant to delete.")
        sku = graphene.String(description="SKU of a product variant to delete.")

    class Meta:
        description = f"Deletes a product variant. {MANAGE_PRODUCTS_NOTE}"
        error_type = ProductError
        login_required = True

    @classmethod
    def perform(cls, root, info, id=None, sku=None, external_reference=None):
        variant = variant_from_arguments(
            info, id=id, sku=sku, external_reference=external_reference
        )
        pk = variant.pk
        services.delete_variant(actor=info.context.user, variant=variant)
        # The payload shows the deleted variant with the ID it had.
        variant.pk = pk
        return cls(product_variant=variant)


class ProductVariantStocksUpdate(ProductMutation):
    product_variant = graphene.Field(ProductVariant, description="The product variant.")
    bulk_stock_errors = legacy_errors_field(BulkStockError)

    class Arguments:
        sku = graphene.String(
            description="SKU of product variant for which stocks will be updated."
        )
        stocks = graphene.NonNull(
            graphene.List(graphene.NonNull(StockInput)),
            description=f"Input list of stocks to create or update. {STOCK_NOTE}",
        )
        variant_id = graphene.ID(
            description="ID of a product variant for which stocks will be updated."
        )

    class Meta:
        description = (
            f"Sets the quantity in stock of a variant (held by its booth). {MANAGE_PRODUCTS_NOTE}"
        )
        error_type = BulkStockError
        login_required = True

    @classmethod
    def perform(cls, root, info, stocks, sku=None, variant_id=None):
        if bool(variant_id) == bool(sku):
            raise ProductInputError(
                _("Give exactly one of the arguments 'variantId' and 'sku'."),
                code=ProductErrorCode.GRAPHQL_ERROR,
            )
        variant = services.variant_to_manage(
            actor=info.context.user,
            variant_id=decode_id(variant_id, "ProductVariant", field="variantId")
            if variant_id
            else None,
            sku=sku,
            field="variantId",
        )
        quantity = booth_stock_quantity(stocks, variant.vendor_id)
        if quantity is not None:
            try:
                services.update_stock(actor=info.context.user, variant=variant, quantity=quantity)
            except ProductInputError as error:
                error.index = 0
                raise
        return cls(product_variant=reloaded(variant))
