"""`make bench`, guide part: each guide page's render time, queries and size; no assertions.

Pages render through Django's test client with production settings (DEBUG off, the cached
template loader, hashed static names), a throwaway in-memory database and a typical person's
answers, so the figures are the server's own time without HTTP or gunicorn.
"""

import os
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


def main() -> None:
    setup_databases(verbosity=0, interactive=False)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_content", verbosity=0)
    client = Client()
    session = client.session
    Answers(session).replace_all(typical_answers())
    session.save()

    urls = [f"/guide/{step.slug}/" for step in steps.STEPS] + ["/healthz"]
    print()
    print(f"Guide pages with a typical person's answers: median and p95 of {RUNS} renders")
    print(f"{'':26} {'median':>9} {'p95':>9} {'queries':>8} {'HTML':>8}")
    medians = []
    for url in urls:
        times = render_times(client, url)
        size = len(client.get(url).content)
        p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
        median = statistics.median(times)
        if url != "/healthz":
            medians.append(median)
        print(f"{url:26} {median:7.1f}ms {p95:7.1f}ms {count_queries(client, url):8} {size:8}")
    print(f"{'Guide pages, mean median':26} {statistics.mean(medians):7.1f}ms")
    print(f"Load average at the end: {os.getloadavg()[0]:.2f} (other work slows every figure)")


if __name__ == "__main__":
    main()
