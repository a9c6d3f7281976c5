"""The signed-in user's address book and profile, through the API."""

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from marketplace.accounts.models import Address
from marketplace.core.ids import to_global_id
from tests.accounts.conftest import bearer

ADDRESS_FIELDS = """
  id firstName lastName companyName streetAddress1 streetAddress2 city cityArea postalCode
  countryArea country { code country } phone isDefaultShippingAddress isDefaultBillingAddress
"""
CREATE = f"""
mutation Create($input: AddressInput!, $type: AddressTypeEnum) {{
  accountAddressCreate(input: $input, type: $type) {{
    address {{ {ADDRESS_FIELDS} }}
    user {{ defaultShippingAddress {{ id }} defaultBillingAddress {{ id }} }}
    errors {{ field message code }}
  }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: AddressInput!) {{
  accountAddressUpdate(id: $id, input: $input) {{
    address {{ {ADDRESS_FIELDS} }}
    errors {{ field message code }}
  }}
}}
"""
DELETE = """
mutation Delete($id: ID!) {
  accountAddressDelete(id: $id) {
    address { id city }
    user { addresses { id } defaultShippingAddress { id } }
    errors { field message code }
  }
}
"""
SET_DEFAULT = """
mutation SetDefault($id: ID!, $type: AddressTypeEnum!) {
  accountSetDefaultAddress(id: $id, type: $type) {
    user { defaultShippingAddress { id } defaultBillingAddress { id } }
    errors { field message code }
  }
}
"""
ACCOUNT_UPDATE = f"""
mutation AccountUpdate($input: AccountInput!) {{
  accountUpdate(input: $input) {{
    user {{
      firstName lastName languageCode
      defaultBillingAddress {{ {ADDRESS_FIELDS} }}
      addresses {{ id }}
    }}
    errors {{ field message code }}
  }}
}}
"""
ME_ADDRESSES = f"""
query {{
  me {{
    addresses {{ {ADDRESS_FIELDS} }}
    defaultShippingAddress {{ id }}
    defaultBillingAddress {{ id }}
  }}
}}
"""
RULES = """
query Rules($countryCode: CountryCode!, $countryArea: String) {
  addressValidationRules(countryCode: $countryCode, countryArea: $countryArea) {
    countryCode countryName addressFormat allowedFields requiredFields upperFields
    countryAreaType countryAreaChoices { raw verbose }
    cityType cityChoices { raw verbose } cityAreaType
    postalCodeType postalCodeMatchers postalCodeExamples
  }
}
"""
HOAN_KIEM = {
    "firstName": "Lan",
    "lastName": "Nguyễn",
    "streetAddress1": "12 Hàng Bạc",
    "city": "hoan kiem",
    "countryArea": "Ha Noi",
    "country": "VN",
    "phone": "0912 345 678",
}
BEN_THANH = {**HOAN_KIEM, "streetAddress1": "5 Lê Lợi", "city": "Bến Thành", "countryArea": "HCM"}


def create(graphql_client, headers, data=HOAN_KIEM, **variables):
    result = graphql_client(CREATE, {"input": data, **variables}, headers=headers)
    return result.data["accountAddressCreate"]


def errors_of(payload) -> set[tuple[str, str]]:
    return {(error["field"], error["code"]) for error in payload["errors"]}


def test_create_a_valid_address_in_official_form(graphql_client, signed_in):
    result = create(graphql_client, signed_in)

    assert result["errors"] == []
    address = result["address"]
    assert address["city"] == "Phường Hoàn Kiếm"
    assert address["countryArea"] == "Thành phố Hà Nội"
    assert address["phone"] == "+84912345678"
    assert address["country"]["code"] == "VN"
    assert address["isDefaultShippingAddress"] is False
    assert address["id"] == to_global_id("Address", Address.objects.get().pk)


def test_ward_from_another_province_is_refused(graphql_client, signed_in):
    result = create(graphql_client, signed_in, {**HOAN_KIEM, "city": "Phường Bến Thành"})

    assert result["address"] is None
    assert errors_of(result) == {("city", "INVALID")}
    assert "Thành phố Hồ Chí Minh" in result["errors"][0]["message"]
    assert not Address.objects.exists()


