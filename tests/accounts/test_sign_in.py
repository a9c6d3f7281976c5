"""Signing in with tokens: create, refresh, verify, limits on guessing, and bad tokens."""

import logging
from datetime import timedelta

import jwt
import pytest
from django.test import override_settings
from django.utils import timezone

from marketplace.accounts import tokens
from marketplace.core.ids import to_global_id
from tests.accounts.conftest import ME, PASSWORD, TOKEN_CREATE, bearer

REFRESH = """
mutation Refresh($refreshToken: String) {
  tokenRefresh(refreshToken: $refreshToken) {
    token
    user { email }
    errors { field message code }
  }
}
"""
VERIFY = """
mutation Verify($token: String!) {
  tokenVerify(token: $token) {
    isValid
    payload
    user { email }
    errors { field message code }
  }
}
"""
PASSWORD_CHANGE = """
mutation PasswordChange($newPassword: String!, $oldPassword: String!) {
  passwordChange(newPassword: $newPassword, oldPassword: $oldPassword) {
    user { email }
    errors { field message code }
  }
}
"""
NEW_PASSWORD = "Song-Hong-mua-lu-2026"


def sign_in(graphql_client, email="lan@example.com", password=PASSWORD, ip="127.0.0.1"):
    client = graphql_client.client
    client.defaults["REMOTE_ADDR"] = ip
    return graphql_client(TOKEN_CREATE, {"email": email, "password": password}).data["tokenCreate"]


def codes(payload) -> list[str]:
    return [error["code"] for error in payload["errors"]]


def test_access_and_refresh_tokens_have_saleors_payload(graphql_client, user):
    result = sign_in(graphql_client)

    access = tokens.decode_token(result["token"])
    refresh = tokens.decode_token(result["refreshToken"])
    user_id = to_global_id("User", user.pk)
    assert access["type"] == "access"
    assert refresh["type"] == "refresh"
    for payload in (access, refresh):
        assert payload["user_id"] == user_id == result["user"]["id"]
        assert payload["email"] == user.email
        assert payload["is_staff"] is False
        assert payload["token"] == user.jwt_token_key
        assert payload["exp"] > payload["iat"]
    assert access["exp"] - access["iat"] == 300


def test_wrong_password_or_unknown_email_gives_the_same_error(graphql_client, user):
    wrong_password = sign_in(graphql_client, password="not-the-password")
    unknown = sign_in(graphql_client, email="nobody@example.com")

    for payload in (wrong_password, unknown):
        assert payload["token"] is None
        assert payload["user"] is None
        assert payload["errors"] == wrong_password["errors"]
    assert codes(wrong_password) == ["INVALID_CREDENTIALS"]


def test_inactive_account_cannot_sign_in(graphql_client, make_user):
    make_user(is_active=False)

    assert codes(sign_in(graphql_client)) == ["INACTIVE"]


@override_settings(LOGIN_RATE_LIMIT_PER_ACCOUNT=3, LOGIN_RATE_LIMIT_PER_IP=100)
def test_sign_in_is_delayed_after_failed_attempts_on_one_account(graphql_client, user):
    for ip in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        assert codes(sign_in(graphql_client, password="guess", ip=ip)) == ["INVALID_CREDENTIALS"]

    # From yet another address, and with the right password: still refused for now.
    blocked = sign_in(graphql_client, ip="10.0.0.4")

    assert blocked["token"] is None
    (error,) = blocked["errors"]
    assert error["code"] == "LOGIN_ATTEMPT_DELAYED"
    assert error["field"] == "email"
    assert "15" in error["message"]  # "... try again in 15 minutes"
    # Other accounts are not affected.
    assert codes(sign_in(graphql_client, email="other@example.com", ip="10.0.0.5")) == [
        "INVALID_CREDENTIALS"
    ]


@override_settings(LOGIN_RATE_LIMIT_PER_ACCOUNT=100, LOGIN_RATE_LIMIT_PER_IP=4)
def test_sign_in_is_delayed_after_failed_attempts_from_one_ip(graphql_client, user):
    for number in range(4):
        sign_in(graphql_client, email=f"guess{number}@example.com", ip="203.0.113.9")

    blocked = sign_in(graphql_client, ip="203.0.113.9")
    elsewhere = sign_in(graphql_client, ip="198.51.100.7")

    assert codes(blocked) == ["LOGIN_ATTEMPT_DELAYED"]
    assert elsewhere["token"]


