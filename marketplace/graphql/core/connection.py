"""Relay connections with Saleor's conventions: `totalCount`, `first`/`last` limited to 100."""

import base64
from collections.abc import Callable, Sequence

import graphene
from django.db.models import QuerySet
from graphql import GraphQLError

from marketplace.graphql.core.batching import tag_batch

MAX_PAGE_SIZE = 100


class CountableConnection(graphene.relay.Connection):
    """A Relay connection that can also tell how many items there are in all."""

    class Meta:
        abstract = True

    total_count = graphene.Int(description="A total count of items in the collection.")

    def resolve_total_count(root, info):
        return root.length


def connection_args() -> dict:
    return {
        "before": graphene.String(
            description="Return the elements in the list that come before the specified cursor."
        ),
        "after": graphene.String(
            description="Return the elements in the list that come after the specified cursor."
        ),
        "first": graphene.Int(
            description="Retrieve the first n elements from the list. "
            f"Note that the system only allows fetching a maximum of {MAX_PAGE_SIZE} objects."
        ),
        "last": graphene.Int(
            description="Retrieve the last n elements from the list. "
            f"Note that the system only allows fetching a maximum of {MAX_PAGE_SIZE} objects."
        ),
    }


def _encode_cursor(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def _decode_cursor(cursor: str) -> int:
    try:
        kind, _, value = base64.b64decode(cursor, validate=True).decode().partition(":")
        offset = int(value)
    except (ValueError, UnicodeDecodeError) as error:
        raise GraphQLError("Received cursor is invalid.") from error
    if kind != "offset" or offset < 0:
        raise GraphQLError("Received cursor is invalid.")
    return offset


def _check_page_args(connection_name: str, first, last, *, required: bool) -> None:
    if first is not None and last is not None:
        raise GraphQLError("Argument `last` cannot be combined with `first`.")
    if required and first is None and last is None:
        raise GraphQLError(
            f"You must provide a `first` or `last` value to properly paginate "
            f"the `{connection_name}` connection."
        )
    for name, value in (("first", first), ("last", last)):
        if value is None:
            continue
        if value < 0:
            raise GraphQLError(f"Argument `{name}` must be a non-negative integer.")
        if value > MAX_PAGE_SIZE:
            raise GraphQLError(
                f"Requesting {value} records on the `{connection_name}` connection exceeds the "
                f"`{name}` limit of {MAX_PAGE_SIZE} records."
            )


def paginate(
    items: QuerySet | Sequence,
    connection_type: type[CountableConnection],
    info,
    *,
    first: int | None = None,
    last: int | None = None,
    after: str | None = None,
    before: str | None = None,
    required: bool = True,
    count: Callable[[], int] | None = None,
    **batch_context,
) -> CountableConnection:
    """Slice `items` by Relay arguments and build the connection.

    The total is counted only when the query asks for `totalCount` or needs it to page backwards.
    Every returned node is tagged as one batch (see `batching`), with `batch_context`.
    """
    name = info.field_name
    _check_page_args(name, first, last, required=required)
    start = _decode_cursor(after) + 1 if after else 0
    end = _decode_cursor(before) if before else None
    is_list = not isinstance(items, QuerySet)

    total = None
    if is_list:
        total = len(items)
    elif _asks_for_total(info) or (last is not None and end is None):
        total = count() if count else items.count()

    if last is not None:
        stop = end if end is not None else total
        begin = max(stop - last, start)
        rows = list(items[begin:stop])
        has_previous = begin > start
        has_next = end is not None and (total is None or end < total)
    else:
        limit = first if first is not None else MAX_PAGE_SIZE
        stop = start + limit
        if end is not None:
            stop = min(stop, end)
        # One row more than asked tells whether there is a next page.
        rows = list(items[start : stop + 1])
        has_next = len(rows) > stop - start
        rows = rows[: max(stop - start, 0)]
        begin = start
        has_previous = start > 0
    if not is_list:
        # A list was sliced out of rows already loaded (and batched) together: keep that batch.
        tag_batch(rows, **batch_context)

    edge_type = connection_type.Edge
    edges = [edge_type(node=row, cursor=_encode_cursor(begin + i)) for i, row in enumerate(rows)]
    page_info = graphene.relay.PageInfo(
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
        has_previous_page=has_previous,
        has_next_page=has_next,
    )
    connection = connection_type(edges=edges, page_info=page_info)
    connection.length = total
    return connection


def _asks_for_total(info) -> bool:
    for field_node in info.field_nodes:
        if field_node.selection_set and _selects(field_node.selection_set, "totalCount", info):
            return True
    return False


def _selects(selection_set, field_name: str, info) -> bool:
    for selection in selection_set.selections:
        kind = selection.kind
        if kind == "field" and selection.name.value == field_name:
            return True
        if kind == "inline_fragment" and _selects(selection.selection_set, field_name, info):
            return True
        if kind == "fragment_spread":
            fragment = info.fragments.get(selection.name.value)
            if fragment and _selects(fragment.selection_set, field_name, info):
                return True
    return False
