"""Reads of the content, so views and templates never build their own queries (writes: services)."""

import datetime
import logging
from collections.abc import Iterable
from typing import TypeVar

from django.conf import settings
from django.utils import timezone

from . import memo
from .memo import memoized
from .models import (
    ClinicClaim,
    ContentRelease,
    CostDefault,
    Disclosure,
    GlossaryTerm,
    KeyFact,
    Option,
    Passage,
    Question,
    QuestionTheme,
    QuizItem,
    Risk,
    Source,
    Study,
    SuitabilityNote,
    ValueStatement,
)
from .validation import ValidatedModel

logger = logging.getLogger(__name__)
Row = TypeVar("Row", bound=ValidatedModel)


def current_release() -> ContentRelease | None:
    """The newest release (its fingerprint is filled in by services.refresh_release)."""
    if settings.CONTENT_MEMO:
        return memo.latest_release()
    return ContentRelease.objects.order_by("-published_on", "-id").first()


def showable(rows: Iterable[Row]) -> list[Row]:
    """The rows a page can show; a row that breaks its rules (forced in by SQL, or stored before
    the rules existed) is left out and logged, and the admin lists it for editors."""
    shown = []
    for row in rows:
        problems = row.problems()
        if problems:
            logger.error(
                "Content %s %r left off public pages: %s",
                row._meta.verbose_name,
                row.pk,
                "; ".join(problems),
            )
        else:
            shown.append(row)
    return shown


def is_review_overdue(
    release: ContentRelease | None, *, today: datetime.date | None = None
) -> bool:
    if release is None:
        return False
    return release.next_review_due < (today or timezone.localdate())


@memoized
def passages_for(page: str) -> list[Passage]:
    return list(Passage.objects.filter(page=page).prefetch_related("sources"))


@memoized
def passages_by_page(*pages: str) -> dict[str, list[Passage]]:
    """The passages of several pages in one read, each page's in its usual order."""
    found: dict[str, list[Passage]] = {page: [] for page in pages}
    for passage in Passage.objects.filter(page__in=pages).prefetch_related("sources"):
        found[passage.page].append(passage)
    return found


@memoized
def passages_on(*pages: str) -> list[Passage]:
    """The passages of several pages in one read, for a page that shows a few small ones."""
    return list(Passage.objects.filter(page__in=pages).prefetch_related("sources"))


@memoized
def studies() -> list[Study]:
    return showable(Study.objects.prefetch_related("sources"))


@memoized
def options() -> list[Option]:
    return showable(Option.objects.prefetch_related("sources"))


@memoized
def option_list() -> list[Option]:
    """The options without their sources, for pages that show only names and fits."""
    return showable(Option.objects.all())


@memoized
def suitability_notes() -> list[SuitabilityNote]:
    return showable(SuitabilityNote.objects.select_related("option").prefetch_related("sources"))


@memoized
def risks() -> list[Risk]:
    return list(Risk.objects.prefetch_related("sources"))


@memoized
def cost_default() -> CostDefault | None:
    return next(iter(showable(CostDefault.objects.prefetch_related("sources"))), None)


@memoized
def question_themes() -> list[QuestionTheme]:
    return list(QuestionTheme.objects.prefetch_related("questions"))


@memoized
def questions() -> list[Question]:
    return list(Question.objects.select_related("theme"))


@memoized
def default_question_slugs() -> list[str]:
    return list(Question.objects.filter(selected_by_default=True).values_list("slug", flat=True))


@memoized
def glossary() -> list[GlossaryTerm]:
    return list(GlossaryTerm.objects.all())


@memoized
def quiz_items() -> list[QuizItem]:
    return list(QuizItem.objects.prefetch_related("sources"))


@memoized
def value_statements() -> list[ValueStatement]:
    return list(ValueStatement.objects.prefetch_related("fits__option"))


@memoized
def clinic_claims() -> list[ClinicClaim]:
    return list(ClinicClaim.objects.prefetch_related("sources"))


@memoized
def key_facts(kind: str | None = None) -> list[KeyFact]:
    rows = KeyFact.objects.prefetch_related("sources")
    if kind:
        rows = rows.filter(kind=kind)
    return list(rows)


@memoized
def sources() -> list[Source]:
    return showable(Source.objects.all())


@memoized
def disclosure() -> Disclosure | None:
    """The publisher, funder, contributors and contact route shown on /about/ and the checklist."""
    return Disclosure.objects.first()
