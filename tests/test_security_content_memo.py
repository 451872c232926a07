"""The content memo (on in production) saves queries yet never shows content older than the release.

Named with the load and security tests: it is what makes guide pages cheap enough under load,
and it must never show a person stale facts after an editor's change.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from decisionaid.content import memo, selectors, services
from decisionaid.content.models import Passage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def memo_on(settings):
    settings.CONTENT_MEMO = True
    memo.clear()
    yield
    memo.clear()


def memo_setting(debug: str) -> str:
    """CONTENT_MEMO as settings.py works it out from DEBUG alone, in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k not in ("CONTENT_MEMO", "DEBUG")}
    env.update(DEBUG=debug, SECRET_KEY="a-real-secret-key-" + "x" * 40)
    code = "from decisionaid import settings; print(settings.CONTENT_MEMO)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_debug_turns_the_memo_off_and_production_turns_it_on():
    assert memo_setting("1") == "False"
    assert memo_setting("0") == "True"


def test_a_repeat_page_reads_only_the_session_and_the_release(
    client, memo_on, django_assert_max_num_queries
):
    client.get("/guide/values/")
    with django_assert_max_num_queries(2):  # the session and the release
        client.get("/guide/values/")


def test_with_the_memo_off_every_read_hits_the_database(settings, django_assert_num_queries):
    settings.CONTENT_MEMO = False
    selectors.options()
    with django_assert_num_queries(2):  # the options and their sources
        selectors.options()


def test_an_editors_change_shows_on_the_next_request_once_the_release_is_refreshed(client, memo_on):
    passage = Passage.objects.filter(page="landing").first()
    client.get("/")
    passage.body = "A sentence an editor has just written."
    passage.save()
    # In production the save's on_commit hook recomputes the fingerprint; tests never commit.
    services.refresh_release()
    assert "A sentence an editor has just written." in client.get("/").content.decode()


def test_without_a_release_change_the_memo_keeps_serving_the_same_rows(
    client, memo_on, django_assert_num_queries
):
    first = selectors.options()
    second = selectors.options()
    assert first == second and first is not second  # a copy, so callers cannot change the memo
    with django_assert_num_queries(0):
        selectors.options()


def test_the_release_is_read_once_per_request_for_the_memo_and_the_footer(
    client, memo_on, django_assert_max_num_queries
):
    client.get("/guide/risks/")
    with django_assert_max_num_queries(2) as queries:
        html = client.get("/guide/risks/").content.decode()
    release_reads = [
        q["sql"] for q in queries.captured_queries if '"content_contentrelease"' in q["sql"]
    ]
    assert len(release_reads) == 1, release_reads
    assert selectors.current_release().fingerprint in html
