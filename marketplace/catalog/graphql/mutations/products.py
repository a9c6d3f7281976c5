"""productCreate, productUpdate and productDelete, scoped to the caller's booths."""

import graphene

from marketplace.catalog import models, services
from marketplace.catalog.graphql.mutations.attribute_input import (
    AttributeValueInput,
    attribute_specs,
)
from marketplace.catalog.graphql.mutations.common import (
    MANAGE_PRODUCTS_NOTE,
    MetadataInput,
    ProductError,
    ProductMutation,
    SeoInput,
    WeightScalar,
    decode_id,
    fetch,
    fetch_many,
    legacy_errors_field,
    one_of_id,
    refuse_unstored_fields,
)
from marketplace.catalog.graphql.types import Product
from vendors.models import Booth

TAXES_IGNORED = "Ignored: prices in VND include VAT."


class ProductInput(graphene.InputObjectType):
    attributes = graphene.List(
        graphene.NonNull(AttributeValueInput),
        description="List of attributes. The values of the attributes named replace their "
        "current values; other attributes keep theirs.",
    )
    category = graphene.ID(description="ID of the product's category.")
    charge_taxes = graphene.Boolean(
        description=TAXES_IGNORED,
        deprecation_reason="Use `Channel.taxConfiguration` to configure whether tax collection "
        "is enabled.",
    )
    collections = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of IDs of collections that the product belongs to (staff curators "
        "only: collections are curated campaigns).",
    )
    description = graphene.JSONString(
        description="Product description.\n\nRich text format. For reference see "
        "https://editorjs.io/"
    )
    name = graphene.String(description="Product name.")
    slug = graphene.String(description="Product slug; made from the name when not given.")
    tax_class = graphene.ID(description=TAXES_IGNORED)
    tax_code = graphene.String(
        description=TAXES_IGNORED,
        deprecation_reason="Use tax classes to control the tax calculation for a product.",
    )
    seo = SeoInput(description="Search engine optimization fields.")
    weight = WeightScalar(description="Weight of the Product.")
    rating = graphene.Float(
        description="Defines the product rating value (staff with MANAGE_PRODUCTS only)."
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

    class Meta:
        description = "Fields of a product; those left out stay as they are."


class ProductCreateInput(ProductInput):
    product_type = graphene.ID(required=True, description="ID of the type that product belongs to.")
    vendor = graphene.ID(
        description="ID of the booth (`Vendor`) the product belongs to. Required for staff and "
        "for members of several booths; a member of one booth may leave it out."
    )

    class Meta:
        description = "Fields required to create a product, and the booth it belongs to."


def product_changes(data) -> dict:
    """The services' keyword arguments for the fields given in a ProductInput."""
    refuse_unstored_fields(data)
    changes = {}
    for name in ("name", "slug", "description", "rating"):
        if name in data:
            changes[name] = data[name]
    if "weight" in data:
        changes["weight_grams"] = data["weight"]
    if "category" in data:
        changes["category"] = (
            fetch(models.Category, data["category"], "Category", field="category")
            if data["category"]
            else None
        )
    if data.get("seo") is not None:
        if "title" in data["seo"]:
            changes["seo_title"] = data["seo"]["title"]
        if "description" in data["seo"]:
            changes["seo_description"] = data["seo"]["description"]
    if data.get("attributes") is not None:
        changes["attributes"] = attribute_specs(data["attributes"])
    if data.get("collections") is not None:
        changes["collections"] = fetch_many(
            models.Collection, data["collections"], "Collection", field="collections"
        )
    return changes


def reloaded(product: models.Product) -> models.Product:
    """The product as stored now, without relations cached before the change."""
    return models.Product.objects.get(pk=product.pk)


class ProductCreate(ProductMutation):
    product = graphene.Field(Product, description="The product.")
    product_errors = legacy_errors_field(ProductError)

    class Arguments:
        input = ProductCreateInput(
            required=True, description="Fields required to create a product."
        )

    class Meta:
        description = f"Creates a new product in a booth. {MANAGE_PRODUCTS_NOTE}"
        error_type = ProductError
        login_required = True

    @classmethod
    def perform(cls, root, info, input):
        vendor = (
            fetch(Booth, input["vendor"], "Vendor", field="vendor") if input.get("vendor") else None
        )
        product_type = fetch(
            models.ProductType, input["product_type"], "ProductType", field="productType"
        )
        changes = product_changes(input)
        product = services.add_product(
            actor=info.context.user,
            vendor=vendor,
            product_type=product_type,
            name=changes.pop("name", ""),
            **changes,
        )
        return cls(product=reloaded(product))


class ProductUpdate(ProductMutation):
    product = graphene.Field(Product, description="The product.")
    product_errors = legacy_errors_field(ProductError)

    class Arguments:
        id = graphene.ID(description="ID of a product to update.")
        external_reference = graphene.String(description="External ID of a product to update.")
        input = ProductInput(required=True, description="Fields required to update a product.")

    class Meta:
        description = f"Updates an existing product. {MANAGE_PRODUCTS_NOTE}"
        error_type = ProductError
        login_required = True

    @classmethod
    def perform(cls, root, info, input, id=None, external_reference=None):
        one_of_id(id=id, external_reference=external_reference)
        product = services.product_to_manage(
            actor=info.context.user, product_id=decode_id(id, "Product", field="id")
        )
        changes = product_changes(input)
        product = services.update_product(actor=info.context.user, product=product, **changes)
        return cls(product=reloaded(product))


class ProductDelete(ProductMutation):
    product = graphene.Field(Product, description="The product.")
    product_errors = legacy_errors_field(ProductError)

    class Arguments:
        external_reference = graphene.String(description="External ID of a product to delete.")
        id = graphene.ID(description="ID of a product to delete.")

    class Meta:
        description = (
            f"Deletes a product with its variants, stock, prices and photos. {MANAGE_PRODUCTS_NOTE}"
        )
        error_type = ProductError
        login_required = True

    @classmethod
    def perform(cls, root, info, id=None, external_reference=None):
        one_of_id(id=id, external_reference=external_reference)
        product = services.product_to_manage(
            actor=info.context.user, product_id=decode_id(id, "Product", field="id")
        )
        pk = product.pk
        services.delete_product(actor=info.context.user, product=product)
        # The payload shows the deleted product with the ID it had.
        product.pk = pk
        return cls(product=product)
