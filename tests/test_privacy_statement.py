"""What /about/ says is kept, and for how long, is what the settings make the server do."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from decisionaid.lib.retention import in_words

pytestmark = pytest.mark.django_db


def about() -> str:
    return Client().get(reverse("pages:about")).content.decode()


def test_the_about_page_names_the_durations_the_default_settings_use(settings):
    html = about()
    assert f"deleted {in_words(settings.SESSION_COOKIE_AGE)} after you last saved" in html
    assert in_words(settings.SESSION_COOKIE_AGE) == "2 hours"
    kiosk = settings.KIOSK_IDLE_SECONDS + settings.KIOSK_WARNING_SECONDS
    assert f"deleted from the server {in_words(kiosk)} after the screen" in html
    assert in_words(kiosk) == "2 minutes and 30 seconds"
    assert f"stops working after {in_words(settings.TAKE_HOME_MAX_AGE_SECONDS)}" in html
    assert "stops working after 7 days" in html
    assert f"every {in_words(settings.SESSION_PURGE_SECONDS)}" in html
    assert "{" not in html.split("<main")[1].split("</main>")[0]


@override_settings(
    SESSION_COOKIE_AGE=3 * 3600,
    KIOSK_IDLE_SECONDS=100,
    KIOSK_WARNING_SECONDS=20,
    TAKE_HOME_MAX_AGE_SECONDS=3 * 86400,
    SESSION_PURGE_SECONDS=45,
    PDF_RATE_LIMIT="10/h",
)
def test_changing_the_settings_changes_what_the_about_page_says():
    html = about()
    assert "deleted 3 hours after you last saved" in html
    assert "deleted from the server 2 minutes after the screen" in html
    assert "stops working after 3 days" in html
    assert "every 45 seconds" in html
    assert "network address for 1 hour" in html
    assert "2 hours" not in html


def test_the_landing_page_and_the_kiosk_note_use_the_same_numbers(client, settings):
    assert f"{in_words(settings.SESSION_COOKIE_AGE)} after you last save" in (
        client.get(reverse("pages:landing")).content.decode()
    )
    client.post(reverse("kiosk:enter"))
    kiosk = settings.KIOSK_IDLE_SECONDS + settings.KIOSK_WARNING_SECONDS
    assert f"clears itself {in_words(kiosk)} after the last touch" in (
        client.get(reverse("pages:landing")).content.decode()
    )


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "1 second"),
        (60, "1 minute"),
        (150, "2 minutes and 30 seconds"),
        (90061, "1 day, 1 hour, 1 minute and 1 second"),
    ],
)
def test_durations_read_as_words(seconds, words):
    assert in_words(seconds) == words


def test_at_home_the_session_cookie_ends_with_the_browser_and_the_row_with_the_idle_time(
    client, settings
):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    response = client.post(
        reverse("guide:step", kwargs={"slug": "questions"}), {"own": "Mine?", "action": "next"}
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone when the browser closes
    row = Session.objects.get(session_key=cookie.value)
    lifetime = (row.expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 <= lifetime <= settings.SESSION_COOKIE_AGE
