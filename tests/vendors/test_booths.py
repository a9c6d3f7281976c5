"""Booths: the public face, the life cycle decided by staff, private details and membership."""

import pytest
from django.contrib.auth.models import Permission

from marketplace.accounts.models import User
from marketplace.core.ids import to_global_id
from tests import factories
from vendors.models import BoothMember, BoothRole, BoothStatus, BoothStatusChange

VENDOR = """
query Booth($slug: String!) {
  vendor(slug: $slug) {
    id name slug kind province provinceCode foundingYear memberCount isOpen description
    translation(languageCode: EN) { description }
    products(first: 10, channel: "default-channel") { totalCount edges { node { name } } }
    privateInfo { status commissionRate bankAccount contactPhone members { email role } }
  }
}
"""

STATUS = """
mutation Decide($id: ID!, $reason: String!) {
  %s(id: $id, reason: $reason) { vendor { slug isOpen } errors { field code message } }
}
"""


def staff(*codenames: str, email: str = "staff@example.org") -> User:
    user = User.objects.create_user(email, "a-long-pass-phrase", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return User.objects.get(pk=user.pk)


def member(booth, role=BoothRole.OWNER, email="owner@example.org") -> User:
    user = User.objects.create_user(email, "a-long-pass-phrase")
    BoothMember.objects.create(booth=booth, user=user, role=role)
    return user


@pytest.mark.django_db
def test_open_booth_is_public_with_its_products_but_not_its_private_details(graphql_client):
    booth = factories.booth("Nhóm dệt thổ cẩm", province="gia_lai")
    booth.bank_account = "0123456789 Agribank"
    booth.save()
    factories.product("Khăn thổ cẩm", vendor=booth)

    response = graphql_client(VENDOR, {"slug": booth.slug})

    vendor = response.data["vendor"]
    assert vendor["name"] == "Nhóm dệt thổ cẩm"
    assert vendor["province"] == "Gia Lai"
    assert vendor["isOpen"] is True
    assert vendor["products"]["totalCount"] == 1
    assert vendor["privateInfo"] is None
    assert "Agribank" not in str(response.json)


@pytest.mark.django_db
def test_suspending_a_booth_hides_its_products_at_once(client, graphql_client):
    booth = factories.booth()
    factories.product("Mật ong rừng", vendor=booth)
    client.force_login(staff("manage_vendors"))

    answer = graphql_client(
        STATUS % "vendorSuspend",
        {"id": to_global_id("Vendor", booth.pk), "reason": "Giấy tờ chưa đủ"},
    )

    assert answer.data["vendorSuspend"]["errors"] == []
    client.logout()
    listing = graphql_client('{ products(first: 5, channel: "default-channel") { totalCount } }')
    assert listing.data["products"]["totalCount"] == 0
    search = graphql_client(
        '{ products(first: 5, channel: "default-channel", search: "mat ong") { totalCount } }'
    )
    assert search.data["products"]["totalCount"] == 0
    assert graphql_client(VENDOR, {"slug": booth.slug}).data["vendor"] is None


@pytest.mark.django_db
def test_life_cycle_records_who_decided_and_why(client, graphql_client):
    booth = factories.booth(status=BoothStatus.APPLIED)
    decider = staff("manage_vendors")
    client.force_login(decider)
    booth_id = to_global_id("Vendor", booth.pk)

    for mutation, reason in [
        ("vendorApprove", "Hồ sơ đầy đủ"),
        ("vendorSuspend", "Tạm dừng"),
        ("vendorApprove", "Đã bổ sung"),
        ("vendorClose", "Nhóm giải thể"),
    ]:
        answer = graphql_client(STATUS % mutation, {"id": booth_id, "reason": reason})
        assert answer.data[mutation]["errors"] == [], answer.json

    history = list(BoothStatusChange.objects.filter(booth=booth).order_by("pk"))
    assert [(h.from_status, h.to_status) for h in history] == [
        ("applied", "approved"),
        ("approved", "suspended"),
        ("suspended", "approved"),
        ("approved", "closed"),
    ]
    assert all(h.changed_by == decider for h in history)
    assert history[-1].reason == "Nhóm giải thể"


@pytest.mark.django_db
def test_a_closed_booth_cannot_reopen_and_a_reason_is_required(client, graphql_client):
    booth = factories.booth(status=BoothStatus.CLOSED)
    client.force_login(staff("manage_vendors"))
    booth_id = to_global_id("Vendor", booth.pk)

    reopen = graphql_client(STATUS % "vendorApprove", {"id": booth_id, "reason": "Mở lại"})
    no_reason = graphql_client(STATUS % "vendorSuspend", {"id": booth_id, "reason": "  "})

    assert reopen.data["vendorApprove"]["errors"][0]["code"] == "INVALID_STATUS_CHANGE"
    assert no_reason.data["vendorSuspend"]["errors"][0]["code"] == "REQUIRED"
    booth.refresh_from_db()
    assert booth.status == BoothStatus.CLOSED


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "owner", "staff-without-permission"])
def test_only_staff_managing_booths_decide_the_life_cycle(who, client, graphql_client):
    booth = factories.booth(status=BoothStatus.APPLIED)
    if who == "owner":
        client.force_login(member(booth))
    elif who == "staff-without-permission":
        client.force_login(staff("manage_products"))

    answer = graphql_client(
        STATUS % "vendorApprove", {"id": to_global_id("Vendor", booth.pk), "reason": "Tự duyệt"}
    )

    assert answer.data["vendorApprove"]["errors"][0]["code"] in {"PERMISSION_DENIED", "NOT_FOUND"}
    booth.refresh_from_db()
    assert booth.status == BoothStatus.APPLIED


