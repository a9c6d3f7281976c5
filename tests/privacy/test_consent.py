"""A producer's story and photo are public only while her recorded consent is in force: expiry
and withdrawal hide them from the very next read, with no job to run."""

import io
from datetime import timedelta

import graphene
import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.graphql.core.batching import tag_batch
from marketplace.privacy import services
from marketplace.privacy.graphql import ProducerProfile, resolve_public_profiles
from marketplace.privacy.models import ConsentScope, ProducerConsent
from marketplace.privacy.storage import private_storage
from tests import factories
from tests.privacy.conftest import SETUP, gid, member, producer
from vendors.graphql import Vendor
from vendors.models import Booth

pytestmark = pytest.mark.django_db

STORY, PHOTO = ConsentScope.STORY, ConsentScope.PHOTO


class _Query(graphene.ObjectType):
    """`Vendor.producerProfiles` as the vendor type resolves it, over a list of booths."""

    producers = graphene.List(
        graphene.List(ProducerProfile), slugs=graphene.List(graphene.String, required=True)
    )

    @staticmethod
    def resolve_producers(root, info, slugs):
        booths = tag_batch(list(Booth.objects.filter(slug__in=slugs).order_by("slug")))
        return [resolve_public_profiles(booth, info) for booth in booths]


SCHEMA = graphene.Schema(query=_Query)
PUBLIC = """
query($slugs: [String]!) { producers(slugs: $slugs) { pseudonym story storyEn photo { url } } }
"""


def public_profiles(*booths) -> list[dict]:
    """What anyone sees of the producers of `booths`, as the API shows it."""
    request = RequestFactory().get("/graphql/")
    result = SCHEMA.execute(
        PUBLIC, variables={"slugs": [booth.slug for booth in booths]}, context_value=request
    )
    assert result.errors is None, result.errors
    return [profile for group in result.data["producers"] for profile in group]


def storyteller(**fields):
    return producer(
        story="Chị kể chuyện học dệt.",
        story_en="She tells how she learned to weave.",
        photo=io.BytesIO(factories.jpeg_with_gps()),
        **fields,
    )


def later(monkeypatch, **delta) -> None:
    """Move the clock forward, as if time had passed."""
    moment = timezone.now() + timedelta(**delta)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_without_consent_story_and_photo_are_hidden():
    profile = storyteller()

    [shown] = public_profiles(profile.booth)

    assert shown == {"pseudonym": "Chị Hoa", "story": None, "storyEn": None, "photo": None}


def test_story_consent_shows_the_story_in_both_languages_but_not_the_photo():
    profile = storyteller()
    services.grant_consent(actor=SETUP, profile=profile, scope=STORY)

    [shown] = public_profiles(profile.booth)

    assert shown["story"] == "Chị kể chuyện học dệt."
    assert shown["storyEn"] == "She tells how she learned to weave."
    assert shown["photo"] is None


def test_photo_consent_shows_the_photo_but_not_the_story(client):
    profile = storyteller()
    consent = services.grant_consent(actor=SETUP, profile=profile, scope=PHOTO)

    [shown] = public_profiles(profile.booth)

    assert shown["story"] is None
    photo = client.get(shown["photo"]["url"].removeprefix("http://testserver"))
    assert photo.status_code == 200
    assert photo["Content-Type"].startswith("image/")
    assert "no-store" in photo["Cache-Control"]
    # The file lives outside the public media folder: no plain media URL reaches it.
    assert client.get(f"/media/{profile.photo.name}").status_code == 404
    # The moment consent lapses, the same address answers nothing.
    consent.expires_at = timezone.now()
    consent.save()
    assert client.get(shown["photo"]["url"].removeprefix("http://testserver")).status_code == 404


def test_expired_consent_hides_story_and_photo_at_once(monkeypatch):
    profile = storyteller()
    soon = timezone.now() + timedelta(hours=1)
    for scope in (STORY, PHOTO):
        services.grant_consent(actor=SETUP, profile=profile, scope=scope, expires_at=soon)
    assert public_profiles(profile.booth)[0]["story"] is not None

    later(monkeypatch, hours=1, seconds=1)

    [shown] = public_profiles(profile.booth)
    assert shown["story"] is None
    assert shown["storyEn"] is None
    assert shown["photo"] is None


def test_consent_not_yet_expired_still_shows():
    profile = storyteller()
    services.grant_consent(
        actor=SETUP, profile=profile, scope=STORY, expires_at=timezone.now() + timedelta(days=30)
    )

    assert public_profiles(profile.booth)[0]["story"] == "Chị kể chuyện học dệt."


