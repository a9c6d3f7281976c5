"""The API: booth members upload a sheet with catalogImportCreate and follow it with
catalogImport(id); staff import into any booth; nobody imports into a booth not theirs."""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from catalog_import.models import ImportJob, ImportJobStatus
from catalog_import.services import run_waiting_import_jobs
from marketplace.catalog.models import ProductMedia, ProductVariant
from marketplace.core.ids import to_global_id
from tests import factories
from tests.catalog_import.conftest import EN_HEADERS, csv_bytes, xlsx_bytes
from vendors.models import BoothMember

CREATE = """
mutation Import($file: Upload!, $images: Upload, $dryRun: Boolean, $vendor: ID) {
  catalogImportCreate(file: $file, images: $images, dryRun: $dryRun, vendor: $vendor) {
    catalogImport { id status progress created updated invalid written vendor { slug } }
    errors { field message code }
  }
}
"""
STATUS = """
query Status($id: ID!) {
  catalogImport(id: $id) {
    status progress fileName rows created updated unchanged invalid deleted dryRun written
    problems { row column sku severity code message value }
  }
}
"""
HONEY = ["MO-1", "Mật ong rừng", "Mật ong", "125.000 ₫", "10", "có"]
SHEET = csv_bytes([EN_HEADERS, HONEY])


