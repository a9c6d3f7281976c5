"""Badges in a list cost no query per product; staff verify in bulk in the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from marketplace.certifications.models import Certification, CertificationStatus
from tests import factories
from tests.certifications.builders import certificate, member, staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_answer_cache")]

LIST_WITH_BADGES = """
query Grid($first: Int!) {
  products(first: $first, channel: "default-channel") {
    edges {
      node {
        name
        certifications { kind stars code issuer issuedAt expiresAt verified }
        vendor { name certifications { kind code } }
      }
    }
  }
}
"""


def _catalog(size: int) -> None:
    booths = [factories.booth(f"Nhóm {n}") for n in range(4)]
    for booth in booths[:2]:
        certificate(kind="vietgap", vendor=booth)
    for number in range(size):
        product = factories.product(f"Sản phẩm {number}", vendor=booths[number % 4])
        if number % 3 == 0:
            certificate(product=product, stars=3 + number % 3)


def _count(graphql_client, size: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = graphql_client(LIST_WITH_BADGES, {"first": size})
    assert response.errors is None, response.errors
    edges = response.data["products"]["edges"]
    assert len(edges) == size
    assert any(edge["node"]["certifications"] for edge in edges)
    return len(captured.captured_queries)


def test_badges_of_100_products_cost_the_same_queries_as_5(graphql_client):
    _catalog(100)
    assert _count(graphql_client, 5) == _count(graphql_client, 100)


@pytest.fixture
def verifier_client(client):
    client.force_login(staff("verify_certificates"))
    return client


def test_certificate_admin_lists_searches_and_filters(verifier_client):
    product = factories.product("Mật ong rừng")
    certificate(product=product, code="QĐ-2024-77")

    changelist = reverse("admin:certifications_certification_changelist")
    assert verifier_client.get(changelist).status_code == 200
    assert verifier_client.get(changelist, {"q": "QĐ-2024"}).status_code == 200
    assert verifier_client.get(changelist, {"public": "yes", "kind": "ocop"}).status_code == 200
    page = verifier_client.get(
        reverse("admin:certifications_certification_change", args=[Certification.objects.get().pk])
    )
    assert page.status_code == 200


def test_bulk_verify_and_reject_with_a_reason_in_the_admin(verifier_client):
    product = factories.product()
    first = certificate(product=product, code="A", verified=False)
    second = certificate(product=product, code="B", verified=False)
    third = certificate(product=product, code="C", verified=False)
    changelist = reverse("admin:certifications_certification_changelist")

    verifier_client.post(
        changelist,
        {"action": "verify_selected", "_selected_action": [first.pk, second.pk], "reason": ""},
    )
    verifier_client.post(
        changelist,
        {"action": "reject_selected", "_selected_action": [third.pk], "reason": "Hết hạn"},
    )

    statuses = dict(Certification.objects.values_list("code", "status"))
    assert statuses == {
        "A": CertificationStatus.VERIFIED,
        "B": CertificationStatus.VERIFIED,
        "C": CertificationStatus.REJECTED,
    }
    assert Certification.objects.get(code="C").status_reason == "Hết hạn"


def test_the_certificate_admin_is_closed_to_staff_without_the_permission(client):
    certificate(product=factories.product(), verified=False)
    client.force_login(staff("manage_products"))

    response = client.get(reverse("admin:certifications_certification_changelist"))

    assert response.status_code == 403


def test_booth_members_cannot_use_the_admin_to_verify(client):
    product = factories.product()
    submitted = certificate(product=product, verified=False)
    client.force_login(member(product.vendor))

    client.post(
        reverse("admin:certifications_certification_changelist"),
        {"action": "verify_selected", "_selected_action": [submitted.pk]},
    )

    submitted.refresh_from_db()
    assert submitted.status == CertificationStatus.SUBMITTED
