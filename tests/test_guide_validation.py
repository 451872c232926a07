"""Bad input gets a 200 page with a clear message and an error summary, and nothing is lost."""

import re

import pytest
from django.utils.html import escape

from decisionaid.content import selectors
from decisionaid.guide.rules import SURE_ITEMS

pytestmark = pytest.mark.django_db


def error_summary(html: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert match, "the page has an error summary"
    return match.group(0)


def test_empty_required_answer_is_named_in_the_summary_and_other_answers_are_kept(client):
    data = {"sure": "yes", "understand": "no", "risks_benefits": "yes", "action": "next"}
    response = client.post("/guide/sure/", data)
    assert response.status_code == 200
    html = response.content.decode()
    summary = error_summary(html)
    assert 'href="#id_support_0"' in summary
    assert "Choose yes or no for question 4." in summary
    assert 'id="id_support_0"' in html and 'aria-invalid="true"' in html
    assert re.search(r'name="understand" value="no"[^>]*checked', html)
    assert re.search(r'name="sure" value="yes"[^>]*checked', html)
    # Nothing was saved as a finished answer, and the summary page does not pretend it was.
    assert SURE_ITEMS[3][1] not in client.get("/guide/summary/").content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("price_per_session", "0", "Enter a price of at least 1 for one session."),
        ("price_per_session", "250000", "Enter a price of 10,000 or less for one session."),
        ("price_per_session", "lots", "Enter the price of one session as a number, such as 250."),
        ("first_course_sessions", "0", "Enter between 1 and 52 sessions for the first course."),
        ("first_course_sessions", "99", "Enter between 1 and 52 sessions for the first course."),
        ("maintenance_per_year", "-1", "Enter between 0 and 52 top-up sessions a year."),
        ("maintenance_per_year", "3.5", "Enter the top-up sessions as a whole number, such as 4."),
    ],
)
def test_out_of_range_cost_numbers_give_a_clear_message_and_keep_the_rest(
    client, field, value, message
):
    data = {
        "price_per_session": "275.50",
        "first_course_sessions": "9",
        "maintenance_per_year": "3",
    }
    data[field] = value
    response = client.post("/guide/costs/", {**data, "action": "show"})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in error_summary(html)
    assert f'href="#id_{field}"' in error_summary(html)
    for name, typed in data.items():
        assert re.search(rf'name="{name}" value="{re.escape(escape(typed))}"', html), name
    assert 'id="results"' not in html


def _questions_page_data(own: str) -> dict:
    question = selectors.questions()[0]
    return {f"theme_{question.theme.slug}": [question.slug], "own": own, "action": "next"}


def test_sixth_own_question_is_refused_and_the_others_are_kept(client):
    own = "\n".join(f"Question number {n} about the clinic?" for n in range(1, 7))
    data = _questions_page_data(own)
    response = client.post("/guide/questions/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "You can add up to 5 questions of your own. You wrote 6." in error_summary(html)
    assert 'href="#id_own"' in error_summary(html)
    for n in range(1, 7):
        assert f"Question number {n} about the clinic?" in html
    picked = next(iter(v for k, v in data.items() if k.startswith("theme_")))[0]
    assert re.search(rf'value="{picked}"[^>]*checked', html)


def test_question_of_301_characters_is_refused_and_everything_else_kept(client):
    long_question = "Why " + "a" * 296 + "?"
    assert len(long_question) == 301
    data = _questions_page_data(f"A short one?\n{long_question}")
    response = client.post("/guide/questions/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Question 2 has 301 characters. Make it 300 characters or fewer." in error_summary(html)
    assert long_question in html and "A short one?" in html


def test_question_of_300_characters_is_accepted(client):
    data = _questions_page_data("Why " + "a" * 295 + "?")
    assert client.post("/guide/questions/", data).status_code == 302


def test_made_up_step_gives_the_styled_404_page(client):
    response = client.get("/guide/no-such-step/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html


def test_tampered_choice_is_refused_not_saved(client):
    response = client.post("/guide/situation/", {"diagnosed": "maybe", "action": "next"})
    assert response.status_code == 200
    assert 'href="#id_diagnosed_0"' in error_summary(response.content.decode())


@pytest.mark.parametrize(
    ("field", "bad"),
    [("sex", "other"), ("pregnancy", "maybe"), ("age", "17"), ("heart_medicines", "1")],
)
def test_a_personal_fit_value_outside_the_list_is_refused_and_the_rest_kept(client, field, bad):
    data = {"sex": "female", "pregnancy": "yes", "age": "18_to_39", "heart_medicines": "no"}
    response = client.post("/guide/situation/", {**data, field: bad, "action": "next"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="#id_{field}_0"' in error_summary(html)
    assert "situation" not in client.session.get("answers", {})
    for name, value in data.items():
        if name != field:
            assert re.search(rf'name="{name}" value="{value}"[^>]*checked', html), name


def test_a_leaning_or_help_outside_the_list_is_refused_and_the_rest_kept(client):
    sure = {key: "yes" for key, _ in SURE_ITEMS}
    response = client.post(
        "/guide/sure/", {**sure, "leaning": "magic-pill", "helps": "money", "action": "next"}
    )
    assert response.status_code == 200
    summary = error_summary(response.content.decode())
    assert 'href="#id_leaning_0"' in summary and 'href="#id_helps_0"' in summary
    assert "Choose one of the options, or I am not sure yet." in summary
    assert "sure" not in client.session.get("answers", {})
    assert re.search(r'name="support" value="yes"[^>]*checked', response.content.decode())
