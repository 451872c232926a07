"""The screenshot walk: every guide step, empty and answered, at phone, laptop and kiosk sizes,
saved as full-page PNG files for reviewers. Runs only when SCREENSHOTS_DIR is set
(`make screenshots`), so `make test` does not spend its time on pictures."""

import os
import struct
from pathlib import Path

import pytest

from decisionaid.guide.steps import STEPS

from .a11y import walk_the_guide

# name: (width, height, server settings)
SIZES = {
    "phone": (390, 844, {}),
    "laptop": (1280, 800, {}),
    "kiosk": (1080, 1920, {"KIOSK_MODE": "1"}),
}


@pytest.fixture(scope="module")
def folder() -> Path:
    where = os.environ.get("SCREENSHOTS_DIR")
    if not where:
        pytest.skip("set SCREENSHOTS_DIR (make screenshots) to save the screenshot walk")
    return Path(where)


def png_width(path: Path) -> int:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">I", header[16:20])[0]


def shoot_every_step(page, out: Path, state: str) -> list[Path]:
    saved = []
    for number, step in enumerate(STEPS, start=1):
        page.goto(f"/guide/{step.slug}/")
        path = out / f"{number:02d}-{step.slug}-{state}.png"
        page.screenshot(path=path, full_page=True)
        saved.append(path)
    return saved


@pytest.mark.parametrize("size", list(SIZES))
def test_screenshot_walk_saves_every_step_empty_and_answered(browser, live_app, folder, size):
    width, height, settings = SIZES[size]
    server = live_app(**settings)
    out = folder / f"{size}-{width}x{height}"
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.png"):
        stale.unlink()
    # One browser context per size: the empty pages first, then the same session answered.
    context = browser.new_context(base_url=server.url, viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        saved = shoot_every_step(page, out, "empty")
        walk_the_guide(page)
        saved += shoot_every_step(page, out, "answered")
    finally:
        context.close()
    assert sorted(out.glob("*.png")) == sorted(saved)
    assert len(saved) == 2 * len(STEPS)
    for path in saved:
        assert png_width(path) == width, path
