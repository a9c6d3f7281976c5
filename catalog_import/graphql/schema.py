"""The catalog import's queries and mutations, assembled by marketplace.graphql.schema."""

import graphene

from catalog_import import selectors
from catalog_import.graphql.mutations import CatalogImportCreate
from catalog_import.graphql.types import CatalogImport
from marketplace.graphql.core.ids import resolve_global_id


class CatalogImportQueries(graphene.ObjectType):
    catalog_import = graphene.Field(
        CatalogImport,
        id=graphene.ID(required=True, description="ID of the import job."),
        description="An import job: status, progress, counts and the report. For the booth's "
        "members and staff who manage products.",
    )

    @staticmethod
    def resolve_catalog_import(root, info, id):
        return selectors.import_job(
            user=info.context.user, pk=resolve_global_id(id, "CatalogImport")
        )


class CatalogImportMutations(graphene.ObjectType):
    catalog_import_create = CatalogImportCreate.Field()
