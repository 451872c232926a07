"""Quiz statements shown outside the quiz say whether they are true, with the fact behind them."""

import io
import re

import pytest
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from decisionaid.content import selectors
from decisionaid.guide.answers import Answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_everything_true(client):
    """The person ticked "true" for every statement, so false ones are answered wrongly."""
    items = selectors.quiz_items()
    session = client.session
    Answers(session).replace_all(
        {"understanding": {"responses": {item.slug: "true" for item in items}}}
    )
    session.save()
    return items


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_truth_and_fact_follow_each_statement(text: str, items) -> None:
    assert any(not item.is_true for item in items) and any(item.is_true for item in items)
    for item in items:
        verdict = "True." if item.is_true else "False."
        statement = squash(item.statement)
        at = text.find(statement)
        assert at >= 0, item.slug
        after = text[at + len(statement) :]
        assert after.lstrip('”"').startswith(verdict), (item.slug, after[:40])
        assert squash(item.explanation) in after[: len(squash(item.explanation)) + 40], item.slug


def test_summary_says_which_statements_are_false_and_gives_the_fact_and_source(
    client, answered_everything_true
):
    response = client.get(reverse("guide:step", args=["summary"]))
    html = response.content.decode()
    text = squash(re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'"))
    assert_truth_and_fact_follow_each_statement(text, answered_everything_true)
    for item in answered_everything_true:
        for source in item.sources.all():
            assert f"#source-{source.number}" in html


def test_checklist_page_gives_the_truth_and_fact_of_each_statement(
    client, answered_everything_true
):
    html = client.get(reverse("checklist:page")).content.decode()
    text = squash(re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'"))
    assert_truth_and_fact_follow_each_statement(text, answered_everything_true)
    for item in answered_everything_true:
        for source in item.sources.all():
            assert f'id="cited-{source.number}"' in html
    assert escape("Look at this one again.") in html


def test_checklist_pdf_gives_the_truth_and_fact_of_each_statement(client, answered_everything_true):
    response = client.get(reverse("checklist:pdf"))
    reader = PdfReader(io.BytesIO(response.content))
    text = squash("".join(page.extract_text() for page in reader.pages))
    assert_truth_and_fact_follow_each_statement(text, answered_everything_true)
