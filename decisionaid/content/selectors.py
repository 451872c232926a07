"""Reads of the content, so views and templates never build their own queries."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import memo
from .fingerprint import compute_fingerprint
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
    ValueStatement,
)


def current_release() -> ContentRelease | None:
    """The newest release, with its fingerprint filled in if fixtures were just loaded."""
    if settings.CONTENT_MEMO:
        release = memo.latest_release()
    else:
        release = ContentRelease.objects.order_by("-published_on", "-id").first()
    if release is not None and not release.fingerprint:
        release.fingerprint = compute_fingerprint()
        release.save(update_fields=["fingerprint"])
    return release


def refresh_release(*, bump: bool = True) -> ContentRelease | None:
    """Recompute the fingerprint; when content really changed, count a new revision."""
    with transaction.atomic():
        release = (
            ContentRelease.objects.select_for_update().order_by("-published_on", "-id").first()
        )
        if release is None:
            return None
        fingerprint = compute_fingerprint()
        if fingerprint != release.fingerprint:
            if bump and release.fingerprint:
                release.revision += 1
            release.fingerprint = fingerprint
            release.save(update_fields=["fingerprint", "revision"])
    return release


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
def studies() -> list[Study]:
    return list(Study.objects.prefetch_related("sources"))


@memoized
def options() -> list[Option]:
    return list(Option.objects.prefetch_related("sources"))


@memoized
def risks() -> list[Risk]:
    return list(Risk.objects.prefetch_related("sources"))


@memoized
def cost_default() -> CostDefault | None:
    return CostDefault.objects.prefetch_related("sources").first()


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
    return list(Source.objects.all())


@memoized
def disclosure() -> Disclosure | None:
    """The publisher, funder, contributors and contact route shown on /about/ and the checklist."""
    return Disclosure.objects.first()
