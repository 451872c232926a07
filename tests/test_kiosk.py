"""Kiosk mode without a browser: on and off, the server idle limit, take-home links."""

import datetime
import time
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from decisionaid.content.models import Passage
from decisionaid.guide.answers import Answers
from decisionaid.kiosk import idle, mode
from decisionaid.kiosk.takehome import make_token
from decisionaid.lib.sessionpurge import purge_expired_sessions

pytestmark = pytest.mark.django_db
# The Finish and clear button every kiosk page carries (the words also appear in /about/).
KIOSK_BUTTON = 'class="kiosk-finish"'

SAMPLE_ANSWERS = {
    "situation": {"diagnosed": "yes", "duration": "1_to_5", "tried": [], "warning_signs": []},
    "values": {"ratings": {"avoid-needles": 5}},
    "questions": {"selected": ["q-written-ingredients"], "own": ["Can I see the vial?"]},
}


def save_answers(client, answers: dict) -> None:
    session = client.session
    Answers(session).replace_all(answers)
    session.save()


@pytest.fixture
def kiosk_client(client):
    client.post(reverse("kiosk:enter"))
    return client


def test_visiting_kiosk_turns_it_on_for_this_browser_only(kiosk_client):
    html = kiosk_client.get(reverse("pages:landing")).content.decode()
    assert 'class="kiosk' in html
    assert KIOSK_BUTTON not in Client().get(reverse("pages:landing")).content.decode()
    assert KIOSK_BUTTON in html
    assert 'data-kiosk-idle="120"' in html


def test_an_ordinary_browser_is_not_in_kiosk_mode(client):
    html = client.get(reverse("pages:landing")).content.decode()
    assert KIOSK_BUTTON not in html
    assert "kiosk.js" not in html


@override_settings(KIOSK_MODE=True)
def test_the_kiosk_setting_turns_it_on_for_every_browser(client):
    html = client.get(reverse("pages:landing")).content.decode()
    assert KIOSK_BUTTON in html


def test_kiosk_pages_are_never_cached(kiosk_client):
    response = kiosk_client.get(reverse("pages:about"))
    assert "no-store" in response["Cache-Control"]


def leave_alone(client, seconds: int) -> None:
    """What the clock does to a visit left alone: its row expires, and its browser cookie ages."""
    session = client.session
    session[idle.LAST_SEEN_KEY] = int(time.time()) - seconds
    session.save()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=seconds - idle.idle_limit_seconds())
    )
    seen = client.cookies[idle.SEEN_COOKIE].value
    signer = signing.get_cookie_signer(salt=idle.SEEN_COOKIE + idle.SEEN_SALT)
    client.cookies[idle.SEEN_COOKIE] = signer.sign(str(int(time.time()) - seconds))
    assert seen != client.cookies[idle.SEEN_COOKIE].value


def test_a_kiosk_visit_idle_past_the_limit_is_deleted_on_its_next_request_with_a_notice(
    kiosk_client,
):
    save_answers(kiosk_client, SAMPLE_ANSWERS)
    kiosk_client.get(reverse("pages:about"))
    old_key = kiosk_client.session.session_key
    leave_alone(kiosk_client, idle.idle_limit_seconds() + 5)

    response = kiosk_client.get(reverse("guide:step", kwargs={"slug": "questions"}))

    assert response.status_code == 302
    assert response["Location"] == reverse("pages:landing") + "?cleared=idle"
    assert not Session.objects.filter(session_key=old_key).exists()
    page = kiosk_client.get(response["Location"]).content.decode()
    assert "Everything from it was cleared" in page
    assert Answers(kiosk_client.session).all() == {}
    questions = kiosk_client.get(reverse("guide:step", kwargs={"slug": "questions"}))
    assert "Can I see the vial?" not in questions.content.decode()


def test_an_idle_kiosk_visit_whose_row_was_already_purged_still_gets_the_notice(kiosk_client):
    save_answers(kiosk_client, SAMPLE_ANSWERS)
    kiosk_client.get(reverse("pages:about"))
    leave_alone(kiosk_client, idle.idle_limit_seconds() + 5)
    assert purge_expired_sessions() >= 1

    response = kiosk_client.get(reverse("pages:about"))

    assert response["Location"] == reverse("pages:landing") + "?cleared=idle"


def test_a_kiosk_screen_left_on_the_start_page_does_not_bounce_the_next_person(kiosk_client):
    kiosk_client.get(reverse("pages:landing"))
    assert idle.SEEN_COOKIE not in kiosk_client.cookies
    session = kiosk_client.session
    session[idle.LAST_SEEN_KEY] = int(time.time()) - 10
    session.save()
    assert kiosk_client.get(reverse("pages:about")).status_code == 200


def test_a_kiosk_session_inside_the_limit_keeps_its_answers(kiosk_client):
    save_answers(kiosk_client, SAMPLE_ANSWERS)
    kiosk_client.get(reverse("pages:about"))
    session = kiosk_client.session
    session[idle.LAST_SEEN_KEY] = int(time.time()) - idle.idle_limit_seconds() + 20
    session.save()
    assert kiosk_client.get(reverse("pages:about")).status_code == 200
    assert Answers(kiosk_client.session).get("values") == SAMPLE_ANSWERS["values"]


