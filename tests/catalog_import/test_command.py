"""`marketplace import-catalog`: summary, exit status, report file and the template."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.catalog_import.conftest import EN_HEADERS

HONEY = ["MO-1", "Mật ong rừng", "Mật ong", "125.000 ₫", "10", "có"]
BROKEN = ["MO-2", "Mật ong", "Mật ongg", "-1", "1", "có"]


def run(*args) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("import-catalog", *args, "--lang", "en", stdout=out, stderr=io.StringIO())
    except CommandError as error:
        return out.getvalue() + str(error), error.returncode
    return out.getvalue(), 0


def test_a_valid_file_is_imported_with_a_summary_and_exit_status_0(booth, honey, write_sheet):
    path = write_sheet([EN_HEADERS, HONEY])
    output, status = run("--booth", booth.slug, str(path))
    assert status == 0
    assert "Created: 1, updated: 0, unchanged: 0, invalid: 0, deleted: 0." in output

    output, status = run("--booth", booth.slug, str(path))
    assert "Created: 0, updated: 0, unchanged: 1, invalid: 0" in output


def test_invalid_rows_exit_with_status_1_and_write_nothing(booth, honey, write_sheet):
    path = write_sheet([EN_HEADERS, HONEY, BROKEN])
    output, status = run("--booth", booth.slug, str(path))
    assert status == 1
    assert "row 3, Category: There is no category “Mật ongg”. Did you mean “Mật ong”?" in output
    assert "Nothing was written" in output
    assert not booth.products.exists()


def test_skip_invalid_writes_the_valid_rows_and_still_exits_with_1(
    booth, honey, write_sheet, tmp_path
):
    path = write_sheet([EN_HEADERS, HONEY, BROKEN])
    report = tmp_path / "report.xlsx"
    output, status = run(
        "--booth", booth.slug, str(path), "--skip-invalid", "--report", str(report)
    )
    assert status == 1
    assert "Created: 1" in output and "invalid: 1" in output
    assert booth.products.count() == 1
    assert report.exists()


def test_dry_run_says_so(booth, honey, write_sheet):
    output, status = run("--booth", booth.slug, str(write_sheet([EN_HEADERS, HONEY])), "--dry-run")
    assert status == 0
    assert "Dry run: nothing was written." in output
    assert not booth.products.exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--booth", "khong-co", "x.csv"], "There is no booth “khong-co”."),
        (["--booth", "{booth}", "/khong/co.csv"], "There is no file “/khong/co.csv”."),
        (
            ["--booth", "{booth}", "{pdf}"],
            "Upload the sheet as an Excel workbook (.xlsx) or as CSV",
        ),
        (["x.csv"], "Give --booth SLUG"),
    ],
)
def test_files_that_cannot_be_imported_exit_with_status_2(booth, tmp_path, args, says):
    pdf = tmp_path / "catalog.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    args = [arg.format(booth=booth.slug, pdf=pdf) for arg in args]
    output, status = run(*args)
    assert status == 2
    assert says in output


def test_write_template(db, tmp_path):
    path = tmp_path / "mau.xlsx"
    _output, status = run("--write-template", str(path))
    assert status == 0 and path.exists()


@pytest.mark.django_db(transaction=True)
def test_the_console_script_exits_with_the_import_status(tmp_path):
    """The real `marketplace` command, in a process of its own, on a database of its own."""
    env = {
        **os.environ,
        "SECRET_KEY": "x",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MARKETPLACE_DATA_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    marketplace = [sys.executable, "-m", "marketplace.cli"]
    root = Path(__file__).resolve().parents[2]

    def console(*args) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*marketplace, *args], env=env, cwd=root, capture_output=True, text=True, timeout=120
        )

    assert console("migrate", "--noinput", "-v", "0").returncode == 0
    setup = (
        "from tests import factories; from vendors.models import Booth; factories.channel(); "
        "factories.category('Mật ong'); "
        "Booth.objects.create(name='Hoa Rừng', slug='hoa-rung', province='gia_lai')"
    )
    assert console("shell", "-v", "0", "-c", setup).returncode == 0
    sheet = tmp_path / "products.csv"
    sheet.write_text(
        "Mã SKU;Tên (tiếng Việt);Danh mục;Giá (₫)\nMO-1;Mật ong;mat ong;125.000\n", "utf-8"
    )
    imported = console("import-catalog", "--booth", "hoa-rung", str(sheet))
    assert imported.returncode == 0, imported.stderr
    assert "Created: 1" in imported.stdout or "1" in imported.stdout

    sheet.write_text("Mã SKU;Tên (tiếng Việt);Danh mục;Giá (₫)\nMO-2;Mật ong;mat ong;-5\n", "utf-8")
    refused = console("import-catalog", "--booth", "hoa-rung", str(sheet))
    assert refused.returncode == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_is_drawn_on_a_terminal(booth, honey, write_sheet):
    terminal = _Terminal()
    path = write_sheet([EN_HEADERS, HONEY])
    call_command(
        "import-catalog", "--booth", booth.slug, str(path), stdout=io.StringIO(), stderr=terminal
    )
    drawn = terminal.getvalue()
    assert "Đang kiểm tra các dòng: 1" in drawn
    assert "Đang ghi [██████████████████████████████] 1/1" in drawn
