"""Staff screens load and keep derived catalog data in step."""

import json

import pytest
from django.urls import reverse

from marketplace.accounts.models import User
from marketplace.catalog.models import ProductChannelListing, ProductVariantChannelListing
from tests import factories


@pytest.fixture
def staff_client(client, db):
    admin_user = User.objects.create_superuser("staff@example.org", "a-long-pass-phrase")
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize(
    "model",
    [
        "catalog_product",
        "catalog_category",
        "catalog_collection",
        "catalog_attribute",
        "catalog_productvariant",
        "content_page",
        "content_menu",
        "vendors_booth",
        "channels_channel",
        "accounts_user",
    ],
)
def test_staff_changelists_render(staff_client, model):
    factories.product("Mật ong rừng")
    response = staff_client.get(reverse(f"admin:{model}_changelist"))
    assert response.status_code == 200


def test_product_edit_in_admin_refreshes_price_range_and_search(staff_client):
    product = factories.product("Mật ong rừng", price=100000)
    variant = product.variants.get()
    ProductVariantChannelListing.objects.filter(variant=variant).update(price_amount=90000)
    page = staff_client.get(reverse("admin:catalog_product_change", args=[product.pk]))
    form = page.context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data["description"] = json.dumps(product.description)
    data.update(
        name="Mật ong hoa cà phê",
        vendor=product.vendor_id,
        product_type=product.product_type_id,
        slug=product.slug,
    )
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        prefix = formset.formset.prefix
        for field in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{prefix}-{field}"] = management[field].value()
        for index, inline_form in enumerate(formset.formset.forms):
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None and name != "image":
                    data[f"{prefix}-{index}-{name}"] = value
    response = staff_client.post(reverse("admin:catalog_product_change", args=[product.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    listing = ProductChannelListing.objects.get(product=product)
    assert listing.price_min_amount == 90000
    product.refresh_from_db()
    assert " ca phe " in product.search_name


def test_booth_status_changes_in_the_admin_need_a_reason_and_are_recorded(staff_client):
    from vendors.models import BoothStatus, BoothStatusChange

    booth = factories.booth("Nhóm mới", status=BoothStatus.APPLIED)
    url = reverse("admin:vendors_booth_changelist")
    action = {"action": "make_approved", "_selected_action": [booth.pk]}

    asked = staff_client.post(url, action)
    assert asked.status_code == 200 and b"reason" in asked.content
    booth.refresh_from_db()
    assert booth.status == BoothStatus.APPLIED

    staff_client.post(url, {**action, "reason": "Hồ sơ đầy đủ"})
    booth.refresh_from_db()
    assert booth.status == BoothStatus.APPROVED
    change = BoothStatusChange.objects.get(booth=booth)
    assert change.reason == "Hồ sơ đầy đủ"
    assert change.changed_by.email == "staff@example.org"


def test_booth_status_is_not_editable_in_the_booth_form(staff_client):
    from vendors.models import BoothStatus

    booth = factories.booth("Nhóm mới", status=BoothStatus.APPLIED)
    page = staff_client.get(reverse("admin:vendors_booth_change", args=[booth.pk]))
    assert "status" not in page.context["adminform"].form.fields