@override_settings(LOGIN_RATE_LIMIT_PER_ACCOUNT=2, LOGIN_RATE_LIMIT_WINDOW=60)
def test_delay_message_is_clear_in_english(graphql_client, user):
    for _ in range(2):
        sign_in(graphql_client, password="guess")
    graphql_client.client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    (error,) = sign_in(graphql_client)["errors"]

    assert error["message"] == "Too many failed sign-in attempts. Try again in 1 minute."


@override_settings(LOGIN_RATE_LIMIT_PER_ACCOUNT=3)
def test_a_successful_sign_in_forgives_earlier_failures(graphql_client, user):
    for _ in range(2):
        sign_in(graphql_client, password="guess")
    assert sign_in(graphql_client)["token"]
    for _ in range(2):
        sign_in(graphql_client, password="guess")

    assert sign_in(graphql_client)["token"]


@override_settings(RATE_LIMIT_PROXY_COUNT=1, LOGIN_RATE_LIMIT_PER_IP=2)
def test_behind_a_proxy_the_forwarded_address_is_limited(graphql_client, user):
    client = graphql_client.client
    for _ in range(2):
        client.defaults["HTTP_X_FORWARDED_FOR"] = "spoofed, 192.0.2.10"
        sign_in(graphql_client, email="x@example.com", ip="10.0.0.1")

    client.defaults["HTTP_X_FORWARDED_FOR"] = "192.0.2.10"
    assert codes(sign_in(graphql_client, ip="10.0.0.1")) == ["LOGIN_ATTEMPT_DELAYED"]
    client.defaults["HTTP_X_FORWARDED_FOR"] = "192.0.2.11"
    assert sign_in(graphql_client, ip="10.0.0.1")["token"]


def test_refresh_token_gives_a_new_access_token(graphql_client, user):
    refresh_token = sign_in(graphql_client)["refreshToken"]

    result = graphql_client(REFRESH, {"refreshToken": refresh_token}).data["tokenRefresh"]

    assert result["errors"] == []
    assert result["user"] == {"email": user.email}
    assert graphql_client(ME, headers={"Authorization": f"Bearer {result['token']}"}).data["me"]


def test_an_access_token_cannot_refresh_and_a_refresh_token_cannot_authenticate(
    graphql_client, user
):
    signed = sign_in(graphql_client)

    refreshed = graphql_client(REFRESH, {"refreshToken": signed["token"]}).data["tokenRefresh"]
    me = graphql_client(ME, headers={"Authorization": f"Bearer {signed['refreshToken']}"})

    assert refreshed["token"] is None
    assert codes(refreshed) == ["JWT_INVALID_TOKEN"]
    assert me.data["me"] is None


def test_refresh_without_a_token_says_it_is_missing(graphql_client, user):
    result = graphql_client(REFRESH, {}).data["tokenRefresh"]

    assert result["errors"][0]["code"] == "JWT_MISSING_TOKEN"
    assert result["errors"][0]["field"] == "refreshToken"


def test_verify_token(graphql_client, user):
    token = sign_in(graphql_client)["token"]

    valid = graphql_client(VERIFY, {"token": token}).data["tokenVerify"]
    garbage = graphql_client(VERIFY, {"token": "garbage"}).data["tokenVerify"]

    assert valid["isValid"] is True
    assert valid["payload"]["type"] == "access"
    assert valid["user"] == {"email": user.email}
    assert garbage["isValid"] is False
    assert garbage["payload"] is None
    assert codes(garbage) == ["JWT_DECODE_ERROR"]


def _expired_token(user) -> str:
    past = timezone.now() - timedelta(hours=1)
    payload = {
        "iat": past,
        "exp": past + timedelta(minutes=5),
        "token": user.jwt_token_key,
        "email": user.email,
        "type": "access",
        "user_id": to_global_id("User", user.pk),
        "is_staff": False,
    }
    return jwt.encode(payload, tokens._signing_key(), algorithm="HS256")


def _forged_token(user) -> str:
    payload = {"type": "access", "token": user.jwt_token_key, "user_id": "VXNlcjox"}
    payload |= {"iat": timezone.now(), "exp": timezone.now() + timedelta(minutes=5)}
    return jwt.encode(payload, "a-key-that-is-not-ours-but-is-long-enough", algorithm="HS256")


def test_expired_token_is_reported_as_expired(graphql_client, user):
    result = graphql_client(VERIFY, {"token": _expired_token(user)}).data["tokenVerify"]

    assert result["isValid"] is False
    assert codes(result) == ["JWT_SIGNATURE_EXPIRED"]


