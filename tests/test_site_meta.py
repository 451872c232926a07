"""What browsers, search engines and link previews ask of a site: a favicon, robots.txt, and a
description and Open Graph title on every page."""

import html
import re
from urllib.robotparser import RobotFileParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from decisionaid.content import selectors
from decisionaid.public_pages import public_paths

pytestmark = pytest.mark.django_db


def meta(page: str, attribute: str, name: str) -> list[str]:
    pattern = rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">'
    return [html.unescape(value) for value in re.findall(pattern, page)]


def title(page: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip())


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker) -> dict[str, str]:
    from django.test import Client

    with django_db_blocker.unblock():
        client = Client()
        return {path: client.get(path).content.decode() for path in public_paths()}


def test_every_page_has_its_own_description_from_its_own_content(pages):
    descriptions = {}
    for path, page in pages.items():
        [description] = meta(page, "name", "description")
        assert 50 <= len(description) <= 160, (path, description)
        descriptions[path] = description
    assert len(set(descriptions.values())) == len(pages), descriptions
    # A step leads with its "In short", so that is what a search result shows.
    evidence_short = selectors.passages_for("evidence-in-short")[0].body
    assert descriptions["/guide/evidence/"].rstrip("…") in " ".join(evidence_short.split())


def test_a_shared_link_reads_well_with_the_pages_title_and_description(pages):
    for path, page in pages.items():
        assert meta(page, "property", "og:title") == [title(page)], path
        assert meta(page, "property", "og:description") == meta(page, "name", "description")
        assert meta(page, "property", "og:type") == ["website"]
    assert "The evidence" in meta(pages["/guide/evidence/"], "property", "og:title")[0]


def test_the_favicon_is_served_at_the_root_and_linked_from_every_page(client, pages):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    for page in pages.values():
        assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page
    assert finders.find("img/favicon.svg")


def test_robots_txt_lets_the_guide_be_found_but_not_kiosk_screens_or_take_home_links(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    robots = RobotFileParser()
    robots.parse(response.content.decode().splitlines())
    for path in public_paths():
        assert robots.can_fetch("*", path), path
    for path in ("/kiosk/", "/kiosk/exit/", "/resume/some-token/", reverse("checklist:pdf")):
        assert not robots.can_fetch("*", path), path
    # The admin's address may be a secret; robots.txt must not give it away.
    assert settings.ADMIN_URL.strip("/") not in response.content.decode()


def test_admin_and_kiosk_pages_ask_not_to_be_indexed_and_the_guide_does_not(client, pages):
    login = client.get(reverse("admin:login")).content.decode()
    assert meta(login, "name", "robots") == ["NONE,NOARCHIVE"]  # Django's admin: noindex, nofollow
    assert all(meta(page, "name", "robots") == [] for page in pages.values())
    client.post(reverse("kiosk:enter"))
    assert meta(client.get("/guide/evidence/").content.decode(), "name", "robots") == [
        "noindex, nofollow"
    ]
