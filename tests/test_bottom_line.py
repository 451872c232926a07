"""Bottom line first: "In short" atop every step, studies at a glance, one primary button."""

import re

import pytest
from django.utils.html import escape

from decisionaid.content import selectors
from decisionaid.guide.steps import STEPS

pytestmark = pytest.mark.django_db

FORM_ACTIONS = ["next", "show", "skip", "back"]


def main_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def classes_of_buttons(main: str) -> list[str]:
    """The class list of every button and button-styled link, in page order."""
    return re.findall(r'<(?:a|button)\b[^>]*\bclass="(btn[^"]*)"', main)


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.slug)
def test_in_short_comes_right_after_the_heading_and_is_said_once(client, step):
    main = main_of(client, f"/guide/{step.slug}/")
    after_heading = main.split("</h1>", 1)[1].lstrip()
    assert after_heading.startswith('<div class="in-short">'), after_heading[:200]
    (passage,) = selectors.passages_for(step.in_short_page)
    assert f">{passage.heading}</h2>" in after_heading[:400]
    for paragraph in passage.body.split("\n\n"):
        assert main.count(escape(paragraph)) == 1, paragraph


def test_in_short_is_not_printed_on_the_checklist(client):
    html = client.get("/checklist/").content.decode()
    for step in STEPS:
        for passage in selectors.passages_for(step.in_short_page):
            for paragraph in passage.body.split("\n\n"):
                assert escape(paragraph) not in html, step.slug


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.slug)
def test_each_step_has_one_primary_button_and_the_rest_are_quieter(client, step):
    classes = classes_of_buttons(main_of(client, f"/guide/{step.slug}/"))
    assert classes.count("btn") == 1, classes
    assert all(c in ("btn", "btn btn-secondary", "btn btn-link") for c in classes), classes


@pytest.mark.parametrize("step", [s for s in STEPS if s.form_class], ids=lambda s: s.slug)
def test_form_buttons_come_in_the_same_order_on_every_step_primary_first(client, step):
    main = main_of(client, f"/guide/{step.slug}/")
    row = main[main.index('<div class="btn-row">') :].split("</div>", 1)[0]
    actions = re.findall(r'value="(\w+)" class="(btn[^"]*)"', row)
    assert actions[0] == ("next", "btn")
    order = [action for action, _ in actions]
    assert order == [a for a in FORM_ACTIONS if a in order]
    assert ("show", "btn btn-secondary") in actions or not step.shows_results


def cards(main: str) -> list[str]:
    return re.findall(r'<details class="card study">.*?</details>', main, re.S)


def evidence_main(client) -> str:
    return main_of(client, "/guide/evidence/")


def test_evidence_table_lists_every_study_before_the_cards_and_links_into_each_card(client):
    main = evidence_main(client)
    table = main[main.index('<table class="glance">') : main.index("</table>")]
    assert main.index("</table>") < main.index('<details class="card study">')
    for study in selectors.studies():
        assert f'<a href="#study-{study.slug}">{escape(study.title)}</a>' in table
        assert escape(study.glance_result) in table
        assert escape(study.size_text) in table
        assert study.get_certainty_display() in table
        # The link's target is in the card's body, not its summary, so following it opens it.
        (card,) = [card for card in cards(main) if f'id="study-{study.slug}"' in card]
        assert f'id="study-{study.slug}"' in card.split("</summary>", 1)[1]


def test_evidence_cards_and_reading_notes_are_closed_details_after_the_table(client):
    main = evidence_main(client)
    assert "<details" in main and " open" not in re.findall(r"<details[^>]*>", main)[0]
    assert not [tag for tag in re.findall(r"<details[^>]*>", main) if "open" in tag]
    assert main.count('<details class="card study">') == len(selectors.studies())
    for passage in selectors.passages_for("evidence"):
        note = re.search(
            r'<details class="explain">\s*<summary><h2>' + re.escape(escape(passage.heading)),
            main,
        )
        assert note, passage.slug
        assert main.index("</table>") < note.start()


def test_each_study_card_says_its_design_once(client):
    main = evidence_main(client)
    for study in selectors.studies():
        assert f"<dt>Type of study</dt><dd>{escape(study.design)}</dd>" in main, study.slug
    assert "Controlled trial. Controlled trial." not in main
    assert "Review of studies. Systematic review." not in main
