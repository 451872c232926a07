"""Rules behind the guide: priorities, option fits without ranking, SURE scoring, answer shapes."""

import pytest

from decisionaid.content import selectors
from decisionaid.content.models import ValueFit
from decisionaid.guide.answers import Answers
from decisionaid.guide.forms import QuestionsForm, SituationForm, UnderstandingForm, ValuesForm
from decisionaid.guide.rules import (
    SURE_ITEMS,
    SureResult,
    describe_situation,
    fits_by_option,
    priorities,
)

pytestmark = pytest.mark.django_db


def test_only_statements_rated_4_or_5_become_priorities_highest_first():
    statements = selectors.value_statements()
    assert len(statements) >= 3
    ratings = {statements[0].slug: 4, statements[1].slug: 5, statements[2].slug: 3}
    chosen = priorities(ratings)
    assert [p.statement.slug for p in chosen] == [statements[1].slug, statements[0].slug]


def test_option_fits_follow_the_option_order_never_a_ranking_by_fit():
    options = selectors.options()
    for statement in selectors.value_statements():
        (priority,) = priorities({statement.slug: 5})
        rows = fits_by_option(priority, options)
        assert [row.option for row in rows] == options
        for row in rows:
            if row.fit is not None:
                assert row.fit.option_id == row.option.pk
                assert row.fit.statement_id == statement.pk


def test_an_option_with_no_fit_written_still_gets_its_row():
    statement = selectors.value_statements()[0]
    missing = selectors.options()[0]
    ValueFit.objects.filter(statement=statement, option=missing).delete()
    (priority,) = priorities({statement.slug: 5})
    rows = fits_by_option(priority, selectors.options())
    assert rows[0].option == missing and rows[0].fit is None


def test_values_page_never_names_a_best_option(client):
    ratings = {f"rating_{s.slug}": "5" for s in selectors.value_statements()}
    client.post("/guide/values/", {**ratings, "action": "show"})
    html = client.get("/guide/values/").content.decode().lower()
    results = html.split('id="results"')[1]
    for word in ("best option", "best choice for you", "we recommend", "ranked"):
        assert word not in results


@pytest.mark.parametrize(
    ("answers", "score", "complete", "any_no"),
    [
        ({"sure": "yes", "understand": "yes", "risks_benefits": "yes", "support": "yes"}, 4,
         True, False),
        ({"sure": "no", "understand": "yes", "risks_benefits": "yes", "support": "yes"}, 3,
         True, True),
        ({"sure": "yes"}, 1, False, False),
        ({}, 0, False, False),
    ],
)  # fmt: skip
def test_sure_score_counts_the_yes_answers(answers, score, complete, any_no):
    result = SureResult(answers)
    assert (result.score, result.complete, result.any_no) == (score, complete, any_no)
    assert len(result.rows()) == len(SURE_ITEMS)


def test_forms_save_the_answer_shapes_documented_in_summary():
    options = [o for o in selectors.options() if o.evidence_level]
    situation = SituationForm({"diagnosed": "not_sure", "tried": [options[0].slug],
                               "warning_signs": ["patchy"]})  # fmt: skip
    assert situation.is_valid(), situation.errors
    assert situation.to_answers() == {
        "diagnosed": "not_sure",
        "tried": [options[0].slug],
        "warning_signs": ["patchy"],
    }

    statements = selectors.value_statements()
    values = ValuesForm({f"rating_{s.slug}": "3" for s in statements})
    assert values.is_valid(), values.errors
    assert values.to_answers() == {"ratings": {s.slug: 3 for s in statements}}

    items = selectors.quiz_items()
    quiz = UnderstandingForm({f"quiz_{i.slug}": "false" for i in items})
    assert quiz.is_valid(), quiz.errors
    assert quiz.to_answers() == {"responses": {i.slug: "false" for i in items}}

    question = selectors.questions()[0]
    questions = QuestionsForm({f"theme_{question.theme.slug}": [question.slug],
                               "own": "  First?  \r\n\r\nSecond?\n"})  # fmt: skip
    assert questions.is_valid(), questions.errors
    assert questions.to_answers() == {"selected": [question.slug], "own": ["First?", "Second?"]}


def test_question_picker_starts_from_the_default_selection_then_from_the_saved_one():
    defaults = set(selectors.default_question_slugs())
    assert defaults
    initial = QuestionsForm.initial_from({})
    ticked = {slug for key, slugs in initial.items() if key.startswith("theme_") for slug in slugs}
    assert ticked == defaults
    assert QuestionsForm.initial_from({"selected": [], "own": ["Mine?"]}) == {"own": "Mine?"}


def test_situation_is_described_in_words_leaving_out_unanswered_questions():
    option = selectors.options()[0]
    rows = describe_situation({"duration": "over_5", "tried": [option.slug],
                               "warning_signs": []})  # fmt: skip
    assert rows == [("Hair thinning for", "More than 5 years"), ("Already tried", option.name)]
    assert describe_situation({}) == []


def test_answers_helper_round_trips_and_forgets(client):
    session = client.session
    answers = Answers(session)
    answers.set("sure", {"sure": "yes"})
    assert answers.get("sure") == {"sure": "yes"}
    answers.clear()
    assert answers.is_empty()


def test_the_see_a_doctor_prompt_leads_only_the_step_after_situation_and_the_summary():
    from decisionaid.guide import steps
    from decisionaid.guide.context import warning_passages

    warned = Answers({})
    warned.set("situation", {"warning_signs": ["sudden"]})
    shown = [step.slug for step in steps.STEPS if warning_passages(step, warned)]
    assert shown == [steps.STEPS[1].slug, "summary"]
    assert not any(warning_passages(step, Answers({})) for step in steps.STEPS)
