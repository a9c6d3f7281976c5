"""Product search behind a small backend interface (database by default, Elasticsearch at scale)."""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


@cache
def get_search_backend():
    """The configured backend (`SEARCH_BACKEND` setting), created once per process."""
    return import_string(settings.SEARCH_BACKEND)()
