"""Storage for files that must never be reachable by a plain URL: producers' photos.

They live outside MEDIA_ROOT (in PRIVATE_MEDIA_ROOT), so neither the media view nor a CDN in front
of the media folder can serve them; `views.producer_photo` sends one only while its producer's
consent is in force.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    """File storage in PRIVATE_MEDIA_ROOT, read from the settings on every use, with no URL."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL.")


def private_storage() -> PrivateFileStorage:
    return PrivateFileStorage()
