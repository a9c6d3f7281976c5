"""People and booths for the product mutation specifications."""

import pytest
from django.contrib.auth.models import Permission

from marketplace.accounts.models import User
from tests import factories
from vendors.models import BoothMember, BoothRole


def person(email: str) -> User:
    return User.objects.create_user(email, "a-long-pass-phrase")


def member_of(*booths, email: str = "member@example.org", role=BoothRole.MEMBER) -> User:
    user = person(email)
    for booth in booths:
        BoothMember.objects.create(booth=booth, user=user, role=role)
    return user


def staff(*codenames: str, email: str = "staff@example.org") -> User:
    user = User.objects.create_user(email, "a-long-pass-phrase", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def booth_a(db):
    return factories.booth("Tổ hợp tác mật ong Đắk Lắk", province="dak_lak")


@pytest.fixture
def booth_b(db):
    return factories.booth("Hợp tác xã thổ cẩm Gia Lai")


@pytest.fixture
def member_a(client, booth_a) -> User:
    """A member of booth A, signed in."""
    user = member_of(booth_a, email="lan@example.org")
    client.force_login(user)
    return user
