"""Spanish content: read in the active language, English fallback marked, editors' to-do list."""

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from test_admin import form_data

from decisionaid.content.bilingual import InEnglish, plain_values
from decisionaid.content.fingerprint import compute_fingerprint
from decisionaid.content.models import Passage, Study, TranslationRecord
from decisionaid.content.translation_status import translation_to_do

pytestmark = pytest.mark.django_db


def test_each_field_reads_in_the_active_language():
    passage = Passage.objects.get(slug="landing-what")
    assert passage.heading_es and passage.heading_en != passage.heading_es
    with translation.override("es"):
        assert passage.heading == passage.heading_es
    with translation.override("en"):
        assert passage.heading == passage.heading_en


def test_a_missing_translation_shows_the_english_marked_in_english():
    passage = Passage.objects.get(slug="landing-what")
    Passage.objects.filter(pk=passage.pk).update(body_es="")
    passage.refresh_from_db()
    with translation.override("es"):
        body = passage.body
        marker = gettext("(in English)")
        assert isinstance(body, InEnglish)
        assert body.startswith(passage.body_en) and body.endswith(marker)
        shown = engines["django"].from_string("{{ p.body }}").render({"p": passage})
        assert f'<span lang="en">{passage.body_en}</span>' in shown.replace("&#x27;", "'")
        assert marker in shown
        # Filters keep the words of the marker, even where they drop the lang tag.
        assert marker in engines["django"].from_string("{{ p.body|linebreaks }}").render(
            {"p": passage}
        )
        with plain_values():
            assert passage.body == passage.body_en
    with translation.override("en"):
        assert passage.body == passage.body_en


def test_the_fingerprint_is_the_same_in_either_language():
    with translation.override("en"):
        english = compute_fingerprint()
    with translation.override("es"):
        assert compute_fingerprint() == english


def test_a_new_translation_changes_the_fingerprint():
    before = compute_fingerprint()
    study = Study.objects.first()
    study.title_es = study.title_es + " (revisado)"
    study.save()
    assert compute_fingerprint() != before


def test_loaded_content_has_nothing_left_to_translate():
    assert translation_to_do() == []
    assert TranslationRecord.objects.filter(field="body", language="es").exists()


def test_the_to_do_list_shows_missing_and_outdated_translations(
    editor_client, django_capture_on_commit_callbacks
):
    passage = Passage.objects.get(slug="landing-who")
    passage.body_es = ""
    passage.save()
    study = Study.objects.first()
    url = reverse("admin:content_study_change", args=[study.pk])
    data = form_data(editor_client.get(url))
    data["limitations_en"] = study.limitations_en + " An editor checked this again."
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302

    found = {(item.row.pk, item.field, item.status) for item in translation_to_do()}
    assert (passage.pk, "body", "missing") in found
    assert (study.pk, "limitations", "outdated") in found
    assert len(found) == 2

    page = editor_client.get(reverse("admin:content_translationrecord_changelist"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Not translated" in html and "English changed since it was translated" in html
    assert reverse("admin:content_study_change", args=[study.pk]) in html

    # Writing the Spanish again clears the study's line.
    data = form_data(editor_client.get(url))
    data["limitations_es"] = study.limitations_es + " Un editor lo revisó de nuevo."
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302
    found = {(item.row.pk, item.field, item.status) for item in translation_to_do()}
    assert found == {(passage.pk, "body", "missing")}


def test_the_to_do_list_is_for_staff_only(client):
    response = client.get(reverse("admin:content_translationrecord_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("path", ["/about/", "/how-this-guide-was-made/"])
def test_about_and_how_made_say_who_translated_and_that_no_professional_checked_it(client, path):
    english = client.get(path).content.decode()
    assert "AI language model" in english and "No professional translator" in english
    spanish = client.get(f"/es{path}").content.decode()
    assert "inteligencia artificial" in spanish and "Ningún traductor profesional" in spanish
