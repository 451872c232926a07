"""Input no browser of ours sends gets a clear 4xx page in the site's style, never a 500,
and the answers a person saved before are still there afterwards."""

import json
import re
import zlib

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

from decisionaid.guide.answers import SESSION_KEY, Answers
from decisionaid.guide.choices import MAX_OWN_QUESTION_LENGTH, MAX_OWN_QUESTIONS
from decisionaid.kiosk import mode, takehome
from decisionaid.kiosk.takehome import make_token

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"
SAVED = {
    "situation": {"diagnosed": "yes", "duration": "over_5", "tried": [], "warning_signs": []},
    "costs": {"price_per_session": "300.00", "first_course_sessions": 8, "maintenance_per_year": 2},
    "questions": {"selected": ["q-written-ingredients"], "own": ["Who makes the product?"]},
}
SURE = {"sure": "yes", "understand": "yes", "risks_benefits": "no", "support": "yes"}


@pytest.fixture
def person(client, settings):
    """A browser with answers saved from earlier steps; error pages as in production."""
    settings.DEBUG = False
    client.raise_request_exception = False
    session = client.session
    Answers(session).replace_all(SAVED)
    session.save()
    return client


def saved(client: Client) -> dict:
    return client.session.get(SESSION_KEY, {})


def assert_friendly(response, status: int, *phrases: str) -> str:
    assert response.status_code == status
    html = response.content.decode()
    # The site's own page: its header, stylesheet and main landmark, not Django's bare page.
    assert f'href="{static("css/site.css")}"' in html
    assert '<main id="main"' in html
    for phrase in phrases:
        assert phrase in html
    return html


def test_invalid_utf8_in_a_form_body_is_refused_and_nothing_is_saved(person):
    body = b"own=Is+it+safe%3F+%FF%FE&action=next"
    response = person.post("/guide/questions/", body, content_type=FORM)
    html = assert_friendly(response, 400, "We could not read what your browser sent")
    assert 'href="/guide/questions/"' in html  # a way back to the same page
    assert saved(person) == SAVED


def test_raw_invalid_utf8_bytes_in_a_form_body_are_refused(person):
    response = person.post("/guide/questions/", b"own=caf\xe9&action=next", content_type=FORM)
    assert_friendly(response, 400)
    assert saved(person) == SAVED


def test_invalid_utf8_in_a_multipart_body_is_refused(person):
    body = (
        b'--b\r\nContent-Disposition: form-data; name="own"\r\n\r\n\xc3\x28\r\n'
        b'--b\r\nContent-Disposition: form-data; name="action"\r\n\r\nnext\r\n--b--\r\n'
    )
    response = person.post(
        "/guide/questions/", body, content_type="multipart/form-data; boundary=b"
    )
    assert_friendly(response, 400)
    assert saved(person) == SAVED


def test_a_multipart_body_without_a_boundary_is_a_clear_400(person):
    response = person.post("/guide/sure/", b"--x\r\n", content_type="multipart/form-data")
    assert_friendly(response, 400)
    assert saved(person) == SAVED


@pytest.mark.parametrize("url", ["/guide/costs/?x=%FF", "/checklist/?paper=%C3%28", "/?q=%80"])
def test_invalid_utf8_in_a_query_string_is_refused(person, url):
    assert_friendly(person.get(url), 400, "We could not read what your browser sent")
    assert saved(person) == SAVED


def test_invalid_utf8_in_the_path_is_a_not_found_page(person):
    response = person.get("/guide/%FF%FE/")
    assert_friendly(response, 404, "Page not found")


def test_a_body_over_the_size_limit_is_refused_and_earlier_answers_are_kept(person):
    own = "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = person.post("/guide/questions/", {"own": own, "action": "next"})
    assert_friendly(response, 400, "Keep your own questions short")
    assert saved(person) == SAVED


def test_a_claimed_huge_content_length_is_refused_without_reading_it(person):
    response = person.generic(
        "POST",
        "/guide/sure/",
        b"sure=yes",
        content_type=FORM,
        CONTENT_LENGTH=str(10**12),
    )
    assert response.status_code == 400
    assert saved(person) == SAVED


