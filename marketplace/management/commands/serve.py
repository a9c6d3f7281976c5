"""`marketplace serve`: the marketplace behind gunicorn, a production-grade WSGI server.

Static files are served by WhiteNoise and uploaded media by the media view in `marketplace.urls`,
so this one process is the whole site for the embedded set-up; behind a reverse proxy it is the
application server.
"""

import os
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.wsgi import get_wsgi_application
from django.db import connections
from gunicorn.app.base import BaseApplication

from marketplace.core.db import ensure_planner_statistics

# Query strings may carry tokens or personal data: the access log keeps the path only.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'


class MarketplaceServer(BaseApplication):
    """Gunicorn configured from a dict of its settings, serving Django's WSGI application."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            # Settings this gunicorn release does not know are left out rather than failing.
            if key in self.cfg.settings:
                self.cfg.set(key, value)

    def load(self):
        return get_wsgi_application()


def public_host(host: str) -> str:
    """The host to put in a URL for a server bound to `host`."""
    if host in {"", "0.0.0.0", "::"}:  # noqa: S104 - bound everywhere; show the local address
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


class Command(BaseCommand):
    help = "Serve the marketplace with gunicorn (static files and media included)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to bind (127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000, help="Port to bind (8000).")
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", "2")),
            help="Worker processes (env WEB_CONCURRENCY, else 2).",
        )
        parser.add_argument(
            "--threads", type=int, default=4, help="Threads per worker process (4)."
        )
        parser.add_argument(
            "--timeout", type=int, default=30, help="Seconds before a silent worker is restarted."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1 or options["threads"] < 1:
            raise CommandError("--workers and --threads must be at least 1.")
        self.check_static_manifest()
        self.check_migrations()
        ensure_planner_statistics()
        # The workers are forked from this process: none of them may inherit its connections.
        connections.close_all()

        host, port = options["host"], options["port"]
        bind_host = f"[{host}]" if ":" in host else host
        base_url = f"http://{public_host(host)}:{port}"

        def when_ready(server) -> None:
            self.stdout.write(
                f"Storefront: {base_url}/\n"
                f"GraphQL API: {base_url}/graphql/\n"
                f"Staff admin: {base_url}/admin/\n"
                "Quit with CONTROL-C."
            )
            self.stdout.flush()

        MarketplaceServer(
            {
                "bind": f"{bind_host}:{port}",
                "workers": options["workers"],
                "threads": options["threads"],
                "worker_class": "gthread",
                "timeout": options["timeout"],
                # Loading Django once, before forking, makes workers start fast and share memory.
                "preload_app": True,
                "accesslog": "-",
                "access_log_format": ACCESS_LOG_FORMAT,
                "errorlog": "-",
                "proc_name": "marketplace",
                "when_ready": when_ready,
                # Several servers may run on one machine (tests, demo): no shared control socket.
                "control_socket_disable": True,
            }
        ).run()

    def check_static_manifest(self) -> None:
        """Refuse to start when hashed static files are expected but were never collected."""
        if not isinstance(staticfiles_storage, ManifestFilesMixin):
            return
        if not staticfiles_storage.manifest_storage.exists(staticfiles_storage.manifest_name):
            raise CommandError(
                f"No collected static files in {settings.STATIC_ROOT}. "
                "Run `marketplace collectstatic --noinput` first."
            )
