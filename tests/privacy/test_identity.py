"""A producer's identity: written encrypted, read only by staff holding VIEW_PRODUCER_IDENTITY,
each read with a reason and written to the access log."""

import pytest
from django.db import connection

from marketplace.privacy.models import AccessAction, AccessLogEntry, ProducerIdentity
from tests.privacy.conftest import gid, make_user, member, producer, with_identity

pytestmark = pytest.mark.django_db

READ = """
query Read($producer: ID!, $reason: String!) {
    producerIdentity(producer: $producer, reason: $reason) {
        legalName phone nationalIdNumber dateOfBirth homeAddress
    }
}
"""

UPDATE = """
mutation Update($producer: ID!, $input: ProducerIdentityInput!) {
    producerIdentityUpdate(producer: $producer, input: $input) {
        producer { id pseudonym }
        errors { field message code }
    }
}
"""

LOG = """
query Log($first: Int, $after: String, $producer: ID) {
    producerAccessLog(first: $first, after: $after, producer: $producer) {
        totalCount
        edges { node { action reason staffEmail createdAt producer { id } } }
        pageInfo { hasNextPage endCursor }
    }
}
"""

IDENTITY = {
    "legalName": "Nguyễn Thị Mẫu",
    "phone": "0900 000 001",
    "nationalIdNumber": "000000000001",
    "dateOfBirth": "1990-01-01",
    "homeAddress": "Số 1, đường Mẫu",
}


def raw_identity_row(profile) -> str:
    """Every stored column of the producer's identity, exactly as in the database."""
    table = ProducerIdentity._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE producer_id = %s", [profile.pk])  # noqa: S608
        return " ".join(str(value) for value in cursor.fetchone())


def test_identity_is_stored_encrypted(client, graphql_client, identity_officer):
    profile = producer()
    client.force_login(identity_officer)

    payload = graphql_client(UPDATE, {"producer": gid(profile), "input": IDENTITY}).data

    assert payload["producerIdentityUpdate"]["errors"] == []
    row = raw_identity_row(profile)
    for value in ("Nguyễn Thị Mẫu", "Mẫu", "0900 000 001", "000000000001", "1990-01-01", "đường"):
        assert value not in row
    assert row.count("gAAAAA") == 5  # one Fernet token per field


def test_identity_update_answers_without_the_identity_and_is_logged(
    client, graphql_client, identity_officer
):
    profile = producer()
    client.force_login(identity_officer)

    response = graphql_client(UPDATE, {"producer": gid(profile), "input": IDENTITY})

    assert "Mẫu" not in str(response.json)
    entry = AccessLogEntry.objects.get()
    assert entry.action == AccessAction.IDENTITY_UPDATE
    # The log names the changed fields, never their values.
    assert "phone" in entry.reason and "0900" not in entry.reason


def test_staff_with_permission_reads_identity_and_each_read_is_logged(
    client, graphql_client, identity_officer
):
    profile = with_identity(producer())
    client.force_login(identity_officer)

    first = graphql_client(READ, {"producer": gid(profile), "reason": "Trả tiền bán hàng"})
    second = graphql_client(READ, {"producer": gid(profile), "reason": "Gọi điện hỏi thăm"})

    assert first.errors is None, first.errors
    assert first.data["producerIdentity"] == IDENTITY
    assert second.data["producerIdentity"]["legalName"] == "Nguyễn Thị Mẫu"
    reads = AccessLogEntry.objects.filter(action=AccessAction.IDENTITY_READ).order_by("pk")
    assert [(entry.actor, entry.producer, entry.reason) for entry in reads] == [
        (identity_officer, profile, "Trả tiền bán hàng"),
        (identity_officer, profile, "Gọi điện hỏi thăm"),
    ]
    assert all(entry.created_at for entry in reads)


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_read_needs_a_reason(client, graphql_client, identity_officer, reason):
    profile = with_identity(producer())
    client.force_login(identity_officer)

    response = graphql_client(READ, {"producer": gid(profile), "reason": reason})

    assert response.data["producerIdentity"] is None
    assert response.errors[0]["extensions"]["code"] == "REQUIRED"
    assert not AccessLogEntry.objects.filter(action=AccessAction.IDENTITY_READ).exists()


def test_a_read_of_a_producer_without_identity_is_logged_too(
    client, graphql_client, identity_officer
):
    profile = producer()
    client.force_login(identity_officer)

    response = graphql_client(READ, {"producer": gid(profile), "reason": "Kiểm tra hồ sơ"})

    assert response.errors is None
    assert response.data["producerIdentity"] is None
    assert AccessLogEntry.objects.filter(action=AccessAction.IDENTITY_READ).count() == 1


