"""Database upkeep that the two engines need said differently."""

from django.db import connections


def refresh_planner_statistics(using: str = "default") -> None:
    """Tell the query planner how large the tables are now: after a bulk load and at start-up.

    SQLite keeps no statistics until ANALYZE runs; without them it takes a channel's listings
    for a handful of rows and sorts the whole catalog for each page of 20 instead of reading the
    name index in order. PostgreSQL gathers statistics by itself, some time after big changes;
    analysing at once serves the first shoppers after an import as well. SQLite samples at most
    a thousand rows per index, so this stays quick on any catalog.
    """
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=1000")
        cursor.execute("ANALYZE")


def ensure_planner_statistics(using: str = "default") -> None:
    """Gather statistics on SQLite if the catalog has none yet (at start-up, or after a first
    import into a catalog that was empty then); PostgreSQL keeps its own up to date, and
    analysing a large production database at every start would only delay it."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is not None:
            cursor.execute("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'catalog_product' LIMIT 1")
            if cursor.fetchone() is not None:
                return
    refresh_planner_statistics(using)
