"""Load related rows for a whole list at once, the first time one item of the list asks.

The list resolvers tag every object they return with `_batch` (the list itself). When a field of one
object needs a relation, `batch_related` prefetches that relation for every object of the batch in
a single query, so a page of 100 products costs the same number of queries as a page of 5.
"""

from collections.abc import Iterable, Sequence

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, Prefetch, QuerySet, prefetch_related_objects


def tag_batch(objects: Sequence[Model], **context) -> Sequence[Model]:
    """Mark `objects` as one batch and give each the request context (e.g. `channel`)."""
    for obj in objects:
        obj._batch = objects
        for key, value in context.items():
            setattr(obj, f"_{key}", value)
    return objects


def batch_of(obj: Model) -> Sequence[Model]:
    return getattr(obj, "_batch", None) or [obj]


def batch_related(
    obj: Model, lookup: str, *, queryset: QuerySet | None = None, to_attr: str | None = None
) -> list:
    """Return `obj.<lookup>` as a list, prefetched for obj's whole batch on first use.

    The related objects of the whole batch become one batch themselves (and inherit the channel),
    so that their own relations are loaded together as well.
    """
    cache_name = to_attr or lookup
    if not _is_cached(obj, cache_name):
        batch = [item for item in batch_of(obj) if not _is_cached(item, cache_name)]
        prefetch = Prefetch(lookup, queryset=queryset, to_attr=to_attr)
        prefetch_related_objects(batch, prefetch)
        related: list[Model] = []
        for item in batch:
            related.extend(_cached(item, cache_name))
        tag_batch(related, channel=getattr(obj, "_channel", None))
    return list(_cached(obj, cache_name))


def _is_cached(obj: Model, name: str) -> bool:
    if name in getattr(obj, "__dict__", {}):
        return True
    return name in getattr(obj, "_prefetched_objects_cache", {})


def _cached(obj: Model, name: str) -> Iterable[Model]:
    if name in obj.__dict__:
        return obj.__dict__[name]
    return obj._prefetched_objects_cache[name]


def batch_related_one(obj: Model, field: str) -> Model | None:
    """Return `obj.<field>` (a foreign key), loaded for obj's whole batch at once.

    The targets of the whole batch become one batch, carrying obj's channel.
    """
    marker = f"_batched_{field}"
    if not getattr(obj, marker, False):
        batch = batch_of(obj)
        prefetch_related_objects(list(batch), field)
        targets = [target for item in batch if (target := _related_one(item, field)) is not None]
        tag_batch(targets, channel=getattr(obj, "_channel", None))
        for item in batch:
            setattr(item, marker, True)
    return _related_one(obj, field)


def _related_one(obj: Model, field: str) -> Model | None:
    try:
        return getattr(obj, field)
    except ObjectDoesNotExist:  # a reverse one-to-one with no row
        return None


def batch_deferred(obj: Model, field: str):
    """Read `field`, which list queries leave unloaded (large texts), for obj's whole batch in
    one query the first time one object of the batch needs it."""
    if field in obj.get_deferred_fields():
        batch = [item for item in batch_of(obj) if field in item.get_deferred_fields()]
        model = type(obj)
        values = dict(
            model._base_manager.filter(pk__in=[item.pk for item in batch]).values_list("pk", field)
        )
        for item in batch:
            setattr(item, field, values.get(item.pk))
    return getattr(obj, field)
