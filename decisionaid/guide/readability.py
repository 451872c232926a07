"""How easy each guide step's content is to read, in the page's language, read live.

English is measured as a Flesch-Kincaid grade (lower is easier), Spanish with the Szigriszt-Pazos
/ INFLESZ index (higher is easier), each on that language's own text.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import get_language, gettext

from decisionaid.content import models as content
from decisionaid.content.selectors import current_release
from decisionaid.lib.fragmentcache import fragment_cache
from decisionaid.lib.readability import (
    as_sentences,
    dictionary_loaded,
    grade,
    inflesz,
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


# Languages with a readability measure, and the scale each is measured on.
SCALES = {"en": "grade", "es": "inflesz"}


@dataclass(frozen=True)
class StepReading:
    title: str
    grade: float  # the step's score on its language's scale
    words: int


@dataclass(frozen=True)
class ReadingLevel:
    steps: list[StepReading]
    overall: float
    words: int
    scale: str = "grade"


def step_text(slug: str, language: str = "en") -> str:
    """Every sentence of content the step shows in one language, one per line."""
    pages, shown = STEP_CONTENT.get(slug, ((), ()))
    pages = (in_short_page(slug), *pages)
    sentences: list[str] = []
    for heading, body in content.Passage.objects.filter(page__in=pages).values_list(
        f"heading_{language}", f"body_{language}"
    ):
        sentences.extend(as_sentences(heading or "") + as_sentences(body or ""))
    for model in shown:
        for row in model._default_manager.values_list(*prose_columns(model, language)):
            for value in row:
                sentences.extend(as_sentences(value or ""))
    return "\n".join(sentences)


def measure(language: str = "en") -> ReadingLevel:
    texts = [(gettext(step.title), step_text(step.slug, language)) for step in STEPS]
    everything = "\n".join(text for _, text in texts if text)
    if SCALES.get(language) == "inflesz":
        steps = [StepReading(t, inflesz(text), word_count(text)) for t, text in texts if text]
        return ReadingLevel(steps, inflesz(everything), word_count(everything), "inflesz")
    with dictionary_loaded():
        steps = [StepReading(title, grade(text), word_count(text)) for title, text in texts if text]
        return ReadingLevel(steps, grade(everything), word_count(everything), "grade")


def reading_level() -> ReadingLevel:
    """The measure for the content as it is now, in the active language (English where the
    language has no measure): recomputed whenever the content changes."""
    language = get_language() if get_language() in SCALES else "en"
    release = current_release()
    if release is None:
        return measure(language)
    key = f"reading-level:{language}:{release.fingerprint}:{release.revision}"
    store = fragment_cache()
    level = store.get(key)
    if level is None:
        level = measure(language)
        store.set(key, level, CACHE_SECONDS)
    return level
