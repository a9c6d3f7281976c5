"""The permission matrix through the API: every mutation and every non-public query, called by
every persona on booth A's objects in a fresh small world.

An allowed persona gets no error and the change is made. A refused persona gets a permission or
not-found error (a GraphQL error where a query needs a signed-in user) and the database is left
exactly as it was. The owner of booth B is one of the refused on every row: she never reads or
changes booth A's data. Personas sign in as storefronts and apps do, with a bearer token; a token
issued before its account was deactivated opens nothing.
"""

import json
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from marketplace.accounts.tokens import create_access_token
from marketplace.core.permissions import Permission
from marketplace.graphql.schema import schema
from tests.conftest import GRAPHQL_URL, GraphQLResponse
from tests.permissions.operations import (
    CROSS_BOOTH_CALLS,
    GUARDED_MUTATIONS,
    PRIVATE_READS,
    PUBLIC_MUTATIONS,
    PUBLIC_QUERIES,
    SELF_SERVICE_MUTATIONS,
    SHOPPERS_CHECKOUT_CALLS,
    SHOPPERS_CHECKOUT_READ,
    Call,
    Read,
)
from tests.permissions.personas import ANONYMOUS, OWNER_OF_A, OWNER_OF_B, PERSONAS, account
from tests.permissions.world import World, changed_tables, fingerprint, gid
from vendors.models import BoothMember, BoothRole

REFUSALS = {"PERMISSION_DENIED", "NOT_FOUND"}


@pytest.fixture
def world(db, settings) -> World:
    # Identities are encrypted with a key of the test's own, whatever the environment holds.
    settings.PRODUCER_IDENTITY_KEYS = [Fernet.generate_key().decode()]
    return World()


def send(
    client: Client, document: str, variables: dict[str, Any], files=None, *, token: str = ""
) -> GraphQLResponse:
    """POST the operation as JSON, or by the GraphQL multipart request spec when it has files;
    with `token`, signed in by that access token rather than the session."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if not files:
        response = client.post(
            GRAPHQL_URL,
            data=json.dumps({"query": document, "variables": variables}),
            content_type="application/json",
            headers=headers,
        )
        return GraphQLResponse(response.status_code, response.json())
    form: dict[str, Any] = {
        "operations": json.dumps({"query": document, "variables": variables}),
        "map": json.dumps({str(i): [f"variables.{path}"] for i, path in enumerate(files)}),
    }
    for i, (name, content) in enumerate(files.values()):
        form[str(i)] = SimpleUploadedFile(name, content)
    response = client.post(GRAPHQL_URL, data=form, headers=headers)
    return GraphQLResponse(response.status_code, response.json())


def access_token(world: World, persona: str) -> str:
    """How `persona` signs in, as storefronts and apps do: a bearer token ("" when anonymous)."""
    user = world.person(persona)
    return create_access_token(user) if user is not None else ""


def refused(response: GraphQLResponse, field: str) -> bool:
    """A GraphQL error, or a payload whose errors are all permission or not-found errors."""
    if response.errors:
        return True
    codes = {error["code"] for error in response.data[field]["errors"]}
    return bool(codes) and codes <= REFUSALS


# --- completeness ------------------------------------------------------------------------------


def test_every_mutation_of_the_schema_is_in_the_matrix_or_said_public():
    listed = [call.field for call in GUARDED_MUTATIONS]
    listed += [*PUBLIC_MUTATIONS, *SELF_SERVICE_MUTATIONS]
    in_schema = set(schema.graphql_schema.mutation_type.fields)

    assert in_schema - set(listed) == set(), "add these mutations to tests/permissions/operations"
    assert set(listed) - in_schema == set(), "these mutations are no longer in the schema"
    guarded = {call.field for call in GUARDED_MUTATIONS}
    assert not guarded & set(PUBLIC_MUTATIONS), "a guarded mutation cannot be public too"
    assert not guarded & set(SELF_SERVICE_MUTATIONS), "nor self-service"
    assert not set(PUBLIC_MUTATIONS) & set(SELF_SERVICE_MUTATIONS)


def test_every_query_of_the_schema_is_in_the_matrix_or_said_public():
    listed = {read.field for read in PRIVATE_READS} | set(PUBLIC_QUERIES)
    in_schema = set(schema.graphql_schema.query_type.fields)

    assert in_schema - listed == set(), "add these queries to tests/permissions/operations"
    assert listed - in_schema == set(), "these queries are no longer in the schema"


def test_every_row_names_known_personas_and_valid_arguments():
    graphql_schema = schema.graphql_schema
    for call in GUARDED_MUTATIONS:
        assert call.allowed <= set(PERSONAS), call
        assert set(call.arguments) <= set(graphql_schema.mutation_type.fields[call.field].args)
    for read in PRIVATE_READS:
        assert read.allowed <= set(PERSONAS), read


# --- mutations -----------------------------------------------------------------------------------


def check_call(world: World, client: Client, call: Call, persona: str) -> None:
    """Run `call` as `persona`: allowed, it succeeds and changes something; refused, it is told
    so and changes nothing at all."""
    if call.prepare:
        call.prepare(world)
    variables = call.variables(world)
    files = call.files(world) if call.files else None
    token = access_token(world, persona)
    before = fingerprint()

    response = send(client, call.document, variables, files, token=token)

    changed = changed_tables(before, fingerprint())
    assert response.status_code == 200, response.json
    if persona in call.allowed:
        assert response.errors is None, response.errors
        assert response.data[call.field]["errors"] == []
        assert changed, "allowed, but nothing changed"
    else:
        assert refused(response, call.field), response.json
        assert changed == [], f"refused, yet these tables changed: {changed}"


def check_read(world: World, client: Client, read: Read, persona: str) -> None:
    """Run `read` as `persona`: allowed, the answer holds booth A's data; refused, it does not
    (with an error where the row says so) and the database is left as it was."""
    if read.prepare:
        read.prepare(world)
    variables = read.variables(world)
    user, token = world.person(persona), access_token(world, persona)
    before = fingerprint()

    response = send(client, read.document, variables, token=token)

    assert response.status_code == 200, response.json
    if persona in read.allowed:
        assert response.errors is None, response.errors
        assert read.shows(response.data, world, user), response.data
    else:
        assert not read.shows(response.data, world, user), response.data
        if read.refused_with_error or (persona == ANONYMOUS and read.needs_sign_in):
            assert response.errors, response.data
        # A refused read leaves no trace either (an identity read is logged only when made).
        assert changed_tables(before, fingerprint()) == []


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("call", GUARDED_MUTATIONS, ids=str)
def test_mutation_on_booth_a(world: World, client: Client, call: Call, persona: str):
    check_call(world, client, call, persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("call", SHOPPERS_CHECKOUT_CALLS, ids=str)
def test_a_signed_in_shoppers_checkout_is_hers_alone(world, client, call: Call, persona: str):
    check_call(world, client, call, persona)


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_else_reads_a_signed_in_shoppers_checkout(world, client, persona: str):
    check_read(world, client, SHOPPERS_CHECKOUT_READ, persona)


@pytest.mark.parametrize("field", SELF_SERVICE_MUTATIONS)
def test_self_service_mutations_refuse_anonymous_visitors(world: World, client, field: str):
    _reason, arguments, variables = SELF_SERVICE_MUTATIONS[field]
    call = Call(field, arguments, lambda w: variables, frozenset())
    before = fingerprint()

    response = send(client, call.document, variables)

    assert refused(response, field), response.json
    assert changed_tables(before, fingerprint()) == []


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_updates_another_account_through_customer_id(world, client, persona: str):
    """Saleor lets apps act for a customer; this marketplace has no apps, so even staff may not
    edit the profile of booth A's owner this way."""
    call = Call("accountUpdate", {"customerId": "ID", "input": "AccountInput!"}, dict, frozenset())
    owner = world.person(OWNER_OF_A)
    token = access_token(world, persona)
    before = fingerprint()

    response = send(
        client,
        call.document,
        {"customerId": gid(owner), "input": {"firstName": "Kẻ lạ"}},
        token=token,
    )

    assert refused(response, "accountUpdate"), response.json
    assert changed_tables(before, fingerprint()) == []


