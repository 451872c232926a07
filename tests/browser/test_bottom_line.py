"""On a 390 x 844 phone every step opens with its "In short" and the long steps stay short with
the cards closed; a link to a study opens its card, with or without JavaScript; cards print open."""

import pytest

from decisionaid.guide.steps import STEPS

PHONE = {"width": 390, "height": 844}
KIOSK = {"width": 1080, "height": 1920}
# How many screens tall a page may be on the phone, with every card closed.
MAX_SCREENS = {"evidence": 6, "options": 5}
STUDY = "moftah-2012-trial"


@pytest.fixture(scope="module")
def phone(browser, app_server):
    context = browser.new_context(base_url=app_server.url, viewport=PHONE)
    yield context.new_page()
    context.close()


def bottom_of(locator) -> float:
    box = locator.bounding_box()
    assert box, "not laid out"
    return box["y"] + box["height"]


def assert_in_short_on_first_screen(page, height: int) -> None:
    in_short = page.locator(".in-short")
    heading = in_short.get_by_role("heading", name="In short", level=2)
    assert heading.is_visible(), page.url
    assert bottom_of(heading) <= height, page.url
    assert bottom_of(in_short.locator("p").first) <= height, page.url


@pytest.mark.parametrize("slug", [step.slug for step in STEPS])
def test_on_a_phone_each_step_shows_in_short_and_its_text_on_the_first_screen(phone, slug):
    phone.goto(f"/guide/{slug}/")
    assert phone.evaluate("window.scrollY") == 0
    assert_in_short_on_first_screen(phone, PHONE["height"])


def test_on_the_kiosk_screen_each_step_shows_in_short_first(live_app, new_page):
    page = new_page(live_app(KIOSK_MODE="1"), viewport=KIOSK)
    for step in STEPS:
        page.goto(f"/guide/{step.slug}/")
        assert_in_short_on_first_screen(page, KIOSK["height"])


@pytest.mark.parametrize("slug", list(MAX_SCREENS))
def test_on_a_phone_the_evidence_and_options_steps_stay_within_their_screens(phone, slug):
    phone.goto(f"/guide/{slug}/")
    assert phone.locator("details[open]").count() == 0
    height = phone.evaluate("document.documentElement.scrollHeight")
    screens = height / PHONE["height"]
    print(f"{slug}: {height}px, {screens:.1f} screens")
    assert screens <= MAX_SCREENS[slug]


def card(page, slug: str = STUDY):
    return page.locator(f"details.study:has(#study-{slug})")


def assert_opened_and_shown(page, slug: str = STUDY) -> None:
    study = card(page, slug)
    assert study.evaluate("d => d.open")
    assert study.locator(".facts").is_visible()
    summary_top = study.locator("summary").bounding_box()["y"]
    assert 0 <= summary_top < PHONE["height"], summary_top


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_following_a_study_link_from_the_table_opens_its_card(new_page, app_server, javascript):
    page = new_page(app_server, viewport=PHONE, java_script_enabled=javascript)
    page.goto("/guide/evidence/")
    assert not card(page).evaluate("d => d.open")
    assert card(page).locator(".facts").is_hidden()
    page.locator("table.glance").get_by_role("link").nth(4).click()
    page.wait_for_url(f"**/guide/evidence/#study-{STUDY}")
    assert_opened_and_shown(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_arriving_with_a_study_link_opens_that_card_only(new_page, app_server, javascript):
    page = new_page(app_server, viewport=PHONE, java_script_enabled=javascript)
    page.goto(f"/guide/evidence/#study-{STUDY}")
    assert_opened_and_shown(page)
    assert page.locator("details[open]").count() == 1


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_every_card_and_reading_note_prints_open(new_page, app_server, javascript):
    page = new_page(app_server, java_script_enabled=javascript)
    page.goto("/guide/evidence/")
    page.emulate_media(media="print")
    bodies = page.locator("details.study .facts")
    assert bodies.count() > 5
    for index in range(bodies.count()):
        assert bodies.nth(index).is_visible(), index
    assert page.locator("details.explain p").first.is_visible()


def test_a_card_opens_and_closes_with_the_keyboard(new_page, app_server):
    page = new_page(app_server, viewport=PHONE)
    page.goto("/guide/evidence/")
    summary = card(page).locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert card(page).evaluate("d => d.open")
    page.keyboard.press("Space")
    assert not card(page).evaluate("d => d.open")


@pytest.mark.parametrize(
    "viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "laptop"]
)
def test_tab_reaches_the_step_buttons_in_the_order_they_are_seen(new_page, app_server, viewport):
    page = new_page(app_server, viewport=viewport)
    page.goto("/guide/costs/")
    buttons = page.locator(".btn-row button")
    names = [name.strip() for name in buttons.all_inner_texts()]
    assert names == ["Save and go to the next step", "Show my results", "Skip this step", "Back"]
    boxes = [buttons.nth(i).bounding_box() for i in range(buttons.count())]
    seen = sorted(range(len(boxes)), key=lambda i: (round(boxes[i]["y"]), boxes[i]["x"]))
    assert seen == list(range(len(boxes)))
    buttons.first.focus()
    tabbed = [names[0]]
    for _ in names[1:]:
        page.keyboard.press("Tab")
        tabbed.append(page.evaluate("document.activeElement.innerText").strip())
    assert tabbed == names
