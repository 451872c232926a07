"""A person walks the whole guide with the test client, changes their mind, and sees it all."""

import re

import pytest
from django.utils.html import escape

from decisionaid.content import selectors
from decisionaid.guide.steps import STEPS

pytestmark = pytest.mark.django_db

OWN_QUESTION = 'Is it "safe" & sterile? <b>tags</b> هل هو آمن؟ 这个安全吗？'
OTHER_OWN_QUESTION = "Who will do the injections, and how many have they done?"


def link_href(html: str, text: str) -> str:
    """The href of the first link whose text starts with `text`."""
    match = re.search(r'<a[^>]*href="([^"]+)"[^>]*>\s*' + re.escape(text), html)
    assert match, f"no link starting {text!r}"
    return match.group(1)


def post_step(client, slug: str, data: dict, action: str = "next"):
    return client.post(f"/guide/{slug}/", {**data, "action": action})


def test_person_walks_every_step_goes_back_and_sees_exactly_their_choices(client):
    landing = client.get("/").content.decode()
    page = client.get(link_href(landing, "Start the guide"))
    assert page.status_code == 200
    assert "Step 1 of 11" in page.content.decode()

    # Situation.
    options = selectors.options()
    tried = [o for o in options if not o.is_mesotherapy and o.evidence_level][0]
    response = post_step(
        client, "situation", {"diagnosed": "yes", "duration": "1_to_5", "tried": [tried.slug]}
    )
    assert response.status_code == 302
    assert response["Location"] == "/guide/what-it-is/"

    # The reading steps, followed by their Next links.
    url = response["Location"]
    for number in range(2, 6):
        html = client.get(url).content.decode()
        assert f"Step {number} of 11" in html
        url = link_href(html, "Next:")
    assert url == "/guide/costs/"

    # Costs: work it out, see it, then move on.
    assert client.get(url).status_code == 200
    costs = {"price_per_session": "300", "first_course_sessions": "8", "maintenance_per_year": "4"}
    response = post_step(client, "costs", costs, action="show")
    assert response["Location"] == "/guide/costs/#results"
    html = client.get("/guide/costs/").content.decode()
    assert "USD 2,400" in html and "USD 1,200" in html
    assert post_step(client, "costs", costs)["Location"] == "/guide/values/"

    # Values: the first statement matters most.
    statements = selectors.value_statements()
    assert statements, "the content has value statements"
    ratings = {f"rating_{s.slug}": "2" for s in statements}
    ratings[f"rating_{statements[0].slug}"] = "5"
    assert post_step(client, "values", ratings, action="show").status_code == 302
    html = client.get("/guide/values/").content.decode()
    assert escape(statements[0].statement) in html.split('id="results"')[1]
    assert post_step(client, "values", ratings)["Location"] == "/guide/understanding/"

    # Understanding: answer every statement "true" and get feedback on each.
    items = selectors.quiz_items()
    quiz = {f"quiz_{item.slug}": "true" for item in items}
    post_step(client, "understanding", quiz, action="show")
    html = client.get("/guide/understanding/").content.decode()
    for item in items:
        assert escape(item.explanation) in html
    assert post_step(client, "understanding", quiz)["Location"] == "/guide/questions/"

    # Questions: the default picks are ticked; drop one, add one, and write two of their own.
    html = client.get("/guide/questions/").content.decode()
    defaults = selectors.default_question_slugs()
    for slug in defaults:
        assert re.search(rf'value="{slug}"[^>]*checked', html)
    bank = selectors.questions()
    not_default = [q for q in bank if q.slug not in defaults]
    chosen = [q for q in bank if q.slug in defaults[1:]] + not_default[:1]
    picks: dict[str, list[str]] = {}
    for question in chosen:
        picks.setdefault(f"theme_{question.theme.slug}", []).append(question.slug)
    own = f"{OWN_QUESTION}\r\n\r\n{OTHER_OWN_QUESTION}"
    assert post_step(client, "questions", {**picks, "own": own})["Location"] == "/guide/sure/"

    # SURE: one "no" first; then going Back keeps it, and they change their mind.
    sure = {"sure": "no", "understand": "yes", "risks_benefits": "yes", "support": "yes"}
    assert post_step(client, "sure", sure)["Location"] == "/guide/summary/"
    summary = client.get("/guide/summary/").content.decode()
    assert "You said no to at least one question" in summary
    assert link_href(summary, "Back") == "/guide/sure/"
    html = client.get("/guide/sure/").content.decode()
    assert re.search(r'name="sure" value="no"[^>]*checked', html)
    assert post_step(client, "sure", {**sure, "sure": "yes"})["Location"] == "/guide/summary/"

    summary = client.get("/guide/summary/").content.decode()
    assert "Step 11 of 11" in summary
    assert "You said no to at least one question" not in summary
    # The situation, in words.
    assert "1 to 5 years" in summary and escape(tried.name) in summary
    # The cost.
    assert "USD 2,400" in summary and "USD 1,200" in summary
    # What matters: only the statement rated 5.
    priorities = summary.split('id="sum-values"')[1].split("</section>")[0]
    assert escape(statements[0].statement) in priorities
    for statement in statements[1:]:
        assert escape(statement.statement) not in priorities
    # Exactly the chosen questions, and their own text escaped.
    chosen_list = summary.split('class="chosen-questions"')[1].split("</ul>")[0]
    for question in bank:
        assert (escape(question.text) in chosen_list) == (question in chosen), question.slug
    assert escape(OWN_QUESTION) in chosen_list
    assert "&lt;b&gt;tags&lt;/b&gt;" in chosen_list and "<b>tags</b>" not in summary
    assert "&quot;safe&quot; &amp; sterile" in chosen_list
    assert "هل هو آمن؟" in chosen_list and "这个安全吗？" in chosen_list
    assert escape(OTHER_OWN_QUESTION) in chosen_list


