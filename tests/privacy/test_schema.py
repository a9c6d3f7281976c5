"""No public part of the API can show who a producer is: the identity type is reachable only
through the staff-only `producerIdentity` query, and no other field bears an identity name."""

from graphql import (
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
)

from marketplace.graphql.schema import schema

IDENTITY_FIELDS = {"legalName", "phone", "nationalIdNumber", "dateOfBirth", "homeAddress"}
# The one way in, for staff with VIEW_PRODUCER_IDENTITY, audited.
STAFF_ONLY = {("Query", "producerIdentity")}
# Fields that share a name with an identity field but hold someone's own data, never a producer's.
ALLOWED = {
    ("Address", "phone"),  # a shopper's own delivery address (Saleor's Address type)
}


def reachable_fields(root: GraphQLObjectType, skip: set[tuple[str, str]]):
    """Every (type, field, named field type) reachable from `root`, not going through `skip`."""
    graph = schema.graphql_schema
    seen, queue, found = set(), [root], []
    while queue:
        current = queue.pop()
        if current.name in seen:
            continue
        seen.add(current.name)
        if isinstance(current, GraphQLUnionType | GraphQLInterfaceType):
            queue.extend(graph.get_possible_types(current))
        if not isinstance(current, GraphQLObjectType | GraphQLInterfaceType):
            continue
        for name, field in current.fields.items():
            if (current.name, name) in skip:
                continue
            target = get_named_type(field.type)
            found.append((current.name, name, target.name))
            queue.append(target)
    return found


def test_identity_type_is_reachable_only_through_the_staff_only_query():
    query = schema.graphql_schema.query_type

    public = reachable_fields(query, STAFF_ONLY)
    staff = reachable_fields(query, set())

    assert "ProducerIdentity" not in {target for _type, _field, target in public}
    assert ("Query", "producerIdentity", "ProducerIdentity") in staff


def test_no_public_field_bears_an_identity_name():
    public = reachable_fields(schema.graphql_schema.query_type, STAFF_ONLY)

    offending = [
        (type_name, field)
        for type_name, field, _target in public
        if field in IDENTITY_FIELDS and (type_name, field) not in ALLOWED
    ]

    assert offending == []


def test_public_producer_profile_has_only_public_fields():
    profile = schema.graphql_schema.get_type("ProducerProfile")

    assert set(profile.fields) == {
        "id",
        "pseudonym",
        "province",
        "craft",
        "story",
        "storyEn",
        "photo",
    }


def test_identity_is_not_a_node_that_a_node_lookup_could_fetch():
    identity = schema.graphql_schema.get_type("ProducerIdentity")

    assert [interface.name for interface in identity.interfaces] == []


def test_no_mutation_returns_an_identity():
    mutation = schema.graphql_schema.mutation_type

    targets = {target for _type, _field, target in reachable_fields(mutation, set())}

    assert "ProducerIdentity" not in targets
