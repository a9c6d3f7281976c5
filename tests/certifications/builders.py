"""Builders shared by the certificate, listing review and curation specifications."""

from datetime import datetime, timedelta

from django.contrib.auth.models import Permission
from django.utils import timezone

from marketplace.accounts.models import User
from marketplace.certifications import services
from marketplace.certifications.models import Certification
from marketplace.core.ids import to_global_id
from marketplace.core.permissions import SYSTEM
from tests import factories
from vendors.models import BoothMember, BoothRole, BoothStatus
from vendors.services import change_booth_status

_emails = iter(range(1, 1_000_000))


def staff(*codenames: str, email: str | None = None) -> User:
    """An active staff account holding the given `accounts.<codename>` permissions."""
    user = User.objects.create_user(
        email or f"staff{next(_emails)}@example.org", "a-long-pass-phrase", is_staff=True
    )
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return User.objects.get(pk=user.pk)


def member(booth, role=BoothRole.OWNER, *, email: str | None = None, language="vi") -> User:
    """A user belonging to `booth` with `role`."""
    user = User.objects.create_user(
        email or f"member{next(_emails)}@example.org",
        "a-long-pass-phrase",
        language_code=language,
    )
    BoothMember.objects.create(booth=booth, user=user, role=role)
    return user


def booth_opened_by_staff(name: str | None = None, *, days_ago: int = 0, **fields):
    """A booth that a staff member opened `days_ago` days ago (in its review period when recent)."""
    booth = factories.booth(name, status=BoothStatus.APPLIED, **fields)
    decider = staff("manage_vendors")
    booth = change_booth_status(
        actor=decider, booth=booth, to_status=BoothStatus.APPROVED, reason="Hồ sơ đầy đủ"
    )
    if days_ago:
        booth.status_changes.update(created_at=timezone.now() - timedelta(days=days_ago))
    return booth


def gid(type_name: str, pk: int) -> str:
    return to_global_id(type_name, pk)


def certificate(
    *,
    kind: str = "ocop",
    product=None,
    vendor=None,
    stars: int | None = 4,
    code: str | None = None,
    issuer: str = "UBND tỉnh Gia Lai",
    issued_at: datetime | None = None,
    expires_at: datetime | None = None,
    verified: bool = True,
    **fields,
) -> Certification:
    """A certificate submitted by the operator's tools, and verified unless told otherwise."""
    if kind != "ocop":
        stars = None
    submitted = services.submit_certificate(
        actor=SYSTEM,
        kind=kind,
        product=product,
        vendor=vendor,
        stars=stars,
        code=code or f"{kind.upper()}-{next(_emails)}",
        issuer=issuer,
        issued_at=issued_at or timezone.now() - timedelta(days=30),
        expires_at=expires_at,
        **fields,
    )
    if verified:
        submitted = services.verify_certificate(actor=SYSTEM, certification=submitted)
    return submitted


PRODUCT_NAMES = """
query Products(
  $filter: ProductFilterInput, $where: ProductWhereInput, $search: String, $channel: String
) {
  products(first: 100, channel: $channel, filter: $filter, where: $where, search: $search) {
    edges { node { name } }
  }
}
"""


def listed_names(graphql_client, **variables) -> list[str]:
    """Names of the products a shopper's list shows with `variables` (filter, where, search)."""
    response = graphql_client(PRODUCT_NAMES, variables)
    assert response.errors is None, response.errors
    return [edge["node"]["name"] for edge in response.data["products"]["edges"]]
