"""The session store reads a row with plain SQL and means what Django's database store means: the
row with this key, only while it has not expired (decisionaid/lib/sessions.py)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from decisionaid.lib.sessions import SessionStore

pytestmark = pytest.mark.django_db


def saved(data: dict) -> str:
    store = SessionStore()
    store.update(data)
    store.save()
    return store.session_key


def test_it_is_the_store_the_site_uses():
    assert settings.SESSION_ENGINE == "decisionaid.lib.sessions"


def test_a_saved_session_reads_back_as_django_reads_it():
    key = saved({"answers": {"own": "¿Es seguro? 这种注射安全吗？ 'quoted' \"too\""}, "n": 3})
    ours, djangos = SessionStore(key), DjangoStore(key)
    assert dict(ours.items()) == dict(djangos.items())
    assert ours["answers"]["own"].startswith("¿Es seguro?") and ours.session_key == key


def test_an_expired_row_is_not_read_and_the_next_save_gets_a_new_key():
    key = saved({"answers": {"own": "old"}})
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(1))
    store = SessionStore(key)
    assert store.get("answers") is None and store.session_key is None
    store["answers"] = {"own": "new"}
    store.save()
    assert store.session_key != key
    assert SessionStore(store.session_key)["answers"] == {"own": "new"}


def test_an_unknown_key_reads_as_an_empty_session():
    store = SessionStore("x" * 32)
    assert dict(store.items()) == {} and store.session_key is None


def test_a_key_that_looks_like_sql_is_only_a_value():
    store = SessionStore("abcdefgh' OR '1'='1")
    saved({"answers": {"own": "someone else's"}})
    assert dict(store.items()) == {}
