"""Campaigns: a time-bound selection of booths and products that storefronts see as a Saleor
collection while it runs."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from marketplace.catalog.models import Collection, CollectionChannelListing, CollectionProduct
from marketplace.core.errors import DomainError
from marketplace.core.permissions import SYSTEM
from marketplace.curation import services
from marketplace.curation.models import Campaign
from tests import factories
from tests.certifications.builders import gid, staff

pytestmark = pytest.mark.django_db

COLLECTIONS = """
{ collections(first: 10, channel: "default-channel") {
    edges { node { slug name translation(languageCode: EN) { name } } } } }
"""

COLLECTION_PRODUCTS = """
query Campaign($slug: String!) {
  collection(slug: $slug, channel: "default-channel") {
    name
    backgroundImage { url }
    products(first: 20) { edges { node { name } } }
  }
}
"""

CREATE = """
mutation Start($input: CampaignInput!) {
  campaignCreate(input: $input) {
    campaign { id name slug isRunning collection { slug } vendors { name } }
    errors { field code message }
  }
}
"""


def plain_collection(slug: str, channel, products=()) -> Collection:
    """A hand-made collection, published now, that no campaign owns."""
    created = Collection.objects.create(name=slug, slug=slug)
    for product in products:
        CollectionProduct.objects.create(collection=created, product=product)
    CollectionChannelListing.objects.create(
        collection=created, channel=channel, is_published=True, published_at=timezone.now()
    )
    return created


def collection_slugs(graphql_client) -> list[str]:
    response = graphql_client(COLLECTIONS)
    assert response.errors is None, response.errors
    return [edge["node"]["slug"] for edge in response.data["collections"]["edges"]]


def campaign_products(graphql_client, slug: str) -> list[str] | None:
    response = graphql_client(COLLECTION_PRODUCTS, {"slug": slug})
    assert response.errors is None, response.errors
    found = response.data["collection"]
    return None if found is None else [e["node"]["name"] for e in found["products"]["edges"]]


def tet_fair(channel, *, starts_in=timedelta(days=-1), lasts=timedelta(days=10), **fields):
    now = timezone.now()
    return services.create_campaign(
        actor=SYSTEM,
        name=fields.pop("name", "Hội chợ Tết"),
        slug=fields.pop("slug", "hoi-cho-tet"),
        starts_at=now + starts_in,
        ends_at=now + starts_in + lasts,
        channels=[channel],
        **fields,
    )


def test_a_running_campaign_is_a_collection_of_its_products_and_booths_products(
    graphql_client, channel
):
    weavers = factories.booth("Dệt thổ cẩm")
    scarf = factories.product("Khăn thổ cẩm", vendor=weavers)
    bag = factories.product("Túi thổ cẩm", vendor=weavers)
    honey = factories.product("Mật ong rừng")
    factories.product("Không tham gia")

    tet_fair(channel, name_en="Tết fair", booths=[weavers], products=[honey])

    assert collection_slugs(graphql_client) == ["hoi-cho-tet"]
    assert set(campaign_products(graphql_client, "hoi-cho-tet")) == {
        honey.name,
        scarf.name,
        bag.name,
    }
    english = graphql_client(COLLECTIONS).data["collections"]["edges"][0]["node"]["translation"]
    assert english == {"name": "Tết fair"}


def test_a_campaign_shows_only_within_its_time_window(graphql_client, channel, monkeypatch):
    campaign = tet_fair(channel, starts_in=timedelta(hours=2), lasts=timedelta(days=3))

    def at(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return collection_slugs(graphql_client)

    assert at(campaign.starts_at - timedelta(microseconds=1)) == []
    assert at(campaign.starts_at) == ["hoi-cho-tet"]
    assert at(campaign.ends_at - timedelta(microseconds=1)) == ["hoi-cho-tet"]
    assert at(campaign.ends_at) == []
    assert campaign_products(graphql_client, "hoi-cho-tet") is None


def test_ordinary_collections_are_not_affected(graphql_client, channel):
    plain_collection("qua-bieu", channel, [factories.product()])
    tet_fair(channel, starts_in=timedelta(days=-20))  # over

    assert collection_slugs(graphql_client) == ["qua-bieu"]


def test_a_new_product_of_a_taking_part_booth_joins_the_campaign(graphql_client, channel):
    weavers = factories.booth("Dệt thổ cẩm")
    tet_fair(channel, booths=[weavers])

    factories.product("Khăn mới dệt", vendor=weavers)

    assert campaign_products(graphql_client, "hoi-cho-tet") == ["Khăn mới dệt"]


def test_updating_a_campaign_keeps_its_collection_in_step(graphql_client, channel):
    honey, tea = factories.product("Mật ong"), factories.product("Trà")
    campaign = tet_fair(channel, products=[honey])

    services.update_campaign(
        actor=SYSTEM, campaign=campaign, name="Tuần lễ Gia Lai", products=[tea]
    )

    campaign.refresh_from_db()
    assert campaign.collection.name == "Tuần lễ Gia Lai"
    assert campaign_products(graphql_client, "hoi-cho-tet") == ["Trà"]
    assert Collection.objects.count() == 1


def test_curators_start_a_campaign_with_a_banner_through_the_api(client, graphql_client, channel):
    booth = factories.booth("Nhóm Gia Lai")
    factories.product("Cà phê", vendor=booth)
    client.force_login(staff("curate_content"))
    now = timezone.now()

    answer = graphql_client(
        CREATE,
        {
            "input": {
                "name": "Tuần lễ Gia Lai",
                "startsAt": (now - timedelta(hours=1)).isoformat(),
                "endsAt": (now + timedelta(days=7)).isoformat(),
                "vendors": [gid("Vendor", booth.pk)],
            }
        },
    )

    payload = answer.data["campaignCreate"]
    assert payload["errors"] == []
    assert payload["campaign"]["slug"] == "tuan-le-gia-lai"
    assert payload["campaign"]["isRunning"] is True
    assert payload["campaign"]["collection"] == {"slug": "tuan-le-gia-lai"}
    assert payload["campaign"]["vendors"] == [{"name": "Nhóm Gia Lai"}]
    assert campaign_products(graphql_client, "tuan-le-gia-lai") == ["Cà phê"]
    running = graphql_client("{ campaigns(first: 5) { edges { node { name endsAt } } } }")
    assert [e["node"]["name"] for e in running.data["campaigns"]["edges"]] == ["Tuần lễ Gia Lai"]


def test_the_banner_is_stored_without_metadata_and_shown_on_the_collection(graphql_client, channel):
    tet_fair(channel, banner=factories.jpeg_with_gps())

    response = graphql_client(COLLECTION_PRODUCTS, {"slug": "hoi-cho-tet"})

    assert response.data["collection"]["backgroundImage"]["url"]
    campaign = Campaign.objects.get()
    with campaign.banner.open("rb") as stored:
        assert not Image.open(stored).getexif()


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"name": " "}, "name", "REQUIRED"),
        ({"lasts": timedelta(0)}, "endsAt", "INVALID"),
        ({"slug": "qua-bieu"}, "slug", "UNIQUE"),
    ],
)
def test_campaigns_are_checked(channel, fields, field, code):
    plain_collection("qua-bieu", channel)

    with pytest.raises(DomainError) as refused:
        tet_fair(channel, **fields)

    assert (refused.value.field, refused.value.code) == (field, code)


def test_only_curators_start_campaigns(client, graphql_client, channel):
    client.force_login(staff("manage_products"))
    now = timezone.now()

    answer = graphql_client(
        CREATE,
        {
            "input": {
                "name": "Tự quảng cáo",
                "startsAt": now.isoformat(),
                "endsAt": (now + timedelta(days=1)).isoformat(),
            }
        },
    )

    assert answer.data["campaignCreate"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert not Campaign.objects.exists()


def test_deleting_a_campaign_removes_its_collection(client, graphql_client, channel):
    campaign = tet_fair(channel)
    client.force_login(staff("curate_content"))

    answer = graphql_client(
        "mutation($id: ID!) { campaignDelete(id: $id) { errors { code } } }",
        {"id": gid("Campaign", campaign.pk)},
    )

    assert answer.data["campaignDelete"]["errors"] == []
    assert not Collection.objects.exists()


def test_curators_manage_campaigns_in_the_admin(client, channel):
    booth = factories.booth("Nhóm Gia Lai")
    factories.product("Cà phê", vendor=booth)
    client.force_login(staff("curate_content"))

    response = client.post(
        reverse("admin:curation_campaign_add"),
        {
            "name": "Hội chợ Tết",
            "name_en": "Tết fair",
            "slug": "hoi-cho-tet",
            "description": "",
            "description_en": "",
            "starts_at_0": "2025-01-01",
            "starts_at_1": "00:00:00",
            "ends_at_0": "2099-01-01",
            "ends_at_1": "00:00:00",
            "channels": [channel.pk],
            "booths": [booth.pk],
            "banner": SimpleUploadedFile("banner.jpg", factories.jpeg_with_gps()),
        },
    )

    assert response.status_code == 302, response.context["adminform"].errors
    campaign = Campaign.objects.get()
    assert campaign.collection.products.get().name == "Cà phê"
    assert client.get(reverse("admin:curation_campaign_changelist")).status_code == 200
