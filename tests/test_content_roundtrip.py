"""export_content and import_content move all content through one reviewable file, losslessly."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Max

from decisionaid.content.management.commands.export_content import content_models_in_order
from decisionaid.content.management.commands.import_content import clear_content
from decisionaid.content.models import ContentRelease, Passage, Question, QuestionTheme, Source
from decisionaid.content.selectors import current_release
from decisionaid.content.services import refresh_release

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked_rows():
    """Rows joined by a foreign key and a many-to-many, whatever the fixtures hold today."""
    number = (Source.objects.aggregate(top=Max("number"))["top"] or 0) + 1000
    source = Source.objects.create(
        slug="rt-source", number=number, citation="Round-trip test source.", kind="review"
    )
    theme = QuestionTheme.objects.create(slug="rt-theme", order=999, name="Round-trip theme")
    question = Question.objects.create(
        slug="rt-question",
        theme=theme,
        text="Is this question kept with its theme and source?",
        why_it_matters="It proves natural keys survive the round trip.",
    )
    question.sources.add(source)
    refresh_release(bump=False)
    return question


def row_counts() -> dict[str, int]:
    return {m._meta.label_lower: m._default_manager.count() for m in content_models_in_order()}


def export(tmp_path, name: str) -> bytes:
    path = tmp_path / name
    call_command("export_content", output=str(path), stdout=StringIO())
    return path.read_bytes()


def import_file(path, *args: str) -> str:
    out = StringIO()
    call_command("import_content", str(path), *args, stdout=out)
    return out.getvalue()


def test_export_clear_import_gives_the_same_fingerprint_rows_and_bytes(tmp_path, linked_rows):
    before_release = current_release()
    before_counts = row_counts()
    first = export(tmp_path, "first.json")

    clear_content(content_models_in_order())
    assert set(row_counts().values()) == {0}

    report = import_file(tmp_path / "first.json")

    after_release = current_release()
    assert after_release.fingerprint == before_release.fingerprint
    assert after_release.label == before_release.label
    assert f"fingerprint {before_release.fingerprint}" in report
    assert row_counts() == before_counts
    question = Question.objects.get(slug="rt-question")
    assert question.theme.slug == "rt-theme"
    assert [s.slug for s in question.sources.all()] == ["rt-source"]
    assert export(tmp_path, "second.json") == first


def test_export_is_one_file_with_every_content_model_natural_keys_and_no_primary_keys(
    tmp_path, linked_rows
):
    items = json.loads(export(tmp_path, "content.json"))
    exported_models = {item["model"] for item in items}
    non_empty = {label for label, count in row_counts().items() if count}
    assert exported_models == non_empty
    assert "content.contentrelease" in exported_models
    assert all("pk" not in item for item in items)
    question = next(i for i in items if i["fields"].get("slug") == "rt-question")
    assert question["fields"]["theme"] == ["rt-theme"]
    assert question["fields"]["sources"] == [["rt-source"]]


def test_export_to_standard_output_matches_the_file(tmp_path):
    out = StringIO()
    call_command("export_content", stdout=out)
    assert out.getvalue().encode() == export(tmp_path, "content.json")


def test_importing_into_existing_content_updates_rows_without_duplicates_or_new_revision(
    tmp_path, linked_rows
):
    release = current_release()
    counts = row_counts()
    export(tmp_path, "content.json")
    Passage.objects.filter(pk=Passage.objects.first().pk).update(heading="Edited by hand")

    import_file(tmp_path / "content.json")

    assert row_counts() == counts
    assert not Passage.objects.filter(heading="Edited by hand").exists()
    after = current_release()
    assert (after.fingerprint, after.revision) == (release.fingerprint, release.revision)


def test_import_with_replace_removes_content_the_file_does_not_hold(tmp_path):
    export(tmp_path, "content.json")
    Passage.objects.create(slug="rt-extra", page="landing", body="Not in the file.")

    import_file(tmp_path / "content.json", "--replace")

    assert not Passage.objects.filter(slug="rt-extra").exists()


def test_import_refuses_a_file_that_holds_anything_but_content(tmp_path):
    path = tmp_path / "evil.json"
    user = {"model": "auth.user", "fields": {"username": "intruder", "password": "x"}}
    path.write_text(json.dumps([user]), encoding="utf-8")

    with pytest.raises(CommandError, match="auth.User is not content"):
        import_file(path)
    assert not get_user_model().objects.filter(username="intruder").exists()


def test_import_rejects_text_over_its_length_limit_and_changes_nothing(tmp_path):
    items = json.loads(export(tmp_path, "content.json"))
    passage = next(i for i in items if i["model"] == "content.passage")
    slug = passage["fields"]["slug"]
    before = Passage.objects.get(slug=slug).heading
    passage["fields"]["heading"] = "x" * 161
    (tmp_path / "long.json").write_text(json.dumps(items), encoding="utf-8")

    with pytest.raises(CommandError, match=f"content.passage {slug}: heading"):
        import_file(tmp_path / "long.json")
    assert Passage.objects.get(slug=slug).heading == before


def test_import_with_explicit_ids_moves_the_id_sequence_past_them(tmp_path):
    next_id = (Passage.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    row = {
        "model": "content.passage",
        "pk": next_id,
        "fields": {"slug": "rt-explicit-id", "page": "landing", "body": "Loaded with an id."},
    }
    (tmp_path / "ids.json").write_text(json.dumps([row]), encoding="utf-8")

    import_file(tmp_path / "ids.json")
    # On PostgreSQL this insert takes the sequence's next value, which the import just used.
    created = Passage.objects.create(slug="rt-after", page="landing", body="Created afterwards.")

    assert created.pk > next_id


def test_import_of_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        import_file(tmp_path / "nope.json")


def test_import_of_a_broken_file_is_a_clear_error(tmp_path):
    (tmp_path / "broken.json").write_text("[{", encoding="utf-8")
    with pytest.raises(CommandError, match="not a valid content fixture"):
        import_file(tmp_path / "broken.json")
    assert ContentRelease.objects.exists()
