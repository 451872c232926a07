"""The server-drawn pictures: same-denominator icon arrays and the cost bars, escaped and named."""

from decimal import Decimal

import pytest

from decisionaid.charts.bars import bar_lengths, cost_bars_svg, format_money
from decisionaid.charts.icon_array import dots_drawn, icon_array_svg, per_hundred


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [(54, 86, 63), (7, 40, 18), (0, 14, 0), (14, 14, 100), (1, 200, 1), (1, 3, 33), (1, 8, 13)],
)
def test_per_hundred_rescales_both_arms_to_the_same_100_rounding_half_up(count, total, expected):
    assert per_hundred(count, total) == expected


@pytest.mark.parametrize(("count", "total"), [(5, 0), (-1, 10), (11, 10)])
def test_per_hundred_refuses_impossible_counts(count, total):
    with pytest.raises(ValueError):
        per_hundred(count, total)


def test_icon_array_fills_exactly_the_scaled_number_of_100_dots_and_is_named():
    svg = icon_array_svg(filled=63, title="Dutasteride: about 63 in 100", element_id="a")
    assert dots_drawn(svg) == {"on": 63, "off": 37}
    assert 'role="img"' in svg and 'aria-labelledby="a-title"' in svg
    assert '<title id="a-title">Dutasteride: about 63 in 100</title>' in svg
    assert "style=" not in svg


@pytest.mark.parametrize("filled", [0, 1, 9, 10, 11, 50, 63, 99, 100])
def test_every_dot_is_drawn_once_whatever_the_number(filled):
    svg = icon_array_svg(filled=filled, title="t", element_id="x")
    assert dots_drawn(svg) == {"on": filled, "off": 100 - filled}
    assert f'data-dots-on="{filled}"' in svg


def test_chart_text_is_escaped():
    svg = icon_array_svg(filled=1, title='<b>"x" & y</b>', element_id="e")
    assert "<b>" not in svg and "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;" in svg
    bars = cost_bars_svg([("<i>", Decimal(1))], currency="USD", title="&", element_id="b")
    assert "<i>" not in bars and "&lt;i&gt;" in bars and '<title id="b-title">&amp;</title>' in bars


def test_bar_lengths_scale_to_the_largest_and_keep_small_values_visible():
    assert bar_lengths([Decimal(2400), Decimal(1200)], full=200) == [200, 100]
    assert bar_lengths([Decimal(10000), Decimal(1)], full=200) == [200, 2]
    assert bar_lengths([Decimal(0), Decimal(0)]) == [0, 0]
    assert bar_lengths([Decimal(500), Decimal(0)], full=100) == [100, 0]


def test_cost_bars_describe_every_amount_in_words_for_screen_readers():
    svg = cost_bars_svg(
        [("First year", Decimal("2400")), ("Each later year", Decimal("1200"))],
        currency="EUR",
        title="Your cost estimate",
        element_id="c",
    )
    assert 'role="img"' in svg and 'aria-labelledby="c-title c-desc"' in svg
    assert '<desc id="c-desc">First year: EUR 2,400; Each later year: EUR 1,200</desc>' in svg
    assert svg.count('class="chart-bar"') == 2
    assert "style=" not in svg


@pytest.mark.parametrize(
    ("amount", "text"),
    [(Decimal("2400"), "USD 2,400"), (Decimal("2400.5"), "USD 2,400.50"), (Decimal("0"), "USD 0")],
)
def test_money_is_written_as_people_read_it(amount, text):
    assert format_money(amount, "USD") == text


@pytest.mark.parametrize("language", ["en", "es"])
def test_money_reads_exactly_as_djangos_number_format_in_each_language(language):
    """format_money skips number_format for speed; it must still give the same text."""
    from django.utils import translation
    from django.utils.formats import number_format

    amounts = [Decimal(0), Decimal("0.5"), Decimal("999.99"), Decimal("1000"), Decimal("12")]
    amounts += [Decimal("1234567.891"), Decimal("100000.1"), Decimal("250.00")]
    amounts += [Decimal(n * 7919) / Decimal(100) for n in range(1, 400)]
    with translation.override(language):
        for amount in amounts:
            rounded = amount.quantize(Decimal("0.01"))
            places = 0 if rounded == rounded.to_integral_value() else 2
            expected = number_format(rounded, places, use_l10n=True, force_grouping=True)
            assert format_money(amount, "USD") == f"USD {expected}", amount
