"""The catalog's default order (Vietnamese name key, then slug) as one index.

The key sorts byte by byte, so the index uses the binary collation, which Django cannot name for
both databases: "C" on PostgreSQL, "BINARY" on SQLite.
"""

from django.db import migrations, models

INDEX = "catalog_product_name_order"


def create_index(apps, schema_editor):
    binary = "C" if schema_editor.connection.vendor == "postgresql" else "BINARY"
    schema_editor.execute(
        f'CREATE INDEX {INDEX} ON catalog_product (sort_name COLLATE "{binary}", slug, id)'
    )


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0004_product_sort_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="product",
            name="sort_name",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(create_index, drop_index),
    ]
