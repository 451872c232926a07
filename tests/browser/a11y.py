"""Shared helpers for the accessibility runs: the page list, axe with WCAG A/AA tags, and a walk
through the guide that answers every step the way a person would with a mouse."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

from decisionaid.guide.choices import MAX_OWN_QUESTION_LENGTH
from decisionaid.public_pages import public_paths, step_paths

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

STEP_PATHS = step_paths()
ALL_PATHS = public_paths()

TOO_LONG_QUESTION = "Is this too long? " + "x" * (MAX_OWN_QUESTION_LENGTH + 1 - 18)
SAVE_AND_NEXT = "Save and go to the next step"
LANGUAGES = ["en", "es"]


def translator(language: str) -> Callable[[str], str]:
    """The interface's own words in a language (from its .po), to find controls by name."""

    def t(text: str) -> str:
        with translation.override(language):
            return translation.gettext(text)

    return t


def choose_language(page, language: str) -> None:
    """Use the page's language switch when the page is not in that language already."""
    if page.locator("html").get_attribute("lang") != language:
        page.locator(f".language-switch a[hreflang={language}]").click()
        page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == language


_axe = Axe()


@dataclass
class AxeReport:
    """Violations gathered over many pages, printed as rule, impact, page and target selectors."""

    lines: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    options: dict = field(default_factory=lambda: AXE_OPTIONS)

    def check(self, page, label: str) -> None:
        page.wait_for_load_state("load")
        results = _axe.run(page, options=self.options).response
        self.pages.append(label)
        for violation in results["violations"]:
            for node in violation["nodes"]:
                target = " ".join(str(part) for part in node["target"])
                self.lines.append(
                    f"{violation['id']} ({violation['impact']}) on {label}: {target}"
                    f" -- {violation['help']}"
                )

    def assert_clean(self) -> None:
        if self.lines:
            pytest.fail(
                f"{len(self.lines)} accessibility failures over {len(self.pages)} pages:\n"
                + "\n".join(self.lines),
                pytrace=False,
            )


def radio_groups(page):
    """Every fieldset of radio buttons on the page, in order."""
    return page.locator("fieldset").filter(has=page.locator("input[type=radio]")).all()


def answer_situation(page, t: Callable[[str], str] = str) -> None:
    groups = radio_groups(page)
    groups[0].get_by_label(t("Yes"), exact=True).check()
    page.get_by_label(t("1 to 5 years")).check()
    page.locator("input[name=tried]").first.check()
    # The personal-fit questions, answered so suitability notes show on the later pages.
    page.get_by_role("group", name=t("What is your sex?")).get_by_label(t("Female")).check()
    pregnancy = t("Are you pregnant, could you become pregnant, or are you breastfeeding?")
    page.get_by_role("group", name=pregnancy).get_by_label(t("Yes"), exact=True).check()
    page.get_by_role("group", name=t("How old are you?")).get_by_label(t("18 to 39")).check()


def answer_costs(page, t: Callable[[str], str] = str) -> None:
    page.locator("input[name=price_per_session]").fill("300")
    page.get_by_label(t("Sessions in the first course")).fill("8")
    page.get_by_label(t("Top-up sessions each year after that")).fill("4")


def answer_every_radio_group(page, t: Callable[[str], str] = str, pick: int = 0) -> None:
    """Choose the pick-th answer in every radio group; the first group gets the last answer so
    a rating of 5 shows the comparison tables."""
    for number, group in enumerate(radio_groups(page)):
        radios = group.locator("input[type=radio]")
        index = radios.count() - 1 if number == 0 else pick
        radios.nth(index).check()


def answer_questions(page, t: Callable[[str], str] = str) -> None:
    page.get_by_label(t("Your own questions (optional)")).fill(
        "Who will do the injections?\nWhat is in the mix?"
    )


def walk_the_guide(page, at_each_page=lambda page, label: None, language: str = "en") -> None:
    """From the landing page to the checklist, answering every step with pointer clicks.

    `at_each_page(page, label)` runs on each page as it is reached, including the results a
    "show" button brings up, so callers can check each one. In another language the walk uses
    the language switch first if the start page is not in it already (a kiosk starts in the
    deployment's language), and finds every control by its translated name.
    """
    t = translator(language)
    page.goto("/")
    if language != "en":
        choose_language(page, language)
    at_each_page(page, "/")
    page.get_by_role("link", name=t("Start the guide")).click()
    page.wait_for_url("**/guide/situation/")
    answer_situation(page, t)
    page.get_by_role("button", name=t(SAVE_AND_NEXT)).click()
    next_link = re.compile("^" + re.escape(t("Next: %(title)s") % {"title": ""}))
    for slug in ("what-it-is", "evidence", "options", "risks"):
        page.wait_for_url(f"**/guide/{slug}/")
        at_each_page(page, f"/guide/{slug}/")
        page.get_by_role("link", name=next_link).click()
    for slug, answer, show in (
        ("costs", answer_costs, "Show my results"),
        ("values", answer_every_radio_group, "Show how the options compare"),
        ("understanding", answer_every_radio_group, "Check my answers"),
    ):
        page.wait_for_url(f"**/guide/{slug}/")
        answer(page, t)
        page.get_by_role("button", name=t(show)).click()
        page.wait_for_url(f"**/guide/{slug}/#results")
        page.locator("#results").wait_for()
        at_each_page(page, f"/guide/{slug}/ with results")
        page.get_by_role("button", name=t(SAVE_AND_NEXT)).click()
    page.wait_for_url("**/guide/questions/")
    answer_questions(page, t)
    page.get_by_role("button", name=t(SAVE_AND_NEXT)).click()
    page.wait_for_url("**/guide/sure/")
    at_each_page(page, "/guide/sure/")
    # The SURE answers, then the leaning (the second option) and what would help.
    answer_every_radio_group(page, t, pick=1)
    page.get_by_label(t("Talking to my doctor")).check()
    page.get_by_role("button", name=t(SAVE_AND_NEXT)).click()
    page.wait_for_url("**/guide/summary/")
    at_each_page(page, "/guide/summary/ answered")
    page.get_by_role("link", name=t("Open your checklist to print")).click()
    page.wait_for_url("**/checklist/")
    at_each_page(page, "/checklist/ answered")
