"""Benchmark of the catalog import: rows per second and peak memory.

    python bench/import_catalog.py                  # 10,000 rows on SQLite and PostgreSQL,
                                                    # then 100,000 rows on SQLite for memory
    python bench/import_catalog.py --rows 2000 --large 0 --databases sqlite
    python bench/import_catalog.py --large 0 --profile prof/   # and cProfile each import

Each measurement runs in a process of its own on a throw-away database (a temporary SQLite file,
or a PostgreSQL database created and dropped on BENCH_POSTGRES_URL, by default
postgres://postgres@127.0.0.1:5432), so that its peak resident memory (`ru_maxrss`) is the
import's alone. Targets: 10,000 rows without images in at most 10 s; 100,000 rows under 300 MB.
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
TARGET_SECONDS = 10.0
TARGET_MB = 300

HEADERS = [
    "Mã SKU",
    "Tên (tiếng Việt)",
    "Tên (tiếng Anh)",
    "Mô tả (tiếng Việt)",
    "Mô tả (tiếng Anh)",
    "Danh mục",
    "Giá (₫)",
    "Tồn kho",
    "Khối lượng (g)",
    "Thuộc tính",
    "Số chứng nhận",
    "Đăng bán (có/không)",
]
PRODUCTS = [
    ("Mật ong rừng", "Wild honey", "mat ong"),
    ("Cà phê rang mộc", "Plain-roasted coffee", "Cà phê"),
    ("Trà Shan tuyết", "Shan tuyet tea", "Tra"),
    ("Khăn thổ cẩm", "Brocade scarf", "Thổ cẩm"),
    ("Giỏ mây đan tay", "Hand-woven rattan basket", "Mây tre đan"),
]
PROVINCES = ["Gia Lai", "Đắk Lắk", "Lào Cai", "Hà Giang", "Sơn La", "Điện Biên"]
PRICE_FORMATS = ["{:d}", "{:,d}", "{:,d} ₫", "{:,d}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the timed imports")
    parser.add_argument(
        "--large", type=int, default=100_000, help="rows of the memory run (0: skip)"
    )
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--profile", help="folder to write cProfile statistics of each import to")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        _child(json.loads(options.child))
        return

    results = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        work = Path(folder)
        csv_path = _write_csv(work / f"products-{options.rows}.csv", options.rows)
        xlsx_path = _write_xlsx(work / f"products-{options.rows}.xlsx", options.rows)
        profile = str(Path(options.profile).resolve()) if options.profile else None
        if profile:
            Path(profile).mkdir(parents=True, exist_ok=True)
        for database in options.databases.split(","):
            for sheet in (csv_path, xlsx_path):
                results += _measure(database, sheet, work, repeat=True, profile=profile)
        if options.large:
            large_csv = _write_csv(work / f"products-{options.large}.csv", options.large)
            large_xlsx = _write_xlsx(work / f"products-{options.large}.xlsx", options.large)
            for sheet in (large_csv, large_xlsx):
                results += _measure("sqlite", sheet, work, repeat=False, profile=profile)
    _print(results)


# --- sheets ------------------------------------------------------------------------------------


def _rows(count: int):
    rng = random.Random(20251128)
    for i in range(count):
        name, english, category = PRODUCTS[i % len(PRODUCTS)]
        province = PROVINCES[i % len(PROVINCES)]
        price = rng.randrange(20, 2000) * 1000
        yield [
            f"BENCH-{i:06d}",
            f"{name} {province} số {i}",
            f"{english} from {province} no. {i}",
            f"{name} do nhóm phụ nữ ở {province} làm thủ công.\n\nĐóng gói cẩn thận, giao "
            f"trong ba ngày. Mẻ số {i}.",
            f"{english} made by hand by a women's group in {province}. Batch {i}.",
            category,
            PRICE_FORMATS[i % len(PRICE_FORMATS)].format(price),
            rng.randrange(0, 500),
            f"{rng.randrange(1, 30) * 50} g" if i % 2 else f"{rng.randrange(1, 9) / 10:.1f} kg",
            f"Xuất xứ: {province}; Bán chạy: {'có' if i % 7 == 0 else 'không'}",
            f"OCOP-{i % 97:03d}/QĐ-UBND" if i % 20 == 0 else "",
            "có" if i % 3 else "không",
        ]


def _write_csv(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADERS)
        writer.writerows(_rows(count))
    return path


def _write_xlsx(path: Path, count: int) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Sản phẩm")
    sheet.append(HEADERS)
    for row in _rows(count):
        sheet.append(row)
    workbook.save(path)
    return path


# --- measuring ---------------------------------------------------------------------------------


def _measure(
    database: str, sheet: Path, work: Path, *, repeat: bool, profile: str | None = None
) -> list[dict]:
    name = f"bench_import_{os.getpid()}_{sheet.stem.replace('-', '_')}_{sheet.suffix[1:]}"
    if database == "sqlite":
        url = f"sqlite:///{work / (name + '.sqlite3')}"
    else:
        url = f"{POSTGRES_URL.rstrip('/')}/{name}"
        _postgres(f'CREATE DATABASE "{name}"')
    try:
        _run_child({"action": "setup", "url": url, "data": str(work)})
        runs = []
        for run in ("first", "again") if repeat else ("first",):
            task = {"action": "import", "url": url, "data": str(work), "file": str(sheet)}
            if profile:
                task["profile"] = f"{profile}/{database}-{sheet.suffix[1:]}-{run}.prof"
            runs.append({**_run_child(task), "database": database, "file": sheet.name, "run": run})
        return runs
    finally:
        if database != "sqlite":
            _postgres(f'DROP DATABASE IF EXISTS "{name}"')


def _postgres(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_URL.rstrip('/')}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _run_child(task: dict) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only"),
        "DEBUG": "0",
        "DATABASE_URL": task["url"],
        "MARKETPLACE_DATA_DIR": task["data"],
        "LOG_LEVEL": "WARNING",
    }
    completed = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(task)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        sys.exit(f"benchmark step {task['action']} failed:\n{completed.stderr[-4000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _child(task: dict) -> None:
    sys.path.insert(0, str(ROOT))  # the checkout this file belongs to
    import resource

    import django

    django.setup()
    from django.core.management import call_command

    if task["action"] == "setup":
        call_command("migrate", verbosity=0)
        _catalog()
        print(json.dumps({}))
        return

    from catalog_import.services import run_import
    from vendors.models import Booth

    booth = Booth.objects.get(slug="bench")
    indexing = _time_search_indexing()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    profiler = None
    if task.get("profile"):
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started, cpu = time.perf_counter(), time.process_time()
    result = run_import(booth=booth, file=task["file"])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(task["profile"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "rows": result.rows,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "invalid": result.invalid,
                "seconds": seconds,
                "cpu_seconds": cpu,
                "index_seconds": indexing["seconds"],
                "baseline_mb": baseline / 1024,
                "peak_mb": peak / 1024,
            }
        )
    )


def _time_search_indexing() -> dict:
    """Count the time the search backend spends indexing, to tell it apart from the import's."""
    from marketplace.search import get_search_backend

    backend = get_search_backend()
    index_products = backend.index_products
    spent = {"seconds": 0.0}

    def timed(products):
        started = time.perf_counter()
        try:
            return index_products(products)
        finally:
            spent["seconds"] += time.perf_counter() - started

    backend.index_products = timed
    return spent


