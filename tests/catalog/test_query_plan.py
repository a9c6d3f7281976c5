"""A page of the catalog by name is read from the name index, not sorted from every product."""

import pytest
from django.db import connection

from marketplace.catalog.graphql.filters import sort_products
from marketplace.catalog.selectors import visible_products
from marketplace.core.db import refresh_planner_statistics
from tests import factories

pytestmark = pytest.mark.django_db


def page_by_name_plan(channel) -> str:
    page = sort_products(visible_products(channel, in_listings=True), None, searching=False)[:21]
    sql, params = page.query.sql_with_params()
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(explain + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_the_name_order_index_serves_the_default_page(channel):
    booths = [factories.booth() for _ in range(4)]
    for number in range(200):
        factories.product(f"Sản phẩm {number:03}", vendor=booths[number % 4])
    # Statistics of this catalog, not of whatever an earlier test left behind.
    refresh_planner_statistics()

    if connection.vendor == "sqlite":
        plan = page_by_name_plan(channel)
        assert "catalog_product_name_order" in plan
        assert "TEMP B-TREE" not in plan
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                ["catalog_product_name_order"],
            )
            (definition,) = cursor.fetchone()
        assert 'sort_name COLLATE "C"' in definition
        # On so small a catalog a sort is as cheap: ask whether the index can give the order.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_sort = off")
        assert "catalog_product_name_order" in page_by_name_plan(channel)
