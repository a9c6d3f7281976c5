"""The people of the permission matrix, and how to make each one for booth A.

Booth A is the booth every operation is tried on. Its people are a member, a manager and an
owner; booth B has an owner of its own, who must never reach booth A. Staff come without any
permission, or with exactly one of the staff permissions (one persona per `Permission`).
"""

from django.contrib.auth.models import Permission as DjangoPermission

from marketplace.accounts.models import User
from marketplace.core.permissions import Permission
from vendors.models import BoothMember, BoothRole

ANONYMOUS = "anonymous"
SHOPPER = "shopper"
MEMBER_OF_A = "member of A"
MANAGER_OF_A = "manager of A"
OWNER_OF_A = "owner of A"
OWNER_OF_B = "owner of B"
STAFF = "staff without permissions"


def staff_with(permission: Permission) -> str:
    """The persona name of staff holding exactly `permission`."""
    return f"staff with {permission.name}"


PERSONAS: tuple[str, ...] = (
    ANONYMOUS,
    SHOPPER,
    MEMBER_OF_A,
    MANAGER_OF_A,
    OWNER_OF_A,
    OWNER_OF_B,
    STAFF,
    *(staff_with(permission) for permission in Permission),
)

# Who holds which role where: (booth, role) of the booth personas.
BOOTH_ROLES = {
    MEMBER_OF_A: ("a", BoothRole.MEMBER),
    MANAGER_OF_A: ("a", BoothRole.MANAGER),
    OWNER_OF_A: ("a", BoothRole.OWNER),
    OWNER_OF_B: ("b", BoothRole.OWNER),
}
STAFF_PERMISSIONS = {staff_with(permission): permission for permission in Permission}
PASSWORD = "a-long-pass-phrase"


def email_of(persona: str) -> str:
    return persona.replace(" ", "-").lower() + "@example.org"


def account(email: str, *, staff: bool = False, permissions=(), active: bool = True) -> User:
    """An account holding the given staff permissions (`accounts.<codename>`)."""
    user = User.objects.create_user(email, PASSWORD, is_staff=staff, is_active=active)
    if permissions:
        user.user_permissions.add(
            *DjangoPermission.objects.filter(
                content_type__app_label="accounts",
                codename__in=[permission.value for permission in permissions],
            )
        )
        # A fresh copy: Django caches permissions on the instance.
        user = User.objects.get(pk=user.pk)
    return user


def make_persona(persona: str, booths: dict[str, object]) -> User | None:
    """The account of `persona`, with its booth role; `booths` maps "a" and "b" to booths."""
    if persona == ANONYMOUS:
        return None
    if persona in BOOTH_ROLES:
        booth_key, role = BOOTH_ROLES[persona]
        user = account(email_of(persona))
        BoothMember.objects.create(booth=booths[booth_key], user=user, role=role)
        return user
    if persona == SHOPPER:
        return account(email_of(persona))
    if persona == STAFF:
        return account(email_of(persona), staff=True)
    return account(email_of(persona), staff=True, permissions=[STAFF_PERMISSIONS[persona]])
