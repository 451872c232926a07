"""Loading the content fixtures again changes nothing: same rows, fingerprint and revision."""

import pytest
from django.apps import apps
from django.core.management import call_command

from decisionaid.content.fingerprint import compute_fingerprint
from decisionaid.content.models import ContentRelease, GlossaryTerm
from decisionaid.content.selectors import current_release

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model.__name__: model._default_manager.count()
        for model in apps.get_app_config("content").get_models()
    }


def test_loading_the_fixtures_twice_changes_nothing(django_capture_on_commit_callbacks):
    counts = row_counts()
    release = current_release()
    assert counts["Passage"] > 0 and counts["Question"] > 0

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_content", verbosity=0)

    assert row_counts() == counts
    again = ContentRelease.objects.get(pk=release.pk)
    assert again.fingerprint == release.fingerprint == compute_fingerprint()
    assert again.revision == release.revision


def test_there_is_one_release_with_its_review_a_year_after_publication():
    release = ContentRelease.objects.get()
    assert release.version == "2026.12"
    assert str(release.next_review_due) == "2027-11-26"
    assert release.reviewed_by


def test_the_fingerprint_does_not_depend_on_row_ids_or_load_order():
    before = compute_fingerprint()
    term = GlossaryTerm.objects.order_by("pk").first()
    sources = list(term.sources.all())
    term.delete()
    term.pk = None
    term.save()  # the same row again, now with the highest id
    term.sources.set(sources)
    assert compute_fingerprint() == before
