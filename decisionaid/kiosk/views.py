"""Entering and leaving kiosk mode, finishing a visit, and restoring a take-home link."""

import hmac

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from decisionaid.guide.answers import Answers
from decisionaid.lib.strictinput import unexpected_fields

from . import idle, mode
from .forms import ExitForm
from .takehome import TakeHomeError, TakeHomeExpired, read_token


def enter(request: HttpRequest) -> HttpResponse:
    """Visiting /kiosk/ turns kiosk mode on for this browser and starts a clean visit."""
    Answers(request.session).clear()
    response = redirect("pages:landing")
    mode.turn_on(response)
    return response


def exit_kiosk(request: HttpRequest) -> HttpResponse:
    form = ExitForm(request.POST or None) if settings.KIOSK_EXIT_PIN else None
    if request.method == "POST":
        if unexpected_fields(request.POST, form or ExitForm()):
            raise BadRequest("unexpected form fields")
        if form is None or (
            form.is_valid()
            # As bytes: compare_digest refuses str with non-ASCII characters (a 500 before).
            and hmac.compare_digest(
                form.cleaned_data["pin"].encode(), settings.KIOSK_EXIT_PIN.encode()
            )
        ):
            Answers(request.session).clear()
            response = redirect("pages:landing")
            mode.turn_off(response)
            return response
        if form.is_valid():
            form.add_error("pin", "That PIN is not right. Ask a member of staff.")
        return render(request, "kiosk/exit.html", {"form": form}, status=400)
    return render(request, "kiosk/exit.html", {"form": form})


@require_POST
def finish(request: HttpRequest) -> HttpResponse:
    """Finish and clear: delete this visit's session on the server and start again."""
    Answers(request.session).clear()
    idle.purge_expired_sessions()
    reason = "idle" if request.POST.get("reason") == "idle" else "finished"
    return redirect(reverse("pages:landing") + f"?cleared={reason}")


@never_cache
def alive(request: HttpRequest) -> HttpResponse:
    """Someone is using the screen; the middleware has already noted the time."""
    return HttpResponse(status=204)


def resume(request: HttpRequest, token: str) -> HttpResponse:
    try:
        choices = read_token(token)
    except TakeHomeExpired:
        return render(request, "kiosk/resume_failed.html", {"expired": True}, status=410)
    except TakeHomeError:
        return render(request, "kiosk/resume_failed.html", {"expired": False}, status=400)
    Answers(request.session).replace_all(choices)
    return redirect("guide:step", slug="summary")
