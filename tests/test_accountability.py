"""Who made the guide, who paid, who checked, how it was made, and the release every page shows."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from pypdf import PdfReader

from decisionaid.content.checks import disclosure_is_filled_in
from decisionaid.content.fingerprint import compute_fingerprint
from decisionaid.content.management.commands.export_content import serialize_content
from decisionaid.content.models import ContentRelease, Disclosure, Passage
from decisionaid.guide.readability import measure
from decisionaid.guide.steps import STEPS

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_about_page_names_publisher_funder_contributors_contact_and_field_testing(client):
    disclosure = Disclosure.objects.get()
    html = client.get(reverse("pages:about")).content.decode()
    for value in (
        disclosure.publisher,
        disclosure.funder,
        disclosure.funding_statement,
        disclosure.contact_text,
        disclosure.field_testing,
    ):
        assert value and escape(value) in html
    person = disclosure.contributors.get()
    for value in (person.name, person.qualifications, person.declared_interests):
        assert escape(value) in html
    assert reverse("how-made") in html


def test_default_disclosure_states_no_funding_and_invents_no_names():
    disclosure = Disclosure.objects.get()
    assert disclosure.funder.startswith("No funding")
    assert "not named" in disclosure.contributors.get().name
    assert "not yet been tested with patients" in disclosure.field_testing


def test_checklist_footer_and_pdf_say_who_made_it_who_paid_and_how_to_report_a_mistake(
    client, settings
):
    settings.CONTACT_EMAIL = "corrections@example.org"
    disclosure = Disclosure.objects.get()
    html = client.get(reverse("checklist:page")).content.decode()
    footer = html[html.index('class="checklist-footer"') :]
    for value in (disclosure.publisher, disclosure.funder, "corrections@example.org"):
        assert escape(value) in footer
    pdf = PdfReader(io.BytesIO(client.get(reverse("checklist:pdf")).content))
    squashed = "".join("".join(page.extract_text() for page in pdf.pages).split())
    assert "".join(disclosure.publisher.split()) in squashed


def test_an_edit_to_the_disclosure_changes_the_fingerprint_and_is_exported():
    before = compute_fingerprint()
    Disclosure.objects.update(funder="A named charity")
    assert compute_fingerprint() != before
    exported = serialize_content()
    assert '"model": "content.disclosure"' in exported
    assert '"model": "content.contributor"' in exported


@pytest.mark.parametrize("field", ["publisher", "funder"])
def test_production_check_warns_when_publisher_or_funder_is_empty(settings, field):
    settings.DEBUG = False
    settings.CONTACT_EMAIL = "corrections@example.org"
    assert disclosure_is_filled_in() == []
    Disclosure.objects.update(**{field: ""})
    warnings = disclosure_is_filled_in()
    assert [w.id for w in warnings] == ["content.W002"]
    assert field in warnings[0].msg
    settings.DEBUG = True
    assert disclosure_is_filled_in() == []


def test_production_check_warns_without_a_contact_address_and_when_there_is_no_disclosure(
    settings,
):
    settings.DEBUG = False
    settings.CONTACT_EMAIL = ""
    assert "contact address" in disclosure_is_filled_in()[0].msg
    Disclosure.objects.update(contact_url="https://example.org/report")
    assert disclosure_is_filled_in() == []
    Disclosure.objects.all().delete()
    assert [w.id for w in disclosure_is_filled_in()] == ["content.W001"]


def test_how_made_page_names_both_starting_documents_and_says_field_testing_is_not_done(client):
    text = text_of(client.get(reverse("how-made")))
    assert "A Critical Examination" in text
    assert "Does it Work?" in text
    assert "not yet tested this guide with patients" in text
    assert "GRADE" in text and "24 November 2026" in text


def test_how_made_page_shows_the_live_grade_of_every_step_and_overall(client):
    response = client.get(reverse("how-made"))
    html = response.content.decode()
    level = measure()
    assert len(level.steps) == len(STEPS)
    for step in level.steps:
        assert f'<th scope="row">{escape(step.title)}</th><td>{step.grade:.1f}</td>' in html
    assert f'class="overall-grade">{level.overall:.1f}<' in html


def test_changing_a_passage_changes_the_reading_grade_shown(
    client, django_capture_on_commit_callbacks
):
    def shown_grade() -> str:
        html = client.get(reverse("how-made")).content.decode()
        return re.search(r'<th scope="row">Your situation</th><td>([\d.]+)</td>', html).group(1)

    before = shown_grade()
    passage = Passage.objects.get(slug="situation-intro")
    passage.body = (
        "Notwithstanding considerable methodological heterogeneity, contemporaneous "
        "investigations systematically demonstrated extraordinarily inconsistent "
        "pharmacological characteristics."
    )
    with django_capture_on_commit_callbacks(execute=True):
        passage.save()
    after = shown_grade()
    assert float(after) > float(before) + 1


def test_every_page_footer_and_the_checklist_show_release_2026_12(client):
    release = ContentRelease.objects.get()
    assert release.version == "2026.12"
    urls = [reverse(f"pages:{name}") for name in ("landing", "about", "sources", "glossary")]
    urls += [reverse("pages:accessibility"), reverse("how-made")]
    urls += [reverse("guide:step", args=[step.slug]) for step in STEPS]
    for url in urls:
        html = client.get(url).content.decode()
        footer = html[html.index('class="site-footer"') :]
        assert f"Content version {release.label}" in footer, url
        assert reverse("how-made") in footer, url
    checklist = client.get(reverse("checklist:page")).content.decode()
    assert f"Content version {release.label}" in checklist
    pdf = PdfReader(io.BytesIO(client.get(reverse("checklist:pdf")).content))
    assert "2026.12" in "".join(page.extract_text() for page in pdf.pages)


def test_loading_the_content_again_keeps_one_disclosure():
    call_command("load_content", verbosity=0)
    assert Disclosure.objects.count() == 1


def test_the_spanish_how_made_page_measures_the_spanish_text_on_the_inflesz_scale(client):
    html = client.get("/es/how-this-guide-was-made/").content.decode()
    with translation.override("es"):
        level = measure("es")
    assert level.scale == "inflesz" and len(level.steps) == len(STEPS)
    assert "Facilidad de lectura de cada paso (INFLESZ" in html
    assert "Flesch-Kincaid" not in html.split('id="reading-heading"')[1]
    for step in level.steps:
        assert step.grade >= 65, step
        shown = f"{step.grade:.1f}".replace(".", ",")
        assert f'<th scope="row">{escape(step.title)}</th><td>{shown}</td>' in html
    # A different measure of a different text, not the English one relabelled.
    assert [s.grade for s in level.steps] != [s.grade for s in measure("en").steps]
