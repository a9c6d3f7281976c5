import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

MARKETPLACE_SCRIPT = Path(sys.executable).with_name("marketplace")


def start_django(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """Set Django up in a fresh interpreter that sees only `env`."""
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "marketplace.settings", **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_without_secret_key_refuse_to_start(tmp_path: Path) -> None:
    result = start_django({"MARKETPLACE_DATA_DIR": str(tmp_path)}, tmp_path)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    "env", [{"SECRET_KEY": "a-long-random-value"}, {"DEBUG": "1"}], ids=["secret-key", "debug"]
)
def test_settings_start_with_a_secret_key_or_in_debug(env: dict[str, str], tmp_path: Path) -> None:
    result = start_django({"MARKETPLACE_DATA_DIR": str(tmp_path), **env}, tmp_path)

    assert result.returncode == 0, result.stderr


def test_site_speaks_vietnamese_first_and_english_too() -> None:
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ


def test_console_script_lists_the_serve_command() -> None:
    result = subprocess.run(
        [MARKETPLACE_SCRIPT, "--help"],
        env={
            **os.environ,
            "SECRET_KEY": "a-long-random-value",
            "DJANGO_SETTINGS_MODULE": "marketplace.settings",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert "serve" in result.stdout.split()
