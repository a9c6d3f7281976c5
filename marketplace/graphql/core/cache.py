"""Cached answers to shoppers' catalog queries, void the moment the public data changes.

Most storefront traffic is the same few queries (the first page of products, a category, a
popular search) asked by anonymous shoppers; the answer depends only on data anyone may read.
Such an answer is kept, filed under the current *public data version*, and given again until:

- any statement writes to a table of the public apps (catalog, booths, certificates, curation,
  content, channels, producers' profiles). Every write, whether by the ORM, a bulk update, an
  import or raw SQL, passes through the database connection, where `note_writes` sees it and
  adds a version row in the same transaction: the new version becomes visible exactly when the
  change does, and a rolled-back change leaves the version as it was;
- a date written in the public data passes (a product's publication, a certificate's expiry, a
  producer's consent running out): no answer is kept beyond the next such date;
- GRAPHQL_CACHE_SECONDS pass (0 turns the cache off).

Only anonymous requests (no Authorization header, no session cookie) are answered from the cache,
only queries, only of root fields that read public data, and only answers without errors. The
key holds the query, its variables, the language and the host the URLs are built with.
"""

import hashlib
import json
import re
import secrets
from datetime import UTC, datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate
from django.utils import timezone
from graphql.language import FieldNode, OperationType

# Root fields whose answers depend only on what any shopper may read.
PUBLIC_ROOT_FIELDS = frozenset(
    {
        "addressValidationRules",
        "campaigns",
        "categories",
        "category",
        "channel",
        "channels",
        "collection",
        "collections",
        "featuredBooths",
        "menu",
        "page",
        "pages",
        "product",
        "productType",
        "productTypes",
        "productVariant",
        "productVariants",
        "products",
        "vendor",
        "vendors",
        "__typename",
    }
)
# Apps whose tables hold what those fields read.
PUBLIC_APPS = ("catalog", "vendors", "certifications", "curation", "content", "channels", "privacy")
# Dates at which public answers change without any write.
PUBLICATION_DATES = {
    "catalog.ProductChannelListing": ("published_at", "available_for_purchase_at"),
    "catalog.CollectionChannelListing": ("published_at",),
    "content.Page": ("published_at",),
    "curation.FeaturedBooth": ("starts_at", "ends_at"),
    "curation.Campaign": ("starts_at", "ends_at"),
    "certifications.Certification": ("issued_at", "expires_at"),
    "privacy.ProducerConsent": ("granted_at", "expires_at"),
}
# Old version rows are removed once this many newer ones exist.
KEEP_VERSIONS = 100

_WRITE = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)',
    re.IGNORECASE,
)
_TRUNCATE = re.compile(r"\s*TRUNCATE\b", re.IGNORECASE)
_public_tables: frozenset[str] = frozenset()
_watching = True


def cache():
    return caches["graphql"]


# --- Noticing writes -------------------------------------------------------------------------


def install() -> None:
    """Watch every database connection for writes to public data (called once at start-up)."""
    from marketplace.search.backends.database import SQLITE_FTS_TABLE

    global _public_tables
    _public_tables = frozenset(
        model._meta.db_table
        for label in PUBLIC_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ) | {SQLITE_FTS_TABLE}
    connection_created.connect(_watch, dispatch_uid="public-data-writes")
    # Migrations write before the version table may exist; the version moves once they are done.
    pre_migrate.connect(_pause, dispatch_uid="public-data-pause")
    post_migrate.connect(_resume, dispatch_uid="public-data-resume")
    for connection in connections.all(initialized_only=True):
        _watch(connection=connection)


def _watch(sender=None, connection=None, **kwargs) -> None:
    if note_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(note_writes)


def _pause(**kwargs) -> None:
    global _watching
    _watching = False


def _resume(using="default", **kwargs) -> None:
    global _watching
    if not _watching:
        _watching = True
        new_version(connections[using])


