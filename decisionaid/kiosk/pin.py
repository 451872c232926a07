"""The staff PIN that leaves kiosk mode: how strong it must be, and how often it may be guessed.

Wrong PINs are counted in the shared cache, per client address and for the whole deployment
(every kiosk together). Past the limit the exit is locked for a while, so a six-digit PIN cannot
be found by trying: at five tries a quarter of an hour it would take decades. While that cache
cannot be reached no PIN is checked at all (sharedcache.Unreachable): the exit stays shut.
"""

import hmac
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from decisionaid.lib import sharedcache
from decisionaid.lib.ratelimit import scrambled

MIN_DIGITS = 6
TRIES_PER_CLIENT = 5
TRIES_PER_DEPLOYMENT = 20
WINDOW_SECONDS = 60
PREFIX = "kiosk-exit-pin"


def pin_is_strong(pin: str) -> bool:
    return re.fullmatch(rf"\d{{{MIN_DIGITS},}}", pin) is not None


def kiosk_can_be_entered() -> bool:
    """In production a browser may switch to kiosk mode only once staff can switch it back."""
    return settings.DEBUG or pin_is_strong(settings.KIOSK_EXIT_PIN)


def _scopes(request: HttpRequest) -> list[tuple[str, int]]:
    client = scrambled(request.META.get("REMOTE_ADDR", "unknown"))
    return [
        (f"{PREFIX}:client:{client}", TRIES_PER_CLIENT),
        (f"{PREFIX}:all", TRIES_PER_DEPLOYMENT),
    ]


def lockout_seconds() -> int:
    return settings.KIOSK_EXIT_LOCKOUT_SECONDS


def is_locked(request: HttpRequest) -> bool:
    with sharedcache.guarded():
        return any(cache.get(f"{scope}:locked") for scope, _ in _scopes(request))


def record_wrong_pin(request: HttpRequest) -> None:
    """Count a wrong PIN; the scope that reaches its limit is locked out."""
    with sharedcache.guarded():
        _count_wrong_pin(request)


def _count_wrong_pin(request: HttpRequest) -> None:
    for scope, limit in _scopes(request):
        key = f"{scope}:wrong"
        cache.add(key, 0, timeout=WINDOW_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between add and incr
            cache.set(key, 1, timeout=WINDOW_SECONDS)
            count = 1
        if count >= limit:
            cache.set(f"{scope}:locked", True, timeout=lockout_seconds())
            cache.delete(key)


def pin_matches(typed: str) -> bool:
    # As bytes: compare_digest refuses str with non-ASCII characters.
    return hmac.compare_digest(typed.encode(), settings.KIOSK_EXIT_PIN.encode())
