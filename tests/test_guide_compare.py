"""On a small screen a person can compare a chosen pair of options instead of all eight."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("guide:step", kwargs={"slug": "options"})


def column_headers(html: str) -> list[str]:
    table = html[html.index('<table class="options-table"') : html.index("</thead>")]
    return re.findall(r'<th scope="col">([^<]+)</th>', table)


def test_all_options_are_shown_by_default(client):
    assert len(column_headers(client.get(URL).content.decode())) >= 8


def test_a_chosen_pair_shows_just_those_two_columns_with_every_row(client):
    html = client.get(URL, {"a": "mesotherapy", "b": "topical-minoxidil"}).content.decode()
    headers = column_headers(html)
    assert len(headers) == 2
    assert "mesotherapy" in headers[0].lower()
    assert "Show all" in html
    assert 'value="topical-minoxidil" selected' in html


@pytest.mark.parametrize(
    "query",
    [{"a": "mesotherapy", "b": "mesotherapy"}, {"a": "nope", "b": "<b>x</b>"}, {"a": "x" * 5000}],
)
def test_an_odd_pair_falls_back_to_all_options(client, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert len(column_headers(response.content.decode())) >= 8
    assert "<b>x</b>" not in response.content.decode()
