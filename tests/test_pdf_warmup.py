"""Each gunicorn worker warms the PDF renderer with an empty visit's checklist, and says so if it
cannot."""

import logging
from pathlib import Path

import pytest

from decisionaid.checklist import warmup
from decisionaid.checklist.pdf import PAPER_SIZES
from decisionaid.content import selectors

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parent.parent / "decisionaid"


def test_warm_up_renders_an_empty_visits_checklist_on_every_paper(monkeypatch, caplog):
    rendered = []
    monkeypatch.setattr(
        warmup, "render_pdf", lambda html, paper: rendered.append((paper, html)) or b"%PDF"
    )
    with caplog.at_level(logging.ERROR):
        seconds = warmup.warm_up()
    assert seconds >= 0 and caplog.records == []
    assert [paper for paper, _ in rendered] == list(PAPER_SIZES)
    release = selectors.current_release()
    for _, html in rendered:
        assert f"Content version {release.label}" in html
        assert "checklist-pdf" in html and "Finish and clear" not in html


def test_a_failing_warm_up_is_logged_with_its_cause_and_does_not_stop_the_worker(
    monkeypatch, caplog
):
    def broken(html: str, paper: str) -> bytes:
        raise OSError("no fonts on this machine")

    monkeypatch.setattr(warmup, "render_pdf", broken)
    with caplog.at_level(logging.ERROR, logger="decisionaid.checklist.warmup"):
        seconds = warmup.warm_up()
    assert isinstance(seconds, float)
    [record] = caplog.records
    assert "Warming up the PDF renderer failed" in record.getMessage()
    assert record.exc_info and "no fonts on this machine" in str(record.exc_info[1])


def test_the_real_warm_up_renders_without_errors(caplog):
    with caplog.at_level(logging.ERROR):
        warmup.warm_up()
    assert [r for r in caplog.records if r.name.startswith("decisionaid")] == []


def test_no_production_code_builds_fake_requests_with_django_test():
    users = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "django.test" in path.read_text(encoding="utf-8")
    ]
    assert users == []
