"""The admin: only staff get in, failed logins are throttled, and its address is configurable."""

import importlib

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import clear_url_caches

import decisionaid.urls

pytestmark = pytest.mark.django_db

ADMIN = "/" + settings.ADMIN_URL
LOGIN = ADMIN + "login/"
PASSWORD = "a-long-editor-passphrase-42"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)


def login(client, username: str, password: str):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": ADMIN}, REMOTE_ADDR="10.1.1.1"
    )


def test_a_person_who_is_not_staff_cannot_log_in_to_the_admin(client):
    get_user_model().objects.create_user("visitor", password=PASSWORD)
    response = login(client, "visitor", PASSWORD)
    assert response.status_code == 200
    assert client.get(ADMIN).status_code == 302


def test_staff_can_log_in(client, editor):
    response = login(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_repeated_failed_logins_lock_the_account_even_with_the_right_password(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "editor", "wrong-password")
    response = login(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert client.get(ADMIN).status_code == 302


@pytest.fixture
def admin_url(settings):
    """Move the admin to another address, as ADMIN_URL does at start-up, and back afterwards."""

    def move(url: str) -> None:
        settings.ADMIN_URL = url
        importlib.reload(decisionaid.urls)
        clear_url_caches()

    yield move
    settings.ADMIN_URL = ADMIN.lstrip("/")
    importlib.reload(decisionaid.urls)
    clear_url_caches()


def test_the_admin_lives_at_the_configured_address(client, admin_url):
    admin_url("back-office-7f3a/")
    response = client.get("/back-office-7f3a/")
    assert response.status_code == 302
    assert response["Location"].startswith("/back-office-7f3a/login/")
    assert client.get(ADMIN).status_code == 404
