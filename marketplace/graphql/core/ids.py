"""Global IDs in GraphQL arguments: a malformed or foreign ID is a GraphQL error, never a 500."""

from graphql import GraphQLError

from marketplace.core.ids import InvalidGlobalId, from_global_id


def resolve_global_id(global_id: str, expected_type: str) -> int:
    try:
        return from_global_id(global_id, expected_type)
    except InvalidGlobalId as error:
        raise GraphQLError(str(error)) from error


def resolve_global_ids(global_ids, expected_type: str) -> list[int]:
    return [resolve_global_id(global_id, expected_type) for global_id in global_ids or []]