def test_unknown_province_is_refused(graphql_client, signed_in):
    result = create(graphql_client, signed_in, {**HOAN_KIEM, "countryArea": "Hà Tây"})

    assert errors_of(result) == {("countryArea", "INVALID")}
    assert "34" in result["errors"][0]["message"]


def test_every_problem_is_reported(graphql_client, signed_in):
    result = create(graphql_client, signed_in, {"city": "Hoàn Kiếm", "phone": "123"})

    assert errors_of(result) == {
        ("firstName", "REQUIRED"),
        ("lastName", "REQUIRED"),
        ("streetAddress1", "REQUIRED"),
        ("countryArea", "REQUIRED"),
        ("phone", "INVALID"),
    }


def test_skipping_validation_is_refused(graphql_client, signed_in):
    result = create(graphql_client, signed_in, {**HOAN_KIEM, "skipValidation": True})

    assert errors_of(result) == {("skipValidation", "PERMISSION_DENIED")}


def test_address_book_needs_a_signed_in_user(graphql_client, db):
    result = create(graphql_client, {})

    assert errors_of(result) == {(None, "PERMISSION_DENIED")}


def test_create_as_default_and_read_it_in_me(graphql_client, signed_in):
    created = create(graphql_client, signed_in, type="SHIPPING")
    address_id = created["address"]["id"]

    assert created["user"] == {
        "defaultShippingAddress": {"id": address_id},
        "defaultBillingAddress": None,
    }
    me = graphql_client(ME_ADDRESSES, headers=signed_in).data["me"]
    assert [a["id"] for a in me["addresses"]] == [address_id]
    assert me["addresses"][0]["isDefaultShippingAddress"] is True
    assert me["addresses"][0]["isDefaultBillingAddress"] is False
    assert me["defaultShippingAddress"] == {"id": address_id}


def test_set_default_addresses(graphql_client, signed_in):
    first = create(graphql_client, signed_in)["address"]["id"]
    second = create(graphql_client, signed_in, BEN_THANH)["address"]["id"]

    graphql_client(SET_DEFAULT, {"id": first, "type": "BILLING"}, headers=signed_in)
    result = graphql_client(SET_DEFAULT, {"id": second, "type": "SHIPPING"}, headers=signed_in)

    assert result.data["accountSetDefaultAddress"] == {
        "user": {"defaultShippingAddress": {"id": second}, "defaultBillingAddress": {"id": first}},
        "errors": [],
    }


def test_update_keeps_omitted_fields_and_checks_the_result(graphql_client, signed_in):
    address_id = create(graphql_client, signed_in)["address"]["id"]

    moved = graphql_client(
        UPDATE, {"id": address_id, "input": {"countryArea": "Hồ Chí Minh"}}, headers=signed_in
    ).data["accountAddressUpdate"]
    assert errors_of(moved) == {("city", "INVALID")}  # Hoàn Kiếm is not in Hồ Chí Minh City

    updated = graphql_client(
        UPDATE,
        {"id": address_id, "input": {"countryArea": "Hồ Chí Minh", "city": "Bến Thành"}},
        headers=signed_in,
    ).data["accountAddressUpdate"]
    assert updated["errors"] == []
    assert updated["address"]["city"] == "Phường Bến Thành"
    assert updated["address"]["streetAddress1"] == "12 Hàng Bạc"


def test_delete_removes_the_address_and_the_default(graphql_client, signed_in):
    address_id = create(graphql_client, signed_in, type="SHIPPING")["address"]["id"]

    result = graphql_client(DELETE, {"id": address_id}, headers=signed_in).data[
        "accountAddressDelete"
    ]

    assert result == {
        "address": {"id": address_id, "city": "Phường Hoàn Kiếm"},
        "user": {"addresses": [], "defaultShippingAddress": None},
        "errors": [],
    }
    assert not Address.objects.exists()


def test_addresses_of_other_users_are_out_of_reach(graphql_client, signed_in, make_user):
    stranger = bearer(make_user("stranger@example.com"))
    address_id = create(graphql_client, signed_in)["address"]["id"]

    for query, variables in (
        (UPDATE, {"id": address_id, "input": {"city": "Cửa Nam"}}),
        (DELETE, {"id": address_id}),
        (SET_DEFAULT, {"id": address_id, "type": "BILLING"}),
    ):
        (payload,) = graphql_client(query, variables, headers=stranger).data.values()
        assert errors_of(payload) == {("id", "NOT_FOUND")}
    assert Address.objects.get().city == "Phường Hoàn Kiếm"


