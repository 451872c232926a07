"""The guide in Spanish in a real browser: axe (WCAG 2.0-2.2 A and AA) finds nothing on any page,
empty and answered, normal and kiosk; a Spanish browser lands on /es/; the kiosk's language
buttons are large; the switch keeps every answer."""

import pytest
from django.utils import translation

from decisionaid.public_pages import public_paths

from .a11y import AxeReport, translator, walk_the_guide

MODES = {"normal": {}, "kiosk": {"KIOSK_MODE": "1"}}


def spanish_paths() -> list[str]:
    with translation.override("es"):
        return public_paths()


@pytest.fixture(scope="module", params=list(MODES))
def mode(request):
    return request.param


@pytest.fixture(scope="module")
def server(live_app, mode):
    return live_app(**MODES[mode])


def test_axe_finds_nothing_on_any_spanish_page_empty_or_answered(new_page, server, mode):
    page = new_page(server, locale="es-ES")
    report = AxeReport()
    for path in spanish_paths():
        response = page.goto(path)
        if response.status != 200:
            report.lines.append(f"{mode} {path} answered {response.status}, not 200")
        assert page.locator("html").get_attribute("lang") == "es", path
        report.check(page, f"{mode} {path} (empty)")
    walk_the_guide(page, lambda page, label: report.check(page, f"{mode} es {label}"), "es")
    for path in spanish_paths():
        page.goto(path)
        report.check(page, f"{mode} {path} (answered)")
    report.assert_clean()


def test_a_spanish_browser_lands_on_the_spanish_start_page(new_page, server, mode):
    page = new_page(server, locale="es-ES")
    page.goto("/")
    expected = "es" if mode == "normal" else "en"  # a shared kiosk keeps the deployment's
    assert page.locator("html").get_attribute("lang") == expected
    assert page.url.endswith("/es/") == (mode == "normal")


def test_the_kiosk_start_screen_has_large_language_buttons(new_page, live_app):
    page = new_page(live_app(**MODES["kiosk"]))
    page.goto("/")
    buttons = page.locator(".kiosk-languages a")
    assert buttons.count() == 2
    for index in range(2):
        box = buttons.nth(index).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 150, box
    page.get_by_role("link", name="Español", exact=True).first.click()
    page.wait_for_url("**/es/")
    t = translator("es")
    assert page.get_by_role("link", name=t("Start the guide")).is_visible()
    page.get_by_role("button", name=t("Finish and clear")).click()
    page.wait_for_url("**/?cleared=finished")
    assert page.locator("html").get_attribute("lang") == "en"


def test_switching_language_mid_guide_keeps_every_answer(new_page, server):
    page = new_page(server)
    walk_the_guide(page)
    english = page.locator("main").inner_text()
    page.locator(".language-switch a[hreflang=es]").click()
    page.wait_for_url("**/es/checklist/")
    spanish = page.locator("main").inner_text()
    for typed in ("Who will do the injections?", "What is in the mix?"):
        assert typed in english and typed in spanish
    page.goto("/es/guide/costs/")
    assert page.locator("input[name=price_per_session]").input_value() == "300.00"
