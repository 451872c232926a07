"""Shared fixtures: the real content is loaded once per test session, as `make run` loads it."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

EDITOR_PASSWORD = "a-long-test-passphrase-for-editors"
LOCALE = Path(__file__).resolve().parents[1] / "locale"


def pytest_configure(config) -> None:
    """Compile any .po newer than its .mo, as `make messages` does, so a plain pytest run (and
    the browser tests' servers) show the translations as they are in the repository."""
    for po in LOCALE.glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        if shutil.which("msgfmt") is None:
            raise pytest.UsageError(
                "msgfmt (GNU gettext) is needed to compile the translations: "
                "sudo apt-get install gettext (make test installs it as root)."
            )
        subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with empty caches, so rendered fragments never leak between tests."""
    from django.core.cache import cache

    from decisionaid.lib import sharedcache
    from decisionaid.lib.fragmentcache import fragment_cache

    cache.clear()
    fragment_cache().clear()
    sharedcache.resume()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """A request under /es/ leaves Spanish active in the thread (Django does not reset it): each
    test starts in the deployment's language, as each request does."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _kiosk_exit_pin(settings):
    """Tests run with DEBUG off, like production, so kiosk mode needs a staff PIN to be entered."""
    settings.KIOSK_EXIT_PIN = "135790"


@pytest.fixture
def editor(db):
    """A member of the content editors group: staff, not a superuser."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from decisionaid.content.editors import EDITORS_GROUP_NAME

    user = get_user_model().objects.create_user(
        username="editor", password=EDITOR_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))
    return user


@pytest.fixture
def editor_client(client, editor):
    """Logged in through the admin's own login form, as an editor would."""
    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": EDITOR_PASSWORD, "next": reverse("admin:index")},
    )
    assert response.status_code == 302, "the editor could not log in"
    return client