def test_malformed_address_id_is_an_error_not_a_500(graphql_client, signed_in):
    result = graphql_client(DELETE, {"id": "not-an-id"}, headers=signed_in)

    assert result.status_code == 200
    assert errors_of(result.data["accountAddressDelete"]) == {("id", "GRAPHQL_ERROR")}


def test_account_update_changes_profile_and_default_billing_address(graphql_client, signed_in):
    variables = {
        "input": {
            "firstName": "Hoa",
            "languageCode": "EN",
            "defaultBillingAddress": {**HOAN_KIEM, "companyName": "HTX Dệt thổ cẩm"},
        }
    }

    first = graphql_client(ACCOUNT_UPDATE, variables, headers=signed_in).data["accountUpdate"]
    assert first["errors"] == []
    assert first["user"]["firstName"] == "Hoa"
    assert first["user"]["lastName"] == "Nguyễn"
    assert first["user"]["languageCode"] == "EN"
    billing = first["user"]["defaultBillingAddress"]
    assert billing["companyName"] == "HTX Dệt thổ cẩm"
    assert billing["isDefaultBillingAddress"] is True

    moved = {"input": {"defaultBillingAddress": {"city": "Bến Thành", "countryArea": "HCM"}}}
    second = graphql_client(ACCOUNT_UPDATE, moved, headers=signed_in).data["accountUpdate"]
    assert second["errors"] == []
    assert second["user"]["defaultBillingAddress"]["id"] == billing["id"]
    assert second["user"]["defaultBillingAddress"]["city"] == "Phường Bến Thành"
    assert len(second["user"]["addresses"]) == 1


def test_account_update_reports_address_problems(graphql_client, signed_in):
    variables = {"input": {"defaultShippingAddress": {**HOAN_KIEM, "city": "Bến Thành"}}}

    result = graphql_client(ACCOUNT_UPDATE, variables, headers=signed_in).data["accountUpdate"]

    assert errors_of(result) == {("city", "INVALID")}
    assert not Address.objects.exists()


@pytest.mark.django_db
def test_address_validation_rules_for_viet_nam(graphql_client):
    result = graphql_client(RULES, {"countryCode": "VN"}).data["addressValidationRules"]

    assert result["countryCode"] == "VN"
    assert len(result["countryAreaChoices"]) == 34
    assert {"raw": "Thành phố Hồ Chí Minh", "verbose": "Thành phố Hồ Chí Minh"} in result[
        "countryAreaChoices"
    ]
    assert result["countryAreaType"] == "province"
    assert result["cityType"] == "ward"
    assert set(result["requiredFields"]) >= {"street_address", "city", "country_area"}
    assert "city_area" in result["allowedFields"]
    assert result["cityChoices"] == []


@pytest.mark.django_db
def test_address_validation_rules_list_the_wards_of_a_province(graphql_client):
    variables = {"countryCode": "VN", "countryArea": "Hà Nội"}
    result = graphql_client(RULES, variables).data["addressValidationRules"]

    wards = [choice["raw"] for choice in result["cityChoices"]]
    assert "Phường Hoàn Kiếm" in wards
    assert "Phường Bến Thành" not in wards
    assert len(wards) == 126


@pytest.mark.django_db
def test_no_rules_for_countries_the_marketplace_does_not_deliver_to(graphql_client):
    result = graphql_client(RULES, {"countryCode": "US"})

    assert result.data == {"addressValidationRules": None}


def test_reading_the_address_book_costs_the_same_queries_for_many_addresses(
    graphql_client, signed_in
):
    def queries_of_me() -> int:
        reset_queries()  # each request resets the log: count from an empty one
        with CaptureQueriesContext(connection) as captured:
            graphql_client(ME_ADDRESSES, headers=signed_in)
        return len(captured)

    create(graphql_client, signed_in, type="SHIPPING")
    one = queries_of_me()
    for _ in range(5):
        create(graphql_client, signed_in, BEN_THANH)

    assert queries_of_me() == one
    assert len(graphql_client(ME_ADDRESSES, headers=signed_in).data["me"]["addresses"]) == 6
