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


@pytest.fixture(autouse=True)
def _kiosk_exit_pin(settings):
    """Tests run with DEBUG off, like production, so kiosk mode needs a staff PIN to be entered."""
    settings.KIOSK_EXIT_PIN = "135790"
