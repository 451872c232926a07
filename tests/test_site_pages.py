"""/about/, /sources/ and /glossary/ render from the database; an overdue review shows on all."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from decisionaid.content.models import GlossaryTerm, Passage, Source
from decisionaid.content.selectors import current_release

pytestmark = pytest.mark.django_db

OVERDUE_NOTICE = "This content is due for review."
PUBLIC_PAGES = ["pages:landing", "pages:about", "pages:sources", "pages:glossary"]


def get_html(client, name: str) -> str:
    response = client.get(reverse(name))
    assert response.status_code == 200, name
    return response.content.decode()


def set_review_due(days_from_today: int) -> None:
    release = current_release()
    release.next_review_due = timezone.localdate() + datetime.timedelta(days=days_from_today)
    # A release is reviewed and published before its next review falls due (a database rule).
    release.reviewed_on = release.published_on = release.next_review_due - datetime.timedelta(365)
    release.save(update_fields=["next_review_due", "reviewed_on", "published_on"])


def test_about_shows_every_about_passage_and_the_current_release(client):
    html = get_html(client, "pages:about")
    for passage in Passage.objects.filter(page="about"):
        assert passage.heading in html
    release = current_release()
    assert release.label in html
    assert release.fingerprint in html
    assert release.next_review_due.strftime("%Y") in html
    assert "Next review due" in html


def test_about_shows_an_edited_passage(client):
    passage = Passage.objects.filter(page="about").first()
    passage.heading = "Who pays for this guide, edited"
    passage.body = "A sentence an editor just wrote.\n\nA second paragraph."
    passage.save()
    html = get_html(client, "pages:about")
    assert "Who pays for this guide, edited" in html
    assert "<p>A sentence an editor just wrote.</p>" in html
    assert "<p>A second paragraph.</p>" in html


def test_page_text_from_the_database_is_escaped(client):
    passage = Passage.objects.filter(page="about").first()
    passage.body = "<script>alert(1)</script>"
    passage.save()
    html = get_html(client, "pages:about")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_sources_lists_every_source_numbered_with_an_anchor(client):
    html = get_html(client, "pages:sources")
    sources = list(Source.objects.all())
    assert len(sources) >= 59
    for source in sources:
        assert f'id="source-{source.number}" value="{source.number}"' in html, source.slug


def test_sources_shows_an_edited_citation(client):
    source = Source.objects.get(slug="s5")
    source.citation = "An edited citation for the 541-person study"
    source.save()
    html = get_html(client, "pages:sources")
    assert "An edited citation for the 541-person study" in html


def test_citations_in_passages_link_to_the_source_anchor(client):
    passage = Passage.objects.filter(page="about").first()
    source = Source.objects.get(slug="s5")
    passage.sources.add(source)
    html = get_html(client, "pages:about")
    assert f"{reverse('pages:sources')}#source-{source.number}" in html


def test_glossary_lists_every_term_in_a_to_z_order(client):
    html = get_html(client, "pages:glossary")
    terms = sorted(GlossaryTerm.objects.all(), key=lambda term: term.term.casefold())
    assert len(terms) >= 20
    positions = [html.index(f'id="term-{term.slug}"') for term in terms]
    assert positions == sorted(positions)


def test_glossary_shows_an_edited_definition(client):
    term = GlossaryTerm.objects.get(slug="dermis")
    term.definition = "An edited meaning of the middle layer of skin."
    term.save()
    html = get_html(client, "pages:glossary")
    assert "An edited meaning of the middle layer of skin." in html


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_labelled_section_points_at_a_heading_that_exists(client, name):
    html = get_html(client, name)
    for target in re.findall(r'aria-labelledby="([^"]+)"', html):
        assert f'id="{target}"' in html, target


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_overdue_review_notice_shows_on_every_public_page(client, name):
    set_review_due(-1)
    html = get_html(client, name)
    assert OVERDUE_NOTICE in html
    assert current_release().reviewed_on.strftime("%Y") in html


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_no_overdue_notice_while_the_review_date_is_today_or_later(client, name):
    set_review_due(0)
    assert OVERDUE_NOTICE not in get_html(client, name)
    set_review_due(365)
    assert OVERDUE_NOTICE not in get_html(client, name)


def test_about_marks_the_review_date_as_overdue(client):
    set_review_due(-30)
    assert "(overdue)" in get_html(client, "pages:about")