@pytest.mark.django_db
def test_owner_sees_private_details_and_members_of_own_booth_only(client, graphql_client):
    mine, theirs = factories.booth(), factories.booth()
    client.force_login(member(mine))

    own = graphql_client(VENDOR, {"slug": mine.slug}).data["vendor"]["privateInfo"]
    other = graphql_client(VENDOR, {"slug": theirs.slug}).data["vendor"]["privateInfo"]

    assert own["status"] == "APPROVED"
    assert own["members"] == [{"email": "owner@example.org", "role": "OWNER"}]
    assert other is None


@pytest.mark.django_db
def test_vendors_filter_by_search_without_diacritics_province_and_kind(graphql_client):
    factories.booth("Hợp tác xã Mật ong Đắk Lắk", province="dak_lak")
    factories.booth("Nhóm thêu Lào Cai", province="lao_cai")
    factories.booth("Nhóm đóng cửa", status=BoothStatus.SUSPENDED)
    query = """query V($filter: VendorFilterInput) {
      vendors(first: 10, filter: $filter) { totalCount edges { node { name } } }
    }"""

    def names(spec=None):
        data = graphql_client(query, {"filter": spec}).data["vendors"]
        return sorted(edge["node"]["name"] for edge in data["edges"])

    assert names() == ["Hợp tác xã Mật ong Đắk Lắk", "Nhóm thêu Lào Cai"]
    assert names({"search": "mat ong dak lak"}) == ["Hợp tác xã Mật ong Đắk Lắk"]
    assert names({"provinces": ["lao_cai"]}) == ["Nhóm thêu Lào Cai"]
    assert names({"kinds": ["COOPERATIVE"]}) == []


@pytest.mark.django_db
def test_listing_booths_by_status_is_for_staff(client, graphql_client):
    factories.booth("Nhóm mới", status=BoothStatus.APPLIED)
    query = "{ vendors(first: 5, filter: {statuses: [APPLIED]}) { edges { node { name } } } }"

    public = graphql_client(query)
    client.force_login(staff("manage_vendors"))
    staff_view = graphql_client(query)

    assert public.errors and public.data["vendors"] is None
    assert [e["node"]["name"] for e in staff_view.data["vendors"]["edges"]] == ["Nhóm mới"]


