from django.http import Http404, HttpResponseRedirect
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from marketplace.catalog.models import Category, Collection, ProductMedia
from marketplace.catalog.thumbnails import PIL_FORMATS, THUMBNAIL_SIZES, make_thumbnail
from marketplace.core.ids import InvalidGlobalId, from_global_id, parse_global_id
from vendors.models import Booth

IMAGE_OWNERS = {
    "ProductMedia": (ProductMedia, "image"),
    "Category": (Category, "background_image"),
    "Collection": (Collection, "background_image"),
    "Vendor": (Booth, "logo"),
}


@require_GET
@cache_control(public=True, max_age=3600)
def thumbnail_view(request, instance_id: str, size: int, fmt: str):
    """Make the thumbnail on first request, then send the browser to the stored file."""
    if size not in THUMBNAIL_SIZES or fmt not in PIL_FORMATS:
        raise Http404
    try:
        type_name, _ = parse_global_id(instance_id)
        model, field_name = IMAGE_OWNERS[type_name]
        owner = model.objects.filter(pk=from_global_id(instance_id, type_name)).first()
    except (InvalidGlobalId, KeyError) as error:
        raise Http404 from error
    image_field = getattr(owner, field_name, None) if owner else None
    if not image_field:
        raise Http404
    thumbnail = make_thumbnail(owner, image_field, size, fmt)
    return HttpResponseRedirect(thumbnail.image.url)
