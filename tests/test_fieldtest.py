"""Field-test mode: off by default, anonymous rows when on, invited once, nothing left pointing."""

import datetime
import json
import re

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from test_kiosk import leave_alone

from decisionaid.fieldtest.instrument import ITEM_KEYS, items_on
from decisionaid.fieldtest.models import Response
from decisionaid.fieldtest.services import week_of
from decisionaid.fieldtest.visit import DONE_KEY, DRAFT_KEY
from decisionaid.guide.answers import Answers
from decisionaid.kiosk import idle

pytestmark = pytest.mark.django_db

SUMMARY = reverse("guide:step", kwargs={"slug": "summary"})
INVITE = 'class="notice field-test-invite'
# Every field a row may have. A new field must be added here on purpose, after asking whether
# it could identify anyone: a session key, an address, a user agent, a time, free text.
ALLOWED_FIELDS = {
    "id",
    "week",
    "content_version",
    "language",
    "mode",
    *ITEM_KEYS,
    "sure_score",
    "quiz_correct",
}
PERSON_ANSWERS = {
    "sure": {"sure": "yes", "understand": "yes", "risks_benefits": "no", "support": "yes"},
    "understanding": {
        "responses": {"quiz-approved": "false", "quiz-pain": "true", "quiz-scarring": "false"}
    },
    "questions": {"selected": [], "own": ["Who trained you?"]},
}


@pytest.fixture
def field_test(settings):
    settings.FIELD_TEST = True


def page_data(page: int, value: int = 2) -> dict:
    return {item.key: str(value) for item in items_on(page)}


def with_answers(client, answers: dict = PERSON_ANSWERS) -> None:
    session = client.session
    Answers(session).replace_all(answers)
    session.save()


def answer_everything(client, *, share: bool) -> None:
    assert client.post(reverse("fieldtest:questions", args=[1]), page_data(1, 4)).status_code == 302
    data = {**page_data(2, 2), "action": "send"}
    if share:
        data["share_results"] = "on"
    response = client.post(reverse("fieldtest:questions", args=[2]), data)
    assert response["Location"] == reverse("fieldtest:thanks")


def session_data(client) -> dict:
    row = Session.objects.get(session_key=client.session.session_key)
    return row.get_decoded()


# Off by default ---------------------------------------------------------------------------


def test_field_test_is_off_by_default():
    from django.conf import settings

    assert settings.FIELD_TEST is False


def test_off_no_invitation_no_pages_and_no_rows(client, settings):
    settings.FIELD_TEST = False
    with_answers(client)
    assert INVITE not in client.get(SUMMARY).content.decode()
    client.post(reverse("kiosk:enter"))
    assert INVITE not in client.get(reverse("checklist:page")).content.decode()
    for url in (reverse("fieldtest:consent"), reverse("fieldtest:thanks")):
        assert client.get(url).status_code == 404
    assert client.post(reverse("fieldtest:questions", args=[1]), page_data(1)).status_code == 404
    send = {**page_data(2), "action": "send", "share_results": "on"}
    assert client.post(reverse("fieldtest:questions", args=[2]), send).status_code == 404
    assert client.post(reverse("fieldtest:decline")).status_code == 404
    assert Response.objects.count() == 0
    assert "The short test of this guide" not in client.get(reverse("pages:about")).content.decode()


# On: invitation, consent, questionnaire ----------------------------------------------------


def test_on_the_summary_invites_with_a_consent_page_and_a_one_click_skip(client, field_test):
    html = client.get(SUMMARY).content.decode()
    assert INVITE in html
    assert reverse("fieldtest:consent") in html
    assert reverse("fieldtest:decline") in html
    consent = client.get(reverse("fieldtest:consent")).content.decode()
    for words in (
        "What we ask",
        "It is up to you",
        "No one can link your answers to you",
        "Who sees the results",
        "nowhere to type",
    ):
        assert words in consent, words


def test_a_submission_stores_one_row_with_only_the_allowed_values(client, field_test):
    with_answers(client)
    answer_everything(client, share=False)
    row = Response.objects.get()
    assert row.mode == "home"
    assert row.language == "en"
    assert row.week == week_of(datetime.date.today())
    assert row.week.weekday() == 0
    assert row.content_version
    assert [getattr(row, item.key) for item in items_on(1)] == [4] * len(items_on(1))
    assert [getattr(row, item.key) for item in items_on(2)] == [2] * len(items_on(2))
    assert row.sure_score is None and row.quiz_correct is None


