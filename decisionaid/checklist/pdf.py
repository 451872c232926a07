"""Turn the checklist's HTML into a tagged PDF with WeasyPrint, quickly and without leaks.

A leaf: it knows HTML, stylesheets and the static-file fetcher, never what goes on a checklist.
"""

import logging
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pydyf
from django.templatetags.static import static
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from .fetcher import PDF_ORIGIN, StaticFileFetcher

logger = logging.getLogger(__name__)
# WeasyPrint warns about every property it skips, on every render. Real failures (a refused or
# missing file) are still logged as errors.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class StreamZlib:
    """zlib as pydyf sees it: streams compressed at zlib's default level (6) instead of 9.

    pydyf (pinned in pyproject.toml) asks for level 9 on every stream. On the checklist's page
    streams, long runs of near-identical drawing operators, that took about 6 ms of a 140 ms
    render for a file 2% smaller (34.8 KB against 34.1 KB). Only pydyf's own name for the module
    is replaced; tests/test_pdf.py checks the streams are still compressed.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level: int = zlib.Z_DEFAULT_COMPRESSION, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, *args, **kwargs)


pydyf.zlib = StreamZlib()

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
DEFAULT_PAPER = "a4"

# The PDF's own lean print sheet; the browser's sheets are never cascaded into it (see pdf.css).
PDF_STYLESHEETS = ["css/pdf.css"]

# The elements templates/checklist/pdf.html may use: all that pdf_ua.css, the PDF's own lean
# user-agent sheet, gives their default look (display, margins, bold, bookmarks).
PDF_ELEMENTS = frozenset(
    "html head meta title body div p br h1 h2 ol ul li strong b span "
    "table caption thead tbody tr th td".split()
)
UA_STYLESHEET = Path(__file__).with_name("pdf_ua.css")

_font_config: FontConfiguration | None = None
_paper_css: dict[str, CSS] = {}
_page_css: list[CSS] = []
_ua_css: list[CSS] = []


def font_config() -> FontConfiguration:
    """One FontConfiguration per process: a new one per render leaks ~0.2 MB each time.

    Made on first use rather than at import, so gunicorn's master (preload_app) never holds
    fontconfig state that its forked workers would share.
    """
    global _font_config
    if _font_config is None:
        _font_config = FontConfiguration()
    return _font_config


def paper_css(paper: str) -> CSS:
    """The @page size rule for a paper name, parsed once per process."""
    if paper not in _paper_css:
        _paper_css[paper] = CSS(
            string=f"@page {{ size: {PAPER_SIZES[paper]}; }}",
            font_config=font_config(),
            url_fetcher=StaticFileFetcher(),
        )
    return _paper_css[paper]


def page_css() -> list[CSS]:
    """The checklist's stylesheets, parsed once per process rather than on every render."""
    if not _page_css:
        _page_css.extend(
            CSS(
                url=urljoin(PDF_ORIGIN, static(path)),
                url_fetcher=StaticFileFetcher(),
                font_config=font_config(),
                media_type="print",
            )
            for path in PDF_STYLESHEETS
        )
    return _page_css


def ua_css() -> CSS:
    """The lean user-agent sheet, parsed once per process."""
    if not _ua_css:
        _ua_css.append(CSS(filename=str(UA_STYLESHEET), font_config=font_config()))
    return _ua_css[0]


class ChecklistHTML(HTML):
    """WeasyPrint's HTML with the checklist's lean user-agent sheet instead of the full one.

    `_ua_stylesheets` is the hook WeasyPrint's own test suite overrides for a lighter sheet (its
    FakeHTML); the version is pinned, and tests/test_pdf.py checks the tags and bookmarks.
    """

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [ua_css()]


def render_pdf(
    html: str, *, paper: str = DEFAULT_PAPER, url_fetcher: StaticFileFetcher | None = None
) -> bytes:
    """Render HTML (from the checklist template) to PDF bytes on the given paper size."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size: {paper!r}")
    document = ChecklistHTML(
        string=html,
        base_url=PDF_ORIGIN,
        url_fetcher=url_fetcher or StaticFileFetcher(),
        media_type="print",
    )
    return document.write_pdf(
        stylesheets=[*page_css(), paper_css(paper)],
        font_config=font_config(),
        pdf_variant="pdf/ua-1",
        uncompressed_pdf=False,
    )
