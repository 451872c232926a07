"""Editors cannot store content a page cannot show; a bad row that gets in breaks no page."""

import json
import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.urls import reverse
from test_admin import form_data

from decisionaid.content.models import ContentRelease, CostDefault, Option, Passage, Study
from decisionaid.content.validation import evaluate
from decisionaid.public_pages import public_paths

pytestmark = pytest.mark.django_db

LONG_TEXT = "An editor's long paragraph. " * 3700  # about 100 KB


def study_with_counts() -> Study:
    return Study.objects.exclude(treated_total=None).first()


def change_form(editor_client, obj):
    url = reverse(f"admin:content_{obj._meta.model_name}_change", args=[obj.pk])
    return url, form_data(editor_client.get(url))


def refused(response, field: str) -> str:
    """The admin gave the form back with an error on this field: nothing was saved."""
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors, errors
    return " ".join(errors[field])


def test_an_editor_cannot_say_more_people_improved_than_were_in_the_group(editor_client):
    study = study_with_counts()
    url, data = change_form(editor_client, study)
    data["treated_improved"] = str(study.treated_total + 1)
    message = refused(editor_client.post(url, data), "treated_improved")
    assert "cannot be more than the group size" in message
    study.refresh_from_db()
    assert study.treated_improved <= study.treated_total


def test_an_editor_cannot_give_a_count_without_its_group_size(editor_client):
    study = Study.objects.filter(treated_total=None).first()
    url, data = change_form(editor_client, study)
    data["control_improved"] = "5"
    refused(editor_client.post(url, data), "control_improved")


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"price_low": "-50"}, "price_low", "Enter a lowest price from 1"),
        ({"price_low": "400", "price_high": "200"}, "price_high", "cannot be below the lowest"),
        ({"first_course_sessions": "0"}, "first_course_sessions", "from 1 to 52"),
    ],
)
def test_an_editor_cannot_store_a_cost_range_the_calculator_cannot_use(
    editor_client, changes, field, words
):
    cost = CostDefault.objects.first()
    before = (cost.price_low, cost.price_high, cost.first_course_sessions)
    url, data = change_form(editor_client, cost)
    data.update(changes)
    assert words in refused(editor_client.post(url, data), field)
    cost.refresh_from_db()
    assert (cost.price_low, cost.price_high, cost.first_course_sessions) == before


def test_over_long_text_gets_a_field_error_and_keeps_the_editors_work(editor_client):
    passage = Passage.objects.first()
    url, data = change_form(editor_client, passage)
    data["body_en"] = LONG_TEXT
    response = editor_client.post(url, data)
    assert "at most 3000 characters" in refused(response, "body_en")
    assert response.context["adminform"].form["body_en"].value() == LONG_TEXT
    assert "We could not read what your browser sent" not in response.content.decode()
    passage.refresh_from_db()
    assert passage.body != LONG_TEXT


def test_visitors_pages_still_refuse_a_body_over_their_own_limit(client, settings):
    response = client.post("/guide/questions/", {"own_1": "x" * 70_000, "action": "next"})
    assert response.status_code == 400
    assert '<main id="main"' in response.content.decode()


def test_the_database_refuses_a_bad_row_saved_past_the_forms():
    study = study_with_counts()
    with pytest.raises(IntegrityError), transaction.atomic():
        Study.objects.filter(pk=study.pk).update(treated_improved=F("treated_total") + 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        CostDefault.objects.update(price_high=F("price_low") - 1)


def test_import_content_names_the_field_of_a_row_that_breaks_a_rule(tmp_path):
    path = tmp_path / "content.json"
    call_command("export_content", output=str(path), stdout=StringIO())
    items = json.loads(path.read_text(encoding="utf-8"))
    row = next(i for i in items if i["model"] == "content.costdefault")
    row["fields"]["price_high"] = "1.00"
    path.write_text(json.dumps(items), encoding="utf-8")
    with pytest.raises(CommandError, match="price_high: The highest price cannot be below"):
        call_command("import_content", str(path), verbosity=0)


def force(model, pk: int, constraints: list[str], **values) -> None:
    """Write values past the CHECK constraints, as raw SQL on an old database could."""
    table = model._meta.db_table
    assignments = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in values)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = 1")
        else:
            for name in constraints:  # dropped inside the test's transaction, so rolled back
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        cursor.execute(f"UPDATE {table} SET {assignments} WHERE id = %s", [*values.values(), pk])
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = 0")


@pytest.fixture
def bad_rows():
    study = study_with_counts()
    force(
        Study,
        study.pk,
        ["study_treated_improved_within_total"],
        treated_improved=study.treated_total + 40,
    )
    cost = CostDefault.objects.first()
    force(
        CostDefault,
        cost.pk,
        ["cost_price_low_in_range", "cost_price_high_not_below_low"],
        price_low=-300,
        price_high=-500,
    )
    option = Option.objects.first()
    force(Option, option.pk, ["option_evidence_level_known"], evidence_level=9)
    return study, cost, option


@pytest.mark.parametrize("kiosk", [False, True], ids=["home", "kiosk"])
def test_bad_rows_forced_in_by_sql_leave_every_public_page_at_200(client, bad_rows, kiosk, caplog):
    study, _, option = bad_rows
    if kiosk:
        client.post("/kiosk/")
        assert 'class="kiosk-finish"' in client.get("/").content.decode()
    with caplog.at_level(logging.ERROR, logger="decisionaid.content.selectors"):
        for path in [*public_paths(), "/checklist.pdf"]:
            response = client.get(path)
            assert response.status_code == 200, path
        evidence = client.get("/guide/evidence/").content.decode()
        costs = client.get("/guide/costs/").content.decode()
    assert study.title not in evidence
    assert "-300" not in costs and "-500" not in costs
    logged = caplog.text
    assert "left off public pages" in logged
    assert study.slug and "treated_improved" in logged and "evidence_level" in logged


def test_the_admin_lists_a_bad_row_for_editors(editor_client, bad_rows):
    study = bad_rows[0]
    html = editor_client.get(reverse("admin:content_study_changelist")).content.decode()
    assert f"“{study.title}” is not shown to visitors until it is fixed" in html
    assert "cannot be more than the group size" in html


@pytest.mark.parametrize(
    ("condition", "values", "expected"),
    [
        (Q(a__lte=F("b")), {"a": 3, "b": 2}, False),
        (Q(a__lte=F("b")), {"a": None, "b": 2}, None),  # NULL: a CHECK passes
        (Q(a__gte=1, a__lte=5), {"a": 6}, False),
        (Q(a__isnull=True) | Q(b__gt=0), {"a": 1, "b": 0}, False),
        (Q(a__isnull=True) | Q(b__gt=0), {"a": None, "b": 0}, True),
        (~Q(a=1), {"a": 1}, False),
    ],
)
def test_rules_are_evaluated_in_python_as_the_database_would(condition, values, expected):
    row = type("Row", (), values)()
    assert evaluate(condition, row) is expected


def test_a_study_whose_counts_cannot_be_drawn_loses_only_its_picture(caplog):
    from decisionaid.guide.templatetags.guide_tags import study_arms

    study = Study(slug="odd", treated_label="Shots", treated_improved=90, treated_total=86)
    study.control_label, study.control_improved, study.control_total = "No shots", 7, 40
    with caplog.at_level(logging.ERROR):
        assert study_arms(study) == []
    assert "odd" in caplog.text


def test_every_row_of_the_shipped_content_meets_every_rule():
    from decisionaid.content.fingerprint import content_models

    for model in [*content_models(), ContentRelease]:
        for row in model.objects.all():
            assert row.problems() == [], row
            row.full_clean()
