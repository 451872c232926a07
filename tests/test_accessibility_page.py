"""The accessibility statement: reached from every page, its words from the content, plain, and
saying what was tested, the known limits and how to report a problem."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from readability import MAX_GRADE, grade, main_text

from decisionaid.content.models import Passage
from decisionaid.public_pages import public_paths

pytestmark = pytest.mark.django_db

URL = reverse("pages:accessibility")


@pytest.mark.parametrize("path", [*public_paths(), "/nowhere/"])
def test_every_page_links_to_the_statement_in_its_footer(client, path):
    html = client.get(path).content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    link = re.search(r'<a href="([^"]+)">Accessibility</a>', footer)
    assert link, path
    statement = client.get(link.group(1))
    assert statement.status_code == 200
    assert "<h1>Accessibility statement</h1>" in statement.content.decode()


def test_statement_shows_every_accessibility_passage_from_the_content(client):
    html = client.get(URL).content.decode()
    passages = Passage.objects.filter(page="accessibility")
    assert passages.count() >= 4
    for passage in passages:
        assert passage.heading in html
        assert passage.body.split("\n")[0][:60] in html


def test_statement_covers_what_was_tested_how_the_limits_and_reporting():
    text = " ".join(Passage.objects.filter(page="accessibility").values_list("body", flat=True))
    for must in (
        "WCAG 2.0, 2.1 and 2.2",  # which rules
        "axe",  # with what
        "only the keyboard",
        "JavaScript off",
        "320 pixels",
        "twice its size",
        "screen reader",
        "not yet tested",  # known limits
        "PDF/UA",
        "please tell us",  # how to report
    ):
        assert must in text, must


def test_statement_reads_at_grade_eight_or_lower(client):
    text = main_text(client.get(URL).content.decode())
    assert grade(text) <= MAX_GRADE, grade(text)


def test_no_contact_address_is_shown_until_one_is_configured(client):
    assert "mailto:" not in client.get(URL).content.decode()


@override_settings(CONTACT_EMAIL="access@example.org")
def test_configured_contact_address_is_a_mail_link(client):
    html = client.get(URL).content.decode()
    assert 'href="mailto:access@example.org?subject=Accessibility%20problem"' in html


@override_settings(CONTACT_EMAIL="access@example.org", KIOSK_MODE=True)
def test_kiosk_shows_the_contact_address_as_text_not_a_link(client):
    html = client.get(URL).content.decode()
    assert "access@example.org" in html
    assert "mailto:" not in html
