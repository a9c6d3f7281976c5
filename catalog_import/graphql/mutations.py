"""catalogImportCreate: upload a sheet (and a ZIP of photos) to import into a booth."""

import graphene
from django.utils.translation import gettext as _

from catalog_import import services
from catalog_import.errors import CatalogImportErrorCode
from catalog_import.graphql.types import CatalogImport, CatalogImportError
from marketplace.core.errors import DomainError
from marketplace.graphql.core.ids import resolve_global_id
from marketplace.graphql.core.mutations import BaseMutation
from marketplace.graphql.core.scalars import Upload
from vendors.models import Booth


class CatalogImportCreate(BaseMutation):
    catalog_import = graphene.Field(CatalogImport, description="The import job.")

    class Arguments:
        file = Upload(
            required=True,
            description="The sheet: XLSX, or CSV (UTF-8 or UTF-16, comma or semicolon).",
        )
        images = Upload(description="A ZIP of the photos the sheet names, matched by file name.")
        dry_run = graphene.Boolean(
            default_value=False, description="Check and count every row; write nothing."
        )
        skip_invalid = graphene.Boolean(
            default_value=False,
            description="Write the valid rows even when some rows are invalid (by default "
            "nothing is written then).",
        )
        delete_missing = graphene.Boolean(
            default_value=False,
            description="Delete the booth's products none of whose SKUs is in the file.",
        )
        vendor = graphene.ID(
            description="The booth to import into. Required for staff and for members of "
            "several booths."
        )

    class Meta:
        error_type = CatalogImportError
        login_required = True
        description = (
            "Import a booth's products from a spreadsheet, by SKU: rows with a new SKU create "
            "products, rows with a known SKU update them when something differs. Every row is "
            "checked first. The job runs in the background (inline in the embedded set-up); "
            "follow it with `catalogImport(id)`. For the booth's members and staff who manage "
            "products."
        )

    @classmethod
    def perform_mutation(cls, root, info, file, vendor=None, images=None, **options):
        for name, upload in (("file", file), ("images", images)):
            if upload is not None and not hasattr(upload, "read"):
                raise DomainError(
                    _("Send the file as a multipart upload."),
                    code=CatalogImportErrorCode.INVALID,
                    field=name,
                )
        booth = None
        if vendor:
            booth = Booth.objects.filter(pk=resolve_global_id(vendor, "Vendor")).first()
            if booth is None:
                raise DomainError(
                    _("Booth not found."), code=CatalogImportErrorCode.NOT_FOUND, field="vendor"
                )
        job = services.create_import_job(
            user=info.context.user, booth=booth, file=file, images=images, **options
        )
        return cls(catalog_import=job)
