"""Whether to try the shared cache now: after a call to it fails, this process leaves it alone
for a few seconds.

The rate limit, the render cap and the kiosk PIN counters live in the default cache (Redis, with
CACHE_URL). A Redis that refuses connections fails at once, but one that hangs holds each call
for the socket timeout (CACHE_TIMEOUT_SECONDS in settings.py), in a worker that pages need too.
After a failure, callers skip the cache for PAUSE_SECONDS and use their fallback at once (no
rate limit, the render cap on lock files, the kiosk exit shut), so a hung Redis costs each worker
one timeout per pause rather than one or two per PDF.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager

PAUSE_SECONDS = 10.0

_state = {"paused_until": 0.0}


class Unreachable(Exception):
    """The shared cache failed just now, or did within the last PAUSE_SECONDS."""


def resume() -> None:
    """Try the shared cache again on the next call (tests, and nothing else, need this)."""
    _state["paused_until"] = 0.0


@contextmanager
def guarded() -> Iterator[None]:
    """Run calls to the shared cache, or raise Unreachable at once while paused; a failing call
    pauses the cache and raises Unreachable from its error."""
    if time.monotonic() < _state["paused_until"]:
        raise Unreachable("paused after a failed call")
    try:
        yield
    except Exception as error:
        _state["paused_until"] = time.monotonic() + PAUSE_SECONDS
        raise Unreachable(str(error)) from error
