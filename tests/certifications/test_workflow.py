"""Certificates: a booth submits, staff verify or reject, staff revoke; only verified ones show."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.certifications import services
from marketplace.certifications.models import Certification, CertificationStatus
from marketplace.core.errors import DomainError
from marketplace.core.permissions import SYSTEM
from tests import factories
from tests.certifications.builders import certificate, gid, member, staff
from vendors.models import BoothMember, BoothRole

pytestmark = pytest.mark.django_db

CREATE = """
mutation Submit($input: CertificationCreateInput!) {
  certificationCreate(input: $input) {
    certification { id kind stars code issuer issuingLevel status verified expiresAt }
    errors { field code message }
  }
}
"""

DECIDE = """
mutation Decide($id: ID!) {
  certificationVerify(id: $id) {
    certification { id status verified }
    errors { field code message }
  }
}
"""

REJECT = """
mutation Reject($id: ID!, $reason: String!) {
  certificationReject(id: $id, reason: $reason) {
    certification { id status statusReason }
    errors { field code message }
  }
}
"""

REVOKE = """
mutation Revoke($id: ID!, $reason: String!) {
  certificationRevoke(id: $id, reason: $reason) {
    certification { id status verified }
    errors { field code message }
  }
}
"""

BADGES = """
query Badges($slug: String!) {
  product(slug: $slug, channel: "default-channel") {
    certifications { kind stars code issuer issuedAt expiresAt verified }
  }
}
"""


def badges(graphql_client, product) -> list[dict]:
    response = graphql_client(BADGES, {"slug": product.slug})
    assert response.errors is None, response.errors
    return response.data["product"]["certifications"]


def ocop_input(certified, **changes) -> dict:
    return {
        "product": gid("Product", certified.pk),
        "kind": "OCOP",
        "stars": 4,
        "code": "QĐ 1234/QĐ-UBND",
        "issuer": "UBND tỉnh Gia Lai",
        "productGroup": "Thực phẩm",
        "issuedAt": "2025-03-01T00:00:00+07:00",
        **changes,
    }


def test_booth_submits_staff_verifies_and_the_badge_shows(client, graphql_client):
    product = factories.product("Mật ong rừng")
    client.force_login(member(product.vendor))

    submitted = graphql_client(CREATE, {"input": ocop_input(product)})

    payload = submitted.data["certificationCreate"]
    assert payload["errors"] == []
    assert payload["certification"]["status"] == "SUBMITTED"
    assert payload["certification"]["verified"] is False
    assert payload["certification"]["issuingLevel"] == "PROVINCE"
    assert badges(graphql_client, product) == []

    client.force_login(staff("verify_certificates"))
    verified = graphql_client(DECIDE, {"id": payload["certification"]["id"]})

    assert verified.data["certificationVerify"]["errors"] == []
    assert verified.data["certificationVerify"]["certification"]["status"] == "VERIFIED"
    client.logout()
    [badge] = badges(graphql_client, product)
    assert badge["kind"] == "OCOP"
    assert badge["stars"] == 4
    assert badge["code"] == "QĐ 1234/QĐ-UBND"
    assert badge["issuer"] == "UBND tỉnh Gia Lai"
    assert badge["verified"] is True
    assert badge["issuedAt"].startswith("2025-02-28T17:00:00")
    # No end date on the certificate: OCOP ratings last 36 months (1 March 2028, Vietnam time).
    assert badge["expiresAt"].startswith("2028-02-29T17:00:00")


def test_vietgap_lasts_about_two_years_and_organic_must_say_until_when():
    booth = factories.booth()
    issued = timezone.now() - timedelta(days=10)

    vietgap = certificate(
        kind="vietgap", vendor=booth, code="VietGAP-TT-13-09-68-0096", issued_at=issued
    )

    assert vietgap.expires_at == services.add_months(issued, 24)
    with pytest.raises(DomainError) as refused:
        certificate(kind="organic", vendor=booth, issuer="Control Union", standard="TCVN 11041")
    assert (refused.value.code, refused.value.field) == ("REQUIRED", "expiresAt")


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"stars": 2}, "stars", "INVALID"),
        ({"stars": None}, "stars", "REQUIRED"),
        ({"stars": 5, "issuingLevel": "PROVINCE"}, "issuingLevel", "INVALID"),
        ({"product": None}, "vendor", "REQUIRED"),
        ({"code": "  "}, "code", "REQUIRED"),
        ({"issuedAt": "2099-01-01T00:00:00+07:00"}, "issuedAt", "INVALID"),
        ({"expiresAt": "2025-01-01T00:00:00+07:00"}, "expiresAt", "INVALID"),
    ],
)
def test_submission_is_checked(client, graphql_client, changes, field, code):
    product = factories.product()
    client.force_login(member(product.vendor))

    answer = graphql_client(CREATE, {"input": ocop_input(product, **changes)})

    [error] = answer.data["certificationCreate"]["errors"]
    assert (error["field"], error["code"]) == (field, code)
    assert not Certification.objects.exists()


def test_ocop_for_a_booth_without_a_product_is_refused(client, graphql_client):
    booth = factories.booth()
    client.force_login(member(booth))
    spec = ocop_input(factories.product(vendor=booth), product=None, vendor=gid("Vendor", booth.pk))

    answer = graphql_client(CREATE, {"input": spec})

    [error] = answer.data["certificationCreate"]["errors"]
    assert (error["field"], error["code"]) == ("product", "REQUIRED")


def test_five_stars_are_awarded_centrally(client, graphql_client):
    product = factories.product()
    client.force_login(member(product.vendor))

    answer = graphql_client(CREATE, {"input": ocop_input(product, stars=5)})

    assert answer.data["certificationCreate"]["certification"]["issuingLevel"] == "CENTRAL"


def test_the_same_certificate_cannot_be_submitted_twice():
    product = factories.product()
    certificate(product=product, code="QĐ 77", verified=False)

    with pytest.raises(DomainError) as refused:
        certificate(product=product, code="qđ 77", verified=False)

    assert refused.value.code == "UNIQUE"


def test_rejection_reason_is_for_the_booth_and_the_badge_never_shows(client, graphql_client):
    product = factories.product()
    submitted = certificate(product=product, verified=False)
    client.force_login(staff("verify_certificates"))

    answer = graphql_client(
        REJECT, {"id": gid("Certification", submitted.pk), "reason": "Bản scan bị mờ"}
    )

    result = answer.data["certificationReject"]
    assert result["errors"] == []
    assert result["certification"]["status"] == "REJECTED"
    assert result["certification"]["statusReason"] == "Bản scan bị mờ"
    client.force_login(member(product.vendor))
    own = graphql_client("{ certifications(first: 5) { edges { node { status statusReason } } } }")
    assert own.data["certifications"]["edges"] == [
        {"node": {"status": "REJECTED", "statusReason": "Bản scan bị mờ"}}
    ]
    client.logout()
    assert badges(graphql_client, product) == []


def test_a_reason_is_required_to_reject_or_revoke(client, graphql_client):
    submitted = certificate(product=factories.product(), verified=False)
    client.force_login(staff("verify_certificates"))

    answer = graphql_client(REJECT, {"id": gid("Certification", submitted.pk), "reason": " "})

    [error] = answer.data["certificationReject"]["errors"]
    assert (error["field"], error["code"]) == ("reason", "REQUIRED")


def test_revoking_hides_the_badge_at_once(client, graphql_client):
    product = factories.product()
    verified = certificate(product=product)
    assert len(badges(graphql_client, product)) == 1
    client.force_login(staff("verify_certificates"))

    answer = graphql_client(
        REVOKE, {"id": gid("Certification", verified.pk), "reason": "Sở thu hồi quyết định"}
    )

    assert answer.data["certificationRevoke"]["certification"]["status"] == "REVOKED"
    client.logout()
    assert badges(graphql_client, product) == []


def test_only_verified_certificates_can_be_revoked_and_only_submitted_ones_verified(
    client, graphql_client
):
    product = factories.product()
    submitted = certificate(product=product, verified=False)
    verified = certificate(product=product)
    client.force_login(staff("verify_certificates"))

    again = graphql_client(DECIDE, {"id": gid("Certification", verified.pk)})
    early = graphql_client(REVOKE, {"id": gid("Certification", submitted.pk), "reason": "?"})

    assert again.data["certificationVerify"]["errors"][0]["code"] == "INVALID_STATUS_CHANGE"
    assert early.data["certificationRevoke"]["errors"][0]["code"] == "INVALID_STATUS_CHANGE"


@pytest.mark.parametrize("who", ["owner", "staff-without-permission", "staff-member-of-booth"])
def test_a_booth_cannot_verify_its_own_certificate(client, graphql_client, who):
    product = factories.product()
    submitted = certificate(product=product, verified=False)
    if who == "owner":
        user = member(product.vendor)
    elif who == "staff-without-permission":
        user = staff("manage_products")
    else:
        user = staff("verify_certificates")
        BoothMember.objects.create(booth=product.vendor, user=user, role=BoothRole.MEMBER)
    client.force_login(user)

    answer = graphql_client(DECIDE, {"id": gid("Certification", submitted.pk)})

    [error] = answer.data["certificationVerify"]["errors"]
    assert error["code"] in {"PERMISSION_DENIED", "NOT_FOUND"}
    submitted.refresh_from_db()
    assert submitted.status == CertificationStatus.SUBMITTED


def test_anonymous_and_other_booths_cannot_submit(client, graphql_client):
    product = factories.product()
    anonymous = graphql_client(CREATE, {"input": ocop_input(product)})
    client.force_login(member(factories.booth()))
    stranger = graphql_client(CREATE, {"input": ocop_input(product)})

    assert anonymous.data["certificationCreate"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert stranger.data["certificationCreate"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert not Certification.objects.exists()


def test_staff_list_every_certificate_members_their_own_anonymous_none(client, graphql_client):
    mine, theirs = factories.booth("Nhóm A"), factories.booth("Nhóm B")
    certificate(kind="vietgap", vendor=mine, code="VietGAP-A", verified=False)
    certificate(kind="vietgap", vendor=theirs, code="VietGAP-B")
    query = "{ certifications(first: 10) { totalCount edges { node { code } } } }"

    assert graphql_client(query).errors
    client.force_login(member(mine))
    assert graphql_client(query).data["certifications"]["totalCount"] == 1
    client.force_login(staff("verify_certificates"))
    assert graphql_client(query).data["certifications"]["totalCount"] == 2
    waiting = graphql_client(
        "{ certifications(first: 10, filter: {statuses: [SUBMITTED]}) { edges { node { code } } } }"
    )
    assert waiting.data["certifications"]["edges"] == [{"node": {"code": "VietGAP-A"}}]


def test_verifying_is_recorded_with_who_decided():
    submitted = certificate(product=factories.product(), verified=False)
    decider = staff("verify_certificates")

    services.verify_certificate(actor=decider, certification=submitted)

    decision = submitted.decisions.get()
    assert (decision.from_status, decision.to_status) == ("submitted", "verified")
    assert decision.decided_by == decider


def test_system_may_submit_for_any_booth():
    booth = factories.booth()
    submitted = services.submit_certificate(
        actor=SYSTEM,
        kind="vietgap",
        vendor=booth,
        code="VietGAP-TT-01",
        issuer="Trung tâm Chứng nhận",
        issued_at=timezone.now(),
    )
    assert submitted.status == CertificationStatus.SUBMITTED


def test_staff_who_submitted_a_certificate_cannot_verify_it_themselves(client, graphql_client):
    product = factories.product()
    officer = staff("verify_certificates")
    submitted = certificate(product=product, verified=False)
    Certification.objects.filter(pk=submitted.pk).update(submitted_by=officer)
    client.force_login(officer)

    answer = graphql_client(DECIDE, {"id": gid("Certification", submitted.pk)})

    [error] = answer.data["certificationVerify"]["errors"]
    assert error["code"] == "PERMISSION_DENIED"
    submitted.refresh_from_db()
    assert submitted.status == CertificationStatus.SUBMITTED
    client.force_login(staff("verify_certificates", email="second@example.org"))
    second = graphql_client(DECIDE, {"id": gid("Certification", submitted.pk)})
    assert second.data["certificationVerify"]["errors"] == []
