"""Entering and leaving kiosk mode, finishing a visit, and restoring a take-home link.

Anything that changes state asks first and acts only on a POST from our own page, so a link on
another site can neither switch a browser into kiosk mode nor replace a person's answers.
"""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from decisionaid.guide.answers import Answers
from decisionaid.lib import sharedcache
from decisionaid.lib.language import remember_language
from decisionaid.lib.sessionpurge import purge_expired_sessions
from decisionaid.lib.strictinput import unexpected_fields

from . import mode, pin
from .forms import ExitForm
from .takehome import TakeHomeError, TakeHomeExpired, read_token

logger = logging.getLogger(__name__)


@require_http_methods(["GET", "HEAD", "POST"])
def enter(request: HttpRequest) -> HttpResponse:
    """Turn kiosk mode on for this browser, after staff confirm it; it starts a clean visit."""
    if not pin.kiosk_can_be_entered():
        return render(request, "kiosk/enter.html", {"unavailable": True}, status=403)
    if request.method != "POST":
        return render(request, "kiosk/enter.html", {"unavailable": False})
    if unexpected_fields(request.POST, None):
        raise BadRequest("unexpected form fields")
    Answers(request.session).clear()
    response = redirect("pages:landing")
    mode.turn_on(response)
    return response


# While wrong PINs cannot be counted, staff are asked to try again after this many seconds.
PIN_CHECK_RETRY_SECONDS = 60


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def exit_kiosk(request: HttpRequest) -> HttpResponse:
    try:
        return _exit_kiosk(request)
    except sharedcache.Unreachable:
        logger.exception("Wrong kiosk PINs cannot be counted; the exit stays shut.")
        response = render(
            request, "kiosk/exit.html", {"form": None, "unavailable": True}, status=503
        )
        response["Retry-After"] = str(PIN_CHECK_RETRY_SECONDS)
        return response


def _exit_kiosk(request: HttpRequest) -> HttpResponse:
    form = ExitForm(request.POST or None) if settings.KIOSK_EXIT_PIN else None
    if pin.is_locked(request):
        return render(request, "kiosk/exit.html", _locked(), status=429)
    if request.method != "POST":
        return render(request, "kiosk/exit.html", {"form": form})
    if unexpected_fields(request.POST, form or ExitForm()):
        raise BadRequest("unexpected form fields")
    if form is None or (form.is_valid() and pin.pin_matches(form.cleaned_data["pin"])):
        Answers(request.session).clear()
        response = redirect("pages:landing")
        mode.turn_off(response)
        return response
    if form.is_valid():
        pin.record_wrong_pin(request)
        if pin.is_locked(request):
            return render(request, "kiosk/exit.html", _locked(), status=429)
        form.add_error("pin", gettext("That PIN is not right. Ask a member of staff."))
    return render(request, "kiosk/exit.html", {"form": form}, status=400)


def _locked() -> dict:
    return {
        "form": None,
        "locked": True,
        "lockout_minutes": max(1, -(-pin.lockout_seconds() // 60)),
    }


@require_POST
def finish(request: HttpRequest) -> HttpResponse:
    """Finish and clear: delete this visit's session on the server and start again."""
    Answers(request.session).clear()
    purge_expired_sessions()
    reason = "idle" if request.POST.get("reason") == "idle" else "finished"
    return redirect(start_page_url(reason))


def start_page_url(reason: str) -> str:
    """The start page in the deployment's own language: the next person starts there."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("pages:landing") + f"?cleared={reason}"


@never_cache
def alive(request: HttpRequest) -> HttpResponse:
    """Someone is using the screen; the middleware has already noted the time."""
    return HttpResponse(status=204)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def resume(request: HttpRequest, token: str) -> HttpResponse:
    """A take-home link: say what opening it will do, then restore the choices on a POST."""
    try:
        choices = read_token(token)
    except TakeHomeExpired:
        response = render(request, "kiosk/resume_failed.html", {"expired": True}, status=410)
    except TakeHomeError:
        response = render(request, "kiosk/resume_failed.html", {"expired": False}, status=400)
    else:
        if request.method == "POST":
            if unexpected_fields(request.POST, None):
                raise BadRequest("unexpected form fields")
            Answers(request.session).replace_all(choices)
            # The link was made in this page's language; the rest of the visit stays in it.
            remember_language(request.session, translation.get_language())
            return redirect("guide:step", slug="summary")
        has_answers = not Answers(request.session).is_empty()
        response = render(request, "kiosk/resume.html", {"has_answers": has_answers})
    # The link is the key to the person's choices: later requests name only the site as their
    # Referer, never this path. ("no-referrer" would make the browser send "Origin: null" with
    # the form, which Django's CSRF check rightly refuses.)
    response["Referrer-Policy"] = "origin"
    return response
