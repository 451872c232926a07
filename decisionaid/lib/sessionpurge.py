"""Delete expired session rows in the background, so an abandoned visit leaves nothing behind.

A kiosk visit's row expires at the idle limit and a home visit's soon after its last answer,
but Django only skips expired rows; they stay in the table until something deletes them. Each
serving process (gunicorn worker or runserver, turned on by wsgi.py) runs one daemon thread that
deletes them every SESSION_PURGE_SECONDS, without waiting for the next visitor or a cron job.
"""

import logging
import os
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import DatabaseError, close_old_connections, connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_state: dict[str, int | bool | None] = {"enabled": False, "running_in": None}


def purge_expired_sessions() -> int:
    """Delete every expired session row now; returns how many went."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


def enable() -> None:
    _state["enabled"] = True


def _loop(interval: int) -> None:
    while True:
        time.sleep(interval)
        try:
            close_old_connections()
            purge_expired_sessions()
        except DatabaseError:
            logger.exception("Deleting expired sessions failed; trying again shortly.")
        finally:
            connection.close()


def ensure_running() -> bool:
    """Start this process's purger once; a forked worker starts its own. True if running."""
    interval = settings.SESSION_PURGE_SECONDS
    if not _state["enabled"] or interval <= 0:
        return False
    pid = os.getpid()
    if _state["running_in"] == pid:
        return True
    with _lock:
        if _state["running_in"] != pid:
            thread = threading.Thread(
                target=_loop, args=(interval,), name="session-purge", daemon=True
            )
            thread.start()
            _state["running_in"] = pid
    return True


class SessionPurgeMiddleware:
    """Starts the purger on a process's first request (after gunicorn has forked the worker)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ensure_running()
        return self.get_response(request)