@pytest.mark.parametrize("call", CROSS_BOOTH_CALLS, ids=str)
def test_the_owner_of_booth_b_cannot_reach_booth_a_through_her_own_objects(
    world: World, client: Client, call: Call
):
    variables = call.variables(world)
    token = access_token(world, OWNER_OF_B)
    before = fingerprint()

    response = send(client, call.document, variables, token=token)

    assert response.errors or response.data[call.field]["errors"], response.json
    assert changed_tables(before, fingerprint()) == []


@pytest.fixture
def retired(world: World) -> str:
    """An access token of a staff member who held every permission and owned booth A, issued
    before her account was deactivated."""
    user = account("retired@example.org", staff=True, permissions=list(Permission))
    BoothMember.objects.create(booth=world.booth_a, user=user, role=BoothRole.OWNER)
    token = create_access_token(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    return token


@pytest.mark.parametrize("call", GUARDED_MUTATIONS, ids=str)
def test_a_deactivated_account_may_change_nothing(world: World, client, retired: str, call: Call):
    if call.prepare:
        call.prepare(world)
    variables = call.variables(world)
    files = call.files(world) if call.files else None
    before = fingerprint()

    response = send(client, call.document, variables, files, token=retired)

    assert refused(response, call.field), response.json
    assert changed_tables(before, fingerprint()) == []


@pytest.mark.parametrize("read", PRIVATE_READS, ids=str)
def test_a_deactivated_account_may_read_nothing(world: World, client, retired: str, read: Read):
    if read.prepare:
        read.prepare(world)
    variables = read.variables(world)

    response = send(client, read.document, variables, token=retired)

    assert not read.shows(response.data, world, None), response.data


# --- queries -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("read", PRIVATE_READS, ids=str)
def test_private_read_of_booth_a(world: World, client: Client, read: Read, persona: str):
    check_read(world, client, read, persona)
