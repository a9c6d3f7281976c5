"""Fixtures of the privacy specifications: an encryption key, staff with or without the identity
permission, booth members, and producers with an identity."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth.models import Permission
from django.test import Client, override_settings

from marketplace.accounts.models import User
from marketplace.core.ids import to_global_id
from marketplace.privacy import services
from marketplace.privacy.models import ProducerProfile
from tests import factories
from tests.conftest import GRAPHQL_URL, GraphQLResponse
from vendors.models import BoothMember

TEST_KEY = Fernet.generate_key().decode()


@pytest.fixture(autouse=True)
def identity_key() -> str:
    """Identities in these tests are encrypted with a key of their own, as in production."""
    with override_settings(PRODUCER_IDENTITY_KEYS=[TEST_KEY]):
        yield TEST_KEY


def make_user(email: str, *, staff: bool = False, permissions: tuple[str, ...] = ()) -> User:
    user = User.objects.create_user(email, "a-long-pass-phrase", is_staff=staff)
    for codename in permissions:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="accounts", codename=codename)
        )
    return User.objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def identity_officer(db) -> User:
    """Staff allowed to read producers' identities."""
    return make_user("officer@hoilhpn.example", staff=True, permissions=("view_producer_identity",))


@pytest.fixture
def booth_staff(db) -> User:
    """Staff managing booths, but not allowed to read identities."""
    return make_user("booths@hoilhpn.example", staff=True, permissions=("manage_vendors",))


def member(booth, role: str, email: str | None = None) -> User:
    user = make_user(email or f"{role}-{booth.slug}@example.org")
    BoothMember.objects.create(booth=booth, user=user, role=role)
    return user


def gid(obj) -> str:
    type_name = {"ProducerProfile": "ProducerProfile", "Booth": "Vendor"}.get(
        type(obj).__name__, type(obj).__name__
    )
    return to_global_id(type_name, obj.pk)


class _Staff:
    """Acts as staff allowed everything, to build data through the services in tests."""

    pk = None
    email = "tests@localhost"
    is_authenticated = True
    is_active = True
    is_staff = True

    def has_perm(self, perm: str, obj=None) -> bool:
        return True


SETUP = _Staff()


def producer(booth=None, *, pseudonym: str = "Chị Hoa", **fields) -> ProducerProfile:
    return services.create_profile(
        actor=SETUP,
        booth=booth or factories.booth(),
        pseudonym=pseudonym,
        craft=fields.pop("craft", "Dệt thổ cẩm"),
        **fields,
    )


def with_identity(profile: ProducerProfile, **identity: str) -> ProducerProfile:
    values = {
        "legal_name": "Nguyễn Thị Mẫu",
        "phone": "0900 000 001",
        "national_id_number": "000000000001",
        "date_of_birth": "1990-01-01",
        "home_address": "Số 1, đường Mẫu",
    }
    services.update_identity(actor=SETUP, profile=profile, **(values | identity))
    return profile


def multipart(
    client: Client, query: str, variables: dict[str, Any], files: dict[str, tuple[str, bytes]]
) -> GraphQLResponse:
    """Send `query` by the GraphQL multipart request spec; `files` maps a variable path
    ("input.photo") to (file name, content)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    mapping, uploads = {}, {}
    for index, (path, (name, content)) in enumerate(files.items()):
        mapping[str(index)] = [f"variables.{path}"]
        uploads[str(index)] = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(
        GRAPHQL_URL,
        data={
            "operations": json.dumps({"query": query, "variables": variables}),
            "map": json.dumps(mapping),
            **uploads,
        },
    )
    return GraphQLResponse(response.status_code, response.json())


@pytest.fixture
def send_files(client: Client) -> Callable[..., GraphQLResponse]:
    return lambda query, variables, files: multipart(client, query, variables, files)
