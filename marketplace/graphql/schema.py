"""The API schema: the domain packages' queries and mutations assembled in one place."""

import graphene

from catalog_import.graphql.schema import CatalogImportMutations, CatalogImportQueries
from marketplace.accounts.graphql.schema import AccountMutations, AccountQueries
from marketplace.catalog.graphql.attributes import (
    AssignedBooleanAttribute,
    AssignedFileAttribute,
    AssignedMultiChoiceAttribute,
    AssignedNumericAttribute,
    AssignedPlainTextAttribute,
    AssignedSingleChoiceAttribute,
)
from marketplace.catalog.graphql.mutations import ProductMutations
from marketplace.catalog.graphql.schema import CatalogQueries
from marketplace.certifications.graphql.schema import CertificationMutations, CertificationQueries
from marketplace.channels.graphql import ChannelQueries
from marketplace.checkout.graphql.schema import CheckoutQueries, CheckoutSchemaMutations
from marketplace.content.graphql import EXTRA_TYPES, ContentQueries
from marketplace.curation.graphql.schema import CurationMutations, CurationQueries
from marketplace.orders.graphql.schema import OrderMutations, OrderQueries
from marketplace.payments.graphql import PaymentMutations
from marketplace.privacy.graphql import PrivacyMutations, PrivacyQueries
from vendors.graphql import VendorMutations, VendorQueries


class Query(
    AccountQueries,
    CatalogQueries,
    ChannelQueries,
    ContentQueries,
    VendorQueries,
    PrivacyQueries,
    CertificationQueries,
    CurationQueries,
    CatalogImportQueries,
    CheckoutQueries,
    OrderQueries,
    graphene.ObjectType,
):
    pass


# Each domain adds its mutations class here (one line each).
MUTATIONS: list[type] = [VendorMutations, PrivacyMutations, ProductMutations]
MUTATIONS.append(AccountMutations)
MUTATIONS += [CertificationMutations, CurationMutations]
MUTATIONS.append(CatalogImportMutations)
MUTATIONS += [CheckoutSchemaMutations, OrderMutations]
MUTATIONS.append(PaymentMutations)


def _mutation_type():
    if not MUTATIONS:
        return None
    return type("Mutation", (*MUTATIONS, graphene.ObjectType), {})


schema = graphene.Schema(
    query=Query,
    mutation=_mutation_type(),
    types=[
        AssignedPlainTextAttribute,
        AssignedBooleanAttribute,
        AssignedNumericAttribute,
        AssignedSingleChoiceAttribute,
        AssignedMultiChoiceAttribute,
        AssignedFileAttribute,
        *EXTRA_TYPES,
    ],
)
