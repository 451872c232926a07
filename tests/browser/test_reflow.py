"""At 320 CSS px wide, and at 200% zoom on a 1280 px window, no page scrolls sideways; a table too
wide for the screen scrolls inside its own labelled, focusable region instead."""

import pytest

from .a11y import ALL_PATHS, STEP_PATHS, walk_the_guide

MODES = {"normal": {}, "kiosk": {"KIOSK_MODE": "1"}}
# A 1280 x 800 window zoomed to 200% lays out like a 640 x 400 one with two device pixels per px.
SIZES = {
    "320px": {"viewport": {"width": 320, "height": 800}},
    "200% zoom": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}

MEASURE = """
() => {
  const doc = document.documentElement;
  const classes = el => typeof el.className === 'string' && el.className.trim()
    ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes(el);
  const scrollers = [...document.querySelectorAll('body *')].filter(el => {
    const overflow = getComputedStyle(el).overflowX;
    return (overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1;
  });
  const inScroller = el => scrollers.some(s => s !== el && s.contains(el));
  const wide = doc.scrollWidth > doc.clientWidth
    ? [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > doc.clientWidth + 1 && !inScroller(el))
        .slice(0, 6).map(describe)
    : [];
  const nameOf = el => {
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const text = ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
    return (text || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim();
  };
  return {
    scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide,
    regions: scrollers.map(el => ({
      element: describe(el), role: el.getAttribute('role'), tabindex: el.getAttribute('tabindex'),
      name: nameOf(el),
    })),
  };
}
"""


class Reflow:
    """Measures each page and keeps what scrolled sideways and which scroll regions it found."""

    def __init__(self, size: str) -> None:
        self.size = size
        self.problems: list[str] = []
        self.regions: dict[str, list[dict]] = {}

    def measure(self, page, label: str) -> None:
        result = page.evaluate(MEASURE)
        if result["scrollWidth"] > result["clientWidth"]:
            self.problems.append(
                f"{self.size} {label}: page is {result['scrollWidth']}px wide in a "
                f"{result['clientWidth']}px window; too wide: {', '.join(result['wide'])}"
            )
        for region in result["regions"]:
            self.regions.setdefault(label, []).append(region)
            if region["role"] != "region" or region["tabindex"] != "0" or not region["name"]:
                self.problems.append(
                    f"{self.size} {label}: {region['element']} scrolls sideways but is not a "
                    f"focusable, named region: {region}"
                )


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("mode", list(MODES))
def test_no_page_scrolls_sideways_and_wide_tables_scroll_in_a_labelled_region(
    live_app, new_page, mode, size
):
    server = live_app(**MODES[mode])
    reflow = Reflow(size)

    empty = new_page(server, **SIZES[size])
    for path in ALL_PATHS:
        empty.goto(path)
        reflow.measure(empty, f"{mode} {path} (empty)")

    answered = new_page(server, **SIZES[size])
    walk_the_guide(answered, lambda page, label: reflow.measure(page, f"{mode} {label}"))
    for path in STEP_PATHS:
        answered.goto(path)
        reflow.measure(answered, f"{mode} {path} (answered)")

    assert not reflow.problems, "\n".join(reflow.problems)
    # The options table is wider than these screens: it must scroll in its region, which says so.
    options = reflow.regions[f"{mode} /guide/options/ (empty)"]
    assert any("scroll" in region["name"] for region in options), options
