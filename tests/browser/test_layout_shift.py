"""The checklist page keeps still while it loads: layout shift below 0.1, Lighthouse's "good".

Lighthouse loads pages on a slow phone connection, so the font and the script arrive after the
first paint. Here both are held back for a moment, on a phone-sized and a desktop window.
"""

import time

import pytest

CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) { window.__cls += entry.value; }
  }
}).observe({type: "layout-shift", buffered: true});
"""
DELAY_SECONDS = 0.6


def slowly(route) -> None:
    time.sleep(DELAY_SECONDS)
    route.continue_()


@pytest.mark.parametrize(
    "viewport", [{"width": 412, "height": 823}, {"width": 1350, "height": 940}], ids=str
)
def test_the_checklist_page_shifts_less_than_a_tenth_while_fonts_and_script_load(
    new_page, app_server, viewport
):
    page = new_page(app_server, viewport=viewport)
    page.add_init_script(CLS_OBSERVER)
    page.route("**/*.woff2", slowly)
    page.route("**/*.js", slowly)
    page.goto("/checklist/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert page.evaluate("document.fonts.check('16px \"Atkinson Hyperlegible\"')")
    assert page.locator(".js-print").is_visible()
    cls = page.evaluate("window.__cls")
    assert cls < 0.1, f"cumulative layout shift {cls:.3f} at {viewport}"
