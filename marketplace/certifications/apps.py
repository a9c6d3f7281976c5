from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationsConfig(AppConfig):
    name = "marketplace.certifications"
    label = "certifications"
    verbose_name = _("Certificates and listing review")
