"""Registering, confirming the email address, signing in and reading `me`."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from marketplace.accounts.models import User
from tests.accounts.conftest import ME, PASSWORD, REDIRECT_URL, TOKEN_CREATE

REGISTER = """
mutation Register($input: AccountRegisterInput!) {
  accountRegister(input: $input) {
    user { id email }
    requiresConfirmation
    errors { field message code }
  }
}
"""
CONFIRM = """
mutation Confirm($email: String!, $token: String!) {
  confirmAccount(email: $email, token: $token) {
    user { id email isConfirmed isActive }
    errors { field message code }
  }
}
"""


def register(graphql_client, email="hoa@example.com", password=PASSWORD, **extra):
    variables = {
        "input": {"email": email, "password": password, "redirectUrl": REDIRECT_URL, **extra}
    }
    return graphql_client(REGISTER, variables).data["accountRegister"]


def link_in(message) -> dict[str, str]:
    """The query parameters of the link in an email."""
    url = re.search(r"https?://\S+", message.body).group(0)
    assert url.startswith(REDIRECT_URL)
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


@pytest.mark.django_db
def test_register_confirm_sign_in_and_read_me(graphql_client, mailoutbox):
    result = register(graphql_client, firstName="Hoa", lastName="Trần", languageCode="EN")
    assert result == {
        "user": {"id": "", "email": "hoa@example.com"},
        "requiresConfirmation": True,
        "errors": [],
    }

    (email,) = mailoutbox
    assert email.to == ["hoa@example.com"]
    assert "Confirm your email address" in email.subject
    assert "Hello Hoa," in email.body
    params = link_in(email)
    assert params["email"] == "hoa@example.com"

    confirmed = graphql_client(CONFIRM, params).data["confirmAccount"]
    assert confirmed["errors"] == []
    assert confirmed["user"]["isConfirmed"] is True
    assert confirmed["user"]["isActive"] is True

    signed_in = graphql_client(TOKEN_CREATE, {"email": "Hoa@Example.com", "password": PASSWORD})
    token = signed_in.data["tokenCreate"]["token"]
    assert token and signed_in.data["tokenCreate"]["errors"] == []

    me = graphql_client(ME, headers={"Authorization": f"Bearer {token}"}).data["me"]
    assert me == {
        "id": confirmed["user"]["id"],
        "email": "hoa@example.com",
        "firstName": "Hoa",
        "lastName": "Trần",
        "isStaff": False,
        "isConfirmed": True,
        "languageCode": "EN",
    }


@pytest.mark.django_db
def test_unconfirmed_account_cannot_sign_in(graphql_client, mailoutbox):
    register(graphql_client)

    result = graphql_client(TOKEN_CREATE, {"email": "hoa@example.com", "password": PASSWORD})

    payload = result.data["tokenCreate"]
    assert payload["token"] is None
    assert payload["errors"][0]["code"] == "ACCOUNT_NOT_CONFIRMED"


@pytest.mark.django_db
def test_confirmation_link_works_once_and_only_with_its_token(graphql_client, mailoutbox):
    register(graphql_client)
    params = link_in(mailoutbox[0])

    wrong = graphql_client(CONFIRM, {**params, "token": "abc-123"}).data["confirmAccount"]
    assert wrong["user"] is None
    assert wrong["errors"] == [
        {"field": "token", "message": "Liên kết không hợp lệ hoặc đã hết hạn.", "code": "INVALID"}
    ]
    assert graphql_client(CONFIRM, params).data["confirmAccount"]["errors"] == []
    again = graphql_client(CONFIRM, params).data["confirmAccount"]
    assert again["errors"][0]["code"] == "INVALID"


@pytest.mark.django_db
def test_registering_a_taken_address_answers_the_same_and_tells_the_owner(
    graphql_client, user, mailoutbox
):
    result = register(graphql_client, email=user.email, password="Another-pass-2025")

    assert result == {
        "user": {"id": "", "email": user.email},
        "requiresConfirmation": True,
        "errors": [],
    }
    (email,) = mailoutbox
    assert email.to == [user.email]
    assert "Bạn đã có tài khoản" in email.subject
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_registering_again_before_confirming_takes_the_new_password(graphql_client, mailoutbox):
    # Someone registers another person's address first, with a password of their own ...
    register(graphql_client, password="Mat-khau-cua-ke-khac-1")
    # ... then the owner of the address registers and follows her link.
    register(graphql_client, password=PASSWORD)
    first_link, second_link = (link_in(message) for message in mailoutbox)

    assert graphql_client(CONFIRM, first_link).data["confirmAccount"]["errors"]
    assert graphql_client(CONFIRM, second_link).data["confirmAccount"]["errors"] == []
    taken = graphql_client(
        TOKEN_CREATE, {"email": "hoa@example.com", "password": "Mat-khau-cua-ke-khac-1"}
    )
    assert taken.data["tokenCreate"]["token"] is None
    owner = graphql_client(TOKEN_CREATE, {"email": "hoa@example.com", "password": PASSWORD})
    assert owner.data["tokenCreate"]["token"]


@pytest.mark.django_db
def test_confirmation_email_follows_the_language_of_the_account(graphql_client, mailoutbox):
    register(graphql_client, email="mai@example.com", firstName="Mai", languageCode="VI")
    register(graphql_client, email="ann@example.com", firstName="Ann", languageCode="EN")

    vietnamese, english = mailoutbox
    assert "Xin chào Mai," in vietnamese.body
    assert "Xác nhận" in vietnamese.subject
    assert "Hello Ann," in english.body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "code"),
    [("short1", "PASSWORD_TOO_SHORT"), ("12345678901", "PASSWORD_ENTIRELY_NUMERIC")],
)
def test_weak_passwords_are_refused(graphql_client, mailoutbox, password, code):
    result = register(graphql_client, password=password)

    assert code in {error["code"] for error in result["errors"]}
    assert {error["field"] for error in result["errors"]} == {"password"}
    assert not User.objects.exists()
    assert mailoutbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("redirect_url", "code"),
    [(None, "REQUIRED"), ("https://phishing.example.net/reset", "INVALID"), ("ftp://x", "INVALID")],
)
def test_links_point_only_to_allowed_hosts(graphql_client, mailoutbox, redirect_url, code):
    variables = {"input": {"email": "hoa@example.com", "password": PASSWORD}}
    if redirect_url:
        variables["input"]["redirectUrl"] = redirect_url

    result = graphql_client(REGISTER, variables).data["accountRegister"]

    assert result["errors"][0]["field"] == "redirectUrl"
    assert result["errors"][0]["code"] == code
    assert mailoutbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [("vi", "Địa chỉ email không hợp lệ."), ("en", "This is not a valid email address.")],
)
def test_errors_speak_the_language_of_the_request(graphql_client, language, message):
    variables = {"input": {"email": "x", "password": PASSWORD, "redirectUrl": REDIRECT_URL}}

    result = graphql_client(REGISTER, variables, headers={"Accept-Language": language})

    assert result.data["accountRegister"]["errors"] == [
        {"field": "email", "message": message, "code": "INVALID"}
    ]
