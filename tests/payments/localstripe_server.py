"""localstripe, a Stripe-compatible server, as the payment tests run it.

`python tests/payments/localstripe_server.py PORT` serves localstripe on 127.0.0.1:PORT with three
differences from its own command, all about the harness and none about payments: it listens on
the loopback address only, keeps its objects in memory instead of a shared file in /tmp (test
runs side by side must not see each other's), and answers a repeated `Idempotency-Key` with the
first response, as Stripe does (localstripe ignores the header).
"""

import sys

from aiohttp import web
from localstripe import resources, server


def _keep_in_memory(self) -> None:
    return None


resources.Store.dump_to_disk = _keep_in_memory
resources.Store.try_load_from_disk = _keep_in_memory

_first_responses: dict[str, tuple[str, bytes, web.Response]] = {}


@web.middleware
async def idempotency(request: web.Request, handler):
    """Stripe's rule: the same key with the same request gets the first response again; the
    same key with other parameters is an error."""
    key = request.headers.get("Idempotency-Key")
    if request.method != "POST" or not key:
        return await handler(request)
    body = await request.read()
    seen = _first_responses.get(key)
    if seen is not None:
        path, first_body, response = seen
        if (path, first_body) != (request.path, body):
            return web.json_response(
                {
                    "error": {
                        "type": "idempotency_error",
                        "message": "Keys for idempotent requests can only be used with the "
                        "same parameters they were first used with.",
                    }
                },
                status=400,
            )
        return web.Response(
            status=response.status,
            body=response.body,
            content_type="application/json",
            headers={"Idempotent-Replayed": "true"},
        )
    response = await handler(request)
    if response.status < 500:
        _first_responses[key] = (request.path, body, response)
    return response


def main() -> None:
    port = int(sys.argv[1])
    server.app.middlewares.append(idempotency)
    web.run_app(server.app, host="127.0.0.1", port=port, access_log=None, print=None)


if __name__ == "__main__":
    main()
