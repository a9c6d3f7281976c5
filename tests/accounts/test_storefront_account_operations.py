"""The Saleor storefronts' own account operations validate against our schema and work.

The documents are read from `../shared/reference/saleor-storefront` (beside the project's
checkout); they are not part of the project.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, print_ast

from marketplace.accounts.models import User
from tests.accounts.conftest import PASSWORD, REDIRECT_URL, bearer
from tests.accounts.test_registration import link_in

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "reference" / "saleor-storefront"
ACCOUNT_OPERATIONS = {
    "checkout/checkout:addressValidationRules",
    "checkout/user:user",
    "checkout/user:userRegister",
    "checkout/user:requestPasswordReset",
    "checkout/user:userAddressDelete",
    "checkout/user:userAddressUpdate",
    "checkout/user:userAddressCreate",
    "checkout/user:userSetDefaultAddress",
    "storefront/AccountAddressCreate:AccountAddressCreate",
    "storefront/AccountAddressDelete:AccountAddressDelete",
    "storefront/AccountAddressUpdate:AccountAddressUpdate",
    "storefront/AccountRequestDeletion:AccountRequestDeletion",
    "storefront/AccountSetDefaultAddress:AccountSetDefaultAddress",
    "storefront/AccountUpdate:AccountUpdate",
    "storefront/CurrentUser:CurrentUser",
    "storefront/CurrentUserProfile:CurrentUserProfile",
    "storefront/PasswordChange:PasswordChange",
    "storefront/app_api_auth_register_route:AccountRegister",
    "storefront/app_api_auth_reset-password_route:RequestPasswordReset",
    "storefront/lib_auth_confirm-account:ConfirmAccount",
}
ADDRESS = {
    "firstName": "Lan",
    "lastName": "Nguyễn",
    "streetAddress1": "12 Hàng Bạc",
    "city": "Hoàn Kiếm",
    "countryArea": "Hà Nội",
    "country": "VN",
    "phone": "0912345678",
}


def test_every_account_operation_of_the_storefronts_validates(tmp_path):
    schema_file = tmp_path / "schema.graphql"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "graphql_schema",
            "--schema",
            "marketplace.graphql.schema.schema",
            "--out",
            str(schema_file),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "saleor_compat.py"), str(schema_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    valid = {line.split()[1] for line in result.stdout.splitlines() if line.startswith("ok ")}
    assert valid >= ACCOUNT_OPERATIONS, result.stdout


def _document(folder: str, name: str) -> str:
    """Operation `name` of a document set, with the fragments it uses."""
    operations, fragments = {}, {}
    for path in sorted((REFERENCE / folder).glob("*.graphql")):
        for definition in parse(path.read_text(encoding="utf-8")).definitions:
            if isinstance(definition, FragmentDefinitionNode):
                fragments[definition.name.value] = definition
            elif isinstance(definition, OperationDefinitionNode) and definition.name:
                operations[definition.name.value] = definition
    needed, todo = {}, [operations[name]]
    while todo:
        for spread in re.findall(r"\.\.\.\s*([A-Za-z_]\w*)", print_ast(todo.pop())):
            if spread in fragments and spread not in needed:
                needed[spread] = fragments[spread]
                todo.append(fragments[spread])
    return "\n".join(print_ast(node) for node in (operations[name], *needed.values()))


def run(graphql_client, folder, name, variables=None, headers=None) -> dict:
    result = graphql_client(_document(folder, name), variables or {}, headers=headers)
    assert result.status_code == 200
    assert "errors" not in result.json, result.json["errors"]
    (payload,) = result.data.values()
    if isinstance(payload, dict) and "errors" in payload:
        assert payload["errors"] == [], payload["errors"]
    return payload


@pytest.mark.django_db
def test_storefront_sign_up_and_profile_operations_work(graphql_client, mailoutbox):
    register = {"email": "hoa@example.com", "password": PASSWORD, "redirectUrl": REDIRECT_URL}
    registered = run(graphql_client, "storefront", "AccountRegister", {"input": register})
    assert registered["user"]["email"] == "hoa@example.com"

    confirmed = run(graphql_client, "storefront", "ConfirmAccount", link_in(mailoutbox[0]))
    assert confirmed["user"]["isConfirmed"] is True
    headers = bearer(User.objects.get())

    assert run(graphql_client, "storefront", "CurrentUser", headers=headers)["email"]
    created = run(graphql_client, "storefront", "AccountAddressCreate", {"input": ADDRESS}, headers)
    address_id = created["address"]["id"]
    assert created["address"]["city"] == "Phường Hoàn Kiếm"
    run(
        graphql_client,
        "storefront",
        "AccountAddressUpdate",
        {"id": address_id, "input": {"streetAddress2": "Tầng 2"}},
        headers,
    )
    run(
        graphql_client,
        "storefront",
        "AccountSetDefaultAddress",
        {"id": address_id, "type": "SHIPPING"},
        headers,
    )
    run(graphql_client, "storefront", "AccountUpdate", {"input": {"lastName": "Lê"}}, headers)
    profile = run(graphql_client, "storefront", "CurrentUserProfile", headers=headers)
    assert profile["lastName"] == "Lê"
    assert profile["addresses"][0]["streetAddress2"] == "Tầng 2"
    assert profile["defaultShippingAddress"] == {"id": address_id}
    assert profile["avatar"] is None
    run(graphql_client, "storefront", "AccountAddressDelete", {"id": address_id}, headers)

    run(
        graphql_client,
        "storefront",
        "RequestPasswordReset",
        {"email": "hoa@example.com", "channel": "default-channel", "redirectUrl": REDIRECT_URL},
    )
    run(
        graphql_client,
        "storefront",
        "AccountRequestDeletion",
        {"redirectUrl": REDIRECT_URL},
        headers,
    )
    run(
        graphql_client,
        "storefront",
        "PasswordChange",
        {"oldPassword": PASSWORD, "newPassword": "Mot-mat-khau-moi-2026"},
        headers,
    )
    assert [m.subject.split(": ", 1)[1] for m in mailoutbox[1:]] == [
        "Đặt lại mật khẩu",
        "Xác nhận xoá tài khoản",
    ]


@pytest.mark.django_db
def test_checkout_app_user_operations_work(graphql_client, user):
    headers = bearer(user)

    created = run(
        graphql_client,
        "checkout",
        "userAddressCreate",
        {"address": ADDRESS, "type": "BILLING"},
        headers,
    )
    address_id = created["address"]["id"]
    assert created["user"]["defaultBillingAddress"]["id"] == address_id
    run(
        graphql_client,
        "checkout",
        "userAddressUpdate",
        {"id": address_id, "address": {"postalCode": "10000"}},
        headers,
    )
    run(
        graphql_client,
        "checkout",
        "userSetDefaultAddress",
        {"id": address_id, "type": "SHIPPING"},
        headers,
    )
    me = run(graphql_client, "checkout", "user", headers=headers)
    assert me["defaultShippingAddress"]["postalCode"] == "10000"
    rules = run(graphql_client, "checkout", "addressValidationRules", {"countryCode": "VN"})
    assert len(rules["countryAreaChoices"]) == 34
    deleted = run(graphql_client, "checkout", "userAddressDelete", {"id": address_id}, headers)
    assert deleted["user"]["addresses"] == []
