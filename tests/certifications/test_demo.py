"""The demo shows certificates in every state, featured booths and a running campaign."""

import pytest

from marketplace.certifications.models import Certification
from marketplace.certifications.selectors import effective_status
from marketplace.curation.models import Campaign, FeaturedBooth
from marketplace.demo.loader import load_demo, remove_demo
from tests.certifications.builders import listed_names

pytestmark = pytest.mark.django_db

BADGES = """
{ product(slug: "mat-ong-rung-nguyen-chat", channel: "default-channel") {
    certifications { kind stars } } }
"""


def test_demo_has_verified_expired_pending_and_rejected_certificates(graphql_client):
    load_demo()

    states = {effective_status(cert) for cert in Certification.objects.all()}
    assert states >= {"verified", "expired", "submitted", "rejected"}
    honey = graphql_client(BADGES).data["product"]["certifications"]
    assert honey == [{"kind": "OCOP", "stars": 4}]
    expired_product = set(listed_names(graphql_client, filter={"certifications": ["OCOP"]}))
    assert "Nước mắm cá cơm truyền thống" not in expired_product
    featured = graphql_client("{ featuredBooths(first: 10) { edges { node { position } } } }")
    assert len(featured.data["featuredBooths"]["edges"]) == 3
    collections = graphql_client(
        '{ collections(first: 10, channel: "default-channel") { edges { node { slug } } } }'
    )
    slugs = {edge["node"]["slug"] for edge in collections.data["collections"]["edges"]}
    assert "tuan-le-gia-lai" in slugs

    remove_demo()

    assert not Campaign.objects.exists()
    assert not FeaturedBooth.objects.exists()
    assert not Certification.objects.exists()
