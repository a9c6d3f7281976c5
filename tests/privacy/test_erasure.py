"""Erasure at a producer's request: identity, pseudonym, story and photo go; the profile row, the
booth, its products and the audit trail stay, so every ledger and order amount stays whole."""

import io

import pytest
from django.core.files.storage import default_storage
from django.utils import translation

from marketplace.privacy import services
from marketplace.privacy.models import (
    AccessAction,
    AccessLogEntry,
    ConsentScope,
    ProducerConsent,
    ProducerIdentity,
    ProducerProfile,
)
from tests import factories
from tests.privacy.conftest import SETUP, gid, member, producer, with_identity

pytestmark = pytest.mark.django_db

ERASE = """
mutation Erase($producer: ID!, $reason: String) {
    producerErase(producer: $producer, reason: $reason) {
        producer { id pseudonym province craft story storyEn photo { url } }
        errors { field message code }
    }
}
"""


@pytest.fixture
def consented_producer():
    booth = factories.booth(province="dien_bien")
    profile = with_identity(
        producer(
            booth,
            pseudonym="Chị Ban",
            story="Chuyện của chị.",
            story_en="Her story.",
            photo=io.BytesIO(factories.jpeg_with_gps()),
        )
    )
    for scope in ConsentScope.values:
        services.grant_consent(actor=SETUP, profile=profile, scope=scope, note="Giấy ký tay")
    return profile


def test_erasure_removes_identity_story_and_photo_and_keeps_the_rest(
    client, graphql_client, identity_officer, consented_producer, django_capture_on_commit_callbacks
):
    profile = consented_producer
    product = factories.product("Khăn thổ cẩm", vendor=profile.booth, price=350000)
    photo_name = profile.photo.name
    client.force_login(identity_officer)

    with django_capture_on_commit_callbacks(execute=True):
        payload = graphql_client(
            ERASE, {"producer": gid(profile), "reason": "Chị yêu cầu xoá"}
        ).data["producerErase"]

    assert payload["errors"] == []
    assert payload["producer"] == {
        "id": gid(profile),
        "pseudonym": "Thành viên cũ",
        "province": "Điện Biên",
        "craft": "Dệt thổ cẩm",
        "story": None,
        "storyEn": None,
        "photo": None,
    }
    erased = ProducerProfile.objects.get(pk=profile.pk)
    assert (erased.pseudonym, erased.story, erased.story_en, erased.photo.name) == ("", "", "", "")
    assert erased.erased_at is not None
    assert not ProducerIdentity.objects.exists()
    assert not default_storage.exists(photo_name)
    consents = ProducerConsent.objects.filter(producer=profile)
    assert all(c.revoked_at and c.note == "" for c in consents)
    # The booth and what it sold are untouched.
    product.refresh_from_db()
    assert product.vendor_id == profile.booth_id
    assert product.variants.get().channel_listings.get().price_amount == 350000
    entry = AccessLogEntry.objects.get(action=AccessAction.ERASURE)
    assert (entry.actor, entry.producer_id, entry.reason) == (
        identity_officer,
        profile.pk,
        "Chị yêu cầu xoá",
    )


def test_erased_producer_is_called_former_member_in_english(consented_producer):

    erased = services.erase_producer(actor=SETUP, profile=consented_producer)

    with translation.override("en"):
        assert str(erased) == "Former member"
    with translation.override("vi"):
        assert str(erased) == "Thành viên cũ"


def test_erasing_twice_changes_nothing_more(consented_producer):
    services.erase_producer(actor=SETUP, profile=consented_producer)
    services.erase_producer(actor=SETUP, profile=consented_producer)

    assert AccessLogEntry.objects.filter(action=AccessAction.ERASURE).count() == 1


def test_erased_profile_cannot_be_filled_in_again(client, graphql_client, consented_producer):
    services.erase_producer(actor=SETUP, profile=consented_producer)
    client.force_login(member(consented_producer.booth, "owner"))

    update = graphql_client(
        """mutation($id: ID!) { producerProfileUpdate(id: $id, input: {pseudonym: "Lại"}) {
            errors { code } } }""",
        {"id": gid(consented_producer)},
    ).data["producerProfileUpdate"]
    consent = graphql_client(
        """mutation($p: ID!) { producerConsentGrant(producer: $p, input: {scope: STORY}) {
            errors { code } } }""",
        {"p": gid(consented_producer)},
    ).data["producerConsentGrant"]

    assert update["errors"] == [{"code": "ALREADY_ERASED"}]
    assert consent["errors"] == [{"code": "ALREADY_ERASED"}]
    with translation.override("en"), pytest.raises(Exception, match="erased"):
        services.update_identity(actor=SETUP, profile=consented_producer, phone="0900000001")


def test_only_identity_officers_erase(client, graphql_client, booth_staff, consented_producer):
    client.force_login(booth_staff)

    payload = graphql_client(ERASE, {"producer": gid(consented_producer)}).data["producerErase"]

    assert payload["errors"][0]["code"] == "PERMISSION_DENIED"
    assert ProducerIdentity.objects.filter(producer=consented_producer).exists()
