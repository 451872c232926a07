"""The app in a real browser: it loads, asks no other host for anything, and fits a phone."""

from urllib.parse import urlparse


def test_landing_page_makes_no_request_to_another_host(page, app_server):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert hosts == {urlparse(app_server.url).netloc}
    assert page.locator("h1").first.is_visible()


def test_landing_page_uses_the_self_hosted_font(page):
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.fonts.check('16px \"Atkinson Hyperlegible\"')")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert any("Atkinson Hyperlegible" in family for family in loaded)
