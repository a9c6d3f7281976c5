"""The staff screens decide nothing on their own either: what a staff member may change there is
what the authorization module lets her do, not what Django's per-model permissions say.

Here, staff hold the Django model permissions an operator hands out to open a screen (view and
change), but none of the marketplace's staff permissions the operation needs.
"""

from typing import Any

import pytest
from django.contrib.auth.models import Permission as DjangoPermission
from django.test import Client
from django.urls import reverse

from marketplace.catalog.models import Product
from marketplace.core.permissions import Permission
from tests import factories
from tests.permissions.personas import account


def with_model_permissions(user, *codenames: str):
    """`user` also holding Django's model permissions `app_label.codename`."""
    for name in codenames:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            DjangoPermission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def change_form_data(page) -> dict[str, Any]:
    """What the browser sends back when the change form of `page` is saved unchanged."""
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(item) for item in value] if isinstance(value, list | tuple) else value
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        for field in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{formset.prefix}-{field}"] = formset.management_form[field].value()
        for index, inline_form in enumerate(formset.forms):
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None and not hasattr(value, "url"):
                    data[f"{formset.prefix}-{index}-{name}"] = value
    return data


def save_in_admin(client: Client, url: str, **changes) -> None:
    page = client.get(url)
    if page.status_code != 200:
        return  # refused at the door: nothing to save
    client.post(url, {**change_form_data(page), **changes})


@pytest.mark.parametrize(
    "permission",
    [
        p
        for p in Permission
        if p not in (Permission.MANAGE_STAFF, Permission.VIEW_PRODUCER_IDENTITY)
    ],
    ids=str,
)
def test_only_staff_managing_staff_hand_out_staff_permissions(client: Client, db, permission):
    """A staff member who may open the account screens (say, for customer support) must not
    give herself VIEW_PRODUCER_IDENTITY: who holds a staff permission is for MANAGE_STAFF."""
    support = with_model_permissions(
        account("support@example.org", staff=True, permissions=[permission]),
        "accounts.view_user",
        "accounts.change_user",
    )
    identity = DjangoPermission.objects.get(
        content_type__app_label="accounts", codename=Permission.VIEW_PRODUCER_IDENTITY.value
    )
    client.force_login(support)

    held = [str(pk) for pk in support.user_permissions.values_list("pk", flat=True)]
    save_in_admin(
        client,
        reverse("admin:accounts_user_change", args=[support.pk]),
        user_permissions=[*held, str(identity.pk)],
    )

    assert not support.user_permissions.filter(pk=identity.pk).exists()


@pytest.mark.parametrize("permission", list(Permission), ids=str)
def test_only_catalogue_staff_edit_a_booths_product_in_the_admin(client: Client, db, permission):
    """Renaming booth A's product is PRODUCT_MANAGE: staff need MANAGE_PRODUCTS for it, in the
    admin as in the API."""
    product = factories.product("Khăn thổ cẩm", vendor=factories.booth("Tổ dệt Ia Mơ Nông"))
    editor = with_model_permissions(
        account("editor@example.org", staff=True, permissions=[permission]),
        "catalog.view_product",
        "catalog.change_product",
    )
    client.force_login(editor)

    save_in_admin(
        client, reverse("admin:catalog_product_change", args=[product.pk]), name="Khăn mới"
    )

    renamed = Product.objects.get(pk=product.pk).name == "Khăn mới"
    assert renamed is (permission == Permission.MANAGE_PRODUCTS)
