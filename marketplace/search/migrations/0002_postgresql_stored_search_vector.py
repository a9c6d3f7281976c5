"""On PostgreSQL, keep each product's weighted full-text vector in a stored generated column.

Ranking then reads the vector instead of parsing both texts again for every matching row, and the
GIN index covers the column. The column is PostgreSQL's own: the model does not declare it, the
database fills it, and `DatabaseSearchBackend` reads it with SQL. SQLite has nothing to do here.
"""

from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, COALESCE(search_name, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, COALESCE(search_document, '')), 'B')"
)


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS catalog_product_search_idx")
    schema_editor.execute(
        "ALTER TABLE catalog_product ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS catalog_product_search_vector_idx "
        "ON catalog_product USING gin (search_vector)"
    )


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS catalog_product_search_vector_idx")
    schema_editor.execute("ALTER TABLE catalog_product DROP COLUMN IF EXISTS search_vector")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS catalog_product_search_idx ON catalog_product "
        f"USING gin (({VECTOR}))"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_postgresql_search_index")]
    operations = [migrations.RunPython(add_column, drop_column)]
