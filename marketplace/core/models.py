"""Abstract models shared by the domain packages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Translation(models.Model):
    """A translation of an object's texts into one language (the default language is Vietnamese)."""

    language_code = models.CharField(_("language"), max_length=35)

    class Meta:
        abstract = True


class SeoFields(models.Model):
    seo_title = models.CharField(_("SEO title"), max_length=70, blank=True)
    seo_description = models.CharField(_("SEO description"), max_length=300, blank=True)

    class Meta:
        abstract = True
