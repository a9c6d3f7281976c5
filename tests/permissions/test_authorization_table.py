"""Who may do what on booth A, action by action, as the one authorization module decides it.

The table below is written from what each action means on a marketplace whose producers include
survivors of trafficking: a booth runs its own shop (every member lists products and submits
certificates), its owners and managers handle the booth's money details and the producers'
public profiles and consents, only its owners decide who belongs to it, and staff act across
booths only through the one permission their job needs. A producer's identity is for the few
staff holding VIEW_PRODUCER_IDENTITY, never for her booth. It is deliberately not derived from
`RULES`: it is the specification `RULES` must meet.
"""

import pytest

from marketplace.core.permissions import Action, NotAllowed, Permission, authorize, can
from tests import factories
from tests.permissions.personas import (
    ANONYMOUS,
    MANAGER_OF_A,
    MEMBER_OF_A,
    OWNER_OF_A,
    OWNER_OF_B,
    PERSONAS,
    SHOPPER,
    STAFF,
    account,
    make_persona,
    staff_with,
)
from vendors.models import BoothMember, BoothRole

EVERYONE_OF_A = {MEMBER_OF_A, MANAGER_OF_A, OWNER_OF_A}
LEADERS_OF_A = {MANAGER_OF_A, OWNER_OF_A}

EXPECTED: dict[Action, set[str]] = {
    # The booth's shop: any member, and catalogue staff for any booth.
    Action.PRODUCT_MANAGE: {*EVERYONE_OF_A, staff_with(Permission.MANAGE_PRODUCTS)},
    Action.CATALOG_IMPORT: {*EVERYONE_OF_A, staff_with(Permission.MANAGE_PRODUCTS)},
    # Commission, bank account and contact: the booth's leaders and staff managing booths.
    Action.BOOTH_VIEW_PRIVATE: {*LEADERS_OF_A, staff_with(Permission.MANAGE_VENDORS)},
    Action.BOOTH_UPDATE: {*LEADERS_OF_A, staff_with(Permission.MANAGE_VENDORS)},
    # Who belongs to the booth: its owners only, or staff managing booths.
    Action.BOOTH_MEMBERS_MANAGE: {OWNER_OF_A, staff_with(Permission.MANAGE_VENDORS)},
    # A booth's existence and life cycle are staff decisions.
    Action.BOOTH_CREATE: {staff_with(Permission.MANAGE_VENDORS)},
    Action.BOOTH_CHANGE_STATUS: {staff_with(Permission.MANAGE_VENDORS)},
    # Producers' public profiles and consents: the booth's leaders, not every member.
    Action.PRODUCER_PROFILE_MANAGE: {*LEADERS_OF_A, staff_with(Permission.MANAGE_VENDORS)},
    Action.PRODUCER_CONSENT_MANAGE: {*LEADERS_OF_A, staff_with(Permission.MANAGE_VENDORS)},
    # Who a producer is: never her booth, never other staff.
    Action.PRODUCER_IDENTITY_VIEW: {staff_with(Permission.VIEW_PRODUCER_IDENTITY)},
    Action.PRODUCER_IDENTITY_UPDATE: {staff_with(Permission.VIEW_PRODUCER_IDENTITY)},
    Action.PRODUCER_ERASE: {staff_with(Permission.VIEW_PRODUCER_IDENTITY)},
    Action.ACCESS_LOG_VIEW: {staff_with(Permission.VIEW_PRODUCER_IDENTITY)},
    # Certificates: the booth submits, only verifying staff decide.
    Action.CERTIFICATE_SUBMIT: {*EVERYONE_OF_A, staff_with(Permission.VERIFY_CERTIFICATES)},
    Action.CERTIFICATE_VERIFY: {staff_with(Permission.VERIFY_CERTIFICATES)},
    Action.LISTING_MODERATE: {staff_with(Permission.MANAGE_PRODUCTS)},
    Action.CURATE: {staff_with(Permission.CURATE_CONTENT)},
    # Orders: the booth ships its own, its leaders see its ledger; money moves by staff only.
    Action.ORDER_FULFIL: {*EVERYONE_OF_A, staff_with(Permission.MANAGE_ORDERS)},
    Action.ORDER_MANAGE: {staff_with(Permission.MANAGE_ORDERS)},
    Action.LEDGER_VIEW: {*LEADERS_OF_A, staff_with(Permission.MANAGE_ORDERS)},
    Action.PAYOUT_RECORD: {staff_with(Permission.MANAGE_ORDERS)},
    Action.STAFF_MANAGE: {staff_with(Permission.MANAGE_STAFF)},
}


