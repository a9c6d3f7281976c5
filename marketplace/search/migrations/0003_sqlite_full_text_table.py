"""On SQLite, an FTS5 full-text table over the products' folded search texts.

Matching a word prefix with LIKE reads every product's whole document; the FTS5 index finds the
matching products directly. The search backend keeps the table in step whenever it indexes
products (no triggers: SQLite drops them when a migration rebuilds the product table).
PostgreSQL has its own index (0001, 0002) and nothing to do here.
"""

from django.db import migrations

CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS catalog_product_fts "
    "USING fts5(search_name, search_document, tokenize = 'unicode61')"
)
FILL = (
    "INSERT INTO catalog_product_fts (rowid, search_name, search_document) "
    "SELECT id, search_name, search_document FROM catalog_product"
)


def create_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)
        schema_editor.execute("DELETE FROM catalog_product_fts")
        schema_editor.execute(FILL)


def drop_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS catalog_product_fts")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_postgresql_stored_search_vector"),
        ("catalog", "0004_product_sort_name"),
    ]
    operations = [migrations.RunPython(create_table, drop_table)]
