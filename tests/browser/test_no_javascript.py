"""With JavaScript turned off in the browser, a person still completes the whole guide and gets
their checklist, with every answer on it, in English and in Spanish."""

import pytest

from .a11y import LANGUAGES, translator, walk_the_guide

MODES = {"normal": {}, "kiosk": {"KIOSK_MODE": "1"}}
# The walk's costs (8 sessions at 300, then 4 top-ups a year), as each language writes them
# (Spanish groups thousands with a no-break space).
COSTS = {"en": ("USD 2,400", "USD 1,200"), "es": ("USD 2\u00a0400", "USD 1\u00a0200")}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("mode", list(MODES))
def test_without_javascript_the_whole_guide_reaches_a_filled_in_checklist(
    live_app, new_page, mode, language
):
    t = translator(language)
    page = new_page(live_app(**MODES[mode]), java_script_enabled=False)
    reached = []
    walk_the_guide(page, lambda page, label: reached.append(label), language=language)

    assert page.url.endswith("/checklist/")
    assert reached[-1] == "/checklist/ answered"
    assert page.locator("html").get_attribute("lang") == language
    checklist = page.locator("main").inner_text()
    for answer in ("Who will do the injections?", "What is in the mix?", *COSTS[language]):
        assert answer in checklist, answer
    # The personal-fit answers and the leaning reach the checklist without any script.
    for answer in (
        f"{t('Sex')}: {t('Female')}",
        t("May not suit you"),
        t("Talking to my doctor"),
        t("Leaning towards now:").rstrip(":"),
    ):
        assert answer in checklist, answer
    # The print button is revealed by script only, so it staying hidden shows scripts were off.
    assert page.locator(".js-print").is_hidden()
    if mode == "normal":
        assert page.get_by_role("link", name=t("Download PDF (A4)")).is_visible()
