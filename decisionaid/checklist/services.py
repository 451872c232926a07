"""What goes on the checklist, the HTML it is drawn from, and the PDF made from it."""

from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from decisionaid.content import selectors
from decisionaid.content.models import Source
from decisionaid.guide.answers import Answers
from decisionaid.guide.context import choices_key
from decisionaid.guide.summary import Summary, build_summary

from .pdf import DEFAULT_PAPER, PAPER_SIZES, render_pdf

TEMPLATE = "checklist/checklist.html"
PDF_TEMPLATE = "checklist/pdf.html"
INTRO_PAGE = "checklist-intro"
SURE_NOTE_PAGE = "checklist-sure-no"
SEE_DOCTOR_PAGE = "checklist-see-doctor"
# Steps whose answers are all picked from fixed lists, never typed (see checklist_context).
CHOICE_STEPS = ("situation", "values", "understanding", "sure")


def cited_sources(summary: Summary, passages: list) -> list[Source]:
    """Every source the printed items cite, once each, in the guide's own numbering."""
    seen: dict[int, Source] = {}
    quiz_items = [result.item for result in summary.quiz]
    notes = [note for _, note in summary.caution_rows]
    groups = [
        summary.questions,
        quiz_items,
        summary.key_facts,
        summary.red_flags,
        notes,
        passages,
    ]
    for group in groups:
        for item in group:
            for source in item.sources.all():
                seen.setdefault(source.pk, source)
    return sorted(seen.values(), key=lambda s: s.number)


def checklist_context(
    session: SessionBase | dict, *, paper: str = DEFAULT_PAPER, for_pdf: bool = False
) -> dict[str, Any]:
    answers = Answers(session)
    summary = build_summary(answers)

    @cache
    def questions_with_sources() -> list:
        # Each question prints its citations: fetch them in one query, not one per question.
        prefetch_related_objects(summary.questions, "sources")
        return summary.questions

    if for_pdf:
        questions_with_sources()
    # The checklist's own passages in one read: the intro, and the notes its answers call for.
    passages = selectors.passages_on(INTRO_PAGE, SURE_NOTE_PAGE, SEE_DOCTOR_PAGE)
    intro = [p for p in passages if p.page == INTRO_PAGE]
    sure_note = [p for p in passages if p.page == SURE_NOTE_PAGE and summary.sure.any_no]
    see_doctor = [p for p in passages if p.page == SEE_DOCTOR_PAGE and summary.see_doctor]
    return {
        "summary": summary,
        # The grid, the cited sources and the questions' citations are read only where they
        # print; on the page that is inside cached parts, so they are worked out on a cache miss
        # only (a template calls a callable it is given, once: each is remembered).
        "fit_grid": cache(lambda: summary.fit_grid() if summary.priorities else []),
        "questions_with_sources": questions_with_sources,
        "intro_passages": intro,
        "sure_note_passages": sure_note,
        "see_doctor_passages": see_doctor,
        "sources_cited": cache(lambda: cited_sources(summary, intro + see_doctor + sure_note)),
        "disclosure": selectors.disclosure(),
        "contact_email": settings.CONTACT_EMAIL,
        "today": timezone.localdate(),
        "paper": paper,
        "papers": list(PAPER_SIZES),
        "for_pdf": for_pdf,
        # Everything on the page but the cost and the person's own questions follows from content
        # and choices picked from fixed lists (these four steps and the chosen questions); those
        # parts of checklist.html are cached under this key and the content fingerprint. The
        # typed steps (costs, own questions) are never part of it.
        "choices_key": choices_key(
            get_language(),
            for_pdf,
            *(answers.get(step) for step in CHOICE_STEPS),
            answers.get("questions").get("selected"),
        ),
    }


def render_checklist_html(request: HttpRequest, *, paper: str, for_pdf: bool) -> str:
    context = checklist_context(request.session, paper=paper, for_pdf=for_pdf)
    return render_to_string(PDF_TEMPLATE if for_pdf else TEMPLATE, context, request=request)


def checklist_pdf(request: HttpRequest, *, paper: str) -> bytes:
    """The PDF for this person's answers, rendered afresh every time.

    Never cached: a checklist can hold questions the person typed, and a cache is shared by
    every session (and, with a file or database backend, written to disk).
    """
    return render_pdf(render_checklist_html(request, paper=paper, for_pdf=True), paper=paper)


def first_visit_pdf_html(paper: str) -> str:
    """The PDF checklist's HTML for an empty visit at home, built without a request: the page
    context that the context processors would add for that visitor is added here."""
    release = selectors.current_release()
    context = {
        **checklist_context({}, paper=paper, for_pdf=True),
        "content_release": release,
        "content_review_overdue": selectors.is_review_overdue(release),
        "kiosk": False,
    }
    return render_to_string(PDF_TEMPLATE, context)