@pytest.fixture
def booths(db) -> dict[str, object]:
    return {"a": factories.booth("Tổ hợp tác dệt thổ cẩm"), "b": factories.booth("Nhóm mật ong")}


def test_the_table_names_every_action_and_only_known_personas():
    assert set(EXPECTED) == set(Action)
    for allowed in EXPECTED.values():
        assert allowed <= set(PERSONAS)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", list(Action), ids=str)
def test_who_may_act_on_booth_a(booths, action: Action, persona: str):
    user = make_persona(persona, booths)
    expected = persona in EXPECTED[action]

    assert can(user, action, booths["a"]) is expected
    if expected:
        authorize(user, action, booths["a"])
    else:
        with pytest.raises(NotAllowed):
            authorize(user, action, booths["a"])


@pytest.mark.parametrize("action", list(Action), ids=str)
def test_an_inactive_staff_member_with_every_permission_may_do_nothing(booths, action: Action):
    retired = account("retired@example.org", staff=True, permissions=list(Permission), active=False)
    BoothMember.objects.create(booth=booths["a"], user=retired, role=BoothRole.OWNER)

    assert not can(retired, action, booths["a"])
    assert not can(retired, action)


@pytest.mark.parametrize("action", list(Action), ids=str)
def test_permissions_without_staff_status_give_nothing_beyond_a_booth_role(booths, action):
    """Staff permissions count only for staff accounts: a shopper who somehow holds them is
    still a shopper, and a member of booth A still only a member."""
    shopper = account("not-staff@example.org", permissions=list(Permission))
    member = account("member-not-staff@example.org", permissions=list(Permission))
    BoothMember.objects.create(booth=booths["a"], user=member, role=BoothRole.MEMBER)

    assert not can(shopper, action, booths["a"])
    assert can(member, action, booths["a"]) is (MEMBER_OF_A in EXPECTED[action])


@pytest.mark.parametrize("action", list(Action), ids=str)
def test_a_deactivated_owner_of_booth_a_may_do_nothing_there(booths, action: Action):
    owner = make_persona(OWNER_OF_A, booths)
    owner.is_active = False
    owner.save(update_fields=["is_active"])

    assert not can(owner, action, booths["a"])


@pytest.mark.parametrize("action", list(Action), ids=str)
def test_booth_roles_count_only_on_their_own_booth(booths, action: Action):
    """Without a booth, only staff permissions count: a role in some booth is not a licence."""
    owner = make_persona(OWNER_OF_A, booths)

    assert not can(owner, action)
    assert not can(owner, action, booths["b"])


def test_the_personas_are_who_they_say(booths):
    """The matrix is only as good as its people: roles and permissions as named."""
    assert make_persona(ANONYMOUS, booths) is None
    shopper = make_persona(SHOPPER, booths)
    assert not shopper.is_staff and not shopper.booth_memberships.exists()
    assert make_persona(STAFF, booths).get_all_permissions() == set()
    owner_b = make_persona(OWNER_OF_B, booths)
    assert list(owner_b.booth_memberships.values_list("booth", "role")) == [
        (booths["b"].pk, BoothRole.OWNER)
    ]
    for permission in Permission:
        staff = make_persona(staff_with(permission), booths)
        assert staff.is_staff and staff.is_active
        assert staff.get_all_permissions() == {f"accounts.{permission.value}"}
