"""The staff PIN that leaves kiosk mode: required in production, and throttled against guessing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from decisionaid.kiosk import checks, pin

pytestmark = pytest.mark.django_db
# The Finish and clear button every kiosk page carries (the words also appear in /about/).
KIOSK_BUTTON = 'class="kiosk-finish"'
ROOT = Path(__file__).resolve().parent.parent
PIN = "864213"


def production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "KIOSK_"))}
    return {**env, "DEBUG": "0", "SECRET_KEY": "pin-test-" + "k" * 50, **extra}


def load_wsgi(env: dict[str, str]) -> subprocess.CompletedProcess:
    """What gunicorn does first: import the WSGI application (no management command runs)."""
    command = [sys.executable, "-c", "import decisionaid.wsgi"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.mark.parametrize("weak", ["", "1234", "12345", "abcdef", "12 3456"])
def test_a_production_kiosk_without_a_six_digit_pin_refuses_to_start(weak):
    env = production_env(KIOSK_MODE="1", KIOSK_EXIT_PIN=weak)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "kiosk.E001" in result.stderr and "KIOSK_EXIT_PIN" in result.stderr

    wsgi = load_wsgi(env)
    assert wsgi.returncode != 0
    assert "ImproperlyConfigured" in wsgi.stderr and "6 digits" in wsgi.stderr


def test_a_production_kiosk_with_a_six_digit_pin_starts():
    result = load_wsgi(production_env(KIOSK_MODE="1", KIOSK_EXIT_PIN=PIN))
    assert result.returncode == 0, result.stderr


@override_settings(DEBUG=False, KIOSK_MODE=True, KIOSK_EXIT_PIN="")
def test_the_check_names_the_missing_pin():
    [error] = checks.kiosk_exit_pin()
    assert error.id == "kiosk.E001"


@override_settings(DEBUG=True, KIOSK_MODE=True, KIOSK_EXIT_PIN="")
def test_development_needs_no_pin():
    assert checks.kiosk_exit_pin() == []


@override_settings(DEBUG=False, KIOSK_EXIT_PIN="")
def test_without_a_pin_a_production_browser_cannot_switch_to_kiosk_mode(client):
    page = client.get(reverse("kiosk:enter"))
    assert page.status_code == 403
    assert "not set up on this site" in page.content.decode()
    assert client.post(reverse("kiosk:enter")).status_code == 403
    assert KIOSK_BUTTON not in client.get(reverse("pages:landing")).content.decode()


def kiosk_person(address: str = "198.51.100.7") -> Client:
    client = Client(REMOTE_ADDR=address)
    client.post(reverse("kiosk:enter"))
    return client


def wrong(client: Client):
    return client.post(reverse("kiosk:exit"), {"pin": "000000"})


@override_settings(KIOSK_EXIT_PIN=PIN)
def test_five_wrong_pins_lock_the_exit_even_for_the_right_pin():
    person = kiosk_person()
    for _ in range(pin.TRIES_PER_CLIENT - 1):
        assert wrong(person).status_code == 400
    locked = wrong(person)
    assert locked.status_code == 429
    assert "Too many wrong PINs" in locked.content.decode()
    assert "locked for 15 minutes" in locked.content.decode()

    right = person.post(reverse("kiosk:exit"), {"pin": PIN})
    assert right.status_code == 429
    assert KIOSK_BUTTON in person.get(reverse("pages:about")).content.decode()

    cache.clear()  # the lock-out has run its course
    assert person.post(reverse("kiosk:exit"), {"pin": PIN}).status_code == 302


@override_settings(KIOSK_EXIT_PIN=PIN)
def test_a_lock_out_for_one_client_leaves_other_clients_free():
    for _ in range(pin.TRIES_PER_CLIENT):
        wrong(kiosk_person("198.51.100.7"))
    other = kiosk_person("198.51.100.8")
    assert other.post(reverse("kiosk:exit"), {"pin": PIN}).status_code == 302


@override_settings(KIOSK_EXIT_PIN=PIN)
def test_guesses_spread_over_many_addresses_lock_every_kiosk():
    for number in range(pin.TRIES_PER_DEPLOYMENT):
        response = wrong(kiosk_person(f"203.0.113.{number}"))
        assert response.status_code in (400, 429)
    fresh = kiosk_person("192.0.2.200")
    assert fresh.post(reverse("kiosk:exit"), {"pin": PIN}).status_code == 429


@override_settings(KIOSK_EXIT_PIN=PIN)
def test_the_exit_page_itself_says_when_it_is_locked():
    person = kiosk_person()
    for _ in range(pin.TRIES_PER_CLIENT):
        wrong(person)
    page = person.get(reverse("kiosk:exit"))
    assert page.status_code == 429
    assert 'name="pin"' not in page.content.decode()
