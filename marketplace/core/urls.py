"""Absolute URLs for API answers, built once per request."""


def absolute_uri(request, path: str) -> str:
    """`path` (or a URL that is already absolute, e.g. on a CDN) as an absolute URL.

    Django's build_absolute_uri validates the host on every call; a page of 100 products asks
    for hundreds of image URLs, so the site's root is worked out once per request.
    """
    if path.startswith(("http://", "https://")):
        return path
    root = getattr(request, "_absolute_root", None)
    if root is None:
        root = request.build_absolute_uri("/").rstrip("/")
        request._absolute_root = root
    return root + path
