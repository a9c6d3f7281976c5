"""productMediaCreate (a photo sent by the GraphQL multipart request spec) and
productMediaDelete. Photos are stored re-encoded, without EXIF, GPS or any other metadata."""

import graphene
from django.utils.translation import gettext as _

from marketplace.catalog import models, services
from marketplace.catalog.graphql.mutations.common import (
    MANAGE_PRODUCTS_NOTE,
    ProductError,
    ProductMutation,
    decode_id,
    legacy_errors_field,
)
from marketplace.catalog.graphql.types import Product, ProductMedia
from marketplace.catalog.services import ProductErrorCode, ProductInputError
from marketplace.graphql.core.scalars import Upload


class ProductMediaCreateInput(graphene.InputObjectType):
    alt = graphene.String(description="Alt text for a product media.")
    image = Upload(
        description="Represents an image file in a multipart request (JPEG, PNG, WEBP or GIF, "
        "10 MB at most)."
    )
    product = graphene.ID(required=True, description="ID of an product.")
    media_url = graphene.String(
        description="Not accepted here: photos are uploaded as files, so that their metadata "
        "can be removed."
    )

    class Meta:
        description = "Fields required to create a product media."


class ProductMediaCreate(ProductMutation):
    product = graphene.Field(Product, description="The product of the media.")
    media = graphene.Field(ProductMedia, description="The media.")
    product_errors = legacy_errors_field(ProductError)

    class Arguments:
        input = ProductMediaCreateInput(
            required=True, description="Fields required to create a product media."
        )

    class Meta:
        description = (
            "Create a media object (a photo) associated with product. This mutation must be "
            "sent as a `multipart` request. More detailed specs of the upload format can be "
            "found here: https://github.com/jaydenseric/graphql-multipart-request-spec . "
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
        if input.get("media_url"):
            raise ProductInputError(
                _("Upload the photo as a file: links to media are not accepted."),
                code=ProductErrorCode.UNSUPPORTED_MEDIA_PROVIDER,
                field="mediaUrl",
            )
        image = input.get("image")
        if image is None:
            raise ProductInputError(
                _("Attach the photo as a file (a multipart request)."),
                code=ProductErrorCode.REQUIRED,
                field="image",
            )
        if not hasattr(image, "read"):
            raise ProductInputError(
                _("Send the photo as a file in a multipart request."),
                code=ProductErrorCode.INVALID,
                field="image",
            )
        media = services.upload_product_media(
            actor=info.context.user, product=product, image=image, alt=input.get("alt") or ""
        )
        return cls(product=models.Product.objects.get(pk=product.pk), media=media)


class ProductMediaDelete(ProductMutation):
    product = graphene.Field(Product, description="The product of the media.")
    media = graphene.Field(ProductMedia, description="The media.")
    product_errors = legacy_errors_field(ProductError)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product media to delete.")

    class Meta:
        description = f"Deletes a product media. {MANAGE_PRODUCTS_NOTE}"
        error_type = ProductError
        login_required = True

    @classmethod
    def perform(cls, root, info, id):
        media = services.media_to_manage(
            actor=info.context.user, media_id=decode_id(id, "ProductMedia", field="id")
        )
        pk, product = media.pk, media.product
        services.delete_media(actor=info.context.user, media=media)
        # The payload shows the deleted media with the ID it had.
        media.pk = pk
        return cls(product=models.Product.objects.get(pk=product.pk), media=media)