def test_sure_score_and_quiz_correct_are_copied_only_if_the_person_agrees(client, field_test):
    with_answers(client)
    answer_everything(client, share=True)
    row = Response.objects.get()
    assert row.sure_score == 3
    # quiz-approved is false (right), quiz-pain is true (right), quiz-scarring is true (wrong).
    assert row.quiz_correct == 2


def test_every_question_is_optional(client, field_test):
    client.post(reverse("fieldtest:questions", args=[1]), {})
    client.post(reverse("fieldtest:questions", args=[2]), {"action": "send"})
    row = Response.objects.get()
    assert all(getattr(row, key) is None for key in ITEM_KEYS)


def test_after_submitting_the_session_holds_only_a_flag(client, field_test):
    with_answers(client)
    answer_everything(client, share=True)
    row = Response.objects.get()
    data = session_data(client)
    assert data[DONE_KEY] == "answered"
    assert DRAFT_KEY not in data
    assert set(data) - {"answers", DONE_KEY} == set()
    flat = json.dumps(data)
    assert str(row.pk) not in flat and row.pk.hex not in flat
    # Nothing in the page or its address points at the row either.
    thanks = client.get(reverse("fieldtest:thanks"))
    assert str(row.pk) not in thanks.content.decode()


def test_the_row_model_has_no_field_that_could_identify_anyone():
    names = {field.name for field in Response._meta.get_fields()}
    assert names == ALLOWED_FIELDS, f"new fields need a privacy review: {names ^ ALLOWED_FIELDS}"
    for field in Response._meta.concrete_fields:
        # No free text: every text field is a short code from a fixed list or the version.
        assert field.get_internal_type() != "TextField", field.name
        assert field.get_internal_type() not in ("DateTimeField", "GenericIPAddressField")


def test_the_person_is_invited_once_per_visit(client, field_test):
    client.post(reverse("fieldtest:decline"), {"return_to": "summary"})
    assert INVITE not in client.get(SUMMARY).content.decode()
    assert client.get(reverse("fieldtest:consent"))["Location"] == reverse("fieldtest:thanks")
    client.post(reverse("fieldtest:questions", args=[1]), page_data(1))
    assert Response.objects.count() == 0
    assert session_data(client)[DONE_KEY] == "declined"


def test_a_second_submission_in_one_visit_is_not_stored(client, field_test):
    answer_everything(client, share=False)
    client.post(reverse("fieldtest:questions", args=[2]), {**page_data(2), "action": "send"})
    assert Response.objects.count() == 1
    assert INVITE not in client.get(SUMMARY).content.decode()


def test_back_keeps_the_draft_and_nothing_is_stored_until_send(client, field_test):
    client.post(reverse("fieldtest:questions", args=[1]), page_data(1, 5))
    back = client.post(reverse("fieldtest:questions", args=[2]), {"action": "back", "length": "1"})
    assert back["Location"] == reverse("fieldtest:questions", args=[1])
    assert Response.objects.count() == 0
    assert session_data(client)[DRAFT_KEY]["length"] == 1
    page = client.get(reverse("fieldtest:questions", args=[1])).content.decode()
    chosen = re.search(r'<input[^>]*name="prep_choices"[^>]*checked[^>]*>', page)
    assert chosen is not None and 'value="5"' in chosen.group(0)


def test_start_over_deletes_a_half_filled_questionnaire(client, field_test):
    client.post(reverse("fieldtest:questions", args=[1]), page_data(1))
    key = client.session.session_key
    client.post(reverse("guide:start-over"))
    assert not Session.objects.filter(session_key=key).exists()
    assert Response.objects.count() == 0


def test_the_kiosk_idle_reset_clears_a_half_filled_questionnaire(client, field_test):
    client.post(reverse("kiosk:enter"))
    with_answers(client)
    client.post(reverse("fieldtest:questions", args=[1]), page_data(1))
    old_key = client.session.session_key
    assert DRAFT_KEY in session_data(client)
    leave_alone(client, idle.idle_limit_seconds() + 5)

    response = client.get(reverse("fieldtest:questions", args=[2]))

    assert response["Location"] == reverse("pages:landing") + "?cleared=idle"
    assert not Session.objects.filter(session_key=old_key).exists()
    assert DRAFT_KEY not in client.session
    # The next person starts a blank questionnaire, and nothing was stored.
    client.post(reverse("fieldtest:questions", args=[2]), {"action": "send"})
    row = Response.objects.get()
    assert all(getattr(row, key) is None for key in ITEM_KEYS)


