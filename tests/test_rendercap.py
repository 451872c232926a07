"""The host-wide cap on PDF renders: a friendly 503 with Retry-After past it, never a 500."""

import subprocess
import sys

import pytest
from django.urls import reverse

from decisionaid.checklist import services
from decisionaid.content.models import Passage
from decisionaid.guide.answers import Answers
from decisionaid.lib import rendercap

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_lock_dir(settings, tmp_path):
    settings.PDF_RENDER_LOCK_DIR = str(tmp_path / "locks")
    settings.PDF_RENDER_SLOTS = 1
    settings.PDF_RENDER_RETRY_AFTER = 3
    settings.PDF_RENDER_CAP_BACKEND = "file"


def busy_text() -> str:
    return Passage.objects.get(slug="checklist-busy").body.split("\n")[0]


def assert_friendly_503(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "3"
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert busy_text() in html
    assert "Please try again in a few seconds" in html
    assert reverse("checklist:page") in html


def test_a_pdf_past_the_cap_gets_a_friendly_503_with_retry_after(client):
    with rendercap.render_slot() as got:
        assert got
        assert_friendly_503(client.get(reverse("checklist:pdf")))


def test_the_503_is_not_cached_and_the_persons_answers_are_kept(client):
    session = client.session
    Answers(session).replace_all({"questions": {"selected": [], "own": ["Is it safe for me?"]}})
    session.save()
    with rendercap.render_slot():
        refused = client.get(reverse("checklist:pdf"))
    assert_friendly_503(refused)
    assert "no-store" in refused["Cache-Control"]
    page = client.get(reverse("checklist:page"))
    assert "Is it safe for me?" in page.content.decode()
    assert client.get(reverse("checklist:pdf")).status_code == 200


def test_each_render_frees_its_slot_so_one_slot_serves_many_pdfs_in_turn(client):
    for _ in range(3):
        response = client.get(reverse("checklist:pdf"))
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF-")


def test_a_render_that_fails_still_frees_its_slot(client, monkeypatch):
    def broken(request, *, paper, **kwargs):
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(services, "checklist_pdf", broken)
    with pytest.raises(RuntimeError):
        client.get(reverse("checklist:pdf"))
    with rendercap.render_slot() as got:
        assert got


def test_two_slots_allow_two_renders_at_once_and_refuse_a_third(client, settings):
    settings.PDF_RENDER_SLOTS = 2
    with rendercap.render_slot() as first:
        assert first
        assert client.get(reverse("checklist:pdf")).status_code == 200
        with rendercap.render_slot() as second:
            assert second
            assert_friendly_503(client.get(reverse("checklist:pdf")))


def test_a_slot_held_by_another_process_counts(client, settings):
    """gunicorn's workers are separate processes: a render in one must block another."""
    folder = rendercap.lock_dir()
    folder.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys\n"
            f"fd = os.open({str(folder / 'slot-0.lock')!r}, os.O_RDWR | os.O_CREAT, 0o600)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert_friendly_503(client.get(reverse("checklist:pdf")))
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert client.get(reverse("checklist:pdf")).status_code == 200


def test_the_shared_cache_backend_caps_renders_too(client, settings):
    settings.PDF_RENDER_CAP_BACKEND = "cache"
    with rendercap.render_slot() as got:
        assert got
        assert_friendly_503(client.get(reverse("checklist:pdf")))
    assert client.get(reverse("checklist:pdf")).status_code == 200


def test_an_unusable_lock_folder_renders_anyway_rather_than_failing(client, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.PDF_RENDER_LOCK_DIR = str(blocker / "locks")
    response = client.get(reverse("checklist:pdf"))
    assert response.status_code == 200


def test_auto_uses_the_cache_only_when_it_is_redis(settings):
    settings.PDF_RENDER_CAP_BACKEND = "auto"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert rendercap.backend() == "file"
    settings.CACHES = {"default": {"BACKEND": rendercap.REDIS_BACKEND, "LOCATION": "redis://x"}}
    assert rendercap.backend() == "cache"


def test_a_misconfigured_cap_backend_renders_rather_than_failing(client, settings):
    settings.PDF_RENDER_CAP_BACKEND = "memcached-please"
    response = client.get(reverse("checklist:pdf"))
    assert response.status_code == 200
    with pytest.raises(ValueError):
        rendercap.backend()
