"""A kiosk visit left alone is deleted on the server by itself, with or without JavaScript.

The server runs with a 6-second idle limit and a 4-second warning (10 seconds in all) and purges
expired rows every second; each visit is then left alone for 12 seconds.
"""

import http.cookiejar
import re
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from .test_kiosk_browser import answer_situation

EXPIRY = {
    "KIOSK_MODE": "1",
    "KIOSK_IDLE_SECONDS": "6",
    "KIOSK_WARNING_SECONDS": "4",
    "SESSION_PURGE_SECONDS": "1",
}
LEFT_ALONE_SECONDS = 12
OWN_QUESTION = "Is the vial from batch Zeta-4471?"


@pytest.fixture(scope="module")
def expiry_server(live_app):
    return live_app(**EXPIRY)


def sessions_in_table(server, key: str) -> int:
    code = (
        "from django.contrib.sessions.models import Session; "
        f"print(Session.objects.filter(session_key={key!r}).count())"
    )
    return int(server.manage("shell", "-c", code).strip().splitlines()[-1])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class PlainHttpVisitor:
    """A client that speaks plain HTTP with cookies, and never runs a line of JavaScript."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def request(self, path: str, data: dict | None = None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            response = self.opener.open(self.base + path, body, timeout=10)
        except urllib.error.HTTPError as redirect:
            response = redirect
        return response.status, dict(response.headers), response.read().decode()

    def post_form(self, path: str, fields: dict) -> tuple[int, dict, str]:
        _, _, page = self.request(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request(path, {**fields, "csrfmiddlewaretoken": token})

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "")


def test_over_plain_http_an_idle_visit_is_purged_and_the_next_request_gets_the_notice(
    expiry_server,
):
    visitor = PlainHttpVisitor(expiry_server.url)
    status, _, _ = visitor.post_form(
        "/guide/situation/", {"diagnosed": "yes", "duration": "1_to_5", "action": "next"}
    )
    assert status == 302
    status, _, _ = visitor.post_form("/guide/questions/", {"own": OWN_QUESTION, "action": "next"})
    assert status == 302
    key = visitor.cookie("sessionid")
    assert key and sessions_in_table(expiry_server, key) == 1

    time.sleep(LEFT_ALONE_SECONDS)

    assert sessions_in_table(expiry_server, key) == 0, "the row outlived the idle limit"
    status, headers, _ = visitor.request("/guide/what-it-is/")
    assert status == 302
    assert headers["Location"] == "/?cleared=idle"
    status, headers, landing = visitor.request(headers["Location"])
    assert status == 200
    assert "Everything from it was cleared" in landing
    assert "no-store" in headers["Cache-Control"]
    _, _, questions = visitor.request("/guide/questions/")
    assert OWN_QUESTION not in questions
    assert "Zeta-4471" not in questions


def test_with_javascript_off_an_idle_visit_is_gone_and_back_shows_nothing(new_page, expiry_server):
    page = new_page(expiry_server, java_script_enabled=False)
    answer_situation(page)
    page.goto("/guide/questions/")
    page.get_by_label(re.compile("Your own questions")).fill(OWN_QUESTION)
    page.get_by_role("button", name="Save and go to the next step").click()
    page.wait_for_url("**/guide/sure/")
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    assert sessions_in_table(expiry_server, key) == 1

    page.wait_for_timeout(LEFT_ALONE_SECONDS * 1000)

    assert sessions_in_table(expiry_server, key) == 0, "the row outlived the idle limit"
    page.get_by_role("link", name=re.compile("About", re.I)).first.click()
    page.wait_for_url(re.compile(r"/\?cleared=idle$"))
    assert "Everything from it was cleared" in page.content()

    page.go_back()
    page.wait_for_load_state()
    assert OWN_QUESTION not in page.content()
    page.goto("/guide/questions/")
    assert OWN_QUESTION not in page.content()
    page.goto("/guide/situation/")
    assert not page.get_by_label("1 to 5 years").is_checked()
