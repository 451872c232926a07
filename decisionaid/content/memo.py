"""A per-process memo of content reads, dropped as soon as the content release changes.

Cache: content alone. Nothing here depends on a person's answers.

Content changes only when an editor saves in the admin or fixtures are loaded; both recompute
the release's fingerprint (signals.py, load_content). Each request asks the database for that
fingerprint once, and every worker process drops its memo when it differs, so an edit shows on
the next request in every worker. Reading the rows again for each page cost a third of a guide
page's time (measured with make bench). Off where DEBUG is on, so tests and `make run` always
read the database.
"""

import functools
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.signals import request_started

F = TypeVar("F", bound=Callable[..., Any])

# Outside a request (a management command, the PDF warm-up) the release is checked at this rate.
RECHECK_SECONDS = 1.0

_memo: dict[tuple, Any] = {}
_state: dict[str, Any] = {"key": None, "release": None, "checked_at": 0.0, "in_request": False}


def _new_request(**kwargs: Any) -> None:
    _state["in_request"] = False


request_started.connect(_new_request, dispatch_uid="decisionaid-content-memo")


def _latest_release():
    from .models import ContentRelease

    return ContentRelease.objects.order_by("-published_on", "-id").first()


def _ensure_current() -> None:
    now = time.monotonic()
    if _state["in_request"] and now - _state["checked_at"] < RECHECK_SECONDS:
        return
    release = _latest_release()
    key = (release.pk, release.fingerprint, release.revision) if release else None
    _state["release"] = release
    # No fingerprint yet means content was just loaded and not summed up: keep nothing.
    if key != _state["key"] or not key or not key[1]:
        _memo.clear()
        _state["key"] = key
    _state["in_request"] = True
    _state["checked_at"] = now


def clear() -> None:
    _memo.clear()
    _state.update(key=None, release=None, checked_at=0.0, in_request=False)


def latest_release():
    """The release read for this request's check, so the footer does not read it a second time."""
    _ensure_current()
    return _state["release"]


def memoized(function: F) -> F:
    """Remember a content read per process until the release changes; lists come back as copies."""

    @functools.wraps(function)
    def wrapper(*args: Any) -> Any:
        if not settings.CONTENT_MEMO:
            return function(*args)
        _ensure_current()
        key = (function.__name__, args)
        if key not in _memo:
            _memo[key] = function(*args)
        value = _memo[key]
        return list(value) if isinstance(value, list) else value

    return wrapper  # type: ignore[return-value]