def denied_everywhere(graphql_client, profile) -> list[str]:
    """The error codes of every identity operation, in order: read, update, erase, access log."""
    read = graphql_client(READ, {"producer": gid(profile), "reason": "Tò mò"})
    update = graphql_client(UPDATE, {"producer": gid(profile), "input": {"phone": "0911111111"}})
    erase = graphql_client(
        "mutation($p: ID!) { producerErase(producer: $p) { errors { code } } }",
        {"p": gid(profile)},
    )
    log = graphql_client(LOG, {"first": 10})
    assert read.data["producerIdentity"] is None
    assert log.data["producerAccessLog"] is None
    return [
        read.errors[0]["extensions"]["code"],
        update.data["producerIdentityUpdate"]["errors"][0]["code"],
        erase.data["producerErase"]["errors"][0]["code"],
        log.errors[0]["extensions"]["code"],
    ]


@pytest.mark.parametrize(
    "who", ["anonymous", "shopper", "booth-owner", "staff-managing-booths", "staff-all-but-this"]
)
def test_nobody_without_the_permission_reads_or_changes_identities(
    client, graphql_client, booth_staff, who
):
    profile = with_identity(producer())
    users = {
        "shopper": lambda: make_user("shopper@example.org"),
        "booth-owner": lambda: member(profile.booth, "owner"),
        "staff-managing-booths": lambda: booth_staff,
        "staff-all-but-this": lambda: make_user(
            "staff@example.org",
            staff=True,
            permissions=("manage_vendors", "manage_products", "manage_orders", "manage_staff"),
        ),
    }
    if who in users:
        client.force_login(users[who]())

    codes = denied_everywhere(graphql_client, profile)

    assert codes == ["PERMISSION_DENIED"] * 4
    assert not AccessLogEntry.objects.exclude(action=AccessAction.IDENTITY_UPDATE).exists()
    assert ProducerIdentity.objects.get(producer=profile)  # unchanged, not erased


def test_inactive_staff_with_the_permission_is_refused(client, graphql_client, identity_officer):
    profile = with_identity(producer())
    identity_officer.is_active = False
    identity_officer.save()
    client.force_login(identity_officer)

    response = graphql_client(READ, {"producer": gid(profile), "reason": "Kiểm tra"})

    assert response.data["producerIdentity"] is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "call me maybe"),
        ("phone", "123"),
        ("nationalIdNumber", "12345"),
        ("nationalIdNumber", "12345678901A"),
        ("dateOfBirth", "01/02/1990"),
        ("dateOfBirth", "2999-01-01"),
    ],
)
def test_invalid_identity_values_get_an_error_that_does_not_repeat_them(
    client, graphql_client, identity_officer, field, value
):
    profile = producer()
    client.force_login(identity_officer)

    response = graphql_client(UPDATE, {"producer": gid(profile), "input": {field: value}})

    errors = response.data["producerIdentityUpdate"]["errors"]
    assert [(error["field"], error["code"]) for error in errors] == [(field, "INVALID")]
    assert value not in str(response.json)
    assert not ProducerIdentity.objects.exists()


def test_partial_update_keeps_the_other_fields_and_empty_string_clears(
    client, graphql_client, identity_officer
):
    profile = with_identity(producer())
    client.force_login(identity_officer)

    graphql_client(UPDATE, {"producer": gid(profile), "input": {"phone": "0912 345 678"}})
    graphql_client(UPDATE, {"producer": gid(profile), "input": {"homeAddress": ""}})
    identity = graphql_client(READ, {"producer": gid(profile), "reason": "Đối chiếu"}).data[
        "producerIdentity"
    ]

    assert identity["phone"] == "0912 345 678"
    assert identity["legalName"] == "Nguyễn Thị Mẫu"
    assert identity["homeAddress"] == ""


def test_staff_list_the_access_log_newest_first_with_paging(
    client, graphql_client, identity_officer
):
    first, second = with_identity(producer()), with_identity(producer(pseudonym="Chị Lan"))
    client.force_login(identity_officer)
    for profile, reason in ((first, "Lần một"), (second, "Lần hai"), (first, "Lần ba")):
        graphql_client(READ, {"producer": gid(profile), "reason": reason})

    page = graphql_client(LOG, {"first": 2}).data["producerAccessLog"]
    rest = graphql_client(LOG, {"first": 10, "after": page["pageInfo"]["endCursor"]}).data[
        "producerAccessLog"
    ]
    only_first = graphql_client(LOG, {"first": 10, "producer": gid(first)}).data[
        "producerAccessLog"
    ]

    reasons = [edge["node"]["reason"] for edge in page["edges"] + rest["edges"]]
    assert reasons[:3] == ["Lần ba", "Lần hai", "Lần một"]
    assert page["totalCount"] == 5  # three reads and the two identities recorded
    assert page["pageInfo"]["hasNextPage"] is True
    assert {edge["node"]["staffEmail"] for edge in page["edges"]} == {identity_officer.email}
    reads = [e for e in only_first["edges"] if e["node"]["action"] == "IDENTITY_READ"]
    assert [edge["node"]["reason"] for edge in reads] == ["Lần ba", "Lần một"]
