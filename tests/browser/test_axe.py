"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds nothing on any page, in normal and kiosk
mode: empty, answered, with errors, and the 404 page."""

import pytest

from .a11y import ALL_PATHS, STEP_PATHS, TOO_LONG_QUESTION, AxeReport, walk_the_guide

MODES = {"normal": {}, "kiosk": {"KIOSK_MODE": "1"}}
# The 404 page is only ours with DEBUG off; with it on, Django shows its own debug page.
# A production kiosk will not start without a staff PIN of at least 6 digits.
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "browser-test-" + "k" * 50,
    "SECURE_SSL_REDIRECT": "0",
    "KIOSK_EXIT_PIN": "135790",
}


@pytest.fixture(scope="module", params=list(MODES))
def mode(request):
    return request.param


@pytest.fixture(scope="module")
def server(live_app, mode):
    return live_app(**MODES[mode])


def test_axe_finds_nothing_on_any_page_before_answers(new_page, server, mode):
    page = new_page(server)
    report = AxeReport()
    for path in ALL_PATHS:
        response = page.goto(path)
        if response.status != 200:
            report.lines.append(f"{mode} {path} answered {response.status}, not 200")
        report.check(page, f"{mode} {path} (empty)")
    report.assert_clean()


def test_axe_finds_nothing_while_answering_and_on_every_answered_page(new_page, server, mode):
    page = new_page(server)
    report = AxeReport()
    walk_the_guide(page, lambda page, label: report.check(page, f"{mode} {label}"))
    for path in STEP_PATHS:
        page.goto(path)
        report.check(page, f"{mode} {path} (answered)")
    assert len(report.pages) == 11 + len(STEP_PATHS)
    report.assert_clean()


def submit(page, button: str) -> None:
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state("load")
    assert page.locator("#error-summary").is_visible(), page.url


def test_axe_finds_nothing_on_error_messages(new_page, server, mode):
    page = new_page(server)
    report = AxeReport()

    page.goto("/guide/costs/")
    page.get_by_label("Sessions in the first course").fill("99")
    page.get_by_label("Top-up sessions each year after that").fill("-1")
    page.locator("input[name=price_per_session]").fill("0")
    submit(page, "Show my results")
    report.check(page, f"{mode} /guide/costs/ out-of-range numbers")

    page.goto("/guide/costs/")
    page.locator("input[name=price_per_session]").fill("lots")
    submit(page, "Show my results")
    report.check(page, f"{mode} /guide/costs/ not a number")

    page.goto("/guide/questions/")
    page.get_by_label("Your own questions (optional)").fill(TOO_LONG_QUESTION)
    submit(page, "Save and go to the next step")
    report.check(page, f"{mode} /guide/questions/ 301-character question")

    page.goto("/guide/questions/")
    page.get_by_label("Your own questions (optional)").fill("\n".join(["Why?"] * 6))
    submit(page, "Save and go to the next step")
    report.check(page, f"{mode} /guide/questions/ six own questions")

    for path, button in (
        ("/guide/values/", "Show how the options compare"),
        ("/guide/understanding/", "Check my answers"),
        ("/guide/sure/", "Save and go to the next step"),
    ):
        page.goto(path)
        submit(page, button)
        report.check(page, f"{mode} {path} nothing chosen")
    report.assert_clean()


def test_axe_finds_nothing_on_the_page_not_found(live_app, new_page, mode):
    server = live_app(**PRODUCTION, **MODES[mode])
    page = new_page(server)
    report = AxeReport()
    for path in ("/no-such-page/", "/guide/no-such-step/"):
        response = page.goto(path)
        assert response.status == 404
        assert page.get_by_role("heading", name="Page not found").is_visible()
        report.check(page, f"{mode} {path} (404)")
    report.assert_clean()


# Best-practice rules, outside the WCAG tags, that screen-reader users lean on to find their way.
STRUCTURE = {
    "runOnly": [
        "page-has-heading-one",
        "heading-order",
        "empty-heading",
        "landmark-one-main",
        "landmark-unique",
        "region",
        "skip-link",
    ],
    "resultTypes": ["violations"],
}
UNGROUPED_CHOICES = """
() => [...document.querySelectorAll('input[type=radio], input[type=checkbox]')]
  .filter(input => {
    const legend = input.closest('fieldset')?.querySelector('legend');
    return !legend || !legend.textContent.trim();
  })
  .map(input => input.name)
"""


def test_every_page_has_one_main_heading_ordered_headings_landmarks_and_grouped_choices(
    new_page, server, mode
):
    page = new_page(server)
    report = AxeReport(options=STRUCTURE)
    for path in ALL_PATHS:
        page.goto(path)
        report.check(page, f"{mode} {path}")
        for name in sorted(set(page.evaluate(UNGROUPED_CHOICES))):
            report.lines.append(
                f"{mode} {path}: choices {name!r} are not in a fieldset with a legend"
            )
    report.assert_clean()


def test_axe_check_fails_and_names_the_rule_page_and_element(new_page, app_server):
    page = new_page(app_server)
    page.goto("/about/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.id = 'planted';"
        " img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';"
        " document.querySelector('main').append(img); }"
    )
    report = AxeReport()
    report.check(page, "/about/ with a planted image")
    with pytest.raises(pytest.fail.Exception) as failure:
        report.assert_clean()
    assert "image-alt (critical) on /about/ with a planted image: #planted" in str(failure.value)


def test_axe_finds_nothing_on_the_evidence_step_with_every_card_closed_then_open(
    new_page, server, mode
):
    page = new_page(server)
    report = AxeReport()
    page.goto("/guide/evidence/")
    assert page.locator("details[open]").count() == 0
    report.check(page, f"{mode} /guide/evidence/ cards closed")
    page.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")
    assert page.locator("details:not([open])").count() == 0
    report.check(page, f"{mode} /guide/evidence/ cards open")
    page.goto("/guide/options/")
    page.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")
    report.check(page, f"{mode} /guide/options/ notes open")
    report.assert_clean()
