"""The questionnaire: consent, two short pages of optional questions, thanks; or one-click skip."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from decisionaid.content import selectors
from decisionaid.guide.answers import Answers
from decisionaid.lib.strictinput import unexpected_fields
from decisionaid.pages.views import bad_request

from .forms import QuestionnaireForm
from .instrument import PAGES
from .services import submit
from .visit import DECLINED, FieldTestVisit

# Where the one-click skip returns the person: only these, never a URL they send.
RETURN_TO = {"summary": ("guide:step", "summary"), "checklist": ("checklist:page", None)}


def _require_field_test() -> None:
    if not settings.FIELD_TEST:
        raise Http404


def _return(place: str) -> HttpResponse:
    name, slug = RETURN_TO.get(place, RETURN_TO["summary"])
    return redirect(name, slug=slug) if slug else redirect(name)


@never_cache
def consent(request: HttpRequest) -> HttpResponse:
    _require_field_test()
    if FieldTestVisit(request.session).done():
        return redirect("fieldtest:thanks")
    return render(
        request,
        "fieldtest/consent.html",
        {"passages": selectors.passages_for("field-test-consent")},
    )


@never_cache
def questions(request: HttpRequest, page: int) -> HttpResponse:
    _require_field_test()
    if page not in PAGES:
        raise Http404
    visit = FieldTestVisit(request.session)
    if visit.done():
        return redirect("fieldtest:thanks")
    status = 200
    if request.method == "POST":
        form = QuestionnaireForm(request.POST, page=page)
        if unexpected_fields(request.POST, form, also=["action"]):
            return bad_request(request)
        action = request.POST.get("action", "next")
        if form.is_valid():
            visit.save_draft(form.to_answers())
            if action == "back":
                return (
                    redirect("fieldtest:questions", page=1)
                    if page == 2
                    else redirect("fieldtest:consent")
                )
            if page == 1:
                return redirect("fieldtest:questions", page=2)
            submit(
                visit=visit,
                answers=Answers(request.session),
                share_results=form.cleaned_data["share_results"],
                kiosk=getattr(request, "kiosk", False),
            )
            return redirect("fieldtest:thanks")
        status = 400
    else:
        form = QuestionnaireForm(initial=visit.draft(), page=page)
    return render(
        request,
        "fieldtest/questions.html",
        {"form": form, "page": page, "pages": len(PAGES)},
        status=status,
    )


@require_POST
def decline(request: HttpRequest) -> HttpResponse:
    _require_field_test()
    if unexpected_fields(request.POST, None, also=["return_to"]):
        return bad_request(request)
    visit = FieldTestVisit(request.session)
    if not visit.done():
        visit.finish(DECLINED)
    return _return(request.POST.get("return_to", "summary"))


@never_cache
def thanks(request: HttpRequest) -> HttpResponse:
    _require_field_test()
    visit = FieldTestVisit(request.session)
    return render(
        request,
        "fieldtest/thanks.html",
        {
            "answered": visit.answered(),
            "passages": selectors.passages_for("field-test-thanks") if visit.answered() else [],
        },
    )
