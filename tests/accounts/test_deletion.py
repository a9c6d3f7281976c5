"""Deleting one's account: a confirmation link by email, then the deletion itself."""

import re
from urllib.parse import parse_qs, urlsplit

from marketplace.accounts.models import Address, User
from tests.accounts.conftest import ME, REDIRECT_URL, bearer
from tests.accounts.test_address_book import HOAN_KIEM, create

REQUEST_DELETION = """
mutation AccountRequestDeletion($redirectUrl: String!, $channel: String) {
  accountRequestDeletion(redirectUrl: $redirectUrl, channel: $channel) {
    errors { field message code }
  }
}
"""
DELETE = """
mutation AccountDelete($token: String!) {
  accountDelete(token: $token) {
    user { email }
    errors { field message code }
  }
}
"""


def deletion_token(message) -> str:
    url = re.search(r"https?://\S+", message.body).group(0)
    return parse_qs(urlsplit(url).query)["token"][0]


def test_request_deletion_then_delete(graphql_client, user, signed_in, mailoutbox):
    create(graphql_client, signed_in, HOAN_KIEM, type="SHIPPING")

    requested = graphql_client(REQUEST_DELETION, {"redirectUrl": REDIRECT_URL}, headers=signed_in)
    assert requested.data["accountRequestDeletion"] == {"errors": []}
    (email,) = mailoutbox
    assert email.to == [user.email]
    assert "Xác nhận xoá tài khoản" in email.subject

    deleted = graphql_client(DELETE, {"token": deletion_token(email)}, headers=signed_in)

    assert deleted.data["accountDelete"] == {"user": {"email": user.email}, "errors": []}
    assert not User.objects.exists()
    assert not Address.objects.exists()
    assert graphql_client(ME, headers=signed_in).data["me"] is None


def test_deletion_needs_the_emailed_token(graphql_client, user, signed_in):
    result = graphql_client(DELETE, {"token": "made-up"}, headers=signed_in)

    assert result.data["accountDelete"]["errors"][0]["code"] == "INVALID"
    assert User.objects.filter(pk=user.pk).exists()


def test_a_deletion_token_deletes_only_its_own_account(
    graphql_client, user, signed_in, make_user, mailoutbox
):
    other = make_user("other@example.com")
    graphql_client(REQUEST_DELETION, {"redirectUrl": REDIRECT_URL}, headers=signed_in)

    result = graphql_client(DELETE, {"token": deletion_token(mailoutbox[0])}, headers=bearer(other))

    assert result.data["accountDelete"]["errors"][0]["code"] == "INVALID"
    assert User.objects.count() == 2


def test_deletion_needs_a_signed_in_user(graphql_client, db, mailoutbox):
    requested = graphql_client(REQUEST_DELETION, {"redirectUrl": REDIRECT_URL})
    deleted = graphql_client(DELETE, {"token": "x"})

    assert requested.data["accountRequestDeletion"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert deleted.data["accountDelete"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert mailoutbox == []


def test_staff_accounts_are_not_deleted_from_the_storefront(graphql_client, make_user, mailoutbox):
    staff = make_user("admin@example.com", is_staff=True)

    result = graphql_client(REQUEST_DELETION, {"redirectUrl": REDIRECT_URL}, headers=bearer(staff))

    assert result.data["accountRequestDeletion"]["errors"][0]["code"] == "DELETE_STAFF_ACCOUNT"
    assert mailoutbox == []
