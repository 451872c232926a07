"""A fixed-window rate limit on Django's cache, keyed by client address and by session.

Cache: counters only, under keyed hashes of the address and session key (never the values
themselves), gone after one window. Nothing a person typed.
"""

import functools
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from . import sharedcache

logger = logging.getLogger(__name__)

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'20/m' → (20 requests, 60 seconds); '5/10s' → (5, 10)."""
    count, _, period = rate.partition("/")
    number = period[:-1] or "1"
    return int(count), int(number) * UNITS[period[-1]]


def _allowed(key: str, limit: int, window: int, now: float) -> tuple[bool, int]:
    bucket = int(now // window)
    cache_key = f"ratelimit:{key}:{bucket}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 1)
        count = 1
    retry_after = int((bucket + 1) * window - now) + 1
    return count <= limit, retry_after


def scrambled(value: str) -> str:
    """A keyed hash, so the shared cache never holds an address or a session key as such."""
    return salted_hmac("decisionaid.ratelimit", value, algorithm="sha256").hexdigest()[:32]


def client_keys(request: HttpRequest) -> list[str]:
    # REMOTE_ADDR only: a proxy in front must set it (see docs/deploy.md), never trust a header.
    keys = [f"ip:{scrambled(request.META.get('REMOTE_ADDR', 'unknown'))}"]
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        keys.append(f"session:{scrambled(session.session_key)}")
    return keys


def _over_limit(request: HttpRequest, group: str, rate: str) -> int | None:
    """Seconds until the client or session may ask again, or None while under the limit.

    While the shared cache cannot be reached nothing is limited: serving beats failing, and the
    render cap still keeps a worker for pages (it falls back to this host's lock files).
    """
    limit, window = parse_rate(rate)
    now = time.time()
    try:
        with sharedcache.guarded():
            for key in client_keys(request):
                allowed, retry_after = _allowed(f"{group}:{key}", limit, window, now)
                if not allowed:
                    return retry_after
    except sharedcache.Unreachable as error:
        if error.__cause__ is not None:  # failed now, not merely paused after a failure
            logger.exception("The rate limit's cache cannot be reached; not limiting for now.")
    return None


def rate_limited(group: str, rate_setting: str) -> Callable:
    """Refuse with a friendly 429 once a client or session goes over the configured rate; while
    the cache cannot be reached, log it and let the request through."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            retry_after = _over_limit(request, group, getattr(settings, rate_setting))
            if retry_after is not None:
                response = render(
                    request, "pages/429.html", {"retry_after": retry_after}, status=429
                )
                response["Retry-After"] = str(retry_after)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