def upload(client, variables: dict, files: dict[str, SimpleUploadedFile]):
    """A GraphQL multipart request: `files` maps a variable name to its file."""
    data = {
        "operations": json.dumps(
            {"query": CREATE, "variables": {**variables, **dict.fromkeys(files)}}
        ),
        "map": json.dumps({str(i): [f"variables.{name}"] for i, name in enumerate(files)}),
    }
    for i, upload_file in enumerate(files.values()):
        data[str(i)] = upload_file
    response = client.post("/graphql/", data=data, headers={"accept-language": "en"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert "errors" not in body, body
    return body["data"]["catalogImportCreate"]


def sheet_file(content: bytes = SHEET, name: str = "san-pham.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def member_of(booth, django_user_model, email="thu@example.com", role="member"):
    user = django_user_model.objects.filter(
        email=email
    ).first() or django_user_model.objects.create_user(email, "x")
    BoothMember.objects.create(booth=booth, user=user, role=role)
    return user


def status(graphql_client, job_id: str) -> dict:
    response = graphql_client(STATUS, {"id": job_id}, headers={"accept-language": "en"})
    return response


def test_a_member_imports_into_their_booth_and_follows_the_job(
    client, graphql_client, booth, honey, django_user_model
):
    client.force_login(member_of(booth, django_user_model))

    payload = upload(client, {}, {"file": sheet_file()})

    assert payload["errors"] == []
    job = payload["catalogImport"]
    assert job["status"] == "SUCCEEDED" and job["progress"] == 100
    assert (job["created"], job["invalid"], job["written"]) == (1, 0, True)
    assert job["vendor"]["slug"] == booth.slug
    assert ProductVariant.objects.get(vendor=booth, sku="MO-1").product.name == "Mật ong rừng"

    followed = status(graphql_client, job["id"]).data["catalogImport"]
    assert followed["fileName"] == "san-pham.csv"
    assert (followed["rows"], followed["created"], followed["unchanged"]) == (1, 1, 0)
    assert followed["problems"] == []
    assert not ImportJob.objects.get().file  # the upload is not kept


def test_the_report_comes_back_with_row_column_and_message(
    client, graphql_client, booth, honey, django_user_model
):
    client.force_login(member_of(booth, django_user_model))
    broken = xlsx_bytes([EN_HEADERS, HONEY, ["MO-2", "Mật ong", "Mật ongg", "-1", "1", "có"]])

    job = upload(client, {}, {"file": sheet_file(broken, "san-pham.xlsx")})["catalogImport"]

    assert (job["status"], job["created"], job["invalid"], job["written"]) == (
        "SUCCEEDED",
        0,
        1,
        False,
    )
    problems = status(graphql_client, job["id"]).data["catalogImport"]["problems"]
    assert {(p["row"], p["column"], p["code"], p["severity"]) for p in problems} == {
        (3, "Category", "NOT_FOUND", "ERROR"),
        (3, "Price (VND)", "INVALID", "ERROR"),
    }
    assert any(
        p["message"] == "There is no category “Mật ongg”. Did you mean “Mật ong”?" for p in problems
    )


def test_dry_run_and_images(client, booth, honey, django_user_model):
    client.force_login(member_of(booth, django_user_model))
    headers = ["SKU", "Name", "Category", "Price", "Images"]
    sheet = csv_bytes([headers, ["MO-1", "Mật ong", "Mật ong", "1000", "a.jpg"]])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.jpg", factories.jpeg_with_gps())

    dry = upload(
        client,
        {"dryRun": True},
        {"file": sheet_file(sheet), "images": SimpleUploadedFile("anh.zip", buffer.getvalue())},
    )
    assert dry["catalogImport"]["created"] == 1 and not dry["catalogImport"]["written"]
    assert not booth.products.exists()

    real = upload(
        client,
        {},
        {"file": sheet_file(sheet), "images": SimpleUploadedFile("anh.zip", buffer.getvalue())},
    )
    assert real["catalogImport"]["created"] == 1
    assert ProductMedia.objects.filter(product__vendor=booth).count() == 1


def test_a_member_of_booth_a_cannot_import_into_booth_b(client, booth, honey, django_user_model):
    other = factories.booth("Hợp tác xã khác")
    client.force_login(member_of(booth, django_user_model))

    payload = upload(client, {"vendor": to_global_id("Vendor", other.pk)}, {"file": sheet_file()})

    assert payload["catalogImport"] is None
    assert [e["code"] for e in payload["errors"]] == ["PERMISSION_DENIED"]
    assert not other.products.exists() and not ImportJob.objects.exists()


def test_a_member_of_booth_a_cannot_read_booth_bs_import(
    client, graphql_client, booth, honey, django_user_model
):
    owner = member_of(booth, django_user_model, "owner@example.com", "owner")
    client.force_login(owner)
    job_id = upload(client, {}, {"file": sheet_file()})["catalogImport"]["id"]

    client.force_login(member_of(factories.booth(), django_user_model, "other@example.com"))
    response = status(graphql_client, job_id)

    assert response.data["catalogImport"] is None
    assert response.errors[0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_a_member_of_several_booths_must_say_which(client, booth, honey, django_user_model):
    user = member_of(booth, django_user_model)
    second = factories.booth()
    member_of(second, django_user_model)
    client.force_login(user)

    payload = upload(client, {}, {"file": sheet_file()})
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("vendor", "REQUIRED")]

    payload = upload(client, {"vendor": to_global_id("Vendor", second.pk)}, {"file": sheet_file()})
    assert payload["catalogImport"]["vendor"]["slug"] == second.slug


def test_staff_who_manage_products_import_into_any_booth(
    client, graphql_client, booth, honey, django_user_model
):
    staff = django_user_model.objects.create_user("staff@example.com", "x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="manage_products"))
    client.force_login(staff)

    without_booth = upload(client, {}, {"file": sheet_file()})
    assert [e["code"] for e in without_booth["errors"]] == ["REQUIRED"]

    job = upload(client, {"vendor": to_global_id("Vendor", booth.pk)}, {"file": sheet_file()})[
        "catalogImport"
    ]
    assert job["created"] == 1
    assert status(graphql_client, job["id"]).data["catalogImport"]["created"] == 1


def test_signed_out_users_cannot_import(client, booth, honey):
    payload = upload(client, {"vendor": to_global_id("Vendor", booth.pk)}, {"file": sheet_file()})
    assert [e["code"] for e in payload["errors"]] == ["PERMISSION_DENIED"]


@pytest.mark.parametrize(
    ("files", "field", "code"),
    [
        ({"file": SimpleUploadedFile("catalog.pdf", b"%PDF")}, "file", "UNSUPPORTED_FILE"),
        (
            {
                "file": SimpleUploadedFile("a.csv", SHEET),
                "images": SimpleUploadedFile("a.rar", b"x"),
            },
            "images",
            "UNSUPPORTED_FILE",
        ),
    ],
)
def test_wrong_file_types_are_refused_at_once(
    client, booth, honey, django_user_model, files, field, code
):
    client.force_login(member_of(booth, django_user_model))
    payload = upload(client, {}, files)
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]


def test_a_damaged_workbook_fails_the_job_with_the_reason(
    client, graphql_client, booth, honey, django_user_model
):
    client.force_login(member_of(booth, django_user_model))
    job = upload(client, {}, {"file": sheet_file(b"not a workbook", "san-pham.xlsx")})[
        "catalogImport"
    ]
    assert job["status"] == "FAILED"
    [problem] = status(graphql_client, job["id"]).data["catalogImport"]["problems"]
    assert (problem["row"], problem["code"]) == (None, "UNREADABLE_FILE")


@override_settings(CATALOG_IMPORT_INLINE=False)
def test_in_the_background_jobs_wait_for_a_worker(client, booth, honey, django_user_model):
    client.force_login(member_of(booth, django_user_model))
    job = upload(client, {}, {"file": sheet_file()})["catalogImport"]
    assert (job["status"], job["progress"]) == ("PENDING", 0)
    assert not booth.products.exists()

    assert run_waiting_import_jobs() == 1

    stored = ImportJob.objects.get()
    assert (stored.status, stored.created, stored.progress) == (ImportJobStatus.SUCCEEDED, 1, 100)
    assert booth.products.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_worker_runs_waiting_jobs_outside_any_transaction(channel):
    from django.core.management import call_command

    booth = factories.booth()
    factories.category("Mật ong")
    with override_settings(CATALOG_IMPORT_INLINE=False):
        from catalog_import.services import create_import_job

        staff = _staff()
        job = create_import_job(user=staff, booth=booth, file=sheet_file())
    assert job.status == ImportJobStatus.PENDING

    call_command("import-catalog-worker", verbosity=0)

    job.refresh_from_db()
    assert (job.status, job.progress, job.created) == (ImportJobStatus.SUCCEEDED, 100, 1)
    assert not job.file


def _staff():
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_user("worker@example.com", "x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="manage_products"))
    return get_user_model().objects.get(pk=staff.pk)
