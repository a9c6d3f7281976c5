"""Checkout speed: the whole storefront flow against the real server on PostgreSQL.

Creates a throw-away PostgreSQL database, loads the demo catalog, starts `marketplace serve`
(gunicorn, 2 workers) on it and runs N shoppers' flows, `--concurrency` at a time, each as a
storefront sends it: checkoutCreate, checkoutLinesAdd (one product from each of three booths),
checkoutShippingAddressUpdate, checkoutBillingAddressUpdate, checkoutDeliveryMethodUpdate and
checkoutComplete with cash on delivery. Prints completed checkouts per second and the p50/p95 of
checkoutComplete, then drops the database.

    .venv/bin/python bench/checkout.py [--flows 200] [--concurrency 4] [--workers 2]
        [--server postgres://postgres@127.0.0.1:5432]
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
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
MARKETPLACE = Path(sys.executable).with_name("marketplace")
CHANNEL = "default-channel"
ADDRESS = {
    "firstName": "Lan",
    "lastName": "Nguyễn",
    "streetAddress1": "12 Hàng Bạc",
    "city": "Hoàn Kiếm",
    "countryArea": "Hà Nội",
    "country": "VN",
    "phone": "0912 345 678",
}
ERRORS = "errors { field code message }"
PRODUCTS = """
query Products($channel: String!) {
  products(first: 100, channel: $channel) {
    edges { node { vendor { id } variants { id quantityAvailable } } }
  }
}
"""
CREATE = f"""
mutation Create($channel: String!) {{
  checkoutCreate(input: {{channel: $channel, lines: [], email: "lan@example.com"}}) {{
    checkout {{ id }} {ERRORS}
  }}
}}
"""
ADD = f"""
mutation Add($id: ID!, $lines: [CheckoutLineInput!]!) {{
  checkoutLinesAdd(id: $id, lines: $lines) {{
    checkout {{ lines {{ id quantity }} totalPrice {{ gross {{ amount }} }} }} {ERRORS}
  }}
}}
"""
SHIPPING = f"""
mutation Ship($id: ID!, $address: AddressInput!) {{
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {{
    checkout {{ shippingMethods {{ id price {{ amount }} }} }} {ERRORS}
  }}
}}
"""
BILLING = f"""
mutation Bill($id: ID!, $address: AddressInput!) {{
  checkoutBillingAddressUpdate(id: $id, billingAddress: $address) {{ checkout {{ id }} {ERRORS} }}
}}
"""
DELIVERY = f"""
mutation Delivery($id: ID!, $method: ID!) {{
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {{
    checkout {{ totalPrice {{ gross {{ amount }} }} }} {ERRORS}
  }}
}}
"""
COMPLETE = f"""
mutation Complete($id: ID!) {{
  checkoutComplete(id: $id) {{ order {{ id number total {{ gross {{ amount }} }} }} {ERRORS} }}
}}
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


def call(port: int, query: str, variables: dict, field: str) -> dict:
    """One operation on a new connection, as independent shoppers send them; its payload."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    body = json.dumps({"query": query, "variables": variables}).encode()
    connection.request(
        "POST", "/graphql/", body, {"Content-Type": "application/json", "Connection": "close"}
    )
    response = connection.getresponse()
    payload = json.loads(response.read())
    connection.close()
    if response.status != 200 or payload.get("errors"):
        raise SystemExit(f"{field}: bad answer {response.status}: {payload}")
    data = payload["data"][field]
    if data.get("errors"):
        raise SystemExit(f"{field}: {data['errors']}")
    return data


def three_booths(port: int) -> list[str]:
    """A variant of each of three booths, from the first products of the catalog."""
    data = call(port, PRODUCTS, {"channel": CHANNEL}, "products")
    chosen: dict[str, str] = {}
    for edge in data["edges"]:
        node = edge["node"]
        variants = [v for v in node["variants"] or [] if v["quantityAvailable"]]
        if variants and node["vendor"]["id"] not in chosen:
            chosen[node["vendor"]["id"]] = variants[0]["id"]
        if len(chosen) == 3:
            return list(chosen.values())
    raise SystemExit("the demo catalog has fewer than three booths with stock")


def shopper_flow(port: int, variants: list[str]) -> float:
    """One storefront checkout, start to finish; the seconds checkoutComplete took."""
    checkout_id = call(port, CREATE, {"channel": CHANNEL}, "checkoutCreate")["checkout"]["id"]
    lines = [{"variantId": variant, "quantity": 1} for variant in variants]
    call(port, ADD, {"id": checkout_id, "lines": lines}, "checkoutLinesAdd")
    shipped = call(
        port, SHIPPING, {"id": checkout_id, "address": ADDRESS}, "checkoutShippingAddressUpdate"
    )
    call(port, BILLING, {"id": checkout_id, "address": ADDRESS}, "checkoutBillingAddressUpdate")
    standard = shipped["checkout"]["shippingMethods"][0]["id"]
    call(port, DELIVERY, {"id": checkout_id, "method": standard}, "checkoutDeliveryMethodUpdate")
    started = time.perf_counter()
    order = call(port, COMPLETE, {"id": checkout_id}, "checkoutComplete")["order"]
    elapsed = time.perf_counter() - started
    if not order:
        raise SystemExit("checkoutComplete placed no order")
    return elapsed


def measure(port: int, variants: list[str], flows: int, concurrency: int) -> dict:
    for _ in range(5):  # warm-up: workers, connections, parse cache
        shopper_flow(port, variants)
    latencies: list[float] = []
    lock = threading.Lock()
    remaining = iter(range(flows))

    def worker() -> None:
        while True:
            with lock:
                if next(remaining, None) is None:
                    return
            elapsed = shopper_flow(port, variants)
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "flows": len(latencies),
        "per_second": len(latencies) / wall,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[max(int(len(latencies) * 0.95) - 1, 0)] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--server",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server on which a throw-away database is created and dropped.",
    )
    args = parser.parse_args()

    database = f"bench_checkout_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{args.server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    try:
        with tempfile.TemporaryDirectory(prefix="bench-checkout-") as folder:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "marketplace.settings",
                "DEBUG": "0",
                "SECRET_KEY": "bench-only-secret-key",
                "MARKETPLACE_DATA_DIR": folder,
                "LOG_LEVEL": "WARNING",
                "DATABASE_URL": f"{args.server}/{database}",
            }
            started = time.perf_counter()
            run(env, "migrate", "--noinput", "-v", "0")
            run(env, "collectstatic", "--noinput", "-v", "0")
            run(env, "loaddemo")
            # Enough stock for every flow: the benchmark measures checkouts, not sold-out ones.
            with psycopg.connect(f"{args.server}/{database}", autocommit=True) as shop:
                shop.execute(
                    "UPDATE catalog_stock SET quantity = quantity + %s", (args.flows + 100,)
                )
            print(f"demo catalog ready in {time.perf_counter() - started:.1f} s")

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
                variants = three_booths(port)
                print(
                    f"server: gunicorn, {args.workers} workers, PostgreSQL; {args.flows} flows "
                    f"at concurrency {args.concurrency}, 3 booths per checkout, cash on delivery"
                )
                figures = measure(port, variants, args.flows, args.concurrency)
                print(
                    f"completed checkouts {figures['per_second']:6.1f} /s   "
                    f"checkoutComplete p50 {figures['p50_ms']:6.1f} ms   "
                    f"p95 {figures['p95_ms']:6.1f} ms   ({figures['flows']} flows)"
                )
            finally:
                server.terminate()
                server.wait(timeout=30)
    finally:
        with psycopg.connect(f"{args.server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


if __name__ == "__main__":
    main()
