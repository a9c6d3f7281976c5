"""The demo includes producers with fake, encrypted identities and consents in every state."""

import pytest
from django.db import connection
from django.test import override_settings

from marketplace.privacy import selectors
from marketplace.privacy.demo import DEMO_PRODUCERS, load_demo_producers, remove_demo_producers
from marketplace.privacy.models import ProducerIdentity, ProducerProfile
from tests import factories
from vendors.models import Booth

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_booths() -> dict[str, Booth]:
    slugs = {demo.booth for demo in DEMO_PRODUCERS}
    booths = {}
    for slug in sorted(slugs):
        booth = factories.booth()
        booth.slug = slug
        booth.save()
        booths[slug] = booth
    return booths


def test_demo_producers_come_with_encrypted_fake_identities(demo_booths):
    summary = load_demo_producers(demo_booths)

    assert summary.profiles == summary.identities == len(DEMO_PRODUCERS)
    assert ProducerIdentity.objects.count() == len(DEMO_PRODUCERS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ProducerIdentity._meta.db_table}")  # noqa: S608
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert "Mẫu" not in stored and "0900" not in stored


def test_demo_shows_stories_only_where_consent_is_in_force(demo_booths):
    load_demo_producers(demo_booths)

    shown = {
        profile.pseudonym: (selectors.public_story(profile), selectors.public_photo(profile))
        for profile in selectors.public_profiles()
    }

    assert shown["Chị Hoa"][0] and shown["Chị Hoa"][1]  # story and photo consented
    assert shown["Chị Mây"][0] and shown["Chị Mây"][1] is None  # story only
    assert shown["Chị Lan"] == (None, None)  # consent expired
    assert shown["Chị Suối"][1] is None  # photo consent withdrawn
    assert shown["Chị Hồng"] == (None, None)  # never consented


def test_without_an_encryption_key_the_demo_loads_profiles_only(demo_booths):
    with override_settings(
        PRODUCER_IDENTITY_KEYS=[], DEBUG=False, PRODUCER_IDENTITY_DEVELOPMENT_KEY=False
    ):
        summary = load_demo_producers(demo_booths)

    assert summary.profiles == summary.identities_skipped == len(DEMO_PRODUCERS)
    assert not ProducerIdentity.objects.exists()


def test_demo_producers_can_be_removed_with_their_booths(demo_booths):
    load_demo_producers(demo_booths)

    removed = remove_demo_producers(demo_booths.values())
    Booth.objects.filter(pk__in=[booth.pk for booth in demo_booths.values()]).delete()

    assert removed == len(DEMO_PRODUCERS)
    assert not ProducerProfile.objects.exists()
