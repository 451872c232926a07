"""Kiosk mode in a real browser: the idle warning, the reset, one tap to carry on, take-home links
and touch target sizes."""

import re

import pytest

from .a11y import ALL_PATHS

# A short idle spell so the test waits seconds, not minutes; the warning runs 3 s on top.
IDLE = {"KIOSK_MODE": "1", "KIOSK_IDLE_SECONDS": "3", "KIOSK_WARNING_SECONDS": "3"}
KIOSK = {"KIOSK_MODE": "1"}


@pytest.fixture(scope="module")
def idle_server(live_app):
    return live_app(**IDLE)


@pytest.fixture(scope="module")
def kiosk_server(live_app):
    return live_app(**KIOSK)


def answer_situation(page) -> None:
    page.goto("/")
    page.get_by_role("link", name="Start the guide").click()
    page.get_by_role("group", name=re.compile("doctor told you", re.I)).get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_label("1 to 5 years").check()
    page.get_by_role("button", name="Save and go to the next step").click()
    page.wait_for_url("**/guide/what-it-is/")


def situation_is_answered(page) -> bool:
    page.goto("/guide/situation/")
    return page.get_by_label("1 to 5 years").is_checked()


def test_idle_kiosk_warns_then_clears_everything_and_back_shows_nothing(new_page, idle_server):
    page = new_page(idle_server)
    answer_situation(page)

    warning = page.get_by_role("alertdialog")
    warning.wait_for(state="visible", timeout=8000)
    assert page.evaluate("document.activeElement.id") == "kiosk-warning-title"

    page.wait_for_url(re.compile(r"/\?cleared=idle$"), timeout=10000)
    assert page.get_by_role("link", name="Start the guide").is_visible()
    assert "Everything from it was cleared" in page.content()

    page.go_back()
    page.wait_for_load_state()
    assert (
        "1 to 5 years" not in page.content() or not page.get_by_label("1 to 5 years").is_checked()
    )
    assert not situation_is_answered(page)


def test_one_tap_on_the_warning_keeps_the_answers(new_page, idle_server):
    page = new_page(idle_server)
    answer_situation(page)

    page.get_by_role("alertdialog").wait_for(state="visible", timeout=8000)
    page.get_by_role("button", name="I am still here").click()
    assert not page.get_by_role("alertdialog").is_visible()

    assert situation_is_answered(page)


def test_take_home_link_restores_choices_in_a_fresh_browser(new_page, kiosk_server):
    page = new_page(kiosk_server)
    answer_situation(page)
    page.goto("/guide/summary/")
    link = page.locator(".take-home .source-url").inner_text().strip()
    path = re.sub(r"^https?://[^/]+", "", link)
    assert path.startswith("/resume/")
    assert page.locator(".take-home svg.qr").count() == 1

    phone = new_page(kiosk_server)
    phone.goto(path)
    assert phone.get_by_role("heading", name="Open your saved choices?").is_visible()
    phone.get_by_role("button", name="Open my saved choices").click()
    phone.wait_for_url("**/guide/summary/")
    assert "1 to 5 years" in phone.content()

    tampered = new_page(kiosk_server)
    response = tampered.goto(path[:-4] + "xyz/")
    assert response.status == 400
    assert "This link does not work" in tampered.content()


MEASURE_TARGETS = """
() => [...document.querySelectorAll(
    'a[href], button, input[type=submit], input[type=radio], input[type=checkbox], select, summary'
  )]
  .filter(el => el.offsetParent !== null && !el.closest('[hidden]'))
  .map(el => {
    const target = (el.type === 'radio' || el.type === 'checkbox')
      ? (el.closest('.form-check') || el) : el;
    const box = target.getBoundingClientRect();
    return {text: (el.innerText || el.value || el.name || el.href || '').slice(0, 60),
            width: Math.round(box.width), height: Math.round(box.height)};
  })
"""


def test_every_button_and_link_on_kiosk_pages_is_at_least_48px(new_page, kiosk_server):
    page = new_page(kiosk_server, viewport={"width": 1280, "height": 1024})
    small = []
    for path in ALL_PATHS:
        page.goto(path)
        for target in page.evaluate(MEASURE_TARGETS):
            if target["width"] < 48 or target["height"] < 48:
                small.append((path, target))
    unique = sorted({(path, t["text"], t["width"], t["height"]) for path, t in small})
    assert not small, "targets under 48px:\n" + "\n".join(map(str, unique[:60]))


def test_the_confirm_pages_for_kiosk_mode_and_take_home_links_pass_axe(new_page, app_server):
    from decisionaid.kiosk.takehome import make_token

    from .a11y import AxeReport

    report = AxeReport()
    page = new_page(app_server)
    for path in ("/kiosk/", f"/resume/{make_token({'sure': {'sure': 'yes'}})}/", "/resume/x/"):
        page.goto(path)
        report.check(page, path)
    page.goto("/kiosk/")
    page.get_by_role("button", name="Turn on kiosk mode").click()
    page.wait_for_url(app_server.url + "/")
    page.goto("/kiosk/exit/")
    report.check(page, "/kiosk/exit/ in kiosk mode")
    report.assert_clean()
