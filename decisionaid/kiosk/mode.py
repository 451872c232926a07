"""Whether a request is in kiosk mode: on for the whole deployment, or for one browser."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# A signed cookie of its own, not the session, so kiosk mode survives every reset of the session.
COOKIE_NAME = "kiosk_mode"
COOKIE_SALT = "decisionaid.kiosk.mode"
COOKIE_MAX_AGE = 60 * 60 * 24 * 365


def is_kiosk(request: HttpRequest) -> bool:
    if settings.KIOSK_MODE:
        return True
    return request.get_signed_cookie(COOKIE_NAME, default="", salt=COOKIE_SALT) == "on"


def turn_on(response: HttpResponse) -> None:
    response.set_signed_cookie(
        COOKIE_NAME,
        "on",
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=not settings.DEBUG,
    )


def turn_off(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE_NAME, samesite="Lax")
