"""Listing review: a new booth's products wait for staff; an established booth's publish at once
but stay in the queue until staff have looked; the booth sees each listing's state."""

import pytest
from django.urls import reverse

from marketplace.catalog.models import ModerationStatus
from marketplace.certifications import moderation
from tests import factories
from tests.certifications.builders import booth_opened_by_staff, gid, listed_names, member, staff

pytestmark = pytest.mark.django_db

REVIEWS = """
query Reviews($filter: ListingReviewFilterInput) {
  listingReviews(first: 20, filter: $filter) {
    totalCount
    edges {
      node {
        product { name }
        status
        reason
        waitingForReview
        history { action reason }
      }
    }
  }
}
"""

APPROVE = """
mutation Approve($product: ID!) {
  listingApprove(product: $product) {
    listingReview { status waitingForReview }
    errors { field code message }
  }
}
"""

REJECT = """
mutation Reject($product: ID!, $reason: String!) {
  listingReject(product: $product, reason: $reason) {
    listingReview { status reason }
    errors { field code message }
  }
}
"""


def booth_edits(product, actor, **fields) -> None:
    """What the catalog's product update does: save the (possibly stale) copy, then review.

    The copy in hand still shows the state before staff decided: the review must not trust it.
    """
    for name, value in fields.items():
        setattr(product, name, value)
    product.save()
    moderation.on_listing_changed(product=product, actor=actor)


def reviews(graphql_client, **filter) -> list[dict]:
    response = graphql_client(REVIEWS, {"filter": filter or None})
    assert response.errors is None, response.errors
    return [edge["node"] for edge in response.data["listingReviews"]["edges"]]


def test_products_of_a_new_booth_wait_for_review_before_they_are_public(
    client, graphql_client, channel
):
    booth = booth_opened_by_staff("Nhóm mới mở")
    factories.product("Khăn thổ cẩm", vendor=booth)

    assert listed_names(graphql_client) == []
    client.force_login(member(booth))
    [review] = reviews(graphql_client)
    assert review["product"]["name"] == "Khăn thổ cẩm"
    assert review["status"] == "PENDING"
    assert review["waitingForReview"] is True
    assert [step["action"] for step in review["history"]] == ["SUBMITTED"]


def test_staff_approval_makes_the_product_public(client, graphql_client, channel):
    product = factories.product("Khăn thổ cẩm", vendor=booth_opened_by_staff())
    client.force_login(staff("manage_products"))

    answer = graphql_client(APPROVE, {"product": gid("Product", product.pk)})

    assert answer.data["listingApprove"]["errors"] == []
    assert answer.data["listingApprove"]["listingReview"] == {
        "status": "APPROVED",
        "waitingForReview": False,
    }
    client.logout()
    assert listed_names(graphql_client) == ["Khăn thổ cẩm"]


def test_rejection_hides_the_product_and_the_booth_reads_the_reason(
    client, graphql_client, channel
):
    booth = booth_opened_by_staff()
    product = factories.product("Khăn thổ cẩm", vendor=booth)
    client.force_login(staff("manage_products"))

    answer = graphql_client(
        REJECT, {"product": gid("Product", product.pk), "reason": "Ảnh chưa rõ sản phẩm"}
    )

    assert answer.data["listingReject"]["listingReview"] == {
        "status": "REJECTED",
        "reason": "Ảnh chưa rõ sản phẩm",
    }
    client.force_login(member(booth))
    [review] = reviews(graphql_client)
    assert review["status"] == "REJECTED"
    assert review["reason"] == "Ảnh chưa rõ sản phẩm"
    assert review["history"][0] == {"action": "REJECTED", "reason": "Ảnh chưa rõ sản phẩm"}
    client.logout()
    assert listed_names(graphql_client) == []


def test_a_reason_is_required_to_reject(client, graphql_client, channel):
    product = factories.product(vendor=booth_opened_by_staff())
    client.force_login(staff("manage_products"))

    answer = graphql_client(REJECT, {"product": gid("Product", product.pk), "reason": "  "})

    [error] = answer.data["listingReject"]["errors"]
    assert (error["field"], error["code"]) == ("reason", "REQUIRED")


def test_an_established_booth_publishes_directly_but_stays_reviewable(
    client, graphql_client, channel
):
    booth = booth_opened_by_staff("Nhóm lâu năm", days_ago=91)
    product = factories.product("Gạo nếp", vendor=booth)

    assert listed_names(graphql_client) == ["Gạo nếp"]
    client.force_login(staff("manage_products"))
    [waiting] = reviews(graphql_client, waitingForReview=True)
    assert waiting["status"] == "APPROVED"
    assert [step["action"] for step in waiting["history"]] == ["CHANGED"]

    graphql_client(APPROVE, {"product": gid("Product", product.pk)})

    assert reviews(graphql_client, waitingForReview=True) == []
    # Staff may still take down a published product after the fact.
    graphql_client(REJECT, {"product": gid("Product", product.pk), "reason": "Sai danh mục"})
    client.logout()
    assert listed_names(graphql_client) == []


