"""When the shared cache (Redis) cannot be reached, the guide still works and nothing fails.

Pages never touch the shared cache: their fragments are in each worker's own memory. The PDF
loses only its rate limit (logged) and keeps its render cap on the host's lock files. Leaving
kiosk mode stays shut, since wrong PINs cannot be counted. The cache here is Django's real
Redis backend pointed at a port nobody listens on, so every call fails as in an outage, or at
one that takes connections and never answers, as a hung Redis does.
"""

import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.test import Client
from django.urls import reverse

from decisionaid.guide import steps
from decisionaid.lib import rendercap, sharedcache

pytestmark = pytest.mark.django_db

PIN = "864213"
ROOT = Path(__file__).resolve().parent.parent
LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down(settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": rendercap.REDIS_BACKEND,
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        },
    }
    settings.PDF_RENDER_CAP_BACKEND = "auto"
    settings.PDF_RENDER_LOCK_DIR = str(tmp_path / "locks")
    settings.PDF_RENDER_SLOTS = 1
    with pytest.raises(Exception, match="(?i)connect"):
        cache.get("probe")
    yield


def step(slug: str) -> str:
    return reverse("guide:step", kwargs={"slug": slug})


def test_every_page_works_and_answers_are_kept_while_the_shared_cache_is_down(redis_down):
    person = Client()
    typed = {"price_per_session": "275.50", "first_course_sessions": 8, "maintenance_per_year": 4}
    response = person.post(step("costs"), {**typed, "action": "next"})
    assert response.status_code == 302
    for guide_step in steps.STEPS:
        assert person.get(step(guide_step.slug)).status_code == 200, guide_step.slug
    assert "USD 275.50" in person.get(step("summary")).content.decode()
    for name in ("pages:landing", "pages:about", "how-made", "checklist:page", "healthz"):
        assert person.get(reverse(name)).status_code == 200, name
    assert caches["template_fragments"]._cache, "the fragments are in the worker's own memory"


def test_with_redis_as_the_cache_fragments_still_stay_in_each_workers_memory_and_calls_give_up():
    """What settings.py makes of CACHE_URL, read in a fresh process as gunicorn would."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")},
        "CACHE_URL": "redis://127.0.0.1:6379/0",
        "DJANGO_SETTINGS_MODULE": "decisionaid.settings",
    }
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND']); "
        "print(settings.CACHES['template_fragments']['BACKEND']); "
        "print(settings.CACHES['default']['OPTIONS']['socket_timeout'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    # A hung Redis holds a call half a second, not redis-py's default of five.
    assert result.stdout.split() == [rendercap.REDIS_BACKEND, LOCMEM, "0.5"]


def test_the_pdf_still_renders_without_its_rate_limit_and_says_so_in_the_log(redis_down, caplog):
    person = Client()
    with caplog.at_level(logging.ERROR):
        response = person.get(reverse("checklist:pdf"))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    messages = [record.getMessage() for record in caplog.records]
    assert any("rate limit's cache cannot be reached" in text for text in messages)


def test_the_render_cap_falls_back_to_the_hosts_lock_files(redis_down, client):
    assert rendercap.backend() == "cache"
    with rendercap.render_slot() as got:
        assert got, "the one slot, held through a lock file"
        busy = client.get(reverse("checklist:pdf"))
    assert busy.status_code == 503
    assert busy["Retry-After"]
    assert client.get(reverse("checklist:pdf")).status_code == 200


def test_leaving_kiosk_mode_stays_shut_with_a_clear_503_when_pins_cannot_be_counted(settings):
    settings.KIOSK_EXIT_PIN = PIN
    person = Client(REMOTE_ADDR="198.51.100.9")
    person.post(reverse("kiosk:enter"))
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": rendercap.REDIS_BACKEND,
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        },
    }
    page = person.get(reverse("kiosk:exit"))
    assert page.status_code == 503
    assert page["Retry-After"] == "60"
    assert "The PIN cannot be checked right now" in page.content.decode()

    for typed in (PIN, "000000"):
        refused = person.post(reverse("kiosk:exit"), {"pin": typed})
        assert refused.status_code == 503
    assert 'class="kiosk-finish"' in person.get(reverse("pages:about")).content.decode()


@pytest.fixture
def hung_redis(settings, tmp_path):
    """A port that takes connections and never answers, as a hung Redis does."""
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(64)
    hole.setblocking(False)
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": rendercap.REDIS_BACKEND,
            "LOCATION": f"redis://127.0.0.1:{hole.getsockname()[1]}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    settings.PDF_RENDER_CAP_BACKEND = "auto"
    settings.PDF_RENDER_LOCK_DIR = str(tmp_path / "locks")
    settings.PDF_RENDER_SLOTS = 1
    yield hole
    hole.close()


def connections_to(hole: socket.socket) -> int:
    """How many connections the hung Redis has taken since last asked."""
    count = 0
    while True:
        try:
            connection, _ = hole.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


def test_after_one_timeout_a_worker_leaves_a_hung_redis_alone_for_a_while(hung_redis):
    """Each PDF would otherwise wait out the socket timeout twice, in a worker pages need."""
    person = Client()
    first = person.get(reverse("checklist:pdf"))
    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    assert connections_to(hung_redis) >= 1, "the first PDF tried the cache and timed out"

    assert person.get(reverse("checklist:pdf")).content.startswith(b"%PDF")
    assert person.get(reverse("kiosk:exit")).status_code == 503
    assert connections_to(hung_redis) == 0, "paused: no call waits on the hung cache"
    with rendercap.render_slot() as got:
        assert got
        assert person.get(reverse("checklist:pdf")).status_code == 503, "lock files still cap"
    assert connections_to(hung_redis) == 0

    sharedcache.resume()  # the pause has run its course
    assert person.get(reverse("checklist:pdf")).status_code == 200
    assert connections_to(hung_redis) >= 1, "the cache is tried again after the pause"
