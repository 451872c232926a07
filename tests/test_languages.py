"""English and Spanish: the URLs, the first visit's language, the switch, and what it keeps."""

import io
import re

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import clear_url_caches, reverse
from django.utils import translation
from pypdf import PdfReader
from test_pdf import set_answers, squash, text_of, typical_answers

from decisionaid.guide.answers import Answers
from decisionaid.kiosk.takehome import take_home_url
from decisionaid.public_pages import public_paths

pytestmark = pytest.mark.django_db
SPANISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9,en;q=0.6"}
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9,es;q=0.3"}


def spanish_paths() -> list[str]:
    with translation.override("es"):
        return public_paths()


def switch(client, code: str, path: str):
    return client.get(reverse("switch-language", kwargs={"code": code}), {"next": path})


def test_english_urls_are_unchanged_and_spanish_lives_under_es():
    assert public_paths()[:2] == ["/", "/guide/situation/"]
    assert spanish_paths()[:2] == ["/es/", "/es/guide/situation/"]
    with translation.override("es"):
        assert reverse("checklist:pdf") == "/es/checklist.pdf"
        assert reverse("kiosk:enter") == "/es/kiosk/"
        assert reverse("healthz") == "/healthz"


def test_health_check_and_robots_are_not_translated(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/es/healthz").status_code == 404
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /es/resume/" in robots and "Disallow: /resume/" in robots


def test_a_first_visit_from_a_spanish_browser_goes_to_the_spanish_page():
    client = Client(**SPANISH_BROWSER)
    response = client.get("/guide/options/?a=mesotherapy&b=topical-minoxidil")
    assert response.status_code == 302
    assert response["Location"] == "/es/guide/options/?a=mesotherapy&b=topical-minoxidil"
    page = client.get(response["Location"])
    assert '<html lang="es">' in page.content.decode()
    # Nothing is written to the server, nor a cookie set, for a visit that only reads.
    assert settings.SESSION_COOKIE_NAME not in client.cookies


def test_an_english_browser_stays_on_the_english_page():
    client = Client(**ENGLISH_BROWSER)
    response = client.get("/guide/options/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Accept-Language" in response["Vary"]


def test_a_person_who_switched_to_english_is_never_sent_back_to_spanish():
    client = Client(**SPANISH_BROWSER)
    assert client.get("/").status_code == 302
    response = switch(client, "en", "/es/guide/risks/")
    assert response["Location"] == "/guide/risks/"
    for path in ("/", "/guide/risks/", "/about/"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert '<html lang="en">' in page.content.decode()


def test_the_switch_shows_the_same_page_in_the_other_language_and_keeps_every_answer():
    client = Client(**ENGLISH_BROWSER)
    set_answers(client, typical_answers())
    before = Answers(client.session).all()
    response = switch(client, "es", "/guide/costs/")
    assert response["Location"] == "/es/guide/costs/"
    html = client.get("/es/guide/costs/").content.decode()
    assert '<html lang="es">' in html
    assert 'name="price_per_session" value="250.00"' in html
    assert Answers(client.session).all() == before
    summary = client.get("/es/guide/summary/").content.decode()
    assert "How long have you offered this treatment?" in summary
    assert "USD 1\u00a0500" in summary  # 6 sessions at 250, written the Spanish way
    back = switch(client, "en", "/es/guide/summary/")
    assert back["Location"] == "/guide/summary/"
    assert "USD 1,500" in client.get("/guide/summary/").content.decode()
    assert Answers(client.session).all() == before


@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"]
)
def test_the_switch_only_goes_to_our_own_pages(client, unsafe):
    response = switch(client, "es", unsafe)
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_the_switch_refuses_a_language_we_do_not_have(client):
    assert switch(client, "fr", "/").status_code == 404


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_public_page_has_the_switch_its_language_and_hreflang_alternates(client, language):
    with translation.override(language):
        paths = public_paths()
    for path in paths:
        html = client.get(path).content.decode()
        assert f'<html lang="{language}">' in html, path
        switch_nav = re.search(r'<nav class="language-switch.*?</nav>', html, re.S).group(0)
        assert 'lang="es"' in switch_nav and ">Español<" in switch_nav, path
        assert 'lang="en"' in switch_nav and ">English<" in switch_nav, path
        other = "es" if language == "en" else "en"
        assert f'hreflang="{other}"' in switch_nav, path
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html)
        )
        english = path if language == "en" else path.removeprefix("/es")
        assert alternates == {
            "en": f"http://testserver{english}",
            "es": f"http://testserver/es{english}",
            "x-default": f"http://testserver{english}",
        }, path


def test_dates_are_written_in_the_pages_language(client):
    english = client.get("/about/").content.decode()
    spanish = client.get("/es/about/").content.decode()
    assert re.search(r"<dt>Published</dt><dd>\d{1,2} [A-Z][a-z]+ \d{4}</dd>", english)
    assert re.search(r"<dt>Publicada</dt><dd>\d{1,2} de [a-z]+ de \d{4}</dd>", spanish)


def get_pdf(client, path: str) -> PdfReader:
    response = client.get(path)
    assert response.status_code == 200
    return PdfReader(io.BytesIO(response.content))


