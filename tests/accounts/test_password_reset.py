"""Forgotten passwords: a reset link by email, the same answer for unknown addresses, limits."""

import pytest
from django.test import override_settings

from tests.accounts.conftest import ME, PASSWORD, REDIRECT_URL, TOKEN_CREATE
from tests.accounts.test_registration import link_in

REQUEST_RESET = """
mutation RequestPasswordReset($email: String!, $channel: String!, $redirectUrl: String!) {
  requestPasswordReset(email: $email, channel: $channel, redirectUrl: $redirectUrl) {
    errors { field message code }
  }
}
"""
SET_PASSWORD = """
mutation SetPassword($email: String!, $token: String!, $password: String!) {
  setPassword(email: $email, token: $token, password: $password) {
    token
    refreshToken
    user { email isConfirmed }
    errors { field message code }
  }
}
"""
NEW_PASSWORD = "Hoa-sen-trong-dam-2026"


def request_reset(graphql_client, email="lan@example.com", ip="127.0.0.1"):
    graphql_client.client.defaults["REMOTE_ADDR"] = ip
    variables = {"email": email, "channel": "default-channel", "redirectUrl": REDIRECT_URL}
    return graphql_client(REQUEST_RESET, variables).data["requestPasswordReset"]


def test_reset_flow_sets_a_new_password_and_signs_in(graphql_client, user, mailoutbox):
    assert request_reset(graphql_client, email="LAN@example.com") == {"errors": []}

    (email,) = mailoutbox
    assert email.to == [user.email]
    assert "Đặt lại mật khẩu" in email.subject  # the account's language is Vietnamese
    params = link_in(email)
    result = graphql_client(SET_PASSWORD, {**params, "password": NEW_PASSWORD}).data["setPassword"]

    assert result["errors"] == []
    assert result["user"] == {"email": user.email, "isConfirmed": True}
    assert graphql_client(ME, headers={"Authorization": f"Bearer {result['token']}"}).data["me"]
    old = graphql_client(TOKEN_CREATE, {"email": user.email, "password": PASSWORD})
    assert old.data["tokenCreate"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    # The link works once.
    again = graphql_client(SET_PASSWORD, {**params, "password": "Another-one-2027"})
    assert again.data["setPassword"]["errors"][0]["code"] == "INVALID"


def test_unknown_address_gets_the_same_answer_and_no_email(graphql_client, user, mailoutbox):
    known = request_reset(graphql_client)
    unknown = request_reset(graphql_client, email="stranger@example.com")

    assert known == unknown == {"errors": []}
    assert [message.to for message in mailoutbox] == [[user.email]]


def test_reset_token_must_match_the_account(graphql_client, make_user, mailoutbox):
    make_user()
    other = make_user("other@example.com")
    request_reset(graphql_client)
    params = link_in(mailoutbox[0])

    result = graphql_client(
        SET_PASSWORD, {**params, "email": other.email, "password": NEW_PASSWORD}
    ).data["setPassword"]

    assert result["token"] is None
    assert result["errors"][0] == {
        "field": "token",
        "message": "Liên kết không hợp lệ hoặc đã hết hạn.",
        "code": "INVALID",
    }


def test_weak_new_password_is_refused(graphql_client, user, mailoutbox):
    request_reset(graphql_client)

    result = graphql_client(SET_PASSWORD, {**link_in(mailoutbox[0]), "password": "abc"})

    assert "PASSWORD_TOO_SHORT" in {e["code"] for e in result.data["setPassword"]["errors"]}


def test_reset_link_must_point_to_an_allowed_host(graphql_client, user, mailoutbox):
    variables = {
        "email": user.email,
        "channel": "default-channel",
        "redirectUrl": "https://attacker.example.org/steal",
    }

    result = graphql_client(REQUEST_RESET, variables).data["requestPasswordReset"]

    assert result["errors"][0]["field"] == "redirectUrl"
    assert mailoutbox == []


@override_settings(PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT=2, PASSWORD_RESET_RATE_LIMIT_PER_IP=50)
@pytest.mark.parametrize("email", ["lan@example.com", "stranger@example.com"])
def test_reset_requests_are_limited_per_address_known_or_not(
    graphql_client, user, mailoutbox, email
):
    for ip in ("10.0.0.1", "10.0.0.2"):
        assert request_reset(graphql_client, email=email, ip=ip) == {"errors": []}

    (error,) = request_reset(graphql_client, email=email, ip="10.0.0.3")["errors"]

    assert error["code"] == "PASSWORD_RESET_ALREADY_REQUESTED"
    assert error["field"] == "email"
    assert "60" in error["message"]
    assert len(mailoutbox) == (2 if email == user.email else 0)


@override_settings(PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT=50, PASSWORD_RESET_RATE_LIMIT_PER_IP=3)
def test_reset_requests_are_limited_per_ip(graphql_client, user, mailoutbox):
    for number in range(3):
        request_reset(graphql_client, email=f"someone{number}@example.com", ip="203.0.113.5")

    blocked = request_reset(graphql_client, ip="203.0.113.5")
    elsewhere = request_reset(graphql_client, ip="198.51.100.1")

    assert blocked["errors"][0]["code"] == "PASSWORD_RESET_ALREADY_REQUESTED"
    assert elsewhere == {"errors": []}
    assert len(mailoutbox) == 1


def test_following_a_reset_link_confirms_an_unconfirmed_account(
    graphql_client, make_user, mailoutbox
):
    user = make_user(is_confirmed=False)
    request_reset(graphql_client)

    graphql_client(SET_PASSWORD, {**link_in(mailoutbox[0]), "password": NEW_PASSWORD})

    user.refresh_from_db()
    assert user.is_confirmed
