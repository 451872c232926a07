"""The server's own idle limit for kiosk visits, so nothing depends on the page's JavaScript.

A kiosk visit's session row expires at the idle limit, and the background purger deletes it
soon after (lib/sessionpurge.py). Once a row has expired Django no longer loads it, so the
session alone cannot tell the next request that a visit was cleared. A small signed cookie,
`kiosk_seen`, holds only the time of the last request of a visit that had answers; when it is
older than the limit the middleware deletes whatever is left of that visit and shows the start
page with a notice.
"""

import time

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.models import Session
from django.http import HttpRequest, HttpResponse

from decisionaid.lib.retention import kiosk_idle_limit_seconds
from decisionaid.lib.sessionpurge import purge_expired_sessions

LAST_SEEN_KEY = "kiosk_last_seen"
SEEN_COOKIE = "kiosk_seen"
SEEN_SALT = "decisionaid.kiosk.seen"


def idle_limit_seconds() -> int:
    return kiosk_idle_limit_seconds()


def _too_old(last_seen: object, now: float) -> bool:
    return isinstance(last_seen, int | float) and now - last_seen > idle_limit_seconds()


def visit_expired(request: HttpRequest, *, now: float | None = None) -> bool:
    """Whether this browser's last visit went quiet for longer than the limit."""
    now = now or time.time()
    try:
        seen = int(request.get_signed_cookie(SEEN_COOKIE, default="", salt=SEEN_SALT) or 0)
    except ValueError:
        seen = 0
    return _too_old(seen or None, now) or _too_old(request.session.get(LAST_SEEN_KEY), now)


def touch(session: SessionBase, *, now: float | None = None) -> None:
    """Note the time; the row's expiry moves with it, so an abandoned row is purged on time."""
    session[LAST_SEEN_KEY] = int(now or time.time())
    session.set_expiry(idle_limit_seconds())


def remember_visit(request: HttpRequest, response: HttpResponse) -> None:
    """Tell the browser when a visit with answers was last used; forget it once it is cleared."""
    # Django's own keys start with "_" (the expiry set above); anything else is the person's.
    if any(key != LAST_SEEN_KEY and not key.startswith("_") for key in request.session.keys()):
        response.set_signed_cookie(
            SEEN_COOKIE,
            str(request.session.get(LAST_SEEN_KEY, int(time.time()))),
            salt=SEEN_SALT,
            httponly=True,
            samesite="Lax",
            secure=not settings.DEBUG,
        )
    elif SEEN_COOKIE in request.COOKIES:
        response.delete_cookie(SEEN_COOKIE, samesite="Lax")


def clear_visit(request: HttpRequest, response: HttpResponse) -> None:
    """Delete the visit's row whatever its state (expired rows are not loaded, so not flushed)."""
    stale_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if stale_key:
        Session.objects.filter(session_key=stale_key).delete()
    request.session.flush()
    purge_expired_sessions()
    response.delete_cookie(SEEN_COOKIE, samesite="Lax")
