"""The booth-side product mutations, in Saleor 3's names and shapes.

Each acts on the caller's own booths only (staff with MANAGE_PRODUCTS on any booth): the catalog
services decide through `marketplace.core.permissions`, and another booth's objects are reported
as not found.
"""

import graphene

from marketplace.catalog.graphql.mutations.channels import ProductChannelListingUpdate
from marketplace.catalog.graphql.mutations.media import ProductMediaCreate, ProductMediaDelete
from marketplace.catalog.graphql.mutations.products import (
    ProductCreate,
    ProductDelete,
    ProductUpdate,
)
from marketplace.catalog.graphql.mutations.variants import (
    ProductVariantCreate,
    ProductVariantDelete,
    ProductVariantStocksUpdate,
    ProductVariantUpdate,
)


class ProductMutations(graphene.ObjectType):
    product_create = ProductCreate.Field()
    product_update = ProductUpdate.Field()
    product_delete = ProductDelete.Field()
    product_variant_create = ProductVariantCreate.Field()
    product_variant_update = ProductVariantUpdate.Field()
    product_variant_delete = ProductVariantDelete.Field()
    product_variant_stocks_update = ProductVariantStocksUpdate.Field()
    product_channel_listing_update = ProductChannelListingUpdate.Field()
    product_media_create = ProductMediaCreate.Field()
    product_media_delete = ProductMediaDelete.Field()