def test_a_kiosk_submission_is_marked_kiosk_and_the_checklist_invites(client, field_test):
    client.post(reverse("kiosk:enter"))
    with_answers(client)
    html = client.get(reverse("checklist:page")).content.decode()
    assert INVITE in html
    assert 'name="return_to" value="checklist"' in html
    answer_everything(client, share=False)
    assert Response.objects.get().mode == "kiosk"
    assert 'class="kiosk-finish"' in client.get(reverse("fieldtest:thanks")).content.decode()


def test_the_skip_returns_only_to_known_pages(client, field_test):
    response = client.post(reverse("fieldtest:decline"), {"return_to": "https://evil.example/"})
    assert response["Location"] == SUMMARY
    response = client.post(reverse("fieldtest:decline"), {"return_to": "checklist"})
    assert response["Location"] == reverse("checklist:page")


@pytest.mark.parametrize(
    "data",
    [
        {"prep_choices": "9"},
        {"prep_choices": "many"},
        {"comments": "hello"},
        {"prep_choices": ["1", "2"]},
    ],
)
def test_bad_answers_get_a_4xx_and_nothing_is_stored(client, field_test, data):
    response = client.post(reverse("fieldtest:questions", args=[1]), data)
    assert 400 <= response.status_code < 500
    assert Response.objects.count() == 0


def test_an_unknown_questionnaire_page_is_404(client, field_test):
    assert client.get(reverse("fieldtest:questions", args=[3])).status_code == 404


def test_questionnaire_pages_are_never_cached(client, field_test):
    response = client.get(reverse("fieldtest:questions", args=[1]))
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


# What the site says -------------------------------------------------------------------------


def test_about_says_what_is_collected_and_why_only_when_on(client, settings):
    settings.FIELD_TEST = True
    html = client.get(reverse("pages:about")).content.decode()
    assert "The short test of this guide" in html
    for words in ("What we keep", "the week", "version of the guide", "Why we ask"):
        assert words in html, words
    assert html.index("What we keep about you") < html.index("The short test of this guide")
    settings.FIELD_TEST = False
    assert "The short test of this guide" not in client.get(reverse("pages:about")).content.decode()


def test_how_made_names_the_licences_with_links(client):
    html = client.get(reverse("how-made")).content.decode()
    assert "The questions we use to test the guide" in html
    assert "must not change them" in html
    assert "We wrote our own questions" in html
    sources = client.get(reverse("pages:sources")).content.decode()
    assert "https://decisionaid.ohri.ca/eval.html" in sources
    assert "https://decisionaid.ohri.ca/eval_accept.html" in sources


def test_the_instrument_records_the_licences_it_found():
    from decisionaid.fieldtest import instrument

    doc = instrument.__doc__
    assert "https://decisionaid.ohri.ca/eval.html" in doc
    assert "https://decisionaid.ohri.ca/eval_accept.html" in doc
    assert "do not alter them" in doc


def test_stopping_part_way_sends_nothing_and_forgets_the_draft(client, field_test):
    client.post(reverse("fieldtest:questions", args=[1]), page_data(1))
    response = client.post(reverse("fieldtest:decline"), {"return_to": "summary"})
    assert response["Location"] == SUMMARY
    data = session_data(client)
    assert DRAFT_KEY not in data and data[DONE_KEY] == "declined"
    assert Response.objects.count() == 0


def test_the_texts_match_the_questionnaire_and_the_report_rule():
    from decisionaid.content.models import Passage
    from decisionaid.fieldtest.instrument import ITEMS
    from decisionaid.fieldtest.report import MIN_GROUP

    invite = Passage.objects.get(slug="field-test-invite").body
    consent = Passage.objects.get(slug="field-test-consent").body
    about = Passage.objects.get(slug="about-field-test").body
    assert f"{len(ITEMS)} short questions" in invite
    assert f"{len(ITEMS)} short questions" in consent
    assert f"fewer than {MIN_GROUP} people" in consent
    assert f"fewer than {MIN_GROUP} people" in about
