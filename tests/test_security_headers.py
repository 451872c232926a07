"""Every page carries the strict CSP and security headers, and its HTML needs nothing inline."""

from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from decisionaid.guide.answers import Answers
from decisionaid.kiosk.takehome import make_token
from decisionaid.lib.ratelimit import rate_limited
from decisionaid.public_pages import public_paths

pytestmark = pytest.mark.django_db

TYPICAL_ANSWERS = {
    "situation": {
        "diagnosed": "no",
        "duration": "1_to_5",
        "tried": [],
        "warning_signs": ["patchy"],
    },
    "costs": {"price_per_session": "250.00", "first_course_sessions": 6, "maintenance_per_year": 4},
    "values": {"ratings": {"avoid-needles": 5, "low-cost": 4}},
    "understanding": {"responses": {}},
    "questions": {"selected": [], "own": ["<script>alert(1)</script> Is it safe?"]},
    "sure": {"sure": "no", "understand": "yes", "risks_benefits": "yes", "support": "no"},
}

PUBLIC_PAGES = public_paths()
KIOSK_PAGES = ["/", "/kiosk/exit/", "/guide/situation/", "/guide/summary/", "/checklist/"]


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


class InlineFinder(HTMLParser):
    """Collects whatever a strict CSP would block: inline scripts, styles and event handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name.lower() for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> block")
        for name in names:
            if name == "style":
                self.problems.append(f"style= on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
        for name, value in attrs:
            if name.lower() in ("href", "src", "action") and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL on <{tag}>")

    handle_startendtag = handle_starttag


def assert_strict(response, url: str, *, referrer: str = "same-origin") -> None:
    csp = response.get("Content-Security-Policy")
    assert csp, f"{url} has no Content-Security-Policy header"
    policy = directives(csp)
    assert policy["default-src"] == ["'self'"], url
    for directive in ("script-src", "style-src", "default-src"):
        for word in policy.get(directive, []):
            assert word not in ("'unsafe-inline'", "'unsafe-eval'", "*"), (url, directive, word)
    assert policy["frame-ancestors"] == ["'none'"], url
    assert policy["object-src"] == ["'none'"], url
    assert response["X-Frame-Options"] == "DENY", url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == referrer, url
    assert "camera=()" in response["Permissions-Policy"], url
    assert "geolocation=()" in response["Permissions-Policy"], url
    finder = InlineFinder()
    finder.feed(response.content.decode())
    assert finder.problems == [], f"{url}: {finder.problems}"


def fill(client: Client) -> None:
    session = client.session
    Answers(session).replace_all(TYPICAL_ANSWERS)
    session.save()


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_has_a_strict_policy_and_nothing_inline(client, url):
    fill(client)
    response = client.get(url)
    assert response.status_code == 200, url
    assert_strict(response, url)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_is_strict_with_an_empty_session_too(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert_strict(response, url)


@pytest.mark.parametrize("url", KIOSK_PAGES)
def test_kiosk_pages_with_the_idle_warning_and_script_keep_the_strict_policy(client, settings, url):
    settings.KIOSK_EXIT_PIN = "246813"
    client.post(reverse("kiosk:enter"))
    fill(client)
    response = client.get(url)
    assert response.status_code == 200, url
    assert 'class="kiosk' in response.content.decode()
    assert_strict(response, url)


def test_a_form_re_shown_with_errors_keeps_the_strict_policy(client):
    response = client.post("/guide/sure/", {"sure": "yes", "action": "next"})
    assert response.status_code == 200
    assert 'class="error-summary' in response.content.decode()
    assert_strict(response, "/guide/sure/ with errors")


def test_take_home_summary_and_a_broken_take_home_link_keep_the_strict_policy(client):
    link = f"/resume/{make_token(TYPICAL_ANSWERS)}/"
    response = client.get(link)
    assert response.status_code == 200
    # Take-home pages pass on only the site as Referer: their path is the key to someone's choices.
    assert_strict(response, "take-home confirmation", referrer="origin")
    response = client.post(link, follow=True)
    assert response.status_code == 200
    assert_strict(response, "take-home summary")
    response = client.get("/resume/not-a-real-token/")
    assert response.status_code == 400
    assert_strict(response, "broken take-home link", referrer="origin")


@pytest.mark.parametrize(
    ("name", "request_page", "status"),
    [
        ("404", lambda c: c.get("/no-such-page/"), 404),
        ("404 guide step", lambda c: c.get("/guide/no-such-step/"), 404),
        (
            "400 bad body",
            lambda c: c.post("/guide/sure/", b"--x", content_type="multipart/form-data; boundary="),
            400,
        ),
        ("400 bad paper", lambda c: c.get("/checklist.pdf?paper=folio"), 400),
        ("405", lambda c: c.post("/checklist/"), 405),
    ],
)
def test_error_pages_keep_the_strict_policy(client, settings, name, request_page, status):
    settings.DEBUG = False  # the friendly pages, not Django's debug pages (which use inline CSS)
    response = request_page(client)
    assert response.status_code == status, name
    assert_strict(response, name)


def test_csrf_failure_page_keeps_the_strict_policy(settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    response = client.post("/guide/sure/", {"sure": "yes"})
    assert response.status_code == 403
    assert_strict(response, "CSRF failure")


def test_rate_limited_page_needs_nothing_inline():
    cache.clear()
    request = RequestFactory().get("/checklist.pdf")

    @rate_limited("csp-test", "CSP_TEST_RATE")
    def view(request):
        raise AssertionError("the limit of zero lets nothing through")

    with override_settings(CSP_TEST_RATE="0/m"):
        response = view(request)
    cache.clear()
    assert response.status_code == 429
    finder = InlineFinder()
    finder.feed(response.content.decode())
    assert finder.problems == []
