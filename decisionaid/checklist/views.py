"""The checklist as a printable page, and as a PDF from a leaner template with the same words."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from decisionaid.content import selectors
from decisionaid.lib.ratelimit import rate_limited
from decisionaid.lib.rendercap import render_capped

from . import services
from .pdf import DEFAULT_PAPER, PAPER_SIZES

PDF_FILENAME = "mesotherapy-consultation-checklist.pdf"


@require_safe
@never_cache
def checklist_page(request: HttpRequest) -> HttpResponse:
    context = services.checklist_context(request.session, paper=DEFAULT_PAPER, for_pdf=False)
    return render(request, services.TEMPLATE, {**context, "cache_chrome": True})


@require_safe
def page_numbers_css(request: HttpRequest) -> HttpResponse:
    """The words around a printed page's number, in the page's language: browsers have no
    string-set, so the checklist page links this small stylesheet from its own language's URL."""
    response = HttpResponse(
        render_to_string("checklist/page_numbers.css"), content_type="text/css; charset=utf-8"
    )
    patch_cache_control(response, public=True, max_age=60 * 60)
    return response


def busy(request: HttpRequest) -> HttpResponse:
    """Too many PDFs are being made on this host right now: say to try again in a few seconds."""
    passages = selectors.passages_for("checklist-busy")
    return render(request, "checklist/busy.html", {"passages": passages}, status=503)


@require_safe
@never_cache
@rate_limited("checklist-pdf", "PDF_RATE_LIMIT")
@render_capped(busy)
def checklist_pdf(request: HttpRequest) -> HttpResponse:
    paper = request.GET.get("paper", DEFAULT_PAPER).strip().lower() or DEFAULT_PAPER
    if paper not in PAPER_SIZES:
        return render(
            request,
            "checklist/bad_paper.html",
            {"asked_for": request.GET.get("paper", "")[:40], "papers": list(PAPER_SIZES)},
            status=400,
        )
    response = HttpResponse(services.checklist_pdf(request, paper=paper), "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{PDF_FILENAME}"'
    return response
