"""Personal fit: suitability notes follow the person's answers everywhere an option appears,
nothing is hidden or ranked, and the leaning and see-a-doctor notice reach the checklist and PDF."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader
from test_pdf import typical_answers

from decisionaid.content import selectors
from decisionaid.content.models import SuitabilityNote
from decisionaid.guide.answers import Answers
from decisionaid.guide.rules import (
    fits_by_option,
    priorities,
    suitability_by_option,
    suitability_conditions,
)

pytestmark = pytest.mark.django_db

MAY_NOT_SUIT = "May not suit you"
PREGNANT = {"pregnancy": "yes", "tried": [], "warning_signs": []}
# Finasteride fits well on both of these in the content; they are what must never say so.
FINASTERIDE_GOOD = {"avoid-needles": 5, "strong-evidence": 5}


def set_answers(client, answers: dict) -> None:
    session = client.session
    Answers(session).replace_all(answers)
    session.save()


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def pdf_text(client) -> tuple[str, int]:
    response = client.get(reverse("checklist:pdf") + "?paper=a4")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages)


def finasteride_note() -> SuitabilityNote:
    return SuitabilityNote.objects.get(slug="finasteride-pregnancy")


def words(text: str) -> str:
    """The note's first few words, as they appear in extracted text (apostrophes can change)."""
    return " ".join(text.split()[:8])


# The rule, on its own.


def test_no_answer_or_prefer_not_to_say_calls_for_no_note():
    assert suitability_conditions({}) == set()
    prefer_not = dict.fromkeys(("sex", "pregnancy", "age", "heart_medicines"), "prefer_not")
    assert suitability_conditions(prefer_not) == set()
    assert suitability_by_option(prefer_not, selectors.suitability_notes()) == {}


def test_each_clear_answer_calls_for_its_own_kind_of_note():
    assert suitability_conditions({"sex": "female"}) == {"female"}
    assert suitability_conditions({"sex": "male"}) == set()
    assert suitability_conditions({"pregnancy": "yes"}) == {"pregnancy"}
    assert suitability_conditions({"pregnancy": "no"}) == set()
    assert suitability_conditions({"age": "under_18"}) == {"under_18"}
    assert suitability_conditions({"age": "65_plus"}) == set()
    assert suitability_conditions({"heart_medicines": "yes"}) == {"heart_medicines"}
    assert suitability_conditions({"heart_medicines": "not_sure"}) == {"heart_medicines"}
    assert suitability_conditions({"heart_medicines": "no"}) == set()


def test_pregnancy_matches_the_finasteride_note_and_leaves_other_options_without_one():
    matched = suitability_by_option(PREGNANT, selectors.suitability_notes())
    assert finasteride_note() in matched["oral-finasteride"]
    assert "oral-minoxidil" not in matched and "no-treatment" not in matched
    assert all(n.applies_to == "pregnancy" for notes in matched.values() for n in notes)


def test_heart_medicines_match_the_minoxidil_tablets_note():
    matched = suitability_by_option({"heart_medicines": "yes"}, selectors.suitability_notes())
    assert [n.slug for n in matched["oral-minoxidil"]] == ["oral-minoxidil-heart"]


def test_a_fit_is_replaced_by_may_not_suit_but_the_row_and_its_order_stay():
    options = selectors.options()
    cautions = suitability_by_option(PREGNANT, selectors.suitability_notes())
    priority = priorities(FINASTERIDE_GOOD)[0]
    rows = fits_by_option(priority, options, cautions)
    assert [row.option for row in rows] == options
    by_slug = {row.option.slug: row for row in rows}
    assert by_slug["oral-finasteride"].fit.fit == "good"
    assert by_slug["oral-finasteride"].shown_fit == "may_not_suit"
    plain = {row.option.slug: row.shown_fit for row in fits_by_option(priority, options)}
    assert plain["oral-finasteride"] == "good"


def test_every_suitability_note_cites_a_source():
    notes = SuitabilityNote.objects.prefetch_related("sources")
    assert notes.exists()
    for note in notes:
        assert note.sources.exists(), note.slug


# The pages.


def test_pregnant_person_sees_the_finasteride_note_on_the_options_table_and_compare_view(client):
    set_answers(client, {"situation": PREGNANT})
    note = finasteride_note()
    for url in ("/guide/options/", "/guide/options/?a=oral-finasteride&b=mesotherapy"):
        html = html_of(client, url)
        assert MAY_NOT_SUIT in html and note.note.replace("'", "&#x27;") in html, url
        assert "/sources/#source-38" in html  # the Propecia label, cited beside the note
    html = html_of(client, "/guide/options/")
    for option in selectors.options():
        assert option.name in html


def test_pregnant_person_never_sees_finasteride_called_a_good_fit_on_the_values_step(client):
    set_answers(client, {"situation": PREGNANT, "values": {"ratings": FINASTERIDE_GOOD}})
    html = html_of(client, "/guide/values/")
    rows = re.findall(
        r"<tr>\s*<th scope=\"row\">Finasteride tablets \(1 mg\)</th>(.*?)</tr>", html, re.S
    )
    assert len(rows) == 2
    for row in rows:
        assert MAY_NOT_SUIT in row and "Fits well" not in row
        assert finasteride_note().note.replace("'", "&#x27;") in row
    # Every option still has its row in each table.
    for option in selectors.options():
        assert html.count(f'<th scope="row">{option.name}</th>') == 2


