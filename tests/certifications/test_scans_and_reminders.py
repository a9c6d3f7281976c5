"""Scans of certificates stay private to staff; booths hear before their certificates expire."""

import io
import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from marketplace.certifications import services
from marketplace.certifications.models import Certification
from tests import factories
from tests.certifications.builders import certificate, gid, member, staff

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

SUBMIT_WITH_SCAN = """
mutation Submit($input: CertificationCreateInput!) {
  certificationCreate(input: $input) {
    certification { id documentUrl }
    errors { field code message }
  }
}
"""


def submit_with_scan(client, product, content: bytes, name: str):
    """Send certificationCreate as a multipart request, the scan beside the query."""
    operations = {
        "query": SUBMIT_WITH_SCAN,
        "variables": {
            "input": {
                "product": gid("Product", product.pk),
                "kind": "OCOP",
                "stars": 3,
                "code": "QĐ 55",
                "issuer": "UBND tỉnh Gia Lai",
                "issuedAt": "2025-05-01T00:00:00+07:00",
                "document": None,
            }
        },
    }
    response = client.post(
        "/graphql/",
        {
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.document"]}),
            "0": SimpleUploadedFile(name, content),
        },
    )
    return response.json()["data"]["certificationCreate"]


def test_pdf_scan_is_stored_outside_public_media(client):
    product = factories.product()
    client.force_login(member(product.vendor))

    result = submit_with_scan(client, product, PDF, "Nguyen Thi A - chung nhan.pdf")

    assert result["errors"] == []
    assert result["certification"]["documentUrl"] is None  # booths do not get a link
    stored = Certification.objects.get().document
    assert stored.name.endswith(".pdf")
    assert "Nguyen" not in stored.name
    path = stored.path
    assert path.startswith(str(settings.CERTIFICATE_SCANS_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        stored.url  # noqa: B018


def test_photo_scan_loses_its_gps_position(client):
    product = factories.product()
    client.force_login(member(product.vendor))

    result = submit_with_scan(client, product, factories.jpeg_with_gps(), "scan.jpg")

    assert result["errors"] == []
    with Certification.objects.get().document.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert not image.getexif()


def test_a_file_that_is_neither_pdf_nor_image_is_refused(client):
    product = factories.product()
    client.force_login(member(product.vendor))

    result = submit_with_scan(client, product, b"MZ\x90\x00 not a scan", "scan.exe")

    [error] = result["errors"]
    assert (error["field"], error["code"]) == ("document", "INVALID")
    assert not Certification.objects.exists()


def test_too_large_scans_are_refused(client):
    product = factories.product()
    client.force_login(member(product.vendor))

    result = submit_with_scan(client, product, PDF + b"0" * (10 * 1024 * 1024), "big.pdf")

    assert result["errors"][0]["code"] == "TOO_LARGE"


def test_only_staff_verifying_certificates_download_the_scan(client):
    product = factories.product()
    owner = member(product.vendor)
    client.force_login(owner)
    submit_with_scan(client, product, PDF, "scan.pdf")
    certification = Certification.objects.get()
    url = reverse("admin:certifications_certification_document", args=[certification.pk])

    as_owner = client.get(url)
    client.force_login(staff("manage_products"))
    as_other_staff = client.get(url)
    client.force_login(staff("verify_certificates"))
    as_verifier = client.get(url)

    assert as_owner.status_code == 302  # to the staff sign-in
    assert as_other_staff.status_code == 403
    assert as_verifier.status_code == 200
    assert b"".join(as_verifier.streaming_content) == PDF
    assert as_verifier["Content-Type"] == "application/pdf"
    assert "attachment" in as_verifier["Content-Disposition"]


def test_staff_see_a_link_to_the_scan(client, graphql_client):
    product = factories.product()
    client.force_login(member(product.vendor))
    submit_with_scan(client, product, PDF, "scan.pdf")
    client.force_login(staff("verify_certificates"))

    answer = graphql_client("{ certifications(first: 1) { edges { node { documentUrl } } } }")

    url = answer.data["certifications"]["edges"][0]["node"]["documentUrl"]
    assert url.endswith(
        f"/admin/certifications/certification/{Certification.objects.get().pk}/document/"
    )


def test_reminders_go_60_and_14_days_before_expiry_once_each(settings):
    booth = factories.booth("Tổ hợp tác Mây tre", contact_email="nhom@example.org")
    member(booth, email="owner@example.org", language="en")
    now = timezone.now()
    certificate(
        kind="vietgap", vendor=booth, code="VietGAP-01", expires_at=now + timedelta(days=59)
    )
    certificate(
        kind="vietgap", vendor=booth, code="VietGAP-02", expires_at=now + timedelta(days=200)
    )

    assert services.send_expiry_reminders(now=now) == 1
    assert services.send_expiry_reminders(now=now) == 0
    assert sorted(message.to[0] for message in mail.outbox) == [
        "nhom@example.org",
        "owner@example.org",
    ]
    english = next(m for m in mail.outbox if m.to == ["owner@example.org"])
    vietnamese = next(m for m in mail.outbox if m.to == ["nhom@example.org"])
    assert "VietGAP-01" in english.subject and "expires in 59 days" in english.subject
    assert "sẽ hết hạn" in vietnamese.subject
    assert "Tổ hợp tác Mây tre" in vietnamese.body

    mail.outbox.clear()
    later = now + timedelta(days=46)  # 13 days left
    assert services.send_expiry_reminders(now=later) == 1
    assert services.send_expiry_reminders(now=later) == 0
    assert all("13" in message.subject for message in mail.outbox)


def test_a_certificate_verified_late_gets_only_the_14_day_reminder():
    booth = factories.booth(contact_email="nhom@example.org")
    now = timezone.now()
    certificate(kind="vietgap", vendor=booth, expires_at=now + timedelta(days=10))

    assert services.send_expiry_reminders(now=now) == 1
    assert services.send_expiry_reminders(now=now + timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


def test_unverified_certificates_get_no_reminder():
    booth = factories.booth(contact_email="nhom@example.org")
    certificate(
        kind="vietgap", vendor=booth, expires_at=timezone.now() + timedelta(days=5), verified=False
    )
    assert services.send_expiry_reminders() == 0
    assert mail.outbox == []
