"""Print how long the checklist takes to render on this machine (`make bench`); no assertions."""

import io
import os
import platform
import resource
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
# Production settings, as bench_guide.py and `make serve` use them: DEBUG off, so templates come
# from the cached loader and content reads from the per-worker memo, as on a real server.
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "decisionaid.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": tempfile.mkdtemp(prefix="decisionaid-bench-static-"),
    }
)
# The bench asks for hundreds of PDFs a minute; the rate limit would refuse them.
os.environ["PDF_RATE_LIMIT"] = "100000/m"
# Render slots of its own, so a `make serve` of this checkout cannot hold the bench's slot.
os.environ["PDF_RENDER_LOCK_DIR"] = tempfile.mkdtemp(prefix="decisionaid-bench-slots-")

import django  # noqa: E402

django.setup()

import pdf_reference  # noqa: E402
import pdf_reference_sized  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import setup_databases, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from decisionaid.checklist import services  # noqa: E402
from decisionaid.checklist.fetcher import PDF_ORIGIN, StaticFileFetcher  # noqa: E402
from decisionaid.checklist.pdf import ChecklistHTML, font_config, page_css, paper_css  # noqa: E402
from decisionaid.content import selectors  # noqa: E402
from decisionaid.guide.answers import Answers  # noqa: E402
from decisionaid.lib.heap import settle_heap  # noqa: E402
from decisionaid.lib.sessions import SessionStore  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
WARM_UP = 3


def typical_answers() -> dict:
    """Ten default questions and two of the person's own, three priorities, a cost, SURE."""
    statements = selectors.value_statements()
    return {
        "questions": {
            "selected": selectors.default_question_slugs(),
            "own": ["Can I see your licence?", "هل الحقن آمنة؟ 这种注射安全吗？"],
        },
        "values": {"ratings": {s.slug: 5 if i < 3 else 2 for i, s in enumerate(statements)}},
        "costs": {
            "price_per_session": "250.00",
            "first_course_sessions": 6,
            "maintenance_per_year": 4,
        },
        "sure": {"sure": "no", "understand": "yes", "risks_benefits": "yes", "support": "yes"},
    }


def measure(fn: Callable[[], object], before: Callable[[], object] | None = None) -> list[float]:
    """Milliseconds per call over RUNS calls after WARM_UP; `before` runs untimed each time."""
    for _ in range(WARM_UP):
        if before:
            before()
        fn()
    times = []
    for _ in range(RUNS):
        if before:
            before()
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure_interleaved(
    *calls: Callable[[], object],
) -> tuple[list[list[float]], list[list[float]]]:
    """Time several things in turn, so a busy neighbour slows them alike and their ratio holds.

    Returns wall-clock and CPU milliseconds (this process's CPU time: on a shared machine a
    neighbour stretches the wall clock of whatever runs while it does, much less the CPU time).
    """
    wall: list[list[float]] = [[] for _ in calls]
    cpu: list[list[float]] = [[] for _ in calls]
    for i in range(WARM_UP + RUNS):
        for call, wall_series, cpu_series in zip(calls, wall, cpu, strict=True):
            started, started_cpu = time.perf_counter(), time.process_time()
            call()
            if i >= WARM_UP:
                wall_series.append((time.perf_counter() - started) * 1000)
                cpu_series.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def os_name() -> str:
    try:
        release = platform.freedesktop_os_release()
    except OSError:
        return f"{platform.system()} {platform.release()}"
    return release.get("PRETTY_NAME", platform.system())


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[18]


def get_ok(client: Client, url: str) -> Callable[[], bytes]:
    def call() -> bytes:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.content

    return call


