import pytest


@pytest.fixture(autouse=True)
def _private_scans(settings, tmp_path):
    """Scans of certificates go to a temporary private folder, apart from MEDIA_ROOT."""
    settings.CERTIFICATE_SCANS_ROOT = tmp_path / "private-scans"
