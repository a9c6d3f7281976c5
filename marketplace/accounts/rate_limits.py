"""Limits on guessing passwords and on sending password reset emails, per account and per IP.

Attempts are counted in the default cache in fixed windows that start with the first attempt.
Cache keys hold a keyed hash of the email or IP address, never the address itself.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


@dataclass(frozen=True)
class Limit:
    """At most `attempts` per `window` seconds for each key of `scope`."""

    scope: str
    attempts: int
    window: int


def login_limits() -> tuple[Limit, Limit]:
    window = settings.LOGIN_RATE_LIMIT_WINDOW
    return (
        Limit("login:account", settings.LOGIN_RATE_LIMIT_PER_ACCOUNT, window),
        Limit("login:ip", settings.LOGIN_RATE_LIMIT_PER_IP, window),
    )


def password_reset_limits() -> tuple[Limit, Limit]:
    window = settings.PASSWORD_RESET_RATE_LIMIT_WINDOW
    return (
        Limit("reset:account", settings.PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT, window),
        Limit("reset:ip", settings.PASSWORD_RESET_RATE_LIMIT_PER_IP, window),
    )


def private_key(value: str) -> str:
    """A stable cache key for an email or IP address that does not reveal it."""
    return salted_hmac("marketplace.accounts.rate_limits", value.strip().lower()).hexdigest()[:32]


def _keys(limit: Limit, key: str) -> tuple[str, str]:
    base = f"ratelimit:{limit.scope}:{key}"
    return f"{base}:count", f"{base}:until"


def seconds_blocked(limit: Limit, key: str) -> int:
    """How long `key` must wait before its next attempt; 0 when it may go on."""
    count_key, until_key = _keys(limit, key)
    if (cache.get(count_key) or 0) < limit.attempts:
        return 0
    until = cache.get(until_key) or 0
    return max(math.ceil(until - time.time()), 1)


def record_attempt(limit: Limit, key: str) -> None:
    """Count one attempt of `key`; the window starts with the first one."""
    count_key, until_key = _keys(limit, key)
    if cache.add(count_key, 0, timeout=limit.window):
        cache.set(until_key, time.time() + limit.window, timeout=limit.window)
    try:
        cache.incr(count_key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(count_key, 1, timeout=limit.window)
        cache.set(until_key, time.time() + limit.window, timeout=limit.window)


def clear(limit: Limit, key: str) -> None:
    cache.delete_many(_keys(limit, key))


def client_ip(request) -> str:
    """The client's IP address, read through `RATE_LIMIT_PROXY_COUNT` trusted proxies."""
    proxies = settings.RATE_LIMIT_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or "unknown"