def main() -> None:
    setup_test_environment()
    setup_databases(verbosity=0, interactive=False)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_content", verbosity=0)

    client = Client()
    session = client.session
    Answers(session).replace_all(typical_answers())
    session.save()

    request = RequestFactory().get(reverse("checklist:pdf"))
    request.session = SessionStore(session_key=session.session_key)
    html = services.render_checklist_html(request, paper="a4", for_pdf=True)

    def weasyprint_alone() -> bytes:
        document = ChecklistHTML(string=html, base_url=PDF_ORIGIN, url_fetcher=StaticFileFetcher())
        return document.write_pdf(
            stylesheets=[*page_css(), paper_css("a4")],
            font_config=font_config(),
            pdf_variant="pdf/ua-1",
        )

    pdf_url = reverse("checklist:pdf")
    # As in each gunicorn worker (gunicorn.conf.py): warm up, then freeze what is held for good.
    for warm in (get_ok(client, pdf_url), pdf_reference.render, pdf_reference_sized.render):
        warm()
    frozen = settle_heap()
    (view, reference, sized, alone), (view_cpu, reference_cpu, sized_cpu, alone_cpu) = (
        measure_interleaved(
            get_ok(client, pdf_url),
            pdf_reference.render,
            pdf_reference_sized.render,
            weasyprint_alone,
        )
    )
    rows = [
        ("Checklist PDF through the view (uncached)", view),
        ("Lean reference, shared (scripts/pdf_reference.py)", reference),
        ("Lean reference, same size (pdf_reference_sized.py)", sized),
        ("WeasyPrint alone on the app's own PDF HTML", alone),
        ("Checklist HTML page", measure(get_ok(client, reverse("checklist:page")))),
    ]
    pdf = get_ok(client, pdf_url)()
    pdf_pages = len(PdfReader(io.BytesIO(pdf)).pages)
    reference_pages = len(PdfReader(io.BytesIO(pdf_reference.render())).pages)
    sized_pages = len(PdfReader(io.BytesIO(pdf_reference_sized.render())).pages)
    characters = {
        "checklist": pdf_reference_sized.text_characters(html),
        "shared": pdf_reference_sized.text_characters(pdf_reference.HTML_TEXT),
        "sized": pdf_reference_sized.text_characters(),
    }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {os_name()}")
    print(f"Heap: {frozen:,} long-lived objects frozen after warm-up, as in each gunicorn worker")
    print(f"Load average at the end: {os.getloadavg()[0]:.2f} (other work slows every figure)")
    print(
        f"{RUNS} timed runs each after {WARM_UP} warm-up runs, the four PDFs taken in turn; "
        f"typical checklist: {pdf_pages} pages (tagged, pdf/ua-1), {characters['checklist']:,} "
        f"characters of text; shared reference: {reference_pages} pages (untagged), "
        f"{characters['shared']:,}; same-size reference: {sized_pages} pages (untagged), "
        f"{characters['sized']:,}"
    )
    print()
    print(f"{'':52} {'median':>9} {'p95':>9}")
    for name, times in rows:
        print(f"{name:52} {statistics.median(times):7.1f}ms {p95(times):7.1f}ms")
    print()
    for label, wall, cpu in (
        ("same-size lean reference", sized, sized_cpu),
        ("shared lean reference (smaller)", reference, reference_cpu),
    ):
        ratio = statistics.median(view) / statistics.median(wall)
        cpu_ratio = statistics.median(view_cpu) / statistics.median(cpu)
        verdict = "met" if ratio <= 1.5 else "NOT met"
        view_ms, reference_ms = statistics.median(view_cpu), statistics.median(cpu)
        print(
            f"PDF view / {label}: {ratio:.2f} x   (target <= 1.5 x: {verdict}); in CPU time "
            f"{view_ms:.1f} / {reference_ms:.1f} ms = {cpu_ratio:.2f} x"
        )
    print(
        f"WeasyPrint alone on the app's HTML: {statistics.median(alone_cpu):.1f} ms of CPU. The "
        "target is for a reference of the checklist's size (see pdf_reference_sized.py); the "
        "shared one has about 60% of its text."
    )
    overhead = statistics.median(view) / statistics.median(alone)
    print(f"PDF view / WeasyPrint alone on its HTML: {overhead:.2f} x   (the view's own share)")
    print(f"Peak memory (max RSS of this process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