def test_an_edit_by_a_new_booth_goes_back_to_review(channel):
    booth = booth_opened_by_staff()
    owner = member(booth)
    product = factories.product("Mật ong", vendor=booth)
    moderation.approve_listing(actor=staff("manage_products"), product=product)

    booth_edits(product, owner, name="Mật ong rừng nguyên chất")

    product.refresh_from_db()
    assert product.moderation_status == ModerationStatus.PENDING


def test_a_rejected_product_changed_by_an_established_booth_waits_again(channel):
    booth = booth_opened_by_staff(days_ago=200)
    owner = member(booth)
    product = factories.product("Mật ong", vendor=booth)
    moderation.reject_listing(actor=staff("manage_products"), product=product, reason="Ảnh mờ")

    booth_edits(product, owner, name="Mật ong (ảnh mới)")

    product.refresh_from_db()
    assert product.moderation_status == ModerationStatus.PENDING
    assert product.moderation_reason == ""


def test_staff_edits_need_no_review(channel):
    booth = booth_opened_by_staff()
    product = factories.product("Mật ong", vendor=booth)
    editor = staff("manage_products")
    moderation.approve_listing(actor=editor, product=product)

    booth_edits(product, editor, name="Mật ong hoa cà phê")

    product.refresh_from_db()
    assert product.moderation_status == ModerationStatus.APPROVED


def test_the_review_period_is_a_setting(settings, graphql_client, channel):
    settings.LISTING_REVIEW_DAYS = 30
    booth = booth_opened_by_staff(days_ago=31)
    factories.product("Gạo nếp", vendor=booth)

    assert listed_names(graphql_client) == ["Gạo nếp"]
    assert moderation.review_required(booth) is False
    settings.LISTING_REVIEW_DAYS = 90
    assert moderation.review_required(booth) is True


def test_booths_opened_by_the_operators_tools_are_established(channel):
    booth = factories.booth()  # opened with actor=SYSTEM
    assert moderation.review_required(booth) is False
    assert moderation.review_required(factories.booth(status="applied")) is True


@pytest.mark.parametrize("who", ["owner", "staff-without-permission"])
def test_a_booth_cannot_approve_its_own_listing(client, graphql_client, channel, who):
    booth = booth_opened_by_staff()
    product = factories.product(vendor=booth)
    client.force_login(member(booth) if who == "owner" else staff("verify_certificates"))

    answer = graphql_client(APPROVE, {"product": gid("Product", product.pk)})

    assert answer.data["listingApprove"]["errors"][0]["code"] in {
        "PERMISSION_DENIED",
        "NOT_FOUND",
    }
    product.refresh_from_db()
    assert product.moderation_status == ModerationStatus.PENDING


def test_booths_see_only_their_own_listings_and_anonymous_none(client, graphql_client, channel):
    mine, theirs = booth_opened_by_staff("Nhóm A"), booth_opened_by_staff("Nhóm B")
    factories.product("Của tôi", vendor=mine)
    factories.product("Của nhóm khác", vendor=theirs)

    assert graphql_client(REVIEWS).errors
    client.force_login(member(mine))
    assert [r["product"]["name"] for r in reviews(graphql_client)] == ["Của tôi"]
    client.force_login(staff("manage_products"))
    assert len(reviews(graphql_client, statuses=["PENDING"])) == 2


def test_the_review_queue_in_the_admin_approves_in_bulk(client, channel):
    booth = booth_opened_by_staff()
    first = factories.product("Một", vendor=booth)
    second = factories.product("Hai", vendor=booth)
    client.force_login(staff("manage_products"))
    changelist = reverse("admin:certifications_productunderreview_changelist")

    assert client.get(changelist, {"waiting": "yes"}).status_code == 200
    client.post(
        changelist,
        {"action": "approve_selected", "_selected_action": [first.pk, second.pk]},
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.moderation_status == second.moderation_status == ModerationStatus.APPROVED


def test_the_review_queue_is_closed_to_staff_without_product_rights(client, channel):
    client.force_login(staff("verify_certificates"))
    changelist = reverse("admin:certifications_productunderreview_changelist")
    assert client.get(changelist).status_code == 403


def test_products_of_booths_opened_by_the_operators_tools_are_public_at_once(
    graphql_client, channel
):
    product = factories.product("Mật ong rừng")

    assert product.moderation_status == ModerationStatus.APPROVED
    assert listed_names(graphql_client) == ["Mật ong rừng"]
    assert moderation.needs_review(product) is True  # still shown to staff in the queue
