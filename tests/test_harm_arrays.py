"""Harms drawn like benefits: a study's main harm gets an icon array out of the same 100 (IPDAS)."""

import re

import pytest
from django.urls import reverse
from test_content_rules import change_form, refused

from decisionaid.charts.icon_array import dots_drawn
from decisionaid.content.models import Study
from decisionaid.guide.templatetags.guide_tags import study_harm

pytestmark = pytest.mark.django_db


def test_pain_in_the_largest_study_is_drawn_as_45_of_100_from_246_of_541():
    study = Study.objects.get(slug="saceda-corralo-2022")
    harm = study_harm(study)
    assert (harm.improved, harm.total, harm.per_100) == (246, 541, 45)


def test_the_evidence_page_draws_the_harm_beside_the_benefit_arrays(client):
    html = client.get(reverse("guide:step", kwargs={"slug": "evidence"})).content.decode()
    figure = re.search(
        r'<figure class="icon-arrays icon-arrays-harm" [^>]*saceda-corralo-2022.*?</figure>',
        html,
        re.S,
    ).group(0)
    assert "About 45 in 100 had pain during the shots." in figure
    assert "246 of 541 people in the study." in figure
    assert dots_drawn(figure) == {"on": 45, "off": 55}


def test_a_study_without_harm_counts_gets_no_harm_array():
    study = Study.objects.filter(harm_total=None).first()
    assert study_harm(study) is None


def test_an_editor_cannot_count_more_people_harmed_than_were_in_the_group(editor_client):
    study = Study.objects.get(slug="saceda-corralo-2022")
    url, data = change_form(editor_client, study)
    data["harm_count"] = "542"
    message = refused(editor_client.post(url, data), "harm_count")
    assert "cannot be more than the group size" in message
    study.refresh_from_db()
    assert study.harm_count == 246
