"""A request signed in by its session cookie must carry the CSRF token; bearer tokens need none."""

import json

import pytest
from django.test import Client

from marketplace.accounts.models import User
from marketplace.core.ids import to_global_id
from tests import factories

RENAME = """mutation($id: ID!) { vendorUpdate(id: $id, input: {name: "Tên mới"}) {
  vendor { name } errors { code } } }"""


@pytest.fixture
def owner_session():
    from vendors.models import BoothMember

    booth = factories.booth("Nhóm dệt")
    owner = User.objects.create_user("owner@example.org", "a-long-pass-phrase")
    BoothMember.objects.create(booth=booth, user=owner, role="owner")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    return browser, booth


def _post(browser, booth, **headers):
    body = json.dumps({"query": RENAME, "variables": {"id": to_global_id("Vendor", booth.pk)}})
    return browser.post("/graphql/", body, content_type="application/json", headers=headers)


@pytest.mark.django_db
def test_a_session_signed_request_without_csrf_token_is_refused(owner_session):
    browser, booth = owner_session

    response = _post(browser, booth)

    assert response.status_code == 403
    booth.refresh_from_db()
    assert booth.name == "Nhóm dệt"


@pytest.mark.django_db
def test_a_session_signed_request_with_the_csrf_token_goes_through(owner_session):
    browser, booth = owner_session
    browser.get("/graphql/", headers={"Accept": "text/html"})  # GraphiQL sets the CSRF cookie
    token = browser.cookies["csrftoken"].value

    response = _post(browser, booth, X_CSRFTOKEN=token)

    assert response.json()["data"]["vendorUpdate"]["vendor"]["name"] == "Tên mới"


@pytest.mark.django_db
def test_anonymous_queries_need_no_csrf_token():
    factories.channel()
    response = Client(enforce_csrf_checks=True).post(
        "/graphql/", json.dumps({"query": "{ channels { slug } }"}), content_type="application/json"
    )
    assert response.json()["data"]["channels"] == [{"slug": "default-channel"}]
