"""A producer's photo, served only while her consent to show it is in force."""

from django.http import FileResponse, Http404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from marketplace.core.ids import InvalidGlobalId, from_global_id
from marketplace.privacy import selectors
from marketplace.privacy.models import ProducerProfile


@require_GET
# Browsers and proxies may not keep it: withdrawing or letting consent lapse must hide it.
@cache_control(private=True, no_store=True)
def producer_photo(request, profile_id: str):
    try:
        pk = from_global_id(profile_id, "ProducerProfile")
    except InvalidGlobalId as error:
        raise Http404 from error
    profile = ProducerProfile.objects.filter(pk=pk).first()
    photo = selectors.public_photo(profile) if profile else None
    if photo is None:
        raise Http404
    return FileResponse(photo.open("rb"), content_type="image/" + _kind(photo.name))


def _kind(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower()
    return {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "webp": "webp"}.get(extension, "jpeg")