def note_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if _watching and writes_public_data(sql):
        new_version(context["connection"])
    return result


def writes_public_data(sql: str) -> bool:
    written = _WRITE.match(sql)
    if written is not None:
        return written.group(1) in _public_tables
    return _TRUNCATE.match(sql) is not None


def new_version(connection) -> None:
    from marketplace.models import PublicDataVersion

    version = PublicDataVersion.objects.using(connection.alias).create(token=secrets.token_hex(16))
    if version.pk % KEEP_VERSIONS == 0:
        PublicDataVersion.objects.using(connection.alias).filter(
            pk__lte=version.pk - KEEP_VERSIONS
        ).delete()


def current_version(using: str = "default") -> str:
    from marketplace.models import PublicDataVersion

    token = (
        PublicDataVersion.objects.using(using)
        .order_by("-pk")
        .values_list("token", flat=True)
        .first()
    )
    return token or "initial"


# --- Answering from the cache ----------------------------------------------------------------


def is_public_query(operation) -> bool:
    """A query whose root fields all read public data (fragments at the root are not)."""
    if operation.operation != OperationType.QUERY:
        return False
    selections = operation.selection_set.selections
    return all(
        isinstance(node, FieldNode) and node.name.value in PUBLIC_ROOT_FIELDS for node in selections
    )


def is_anonymous(request) -> bool:
    return not request.headers.get("Authorization") and (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def answer_key(request, version: str, query: str, variables, operation_name) -> str:
    material = json.dumps(
        [
            version,
            query,
            variables,
            operation_name,
            getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
            request.scheme,
            request.get_host(),
        ],
        sort_keys=True,
        ensure_ascii=False,
    )
    return "answer:" + hashlib.sha256(material.encode()).hexdigest()


def kept_answer(key: str) -> str | None:
    """The kept answer under `key`, unless the date it was valid until has come."""
    kept = cache().get(key)
    if kept is None:
        return None
    valid_until, body = kept
    return body if timezone.now() < valid_until else None


def keep_answer(key: str, version: str, body: str) -> None:
    """Keep `body` until the next publication date or GRAPHQL_CACHE_SECONDS, whichever first.

    The date is checked again when the answer is read, so it holds to the microsecond whatever
    the cache's own clock does."""
    now = timezone.now()
    valid_until = now + timedelta(seconds=settings.GRAPHQL_CACHE_SECONDS)
    next_date = _next_publication_date(version, now)
    if next_date is not None:
        valid_until = min(valid_until, next_date)
    seconds = (valid_until - now).total_seconds()
    if seconds > 0:
        cache().set(key, (valid_until, body), max(1, int(seconds)))


def _next_publication_date(version: str, now: datetime) -> datetime | None:
    """The first date after `now` at which some public answer changes by itself. It depends
    only on the data, so it is worked out once per version (and again once it has passed)."""
    key = f"next-date:{version}"
    known = cache().get(key)
    if known is not None:
        worked_out_at, found = known
        if worked_out_at <= now and (found is None or now < found):
            return found
    found = _first_date_after(now)
    cache().set(key, (now, found), settings.GRAPHQL_CACHE_SECONDS)
    return found


def _first_date_after(now: datetime) -> datetime | None:
    connection = connections["default"]
    quote = connection.ops.quote_name
    parts = []
    for label, fields in PUBLICATION_DATES.items():
        model = apps.get_model(label)
        for name in fields:
            column = quote(model._meta.get_field(name).column)
            parts.append(
                f"SELECT MIN({column}) AS at FROM {quote(model._meta.db_table)} "  # noqa: S608
                f"WHERE {column} > %s"
            )
    sql = "SELECT MIN(at) FROM (" + " UNION ALL ".join(parts) + ") AS dates"  # noqa: S608
    moment = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(sql, [moment] * len(parts))
        (value,) = cursor.fetchone()
    if value is None:
        return None
    if isinstance(value, str):  # SQLite keeps UTC times as text
        value = datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value
