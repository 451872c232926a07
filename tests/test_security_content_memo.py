"""The content memo (on in production) saves queries yet never shows content older than the release.

Named with the load and security tests: it is what makes guide pages cheap enough under load,
and it must never show a person stale facts after an editor's change.
"""

import pytest
from django.db import connection

from decisionaid.content import memo, selectors, services
from decisionaid.content.models import Passage

pytestmark = pytest.mark.django_db


@pytest.fixture
def memo_on(settings):
    settings.CONTENT_MEMO = True
    memo.clear()
    yield
    memo.clear()


def queries_during(action) -> int:
    seen: list[str] = []

    def note(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(note):
        action()
    return len(seen)


def test_a_repeat_page_reads_only_the_session_and_the_release(client, memo_on):
    client.get("/guide/values/")
    without = queries_during(lambda: client.get("/guide/values/"))
    assert without <= 4  # the session, the release key, the release for the footer


def test_the_memo_is_off_in_development_so_every_read_hits_the_database(settings):
    settings.CONTENT_MEMO = False
    selectors.options()
    assert queries_during(selectors.options) == 2


def test_an_editors_change_shows_on_the_next_request_once_the_release_is_refreshed(client, memo_on):
    passage = Passage.objects.filter(page="landing").first()
    client.get("/")
    passage.body = "A sentence an editor has just written."
    passage.save()
    # In production the save's on_commit hook recomputes the fingerprint; tests never commit.
    services.refresh_release()
    assert "A sentence an editor has just written." in client.get("/").content.decode()


def test_without_a_release_change_the_memo_keeps_serving_the_same_rows(client, memo_on):
    first = selectors.options()
    second = selectors.options()
    assert first == second and first is not second  # a copy, so callers cannot change the memo
    assert queries_during(selectors.options) == 0


def test_the_release_is_read_once_per_request_for_the_memo_and_the_footer(client, memo_on):
    client.get("/guide/risks/")
    seen: list[str] = []

    def note(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(note):
        html = client.get("/guide/risks/").content.decode()
    release_reads = [sql for sql in seen if '"content_contentrelease"' in sql]
    assert len(release_reads) == 1, release_reads
    assert selectors.current_release().fingerprint in html
