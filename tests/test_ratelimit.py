"""The fixed-window rate limit: parsing rates and refusing bursts per client and per session."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from decisionaid.lib import ratelimit
from decisionaid.lib.ratelimit import parse_rate, rate_limited

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def mid_window(monkeypatch):
    """The limiter's clock stopped 30 s into a minute (and an hour): the windows are fixed, so
    requests that happened to straddle a minute's end would land in two windows and a burst
    would pass (with a slow first PDF render this happened in a CI run)."""
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))


def test_rates_are_parsed_into_count_and_window():
    assert parse_rate("20/m") == (20, 60)
    assert parse_rate("5/10s") == (5, 10)
    assert parse_rate("100/h") == (100, 3600)


def test_a_burst_beyond_the_limit_gets_a_friendly_429_with_retry_after(settings):
    settings.TEST_RATE = "3/m"

    @rate_limited("test", "TEST_RATE")
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    statuses = []
    for _ in range(5):
        request = factory.get("/x", REMOTE_ADDR="10.0.0.1")
        statuses.append(view(request).status_code)
    assert statuses == [200, 200, 200, 429, 429]

    refused = view(factory.get("/x", REMOTE_ADDR="10.0.0.1"))
    assert int(refused["Retry-After"]) > 0
    assert "Please wait a moment" in refused.content.decode()
    other_client = view(factory.get("/x", REMOTE_ADDR="10.0.0.2"))
    assert other_client.status_code == 200


def test_the_checklist_pdf_refuses_a_burst_with_429_and_keeps_the_answers(client, settings):
    settings.PDF_RATE_LIMIT = "2/m"
    url = reverse("checklist:pdf")
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    refused = client.get(url)
    assert refused.status_code == 429
    assert "Your answers are still here" in refused.content.decode()
    assert client.get(reverse("checklist:page")).status_code == 200
