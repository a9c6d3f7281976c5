"""The search backend interface. Backends fold Vietnamese on both sides (see core.text)."""

from abc import ABC, abstractmethod
from collections.abc import Iterable

from django.db.models import QuerySet


class SearchBackend(ABC):
    """Indexes products and finds them again by text, most relevant first.

    `search_products` returns the queryset narrowed to matching products and annotated with a
    numeric `search_rank` (higher is more relevant); callers order by it for `sortBy: RANK`.
    """

    @abstractmethod
    def index_products(self, products: Iterable) -> None:
        """(Re)index `products`; called after every change to a product's searchable texts."""

    @abstractmethod
    def search_products(self, queryset: QuerySet, query: str) -> QuerySet:
        """Narrow `queryset` to products matching `query`, annotated with `search_rank`."""