@pytest.mark.django_db
def test_owner_invites_a_member_who_accepts_and_the_last_owner_stays(
    client, graphql_client, mailoutbox, django_capture_on_commit_callbacks
):
    booth = factories.booth()
    owner = member(booth)
    helper = User.objects.create_user("helper@example.org", "a-long-pass-phrase")
    client.force_login(owner)

    with django_capture_on_commit_callbacks(execute=True):
        invite = graphql_client(
            """mutation($v: ID!) { vendorMemberInvite(vendor: $v, email: "Helper@Example.org",
           role: MANAGER) { invitationSent errors { code } } }""",
            {"v": to_global_id("Vendor", booth.pk)},
        )
    assert invite.data["vendorMemberInvite"]["errors"] == []
    token = mailoutbox[-1].body.strip().split()[-1]

    client.force_login(helper)
    accept = graphql_client(
        "mutation($t: String!) { vendorInvitationAccept(token: $t) { vendor { slug } "
        "errors { code } } }",
        {"t": token},
    )
    assert accept.data["vendorInvitationAccept"]["vendor"]["slug"] == booth.slug
    assert BoothMember.objects.get(booth=booth, user=helper).role == BoothRole.MANAGER

    client.force_login(owner)
    owner_membership = BoothMember.objects.get(booth=booth, user=owner)
    demote = graphql_client(
        "mutation($id: ID!) { vendorMemberUpdate(id: $id, role: MEMBER) { errors { code } } }",
        {"id": to_global_id("VendorMember", owner_membership.pk)},
    )
    assert demote.data["vendorMemberUpdate"]["errors"] == [{"code": "LAST_OWNER"}]


@pytest.mark.django_db
def test_a_manager_cannot_manage_members_and_nobody_edits_another_booth(client, graphql_client):
    mine, theirs = factories.booth(), factories.booth("Nhóm khác")
    client.force_login(member(mine, role=BoothRole.MANAGER, email="manager@example.org"))
    update = """mutation($id: ID!) { vendorUpdate(id: $id, input: {name: "Đổi tên"}) {
      vendor { name } errors { code } } }"""

    own = graphql_client(update, {"id": to_global_id("Vendor", mine.pk)})
    other = graphql_client(update, {"id": to_global_id("Vendor", theirs.pk)})
    invite = graphql_client(
        """mutation($v: ID!) { vendorMemberInvite(vendor: $v, email: "x@example.org",
           role: MEMBER) { errors { code } } }""",
        {"v": to_global_id("Vendor", mine.pk)},
    )

    assert own.data["vendorUpdate"]["vendor"]["name"] == "Đổi tên"
    assert other.data["vendorUpdate"]["errors"][0]["code"] in {"NOT_FOUND", "PERMISSION_DENIED"}
    theirs.refresh_from_db()
    assert theirs.name == "Nhóm khác"
    assert invite.data["vendorMemberInvite"]["errors"][0]["code"] in {
        "NOT_FOUND",
        "PERMISSION_DENIED",
    }


@pytest.mark.django_db
def test_staff_create_a_booth_with_a_real_province(client, graphql_client):
    client.force_login(staff("manage_vendors"))
    create = """mutation($input: VendorCreateInput!) { vendorCreate(input: $input) {
      vendor { slug province isOpen } errors { field code } } }"""

    good = graphql_client(
        create,
        {
            "input": {
                "name": "Hợp tác xã Chè Shan tuyết",
                "province": "lao_cai",
                "kind": "COOPERATIVE",
            }
        },
    )
    bad = graphql_client(create, {"input": {"name": "Nhóm X", "province": "atlantis"}})

    assert good.data["vendorCreate"]["vendor"] == {
        "slug": "hop-tac-xa-che-shan-tuyet",
        "province": "Lào Cai",
        "isOpen": False,
    }
    assert bad.data["vendorCreate"]["errors"] == [{"field": "province", "code": "INVALID"}]
