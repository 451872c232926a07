"""The reading steps show all the content: every study, every option row, every risk, pictures."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from decisionaid.charts.icon_array import dots_drawn
from decisionaid.content import selectors
from decisionaid.content.models import Option, Study, ValueStatement
from decisionaid.guide.answers import Answers
from decisionaid.guide.steps import STEPS

pytestmark = pytest.mark.django_db


def page(client, slug: str) -> str:
    response = client.get(f"/guide/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def card_for(html: str, study: Study) -> str:
    body = re.escape(f'id="study-{study.slug}"')
    match = re.search(
        r'<details class="card study">(?:(?!</details>).)*?' + body + ".*?</details>", html, re.S
    )
    assert match, study.slug
    return match.group(0)


def test_evidence_step_shows_every_study_with_its_size_design_and_certainty(client):
    html = page(client, "evidence")
    studies = selectors.studies()
    assert len(studies) >= 5
    for study in studies:
        card = card_for(html, study)
        assert escape(study.title) in card
        assert escape(study.size_text) in card
        assert escape(study.design) in card
        assert f"Certainty: {study.get_certainty_display()}" in card
        assert escape(study.certainty_reason) in card
        for source in study.sources.all():
            assert f'href="/sources/#source-{source.number}"' in card


def test_studies_with_counts_get_an_icon_array_per_arm_out_of_100(client):
    html = page(client, "evidence")
    counted = [s for s in selectors.studies() if s.has_icon_array]
    assert counted, "at least one study gives counts for both arms"
    for study in counted:
        card = card_for(html, study)
        assert card.count('<svg class="icon-array"') == 2
        assert escape(study.size_text) in card.split('class="icon-arrays"')[1]
        assert sum(dots_drawn(card).values()) == 200
    moftah = next(s for s in counted if (s.treated_improved, s.treated_total) == (54, 86))
    card = card_for(html, moftah)
    assert "about 63 in 100" in card and "about 18 in 100" in card
    assert "54 of 86" in card and "7 of 40" in card


def test_evidence_step_says_what_is_not_known_yet(client):
    html = page(client, "evidence")
    unknowns = selectors.passages_for("evidence-unknowns")
    assert unknowns
    for passage in unknowns:
        assert escape(passage.heading) in html


def test_options_step_shows_at_least_eight_options_with_every_row_filled(client):
    html = page(client, "options")
    options = selectors.options()
    assert len(options) >= 8
    table = html.split('<table class="options-table">')[1].split("</table>")[0]
    header = re.findall(r'<th scope="col">(.*?)</th>', table)
    assert header == [escape(o.name) for o in options]
    for field, label in Option.ROWS:
        row = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', table, re.S)
        assert row, label
        cells = re.findall(r"<td>(.*?)</td>", row.group(1), re.S)
        assert len(cells) == len(options), label
        for option, cell in zip(options, cells, strict=True):
            assert cell.strip(), f"{option.slug} {field} is empty"
            assert cell == escape(getattr(option, field))


def test_options_table_scroll_region_is_named_and_keyboard_reachable(client):
    html = page(client, "options")
    region = re.search(r'<div class="table-scroll options-scroll"([^>]*)>', html).group(1)
    assert 'role="region"' in region and 'tabindex="0"' in region
    assert 'aria-labelledby="options-caption options-scroll-hint"' in region
    assert re.search(r'<h2 id="options-caption">The options side by side</h2>', html)
    assert re.search(r'<p id="options-scroll-hint"[^>]*>[^<]*scroll the table sideways', html)


def test_risks_step_shows_every_risk_with_how_often_and_what_to_do(client):
    html = page(client, "risks")
    risks = selectors.risks()
    assert risks
    for risk in risks:
        assert escape(risk.name) in html
        assert escape(risk.frequency_text) in html
        assert escape(risk.what_to_do) in html
        assert risk.get_seriousness_display() in html
    for page_name in ("risks-seek-help", "risks-off-label"):
        for passage in selectors.passages_for(page_name):
            assert escape(passage.body.split("\n")[0]) in html


def test_what_it_is_shows_both_diagrams_and_clinic_claims_beside_the_evidence(client):
    html = page(client, "what-it-is")
    assert 'aria-labelledby="skin-title skin-desc"' in html
    assert 'aria-labelledby="cycle-title cycle-desc"' in html
    for word in ("Epidermis", "Dermis", "Fat layer", "Hair follicle", "Anagen", "Catagen",
                 "Telogen"):  # fmt: skip
        assert word in html
    for claim in selectors.clinic_claims():
        assert escape(claim.claim) in html
        assert escape(claim.evidence_says.split("\n")[0]) in html


def test_costs_step_shows_the_example_price_and_how_weak_its_source_is(client):
    html = page(client, "costs")
    default = selectors.cost_default()
    assert default is not None
    assert escape(default.source_quality) in html
    assert f'name="first_course_sessions" value="{default.first_course_sessions}"' in html
    for passage in selectors.passages_for("costs-no-price-list"):
        assert escape(passage.body.split("\n")[0]) in html


def test_no_guide_page_uses_inline_style_script_or_event_handlers(client):
    for step in STEPS:
        html = page(client, step.slug)
        assert not re.search(r"\sstyle=", html), step.slug
        assert "<style" not in html, step.slug
        assert not re.search(r"<script(?![^>]*\ssrc=)", html), step.slug
        assert not re.search(r"\son[a-z]+=", html), step.slug


def test_radio_and_checkbox_groups_sit_in_fieldsets_with_legends(client):
    for slug in ("situation", "values", "understanding", "questions", "sure"):
        html = page(client, slug)
        fieldsets = re.findall(r"<fieldset[^>]*>(.*?)</fieldset>", html, re.S)
        assert fieldsets, slug
        grouped = 0
        for body in fieldsets:
            assert re.match(r"\s*<legend", body), slug
            grouped += len(re.findall(r'type="(?:radio|checkbox)"', body))
        assert grouped == len(re.findall(r'type="(?:radio|checkbox)"', html)), slug


def test_every_figure_on_the_values_comparison_cites_the_options_sources(client):
    session = client.session
    ratings = {statement.slug: 5 for statement in ValueStatement.objects.all()}
    Answers(session).replace_all({"values": {"ratings": ratings}})
    session.save()
    html = client.get(reverse("guide:step", kwargs={"slug": "values"})).content.decode()
    tables = re.findall(r'<table class="fit-table">.*?<tbody>(.*?)</tbody>', html, re.S)
    # Every statement was rated 5, so each gets its table, with one row per option.
    assert len(tables) == len(ratings)
    for table in tables:
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        assert len(rows) == Option.objects.count()
        for row in rows:
            assert 'class="cite"' in row, row[:200]
