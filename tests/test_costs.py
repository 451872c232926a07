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
def test_cost_defaults_come_from_the_content_when_nothing_is_saved(settings):
    from decisionaid.content import selectors

    default = selectors.cost_default()
    settings.CURRENCY = default.currency
    initial = CostsForm.initial_from({})
    assert initial["first_course_sessions"] == default.first_course_sessions
    assert initial["maintenance_per_year"] == default.maintenance_sessions_per_year
    assert initial["price_per_session"] == default.price_low
    settings.CURRENCY = "XXX"
    assert "price_per_session" not in CostsForm.initial_from({})
