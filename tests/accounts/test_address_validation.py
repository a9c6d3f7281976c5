"""The Vietnamese address rules every address goes through (address book and checkout alike)."""

import pytest

from marketplace.accounts.addresses import (
    InvalidAddress,
    address_province,
    address_rules,
    clean_address,
    normalize_phone,
)

VALID = {
    "first_name": "Lan",
    "last_name": "Nguyễn",
    "street_address_1": "12 Hàng Bạc",
    "city": "Phường Hoàn Kiếm",
    "country_area": "Thành phố Hà Nội",
    "phone": "0912 345 678",
}


def problems(data) -> dict[str, str]:
    with pytest.raises(InvalidAddress) as caught:
        clean_address(data)
    return {error.field: error.code for error in caught.value.errors}


def test_valid_address_comes_back_in_normal_form():
    cleaned = clean_address(VALID)

    assert cleaned["country"] == "VN"
    assert cleaned["country_area"] == "Thành phố Hà Nội"
    assert cleaned["city"] == "Phường Hoàn Kiếm"
    assert cleaned["phone"] == "+84912345678"


@pytest.mark.parametrize(
    ("province", "ward", "official_province", "official_ward"),
    [
        ("Hà Nội", "Hoàn Kiếm", "Thành phố Hà Nội", "Phường Hoàn Kiếm"),
        ("ha noi", "phuong hoan kiem", "Thành phố Hà Nội", "Phường Hoàn Kiếm"),
        ("TP.HCM", "P. Bến Thành", "Thành phố Hồ Chí Minh", "Phường Bến Thành"),
        ("ho_chi_minh", "BEN THANH", "Thành phố Hồ Chí Minh", "Phường Bến Thành"),
        ("Tỉnh Gia Lai", "xa ia grai", "Gia Lai", "Xã Ia Grai"),
        ("Thừa Thiên Huế", "Phường Thuận Hóa", "Thành phố Huế", "Phường Thuận Hóa"),
    ],
)
def test_province_and_ward_are_found_with_or_without_diacritics_and_prefix(
    province, ward, official_province, official_ward
):
    cleaned = clean_address({**VALID, "country_area": province, "city": ward})

    assert (cleaned["country_area"], cleaned["city"]) == (official_province, official_ward)


def test_ward_of_another_province_is_refused_and_the_right_province_named():
    with pytest.raises(InvalidAddress) as caught:
        clean_address({**VALID, "country_area": "Hà Nội", "city": "Phường Bến Thành"})

    (error,) = caught.value.errors
    assert (error.field, error.code) == ("city", "INVALID")
    assert "Thành phố Hồ Chí Minh" in error.message


def test_unknown_province_is_refused():
    # Quảng Nam merged into Đà Nẵng on 1 July 2025.
    assert problems({**VALID, "country_area": "Quảng Nam", "city": "Hội An"}) == {
        "countryArea": "INVALID"
    }


def test_ward_that_exists_nowhere_is_refused():
    assert problems({**VALID, "city": "Phường Không Có"}) == {"city": "INVALID"}


def test_ward_names_that_differ_only_by_diacritics_must_be_written_exactly():
    # Thái Nguyên has both Xã Văn Lăng and Xã Văn Lang.
    exact = clean_address({**VALID, "country_area": "Thái Nguyên", "city": "Văn Lăng"})
    assert exact["city"] == "Xã Văn Lăng"

    with pytest.raises(InvalidAddress) as caught:
        clean_address({**VALID, "country_area": "Thái Nguyên", "city": "van lang"})
    assert "Xã Văn Lăng" in caught.value.message
    assert "Xã Văn Lang" in caught.value.message


def test_every_missing_field_is_reported_at_once():
    assert problems({}) == {
        "firstName": "REQUIRED",
        "lastName": "REQUIRED",
        "streetAddress1": "REQUIRED",
        "city": "REQUIRED",
        "countryArea": "REQUIRED",
        "phone": "REQUIRED",
    }


def test_only_addresses_in_viet_nam_are_accepted():
    assert problems({**VALID, "country": "TH"}) == {"country": "INVALID"}


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("0912345678", "+84912345678"),
        ("091 234 5678", "+84912345678"),
        ("+84 912-345-678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("0084912345678", "+84912345678"),
        ("(024) 3825 1234", "+842438251234"),
        ("0386.123.456", "+84386123456"),
    ],
)
def test_vietnamese_phone_numbers_are_written_in_e164(typed, e164):
    assert normalize_phone(typed) == e164


@pytest.mark.parametrize(
    "typed", ["12345", "0112345678", "+1 415 555 0100", "091234567", "09123456789", "số điện"]
)
def test_other_phone_numbers_are_refused(typed):
    assert normalize_phone(typed) is None
    assert problems({**VALID, "phone": typed}) == {"phone": "INVALID"}


def test_postal_code_has_five_digits():
    assert clean_address({**VALID, "postal_code": "10000"})["postal_code"] == "10000"
    assert problems({**VALID, "postal_code": "1000"}) == {"postalCode": "INVALID"}


def test_too_long_values_are_refused():
    assert problems({**VALID, "street_address_1": "x" * 300}) == {"streetAddress1": "INVALID"}


def test_province_of_a_stored_address():
    assert address_province("Thành phố Hà Nội").codename == "ha_noi"
    assert address_province("nowhere") is None


def test_rules_list_the_34_provinces_and_the_wards_of_one():
    rules = address_rules(country_area="Gia Lai")

    assert len(rules.country_area_choices) == 34
    assert ("Thành phố Hà Nội", "Thành phố Hà Nội") in rules.country_area_choices
    assert rules.country_area_type == "province"
    assert rules.city_type == "ward"
    assert ("Xã Ia Grai", "Xã Ia Grai") in rules.city_choices
    assert address_rules().city_choices == []
