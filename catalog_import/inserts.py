"""Inserting the rows of many new products at once, in few round trips and little Python.

`bulk_create` builds a model instance for every row and prepares every field of every row
through the model's fields; for the tens of thousands of rows of an import, that bookkeeping
costs more than the database's own work. `insert_rows` takes plain tuples of the fields that vary
from row to row and works out every other column once per call (its default, or the time for
`auto_now` and `auto_now_add`). PostgreSQL receives the rows through COPY, other databases as
INSERTs of many rows each. Like `bulk_create`, it calls no `save()` and sends no signals.
"""

from collections.abc import Iterable, Sequence
from itertools import islice

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import NOT_PROVIDED, Model
from django.utils import timezone

_BATCH = 1000
# Fields whose Python values (str, int, bool, float, None) the database drivers take as they are:
# preparing them through the field would only repeat checks that validation has made.
_PLAIN_FIELDS = frozenset(
    {
        models.BigIntegerField,
        models.BooleanField,
        models.CharField,
        models.FloatField,
        models.IntegerField,
        models.PositiveBigIntegerField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.SlugField,
        models.SmallIntegerField,
        models.TextField,
    }
)
_NOTHING = object()
_PLAIN_KEYS = frozenset({models.AutoField, models.BigAutoField, models.SmallAutoField})


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

    Foreign keys are given by their column (`product_id`), as ids.
    """
    # The connection itself rather than the `django.db.connection` proxy, which looks it up
    # again on every use: fields preparing thousands of values use it as often.
    connection = connections[DEFAULT_DB_ALIAS]
    meta = model._meta
    given = [meta.get_field(name) for name in fields]
    constants, per_row = _other_columns(connection, model, set(given))
    columns = [*given, *(field for field, _value in constants), *per_row]
    constant_values = tuple(value for _field, value in constants)
    to_prepare = [(index, field) for index, field in enumerate(given) if not _is_plain(field)]
    # The last value each field prepared, and what it became: dates and times repeat.
    last: dict[int, tuple] = {index: (_NOTHING, None) for index, _field in to_prepare}

    def values(row: Sequence) -> tuple:
        if to_prepare:
            row = list(row)
            for index, field in to_prepare:
                value = row[index]
                seen, done = last[index]
                if seen is not value:
                    done = field.get_db_prep_save(value, connection)
                    last[index] = (value, done)
                row[index] = done
        if per_row:
            fresh = (field.get_db_prep_save(field.get_default(), connection) for field in per_row)
            return (*row, *constant_values, *fresh)
        return (*row, *constant_values)

    rows = map(values, rows)
    if connection.vendor == "postgresql":
        return _copy(connection, meta, columns, rows, return_ids=return_ids)
    return _insert(connection, meta, columns, rows, return_ids=return_ids)


def _copy(connection, meta, columns: list, rows: Iterable[tuple], *, return_ids: bool) -> list[int]:
    """PostgreSQL: COPY, which reads rows as a stream instead of parsing a statement of
    thousands of parameters; the new keys are taken from the table's sequence first."""
    quote = connection.ops.quote_name
    names = [quote(field.column) for field in columns]
    ids: list[int] = []
    with connection.cursor() as cursor:
        if return_ids:
            rows = list(rows)
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [quote(meta.db_table), meta.pk.column, len(rows)],
            )
            ids = [pk for (pk,) in cursor.fetchall()]
            names.insert(0, quote(meta.pk.column))
            rows = ((pk, *row) for pk, row in zip(ids, rows, strict=True))
        statement = f"COPY {quote(meta.db_table)} ({', '.join(names)}) FROM STDIN"
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    return ids


def _insert(
    connection, meta, columns: list, rows: Iterable[tuple], *, return_ids: bool
) -> list[int]:
    """Other databases: INSERT of as many rows as the database takes parameters."""
    quote = connection.ops.quote_name
    # Table and column names come from the model, values are parameters.
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in columns)}) "
    placeholders = "({})".format(", ".join(["%s"] * len(columns)))
    if return_ids and not connection.features.can_return_rows_from_bulk_insert:
        return _insert_one_by_one(connection, meta, f"{head}VALUES {placeholders}", rows)
    returning = f" RETURNING {quote(meta.pk.column)}" if return_ids else ""
    batch_size = _BATCH
    if connection.features.max_query_params:
        batch_size = max(1, min(batch_size, connection.features.max_query_params // len(columns)))
    ids: list[int] = []
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(rows, batch_size)):
            sql = head + "VALUES " + ", ".join([placeholders] * len(batch)) + returning
            cursor.execute(sql, [value for row in batch for value in row])
            if return_ids:
                ids += [pk for (pk,) in cursor.fetchall()]
    return ids


def _other_columns(connection, model: type[Model], given: set) -> tuple[list[tuple], list]:
    """The columns the caller leaves out: (field, prepared value) of those that are the same on
    every row, and the fields whose default is computed anew for each row."""
    now = timezone.now()
    constants, per_row = [], []
    meta = model._meta
    for field in meta.concrete_fields:
        if field in given or field is meta.auto_field or field.generated:
            continue
        if field.db_default is not NOT_PROVIDED:
            continue  # the database fills it in
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            constants.append((field, field.get_db_prep_save(now, connection)))
        elif field.has_default() and callable(field.default):
            per_row.append(field)
        else:
            constants.append((field, field.get_db_prep_save(field.get_default(), connection)))
    return constants, per_row


def _insert_one_by_one(connection, meta, sql: str, rows: Iterable[tuple]) -> list[int]:
    # Databases that cannot answer the keys of a multi-row INSERT (SQLite before 3.35).
    ids = []
    with connection.cursor() as cursor:
        for row in rows:
            cursor.execute(sql, row)
            ids.append(connection.ops.last_insert_id(cursor, meta.db_table, meta.pk.column))
    return ids


def _is_plain(field) -> bool:
    if field.is_relation:
        return type(field.target_field) in _PLAIN_KEYS | _PLAIN_FIELDS
    return type(field) in _PLAIN_FIELDS
