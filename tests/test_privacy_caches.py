"""Nothing a person typed, and no page or PDF holding it, is kept in a cache shared by sessions."""

import pickle
import zlib
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from decisionaid.checklist import services
from decisionaid.content import selectors
from decisionaid.guide import steps

pytestmark = pytest.mark.django_db

OWN_QUESTION = "Will Dr Quillfeather use the vial from Lot 7731?"
TYPED_PRICE = "437.25"


@pytest.fixture
def file_cache(tmp_path, settings) -> Path:
    """Django's FileBasedCache in a folder of its own, as a deployment on disk would use."""
    folder = tmp_path / "cache"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder),
        }
    }
    yield folder
    cache.clear()


def cache_contents(folder: Path) -> list[bytes]:
    """Every cache file's stored value, unpacked (FileBasedCache writes expiry, then zlib)."""
    values = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        values.append(raw)
        with path.open("rb") as handle:
            try:
                pickle.load(handle)
                values.append(zlib.decompress(handle.read()))
            except (pickle.UnpicklingError, zlib.error, EOFError):
                pass
    return values


def step(slug: str) -> str:
    return reverse("guide:step", kwargs={"slug": slug})


def answer_as_a_person(client: Client) -> None:
    chosen = [q.slug for q in selectors.questions() if q.selected_by_default][:3]
    response = client.post(step("questions"), {"own": OWN_QUESTION, "action": "next"})
    assert response.status_code == 302
    session = client.session
    answers = session["answers"]
    answers["questions"]["selected"] = chosen
    answers["costs"] = {
        "price_per_session": TYPED_PRICE,
        "first_course_sessions": 6,
        "maintenance_per_year": 3,
    }
    session["answers"] = answers
    session.save()


def visit_everything(client: Client) -> bytes:
    # Every step, so each cached part of every page has been through the cache.
    for guide_step in steps.STEPS:
        html = client.get(step(guide_step.slug)).content.decode()
        assert OWN_QUESTION in html or guide_step.slug not in ("questions", "summary")
    assert OWN_QUESTION in client.get(reverse("checklist:page")).content.decode()
    response = client.get(reverse("checklist:pdf"))
    assert response.status_code == 200
    return response.content


def test_nothing_typed_and_no_pdf_reaches_a_shared_cache_and_start_over_leaves_nothing(
    file_cache,
):
    person_a = Client()
    answer_as_a_person(person_a)
    a_key = person_a.session.session_key
    visit_everything(person_a)
    person_a.post(reverse("guide:start-over"))

    assert not Session.objects.filter(session_key=a_key).exists()
    stored = cache_contents(file_cache)
    assert stored, "the cache folder should hold the content-only fragments"
    for value in stored:
        assert OWN_QUESTION.encode() not in value
        assert OWN_QUESTION.encode("utf-16-le") not in value
        assert TYPED_PRICE.encode() not in value
        assert b"%PDF" not in value


def test_a_second_person_with_identical_answers_gets_a_freshly_rendered_pdf(file_cache):
    renders = mock.Mock(wraps=services.render_pdf)
    with mock.patch.object(services, "render_pdf", renders):
        person_a = Client()
        answer_as_a_person(person_a)
        first = visit_everything(person_a)
        person_b = Client()
        answer_as_a_person(person_b)
        second = visit_everything(person_b)
    assert renders.call_count == 2
    assert first.startswith(b"%PDF") and second.startswith(b"%PDF")


def test_blank_forms_are_still_cached_but_a_form_with_typed_answers_never_is(file_cache):
    Client().get(step("costs"))
    blank = cache_contents(file_cache)
    assert any(b"price_per_session" in value for value in blank)

    person = Client()
    answer_as_a_person(person)
    before = set(map(bytes, cache_contents(file_cache)))
    html = person.get(step("costs")).content.decode()
    assert TYPED_PRICE in html
    after = set(map(bytes, cache_contents(file_cache)))
    assert not any(TYPED_PRICE.encode() in value for value in after - before)


def test_pages_that_show_a_persons_answers_are_never_kept_by_the_browser(client):
    from decisionaid.guide.steps import STEPS

    answer_as_a_person(client)
    pages = [step(s.slug) for s in STEPS] + [reverse("checklist:page"), reverse("checklist:pdf")]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
