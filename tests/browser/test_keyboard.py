"""Keyboard only, from the landing page to the checklist: Tab, Shift+Tab, Space, Enter and the arrow
keys reach and work every control, and each focused control shows a visible focus indicator."""

import re

import pytest

from .a11y import LANGUAGES, choose_language, translator

MODES = {"normal": {}, "kiosk": {"KIOSK_MODE": "1"}}
# The cost the walk works out (8 sessions at 300), as each language writes it.
FIRST_YEAR = {"en": "USD 2,400", "es": "USD 2\u00a0400"}

FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== 'none';
  const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
  const name = el.getAttribute('aria-label') || label || el.innerText || el.value || '';
  return {
    tag: el.tagName.toLowerCase(), type: el.type || '', id: el.id,
    name: name.replace(/\\s+/g, ' ').trim().slice(0, 80),
    indicator: outline || shadow,
    focusVisible: el.matches(':focus-visible'),
    style: `outline: ${style.outline}; box-shadow: ${style.boxShadow}`,
  };
}
"""


class Keyboard:
    """Presses keys on a page and checks the focus indicator of everything that gets focus."""

    def __init__(self, page) -> None:
        self.page = page
        self.visited: list[dict] = []
        self.unseen: list[str] = []

    def focused(self) -> dict | None:
        info = self.page.evaluate(FOCUSED)
        if info is not None:
            self.visited.append(info)
            if not (info["indicator"] and info["focusVisible"]):
                path = self.page.url.split("/", 3)[-1]
                self.unseen.append(f"/{path}: <{info['tag']}> {info['name']!r} {info['style']}")
        return info

    def press(self, key: str) -> dict | None:
        self.page.keyboard.press(key)
        return self.focused()

    def move_to(self, name: str | re.Pattern, key: str = "Tab", limit: int = 200) -> dict:
        """Press Tab (or Shift+Tab) until the focused control's name matches."""
        for _ in range(limit):
            info = self.press(key)
            if info and (
                name.search(info["name"]) if isinstance(name, re.Pattern) else info["name"] == name
            ):
                return info
        raise AssertionError(f"{key} never reached {name!r} on {self.page.url}")

    def move_to_type(self, kind: str, limit: int = 200) -> dict:
        """Press Tab until an input of this type (radio, checkbox) has focus."""
        for _ in range(limit):
            info = self.press("Tab")
            if info and info["type"] == kind:
                return info
        raise AssertionError(f"Tab never reached a {kind} on {self.page.url}")

    def activate(self, name: str | re.Pattern, url: str, key: str = "Tab") -> None:
        self.move_to(name, key)
        self.page.keyboard.press("Enter")
        self.page.wait_for_url(url)

    def answer_radio_groups(self, count: int, arrows: str = "") -> None:
        """Tab into each group, choose its first answer with Space, then move with arrow keys."""
        info = self.move_to_type("radio")
        for number in range(count):
            if number:
                info = self.press("Tab")
            assert info["type"] == "radio", info
            self.press("Space")
            for arrow in arrows.split():
                self.press(arrow)


def checked_label(page, name: str) -> str:
    return page.evaluate(
        "name => document.querySelector(`input[name='${name}']:checked`).labels[0].innerText",
        name,
    ).strip()


