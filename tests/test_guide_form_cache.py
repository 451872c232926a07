"""Cached parts of guide pages: per content release (and answers), never stale, never shared."""

import pickle
import re

import pytest
from django import forms
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from decisionaid.content.models import ClinicClaim, Option, Question, Risk, Study
from decisionaid.content.services import refresh_release
from decisionaid.guide import steps
from decisionaid.guide.answers import Answers
from decisionaid.guide.forms import QuestionsForm, typed_field_names

pytestmark = pytest.mark.django_db

SITUATION = reverse("guide:step", kwargs={"slug": "situation"})
QUESTIONS = reverse("guide:step", kwargs={"slug": "questions"})


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def form_part(html: str) -> str:
    """The form's fields, without the CSRF token (masked differently on every response)."""
    form = html.split('id="guide-form"')[1].split('<div class="btn-row">')[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", form)


def person(answers: dict) -> Client:
    client = Client()
    session = client.session
    Answers(session).replace_all(answers)
    session.save()
    return client


def test_each_person_sees_their_own_saved_answers_in_the_form():
    first = person({"situation": {"diagnosed": "yes", "duration": "over_5"}})
    second = person({"situation": {"diagnosed": "no", "duration": "under_1"}})
    blank = person({})

    first_html = first.get(SITUATION).content.decode()
    second_html = second.get(SITUATION).content.decode()
    blank_html = blank.get(SITUATION).content.decode()

    assert 'value="over_5" id="id_duration_2" checked' in first_html
    assert 'value="under_1" id="id_duration_0" checked' in second_html
    assert "checked" not in form_part(blank_html)
    assert form_part(first.get(SITUATION).content.decode()) == form_part(first_html)


def test_an_editors_change_to_a_question_shows_in_the_form_at_once(
    django_capture_on_commit_callbacks,
):
    client = person({})
    question = Question.objects.order_by("pk").first()
    assert question.text in client.get(QUESTIONS).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        question.text = "Who mixes the injection, and where?"
        question.save()
    refresh_release()

    assert "Who mixes the injection, and where?" in client.get(QUESTIONS).content.decode()


def test_a_form_with_errors_is_never_served_from_the_cache():
    client = person({})
    client.get(reverse("guide:step", kwargs={"slug": "costs"}))
    response = client.post(
        reverse("guide:step", kwargs={"slug": "costs"}),
        {
            "price_per_session": "0",
            "first_course_sessions": "8",
            "maintenance_per_year": "4",
            "action": "next",
        },
    )
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()


@pytest.mark.parametrize(
    ("slug", "model", "field"),
    [
        ("evidence", Study, "title"),
        ("risks", Risk, "name"),
        ("what-it-is", ClinicClaim, "claim"),
        ("options", Option, "routine"),
    ],
)
def test_an_editors_change_shows_at_once_on_pages_with_cached_content(
    django_capture_on_commit_callbacks, slug, model, field
):
    client = person({})
    url = reverse("guide:step", kwargs={"slug": slug})
    row = model.objects.order_by("pk").first()
    assert getattr(row, field) in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        setattr(row, field, "A changed line from an editor")
        row.save()

    assert "A changed line from an editor" in client.get(url).content.decode()


VALUES = reverse("guide:step", kwargs={"slug": "values"})


def comparison_part(html: str | bytes) -> str:
    html = html.decode() if isinstance(html, bytes) else html
    return html.split('id="results-title"')[1].split("</section>")[0]


def ratings(top: int) -> dict:
    """The first `top` statements rated 5 and the rest 1."""
    from decisionaid.content import selectors

    statements = selectors.value_statements()
    return {"values": {"ratings": {s.slug: 5 if i < top else 1 for i, s in enumerate(statements)}}}


def test_the_values_comparison_follows_each_persons_ratings_and_situation():
    one, two = person(ratings(1)), person(ratings(2))
    first = comparison_part(one.get(VALUES).content.decode())
    second = comparison_part(two.get(VALUES).content.decode())
    assert first.count('class="fit-table"') == 1 and second.count('class="fit-table"') == 2
    assert comparison_part(one.get(VALUES).content.decode()) == first
    # A situation answer (picked, not typed) that brings a caution changes the same tables.
    pregnant = {"pregnancy": "yes", "tried": [], "warning_signs": []}
    cautious = comparison_part(person({**ratings(1), "situation": pregnant}).get(VALUES).content)
    assert "May not suit you" not in first and "May not suit you" in cautious


def test_an_editors_change_shows_at_once_in_the_values_comparison(
    django_capture_on_commit_callbacks,
):
    from decisionaid.content.models import ValueFit

    client = person(ratings(3))
    row = ValueFit.objects.order_by("pk").first()
    assert row.explanation in client.get(VALUES).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        row.explanation = "A changed line from an editor"
        row.save()
    assert "A changed line from an editor" in client.get(VALUES).content.decode()


COSTS = reverse("guide:step", kwargs={"slug": "costs"})
TYPED = {
    "own": (
        {"questions": {"own": ['Is <b>Quillfeather</b> & "Lot 7731" safe?']}},
        {"questions": {"own": ["Who mixes Zantorine?"]}},
        "Is &lt;b&gt;Quillfeather&lt;/b&gt; &amp; &quot;Lot 7731&quot; safe?",
        "Who mixes Zantorine?",
        ["Quillfeather", "Zantorine"],
    ),
    "price": (
        {
            "costs": {
                "price_per_session": "437.25",
                "first_course_sessions": 7,
                "maintenance_per_year": 4,
            }
        },
        {
            "costs": {
                "price_per_session": "99.51",
                "first_course_sessions": 7,
                "maintenance_per_year": 4,
            }
        },
        'value="437.25"',
        'value="99.51"',
        ["437.25", "99.51"],
    ),
}


def cached_text() -> str:
    """Everything the local-memory cache holds, unpickled."""
    return " ".join(str(pickle.loads(value)) for value in cache._cache.values())


@pytest.mark.parametrize(("url", "typed"), [(QUESTIONS, "own"), (COSTS, "price")])
def test_a_form_holding_typed_answers_reuses_the_cached_form_without_caching_them(
    monkeypatch, url, typed
):
    from decisionaid.guide.templatetags import guide_tags

    first_answers, second_answers, first_shown, second_shown, secrets = TYPED[typed]
    renders = []
    real_render = guide_tags.render_crispy_form
    monkeypatch.setattr(
        guide_tags, "render_crispy_form", lambda *a, **k: renders.append(1) or real_render(*a, **k)
    )
    first = form_part(person(first_answers).get(url).content.decode())
    # Someone else typed something different: the same form from the cache, their words in it.
    second = form_part(person(second_answers).get(url).content.decode())
    assert len(renders) == 1
    assert first_shown in first and second_shown not in first
    assert second_shown in second and first_shown not in second
    assert not any(secret in cached_text() for secret in secrets)


def test_the_options_table_follows_the_chosen_pair_and_the_persons_situation():
    options = reverse("guide:step", kwargs={"slug": "options"})
    client = person({})
    table = 'class="options-table"'
    everyone = client.get(options).content.decode().split(table)[1]
    pair = client.get(options + "?a=mesotherapy&b=topical-minoxidil").content.decode()
    assert (
        everyone.count('<th scope="col">') == 8
        and pair.split(table)[1].count('<th scope="col">') == 2
    )
    pregnant = {"situation": {"pregnancy": "yes", "tried": [], "warning_signs": []}}
    cautious = person(pregnant).get(options).content.decode().split(table)[1]
    assert "May not suit you" not in everyone and "May not suit you" in cautious


def test_the_summarys_cached_quiz_results_follow_each_persons_answers():
    from decisionaid.content import selectors

    summary = reverse("guide:step", kwargs={"slug": "summary"})
    item = selectors.quiz_items()[0]
    unsure = person({"understanding": {"responses": {item.slug: "not_sure"}}})
    assert "You were not sure." in unsure.get(summary).content.decode()
    answered = "true" if item.is_true else "false"
    right = person({"understanding": {"responses": {item.slug: answered}}})
    html = right.get(summary).content.decode()
    assert "You got this right." in html and "You were not sure." not in html


@pytest.mark.parametrize("step", [s for s in steps.STEPS if s.form_class], ids=lambda s: s.slug)
def test_the_typed_fields_read_from_the_class_are_all_the_form_has(step):
    """step_form finds typed fields (stand-ins, never cached) on the form class without building
    it; a typed field added in a form's __init__ would be missed, and its value cached."""
    built = step.form_class()
    typed_in_built = [
        name
        for name, field in built.fields.items()
        if isinstance(field.widget, forms.Textarea | forms.TextInput | forms.NumberInput)
    ]
    assert typed_field_names(step.form_class) == typed_in_built


def test_a_page_read_from_the_cache_builds_no_form(monkeypatch):
    """A GET whose form HTML is cached never builds the Django form (deep copies of every field
    and choice); its own typed values still show."""
    client = person(
        {"questions": {"selected": [], "own": ["Is my <scalp> OK?"]}, "costs": {}},
    )
    first = client.get(QUESTIONS).content.decode()
    built = []
    original = QuestionsForm.__init__

    def counting(self, *args, **kwargs):
        built.append(kwargs)
        original(self, *args, **kwargs)

    monkeypatch.setattr(QuestionsForm, "__init__", counting)
    again = client.get(QUESTIONS).content.decode()
    assert built == []
    assert form_part(again) == form_part(first)
    assert "Is my &lt;scalp&gt; OK?" in again