def test_too_many_fields_are_refused(person):
    body = "&".join(f"f{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = person.post("/guide/sure/", body, content_type=FORM)
    assert_friendly(response, 400)
    assert saved(person) == SAVED


@pytest.mark.parametrize("url", ["/guide/sure/", "/guide/evidence/"])
def test_a_field_the_form_does_not_have_is_refused(person, url):
    response = person.post(url, {**SURE, "is_admin": "1", "action": "next"})
    assert_friendly(response, 400)
    assert "sure" not in saved(person)
    assert saved(person) == SAVED


def test_a_single_answer_sent_twice_is_refused_rather_than_guessed(person):
    body = (
        "price_per_session=250&price_per_session=2500&first_course_sessions=6"
        "&maintenance_per_year=4&action=next"
    )
    response = person.post("/guide/costs/", body, content_type=FORM)
    assert_friendly(response, 400)
    assert saved(person)["costs"] == SAVED["costs"]


def test_an_action_sent_twice_is_refused(person):
    body = "&".join(f"{k}={v}" for k, v in SURE.items()) + "&action=next&action=back"
    assert_friendly(person.post("/guide/sure/", body, content_type=FORM), 400)


def test_ticking_several_boxes_of_one_group_is_still_fine(person):
    body = "tried=topical-minoxidil&tried=oral-finasteride&warning_signs=patchy&action=next"
    response = person.post("/guide/situation/", body, content_type=FORM)
    assert response.status_code == 302
    assert saved(person)["situation"]["tried"] == ["topical-minoxidil", "oral-finasteride"]


def test_a_staff_pin_form_with_an_unknown_field_is_refused(person, settings):
    settings.KIOSK_EXIT_PIN = "246813"
    person.post(reverse("kiosk:enter"))
    response = person.post(reverse("kiosk:exit"), {"pin": "246813", "next": "//evil.example"})
    assert_friendly(response, 400)
    assert mode.is_kiosk(response.wsgi_request)


def test_a_staff_pin_over_its_length_limit_is_an_error_not_a_crash(person, settings):
    settings.KIOSK_EXIT_PIN = "246813"
    person.post(reverse("kiosk:enter"))
    response = person.post(reverse("kiosk:exit"), {"pin": "9" * 5000})
    assert response.status_code == 400
    assert "at most 32 characters" in response.content.decode()


@pytest.mark.parametrize("pin", ["\x80", "２４６８１３", "٢٤٦٨١٣", "246813\u200b"])
def test_a_staff_pin_with_non_ascii_characters_is_wrong_not_a_crash(person, settings, pin):
    settings.KIOSK_EXIT_PIN = "246813"
    person.post(reverse("kiosk:enter"))
    response = person.post(reverse("kiosk:exit"), {"pin": pin})
    assert response.status_code == 400
    assert "That PIN is not right." in response.content.decode()


def test_an_own_question_over_the_length_limit_is_re_shown_with_a_message(person):
    long_question = "Why " + "w" * MAX_OWN_QUESTION_LENGTH + "?"
    response = person.post("/guide/questions/", {"own": long_question, "action": "next"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Make it {MAX_OWN_QUESTION_LENGTH} characters or fewer." in html
    assert long_question in html  # what they typed is still in the box
    assert saved(person) == SAVED


def test_too_many_own_questions_are_re_shown_with_a_message(person):
    own = "\n".join(f"Question {n}?" for n in range(1, MAX_OWN_QUESTIONS + 3))
    response = person.post("/guide/questions/", {"own": own, "action": "next"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"You can add up to {MAX_OWN_QUESTIONS} questions of your own." in html
    assert f"Question {MAX_OWN_QUESTIONS + 2}?" in html
    assert saved(person) == SAVED


def test_a_body_that_is_not_a_form_re_shows_the_step_with_errors(person):
    response = person.post("/guide/sure/", b'{"sure": "yes"}', content_type="application/json")
    assert response.status_code == 200
    assert 'class="error-summary' in response.content.decode()
    assert saved(person) == SAVED


@pytest.mark.parametrize(
    "cookie",
    [
        "x" * 40,  # a well-formed key that names no session
        "../../etc/passwd",
        "abc;def",
        "é" * 10,
        "0" * 5000,
        "",
    ],
)
def test_a_tampered_session_cookie_starts_a_fresh_empty_session(settings, cookie):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = client.get("/guide/summary/")
    assert response.status_code == 200
    response = client.post("/guide/sure/", {**SURE, "action": "next"})
    assert response.status_code == 302
    assert saved(client) == {"sure": SURE}
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != cookie


def test_someone_elses_answers_cannot_be_reached_by_guessing_a_session_key(person, settings):
    stranger = Client()
    key = person.session.session_key
    # One character off; never the same key by chance (a key ending in "0" once made this flaky).
    stranger.cookies[settings.SESSION_COOKIE_NAME] = key[:-1] + ("1" if key.endswith("0") else "0")
    assert "Who makes the product?" not in stranger.get("/checklist/").content.decode()


def test_a_tampered_kiosk_cookie_does_not_turn_kiosk_mode_on(settings):
    client = Client()
    client.cookies[mode.COOKIE_NAME] = "on"
    assert 'class="kiosk' not in client.get("/").content.decode()


def foreign_token(data: dict) -> str:
    """A well-made token under a key that is not the server's."""
    return Fernet(Fernet.generate_key()).encrypt(json.dumps(data).encode()).decode()


def genuine_token_holding(packed: bytes) -> str:
    """A token under the server's own key that holds something the app never makes."""
    return takehome.fernet().encrypt(packed).decode()


def flip(text: str, index: int) -> str:
    swapped = "A" if text[index] != "A" else "B"
    return text[:index] + swapped + text[index + 1 :]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: flip(token, len(token) - 3),  # the authentication tag
        lambda token: flip(token, 30),  # the encrypted choices
        lambda token: token[:-20],  # cut short
        lambda token: token + "x" * 3000,
        lambda token: foreign_token({"questions": {"own": ["hi"]}}),
        lambda token: genuine_token_holding(b'["not", "a", "dict"]'),
        lambda token: genuine_token_holding(b"\x01not zlib at all"),
        lambda token: genuine_token_holding(b"\x09" + zlib.compress(b"{}")),
        lambda token: "%FF%FE",
    ],
)
def test_a_tampered_take_home_link_gets_a_clear_400_and_restores_nothing(person, tamper):
    token = tamper(make_token({"sure": SURE}))
    response = person.get(f"/resume/{token}/")
    assert_friendly(response, 400, "This link does not work", "Nothing was restored")
    assert saved(person) == SAVED


def test_a_take_home_link_with_slashes_in_it_is_no_page_at_all(person):
    response = person.get("/resume/..%2F..%2F/")
    assert_friendly(response, 404, "Page not found")
    assert saved(person) == SAVED


def test_a_post_without_a_csrf_token_gets_a_page_that_says_how_to_carry_on(settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    client.get("/guide/sure/")
    response = client.post("/guide/sure/", {**SURE, "action": "next"})
    html = assert_friendly(response, 403, "Please send that again", "Answers you saved before")
    assert 'href="/guide/sure/"' in html
    assert "sure" not in saved(client)


def test_a_post_with_a_wrong_csrf_token_is_refused_the_same_way(settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    client.get("/guide/sure/")
    token = "x" * 64
    response = client.post("/guide/sure/", {**SURE, "action": "next", "csrfmiddlewaretoken": token})
    assert_friendly(response, 403, "Please send that again")


def test_a_csrf_failure_after_a_kiosk_reset_says_the_screen_was_reset_and_how_to_start(settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    enter = client.get(reverse("kiosk:enter")).content.decode()
    enter_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', enter).group(1)
    client.post(reverse("kiosk:enter"), {"csrfmiddlewaretoken": enter_token})
    page = client.get("/guide/sure/").content.decode()
    old_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    # The reset: the next visitor's browser state has a new token, the old page is still open.
    del client.cookies[settings.CSRF_COOKIE_NAME]
    client.post(reverse("kiosk:finish"), {"csrfmiddlewaretoken": old_token})
    response = client.post(
        "/guide/sure/", {**SURE, "action": "next", "csrfmiddlewaretoken": old_token}
    )
    html = assert_friendly(response, 403, "This screen was reset", "start the guide again")
    assert 'href="/guide/"' in html
    assert 'class="kiosk' in html  # still a kiosk page, with its Finish button
    assert "sure" not in saved(client)


def test_the_friendly_403_page_is_used_for_permission_errors(settings):
    from decisionaid.pages.views import permission_denied

    request = Client().get("/").wsgi_request
    response = permission_denied(request)
    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()


def test_a_content_length_that_is_not_a_number_is_a_bad_request(client):
    response = client.post("/guide/costs/", {"action": "next"}, CONTENT_LENGTH="lots")
    assert response.status_code == 400


def test_a_personal_fit_answer_sent_twice_is_refused_rather_than_guessed(person):
    body = "sex=female&sex=male&pregnancy=yes&action=next"
    response = person.post("/guide/situation/", body, content_type=FORM)
    assert_friendly(response, 400)
    assert saved(person) == SAVED


def test_a_leaning_sent_twice_is_refused_and_nothing_is_saved(person):
    body = "&".join(f"{k}={v}" for k, v in SURE.items())
    body += "&leaning=mesotherapy&leaning=oral-finasteride&action=next"
    response = person.post("/guide/sure/", body, content_type=FORM)
    assert_friendly(response, 400)
    assert saved(person) == SAVED


def test_the_personal_fit_and_leaning_answers_are_saved_as_sent(person):
    body = "sex=female&pregnancy=prefer_not&age=40_to_64&heart_medicines=not_sure&action=next"
    assert person.post("/guide/situation/", body, content_type=FORM).status_code == 302
    assert saved(person)["situation"] == {
        "sex": "female",
        "pregnancy": "prefer_not",
        "age": "40_to_64",
        "heart_medicines": "not_sure",
        "tried": [],
        "warning_signs": [],
    }
    body = "&".join(f"{k}={v}" for k, v in SURE.items())
    body += "&leaning=not_sure_yet&helps=talk_doctor&helps=time&action=next"
    assert person.post("/guide/sure/", body, content_type=FORM).status_code == 302
    assert saved(person)["sure"] == {
        **SURE,
        "leaning": "not_sure_yet",
        "helps": ["talk_doctor", "time"],
    }
