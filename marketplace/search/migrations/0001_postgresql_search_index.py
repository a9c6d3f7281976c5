"""A GIN index over the weighted full-text vector of products, on PostgreSQL only.

The expression is the one `DatabaseSearchBackend` builds, so that the planner can use the index.
"""

from django.db import migrations

VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, COALESCE(search_name, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, COALESCE(search_document, '')), 'B'))"
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS catalog_product_search_idx "
            f"ON catalog_product USING gin ({VECTOR})"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS catalog_product_search_idx")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
