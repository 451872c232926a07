"""Content editors work in the admin without being superusers, and every edit is stamped."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from decisionaid.content.admin import review_status
from decisionaid.content.bilingual import translated_fields
from decisionaid.content.editors import EDITORS_GROUP_NAME
from decisionaid.content.models import ContentRelease, Option, Study
from decisionaid.content.selectors import current_release

pytestmark = pytest.mark.django_db


def form_data(response) -> dict:
    """The admin change form's current values, as the browser would post them back."""
    data: dict = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif value is None:
            data[name] = ""
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value)
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = str(management[name].value() or 0)
        for inline_form in formset.formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                key = f"{inline_form.prefix}-{name}"
                if isinstance(value, bool):
                    if value:
                        data[key] = "on"
                else:
                    data[key] = "" if value is None else str(value)
    return data


def test_editors_group_has_every_content_permission_and_nothing_else():
    group = Group.objects.get(name=EDITORS_GROUP_NAME)
    content_perms = Permission.objects.filter(content_type__app_label="content")
    assert content_perms.count() >= 4 * 14
    assert set(group.permissions.all()) == set(content_perms)


def test_editor_is_not_a_superuser_but_can_reach_the_content_admin(editor_client, editor):
    assert not editor.is_superuser
    assert editor_client.get(reverse("admin:index")).status_code == 200
    assert editor_client.get(reverse("admin:content_study_changelist")).status_code == 200
    # Only content: user accounts stay with the site's administrators.
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_editor_changes_a_study_in_the_admin_and_the_fingerprint_changes(
    editor_client, django_capture_on_commit_callbacks
):
    study = Study.objects.first()
    assert study is not None, "no studies loaded"
    before = current_release()
    url = reverse("admin:content_study_change", args=[study.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    data = form_data(page)
    data["what_was_found_en"] = study.what_was_found + " An editor added this line in a test."

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    study.refresh_from_db()
    assert study.what_was_found.endswith("An editor added this line in a test.")
    after = ContentRelease.objects.get(pk=before.pk)
    assert after.fingerprint != before.fingerprint
    assert after.revision == before.revision + 1


def test_saving_a_study_unchanged_keeps_the_fingerprint_and_revision(
    editor_client, django_capture_on_commit_callbacks
):
    study = Study.objects.first()
    before = current_release()
    url = reverse("admin:content_study_change", args=[study.pk])
    data = form_data(editor_client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302
    after = ContentRelease.objects.get(pk=before.pk)
    assert (after.fingerprint, after.revision) == (before.fingerprint, before.revision)


def test_option_form_shows_every_comparison_row_and_the_value_fits(editor_client):
    option = Option.objects.first()
    assert option is not None, "no options loaded"
    page = editor_client.get(reverse("admin:content_option_change", args=[option.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    for field, _label in Option.ROWS:
        # Side by side: the English and the Spanish of each row.
        if field in translated_fields(Option):
            assert f'name="{field}_en"' in html and f'name="{field}_es"' in html, field
        else:
            assert f'name="{field}"' in html, field
    assert 'name="evidence_level"' in html
    assert "Comparison rows" in html
    assert "fits with what matters to people" in html.lower()


def test_review_due_filter_lists_an_overdue_release(editor_client):
    release = current_release()
    release.next_review_due = timezone.localdate() - datetime.timedelta(days=3)
    release.reviewed_on = release.published_on = release.next_review_due - datetime.timedelta(365)
    release.save(update_fields=["next_review_due", "reviewed_on", "published_on"])
    url = reverse("admin:content_contentrelease_changelist")

    overdue = editor_client.get(url, {"review": "overdue"})
    assert list(overdue.context["cl"].result_list) == [release]
    html = overdue.content.decode()
    assert "Overdue since" in html
    assert "past its review date" in html
    assert list(editor_client.get(url, {"review": "later"}).context["cl"].result_list) == []


def test_review_due_filter_keeps_a_current_release_out_of_the_overdue_list(editor_client):
    release = current_release()
    release.next_review_due = timezone.localdate() + datetime.timedelta(days=200)
    release.save(update_fields=["next_review_due"])
    url = reverse("admin:content_contentrelease_changelist")
    page = editor_client.get(url, {"review": "overdue"})
    assert list(page.context["cl"].result_list) == []
    assert "past its review date" not in page.content.decode()
    assert list(editor_client.get(url, {"review": "later"}).context["cl"].result_list) == [release]


def test_review_status_says_when_content_is_due_in_plain_words():
    release = ContentRelease(next_review_due=datetime.date(2027, 11, 24))
    assert review_status(release, today=datetime.date(2027, 11, 14)) == (
        "Due 24 November 2027 (in 10 days)"
    )
    assert review_status(release, today=datetime.date(2027, 11, 24)) == (
        "Due today (24 November 2027)"
    )
    assert review_status(release, today=datetime.date(2027, 12, 1)) == (
        "Overdue since 24 November 2027 (7 days)"
    )


def test_every_content_model_is_searchable_in_the_admin(editor_client):
    from django.apps import apps
    from django.contrib import admin

    for model in apps.get_app_config("content").get_models():
        model_admin = admin.site._registry.get(model)
        assert model_admin is not None, f"{model.__name__} is not in the admin"
        assert model_admin.search_fields, f"{model.__name__} has no search"
        url = reverse(f"admin:content_{model._meta.model_name}_changelist")
        assert editor_client.get(url, {"q": "hair"}).status_code == 200, model.__name__


def test_after_an_editor_changes_a_study_the_next_checklist_and_pdf_show_the_new_version(
    editor_client, django_capture_on_commit_callbacks
):
    from io import BytesIO

    from pypdf import PdfReader

    visitor = Client()
    before = current_release()
    first_pdf = visitor.get(reverse("checklist:pdf")).content
    study = Study.objects.order_by("pk").first()
    url = reverse("admin:content_study_change", args=[study.pk])
    data = form_data(editor_client.get(url))
    data["limitations_en"] = study.limitations + " Checked again by an editor."

    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302

    after = current_release()
    assert after.label == f"{before.version}.{before.revision + 1}"
    page = visitor.get(reverse("checklist:page")).content.decode()
    assert after.label in page and after.fingerprint in page
    assert before.fingerprint not in page
    pdf = visitor.get(reverse("checklist:pdf")).content
    assert pdf != first_pdf, "the cached PDF of the old content was served"
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert after.fingerprint in text