@pytest.mark.parametrize(
    "make_header",
    [
        lambda user: f"Bearer {_expired_token(user)}",
        lambda user: f"Bearer {_forged_token(user)}",
        lambda user: "Bearer garbage",
        lambda user: "Bearer ",
        lambda user: "Bearer eyJhbGciOiJub25lIn0.eyJ0eXBlIjoiYWNjZXNzIn0.",
        lambda user: "JWT " + "x" * 5000,
        lambda user: "Basic dXNlcjpwYXNz",
    ],
    ids=["expired", "forged", "garbage", "empty", "alg-none", "long", "basic"],
)
def test_bad_tokens_give_an_anonymous_user_never_a_500(graphql_client, user, make_header):
    headers = {"Authorization": make_header(user)}

    me = graphql_client(ME, headers=headers)
    change = graphql_client(
        PASSWORD_CHANGE, {"oldPassword": PASSWORD, "newPassword": NEW_PASSWORD}, headers=headers
    )

    assert me.status_code == 200
    assert me.data == {"me": None}
    assert change.status_code == 200
    assert codes(change.data["passwordChange"]) == ["PERMISSION_DENIED"]


def test_token_of_a_deactivated_user_stops_working(graphql_client, user, signed_in):
    user.is_active = False
    user.save()

    assert graphql_client(ME, headers=signed_in).data["me"] is None


def test_password_change_invalidates_earlier_tokens(graphql_client, user):
    old = sign_in(graphql_client)
    headers = {"Authorization": f"Bearer {old['token']}"}

    changed = graphql_client(
        PASSWORD_CHANGE, {"oldPassword": PASSWORD, "newPassword": NEW_PASSWORD}, headers=headers
    ).data["passwordChange"]

    assert changed == {"user": {"email": user.email}, "errors": []}
    assert graphql_client(ME, headers=headers).data["me"] is None
    refreshed = graphql_client(REFRESH, {"refreshToken": old["refreshToken"]})
    assert codes(refreshed.data["tokenRefresh"]) == ["JWT_INVALID_TOKEN"]
    assert codes(sign_in(graphql_client)) == ["INVALID_CREDENTIALS"]
    assert sign_in(graphql_client, password=NEW_PASSWORD)["token"]


def test_password_change_needs_the_old_password_and_a_strong_new_one(
    graphql_client, user, signed_in
):
    wrong_old = graphql_client(
        PASSWORD_CHANGE, {"oldPassword": "guess", "newPassword": NEW_PASSWORD}, headers=signed_in
    ).data["passwordChange"]
    weak_new = graphql_client(
        PASSWORD_CHANGE, {"oldPassword": PASSWORD, "newPassword": "123"}, headers=signed_in
    ).data["passwordChange"]

    assert [(e["field"], e["code"]) for e in wrong_old["errors"]] == [
        ("oldPassword", "INVALID_PASSWORD")
    ]
    assert {(e["field"], e["code"]) for e in weak_new["errors"]} >= {
        ("newPassword", "PASSWORD_TOO_SHORT")
    }
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_staff_flag_is_in_the_token_and_in_me(graphql_client, make_user):
    staff = make_user("admin@example.com", is_staff=True)

    me = graphql_client(ME, headers=bearer(staff)).data["me"]

    assert me["isStaff"] is True
    assert sign_in(graphql_client, email=staff.email)["user"]["email"] == staff.email


def test_no_password_email_or_token_appears_in_the_logs(graphql_client, user, caplog):
    caplog.set_level(logging.DEBUG)
    with override_settings(LOGIN_RATE_LIMIT_PER_ACCOUNT=2):
        signed = sign_in(graphql_client)
        sign_in(graphql_client, password="Wrong-Secret-1")
        sign_in(graphql_client, password="Wrong-Secret-2")
        sign_in(graphql_client, password="Wrong-Secret-3")
    headers = {"Authorization": f"Bearer {signed['token']}"}
    graphql_client(
        PASSWORD_CHANGE, {"oldPassword": PASSWORD, "newPassword": NEW_PASSWORD}, headers=headers
    )
    graphql_client(ME, headers={"Authorization": "Bearer garbage"})
    graphql_client(VERIFY, {"token": signed["refreshToken"]})

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Sign-in" in logged  # the events are logged ...
    for secret in (
        PASSWORD,
        NEW_PASSWORD,
        "Wrong-Secret",
        signed["token"],
        signed["refreshToken"],
        user.email,
        "garbage",
    ):
        assert secret not in logged  # ... but nothing that identifies or signs in
