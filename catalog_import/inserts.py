"""Inserting the rows of many new products at once, in few round trips and little Python.

`bulk_create` builds a model instance for every row and prepares every field of every row
through the model's fields; for the tens of thousands of rows of an import, that bookkeeping
costs more than the database's own work. `insert_rows` takes plain tuples of the fields that vary
from row to row and works out every other column once per call, from its default (or the time,
for `auto_now` and `auto_now_add`).

Every row goes in through an INSERT statement on the connection, so that the connection's execute
wrappers see each write (the GraphQL cache notices changes of public data that way; COPY would
pass them by). PostgreSQL receives a batch as one JSON document, which psycopg sends as it is,
where many parameters or arrays would cost it more to quote than the server takes to insert;
other databases receive an INSERT of many rows.
"""

import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import NOT_PROVIDED, Model
from django.utils import timezone

_BATCH = 1000
# Fields whose Python values (str, int, bool, float, None) the database drivers take as they are,
# and JSON too: preparing them through the field would only repeat the import's own checks.
_PLAIN_FIELDS = frozenset(
    {
        models.AutoField,
        models.BigAutoField,
        models.BigIntegerField,
        models.BooleanField,
        models.CharField,
        models.FloatField,
        models.IntegerField,
        models.PositiveBigIntegerField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.SlugField,
        models.SmallAutoField,
        models.SmallIntegerField,
        models.TextField,
    }
)
_NOTHING = object()


def insert_rows(
    model: type[Model],
    fields: Sequence[str],
    rows: Iterable[Sequence],
    *,
    return_ids: bool = False,
) -> list[int]:
    """Insert `rows` (each the values of `fields`, in that order) as new rows of `model`; every
    other field gets its default. Answers the new primary keys in the order of `rows` when
    `return_ids`, else an empty list.

    Foreign keys are given by their column (`product_id`), as ids. Fields other than numbers,
    texts, yes/no, JSON and dates must be prepared by the caller; a field whose default is
    computed anew for each row (`default=uuid4`) must be given.
    """
    # The connection itself rather than the `django.db.connection` proxy, which looks it up
    # again on every use: preparing thousands of values uses it as often.
    connection = connections[DEFAULT_DB_ALIAS]
    meta = model._meta
    given = [meta.get_field(name) for name in fields]
    defaults = _defaults(connection, model, given)
    rows = iter(rows)
    if connection.vendor == "postgresql":
        return _insert_json(connection, meta, given, defaults, rows, return_ids=return_ids)
    return _insert_values(connection, meta, given, defaults, rows, return_ids=return_ids)


def _insert_json(
    connection, meta, given: list, defaults: list[tuple], rows: Iterator, *, return_ids: bool
) -> list[int]:
    """PostgreSQL: INSERT ... SELECT from `json_to_recordset`, one JSON document a batch."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(field.column) for field in [*given, *(f for f, _v in defaults)])
    chosen = ", ".join([*(f"r.{quote(field.column)}" for field in given), *["%s"] * len(defaults)])
    # Types without their length, as `bulk_create` does: a too long text fails on the column
    # instead of being cut short by the cast.
    record = ", ".join(
        f"{quote(field.column)} {field.db_type(connection).split('(')[0]}" for field in given
    )
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({names}) "  # noqa: S608 (names from the model)
        f"SELECT {chosen} FROM json_to_recordset(%s) AS r({record})"
        + (f" RETURNING {quote(meta.pk.column)}" if return_ids else "")
    )
    keys = [field.column for field in given]
    # JSON fields go into the document as they are; dates and times as the database reads them.
    json_fields = [field for field in given if isinstance(field, models.JSONField)]
    if any(field.encoder is not None for field in json_fields):
        raise TypeError("insert_rows sends JSON with the standard encoder only.")
    prepare = _preparer(connection, [None if f in json_fields else f for f in given])
    constants = [value for _field, value in defaults]
    ids: list[int] = []
    with connection.cursor() as cursor:
        while batch := list(islice(rows, _BATCH)):
            document = json.dumps(
                [dict(zip(keys, prepare(row), strict=True)) for row in batch],
                ensure_ascii=False,
                default=str,
            )
            cursor.execute(sql, [*constants, document])
            if return_ids:
                ids += [pk for (pk,) in cursor.fetchall()]
    return ids


def _insert_values(
    connection, meta, given: list, defaults: list[tuple], rows: Iterator, *, return_ids: bool
) -> list[int]:
    """Other databases: the rows of a batch given to one INSERT, or when their keys are wanted,
    an INSERT of as many rows as the database takes parameters."""
    quote = connection.ops.quote_name
    columns = [*given, *(field for field, _value in defaults)]
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in columns)}) "
    placeholders = "({})".format(", ".join(["%s"] * len(columns)))
    prepare = _preparer(connection, given)
    constants = tuple(value for _field, value in defaults)
    ids: list[int] = []
    with connection.cursor() as cursor:
        if not return_ids:
            # One statement that the driver runs for each row: parsed once, and one write.
            while batch := list(islice(rows, _BATCH)):
                cursor.executemany(
                    f"{head}VALUES {placeholders}", [(*prepare(row), *constants) for row in batch]
                )
        elif not connection.features.can_return_rows_from_bulk_insert:
            # Databases that cannot answer the keys of a multi-row INSERT (SQLite before 3.35).
            for row in rows:
                cursor.execute(f"{head}VALUES {placeholders}", (*prepare(row), *constants))
                ids.append(connection.ops.last_insert_id(cursor, meta.db_table, meta.pk.column))
        else:
            batch_size = _BATCH
            if connection.features.max_query_params:
                batch_size = min(batch_size, connection.features.max_query_params // len(columns))
            returning = f" RETURNING {quote(meta.pk.column)}"
            while batch := list(islice(rows, max(1, batch_size))):
                sql = head + "VALUES " + ", ".join([placeholders] * len(batch)) + returning
                cursor.execute(sql, [v for row in batch for v in (*prepare(row), *constants)])
                ids += [pk for (pk,) in cursor.fetchall()]
    return ids


def _defaults(connection, model: type[Model], given: list) -> list[tuple]:
    """(field, prepared value) of each column the caller leaves out."""
    now = timezone.now()
    meta = model._meta
    defaults = []
    for field in meta.concrete_fields:
        if field in given or field is meta.auto_field or field.generated:
            continue
        if field.db_default is not NOT_PROVIDED:
            continue  # the database fills it in
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        elif field.has_default() and callable(field.default):
            raise TypeError(f"insert_rows needs a value of {field} for each row.")
        else:
            value = field.get_default()
        defaults.append((field, field.get_db_prep_save(value, connection)))
    return defaults


def _preparer(connection, fields: list):
    """A function turning a row of values of `fields` into what the database takes; None in
    `fields` for a value to leave as it is."""
    to_prepare = [
        (index, field)
        for index, field in enumerate(fields)
        if field is not None and not _is_plain(field)
    ]
    if not to_prepare:
        return tuple
    # The last value each field prepared, and what it became: dates and times repeat.
    last = {index: (_NOTHING, None) for index, _field in to_prepare}

    def prepare(row: Sequence) -> list:
        row = list(row)
        for index, field in to_prepare:
            value = row[index]
            seen, done = last[index]
            if seen is not value:
                done = field.get_db_prep_save(value, connection)
                last[index] = (value, done)
            row[index] = done
        return row

    return prepare


def _is_plain(field) -> bool:
    if field.is_relation:
        field = field.target_field
    return type(field) in _PLAIN_FIELDS
