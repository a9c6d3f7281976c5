"""Booths keep the public profiles of their producers: pseudonym, province, craft, story, photo."""

import io

import pytest
from PIL import Image

from marketplace.privacy.models import ProducerProfile
from marketplace.privacy.storage import private_storage
from tests import factories
from tests.privacy.conftest import gid, make_user, member, producer

pytestmark = pytest.mark.django_db

CREATE = """
mutation Create($vendor: ID!, $input: ProducerProfileInput!) {
    producerProfileCreate(vendor: $vendor, input: $input) {
        producer { id pseudonym province craft story storyEn photo { url } }
        errors { field message code }
    }
}
"""

UPDATE = """
mutation Update($id: ID!, $input: ProducerProfileInput!) {
    producerProfileUpdate(id: $id, input: $input) {
        producer { id pseudonym province craft }
        errors { field message code }
    }
}
"""

GRANT = """
mutation Grant($producer: ID!, $input: ProducerConsentInput!) {
    producerConsentGrant(producer: $producer, input: $input) {
        consent { id scope isActive }
        producer { story photo { url } }
        errors { field message code }
    }
}
"""

PROFILE = {"pseudonym": "Chị Mây", "craft": "Dệt lanh", "story": "Câu chuyện của chị."}


def codes(payload: dict) -> list[str]:
    return [error["code"] for error in payload["errors"]]


def test_booth_owner_adds_a_profile_with_the_booth_province_and_no_public_story_yet(
    client, graphql_client
):
    booth = factories.booth(province="lao_cai")
    client.force_login(member(booth, "owner"))

    payload = graphql_client(CREATE, {"vendor": gid(booth), "input": PROFILE}).data[
        "producerProfileCreate"
    ]

    assert payload["errors"] == []
    assert payload["producer"]["pseudonym"] == "Chị Mây"
    assert payload["producer"]["province"] == "Lào Cai"
    assert payload["producer"]["craft"] == "Dệt lanh"
    # No consent yet: the story is kept but not shown.
    assert payload["producer"]["story"] is None
    assert ProducerProfile.objects.get().story == "Câu chuyện của chị."


@pytest.mark.parametrize("role", ["owner", "manager"])
def test_owners_and_managers_edit_profiles_of_their_own_booth(client, graphql_client, role):
    booth = factories.booth()
    profile = producer(booth)
    client.force_login(member(booth, role))

    payload = graphql_client(
        UPDATE, {"id": gid(profile), "input": {"craft": "Thêu", "province": "son_la"}}
    ).data["producerProfileUpdate"]

    assert payload["errors"] == []
    assert payload["producer"]["craft"] == "Thêu"
    assert payload["producer"]["province"] == "Sơn La"


def test_booth_members_cannot_manage_profiles_of_another_booth(client, graphql_client):
    own, other = factories.booth(), factories.booth()
    others_producer = producer(other, pseudonym="Chị Lan")
    client.force_login(member(own, "owner"))

    created = graphql_client(CREATE, {"vendor": gid(other), "input": PROFILE}).data
    updated = graphql_client(
        UPDATE, {"id": gid(others_producer), "input": {"pseudonym": "Đổi tên"}}
    ).data
    granted = graphql_client(
        GRANT, {"producer": gid(others_producer), "input": {"scope": "STORY"}}
    ).data

    assert codes(created["producerProfileCreate"]) == ["PERMISSION_DENIED"]
    assert codes(updated["producerProfileUpdate"]) == ["PERMISSION_DENIED"]
    assert codes(granted["producerConsentGrant"]) == ["PERMISSION_DENIED"]
    assert ProducerProfile.objects.filter(booth=other).get().pseudonym == "Chị Lan"


def test_plain_members_and_strangers_cannot_manage_profiles(client, graphql_client):
    booth = factories.booth()
    profile = producer(booth)

    anonymous = graphql_client(UPDATE, {"id": gid(profile), "input": {"craft": "X"}}).data
    client.force_login(member(booth, "member"))
    plain_member = graphql_client(UPDATE, {"id": gid(profile), "input": {"craft": "X"}}).data

    assert codes(anonymous["producerProfileUpdate"]) == ["PERMISSION_DENIED"]
    assert codes(plain_member["producerProfileUpdate"]) == ["PERMISSION_DENIED"]
    profile.refresh_from_db()
    assert profile.craft == "Dệt thổ cẩm"