def _catalog() -> None:
    from marketplace.catalog.models import Attribute, AttributeInputType
    from marketplace.catalog.services import create_category
    from marketplace.channels.models import Channel
    from vendors.models import Booth, BoothStatus

    Channel.objects.get_or_create(
        slug="default-channel",
        defaults={"name": "Việt Nam", "currency_code": "VND", "countries": ["VN"]},
    )
    Booth.objects.create(
        name="Nhóm sinh kế thử tải", slug="bench", province="gia_lai", status=BoothStatus.APPROVED
    )
    food = create_category(name="Thực phẩm", slug="thuc-pham")
    for name, slug in (("Mật ong", "mat-ong"), ("Cà phê", "ca-phe"), ("Trà", "tra")):
        create_category(name=name, slug=slug, parent=food)
    for name, slug in (("Thổ cẩm", "tho-cam"), ("Mây tre đan", "may-tre-dan")):
        create_category(name=name, slug=slug)
    Attribute.objects.create(
        name="Xuất xứ", slug="xuat-xu", input_type=AttributeInputType.PLAIN_TEXT
    )
    Attribute.objects.create(
        name="Bán chạy", slug="ban-chay", input_type=AttributeInputType.BOOLEAN
    )


def _calibration() -> str:
    """How fast this machine runs plain Python, to compare figures taken on other machines."""
    started = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    seconds = time.perf_counter() - started
    return f"machine: {os.cpu_count()} CPUs, a 5,000,000-step Python loop takes {seconds:.2f} s"


def _print(results: list[dict]) -> None:
    print(_calibration())
    print(
        f"{'database':<11}{'file':<25}{'run':<6}{'rows':>8}{'created':>8}{'unchanged':>10}"
        f"{'seconds':>8}{'cpu s':>7}{'index s':>8}{'rows/s':>8}{'peak MB':>8}{'base MB':>8}"
    )
    for r in results:
        print(
            f"{r['database']:<11}{r['file']:<25}{r['run']:<6}{r['rows']:>8,}{r['created']:>8,}"
            f"{r['unchanged']:>10,}{r['seconds']:>8.2f}{r['cpu_seconds']:>7.2f}"
            f"{r['index_seconds']:>8.2f}{r['rows'] / r['seconds']:>8,.0f}"
            f"{r['peak_mb']:>8.0f}{r['baseline_mb']:>8.0f}"
        )
    timed = [r for r in results if r["rows"] <= 10_000]
    large = [r for r in results if r["rows"] > 10_000]
    if timed:
        slowest = max(r["seconds"] for r in timed)
        verdict = "ok" if slowest <= TARGET_SECONDS else "TOO SLOW"
        print(
            f"slowest 10,000-row import: {slowest:.2f} s (target {TARGET_SECONDS:.0f} s): {verdict}"
        )
    if large:
        peak = max(r["peak_mb"] for r in large)
        verdict = "ok" if peak < TARGET_MB else "TOO MUCH"
        print(f"peak memory of the large imports: {peak:.0f} MB (target {TARGET_MB} MB): {verdict}")


if __name__ == "__main__":
    main()