def test_the_spanish_pdf_is_in_spanish_tagged_es_and_two_a4_pages_for_a_typical_person(client):
    set_answers(client, typical_answers())
    reader = get_pdf(client, "/es/checklist.pdf?paper=a4")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "es"
    assert (
        reader.metadata.title
        == "Lista para la consulta: mesoterapia capilar para la caída del cabello"
    )
    assert len(reader.pages) == 2
    assert all(round(float(p.mediabox.height)) == 842 for p in reader.pages)
    text = squash(text_of(reader))
    for words in ("Preguntas para hacer", "Su cálculo del costo", "Página 2", "USD 1 500,00"):
        assert squash(words) in text, words
    assert squash("Questions to ask") not in text
    # The English PDF is unchanged: its own language and words.
    english = get_pdf(client, "/checklist.pdf?paper=a4")
    assert english.trailer["/Root"]["/Lang"] == "en"
    assert squash("Questions to ask") in squash(text_of(english))


def test_a_take_home_link_made_in_spanish_reopens_in_spanish():
    kiosk = Client()
    kiosk.post(reverse("kiosk:enter"))
    switch(kiosk, "es", "/")
    set_answers(kiosk, typical_answers())
    summary = kiosk.get("/es/guide/summary/").content.decode()
    link = re.search(r'<p class="source-url">(http://[^<]+)</p>', summary).group(1)
    assert "/es/resume/" in link

    phone = Client(**ENGLISH_BROWSER)
    path = link.split("http://127.0.0.1:8000", 1)[1]
    asked = phone.get(path)
    assert '<html lang="es">' in asked.content.decode()
    restored = phone.post(path)
    assert restored["Location"] == "/es/guide/summary/"
    # The rest of the visit stays in Spanish, even at an address without /es/.
    assert phone.get("/guide/risks/")["Location"] == "/es/guide/risks/"


def test_a_take_home_link_made_in_english_reopens_in_english():
    with translation.override("en"):
        link = take_home_url({"values": {"ratings": {"avoid-needles": 5}}})
    assert "/resume/" in link and "/es/" not in link


def test_the_kiosk_start_screen_offers_both_languages_as_large_buttons():
    kiosk = Client(**SPANISH_BROWSER)
    kiosk.post(reverse("kiosk:enter"))
    # A shared screen is not sent by the browser's language: it starts in the deployment's.
    start = kiosk.get("/")
    assert start.status_code == 200
    html = start.content.decode()
    buttons = re.search(r'<nav class="kiosk-languages".*?</nav>', html, re.S).group(0)
    assert re.search(r'class="btn kiosk-language[^"]*"[^>]*lang="es"[^>]*>Español<', buttons)
    assert re.search(r'class="btn kiosk-language[^"]*"[^>]*lang="en"[^>]*>English<', buttons)
    assert "kiosk-languages" not in Client().get("/").content.decode()


def test_kiosk_finish_and_clear_returns_to_the_deployments_language():
    kiosk = Client()
    kiosk.post(reverse("kiosk:enter"))
    switch(kiosk, "es", "/")
    set_answers(kiosk, typical_answers())
    assert '<html lang="es">' in kiosk.get("/es/guide/summary/").content.decode()
    finished = kiosk.post("/es/kiosk/finish/")
    assert finished["Location"] == "/?cleared=finished"
    start = kiosk.get(finished["Location"]).content.decode()
    assert '<html lang="en">' in start
    assert "Your visit is finished and everything was cleared." in start


@pytest.fixture
def spanish_deployment():
    # URL prefixes are worked out once per process, from the setting the deployment starts with.
    with override_settings(LANGUAGE_CODE="es"):
        clear_url_caches()
        yield
    clear_url_caches()


def test_a_spanish_deployment_starts_in_spanish_and_keeps_english_under_en(spanish_deployment):
    kiosk = Client(**ENGLISH_BROWSER)
    kiosk.post("/kiosk/")
    switch(kiosk, "en", "/")
    assert '<html lang="en">' in kiosk.get("/en/").content.decode()
    finished = kiosk.post("/en/kiosk/finish/")
    assert finished["Location"] == "/?cleared=finished"
    assert '<html lang="es">' in kiosk.get(finished["Location"]).content.decode()


def test_the_access_log_masks_spanish_take_home_links_too():
    from decisionaid.lib.accesslog import mask

    line = 'GET /es/resume/gAAAAsecret-token_x/ HTTP/1.1" "https://h/es/resume/gAAAAsecret/"'
    assert "secret" not in mask(line)
    assert mask(line).count("/es/resume/[hidden]/") == 2


def test_a_spanish_kiosk_visit_left_idle_clears_back_to_the_deployments_language():
    from test_kiosk import leave_alone

    from decisionaid.kiosk import idle

    kiosk = Client()
    kiosk.post(reverse("kiosk:enter"))
    switch(kiosk, "es", "/")
    set_answers(kiosk, typical_answers())
    kiosk.get("/es/about/")
    leave_alone(kiosk, idle.idle_limit_seconds() + 5)
    response = kiosk.get("/es/guide/questions/")
    assert response["Location"] == "/?cleared=idle"
    start = kiosk.get(response["Location"]).content.decode()
    assert '<html lang="en">' in start and "Everything from it was cleared" in start


def test_a_printed_spanish_checklist_numbers_its_pages_in_spanish(client):
    html = client.get("/es/checklist/").content.decode()
    assert '<link rel="stylesheet" href="/es/checklist/page-numbers.css">' in html
    css = client.get("/es/checklist/page-numbers.css")
    assert css["Content-Type"].startswith("text/css")
    assert 'content: "Página " counter(page) " de " counter(pages);' in css.content.decode()
    english = client.get("/checklist/page-numbers.css").content.decode()
    assert 'content: "Page " counter(page) " of " counter(pages);' in english
