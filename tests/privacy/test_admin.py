"""Staff screens: profiles and consents for staff managing booths, the access log for identity
officers only, identities nowhere, and every change through the services."""

from datetime import timedelta

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from marketplace.accounts.models import User
from marketplace.privacy.models import (
    AccessAction,
    AccessLogEntry,
    ConsentScope,
    ProducerConsent,
    ProducerIdentity,
    ProducerProfile,
)
from tests import factories
from tests.privacy.conftest import producer, with_identity

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client):
    user = User.objects.create_superuser("root@hoilhpn.example", "a-long-pass-phrase")
    client.force_login(user)
    return user


def test_staff_managing_booths_see_profiles_but_not_the_access_log(client, booth_staff):
    producer()
    client.force_login(booth_staff)

    assert client.get(reverse("admin:privacy_producerprofile_changelist")).status_code == 200
    assert client.get(reverse("admin:privacy_producerconsent_changelist")).status_code == 200
    assert client.get(reverse("admin:privacy_accesslogentry_changelist")).status_code == 403


def test_identity_officers_read_the_access_log_and_nobody_edits_it(client, identity_officer):
    with_identity(producer())
    entry = AccessLogEntry.objects.get()
    client.force_login(identity_officer)

    listing = client.get(reverse("admin:privacy_accesslogentry_changelist"))
    change = client.post(
        reverse("admin:privacy_accesslogentry_change", args=[entry.pk]), {"reason": "sửa"}
    )
    delete = client.post(
        reverse("admin:privacy_accesslogentry_delete", args=[entry.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200
    assert change.status_code == 403
    assert delete.status_code == 403
    entry.refresh_from_db()
    assert entry.reason != "sửa"


def test_identities_have_no_admin_screen():
    with pytest.raises(NoReverseMatch):
        reverse("admin:privacy_produceridentity_changelist")


def test_profile_added_in_the_admin_goes_through_the_service(client, superuser):
    booth = factories.booth(province="lao_cai")

    response = client.post(
        reverse("admin:privacy_producerprofile_add"),
        {
            "booth": booth.pk,
            "pseudonym": "  Chị Suối ",
            "province": "lao_cai",
            "craft": "Dệt lanh",
            "story": "",
            "story_en": "",
            "consents-TOTAL_FORMS": "0",
            "consents-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    profile = ProducerProfile.objects.get()
    assert (profile.booth, profile.pseudonym, profile.craft) == (booth, "Chị Suối", "Dệt lanh")


def test_profiles_are_never_deleted_only_erased(client, superuser):
    profile = with_identity(producer())

    delete = client.post(
        reverse("admin:privacy_producerprofile_delete", args=[profile.pk]), {"post": "yes"}
    )
    erase = client.post(
        reverse("admin:privacy_producerprofile_changelist"),
        {"action": "erase_selected", "_selected_action": [profile.pk]},
    )

    assert delete.status_code == 403
    assert erase.status_code == 302
    profile.refresh_from_db()
    assert profile.is_erased
    assert not ProducerIdentity.objects.exists()
    assert AccessLogEntry.objects.filter(action=AccessAction.ERASURE).exists()


def test_consent_recorded_in_the_admin_must_expire_in_the_future(client, superuser):
    profile = producer()
    url = reverse("admin:privacy_producerconsent_add")

    past = timezone.localtime() - timedelta(days=1)
    refused = client.post(
        url,
        {
            "producer": profile.pk,
            "scope": ConsentScope.STORY,
            "expires_at_0": past.strftime("%Y-%m-%d"),
            "expires_at_1": past.strftime("%H:%M:%S"),
        },
    )
    accepted = client.post(url, {"producer": profile.pk, "scope": ConsentScope.PHOTO})

    assert refused.status_code == 200 and refused.context["adminform"].form.errors
    assert accepted.status_code == 302
    consent = ProducerConsent.objects.get()
    assert (consent.scope, consent.recorded_by) == (ConsentScope.PHOTO, superuser)
