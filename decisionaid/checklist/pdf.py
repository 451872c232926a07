"""Turn the checklist's HTML into a tagged PDF with WeasyPrint, quickly and without leaks.

A leaf: it knows HTML, stylesheets and the static-file fetcher, never what goes on a checklist.
"""

import logging
from urllib.parse import urljoin

from django.templatetags.static import static
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from .fetcher import PDF_ORIGIN, StaticFileFetcher

logger = logging.getLogger(__name__)
# WeasyPrint warns about every property it skips, on every render. Real failures (a refused or
# missing file) are still logged as errors.
logging.getLogger("weasyprint").setLevel(logging.ERROR)

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
DEFAULT_PAPER = "a4"

# The PDF's own lean print sheet; the browser's sheets are never cascaded into it (see pdf.css).
PDF_STYLESHEETS = ["css/pdf.css"]

_font_config: FontConfiguration | None = None
_paper_css: dict[str, CSS] = {}
_page_css: list[CSS] = []


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


def render_pdf(
    html: str, *, paper: str = DEFAULT_PAPER, url_fetcher: StaticFileFetcher | None = None
) -> bytes:
    """Render HTML (from the checklist template) to PDF bytes on the given paper size."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size: {paper!r}")
    document = HTML(
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
