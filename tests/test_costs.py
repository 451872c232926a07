"""Cost arithmetic and the cost form: what a person pays in the first year and each year after."""

from decimal import Decimal

import pytest

from decisionaid.guide.forms import CostsForm
from decisionaid.guide.rules import cost_estimate


def test_first_year_is_price_times_first_course_and_later_years_price_times_top_ups(settings):
    settings.CURRENCY = "GBP"
    data = {"price_per_session": "275.50", "first_course_sessions": 8, "maintenance_per_year": 4}
    cost = cost_estimate(data)
    assert cost.currency == "GBP"
    assert cost.first_year == Decimal("2204.00")
    assert cost.later_years == Decimal("1102.00")


def test_missing_or_broken_cost_answers_give_no_estimate():
    assert cost_estimate({}) is None
    assert cost_estimate({"price_per_session": "x", "first_course_sessions": 1,
                          "maintenance_per_year": 1}) is None  # fmt: skip
    assert cost_estimate({"price_per_session": "10", "first_course_sessions": 1}) is None


@pytest.mark.django_db
def test_cost_form_saves_the_documented_answer_shape():
    form = CostsForm({"price_per_session": "250", "first_course_sessions": "8",
                      "maintenance_per_year": "0"})  # fmt: skip
    assert form.is_valid(), form.errors
    assert form.to_answers() == {
        "price_per_session": "250.00",
        "first_course_sessions": 8,
        "maintenance_per_year": 0,
    }


@pytest.mark.django_db
def test_cost_form_keeps_the_valid_numbers_when_one_is_out_of_range():
    form = CostsForm({"price_per_session": "250", "first_course_sessions": "80",
                      "maintenance_per_year": "2"})  # fmt: skip
    assert not form.is_valid()
    assert form.partial_answers() == {"price_per_session": "250.00", "maintenance_per_year": 2}


@pytest.mark.django_db
def test_course_lengths_come_from_the_content_but_the_price_starts_empty(settings):
    from decisionaid.content import selectors

    default = selectors.cost_default()
    settings.CURRENCY = default.currency
    initial = CostsForm.initial_from({})
    assert initial["first_course_sessions"] == default.first_course_sessions
    assert initial["maintenance_per_year"] == default.maintenance_sessions_per_year
    # An example price is never offered back as the person's own cost estimate.
    assert "price_per_session" not in initial


def test_first_year_counts_the_top_ups_that_fall_in_it(settings):
    settings.CURRENCY = "USD"
    data = {
        "price_per_session": "300",
        "first_course_sessions": 8,
        "first_year_top_ups": 2,
        "maintenance_per_year": 4,
    }
    cost = cost_estimate(data)
    assert cost.first_year_sessions == 10
    assert cost.first_year == Decimal("3000")
    assert cost.later_years == Decimal("1200")
    assert cost_estimate({**data, "first_year_top_ups": -1}) is None


@pytest.mark.django_db
def test_cost_form_keeps_first_year_top_ups_only_when_given():
    form = CostsForm({"price_per_session": "250", "first_course_sessions": "8",
                      "first_year_top_ups": "3", "maintenance_per_year": "4"})  # fmt: skip
    assert form.is_valid(), form.errors
    assert form.to_answers()["first_year_top_ups"] == 3
    blank = CostsForm({"price_per_session": "250", "first_course_sessions": "8",
                       "first_year_top_ups": "", "maintenance_per_year": "4"})  # fmt: skip
    assert blank.is_valid(), blank.errors
    assert "first_year_top_ups" not in blank.to_answers()


@pytest.mark.django_db
def test_costs_page_starts_with_no_price_and_no_estimate_until_the_person_gives_one(client):
    from django.urls import reverse

    html = client.get(reverse("guide:step", args=["costs"])).content.decode()
    assert 'name="price_per_session"' in html
    price_input = html[html.index('name="price_per_session"') :].split(">", 1)[0]
    assert "value=" not in price_input
    assert "Your cost estimate" not in html
    assert "written quote" in html
