"""Search in the database itself: the default, with nothing else to run.

Both backends search the folded texts that `index_products` stores on each product, so "mat ong"
finds "Mật ong" and "dak lak" finds "Đắk Lắk". Certificate words ("ocop", "4 sao", "vietgap", a
code) are matched live against the certificates in force, never stored with the product: an
expired or revoked certificate stops finding products the moment it lapses.

The folding is done in Python rather than with PostgreSQL's `unaccent`, which knows only
precomposed letters: text typed in decomposed form (common from some phones) would otherwise not
match.

- PostgreSQL: full-text search over the folded texts (name weighted above the rest) kept in a
  stored, GIN-indexed vector column; every term matched as a word prefix, ranked by `ts_rank`.
- SQLite: an FTS5 table over the folded texts finds the products where every term begins a
  word; a term in the name counts more.
"""

import json
from collections.abc import Iterable

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from marketplace.certifications.selectors import products_with_certificate_term
from marketplace.core.text import search_terms
from marketplace.search.backends.base import SearchBackend
from marketplace.search.documents import product_search_texts

SQLITE_FTS_TABLE = "catalog_product_fts"


class DatabaseSearchBackend(SearchBackend):
    # Products read and written per round trip: bounded memory for catalogs of any size.
    CHUNK = 1000

    def index_products(self, products: Iterable) -> None:
        ids = [product.pk for product in products]
        for start in range(0, len(ids), self.CHUNK):
            texts = list(product_search_texts(ids[start : start + self.CHUNK]))
            if connection.vendor == "postgresql":
                self._write_postgresql(texts)
            else:
                self._write_portable(texts)

    def _write_postgresql(self, texts: list[tuple[int, str, str, str]]) -> None:
        # One statement per chunk: a statement per product cost a round trip each. Rows whose
        # texts did not change are left alone, which spares rewriting them with their stored
        # vector and GIN entries when an import sends an unchanged catalog again.
        rows = json.dumps(
            [
                {"id": pk, "search_name": name, "search_document": document, "sort_name": sort}
                for pk, name, document, sort in texts
            ]
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE catalog_product AS product SET search_name = x.search_name, "
                "search_document = x.search_document, sort_name = x.sort_name "
                "FROM json_to_recordset(%s) AS x("
                "id bigint, search_name text, search_document text, sort_name text) "
                "WHERE product.id = x.id AND ("
                "product.search_name IS DISTINCT FROM x.search_name "
                "OR product.search_document IS DISTINCT FROM x.search_document "
                "OR product.sort_name IS DISTINCT FROM x.sort_name)",
                (rows,),
            )

    def _write_portable(self, texts: list[tuple[int, str, str, str]]) -> None:
        # One prepared UPDATE run for every row: SQLite runs it in process, with no round trips.
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE catalog_product SET search_name = %s, search_document = %s, "
                "sort_name = %s WHERE id = %s",
                [(name, document, sort, pk) for pk, name, document, sort in texts],
            )
            if connection.vendor == "sqlite":
                # The FTS5 table (search/migrations/0003) follows the stored texts.
                cursor.executemany(
                    f"DELETE FROM {SQLITE_FTS_TABLE} WHERE rowid = %s",  # noqa: S608
                    [(pk,) for pk, *_texts in texts],
                )
                cursor.executemany(
                    f"INSERT INTO {SQLITE_FTS_TABLE} (rowid, search_name, search_document) "  # noqa: S608
                    "VALUES (%s, %s, %s)",
                    [(pk, name, document) for pk, name, document, _sort in texts],
                )

    def search_products(self, queryset: QuerySet, query: str) -> QuerySet:
        terms = search_terms(query)
        if not terms:
            return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))
        if connection.vendor == "postgresql":
            return self._search_postgresql(queryset, terms)
        return self._search_portable(queryset, terms)

    def _search_postgresql(self, queryset: QuerySet, terms: list[str]) -> QuerySet:
        # `search_vector` is a stored column that PostgreSQL computes from the folded texts (see
        # search/migrations/0002), indexed with GIN. Terms are folded to [0-9a-z] only, and are
        # passed as parameters all the same.
        for term in terms:
            in_text = RawSQL(
                '"catalog_product"."search_vector" @@ to_tsquery(\'simple\', %s)',
                (f"{term}:*",),
                output_field=BooleanField(),
            )
            queryset = queryset.filter(Q(in_text) | products_with_certificate_term(term))
        rank = RawSQL(
            'ts_rank("catalog_product"."search_vector", to_tsquery(\'simple\', %s))',
            (" & ".join(f"{term}:*" for term in terms),),
            output_field=FloatField(),
        )
        return queryset.annotate(search_rank=rank)

    def _search_portable(self, queryset: QuerySet, terms: list[str]) -> QuerySet:
        rank = Value(0)
        for term in terms:
            prefix = f" {term}"
            # Terms are folded to [0-9a-z], so the quoted prefix query is always well formed.
            in_text = RawSQL(  # noqa: S611
                f"SELECT rowid FROM {SQLITE_FTS_TABLE} WHERE {SQLITE_FTS_TABLE} MATCH %s",  # noqa: S608
                (f'"{term}"*',),
            )
            queryset = queryset.filter(Q(pk__in=in_text) | products_with_certificate_term(term))
            rank = rank + Case(
                When(search_name__contains=f" {term} ", then=Value(4)),
                When(search_name__contains=prefix, then=Value(3)),
                When(search_document__contains=f" {term} ", then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            )
        phrase = " " + " ".join(terms) + " "
        rank = rank + Case(When(search_name__contains=phrase, then=Value(5)), default=Value(0))
        return queryset.annotate(search_rank=Cast(rank, FloatField()))
