"""The landing page, the health check and the error pages."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

RELEASE_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures/content/release.json"


def test_landing_page_says_what_the_tool_is_and_what_it_does_not_do(client):
    response = client.get(reverse("pages:landing"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html
    assert 'class="skip-link" href="#main"' in html
    assert "15 minutes" in html
    assert "does not tell you what to choose" in html
    assert "does not ask for your name" in html
    assert reverse("pages:about") in html and reverse("pages:sources") in html


def test_pages_load_nothing_from_another_host(client):
    html = client.get(reverse("pages:landing")).content.decode()
    for attr in ('src="http', "src='http", 'href="//', 'src="//'):
        assert attr not in html
    assert 'rel="stylesheet" href="http' not in html


def test_healthz_reports_database_and_content_version(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["database"] == "ok"
    release = json.loads(RELEASE_FIXTURE.read_text(encoding="utf-8"))[0]["fields"]
    assert data["content_version"] == release["version"]
    assert len(data["content_fingerprint"]) == 12


def test_unknown_page_gets_a_styled_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "skip-link" in response.content.decode()
