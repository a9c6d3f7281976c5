"""Limits that keep one request from exhausting the server: depth, cost and aliases.

Cost counts every field once, multiplied by the page size (`first` / `last`) of the connections
around it, so that `products(first: 100) { productVariants(first: 100) { ... } }` costs what it
would load.
"""

from django.conf import settings
from graphql import GraphQLError
from graphql.language import (
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
)


def query_limit_errors(document, operation_name: str | None, variables: dict | None) -> list:
    """Errors for operations of `document` that go over the depth, cost or alias limits.

    Runs after standard validation, with the request's variables (a `first: $first` costs what
    the variable asks for, or its default).
    """
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if definition.kind == "fragment_definition"
    }
    errors = []
    for node in document.definitions:
        if not isinstance(node, OperationDefinitionNode):
            continue
        if operation_name and node.name and node.name.value != operation_name:
            continue
        values = _variable_defaults(node) | dict(variables or {})
        measure = _Measure(fragments, values)
        depth, cost = measure.selection(node.selection_set, depth=0, visiting=frozenset())
        if depth > settings.GRAPHQL_MAX_DEPTH:
            errors.append(
                GraphQLError(
                    f"The query is {depth} levels deep; at most {settings.GRAPHQL_MAX_DEPTH} "
                    "are allowed.",
                    node,
                )
            )
        if cost > settings.GRAPHQL_MAX_COST:
            errors.append(
                GraphQLError(
                    f"The query cost is {cost}, above the limit of {settings.GRAPHQL_MAX_COST}. "
                    "Ask for fewer items (`first`/`last`) or fewer fields.",
                    node,
                )
            )
        if measure.aliases > settings.GRAPHQL_MAX_ALIASES:
            errors.append(
                GraphQLError(
                    f"The query uses {measure.aliases} aliases; at most "
                    f"{settings.GRAPHQL_MAX_ALIASES} are allowed.",
                    node,
                )
            )
    return errors


def _variable_defaults(operation: OperationDefinitionNode) -> dict:
    defaults = {}
    for definition in operation.variable_definitions or ():
        default = definition.default_value
        if default is not None and default.kind == "int_value":
            defaults[definition.variable.name.value] = int(default.value)
    return defaults


class _Measure:
    def __init__(self, fragments, variables):
        self.fragments = fragments
        self.variables = variables
        self.aliases = 0

    def selection(self, selection_set, depth: int, visiting: frozenset) -> tuple[int, int]:
        if selection_set is None:
            return depth, 0
        deepest, cost = depth, 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.alias:
                    self.aliases += 1
                child_depth, child_cost = self.selection(
                    selection.selection_set, depth + 1, visiting
                )
                deepest = max(deepest, child_depth)
                cost += (1 + child_cost) * self.multiplier(selection)
            elif isinstance(selection, InlineFragmentNode):
                child_depth, child_cost = self.selection(selection.selection_set, depth, visiting)
                deepest, cost = max(deepest, child_depth), cost + child_cost
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in visiting:
                    continue  # unknown or cyclic fragments are reported by the standard rules
                child_depth, child_cost = self.selection(
                    fragment.selection_set, depth, visiting | {name}
                )
                deepest, cost = max(deepest, child_depth), cost + child_cost
        return deepest, cost

    def multiplier(self, field: FieldNode) -> int:
        for argument in field.arguments or ():
            if argument.name.value in ("first", "last", "limit"):
                value = argument.value
                if value.kind == "int_value":
                    return max(int(value.value), 1)
                if value.kind == "variable":
                    given = self.variables.get(value.name.value)
                    if isinstance(given, int):
                        return max(given, 1)
        return 1
