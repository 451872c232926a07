"""Field-test mode in a real browser, at home and on a kiosk: the invitation, the consent page and
the questionnaire pass axe, work with the keyboard alone, and work with JavaScript turned off."""

import re

import pytest

from .a11y import AxeReport
from .test_keyboard import Keyboard, checked_label

MODES = {"normal": {"FIELD_TEST": "1"}, "kiosk": {"FIELD_TEST": "1", "KIOSK_MODE": "1"}}
COUNT_ROWS = "from decisionaid.fieldtest.models import Response as R; print(R.objects.count())"


@pytest.fixture(scope="module", params=list(MODES))
def mode(request):
    return request.param


def rows(server) -> int:
    return int(server.manage("shell", "-c", COUNT_ROWS).strip().splitlines()[-1])


def invitation_page(mode: str) -> str:
    return "/checklist/" if mode == "kiosk" else "/guide/summary/"


def test_invitation_consent_and_questionnaire_pass_axe(live_app, new_page, mode):
    page = new_page(live_app(**MODES[mode]))
    report = AxeReport()
    page.goto(invitation_page(mode))
    assert page.locator(".field-test-invite").is_visible()
    report.check(page, f"{mode} invitation")
    page.get_by_role("link", name="Answer a few questions").click()
    page.wait_for_url("**/field-test/")
    report.check(page, f"{mode} consent")
    page.get_by_role("link", name="Start the questions").click()
    page.wait_for_url("**/field-test/questions/1/")
    report.check(page, f"{mode} questions part 1")
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/field-test/questions/2/")
    report.check(page, f"{mode} questions part 2")
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_url("**/field-test/thank-you/")
    report.check(page, f"{mode} thanks")
    report.assert_clean()


def test_each_question_is_a_named_group(live_app, new_page, mode):
    page = new_page(live_app(**MODES[mode]))
    page.goto("/field-test/questions/1/")
    group = page.get_by_role("group", name=re.compile("see what your choices are"))
    assert group.get_by_role("radio").count() == 5


def test_keyboard_alone_answers_and_sends_the_questionnaire(live_app, new_page, mode):
    server = live_app(**MODES[mode])
    before = rows(server)
    page = new_page(server)
    keys = Keyboard(page)
    page.goto(invitation_page(mode))
    keys.activate("Answer a few questions", "**/field-test/")
    keys.activate("Start the questions", "**/field-test/questions/1/")
    keys.answer_radio_groups(1, arrows="ArrowDown ArrowDown")
    assert checked_label(page, "prep_choices") == "Somewhat"
    keys.activate("Next", "**/field-test/questions/2/")
    keys.move_to_type("checkbox")
    keys.press("Space")
    keys.activate("Send my answers", "**/field-test/thank-you/")
    assert page.get_by_role("heading", name="Thank you").is_visible()
    assert rows(server) == before + 1
    assert not keys.unseen, "focus not visible on:\n" + "\n".join(keys.unseen)


def test_keyboard_alone_skips_the_invitation_in_one_press(live_app, new_page, mode):
    server = live_app(**MODES[mode])
    before = rows(server)
    page = new_page(server)
    keys = Keyboard(page)
    page.goto(invitation_page(mode))
    keys.move_to("No thanks")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert page.locator(".field-test-invite").count() == 0
    assert rows(server) == before


def test_without_javascript_the_invitation_consent_and_questions_work(live_app, new_page, mode):
    server = live_app(**MODES[mode])
    before = rows(server)
    page = new_page(server, java_script_enabled=False)
    page.goto(invitation_page(mode))
    page.get_by_role("link", name="Answer a few questions").click()
    page.get_by_role("link", name="Start the questions").click()
    page.get_by_role("radio", name="A great deal").first.check()
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/field-test/questions/2/")
    page.get_by_role("radio", name="About right").first.check()
    page.get_by_role("button", name="Back").click()
    page.wait_for_url("**/field-test/questions/1/")
    assert checked_label(page, "prep_choices") == "A great deal"
    page.get_by_role("button", name="Next").click()
    assert checked_label(page, "length") == "About right"
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_url("**/field-test/thank-you/")
    assert rows(server) == before + 1
    page.goto(invitation_page(mode))
    assert page.locator(".field-test-invite").count() == 0
