"""The reading level of each guide step's English content, read live from the database."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import models

from decisionaid.content import models as content
from decisionaid.content.selectors import current_release
from decisionaid.lib.readability import (
    as_sentences,
    dictionary_loaded,
    grade,
    prose_columns,
    word_count,
)

from .steps import STEPS, in_short_page

# The content each step shows: its passages' pages, and the models whose rows it prints.
STEP_CONTENT: dict[str, tuple[tuple[str, ...], tuple[type[models.Model], ...]]] = {
    "situation": (("situation", "situation-see-doctor"), ()),
    "what-it-is": (("what-it-is", "what-it-is-hair-cycle"), (content.ClinicClaim,)),
    "evidence": (("evidence", "evidence-unknowns"), (content.Study,)),
    "options": (("options",), (content.Option,)),
    "risks": (("risks", "risks-seek-help", "risks-off-label"), (content.Risk,)),
    "costs": (("costs", "costs-no-price-list"), (content.CostDefault,)),
    "values": (("values",), (content.ValueStatement, content.ValueFit)),
    "understanding": (("understanding",), (content.QuizItem,)),
    "questions": (("questions",), (content.QuestionTheme, content.Question)),
    "sure": (("sure",), ()),
    "summary": (("summary",), (content.KeyFact,)),
}
CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class StepReading:
    title: str
    grade: float
    words: int


@dataclass(frozen=True)
class ReadingLevel:
    steps: list[StepReading]
    overall: float
    words: int


def step_text(slug: str) -> str:
    """Every sentence of content the step shows, one per line."""
    pages, shown = STEP_CONTENT.get(slug, ((), ()))
    pages = (in_short_page(slug), *pages)
    sentences: list[str] = []
    for heading, body in content.Passage.objects.filter(page__in=pages).values_list(
        "heading_en", "body_en"
    ):
        sentences.extend(as_sentences(heading) + as_sentences(body))
    for model in shown:
        for row in model._default_manager.values_list(*prose_columns(model, "en")):
            for value in row:
                sentences.extend(as_sentences(value or ""))
    return "\n".join(sentences)


def measure() -> ReadingLevel:
    texts = [(step.title, step_text(step.slug)) for step in STEPS]
    everything = "\n".join(text for _, text in texts if text)
    with dictionary_loaded():
        steps = [StepReading(title, grade(text), word_count(text)) for title, text in texts if text]
        return ReadingLevel(steps, grade(everything), word_count(everything))


def reading_level() -> ReadingLevel:
    """The measure for the content as it is now: recomputed whenever the content changes."""
    release = current_release()
    if release is None:
        return measure()
    key = f"reading-level:{release.fingerprint}:{release.revision}"
    level = cache.get(key)
    if level is None:
        level = measure()
        cache.set(key, level, CACHE_SECONDS)
    return level
