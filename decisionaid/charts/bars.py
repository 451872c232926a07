"""A small horizontal bar chart of the person's first-year and later-years cost."""

from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 480
LABEL_WIDTH = 150
BAR_AREA = 220
BAR_HEIGHT = 34
ROW_HEIGHT = 56


def format_money(amount: Decimal, currency: str) -> str:
    """An amount as people read it: "USD 2,400", or "USD 2,400.50" when there are cents."""
    amount = Decimal(amount).quantize(Decimal("0.01"))
    text = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    return f"{currency} {text}"


def bar_lengths(values: list[Decimal], *, full: int = BAR_AREA) -> list[int]:
    """Bar lengths in pixels, the largest value filling `full`; a non-zero value stays visible."""
    largest = max(values, default=Decimal(0))
    if largest <= 0:
        return [0 for _ in values]
    return [max(2, round(full * value / largest)) if value > 0 else 0 for value in values]


def cost_bars_svg(
    rows: list[tuple[str, Decimal]], *, currency: str, title: str, element_id: str
) -> SafeString:
    """One labelled bar per (label, amount) row, each with its amount written beside it."""
    lengths = bar_lengths([amount for _, amount in rows])
    height = ROW_HEIGHT * len(rows) + 8
    bars = format_html_join(
        "",
        '<text x="0" y="{}" class="chart-label" fill="#1b1b1b">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#0b4f8a" class="chart-bar"/>'
        '<text x="{}" y="{}" class="chart-value" fill="#1b1b1b">{}</text>',
        (
            (
                index * ROW_HEIGHT + 30,
                label,
                LABEL_WIDTH,
                index * ROW_HEIGHT + 8,
                length,
                BAR_HEIGHT,
                LABEL_WIDTH + length + 8,
                index * ROW_HEIGHT + 30,
                format_money(amount, currency),
            )
            for index, ((label, amount), length) in enumerate(zip(rows, lengths, strict=True))
        ),
    )
    description = "; ".join(f"{label}: {format_money(amount, currency)}" for label, amount in rows)
    return format_html(
        '<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'width="{}" height="{}" role="img" aria-labelledby="{}-title {}-desc" '
        'font-family="Atkinson Hyperlegible, DejaVu Sans, Arial, sans-serif" font-size="16">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH,
        height,
        WIDTH,
        height,
        element_id,
        element_id,
        element_id,
        title,
        element_id,
        description,
        bars,
    )


COUNT_LABEL_WIDTH = 250
COUNT_BAR_AREA = 170
COUNT_ROW_HEIGHT = 30
COUNT_BAR_HEIGHT = 20


def count_bars_svg(rows: list[tuple[str, int]], *, title: str, element_id: str) -> SafeString:
    """One labelled bar per (answer, count) row, each count written beside its bar."""
    lengths = bar_lengths([count for _, count in rows], full=COUNT_BAR_AREA)
    height = COUNT_ROW_HEIGHT * len(rows) + 6
    bars = format_html_join(
        "",
        '<text x="0" y="{}" class="chart-label" fill="#1b1b1b">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#0b4f8a" class="chart-bar"/>'
        '<text x="{}" y="{}" class="chart-value" fill="#1b1b1b">{}</text>',
        (
            (
                index * COUNT_ROW_HEIGHT + 20,
                label,
                COUNT_LABEL_WIDTH,
                index * COUNT_ROW_HEIGHT + 5,
                length,
                COUNT_BAR_HEIGHT,
                COUNT_LABEL_WIDTH + length + 6,
                index * COUNT_ROW_HEIGHT + 20,
                count,
            )
            for index, ((label, count), length) in enumerate(zip(rows, lengths, strict=True))
        ),
    )
    description = "; ".join(f"{label}: {count}" for label, count in rows)
    width = COUNT_LABEL_WIDTH + COUNT_BAR_AREA + 50
    return format_html(
        '<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'width="{}" height="{}" role="img" aria-labelledby="{}-title {}-desc" '
        'font-family="Atkinson Hyperlegible, DejaVu Sans, Arial, sans-serif" font-size="14">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        width,
        height,
        width,
        height,
        element_id,
        element_id,
        element_id,
        title,
        element_id,
        description,
        bars,
    )
