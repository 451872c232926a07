"""The content fixtures hold at least as much as the issue asks for, on every page that needs it."""

import pytest
from django.db.models import Count

from decisionaid.content.models import (
    GlossaryTerm,
    Option,
    Passage,
    Question,
    QuestionTheme,
    QuizItem,
    Risk,
    ValueStatement,
)
from decisionaid.guide.steps import STEPS

pytestmark = pytest.mark.django_db

# Every page of passages that the guide and the site pages render.
PASSAGE_PAGES = [
    "landing",
    "situation",
    "situation-see-doctor",
    "what-it-is",
    "what-it-is-hair-cycle",
    "evidence",
    "evidence-unknowns",
    "options",
    "risks",
    "risks-seek-help",
    "risks-off-label",
    "costs",
    "costs-no-price-list",
    "checklist-intro",
    "checklist-sure-no",
    "about",
    "sources",
    "glossary",
    "kiosk",
    "field-test-invite",
    "field-test-consent",
    "field-test-thanks",
    "about-field-test",
] + [f"{step.slug}-in-short" for step in STEPS]


def test_at_least_thirty_questions_spread_over_at_least_seven_themes():
    assert Question.objects.count() >= 30
    themes = QuestionTheme.objects.annotate(n=Count("questions")).filter(n__gt=0)
    assert themes.count() >= 7


def test_every_question_says_why_it_matters():
    assert not Question.objects.filter(why_it_matters="").exists()


def test_a_sensible_few_questions_are_ticked_by_default():
    assert 8 <= Question.objects.filter(selected_by_default=True).count() <= 10


def test_at_least_twenty_glossary_terms():
    assert GlossaryTerm.objects.count() >= 20


def test_exactly_five_understanding_items_each_with_an_explanation_and_a_source():
    items = QuizItem.objects.prefetch_related("sources")
    assert items.count() == 5
    for item in items:
        assert item.explanation.strip(), item.slug
        assert item.sources.exists(), item.slug


def test_understanding_items_are_not_all_true_or_all_false():
    answers = set(QuizItem.objects.values_list("is_true", flat=True))
    assert answers == {True, False}


def test_at_least_six_values_statements():
    assert ValueStatement.objects.count() >= 6


def test_at_least_eight_options():
    assert Option.objects.count() >= 8


def test_at_least_eight_risks():
    assert Risk.objects.count() >= 8


@pytest.mark.parametrize("page", PASSAGE_PAGES)
def test_every_rendered_page_has_at_least_one_passage(page):
    assert Passage.objects.filter(page=page).exists()


def test_about_page_covers_funding_evidence_rating_update_policy_and_clinics():
    text = " ".join(Passage.objects.filter(page="about").values_list("body", flat=True))
    for must in ("paid", "Verified", "Corrected", "Secondary", "Unverified", "once a year"):
        assert must in text, must
    assert "must not change the content" in text


def test_no_passage_is_longer_than_the_limit():
    for passage in Passage.objects.all():
        assert len(passage.body) <= 3000, passage.slug