def test_kiosk_session_rows_expire_on_the_server_at_the_idle_limit(kiosk_client):
    kiosk_client.get(reverse("pages:about"))
    row = Session.objects.get(session_key=kiosk_client.session.session_key)
    lifetime = (row.expire_date - timezone.now()).total_seconds()
    assert idle.idle_limit_seconds() - 5 <= lifetime <= idle.idle_limit_seconds()


def test_finish_and_clear_deletes_the_session_on_the_server(kiosk_client):
    save_answers(kiosk_client, SAMPLE_ANSWERS)
    old_key = kiosk_client.session.session_key
    response = kiosk_client.post(reverse("kiosk:finish"))
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=old_key).exists()
    assert KIOSK_BUTTON in kiosk_client.get(response["Location"]).content.decode()
    assert (
        idle.SEEN_COOKIE not in kiosk_client.cookies
        or not kiosk_client.cookies[idle.SEEN_COOKIE].value
    )


def test_finish_only_accepts_post(kiosk_client):
    assert kiosk_client.get(reverse("kiosk:finish")).status_code == 405


@override_settings(KIOSK_EXIT_PIN="864213")
def test_leaving_kiosk_mode_needs_the_staff_pin(kiosk_client):
    wrong = kiosk_client.post(reverse("kiosk:exit"), {"pin": "111111"})
    assert wrong.status_code == 400
    assert "PIN is not right" in wrong.content.decode()
    assert KIOSK_BUTTON in kiosk_client.get(reverse("pages:about")).content.decode()

    right = kiosk_client.post(reverse("kiosk:exit"), {"pin": "864213"})
    assert right.status_code == 302
    assert KIOSK_BUTTON not in kiosk_client.get(reverse("pages:about")).content.decode()


def test_take_home_link_asks_first_then_restores_choices_but_not_typed_questions(client):
    save_answers(client, {"sure": {"sure": "no"}})
    link = reverse("kiosk:resume", kwargs={"token": make_token(SAMPLE_ANSWERS)})

    asked = client.get(link)
    assert asked.status_code == 200
    html = asked.content.decode()
    assert "will replace them" in html
    assert '<form method="post"' in html
    assert asked["Referrer-Policy"] == "origin"
    assert Answers(client.session).all() == {"sure": {"sure": "no"}}

    response = client.post(link)
    assert response.status_code == 302
    restored = Answers(client.session).all()
    assert restored["values"] == SAMPLE_ANSWERS["values"]
    assert restored["situation"] == SAMPLE_ANSWERS["situation"]
    assert restored["questions"] == {"selected": ["q-written-ingredients"]}
    assert "Can I see the vial?" not in str(restored)


def test_a_tampered_take_home_link_is_refused_with_a_clear_page(client):
    token = make_token(SAMPLE_ANSWERS)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    response = client.get(reverse("kiosk:resume", kwargs={"token": tampered}))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert Answers(client.session).all() == {}


def test_an_expired_take_home_link_is_refused_with_a_clear_page(client, settings):
    token = make_token(SAMPLE_ANSWERS)
    later = time.time() + settings.TAKE_HOME_MAX_AGE_SECONDS + 60
    with mock.patch("decisionaid.kiosk.takehome.time.time", return_value=later):
        response = client.get(reverse("kiosk:resume", kwargs={"token": token}))
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_garbage_take_home_tokens_never_cause_a_server_error(client):
    for token in ("x", "a" * 500, "%00", "..:..", "eyJ:1:2"):
        response = client.get(f"/resume/{token}/")
        assert response.status_code in (400, 404)


def test_the_kiosk_start_page_explains_that_nothing_is_kept(kiosk_client):
    kiosk_html = kiosk_client.get(reverse("pages:landing")).content.decode()
    note = Passage.objects.filter(page="kiosk").first()
    assert note is not None
    assert note.heading in kiosk_html
    assert note.heading not in Client().get(reverse("pages:landing")).content.decode()


def test_kiosk_checklist_offers_finish_after_printing_and_no_download(kiosk_client):
    html = kiosk_client.get(reverse("checklist:page")).content.decode()
    assert "When your checklist has printed" in html
    assert reverse("kiosk:finish") in html
    assert reverse("checklist:pdf") not in html
    summary = kiosk_client.get(reverse("guide:step", kwargs={"slug": "summary"})).content.decode()
    assert reverse("checklist:pdf") not in summary
    assert "Take it home" in summary


def test_a_link_to_kiosk_from_another_site_only_asks_and_changes_nothing(client):
    save_answers(client, SAMPLE_ANSWERS)
    page = client.get(reverse("kiosk:enter"), HTTP_REFERER="https://elsewhere.example/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Turn this screen into a shared kiosk?" in html
    assert '<form method="post"' in html
    assert mode.COOKIE_NAME not in page.cookies
    assert Answers(client.session).all() == SAMPLE_ANSWERS
    assert KIOSK_BUTTON not in client.get(reverse("pages:landing")).content.decode()


def test_a_cross_site_post_to_kiosk_or_resume_is_refused_by_the_csrf_check():
    client = Client(enforce_csrf_checks=True)
    save_answers(client, SAMPLE_ANSWERS)
    token = make_token({"sure": {"sure": "yes"}})
    assert client.post(reverse("kiosk:enter")).status_code == 403
    assert client.post(reverse("kiosk:resume", kwargs={"token": token})).status_code == 403
    assert Answers(client.session).all() == SAMPLE_ANSWERS
