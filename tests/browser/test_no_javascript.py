"""With JavaScript turned off in the browser, a person still completes the whole guide and gets
their checklist, with every answer on it."""

import pytest

from .a11y import walk_the_guide

MODES = {"normal": {}, "kiosk": {"KIOSK_MODE": "1"}}


@pytest.mark.parametrize("mode", list(MODES))
def test_without_javascript_the_whole_guide_reaches_a_filled_in_checklist(live_app, new_page, mode):
    page = new_page(live_app(**MODES[mode]), java_script_enabled=False)
    reached = []
    walk_the_guide(page, lambda page, label: reached.append(label))

    assert page.url.endswith("/checklist/")
    assert reached[-1] == "/checklist/ answered"
    checklist = page.locator("main").inner_text()
    for answer in ("Who will do the injections?", "What is in the mix?", "USD 2,400", "USD 1,200"):
        assert answer in checklist, answer
    # The personal-fit answers and the leaning reach the checklist without any script.
    for answer in (
        "Sex: Female",
        "May not suit you",
        "Talking to my doctor",
        "Leaning towards now",
    ):
        assert answer in checklist, answer
    # The print button is revealed by script only, so it staying hidden shows scripts were off.
    assert page.locator(".js-print").is_hidden()
    if mode == "normal":
        assert page.get_by_role("link", name="Download PDF (A4)").is_visible()
