"""The server's own idle limit for kiosk sessions, so nothing depends on the page's JavaScript."""

import time

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.models import Session
from django.utils import timezone

LAST_SEEN_KEY = "kiosk_last_seen"


def idle_limit_seconds() -> int:
    """The page warns after KIOSK_IDLE_SECONDS; the server allows the warning's time on top."""
    return settings.KIOSK_IDLE_SECONDS + settings.KIOSK_WARNING_SECONDS


def is_expired(session: SessionBase, *, now: float | None = None) -> bool:
    last_seen = session.get(LAST_SEEN_KEY)
    if not isinstance(last_seen, int | float):
        return False
    return (now or time.time()) - last_seen > idle_limit_seconds()


def touch(session: SessionBase, *, now: float | None = None) -> None:
    session[LAST_SEEN_KEY] = int(now or time.time())
    # The row itself expires too, so `clearsessions` or the purge below removes abandoned ones.
    session.set_expiry(idle_limit_seconds())


def purge_expired_sessions() -> int:
    """Delete every expired session row; kiosk rows expire after the idle limit."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
