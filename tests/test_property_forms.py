"""Hypothesis posts arbitrary text, numbers and field sets to every form: no 500, no lost answer.

Each test is bounded (max_examples) so `make test` stays quick; HYPOTHESIS_EXAMPLES raises it.
"""

import os
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from decisionaid.guide import steps
from decisionaid.guide.answers import SESSION_KEY, Answers
from decisionaid.guide.choices import (
    AGE_CHOICES,
    DIAGNOSED_CHOICES,
    DURATION_CHOICES,
    HEART_CHOICES,
    HELP_CHOICES,
    NOT_SURE_YET,
    PREGNANCY_CHOICES,
    QUIZ_CHOICES,
    RATING_CHOICES,
    SEX_CHOICES,
    WARNING_SIGN_CHOICES,
    YES_NO_CHOICES,
)

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "30"))
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
FORM = "application/x-www-form-urlencoded"
FORM_STEPS = [step for step in steps.STEPS if step.form_class is not None]
ACTIONS = ["next", "back", "skip", "show"]

# Answers from earlier visits to every form step, as a real person would have them.
SAVED = {
    "situation": {
        "diagnosed": "yes",
        "duration": "over_5",
        "tried": [],
        "warning_signs": [],
        "sex": "female",
        "pregnancy": "yes",
        "age": "18_to_39",
        "heart_medicines": "no",
    },
    "costs": {"price_per_session": "300.00", "first_course_sessions": 8, "maintenance_per_year": 2},
    "values": {"ratings": {}},
    "understanding": {"responses": {}},
    "questions": {"selected": [], "own": ["Who makes the product?"]},
    "sure": {
        "sure": "yes",
        "understand": "yes",
        "risks_benefits": "no",
        "support": "yes",
        "leaning": "oral-finasteride",
        "helps": ["talk_doctor", "time"],
    },
}

KNOWN_VALUES = sorted(
    {
        value
        for choices in (
            DIAGNOSED_CHOICES,
            DURATION_CHOICES,
            QUIZ_CHOICES,
            RATING_CHOICES,
            WARNING_SIGN_CHOICES,
            YES_NO_CHOICES,
            SEX_CHOICES,
            PREGNANCY_CHOICES,
            AGE_CHOICES,
            HEART_CHOICES,
            HELP_CHOICES,
            [NOT_SURE_YET],
        )
        for value, _ in choices
    }
    | {"topical-minoxidil", "mesotherapy", "q-written-ingredients"}
)
# Any code point but lone surrogates, which no browser can send; control characters included.
any_char = st.characters(exclude_categories=("Cs",))
text = st.text(any_char, max_size=400)
huge = st.builds(
    lambda char, size: char * size,
    any_char,
    st.integers(0, django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10),
)
numbers = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.sampled_from(["1e5", "1E-50", "0x10", "٣", "１２", " 7 ", "1_000", "-0", "+5", "5."]),
)
value = st.one_of(st.sampled_from(KNOWN_VALUES), numbers, text, huge)


def field_names(step: steps.Step) -> list[str]:
    return list(step.form_class().fields)


def pairs_for(step: steps.Step, *, strange_names: bool) -> st.SearchStrategy:
    names = st.sampled_from([*field_names(step), "action"])
    if strange_names:
        names = st.one_of(names, st.text(any_char, min_size=1, max_size=30))
    pair = st.tuples(names, st.one_of(value, st.sampled_from(ACTIONS)))
    return st.lists(pair, max_size=len(field_names(step)) + 4)


def person(*, kiosk: bool = False) -> Client:
    # A fresh cache per example: wrong PINs from earlier examples would lock the exit.
    cache.clear()
    client = Client()
    if kiosk:
        client.post("/kiosk/")
        # Entering the kiosk ends any visit, and the browser drops the emptied session cookie.
        client.cookies.pop(django_settings.SESSION_COOKIE_NAME, None)
    session = client.session
    Answers(session).replace_all(SAVED)
    session.save()
    return client


def post(client: Client, url: str, pairs: list[tuple[str, str]]):
    return client.post(url, urlencode(pairs), content_type=FORM)


def check_nothing_lost(client: Client, step: steps.Step, pairs, response) -> None:
    assert response.status_code in (200, 302, 400), response.status_code
    answers = client.session.get(SESSION_KEY, {})
    for slug, data in SAVED.items():
        if slug != step.slug:
            assert answers.get(slug) == data, f"{slug} changed by a post to {step.slug}"
    if response.status_code != 302:
        # Refused or re-shown: nothing was saved, and the page still holds what was typed.
        assert answers == SAVED
    if response.status_code == 200:
        html = response.content.decode()
        for name, typed in pairs:
            if name in ("own", "price_per_session", "first_course_sessions") and typed.strip():
                last = [v for n, v in pairs if n == name][-1]
                if typed == last and "\x00" not in typed:
                    assert escape(typed.replace("\r\n", "\n")) in html.replace("\r\n", "\n")
    if response.status_code == 302:
        # Whatever was saved renders everywhere it is shown.
        for url in ("/guide/summary/", f"/guide/{step.slug}/", "/checklist/"):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("step", FORM_STEPS, ids=lambda step: step.slug)
def test_any_values_in_a_steps_own_fields_never_crash_or_lose_answers(step):
    @BOUNDED
    @given(pairs=pairs_for(step, strange_names=False))
    def run(pairs):
        client = person()
        url = f"/guide/{step.slug}/"
        check_nothing_lost(client, step, pairs, post(client, url, pairs))

    run()


@pytest.mark.parametrize("step", FORM_STEPS, ids=lambda step: step.slug)
def test_any_field_set_with_unknown_or_repeated_names_never_crashes_or_loses_answers(step):
    @BOUNDED
    @given(pairs=pairs_for(step, strange_names=True))
    def run(pairs):
        client = person()
        url = f"/guide/{step.slug}/"
        check_nothing_lost(client, step, pairs, post(client, url, pairs))

    run()


@BOUNDED
@given(
    query=st.lists(
        st.tuples(st.sampled_from(["a", "b", "x"]), st.one_of(value, st.just("mesotherapy"))),
        max_size=4,
    )
)
def test_the_options_compare_form_takes_any_query(query):
    client = person()
    response = client.get("/guide/options/?" + urlencode(query))
    assert response.status_code in (200, 400)
    assert client.session.get(SESSION_KEY) == SAVED


@BOUNDED
@given(
    pairs=st.lists(
        st.tuples(
            st.one_of(st.just("pin"), st.just("pin"), st.text(any_char, min_size=1, max_size=9)),
            st.one_of(st.just("246813"), st.just(" 246813 "), text, numbers, huge),
        ),
        max_size=3,
    )
)
@example(pairs=[("pin", "\x80")])  # once a 500: compare_digest refused non-ASCII text
def test_the_kiosk_exit_pin_form_takes_anything_and_only_the_pin_opens_it(pairs):
    with override_settings(KIOSK_EXIT_PIN="246813"):
        client = person(kiosk=True)
        response = post(client, "/kiosk/exit/", pairs)
        assert response.status_code in (302, 400)
        pins = [value for name, value in pairs if name == "pin"]
        names = {name for name, _ in pairs}
        if response.status_code == 302:
            assert names <= {"pin"} and len(pins) == 1 and pins[0].strip() == "246813"
            assert not client.session.get(SESSION_KEY)
        else:
            assert client.session.get(SESSION_KEY) == SAVED
            assert 'class="kiosk' in response.content.decode()