def test_pregnant_person_sees_the_note_on_the_checklist_and_in_the_pdf(client):
    set_answers(client, {"situation": PREGNANT, "values": {"ratings": FINASTERIDE_GOOD}})
    html = html_of(client, "/checklist/")
    assert MAY_NOT_SUIT in html and finasteride_note().note.replace("'", "&#x27;") in html
    grid = re.search(r'<table class="fit-grid">.*?</table>', html, re.S).group(0)
    finasteride = re.search(
        r"<th scope=\"row\">Finasteride tablets</th>(.*?)</tr>", grid, re.S
    ).group(1)
    assert "Fits well" not in finasteride and MAY_NOT_SUIT in finasteride
    for option in selectors.options():
        assert f'<th scope="row">{option.short_name}</th>' in grid
    text, _ = pdf_text(client)
    assert MAY_NOT_SUIT in text
    assert words(finasteride_note().note) in text


def test_with_no_answers_no_suitability_line_appears_anywhere(client):
    set_answers(client, {"values": {"ratings": FINASTERIDE_GOOD}})
    for url in (
        "/guide/options/",
        "/guide/options/?a=oral-finasteride&b=mesotherapy",
        "/guide/values/",
        "/guide/summary/",
        "/checklist/",
    ):
        assert MAY_NOT_SUIT not in html_of(client, url), url
    text, _ = pdf_text(client)
    assert MAY_NOT_SUIT not in text
    html = html_of(client, "/guide/values/")
    assert "Fits well" in html


def test_prefer_not_to_say_shows_the_guide_as_with_no_answers(client):
    prefer_not = dict.fromkeys(("sex", "pregnancy", "age", "heart_medicines"), "prefer_not")
    set_answers(client, {"situation": prefer_not, "values": {"ratings": FINASTERIDE_GOOD}})
    for url in ("/guide/options/", "/guide/values/", "/checklist/"):
        assert MAY_NOT_SUIT not in html_of(client, url), url


def test_situation_page_asks_the_new_questions_and_says_why(client):
    html = html_of(client, "/guide/situation/")
    for name in ("sex", "pregnancy", "age", "heart_medicines"):
        assert f'name="{name}" value="prefer_not"' in html, name
    passage = selectors.passages_for("situation")
    why = next(p for p in passage if p.slug == "situation-personal-fit")
    assert why.heading in html
    assert "kept just like your other answers" in why.body


LEANING = {
    "sure": "yes",
    "understand": "yes",
    "risks_benefits": "yes",
    "support": "no",
    "leaning": "light-therapy",
    "helps": ["talk_doctor", "talk_family"],
}


def test_leaning_and_what_would_help_appear_on_summary_checklist_and_pdf(client):
    set_answers(client, {"sure": LEANING})
    option = next(o for o in selectors.options() if o.slug == "light-therapy")
    for url in ("/guide/summary/", "/checklist/"):
        html = html_of(client, url)
        assert option.name in html and "Talking to my doctor" in html, url
        assert "Talking to family or friends" in html, url
    text, _ = pdf_text(client)
    assert option.name in text and "Talking to my doctor" in text


def test_not_sure_yet_is_shown_as_a_leaning(client):
    set_answers(client, {"sure": {"leaning": "not_sure_yet"}})
    assert "I am not sure yet" in html_of(client, "/checklist/")
    assert "I am not sure yet" in html_of(client, "/guide/summary/")


def test_see_a_doctor_notice_is_on_the_checklist_and_pdf_only_when_called_for(client):
    heading = selectors.passages_for("checklist-see-doctor")[0].heading
    set_answers(client, {"situation": {"tried": [], "warning_signs": ["patchy"]}})
    assert heading in html_of(client, "/checklist/")
    text, _ = pdf_text(client)
    assert heading in text
    set_answers(client, {"situation": {"tried": [], "warning_signs": []}})
    assert heading not in html_of(client, "/checklist/")
    text, _ = pdf_text(client)
    assert heading not in text


def test_situation_is_one_line_on_the_checklist(client):
    set_answers(
        client,
        {"situation": {"sex": "female", "age": "40_to_64", "tried": [], "warning_signs": []}},
    )
    html = html_of(client, "/checklist/")
    line = re.search(r'<p class="situation-line">(.*?)</p>', html, re.S).group(1)
    assert "Sex: Female" in line and "Age: 40 to 64" in line


def test_a_typical_persons_pdf_with_the_new_answers_is_still_two_a4_pages(client):
    # Typical: the PDF tests' person, with every new question answered; two notes apply (both
    # for women), no warning sign.
    answers = typical_answers()
    answers["situation"] = {
        "diagnosed": "yes",
        "duration": "1_to_5",
        "tried": ["topical-minoxidil"],
        "warning_signs": [],
        "sex": "female",
        "pregnancy": "no",
        "age": "40_to_64",
        "heart_medicines": "no",
    }
    answers["sure"] = {**LEANING, "sure": "no"}
    set_answers(client, answers)
    text, pages = pdf_text(client)
    assert pages == 2
    for option in selectors.options():
        assert option.short_name in text
    assert MAY_NOT_SUIT in text and "Can I see your licence?" in text
