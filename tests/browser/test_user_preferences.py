"""The device's settings are respected: less motion stops all movement, more contrast darkens the
grey text and lines (to 7:1 text contrast), and Windows high-contrast colours keep the focus
outline."""

import pytest

from .a11y import AxeReport

MODES = {"normal": {}, "kiosk": {"KIOSK_MODE": "1"}}
PAGES = ["/", "/guide/what-it-is/", "/guide/options/", "/guide/summary/", "/checklist/"]
# Something that moves, added to the page so the test can see reduced motion take it away.
MOVING = (
    ".btn { transition: background-color 2s; } "
    "h1 { animation: wobble 2s infinite; } "
    "@keyframes wobble { from { opacity: 1; } to { opacity: 0.5; } } "
    "html { scroll-behavior: smooth; }"
)
MOTION = """
() => ({
  transition: getComputedStyle(document.querySelector('.btn')).transitionDuration,
  animations: document.getAnimations().length,
  scroll: getComputedStyle(document.documentElement).scrollBehavior,
})
"""
COLOURS = """
() => ({
  muted: getComputedStyle(document.querySelector('.step-progress')).color,
  header: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
})
"""


@pytest.fixture(scope="module", params=list(MODES))
def server(live_app, request):
    return live_app(**MODES[request.param])


def test_reduced_motion_stops_transitions_animations_and_smooth_scrolling(new_page, server):
    page = new_page(server, bypass_csp=True)
    page.goto("/")
    page.add_style_tag(content=MOVING)
    moving = page.evaluate(MOTION)
    assert moving == {"transition": "2s", "animations": 1, "scroll": "smooth"}

    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(MOTION) == {"transition": "0s", "animations": 0, "scroll": "auto"}


def test_more_contrast_darkens_grey_text_and_the_header(new_page, server):
    page = new_page(server)
    page.goto("/guide/situation/")
    usual = page.evaluate(COLOURS)
    page.emulate_media(contrast="more")
    more = page.evaluate(COLOURS)
    assert usual["muted"] == "rgb(74, 79, 85)"
    assert more["muted"] == "rgb(27, 27, 27)"
    assert more["header"] == "rgb(6, 47, 82)" != usual["header"]


def test_more_contrast_passes_axe_and_reaches_seven_to_one_text_contrast(new_page, server):
    page = new_page(server)
    page.emulate_media(contrast="more")
    report = AxeReport()
    enhanced = AxeReport(options={"runOnly": ["color-contrast-enhanced"]})
    for path in PAGES:
        page.goto(path)
        report.check(page, f"{path} (prefers-contrast: more)")
        enhanced.check(page, f"{path} (prefers-contrast: more, 7:1)")
    report.assert_clean()
    enhanced.assert_clean()


def test_forced_colours_keep_a_visible_focus_outline(new_page, server):
    page = new_page(server)
    page.emulate_media(forced_colors="active")
    page.goto("/")
    page.get_by_role("link", name="Start the guide").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.innerText, s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert style[0].strip() == "Start the guide"
    assert style[1] != "none" and style[2] >= 2, style
