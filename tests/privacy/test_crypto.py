"""Keys come from the environment; rotation re-encrypts every identity so old keys can go; without
a key, production refuses to store identities rather than protect them weakly."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.test import override_settings

from marketplace.privacy import crypto, services
from marketplace.privacy.apps import check_identity_keys
from marketplace.privacy.models import ProducerIdentity
from tests.privacy.conftest import SETUP, gid, producer, with_identity

pytestmark = pytest.mark.django_db

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
PRODUCTION_WITHOUT_KEYS = {
    "PRODUCER_IDENTITY_KEYS": [],
    "DEBUG": False,
    "PRODUCER_IDENTITY_DEVELOPMENT_KEY": False,
}


def rotate() -> str:
    out = StringIO()
    call_command("rotate-identity-keys", stdout=out, stderr=StringIO())
    return out.getvalue()


def legal_name(profile) -> str:
    return services.reveal_identity(actor=SETUP, profile=profile, reason="Kiểm tra").legal_name


def tokens(profile) -> list[str]:
    identity = ProducerIdentity.objects.get(producer=profile)
    return [getattr(identity, column) for column in ProducerIdentity.ENCRYPTED_FIELDS.values()]


def test_after_rotation_the_old_key_can_be_removed():
    with override_settings(PRODUCER_IDENTITY_KEYS=[OLD]):
        profiles = [with_identity(producer(), legal_name=f"Người {n}") for n in range(3)]
        before = tokens(profiles[0])

    with override_settings(PRODUCER_IDENTITY_KEYS=[NEW, OLD]):
        output = rotate()
    with override_settings(PRODUCER_IDENTITY_KEYS=[NEW]):
        names = [legal_name(profile) for profile in profiles]

    assert "Identities: 3; re-encrypted with the current key: 3; already under it: 0" in output
    assert names == ["Người 0", "Người 1", "Người 2"]
    assert all(old != new for old, new in zip(before, tokens(profiles[0]), strict=True))


def test_rotation_is_idempotent():
    with override_settings(PRODUCER_IDENTITY_KEYS=[OLD]):
        profile = with_identity(producer())
    with override_settings(PRODUCER_IDENTITY_KEYS=[NEW, OLD]):
        rotate()
        after_first = tokens(profile)
        output = rotate()

    assert "re-encrypted with the current key: 0; already under it: 1" in output
    assert tokens(profile) == after_first


def test_without_the_old_key_rotation_reports_unreadable_identities_and_fails():
    with override_settings(PRODUCER_IDENTITY_KEYS=[OLD]):
        with_identity(producer())

    with override_settings(PRODUCER_IDENTITY_KEYS=[NEW]), pytest.raises(CommandError) as error:
        rotate()

    assert "could not be decrypted" in str(error.value)


def test_reading_with_a_removed_key_is_a_clear_error_without_data(client, graphql_client):
    from tests.privacy.conftest import make_user

    with override_settings(PRODUCER_IDENTITY_KEYS=[OLD]):
        profile = with_identity(producer(), legal_name="Tên Rất Riêng")
    client.force_login(
        make_user("o@example.org", staff=True, permissions=("view_producer_identity",))
    )

    with override_settings(PRODUCER_IDENTITY_KEYS=[NEW]):
        response = graphql_client(
            'query($p: ID!) { producerIdentity(producer: $p, reason: "Kiểm tra") { legalName } }',
            {"p": gid(profile)},
        )

    assert response.errors[0]["extensions"]["code"] == "IDENTITY_UNREADABLE"
    assert "PRODUCER_IDENTITY_KEYS" in response.errors[0]["message"]
    assert "Rất Riêng" not in str(response.json)


def test_production_without_keys_refuses_identity_writes_with_a_clear_message(
    client, graphql_client, identity_officer
):
    profile = producer()
    client.force_login(identity_officer)

    with override_settings(**PRODUCTION_WITHOUT_KEYS):
        payload = graphql_client(
            """mutation($p: ID!, $input: ProducerIdentityInput!) {
                producerIdentityUpdate(producer: $p, input: $input) {
                    errors { field message code }
                }
            }""",
            {"p": gid(profile), "input": {"legalName": "Nguyễn Thị Mẫu"}},
        ).data["producerIdentityUpdate"]

    [error] = payload["errors"]
    assert error["code"] == "ENCRYPTION_NOT_CONFIGURED"
    assert "PRODUCER_IDENTITY_KEYS" in error["message"]
    assert not ProducerIdentity.objects.exists()


def test_production_without_keys_is_reported_at_start_up():
    with override_settings(**PRODUCTION_WITHOUT_KEYS):
        messages = check_identity_keys()
    assert [message.id for message in messages] == ["privacy.W001"]


def test_malformed_key_stops_the_server_without_printing_it():
    with override_settings(PRODUCER_IDENTITY_KEYS=[NEW, "not-a-real-key-but-a-secret"]):
        [message] = check_identity_keys()
    assert message.id == "privacy.E001"
    assert "positions 2" in message.msg
    assert "secret" not in message.msg + (message.hint or "")


def test_debug_derives_a_stable_development_key_from_the_secret_key():
    with override_settings(PRODUCER_IDENTITY_KEYS=[], DEBUG=True):
        profile = with_identity(producer(), legal_name="Tên Thử")
        assert crypto.uses_development_key()
        assert legal_name(profile) == "Tên Thử"
        assert check_identity_keys() == []
    another_secret = override_settings(
        PRODUCER_IDENTITY_KEYS=[], DEBUG=True, SECRET_KEY="another-secret"
    )
    with another_secret, pytest.raises(crypto.IdentityUnreadable):
        legal_name(profile)


def test_new_key_option_prints_a_usable_key():
    out = StringIO()
    call_command("rotate-identity-keys", "--new-key", stdout=out)
    Fernet(out.getvalue().strip().encode())  # raises if it were not a key


def test_rotation_without_keys_in_production_refuses_to_run():
    with override_settings(**PRODUCTION_WITHOUT_KEYS), pytest.raises(CommandError) as error:
        rotate()
    assert "PRODUCER_IDENTITY_KEYS" in str(error.value)
