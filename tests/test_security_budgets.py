"""Budgets that keep pages light and cheap under load: bytes sent and database queries per page.

Sizes and counts, not times, so they hold on any machine; `make loadtest` and `make bench` print
the times.
"""

import re

import pytest
from django.contrib.staticfiles import finders

from decisionaid.guide.answers import Answers
from decisionaid.public_pages import public_paths

pytestmark = pytest.mark.django_db

MAX_PAGE_BYTES = 60 * 1024  # HTML + CSS + JS, the font not counted
MAX_JS_BYTES = 5 * 1024
MAX_QUERIES = 15

ANSWERS = {
    "situation": {
        "diagnosed": "no",
        "duration": "1_to_5",
        "tried": [],
        "warning_signs": ["patchy"],
    },
    "costs": {"price_per_session": "250.00", "first_course_sessions": 6, "maintenance_per_year": 4},
    "values": {"ratings": {"avoid-needles": 5}},
    "understanding": {"responses": {}},
    "questions": {"selected": [], "own": ["Is it safe?", "How many sessions?"]},
    "sure": {"sure": "no", "understand": "yes", "risks_benefits": "yes", "support": "no"},
}
PAGES = public_paths()


@pytest.fixture
def person(client):
    session = client.session
    Answers(session).replace_all(ANSWERS)
    session.save()
    return client


def static_bytes(url: str, client=None) -> int:
    if client is not None and not url.startswith("/static/"):
        # A stylesheet the app makes itself (the checklist's page numbers): count what it sends.
        response = client.get(url)
        assert response.status_code == 200, url
        return len(response.content)
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} is linked but not a static file"
    with open(path, "rb") as file:
        return len(file.read())


@pytest.mark.parametrize("url", PAGES)
def test_no_page_is_heavier_than_60_kb_with_its_css_and_js_or_carries_over_5_kb_of_js(person, url):
    html = person.get(url).content.decode()
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    css = sum(static_bytes(u, person) for u in links)
    js = sum(static_bytes(u) for u in re.findall(r'<script src="([^"]+)"', html))
    total = len(html.encode()) + css + js
    assert total <= MAX_PAGE_BYTES, f"{url}: {total} bytes"
    assert js <= MAX_JS_BYTES, f"{url}: {js} bytes of JavaScript"


def test_kiosk_pages_with_their_script_stay_within_the_javascript_budget(person):
    person.post("/kiosk/")
    html = person.get("/guide/situation/").content.decode()
    js = sum(static_bytes(u) for u in re.findall(r'<script src="([^"]+)"', html))
    assert 0 < js <= MAX_JS_BYTES


@pytest.mark.parametrize("url", PAGES)
def test_each_page_needs_only_a_few_database_queries(person, url, django_assert_max_num_queries):
    person.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert person.get(url).status_code == 200


def test_reading_a_page_does_not_write_the_session(person, django_assert_max_num_queries):
    person.get("/guide/evidence/")
    with django_assert_max_num_queries(3 * MAX_QUERIES) as queries:
        for url in ("/guide/evidence/", "/guide/summary/", "/checklist/"):
            person.get(url)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]
    assert writes == []
