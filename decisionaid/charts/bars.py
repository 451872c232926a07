"""Small horizontal bar charts: the person's cost by year, and answer counts in the field test."""

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.utils.formats import get_format, number_format
from django.utils.html import conditional_escape as escaped
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

WIDTH = 480
LABEL_WIDTH = 150
BAR_AREA = 220
BAR_HEIGHT = 34
ROW_HEIGHT = 56


def format_money(amount: Decimal, currency: str) -> str:
    """An amount as people read it in the active language: "USD 2,400", "USD 2,400.50" in English,
    "USD 2.400,50" in Spanish. The currency is the deployment's whatever the language."""
    amount = Decimal(amount).quantize(Decimal("0.01"))
    places = 0 if amount == amount.to_integral_value() else 2
    decimal_separator, thousand_separator, grouping = number_style(get_language())
    if grouping != 3:
        text = number_format(amount, places, use_l10n=True, force_grouping=True)
        return f"{currency} {text}"
    # What number_format gives for groups of three, without its per-call settings lookups (a
    # cost page formats five amounts).
    text = f"{amount:,.{places}f}".translate(
        {ord(","): thousand_separator, ord("."): decimal_separator}
    )
    return f"{currency} {text}"


@lru_cache(maxsize=16)
def number_style(language: str | None) -> tuple[str, str, object]:
    """The language's decimal separator, thousand separator and grouping."""
    return tuple(
        get_format(name, language, use_l10n=True)
        for name in ("DECIMAL_SEPARATOR", "THOUSAND_SEPARATOR", "NUMBER_GROUPING")
    )


def bar_lengths(values: list[Decimal], *, full: int = BAR_AREA) -> list[int]:
    """Bar lengths in pixels, the largest value filling `full`; a non-zero value stays visible."""
    largest = max(values, default=Decimal(0))
    if largest <= 0:
        return [0 for _ in values]
    return [max(2, round(full * value / largest)) if value > 0 else 0 for value in values]


@dataclass(frozen=True)
class Layout:
    """Where a chart's rows, bars and figures sit, in pixels."""

    label_width: int
    bar_area: int
    row_height: int
    bar_height: int
    bar_top: int
    baseline: int
    gap: int
    width: int
    font_size: int


COST_LAYOUT = Layout(LABEL_WIDTH, BAR_AREA, ROW_HEIGHT, BAR_HEIGHT, 8, 30, 8, WIDTH, 16)
COUNT_LAYOUT = Layout(250, 170, 30, 20, 5, 20, 6, 250 + 170 + 50, 14)


def _bars_svg(
    rows: list[tuple[str, Decimal | int, str]], *, layout: Layout, title: str, element_id: str
) -> SafeString:
    """One labelled bar per (label, value, value as text) row, the text beside its bar.

    Plain f-strings with each text escaped, not format_html: the chart is drawn afresh on every
    cost page (its numbers are the person's), and format_html's per-argument machinery was a third
    of the time of that page part.
    """
    lengths = bar_lengths([value for _, value, _ in rows], full=layout.bar_area)
    height = layout.row_height * len(rows) + layout.gap
    bars = []
    for index, ((label, _, text), length) in enumerate(zip(rows, lengths, strict=True)):
        baseline = index * layout.row_height + layout.baseline
        bars.append(
            f'<text x="0" y="{baseline}" class="chart-label" fill="#1b1b1b">{escaped(label)}</text>'
            f'<rect x="{layout.label_width}" y="{index * layout.row_height + layout.bar_top}" '
            f'width="{length}" height="{layout.bar_height}" fill="#0b4f8a" class="chart-bar"/>'
            f'<text x="{layout.label_width + length + layout.gap}" y="{baseline}" '
            f'class="chart-value" fill="#1b1b1b">{escaped(text)}</text>'
        )
    description = escaped("; ".join(f"{label}: {text}" for label, _, text in rows))
    ident = escaped(element_id)
    return mark_safe(
        f'<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {layout.width} {height}" width="{layout.width}" height="{height}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'font-family="Atkinson Hyperlegible, DejaVu Sans, Arial, sans-serif" '
        f'font-size="{layout.font_size}"><title id="{ident}-title">{escaped(title)}</title>'
        f'<desc id="{ident}-desc">{description}</desc>{"".join(bars)}</svg>'
    )


def cost_bars_svg(
    rows: list[tuple[str, Decimal]], *, currency: str, title: str, element_id: str
) -> SafeString:
    """One labelled bar per (label, amount) row, each with its amount written beside it."""
    texts = [(label, amount, format_money(amount, currency)) for label, amount in rows]
    return _bars_svg(texts, layout=COST_LAYOUT, title=title, element_id=element_id)


def count_bars_svg(rows: list[tuple[str, int]], *, title: str, element_id: str) -> SafeString:
    """One labelled bar per (answer, count) row, each count written beside its bar."""
    texts = [(label, count, str(count)) for label, count in rows]
    return _bars_svg(texts, layout=COUNT_LAYOUT, title=title, element_id=element_id)