@pytest.fixture(scope="module", params=list(MODES))
def mode(request):
    return request.param


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_alone_walks_the_whole_guide_to_the_checklist_with_focus_always_visible(
    live_app, new_page, mode, language
):
    t = translator(language)
    save_and_next = t("Save and go to the next step")
    next_link = re.compile("^" + re.escape(t("Next: %(title)s") % {"title": ""}))
    page = new_page(live_app(**MODES[mode]))
    keys = Keyboard(page)
    page.goto("/")
    if language != "en":
        # The language switch is a plain link: Tab to it and press Enter.
        keys.activate(re.compile("^Español$"), "**/es/")
        choose_language(page, language)

    skip = keys.press("Tab")
    assert skip["name"] == t("Skip to main content")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    keys.activate(t("Start the guide"), "**/guide/situation/")

    # Situation: Space picks the first answer, the arrow keys move along a radio group.
    keys.move_to(t("Yes"))
    keys.press("Space")
    keys.press("Tab")
    keys.press("Space")
    keys.press("ArrowDown")
    assert checked_label(page, "diagnosed") == t("Yes")
    assert checked_label(page, "duration") == t("1 to 5 years")
    tried = keys.press("Tab")
    assert tried["type"] == "checkbox"
    keys.press("Space")
    # The personal-fit questions: Tab to a group, Space picks, Tab moves to the next group.
    keys.move_to(t("Female"))
    keys.press("Space")
    assert keys.press("Tab")["type"] == "radio"
    keys.press("Space")
    assert checked_label(page, "sex") == t("Female")
    assert checked_label(page, "pregnancy") == t("Yes")
    keys.activate(save_and_next, "**/guide/what-it-is/")

    # The reading steps: past Next to Back, then Shift+Tab returns to Next.
    for slug in ("evidence", "options", "risks", "costs"):
        keys.move_to(next_link)
        assert keys.press("Tab")["name"] == t("Back")
        keys.activate(next_link, f"**/guide/{slug}/", key="Shift+Tab")

    # Costs: type a price, show the results, then Shift+Tab back up to the form's buttons.
    keys.move_to(re.compile("^" + re.escape(t("Price of one session (%(currency)s)")[:10])))
    page.keyboard.press("Control+A")
    page.keyboard.type("300")
    keys.activate(t("Show my results"), "**/guide/costs/#results")
    assert FIRST_YEAR[language] in page.locator("#results").inner_text()
    keys.activate(save_and_next, "**/guide/values/", key="Shift+Tab")

    # Values: the first answer is 1; four presses of the right arrow make it 5.
    keys.answer_radio_groups(1, arrows="ArrowRight ArrowRight ArrowRight ArrowRight")
    statements = page.locator("fieldset").count()
    keys.answer_radio_groups(statements - 1)
    first = page.locator("input[type=radio]").first.get_attribute("name")
    assert checked_label(page, first) == t("5 (very important)")
    keys.activate(t("Show how the options compare"), "**/guide/values/#results")
    assert page.locator("#results table").count() >= 1
    keys.activate(save_and_next, "**/guide/understanding/", key="Shift+Tab")

    keys.answer_radio_groups(page.locator("fieldset").count(), arrows="ArrowDown")
    keys.activate(t("Check my answers"), "**/guide/understanding/#results")
    keys.activate(save_and_next, "**/guide/questions/", key="Shift+Tab")

    # Questions: untick the first ticked question, write one of their own.
    keys.move_to_type("checkbox")
    was_ticked = page.evaluate("document.activeElement.checked")
    keys.press("Space")
    assert page.evaluate("document.activeElement.checked") != was_ticked
    keys.move_to(t("Your own questions (optional)"))
    page.keyboard.type("Who will do the injections?")
    keys.activate(save_and_next, "**/guide/sure/")

    keys.answer_radio_groups(4)
    # The leaning: the next group's first option, then one thing that would help.
    assert keys.press("Tab")["type"] == "radio"
    keys.press("Space")
    keys.press("ArrowDown")
    leaning = checked_label(page, "leaning")
    keys.move_to(t("Talking to my doctor"))
    keys.press("Space")
    keys.activate(save_and_next, "**/guide/summary/")
    summary = page.locator("main").inner_text()
    assert "Who will do the injections?" in summary and leaning in summary

    keys.activate(t("Open your checklist to print"), "**/checklist/")
    checklist = page.locator("main").inner_text()
    assert "Who will do the injections?" in checklist
    assert FIRST_YEAR[language] in checklist
    assert leaning in checklist and t("Talking to my doctor") in checklist
    assert t("May not suit you") in checklist
    assert page.locator("html").get_attribute("lang") == language

    assert len(keys.visited) > 60
    assert not keys.unseen, "focused with no visible focus indicator:\n" + "\n".join(keys.unseen)


def test_focus_check_reports_a_control_whose_focus_indicator_was_removed(new_page, app_server):
    # The check above must be able to fail: strip the indicator and it names the control.
    page = new_page(app_server, bypass_csp=True)
    page.goto("/")
    page.add_style_tag(
        content="*:focus-visible { outline: none !important; box-shadow: none !important }"
    )
    keys = Keyboard(page)
    keys.move_to("Start the guide")
    assert any("Start the guide" in line for line in keys.unseen), keys.unseen
