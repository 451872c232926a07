"""`make bench`, guide part: each guide page's render time, queries and size; no assertions.

Pages render with production settings (DEBUG off, the cached template loader, hashed static
names), a throwaway in-memory database and a typical person's answers, so the figures are the
server's own time without HTTP or gunicorn: the wall clock through Django's test client, and,
steadier on a shared machine, the CPU time through Django's WSGI handler (as gunicorn calls it)
and the Python function calls per request, which do not vary from run to run at all.
"""

import cProfile
import io
import os
import pstats
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "decisionaid.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": tempfile.mkdtemp(prefix="decisionaid-bench-static-"),
    }
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_databases  # noqa: E402

from decisionaid.content import selectors  # noqa: E402
from decisionaid.guide import steps  # noqa: E402
from decisionaid.guide.answers import Answers  # noqa: E402

RUNS = max(30, int(os.environ.get("BENCH_RUNS", "30")))
WARM_UP = 3


def typical_answers() -> dict:
    statements = selectors.value_statements()
    return {
        "situation": {"diagnosed": "yes", "duration": "1_to_5", "tried": [], "warning_signs": []},
        "costs": {
            "price_per_session": "250.00",
            "first_course_sessions": 6,
            "maintenance_per_year": 4,
        },
        "values": {"ratings": {s.slug: 5 if i < 3 else 2 for i, s in enumerate(statements)}},
        "understanding": {"responses": {item.slug: "true" for item in selectors.quiz_items()}},
        "questions": {
            "selected": selectors.default_question_slugs(),
            "own": ["Can I see your licence?", "How many sessions will I need?"],
        },
        "sure": {"sure": "no", "understand": "yes", "risks_benefits": "yes", "support": "yes"},
    }


def count_queries(client: Client, url: str) -> int:
    seen = []

    def note(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(note):
        client.get(url)
    return len(seen)


def render_times(client: Client, url: str) -> list[float]:
    for _ in range(WARM_UP):
        client.get(url)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def wsgi_caller(session_key: str):
    """A GET straight through Django's WSGI handler with the person's session cookie."""
    app = WSGIHandler()

    def call(url: str) -> None:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": url,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1:8000",
            "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}={session_key}",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        statuses = []
        b"".join(app(environ, lambda status, headers, exc_info=None: statuses.append(status)))
        assert statuses[0].startswith("200"), (url, statuses)

    return call


def cpu_ms(call, url: str) -> float:
    """Median CPU time of one request, in the lowest of three blocks of RUNS (a neighbour can
    only add to CPU time, through shared caches and frequency, never take from it)."""
    for _ in range(WARM_UP):
        call(url)
    blocks = []
    for _ in range(3):
        times = []
        for _ in range(RUNS):
            started = time.process_time()
            call(url)
            times.append((time.process_time() - started) * 1000)
        blocks.append(statistics.median(times))
    return min(blocks)


def python_calls(call, url: str) -> int:
    """Python function calls in one request (cProfile's count over ten, divided)."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(10):
        call(url)
    profile.disable()
    return round(pstats.Stats(profile).total_calls / 10)


def main() -> None:
    setup_databases(verbosity=0, interactive=False)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_content", verbosity=0)
    client = Client()
    session = client.session
    Answers(session).replace_all(typical_answers())
    session.save()

    urls = [f"/guide/{step.slug}/" for step in steps.STEPS] + ["/checklist/", "/", "/healthz"]
    call = wsgi_caller(session.session_key)
    print()
    print(
        f"Pages with a typical person's answers: wall clock through the test client (median and "
        f"p95 of {RUNS}), CPU time through the WSGI handler, Python calls per request"
    )
    print(f"{'':26} {'median':>9} {'p95':>9} {'CPU':>8} {'calls':>8} {'queries':>8} {'HTML':>8}")
    medians = []
    for url in urls:
        times = render_times(client, url)
        size = len(client.get(url).content)
        p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
        median = statistics.median(times)
        if url.startswith("/guide/"):
            medians.append(median)
        print(
            f"{url:26} {median:7.1f}ms {p95:7.1f}ms {cpu_ms(call, url):6.2f}ms "
            f"{python_calls(call, url):8} {count_queries(client, url):8} {size:8}"
        )
    print(f"{'Guide pages, mean median':26} {statistics.mean(medians):7.1f}ms")
    print(f"Load average at the end: {os.getloadavg()[0]:.2f} (other work slows every figure)")


if __name__ == "__main__":
    main()