def test_staff_managing_booths_manage_every_booth_profiles(client, graphql_client, booth_staff):
    booth = factories.booth()
    client.force_login(booth_staff)

    payload = graphql_client(CREATE, {"vendor": gid(booth), "input": PROFILE}).data

    assert payload["producerProfileCreate"]["errors"] == []


def test_profile_needs_a_pseudonym_a_craft_and_a_real_province(client, graphql_client):
    booth = factories.booth()
    client.force_login(member(booth, "owner"))

    missing = graphql_client(CREATE, {"vendor": gid(booth), "input": {"craft": "Dệt"}}).data
    bad_province = graphql_client(
        CREATE, {"vendor": gid(booth), "input": {**PROFILE, "province": "atlantis"}}
    ).data

    assert missing["producerProfileCreate"]["errors"][0]["field"] == "pseudonym"
    assert codes(missing["producerProfileCreate"]) == ["REQUIRED"]
    assert bad_province["producerProfileCreate"]["errors"][0]["field"] == "province"
    assert not ProducerProfile.objects.exists()


def test_unknown_booth_is_not_found(client, graphql_client, booth_staff):
    client.force_login(booth_staff)

    payload = graphql_client(CREATE, {"vendor": gid(factories.booth()), "input": PROFILE}).data
    missing = graphql_client(
        CREATE, {"vendor": "VmVuZG9yOjk5OTk5", "input": PROFILE}
    ).data  # Vendor:99999

    assert payload["producerProfileCreate"]["errors"] == []
    assert codes(missing["producerProfileCreate"]) == ["NOT_FOUND"]


def test_photo_uploaded_with_gps_exif_is_stored_without_any_metadata(
    client, send_files, booth_staff
):
    booth = factories.booth()
    client.force_login(booth_staff)

    response = send_files(
        CREATE,
        {"vendor": gid(booth), "input": {**PROFILE, "photo": None}},
        {"input.photo": ("IMG_20250101_Nguyen_Thi_Hoa.jpg", factories.jpeg_with_gps())},
    )

    assert response.data["producerProfileCreate"]["errors"] == []
    stored = ProducerProfile.objects.get().photo
    # The uploaded name (which may carry a person's name) is not kept.
    assert "Nguyen" not in stored.name
    with private_storage().open(stored.name, "rb") as file:
        content = file.read()
    image = Image.open(io.BytesIO(content))
    assert image.getexif() == {}
    assert not (set(image.info) & {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"})
    for marker in (b"Exif", b"PhoneMaker", b"GPS", b"http://ns.adobe.com/xap"):
        assert marker not in content


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"this is not an image at all", "INVALID"),
        (b"\xff\xd8\xff" + b"0" * (10 * 1024 * 1024 + 10), "TOO_LARGE"),
    ],
    ids=["not-an-image", "over-10-mb"],
)
def test_unusable_photo_gets_a_clear_error_and_nothing_is_stored(
    client, send_files, booth_staff, content, code
):
    booth = factories.booth()
    client.force_login(booth_staff)

    response = send_files(
        CREATE,
        {"vendor": gid(booth), "input": {**PROFILE, "photo": None}},
        {"input.photo": ("photo.jpg", content)},
    )

    errors = response.data["producerProfileCreate"]["errors"]
    assert [(error["field"], error["code"]) for error in errors] == [("photo", code)]
    assert errors[0]["message"]
    assert not ProducerProfile.objects.exists()


def test_a_new_photo_replaces_the_old_file(
    client, send_files, booth_staff, django_capture_on_commit_callbacks
):
    profile = producer(photo=io.BytesIO(factories.jpeg_with_gps()))
    old_name = profile.photo.name
    client.force_login(booth_staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = send_files(
            UPDATE,
            {"id": gid(profile), "input": {"photo": None}},
            {"input.photo": ("new.jpg", factories.jpeg_with_gps())},
        )

    assert response.data["producerProfileUpdate"]["errors"] == []
    profile.refresh_from_db()
    assert profile.photo.name != old_name
    assert private_storage().exists(profile.photo.name)
    assert not private_storage().exists(old_name)


def test_strangers_get_no_hint_in_errors(client, graphql_client):
    stranger = make_user("stranger@example.org")
    client.force_login(stranger)
    profile = producer(pseudonym="Chị Bí Mật")

    payload = graphql_client(UPDATE, {"id": gid(profile), "input": {"craft": "X"}}).data

    assert "Bí Mật" not in str(payload)
