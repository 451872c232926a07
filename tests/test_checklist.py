"""The printable checklist page: what it holds, how it prints, and what it refuses."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape

from decisionaid.content import selectors
from decisionaid.guide.answers import Answers

pytestmark = pytest.mark.django_db


def set_answers(client, answers: dict) -> None:
    session = client.session
    Answers(session).replace_all(answers)
    session.save()


def page(client) -> str:
    response = client.get(reverse("checklist:page"))
    assert response.status_code == 200
    return response.content.decode()


def test_empty_session_still_lists_the_default_questions_and_key_facts(client):
    html = page(client)
    defaults = [q for q in selectors.questions() if q.selected_by_default]
    assert defaults
    for question in defaults:
        assert escape(question.text) in html
    not_defaults = [q for q in selectors.questions() if not q.selected_by_default]
    assert all(q.text not in html for q in not_defaults)
    facts = selectors.key_facts()
    assert facts
    for fact in facts:
        assert fact.text in html


def test_page_shows_the_intro_from_content_the_date_and_the_content_version(client):
    html = page(client)
    for passage in selectors.passages_for("checklist-intro"):
        assert passage.body.split("\n")[0] in html
    release = selectors.current_release()
    assert f"Content version {release.label}" in html
    assert f"Fingerprint {release.fingerprint}" in html
    assert f"Made on {date_format(timezone.localdate(), 'j F Y')}" in html


def test_chosen_and_own_questions_each_get_a_tick_box_and_lines_to_write_on(client):
    chosen = selectors.questions()[-1]
    set_answers(client, {"questions": {"selected": [chosen.slug], "own": ["Who mixes it?"]}})
    html = page(client)
    assert escape(chosen.text) in html
    assert "Who mixes it?" in html
    assert html.count('class="tick-box"') == 2
    assert html.count('class="answer-lines"') == 2


def test_a_persons_text_is_escaped_on_the_page(client):
    set_answers(client, {"questions": {"selected": [], "own": ['<img src="x" onerror="y">']}})
    html = page(client)
    assert '<img src="x"' not in html
    assert "&lt;img src=&quot;x&quot; onerror=&quot;y&quot;&gt;" in html


def test_cost_priorities_and_sure_come_from_the_answers(client):
    statements = selectors.value_statements()
    set_answers(
        client,
        {
            "costs": {
                "price_per_session": "300",
                "first_course_sessions": 5,
                "maintenance_per_year": 3,
            },
            "values": {"ratings": {s.slug: 5 for s in statements[:1]}},
            "sure": {"sure": "yes", "understand": "no", "risks_benefits": "yes", "support": "yes"},
        },
    )
    html = page(client)
    assert "USD 1,500.00" in html and "USD 900.00" in html
    assert statements[0].short_label in html
    assert "You answered yes to 3 of 4." in html
    assert "sure-note" in html


def test_sure_note_appears_only_when_an_answer_was_no(client):
    all_yes = dict.fromkeys(("sure", "understand", "risks_benefits", "support"), "yes")
    set_answers(client, {"sure": all_yes})
    html = page(client)
    assert "You answered yes to 4 of 4." in html
    assert "sure-note" not in html


def test_sources_cited_are_listed_with_the_guides_numbers(client):
    html = page(client)
    cited = set(re.findall(r'href="#cited-(\d+)"', html))
    listed = set(re.findall(r'id="cited-(\d+)"', html))
    assert cited and cited == listed


def test_print_button_needs_javascript_and_a_hint_works_without_it(client):
    html = page(client)
    assert re.search(r'<button type="button" class="btn js-print" hidden>', html)
    assert "js/checklist-print.js" in html
    assert "Print command" in html
    assert f'href="{reverse("checklist:pdf")}?paper=a4"' in html
    assert f'href="{reverse("checklist:pdf")}?paper=letter"' in html


def test_page_keeps_the_strict_content_security_policy(client):
    html = page(client)
    assert "<style" not in html
    assert 'style="' not in html
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None
    assert re.search(r"\son[a-z]+=", html) is None


def test_page_and_pdf_are_not_kept_by_browsers_or_proxies(client):
    response = client.get(reverse("checklist:page"))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("paper", ["a3", "legal", "../../etc", "<script>"])
def test_unknown_paper_size_gets_a_clear_400_page(client, paper):
    response = client.get(reverse("checklist:pdf"), {"paper": paper})
    assert response.status_code == 400
    html = response.content.decode()
    assert "A4" in html and "US Letter" in html
    assert "<script>" not in html
    assert f'href="{reverse("checklist:pdf")}?paper=letter"' in html


def test_paper_name_is_not_case_sensitive(client):
    response = client.get(reverse("checklist:pdf"), {"paper": "Letter"})
    assert response.status_code == 200


def test_checklist_refuses_posts(client):
    assert client.post(reverse("checklist:page")).status_code == 405
    assert client.post(reverse("checklist:pdf")).status_code == 405


def test_the_cached_parts_follow_each_change_to_a_persons_choices(client):
    """The grid, the facts and quiz, and the sources are cached per content release and picked
    choices: a changed rating, situation, quiz answer or question choice shows at once."""
    statements = selectors.value_statements()
    set_answers(client, {"values": {"ratings": {statements[0].slug: 5}}})
    first = page(client)
    assert f"{statements[0].short_label} <span" in first
    assert f"{statements[1].short_label} <span" not in first

    set_answers(client, {"values": {"ratings": {statements[1].slug: 5}}})
    second = page(client)
    assert f"{statements[1].short_label} <span" in second
    assert f"{statements[0].short_label} <span" not in second

    set_answers(client, {"situation": {"pregnancy": "yes", "tried": [], "warning_signs": []}})
    assert "May not suit you" in page(client)

    item = selectors.quiz_items()[0]
    set_answers(client, {"understanding": {"responses": {item.slug: "not_sure"}}})
    assert "You were not sure." in page(client)

    chosen = [q for q in selectors.questions() if not q.selected_by_default][0]
    cited = [s.number for s in chosen.sources.all()]
    set_answers(client, {"questions": {"selected": [chosen.slug], "own": []}})
    listed = set(re.findall(r'id="cited-(\d+)"', page(client)))
    assert {str(n) for n in cited} <= listed
