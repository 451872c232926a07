"""What each step's page shows besides its form: content reads and the person's results."""

from collections.abc import Callable
from typing import Any

from django.urls import NoReverseMatch, reverse

from decisionaid.content import selectors
from decisionaid.content.models import Option

from .answers import Answers
from .choices import QUIZ_CHOICES, label_for
from .rules import fits_by_option
from .summary import QuizResult, build_summary, cost_estimate, priorities

WARNING_PAGE = "situation-see-doctor"


def _what_it_is(answers: Answers) -> dict[str, Any]:
    return {
        "hair_cycle_passages": selectors.passages_for("what-it-is-hair-cycle"),
        "claims": selectors.clinic_claims(),
    }


def _evidence(answers: Answers) -> dict[str, Any]:
    return {
        "studies": selectors.studies(),
        "unknowns": selectors.passages_for("evidence-unknowns"),
    }


def _options(answers: Answers) -> dict[str, Any]:
    options = selectors.options()
    rows = [(label, [getattr(option, field) for option in options]) for field, label in Option.ROWS]
    return {"options": options, "rows": rows}


def _risks(answers: Answers) -> dict[str, Any]:
    return {
        "risks": selectors.risks(),
        "seek_help": selectors.passages_for("risks-seek-help"),
        "off_label": selectors.passages_for("risks-off-label"),
    }


def _costs(answers: Answers) -> dict[str, Any]:
    return {
        "cost_default": selectors.cost_default(),
        "no_price_list": selectors.passages_for("costs-no-price-list"),
        "cost": cost_estimate(answers.get("costs")),
        "alternatives": [option for option in selectors.options() if not option.is_mesotherapy],
    }


def _values(answers: Answers) -> dict[str, Any]:
    ratings = answers.get("values").get("ratings", {})
    options = selectors.options()
    return {
        "rated": bool(ratings),
        "comparisons": [(p, fits_by_option(p, options)) for p in priorities(ratings)],
    }


def _understanding(answers: Answers) -> dict[str, Any]:
    responses = answers.get("understanding").get("responses", {})
    feedback = [
        (QuizResult(item, responses[item.slug]), label_for(QUIZ_CHOICES, responses[item.slug]))
        for item in selectors.quiz_items()
        if item.slug in responses
    ]
    return {"feedback": feedback}


def _summary(answers: Answers) -> dict[str, Any]:
    return {"summary": build_summary(answers), **checklist_links()}


def checklist_links() -> dict[str, str]:
    """The checklist's URLs, once the checklist app is installed."""
    links = {}
    for key, name in (("checklist_url", "checklist:page"), ("checklist_pdf_url", "checklist:pdf")):
        try:
            links[key] = reverse(name)
        except NoReverseMatch:
            continue
    return links


EXTRA_CONTEXT: dict[str, Callable[[Answers], dict[str, Any]]] = {
    "what-it-is": _what_it_is,
    "evidence": _evidence,
    "options": _options,
    "risks": _risks,
    "costs": _costs,
    "values": _values,
    "understanding": _understanding,
    "summary": _summary,
}


def step_context(slug: str, answers: Answers) -> dict[str, Any]:
    builder = EXTRA_CONTEXT.get(slug)
    return builder(answers) if builder else {}


def warning_passages(answers: Answers) -> list:
    """The see-a-doctor passages, when the person ticked a warning sign."""
    if answers.get("situation").get("warning_signs"):
        return selectors.passages_for(WARNING_PAGE)
    return []
