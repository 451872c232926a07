"""What each step's page shows besides its form: content reads and the person's results."""

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from django.urls import NoReverseMatch
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from decisionaid.content import selectors
from decisionaid.content.models import Option
from decisionaid.lib.urls import memo_reverse

from . import steps
from .answers import Answers
from .rules import (
    cost_estimate,
    fits_by_option,
    priorities,
    quiz_results,
    suitability_by_option,
)
from .summary import build_summary

WARNING_PAGE = "situation-see-doctor"


def _what_it_is(answers: Answers, query: Mapping[str, str]) -> dict[str, Any]:
    return {
        "hair_cycle_passages": selectors.passages_for("what-it-is-hair-cycle"),
        "claims": selectors.clinic_claims(),
    }


def _evidence(answers: Answers, query: Mapping[str, str]) -> dict[str, Any]:
    return {
        "studies": selectors.studies(),
        "unknowns": selectors.passages_for("evidence-unknowns"),
    }


def compare_pair(options: list[Option], first: str, second: str) -> list[Option]:
    """Two different known options to show side by side on a small screen, or none."""
    by_slug = {option.slug: option for option in options}
    if first != second and first in by_slug and second in by_slug:
        return [by_slug[first], by_slug[second]]
    return []


def _cautions(answers: Answers) -> dict[str, list]:
    return suitability_by_option(answers.get("situation"))


def _options(answers: Answers, query: Mapping[str, str]) -> dict[str, Any]:
    options = selectors.options()
    pair = compare_pair(options, query.get("a", ""), query.get("b", ""))
    shown = pair or options
    selected = [option.slug for option in pair or options[:2]]
    rows = [
        (gettext(label), [getattr(option, field) for option in shown])
        for field, label in Option.ROWS
    ]
    cautions = _cautions(answers)
    caution_cells = [cautions.get(option.slug, []) for option in shown] if cautions else []
    return {
        # One cell per shown option; the row appears only when a note applies to this person.
        "caution_cells": caution_cells,
        # The table follows from content and picked choices only (the options shown, the
        # situation answers behind the notes), so its HTML is cached under this key and the
        # content fingerprint (templates/guide/options.html).
        "options_key": choices_key(
            get_language(),
            [option.slug for option in shown],
            [[note.pk for note in notes] for notes in caution_cells],
        ),
        "options": shown,
        "all_options": options,
        "comparing": bool(pair),
        "rows": rows,
        "compare_fields": list(
            zip(("a", "b"), (_("First option"), _("Second option")), selected, strict=False)
        ),
    }


def _risks(answers: Answers, query: Mapping[str, str]) -> dict[str, Any]:
    return {
        "risks": selectors.risks(),
        "seek_help": selectors.passages_for("risks-seek-help"),
        "off_label": selectors.passages_for("risks-off-label"),
    }


def _costs(answers: Answers, query: Mapping[str, str]) -> dict[str, Any]:
    return {
        "cost_default": selectors.cost_default(),
        "no_price_list": selectors.passages_for("costs-no-price-list"),
        "cost": cost_estimate(answers.get("costs")),
        "alternatives": [option for option in selectors.options() if not option.is_mesotherapy],
    }


def _values(answers: Answers, query: Mapping[str, str]) -> dict[str, Any]:
    ratings = answers.get("values").get("ratings", {})
    options = selectors.options()
    cautions = _cautions(answers)
    ranked = priorities(ratings)
    return {
        "rated": bool(ratings),
        "comparisons": [(p, fits_by_option(p, options, cautions)) for p in ranked],
        # The comparison tables follow only from choices picked from fixed lists (the ratings and
        # the situation answers behind the cautions), never from anything typed, so their HTML is
        # cached under this key and the content fingerprint (templates/guide/values.html).
        "comparisons_key": choices_key(
            get_language(),
            [(p.statement.slug, p.rating) for p in ranked],
            sorted((slug, [note.pk for note in notes]) for slug, notes in cautions.items()),
        ),
    }


def choices_key(*parts: object) -> str:
    """A short digest of a person's picked choices, for a cache key; never pass typed text."""
    encoded = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:32]


def _understanding(answers: Answers, query: Mapping[str, str]) -> dict[str, Any]:
    responses = answers.get("understanding").get("responses", {})
    return {
        "feedback": quiz_results(responses),
        # The feedback follows from content and the true/false/not-sure answers only (picked,
        # never typed); templates/guide/understanding.html caches it under this key.
        "feedback_key": choices_key(get_language(), responses),
    }


def _summary(answers: Answers, query: Mapping[str, str]) -> dict[str, Any]:
    return {
        "summary": build_summary(answers),
        # The quiz results and the facts follow from content and the quiz answers (picked, never
        # typed); templates/guide/summary.html caches them under this key and the fingerprint.
        "summary_key": choices_key(get_language(), answers.get("understanding")),
        # "Your situation" follows from the situation answers, all picked from fixed lists.
        "situation_key": choices_key(get_language(), answers.get("situation")),
        # What matters most, the chosen questions (not the person's own) and the SURE answers
        # with the leaning: all picked from fixed lists.
        "choices_summary_key": choices_key(
            get_language(),
            answers.get("values"),
            answers.get("questions").get("selected"),
            answers.get("sure"),
        ),
        **checklist_links(),
    }


def checklist_links() -> dict[str, str]:
    """The checklist's URLs, once the checklist app is installed."""
    links = {}
    for key, name in (("checklist_url", "checklist:page"), ("checklist_pdf_url", "checklist:pdf")):
        try:
            links[key] = memo_reverse(name)
        except NoReverseMatch:
            continue
    return links


EXTRA_CONTEXT: dict[str, Callable[[Answers, Mapping[str, str]], dict[str, Any]]] = {
    "what-it-is": _what_it_is,
    "evidence": _evidence,
    "options": _options,
    "risks": _risks,
    "costs": _costs,
    "values": _values,
    "understanding": _understanding,
    "summary": _summary,
}


def step_context(slug: str, answers: Answers, query: Mapping[str, str]) -> dict[str, Any]:
    builder = EXTRA_CONTEXT.get(slug)
    return builder(answers, query) if builder else {}


def warning_passages(step: steps.Step, answers: Answers) -> list:
    """The see-a-doctor passages, when the person ticked a warning sign: they lead the page right
    after the situation step, where the person goes next, and the summary."""
    previous = steps.previous_step(step)
    after_situation = previous is not None and previous.slug == "situation"
    if (after_situation or step.slug == "summary") and answers.get("situation").get(
        "warning_signs"
    ):
        return selectors.passages_for(WARNING_PAGE)
    return []
