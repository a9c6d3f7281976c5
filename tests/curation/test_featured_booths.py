"""Featured booths: staff choose them; the storefront shows the slots in force now, in order."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.core.permissions import SYSTEM
from marketplace.curation import services
from marketplace.curation.models import FeaturedBooth
from tests import factories
from tests.certifications.builders import gid, member, staff
from vendors.models import BoothStatus

pytestmark = pytest.mark.django_db

FEATURED = """
query Featured($channel: String, $first: Int) {
  featuredBooths(channel: $channel, first: $first) {
    totalCount
    edges {
      node {
        position headline channel startsAt endsAt
        translation(languageCode: EN) { headline }
        vendor { name slug isOpen }
      }
    }
  }
}
"""

CREATE = """
mutation Feature($input: FeaturedBoothInput!) {
  featuredBoothCreate(input: $input) {
    featuredBooth { id position headline vendor { name } }
    errors { field code message }
  }
}
"""


def slot(booth, *, channel, position=0, starts_in=timedelta(days=-1), ends_in=None, **fields):
    now = timezone.now()
    return services.create_featured_booth(
        actor=SYSTEM,
        vendor=booth,
        channel=channel,
        position=position,
        starts_at=now + starts_in,
        ends_at=now + ends_in if ends_in is not None else None,
        headline=fields.pop("headline", f"Gian hàng {booth.name}"),
        **fields,
    )


def featured(graphql_client, **variables) -> list[dict]:
    response = graphql_client(FEATURED, variables)
    assert response.errors is None, response.errors
    return [edge["node"] for edge in response.data["featuredBooths"]["edges"]]


def test_slots_in_force_show_in_order_with_their_booth(graphql_client, channel):
    weavers, bees, rice = (factories.booth(n) for n in ("Dệt thổ cẩm", "Nuôi ong", "Gạo"))
    slot(bees, channel=channel, position=2, headline="Mật ong", headline_en="Honey")
    slot(weavers, channel=channel, position=1, headline="Thổ cẩm Gia Lai")
    slot(rice, channel=channel, position=0, starts_in=timedelta(days=1))  # not started
    slot(rice, channel=channel, position=0, ends_in=timedelta(seconds=-1))  # over

    shown = featured(graphql_client, first=10)

    assert [(s["position"], s["vendor"]["name"]) for s in shown] == [
        (1, "Dệt thổ cẩm"),
        (2, "Nuôi ong"),
    ]
    assert shown[1]["translation"] == {"headline": "Honey"}
    assert shown[0]["translation"] is None
    assert shown[0]["channel"] == "default-channel"
    assert shown[0]["endsAt"] is None


def test_a_slot_starts_at_its_start_instant_and_ends_at_its_end_instant(
    graphql_client, channel, monkeypatch
):
    booth = factories.booth("Nuôi ong")
    start = timezone.now() + timedelta(hours=1)
    services.create_featured_booth(
        actor=SYSTEM,
        vendor=booth,
        channel=channel,
        starts_at=start,
        ends_at=start + timedelta(days=7),
        headline="Tuần lễ mật ong",
    )

    def at(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return len(featured(graphql_client))

    assert at(start - timedelta(microseconds=1)) == 0
    assert at(start) == 1
    assert at(start + timedelta(days=7) - timedelta(microseconds=1)) == 1
    assert at(start + timedelta(days=7)) == 0


def test_slots_of_other_channels_and_of_booths_no_longer_open_are_not_shown(
    graphql_client, channel
):
    wholesale = factories.channel("wholesale")
    booth = factories.booth("Nuôi ong")
    slot(booth, channel=wholesale)
    suspended = factories.booth("Tạm ngừng")
    slot(suspended, channel=channel)
    suspended.status = BoothStatus.SUSPENDED
    suspended.save()

    assert featured(graphql_client) == []
    assert [s["vendor"]["name"] for s in featured(graphql_client, channel="wholesale")] == [
        "Nuôi ong"
    ]


def test_first_limits_the_slots(graphql_client, channel):
    for position in range(4):
        slot(factories.booth(f"Nhóm {position}"), channel=channel, position=position)

    assert [s["position"] for s in featured(graphql_client, first=2)] == [0, 1]


def test_curators_create_update_and_delete_slots(client, graphql_client, channel):
    booth = factories.booth("Nuôi ong")
    client.force_login(staff("curate_content"))
    start = timezone.now() - timedelta(hours=1)

    created = graphql_client(
        CREATE,
        {
            "input": {
                "vendor": gid("Vendor", booth.pk),
                "channel": "default-channel",
                "position": 3,
                "startsAt": start.isoformat(),
                "headline": "Mật ong rừng Kon Tum",
                "headlineEn": "Kon Tum forest honey",
            }
        },
    )
    payload = created.data["featuredBoothCreate"]
    assert payload["errors"] == []
    slot_id = payload["featuredBooth"]["id"]

    updated = graphql_client(
        """mutation($id: ID!) { featuredBoothUpdate(id: $id, input: {position: 1}) {
             featuredBooth { position headline } errors { code } } }""",
        {"id": slot_id},
    )
    assert updated.data["featuredBoothUpdate"]["featuredBooth"] == {
        "position": 1,
        "headline": "Mật ong rừng Kon Tum",
    }
    assert [s["position"] for s in featured(graphql_client)] == [1]

    deleted = graphql_client(
        "mutation($id: ID!) { featuredBoothDelete(id: $id) { errors { code } } }",
        {"id": slot_id},
    )
    assert deleted.data["featuredBoothDelete"]["errors"] == []
    assert featured(graphql_client) == []


@pytest.mark.parametrize("who", ["anonymous", "booth-owner", "staff-without-permission"])
def test_only_curators_feature_booths(client, graphql_client, channel, who):
    booth = factories.booth()
    if who == "booth-owner":
        client.force_login(member(booth))
    elif who == "staff-without-permission":
        client.force_login(staff("manage_vendors", "verify_certificates"))

    answer = graphql_client(
        CREATE,
        {
            "input": {
                "vendor": gid("Vendor", booth.pk),
                "startsAt": timezone.now().isoformat(),
                "headline": "Tự giới thiệu",
            }
        },
    )

    assert answer.data["featuredBoothCreate"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert not FeaturedBooth.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"headline": " "}, "headline", "REQUIRED"),
        ({"endsAt": "2020-01-01T00:00:00+07:00"}, "endsAt", "INVALID"),
        ({"position": -1}, "position", "INVALID"),
    ],
)
def test_slots_are_checked(client, graphql_client, channel, changes, field, code):
    booth = factories.booth()
    client.force_login(staff("curate_content"))
    spec = {
        "vendor": gid("Vendor", booth.pk),
        "startsAt": "2025-01-01T00:00:00+07:00",
        "headline": "Nuôi ong",
        **changes,
    }

    [error] = graphql_client(CREATE, {"input": spec}).data["featuredBoothCreate"]["errors"]

    assert (error["field"], error["code"]) == (field, code)


def test_a_booth_that_is_not_open_cannot_be_featured(client, graphql_client, channel):
    booth = factories.booth(status=BoothStatus.APPLIED)
    client.force_login(staff("curate_content"))

    answer = graphql_client(
        CREATE,
        {
            "input": {
                "vendor": gid("Vendor", booth.pk),
                "startsAt": timezone.now().isoformat(),
                "headline": "Chưa mở",
            }
        },
    )

    [error] = answer.data["featuredBoothCreate"]["errors"]
    assert (error["field"], error["code"]) == ("vendor", "INVALID")


def test_curators_manage_slots_in_the_admin(client, channel):
    booth = factories.booth("Nuôi ong")
    slot(booth, channel=channel)
    client.force_login(staff("curate_content"))
    changelist = reverse("admin:curation_featuredbooth_changelist")

    assert client.get(changelist, {"now": "yes", "q": "ong"}).status_code == 200
    response = client.post(
        reverse("admin:curation_featuredbooth_add"),
        {
            "vendor": booth.pk,
            "channel": channel.pk,
            "position": 4,
            "starts_at_0": "2025-01-01",
            "starts_at_1": "08:00:00",
            "headline": "Mật ong Kon Tum",
            "headline_en": "",
        },
    )

    assert response.status_code == 302, response.content
    assert FeaturedBooth.objects.filter(position=4, created_by__isnull=False).exists()
