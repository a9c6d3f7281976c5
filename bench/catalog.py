"""Storefront API speed: the product list and search queries against the real server.

Builds a throw-away catalog (5,000 products by default) in a temporary folder, starts
`marketplace serve` (gunicorn, 2 workers) on it, and prints for each query the p50/p95 latency of
sequential requests and the requests per second at concurrency 4. The product list asks what a
product grid shows (name, slug, thumbnail, price range, category, booth, next-page cursor);
SearchProducts also counts the results, as the storefront's search page does.

    .venv/bin/python bench/catalog.py [--products 5000] [--requests 300] [--database-url URL]
                                      [--no-cache]

By default the server answers repeated anonymous queries from its cache of public answers, as
in production; --no-cache (GRAPHQL_CACHE_SECONDS=0) measures executing every request.

Without --database-url the embedded SQLite is used. With a PostgreSQL URL, the database must be
empty (for example: createdb -h 127.0.0.1 -U postgres bench_catalog).
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKETPLACE = Path(sys.executable).with_name("marketplace")

PRODUCT_LIST = """
query ProductGrid($channel: String!) {
  products(first: 20, channel: $channel) {
    edges { node {
      id name slug
      thumbnail(size: 512, format: WEBP) { url alt }
      pricing { priceRange { start { gross { amount currency } } stop { gross { amount } } } }
      category { id name slug }
      vendor { id name slug province }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

SEARCH = """
query SearchProducts($search: String!, $channel: String!) {
  products(first: 20, channel: $channel, filter: {search: $search},
           sortBy: {field: RANK, direction: DESC}) {
    totalCount
    edges { node {
      id name slug
      thumbnail(size: 512, format: WEBP) { url }
      pricing { priceRange { start { gross { amount currency } } } }
      category { name }
      vendor { name province }
    } }
  }
}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(env: dict, *args: str) -> None:
    subprocess.run([str(MARKETPLACE), *args], env=env, check=True, cwd=ROOT)


def wait_until_up(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not start on port {port}")


class Client:
    """Sends the query on a new connection each time, as many independent shoppers would.

    With keep-alive, the 4 connections of the concurrent run could all stay with the one
    gunicorn worker that accepted them first, leaving the other worker idle.
    """

    def __init__(self, port: int, body: bytes):
        self.port = port
        self.body = body

    def request(self) -> float:
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(
            "POST",
            "/graphql/",
            self.body,
            {"Content-Type": "application/json", "Connection": "close"},
        )
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        elapsed = time.perf_counter() - started
        if response.status != 200 or b'"errors"' in payload:
            raise SystemExit(f"bad answer {response.status}: {payload[:300]!r}")
        return elapsed


def measure(port: int, query: str, variables: dict, requests: int) -> dict:
    body = json.dumps({"query": query, "variables": variables}).encode()
    client = Client(port, body)
    for _ in range(20):  # warm-up: parse cache, thumbnails, connections
        client.request()
    latencies = sorted(client.request() for _ in range(requests))

    per_thread = requests // 4
    done: list[int] = []

    def worker() -> None:
        own = Client(port, body)
        for _ in range(per_thread):
            own.request()
        done.append(per_thread)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "rps_c4": sum(done) / wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url")
    parser.add_argument("--no-cache", action="store_true", help="execute every request")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-catalog-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "marketplace.settings",
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-secret-key",
            "MARKETPLACE_DATA_DIR": folder,
            "LOG_LEVEL": "WARNING",
        }
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        if args.no_cache:
            env["GRAPHQL_CACHE_SECONDS"] = "0"
        started = time.perf_counter()
        run(env, "migrate", "--noinput", "-v", "0")
        run(env, "collectstatic", "--noinput", "-v", "0")
        run(env, "loaddemo", "--products", str(args.products))
        print(f"catalog of {args.products} products ready in {time.perf_counter() - started:.1f} s")

        port = free_port()
        server = subprocess.Popen(
            [str(MARKETPLACE), "serve", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(port)
            database = "PostgreSQL" if args.database_url else "SQLite"
            answers = "every request executed" if args.no_cache else "answer cache on"
            print(f"server: gunicorn, {args.workers} workers, {database}, {answers}")
            for name, query, variables in (
                ("product list (20)", PRODUCT_LIST, {"channel": "default-channel"}),
                ("SearchProducts", SEARCH, {"channel": "default-channel", "search": "mat ong"}),
            ):
                figures = measure(port, query, variables, args.requests)
                print(
                    f"{name:18} p50 {figures['p50_ms']:6.1f} ms   p95 {figures['p95_ms']:6.1f} ms"
                    f"   {figures['rps_c4']:6.1f} requests/s at concurrency 4"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
