"""What must agree across workers and hosts lives in Redis: run by `make test-redis`, else skipped.

Two gunicorn instances (two workers each) share one PostgreSQL and one Redis, as two app hosts
behind a proxy would: the PDF rate limit and the render cap count across both, and an editor's
change shows on both on the next request.
"""

import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from decisionaid.guide.steps import STEPS
from decisionaid.lib import rendercap

ROOT = Path(__file__).resolve().parent.parent
CACHE_URL = os.environ.get("CACHE_URL", "")
DATABASE_URL = os.environ.get("DATABASE_URL", "")
STARTUP_SECONDS = 60
STEP_SLUGS = [step.slug for step in STEPS]

pytestmark = pytest.mark.skipif(
    not CACHE_URL.startswith("redis://"), reason="needs Redis: run `make test-redis`"
)
needs_postgres = pytest.mark.skipif(
    not DATABASE_URL.startswith("postgres"), reason="needs PostgreSQL: run `make test-redis`"
)

PREPARE = """
import django
from django.core.management import call_command
django.setup()
call_command("collectstatic", interactive=False, verbosity=0)
call_command("migrate", interactive=False, verbosity=0)
call_command("load_content", verbosity=0)
"""

EDIT = """
import sys
import django
django.setup()
from decisionaid.content.models import Passage
passage = Passage.objects.filter(page="landing").order_by("order").first()
passage.body = passage.body + " " + sys.argv[1]
passage.save()
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, client: str) -> tuple[int, dict, bytes]:
    """GET as a client at the given address (the proxy's X-Real-IP); 4xx and 5xx returned."""
    headers = {"X-Forwarded-Proto": "https", "X-Real-IP": client}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_the_cache_is_djangos_redis_backend():
    assert settings.CACHES["default"]["BACKEND"] == rendercap.REDIS_BACKEND
    assert rendercap.backend() == "cache"
    cache.set("shared-cache-probe", 41)
    assert cache.incr("shared-cache-probe") == 42


@pytest.fixture(scope="module")
def two_hosts(tmp_path_factory):
    """Two gunicorn instances, as on two app hosts, on the one PostgreSQL and the one Redis."""
    tmp = tmp_path_factory.mktemp("hosts")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")},
        "DJANGO_SETTINGS_MODULE": "decisionaid.settings",
        "DEBUG": "0",
        "SECRET_KEY": "two-hosts-" + "k" * 50,
        # The database postgres-test.sh made; pytest's own tests use a separate test database.
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": CACHE_URL,
        "STATIC_ROOT": str(tmp / "static"),
        "WEB_CONCURRENCY": "2",
        "PDF_RATE_LIMIT": "3/h",
        "PDF_RENDER_SLOTS": "1",
        "PDF_RENDER_RETRY_AFTER": "2",
        "HOST": "127.0.0.1",
    }
    prepared = subprocess.run(
        [sys.executable, "-c", PREPARE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert prepared.returncode == 0, prepared.stderr
    processes, bases = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            errors = (tmp / f"{name}.log").open("w")
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "decisionaid.wsgi:application"]
                    + ["-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
                    cwd=ROOT,
                    env={**env, "PORT": str(port)},
                    stdout=subprocess.DEVNULL,
                    stderr=errors,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + STARTUP_SECONDS
        for process, base, name in zip(processes, bases, "ab", strict=True):
            while True:
                assert process.poll() is None, (tmp / f"{name}.log").read_text()
                try:
                    if get(base + "/healthz", "127.0.0.1")[0] == 200:
                        break
                except (urllib.error.URLError, ConnectionError):
                    pass
                assert time.monotonic() < deadline, "gunicorn did not answer in time"
                time.sleep(0.2)
        yield {"bases": bases, "env": env}
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def some_client() -> str:
    return f"10.{random.randrange(1, 255)}.{random.randrange(1, 255)}.{random.randrange(1, 255)}"


@needs_postgres
def test_the_pdf_rate_limit_counts_requests_to_both_instances_together(two_hosts):
    a, b = two_hosts["bases"]
    # The limit is 3 an hour per client; do not start the burst in the window's last seconds.
    while time.time() % 3600 > 3540:
        time.sleep(1)
    client = some_client()
    statuses = [get(base + "/checklist.pdf", client)[0] for base in (a, b, a, b, a)]
    assert statuses == [200, 200, 200, 429, 429]
    # Another client is not held back by the first one's requests.
    assert get(b + "/checklist.pdf", some_client())[0] == 200


@needs_postgres
def test_a_render_slot_held_anywhere_on_the_host_holds_back_both_instances(two_hosts):
    a, b = two_hosts["bases"]
    # The slot as a worker of either instance takes it: the same key in the same Redis.
    key = f"render-slot:{socket.gethostname()}:0"
    assert cache.add(key, "held by the test", timeout=30)
    try:
        for base in (a, b):
            status, headers, body = get(base + "/checklist.pdf", some_client())
            assert status == 503
            assert headers["Retry-After"] == "2"
            assert b"Please try again in a few seconds" in body
    finally:
        cache.delete(key)
    for base in (a, b):
        status, _, body = get(base + "/checklist.pdf", some_client())
        assert status == 200 and body.startswith(b"%PDF-")


@needs_postgres
def test_concurrent_pdfs_on_both_instances_never_render_more_than_the_cap(two_hosts):
    """Eight PDFs at once across the two instances, one slot: every answer is a PDF or a 503."""
    from concurrent.futures import ThreadPoolExecutor

    a, b = two_hosts["bases"]
    urls = [base + "/checklist.pdf" for base in (a, b) * 4]
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda url: get(url, some_client())[0], urls))
    assert set(statuses) <= {200, 503}, statuses
    assert 200 in statuses
    # Four workers could render four at once; with one shared slot some must have been refused.
    assert 503 in statuses, statuses


@needs_postgres
def test_an_editors_change_shows_on_both_instances_on_the_next_request(two_hosts):
    a, b = two_hosts["bases"]
    for base in (a, b):
        assert get(base + "/", some_client())[0] == 200  # both have read and memoised the content
    marker = f"Checked by the two-host test {uuid.uuid4().hex[:8]}."
    edited = subprocess.run(
        [sys.executable, "-c", EDIT, marker],
        cwd=ROOT,
        env=two_hosts["env"],
        capture_output=True,
        text=True,
    )
    assert edited.returncode == 0, edited.stderr
    for base in (a, b):
        status, _, body = get(base + "/", some_client())
        assert status == 200
        assert marker.encode() in body


@needs_postgres
def test_guide_pages_make_no_redis_calls_and_leave_nothing_in_it(two_hosts):
    """Rendered page parts stay in each worker's memory: only PDFs and the kiosk exit use Redis."""
    redis = cache._cache.get_client(write=True)
    pages = ["/", "/about/", "/checklist/"] + [f"/guide/{slug}/" for slug in STEP_SLUGS]
    for base in two_hosts["bases"]:
        for path in pages:  # the first visit to each page stores its parts, wherever they go
            assert get(base + path, some_client())[0] == 200, path
    before = redis.info("stats")["total_commands_processed"]
    for base in two_hosts["bases"]:
        for path in pages:
            assert get(base + path, some_client())[0] == 200, path
    commands = redis.info("stats")["total_commands_processed"] - before
    assert commands <= 1, f"{commands} Redis commands for {2 * len(pages)} pages"  # this INFO
    stored = [key.decode() for key in redis.scan_iter(count=1000)]
    assert not [key for key in stored if "fragments" in key or "template.cache" in key], stored
