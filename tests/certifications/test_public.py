"""What shoppers see of certificates: badges, filters and search, with expiry to the instant."""

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from marketplace.certifications.models import Certification, CertificationStatus
from marketplace.search import get_search_backend
from tests import factories
from tests.certifications.builders import certificate, gid, listed_names, member

pytestmark = pytest.mark.django_db

BADGES = """
query Badges($slug: String!) {
  product(slug: $slug, channel: "default-channel") {
    certifications { kind stars code verified }
  }
}
"""

VENDOR_BADGES = """
query Booth($slug: String!) {
  vendor(slug: $slug) { certifications { kind stars code } }
}
"""


def badges(graphql_client, product) -> list[dict]:
    response = graphql_client(BADGES, {"slug": product.slug})
    assert response.errors is None, response.errors
    return response.data["product"]["certifications"]


@pytest.fixture
def frozen(monkeypatch):
    """Set the clock: `frozen(moment)`; everything reading timezone.now() sees it."""

    def set_clock(moment: datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_clock


def test_expired_ocop_certificate_hides_badge_at_its_expiry_instant(graphql_client, frozen):
    product = factories.product("Mật ong rừng")
    expiry = timezone.now() + timedelta(days=3)
    certificate(product=product, expires_at=expiry)

    frozen(expiry - timedelta(microseconds=1))
    assert [badge["kind"] for badge in badges(graphql_client, product)] == ["OCOP"]
    assert listed_names(graphql_client, filter={"certifications": ["OCOP"]}) == ["Mật ong rừng"]

    frozen(expiry)  # expiresAt == now: expired, before any job has run
    assert badges(graphql_client, product) == []
    assert listed_names(graphql_client, filter={"certifications": ["OCOP"]}) == []
    assert Certification.objects.get().status == CertificationStatus.VERIFIED


def test_expired_certificate_reads_as_expired_to_its_booth_before_the_job(
    client, graphql_client, frozen
):
    product = factories.product()
    expiry = timezone.now() + timedelta(days=1)
    certificate(product=product, expires_at=expiry)
    client.force_login(member(product.vendor))

    frozen(expiry + timedelta(seconds=1))
    answer = graphql_client("{ certifications(first: 5) { edges { node { status verified } } } }")

    assert answer.data["certifications"]["edges"] == [
        {"node": {"status": "EXPIRED", "verified": False}}
    ]


def test_vietgap_of_a_booth_shows_on_each_of_its_products_and_on_the_booth(graphql_client):
    booth = factories.booth("HTX Rau an toàn")
    lettuce = factories.product("Xà lách", vendor=booth)
    cabbage = factories.product("Bắp cải", vendor=booth)
    elsewhere = factories.product("Cải của nhóm khác")
    certificate(kind="vietgap", vendor=booth, code="VietGAP-TT-13-09-68-0096")
    certificate(product=cabbage, stars=3, code="OCOP-3")

    assert [b["code"] for b in badges(graphql_client, lettuce)] == ["VietGAP-TT-13-09-68-0096"]
    assert [b["code"] for b in badges(graphql_client, cabbage)] == [
        "OCOP-3",
        "VietGAP-TT-13-09-68-0096",
    ]
    assert badges(graphql_client, elsewhere) == []
    booth_badges = graphql_client(VENDOR_BADGES, {"slug": booth.slug}).data["vendor"]
    assert booth_badges["certifications"] == [
        {"kind": "OCOP", "stars": 3, "code": "OCOP-3"},
        {"kind": "VIETGAP", "stars": None, "code": "VietGAP-TT-13-09-68-0096"},
    ]


def test_unverified_rejected_and_revoked_certificates_are_not_public(graphql_client):
    from marketplace.certifications import services
    from marketplace.core.permissions import SYSTEM

    product = factories.product()
    certificate(product=product, code="waiting", verified=False)
    rejected = certificate(product=product, code="rejected", verified=False)
    services.reject_certificate(actor=SYSTEM, certification=rejected, reason="Sai số")
    revoked = certificate(product=product, code="revoked")
    services.revoke_certificate(actor=SYSTEM, certification=revoked, reason="Thu hồi")

    assert badges(graphql_client, product) == []
    assert listed_names(graphql_client, filter={"certifications": ["OCOP"]}) == []


@pytest.fixture
def shelf(channel):
    """Products with OCOP 3, 4 and 5 stars, a VietGAP booth's product and one without."""
    three, four, five = (factories.product(name) for name in ("Trà", "Mật ong", "Cà phê"))
    certificate(product=three, stars=3, code="QĐ-ba")
    certificate(product=four, stars=4, code="QĐ-bon")
    certificate(product=five, stars=5, code="QĐ-nam")
    gap_booth = factories.booth("HTX VietGAP")
    factories.product("Rau VietGAP", vendor=gap_booth)
    certificate(kind="vietgap", vendor=gap_booth)
    factories.product("Không chứng nhận")
    return {"four": four}


def test_filter_by_certification_kind(shelf, graphql_client):
    names = listed_names(graphql_client, filter={"certifications": ["VIETGAP"]})
    assert names == ["Rau VietGAP"]
    both = set(listed_names(graphql_client, filter={"certifications": ["OCOP", "VIETGAP"]}))
    assert both == {"Trà", "Mật ong", "Cà phê", "Rau VietGAP"}


def test_filter_by_ocop_stars(shelf, graphql_client):
    at_least_four = listed_names(
        graphql_client, filter={"certifications": ["OCOP"], "ocopStars": {"gte": 4}}
    )
    exactly_three = listed_names(graphql_client, filter={"ocopStars": {"gte": 3, "lte": 3}})

    assert set(at_least_four) == {"Mật ong", "Cà phê"}
    assert exactly_three == ["Trà"]


def test_where_by_certification_and_stars(shelf, graphql_client):
    four_up = listed_names(graphql_client, where={"ocopStars": {"gte": 4}})
    gap_or_three = listed_names(
        graphql_client,
        where={
            "OR": [{"certifications": ["VIETGAP"]}, {"ocopStars": {"lte": 3}}],
        },
    )

    assert set(four_up) == {"Mật ong", "Cà phê"}
    assert set(gap_or_three) == {"Trà", "Rau VietGAP"}


def test_search_finds_verified_certificates_and_forgets_revoked_ones(shelf, graphql_client):
    from marketplace.certifications import services
    from marketplace.core.permissions import SYSTEM

    ocop = set(listed_names(graphql_client, filter={"search": "OCOP sao"}))
    assert ocop == {"Trà", "Mật ong", "Cà phê"}
    assert listed_names(graphql_client, search="vietgap") == ["Rau VietGAP"]

    [four] = Certification.objects.filter(stars=4)
    services.revoke_certificate(actor=SYSTEM, certification=four, reason="Thu hồi")

    assert set(listed_names(graphql_client, filter={"search": "ocop"})) == {"Trà", "Cà phê"}


def test_submitted_certificate_is_not_searchable(graphql_client):
    product = factories.product("Trà shan tuyết")
    certificate(product=product, verified=False)
    assert listed_names(graphql_client, filter={"search": "ocop"}) == []


def test_expire_command_writes_expiry_down_and_refreshes_search(graphql_client, frozen):
    product = factories.product("Trà shan tuyết")
    expiry = timezone.now() + timedelta(days=2)
    certificate(product=product, expires_at=expiry)
    assert listed_names(graphql_client, filter={"search": "ocop"}) == ["Trà shan tuyết"]

    frozen(expiry)
    call_command("expire-certificates")

    certification = Certification.objects.get()
    assert certification.status == CertificationStatus.EXPIRED
    assert certification.decisions.filter(to_status="expired").exists()
    assert listed_names(graphql_client, filter={"search": "ocop"}) == []


def test_vendor_filter_still_applies_with_certificate_filters(shelf, graphql_client):
    four = shelf["four"]
    names = listed_names(
        graphql_client,
        filter={"certifications": ["OCOP"], "vendors": [gid("Vendor", four.vendor_id)]},
    )
    assert names == ["Mật ong"]


def test_search_by_certificate_words_stops_at_the_expiry_instant(graphql_client, frozen):
    product = factories.product("Trà shan tuyết")
    expiry = timezone.now() + timedelta(days=3)
    certificate(product=product, expires_at=expiry, stars=4)

    frozen(expiry - timedelta(microseconds=1))
    assert listed_names(graphql_client, filter={"search": "ocop 4 sao"}) == ["Trà shan tuyết"]

    frozen(expiry)  # no job has run and nothing was re-indexed
    assert listed_names(graphql_client, filter={"search": "ocop"}) == []
    assert listed_names(graphql_client, filter={"search": "tra shan"}) == ["Trà shan tuyết"]


def test_certificate_words_are_not_stored_with_the_product():
    booth = factories.booth()
    certificate(kind="vietgap", vendor=booth)
    product = factories.product("Rau cải", vendor=booth)

    get_search_backend().index_products([product])

    product.refresh_from_db()
    assert "vietgap" not in product.search_document