REVOKE = """
mutation Revoke($id: ID, $producer: ID, $scope: ProducerConsentScopeEnum) {
    producerConsentRevoke(id: $id, producer: $producer, scope: $scope) {
        consents { scope isActive revokedAt }
        producer { story photo { url } }
        errors { field message code }
    }
}
"""


def test_withdrawn_consent_hides_the_story_from_the_next_read(client, graphql_client):
    profile = storyteller()
    consent = services.grant_consent(actor=SETUP, profile=profile, scope=STORY)
    client.force_login(member(profile.booth, "manager"))

    payload = graphql_client(REVOKE, {"id": gid(consent)}).data["producerConsentRevoke"]

    assert payload["errors"] == []
    assert payload["consents"][0]["isActive"] is False
    assert payload["producer"]["story"] is None
    assert public_profiles(profile.booth)[0]["story"] is None


def test_withdrawing_photo_consent_also_retires_the_photo_url(
    client, graphql_client, django_capture_on_commit_callbacks
):
    profile = storyteller()
    services.grant_consent(actor=SETUP, profile=profile, scope=PHOTO)
    services.grant_consent(actor=SETUP, profile=profile, scope=STORY)
    public_name = profile.photo.name
    client.force_login(member(profile.booth, "owner"))

    with django_capture_on_commit_callbacks(execute=True):
        payload = graphql_client(REVOKE, {"producer": gid(profile), "scope": "PHOTO"}).data[
            "producerConsentRevoke"
        ]

    assert payload["errors"] == []
    assert [consent["scope"] for consent in payload["consents"]] == ["PHOTO"]
    assert payload["producer"]["photo"] is None
    assert payload["producer"]["story"] is not None  # only the photo was withdrawn
    # Whoever kept the photo's old address finds nothing there any more.
    assert not private_storage().exists(public_name)
    profile.refresh_from_db()
    assert profile.photo and private_storage().exists(profile.photo.name)


def test_consent_must_expire_in_the_future(client, graphql_client):
    profile = storyteller()
    client.force_login(member(profile.booth, "owner"))
    past = (timezone.now() - timedelta(days=1)).isoformat()

    payload = graphql_client(
        """mutation($producer: ID!, $input: ProducerConsentInput!) {
            producerConsentGrant(producer: $producer, input: $input) {
                consent { id } errors { field code }
            }
        }""",
        {"producer": gid(profile), "input": {"scope": "STORY", "expiresAt": past}},
    ).data["producerConsentGrant"]

    assert payload["errors"] == [{"field": "expiresAt", "code": "INVALID"}]
    assert not ProducerConsent.objects.exists()


def test_booth_owner_records_consent_through_the_api(client, graphql_client):
    profile = storyteller()
    client.force_login(member(profile.booth, "owner"))

    payload = graphql_client(
        """mutation($producer: ID!, $input: ProducerConsentInput!) {
            producerConsentGrant(producer: $producer, input: $input) {
                consent { scope isActive expiresAt } producer { story }
                errors { field code }
            }
        }""",
        {"producer": gid(profile), "input": {"scope": "STORY", "note": "Giấy đồng ý đã ký"}},
    ).data["producerConsentGrant"]

    assert payload["errors"] == []
    assert payload["consent"] == {"scope": "STORY", "isActive": True, "expiresAt": None}
    assert payload["producer"]["story"] == "Chị kể chuyện học dệt."


def test_profiles_of_many_booths_cost_the_same_queries_as_of_one():
    def booth_with_producers():
        booth = factories.booth()
        for name in ("Chị A", "Chị B"):
            services.grant_consent(
                actor=SETUP, profile=storyteller(booth=booth, pseudonym=name), scope=STORY
            )
        return booth

    one = [booth_with_producers()]
    many = one + [booth_with_producers() for _ in range(4)]

    with CaptureQueriesContext(connection) as for_one:
        assert len(public_profiles(*one)) == 2
    with CaptureQueriesContext(connection) as for_many:
        assert len(public_profiles(*many)) == 10
    assert len(for_many) == len(for_one)


@pytest.mark.skipif(
    "producer_profiles" not in Vendor._meta.fields, reason="Vendor.producerProfiles not wired yet"
)
def test_vendor_producer_profiles_in_the_api_follow_consent(graphql_client):
    profile = storyteller()
    services.grant_consent(actor=SETUP, profile=profile, scope=STORY)

    response = graphql_client(
        """query($slug: String!) {
            vendor(slug: $slug) { producerProfiles { pseudonym story photo { url } } }
        }""",
        {"slug": profile.booth.slug},
    )

    assert response.errors is None, response.errors
    assert response.data["vendor"]["producerProfiles"] == [
        {"pseudonym": "Chị Hoa", "story": "Chị kể chuyện học dệt.", "photo": None}
    ]