def test_back_button_saves_valid_answers_and_returns_to_the_previous_step(client):
    response = post_step(client, "sure", {"sure": "yes"}, action="back")
    assert response["Location"] == "/guide/questions/"
    html = client.get("/guide/sure/").content.decode()
    assert re.search(r'name="sure" value="yes"[^>]*checked', html)


def test_skip_moves_on_without_saving(client):
    response = post_step(client, "values", {}, action="skip")
    assert response["Location"] == "/guide/understanding/"
    assert 'id="results"' not in client.get("/guide/values/").content.decode()


def test_every_step_is_reachable_directly_with_its_progress_line(client):
    for number, step in enumerate(STEPS, start=1):
        response = client.get(f"/guide/{step.slug}/")
        assert response.status_code == 200, step.slug
        html = response.content.decode()
        assert f"Step {number} of {len(STEPS)}" in html
        assert re.search(rf"<h1[^>]*>.*Step {number} of {len(STEPS)}", html), step.slug


def test_warning_signs_bring_the_see_a_doctor_prompt_to_the_next_page(client):
    post_step(client, "situation", {"warning_signs": ["sudden"]})
    html = client.get("/guide/what-it-is/").content.decode()
    passages = selectors.passages_for("situation-see-doctor")
    assert passages
    assert 'class="notice notice-danger see-doctor"' in html
    assert escape(passages[0].body.split("\n")[0]) in html


def test_start_over_wipes_the_answers_and_returns_to_the_landing_page(client):
    post_step(client, "sure", {"sure": "no", "understand": "no", "risks_benefits": "no",
                                "support": "no"})  # fmt: skip
    response = client.post("/guide/start-over/")
    assert response["Location"] == "/"
    assert "You did not answer these questions" in client.get("/guide/summary/").content.decode()
    assert client.get("/guide/start-over/").status_code == 405
