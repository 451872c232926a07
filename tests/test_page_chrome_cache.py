"""A page's head and header come from the fragment cache ({% chrome %}), and only ever the right
page's: the same for every language, mode, host and address they were made for, and never
stored for made-up addresses, query strings or error pages."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from decisionaid.pages import context_processors

pytestmark = pytest.mark.django_db

COSTS = reverse("guide:step", kwargs={"slug": "costs"})
VALUES = reverse("guide:step", kwargs={"slug": "values"})


def chrome_entries() -> list[str]:
    store = caches["template_fragments"]
    return [key for key in store._cache if ".chrome-" in key]


def head_of(html: str) -> str:
    return html.split("</header>", 1)[0]


def test_the_second_visit_takes_the_head_from_the_cache_and_matches_the_first(client):
    counted = mock.Mock(wraps=context_processors._languages)
    with mock.patch.object(context_processors, "_languages", counted):
        first = client.get(COSTS).content.decode()
        second = client.get(COSTS).content.decode()
    assert counted.call_count == 1, "the language links are worked out for the first visit only"
    assert len(chrome_entries()) == 1
    assert head_of(first) == head_of(second)
    assert "<title>" in head_of(second) and 'hreflang="es"' in head_of(second)


def test_each_page_gets_its_own_title_and_language_links(client):
    client.get(COSTS)
    values = client.get(VALUES).content.decode()
    assert len(chrome_entries()) == 2
    assert 'href="http://testserver/es/guide/values/"' in values
    assert "/guide/costs/" not in head_of(values)


def test_another_language_gets_its_own_head(client):
    client.get(COSTS)
    spanish = client.get("/es" + COSTS).content.decode()
    assert '<html lang="es">' in spanish
    assert 'aria-current="true">Español' in spanish
    assert len(chrome_entries()) == 2


def test_kiosk_mode_gets_its_own_head_and_an_ordinary_browser_never_sees_it(client):
    client.get(COSTS)
    kiosk = Client()
    kiosk.post(reverse("kiosk:enter"))
    kiosk_html = kiosk.get(COSTS).content.decode()
    assert "kiosk.css" in kiosk_html and 'data-kiosk-idle="' in kiosk_html
    ordinary = client.get(COSTS).content.decode()
    assert "kiosk.css" not in ordinary and "data-kiosk-idle" not in ordinary


def test_the_kiosk_finish_button_keeps_its_own_csrf_token_each_time(client):
    kiosk = Client()
    kiosk.post(reverse("kiosk:enter"))
    tokens = set()
    for _ in range(2):
        html = kiosk.get(COSTS).content.decode()
        form = html.split('class="kiosk-finish"', 1)[1].split("</form>", 1)[0]
        tokens.add(form.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0])
    assert len(tokens) == 2, "the token is masked afresh for each response, never cached"


def test_each_host_gets_its_own_absolute_alternates(client, settings):
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    client.get(COSTS, HTTP_HOST="one.example")
    two = client.get(COSTS, HTTP_HOST="two.example").content.decode()
    assert 'href="http://two.example/es/guide/costs/"' in two
    assert "one.example" not in two


def test_query_strings_and_error_pages_add_nothing_to_the_cache(client):
    assert client.get(COSTS + "?anything=at-all").status_code == 200
    assert client.get("/guide/no-such-step/").status_code == 404
    assert client.get("/made-up/address/").status_code == 404
    assert chrome_entries() == []


def test_a_page_with_a_query_string_still_links_back_to_itself(client):
    html = client.get(COSTS + "?from=summary").content.decode()
    assert "next=%2Fguide%2Fcosts%2F%3Ffrom%3Dsummary" in html
