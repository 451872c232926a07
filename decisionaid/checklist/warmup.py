"""Render one checklist PDF in each new gunicorn worker, so no visitor waits for a cold start."""

import logging
import time

from decisionaid.lib.heap import settle_heap

from .pdf import PAPER_SIZES, render_pdf
from .services import first_visit_pdf_html

logger = logging.getLogger(__name__)


def warm_up() -> float:
    """Render an empty visit's checklist on every paper size; returns the seconds it took.

    Never raises: a failed warm-up only makes the first PDF slower, so it must not stop a worker,
    but it is logged with its traceback so a broken template or font shows up at start-up.
    """
    started = time.perf_counter()
    try:
        for paper in PAPER_SIZES:
            render_pdf(first_visit_pdf_html(paper), paper=paper)
    except Exception:
        logger.exception("Warming up the PDF renderer failed; the first PDF will be slower.")
    return time.perf_counter() - started


def prepare_worker() -> tuple[float, int]:
    """Warm the renderer, then freeze what the worker now holds (decisionaid/lib/heap.py).

    The warm-up comes first, so WeasyPrint's fonts, stylesheets and caches are among the frozen
    objects. Returns the warm-up's seconds and how many objects are frozen.
    """
    seconds = warm_up()
    return seconds, settle_heap()
