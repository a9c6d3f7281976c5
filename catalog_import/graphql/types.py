"""The import job in the API: status, progress, counts and the report."""

import graphene

from catalog_import import models
from catalog_import.errors import CatalogImportErrorCode, Problem, Severity
from marketplace.graphql.core.mutations import error_type
from marketplace.graphql.core.types import ModelObjectType

CatalogImportErrorCodeEnum = graphene.Enum.from_enum(
    CatalogImportErrorCode, description="Error codes of catalog imports and of their reports."
)
CatalogImportError = error_type("CatalogImportError", CatalogImportErrorCodeEnum)
CatalogImportStatusEnum = graphene.Enum(
    "CatalogImportStatusEnum",
    [(status.name, status.value) for status in models.ImportJobStatus],
)
CatalogImportSeverityEnum = graphene.Enum(
    "CatalogImportSeverityEnum", [(severity.name, severity.value) for severity in Severity]
)
_CODES = {code.value for code in CatalogImportErrorCode}


class CatalogImportProblem(graphene.ObjectType):
    row = graphene.Int(
        description="Row of the sheet, as the spreadsheet numbers it (the header is row 1); "
        "null for the file as a whole."
    )
    column = graphene.String(required=True, description="The column, as the sheet names it.")
    sku = graphene.String(required=True, description="SKU of the row, when it has one.")
    severity = graphene.Field(
        CatalogImportSeverityEnum,
        required=True,
        description="ERROR: the row was not written. WARNING: the row was written without "
        "something (an image). INFO: a note.",
    )
    code = graphene.Field(CatalogImportErrorCodeEnum, required=True, description="Error code.")
    message = graphene.String(
        required=True, description="What is wrong and how to fix it, in the uploader's language."
    )
    value = graphene.String(required=True, description="The cell's content, when it matters.")

    class Meta:
        description = "One line of an import report."

    @staticmethod
    def resolve_code(root: Problem, info):
        code = str(root.code)
        return code if code in _CODES else CatalogImportErrorCode.INVALID.value

    @staticmethod
    def resolve_severity(root: Problem, info):
        return str(root.severity)


class CatalogImport(ModelObjectType):
    vendor = graphene.Field(
        "vendors.graphql.Vendor", required=True, description="The booth imported into."
    )
    status = graphene.Field(CatalogImportStatusEnum, required=True, description="Job status.")
    progress = graphene.Int(required=True, description="Percentage done, 0 to 100.")
    file_name = graphene.String(required=True, description="Name of the uploaded sheet.")
    dry_run = graphene.Boolean(required=True, description="Checked and counted, not written.")
    skip_invalid = graphene.Boolean(
        required=True, description="Whether the valid rows are written when some are invalid."
    )
    delete_missing = graphene.Boolean(
        required=True, description="Whether products missing from the file are deleted."
    )
    written = graphene.Boolean(
        required=True,
        description="Whether the rows were written: false for dry runs, for files with invalid "
        "rows (unless skipInvalid) and for failed jobs.",
    )
    rows = graphene.Int(required=True, description="Product rows in the sheet.")
    created = graphene.Int(required=True, description="Products created.")
    updated = graphene.Int(required=True, description="Products changed.")
    unchanged = graphene.Int(required=True, description="Rows equal to what was stored.")
    invalid = graphene.Int(required=True, description="Rows with errors, not written.")
    deleted = graphene.Int(required=True, description="Products deleted (deleteMissing).")
    problems = graphene.List(
        graphene.NonNull(CatalogImportProblem),
        required=True,
        description="The report: every problem with its row and column.",
    )
    created_at = graphene.DateTime(required=True, description="When the file was uploaded.")
    started_at = graphene.DateTime(description="When the import started.")
    finished_at = graphene.DateTime(description="When the import finished.")

    class Meta:
        model = models.ImportJob
        interfaces = (graphene.relay.Node,)
        description = (
            "An import of products from a spreadsheet into a booth. Visible to the booth's "
            "members and to staff who manage products."
        )

    @staticmethod
    def resolve_vendor(root: models.ImportJob, info):
        return root.booth

    @staticmethod
    def resolve_status(root: models.ImportJob, info):
        return str(root.status)

    @staticmethod
    def resolve_problems(root: models.ImportJob, info):
        return [Problem.from_dict(item) for item in root.problems or []]
