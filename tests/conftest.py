"""Shared fixtures: the real content is loaded once per test session, as `make run` loads it."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so rendered fragments never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
