"""A walk in Spanish (a browser asking for es) through every page and step, answered, to the
checklist and its PDF: no English sentence may be left in what a person sees or hears.

English that is the guide's content (the fixtures' text, until its Spanish versions are loaded)
is told apart from English in the interface: the interface must be Spanish already; the whole
walk must be Spanish once the content has Spanish versions (the `_es` columns).
"""

import io
import re

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from language import english_in_html, english_sentences, sentences, words
from pypdf import PdfReader
from test_pdf import set_answers, typical_answers

from decisionaid.content.models import Passage, Source
from decisionaid.public_pages import public_paths

pytestmark = pytest.mark.django_db
SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9,en;q=0.5"}
# A run of this many words found in the content's English text marks a sentence as content.
WINDOW = 5


def normal(text: str) -> str:
    return " ".join(words(text))


def content_text() -> str:
    """Every text field of every content row, in English, as one normalised string."""
    parts = []
    with translation.override("en"):
        for model in apps.get_app_config("content").get_models():
            fields = [
                f.name
                for f in model._meta.get_fields()
                if isinstance(f, models.CharField | models.TextField)
            ]
            for row in model.objects.all():
                parts.extend(str(getattr(row, name) or "") for name in fields)
    return " | ".join(normal(part) for part in parts)


def from_content(sentence: str, corpus: str) -> bool:
    found = words(sentence)
    runs = [found[i : i + WINDOW] for i in range(max(1, len(found) - WINDOW + 1))]
    return any(" ".join(run) in corpus for run in runs if run)


def spanish_content_loaded() -> bool:
    try:
        Passage._meta.get_field("body_es")
    except FieldDoesNotExist:
        return False
    return Passage.objects.exclude(body_es="").exclude(body_es=None).exists()


def pdf_text(client) -> str:
    response = client.get("/es/checklist.pdf?paper=a4")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Lines the PDF broke (and hyphenated) join back into sentences.
    return re.sub(r"-\n(?=[a-záéíóúñ])", "", text).replace("\n", " ")


def source_titles() -> list[str]:
    return [normal(source.citation) for source in Source.objects.all()]


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker):
    """Each page's English sentences, empty and answered, then the checklist and its PDF."""
    from django.test import Client

    with django_db_blocker.unblock():
        titles = source_titles()
        client = Client(**SPANISH)
        first = client.get("/")
        assert first.status_code == 302 and first["Location"] == "/es/"
        with translation.override("es"):
            paths = public_paths()
        found: dict[str, list[str]] = {}
        for label in ("empty", "answered"):
            if label == "answered":
                answers = typical_answers()
                # What a Spanish-speaking person would type themselves.
                answers["questions"]["own"] = [
                    "¿Puedo ver su licencia?",
                    "¿Desde cuándo ofrece este tratamiento?",
                ]
                set_answers(client, answers)
            for path in paths:
                response = client.get(path)
                assert response.status_code == 200, path
                html = response.content.decode()
                assert '<html lang="es">' in html, path
                found[f"{path} ({label})"] = english_in_html(html, titles)
        found["/es/checklist.pdf (answered)"] = [
            s
            for s in english_sentences(sentences(pdf_text(client)))
            if not any(normal(s)[:60] in title for title in titles)
        ]
        corpus = content_text()
        # The walk ran outside any test's transaction: leave no session row behind.
        client.session.flush()
    return found, corpus


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{page}: {s}" for page, lines in found.items() for s in lines)


def test_the_interface_is_all_spanish_on_every_page_step_checklist_and_pdf(walk):
    found, corpus = walk
    interface = {
        page: [s for s in lines if not from_content(s, corpus)] for page, lines in found.items()
    }
    assert not any(interface.values()), "English interface text:\n" + report(interface)


def test_the_detector_would_catch_english_interface_text(walk):
    # The walk's check must be able to fail: an untranslated interface sentence is reported.
    _found, corpus = walk
    html = '<html lang="es"><p>Save your answers before you go to the next step.</p></html>'
    leftover = english_in_html(html)
    assert leftover and not from_content(leftover[0], corpus)


def test_a_walk_in_spanish_shows_no_english_sentence_at_all(walk):
    found, _corpus = walk
    assert not any(found.values()), "English text:\n" + report(found)


def other_spanish_pages(settings) -> dict[str, str]:
    """The pages a walk through the steps does not meet: errors, kiosk, take-home, busy, field
    test."""
    from django.test import Client

    from decisionaid.kiosk.takehome import make_token
    from decisionaid.lib import rendercap

    settings.FIELD_TEST = True
    home = Client(**SPANISH)
    kiosk = Client()
    kiosk.post("/es/kiosk/")
    pages = {
        "/es/no-such-page/": home.get("/es/no-such-page/"),
        "/es/checklist.pdf?paper=a3": home.get("/es/checklist.pdf", {"paper": "a3"}),
        "/es/guide/costs/ (errors)": home.post(
            "/es/guide/costs/", {"price_per_session": "mucho", "action": "next"}
        ),
        "/es/guide/questions/ (errors)": home.post(
            "/es/guide/questions/", {"own": "\n".join(["¿Por qué?"] * 6), "action": "next"}
        ),
        "/es/guide/costs/ (bad request)": home.post("/es/guide/costs/", {"not_a_field": "1"}),
        "/es/resume/(broken)": home.get("/es/resume/broken/"),
        "/es/resume/(confirm)": home.get(f"/es/resume/{make_token({'sure': {'sure': 'no'}})}/"),
        "/es/kiosk/ (enter)": home.get("/es/kiosk/"),
        "/es/field-test/": home.get("/es/field-test/"),
        "/es/field-test/questions/1/": home.get("/es/field-test/questions/1/"),
        "/es/field-test/questions/2/": home.get("/es/field-test/questions/2/"),
        "/es/ (kiosk)": kiosk.get("/es/"),
        "/es/guide/summary/ (kiosk)": kiosk.get("/es/guide/summary/"),
        "/es/checklist/ (kiosk)": kiosk.get("/es/checklist/"),
        "/es/kiosk/exit/ (kiosk)": kiosk.get("/es/kiosk/exit/"),
        "/es/kiosk/exit/ (wrong PIN)": kiosk.post("/es/kiosk/exit/", {"pin": "000000"}),
        "/es/?cleared=idle (kiosk)": kiosk.get("/es/?cleared=idle"),
    }
    with rendercap.render_slot():
        pages["/es/checklist.pdf (busy)"] = home.get("/es/checklist.pdf")
    for client in (home, kiosk):
        client.session.flush()
    return {name: response.content.decode() for name, response in pages.items()}


def test_error_kiosk_take_home_busy_and_field_test_pages_speak_spanish_too(walk, settings):
    _found, corpus = walk
    pages = other_spanish_pages(settings)
    assert all('<html lang="es">' in html for html in pages.values()), [
        name for name, html in pages.items() if '<html lang="es">' not in html
    ]
    interface = {
        name: [s for s in english_in_html(html) if not from_content(s, corpus)]
        for name, html in pages.items()
    }
    assert not any(interface.values()), "English interface text:\n" + report(interface)
