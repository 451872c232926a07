"""One view for every guide step: show it, or save it and move on (POST, then redirect)."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from decisionaid.content import selectors
from decisionaid.lib.strictinput import unexpected_fields

from . import steps
from .answers import Answers
from .context import step_context, warning_passages
from .forms import UnboundForm
from .readability import reading_level

ACTIONS = {"back", "next", "skip", "show"}


def step_url(step: steps.Step) -> str:
    return reverse("guide:step", kwargs={"slug": step.slug})


def start(request: HttpRequest) -> HttpResponse:
    return redirect(step_url(steps.STEPS[0]))


# Steps show the person's answers (typed questions included): Back after Start over must ask the
# server again, never show them from the browser's cache.
@never_cache
def step_view(request: HttpRequest, slug: str) -> HttpResponse:
    step = steps.get_step(slug)
    answers = Answers(request.session)
    form = None
    if step.form_class is not None:
        if request.method == "POST":
            form = step.form_class(request.POST)
            if unexpected_fields(request.POST, form, also=["action"]):
                raise BadRequest("unexpected form fields")
            action = request.POST.get("action", "next")
            action = action if action in ACTIONS else "next"
            if action == "skip" and step.optional:
                return _move(step, "next")
            if form.is_valid():
                answers.set(step.slug, form.to_answers())
                return _move(step, action)
            if action == "back":
                answers.set(step.slug, {**answers.get(step.slug), **form.partial_answers()})
                return _move(step, "back")
        else:
            initial = step.form_class.initial_from(answers.get(step.slug))
            form = UnboundForm(step.form_class, initial)
    elif request.method == "POST":
        if unexpected_fields(request.POST, None, also=["action"]):
            raise BadRequest("unexpected form fields")
        return _move(step, request.POST.get("action", "next"))
    previous = steps.previous_step(step)
    found = selectors.passages_by_page(step.in_short_page, step.slug)
    context = {
        "step": step,
        "steps": steps.STEPS,
        "number": steps.position(step),
        "total": len(steps.STEPS),
        "previous": previous,
        "next": steps.next_step(step),
        "form": form,
        "in_short": list(found[step.in_short_page]),
        "passages": list(found[step.slug]),
        "warnings": warning_passages(step, answers),
        **step_context(step.slug, answers, request.GET),
        # The head and header are the same for everyone on this step ({% chrome %}).
        "cache_chrome": True,
    }
    return render(request, step.template, context)


def _move(step: steps.Step, action: str) -> HttpResponseRedirect:
    if action == "back":
        target = steps.previous_step(step)
    elif action == "show":
        return redirect(step_url(step) + "#results")
    else:
        target = steps.next_step(step)
    return redirect(step_url(target) if target else step_url(step))


@require_POST
def start_over(request: HttpRequest) -> HttpResponse:
    Answers(request.session).clear()
    return redirect("pages:landing")


def how_made(request: HttpRequest) -> HttpResponse:
    """How the guide was made, with the reading level of the content as it is right now."""
    return render(
        request,
        "pages/how_made.html",
        {
            "passages": selectors.passages_for("how-made"),
            "disclosure": selectors.disclosure(),
            "contact_email": settings.CONTACT_EMAIL,
            "reading": reading_level(),
            "cache_chrome": True,
        },
    )
