"""Icon arrays: a study arm's result drawn as filled dots out of the same 100 for every arm."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

DENOMINATOR = 100
COLUMNS = 10
CELL = 22
RADIUS = 8


def per_hundred(count: int, total: int) -> int:
    """count out of total, rescaled to out of 100 and rounded half up (54 of 86 → 63)."""
    if total <= 0:
        raise ValueError("total must be positive")
    if not 0 <= count <= total:
        raise ValueError("count must be between 0 and total")
    scaled = Decimal(count) * DENOMINATOR / Decimal(total)
    return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def icon_array_svg(*, filled: int, title: str, element_id: str) -> SafeString:
    """A 10 by 10 grid of dots, the first `filled` of them solid, with `title` as its name."""
    if not 0 <= filled <= DENOMINATOR:
        raise ValueError("filled must be between 0 and 100")
    rows = DENOMINATOR // COLUMNS
    size = COLUMNS * CELL
    dots = format_html_join(
        "",
        '<circle class="{}" cx="{}" cy="{}" r="{}" fill="{}" stroke="#0b4f8a" stroke-width="2"/>',
        (
            (
                "dot dot-on" if index < filled else "dot dot-off",
                (index % COLUMNS) * CELL + CELL // 2,
                (index // COLUMNS) * CELL + CELL // 2,
                RADIUS,
                "#0b4f8a" if index < filled else "#ffffff",
            )
            for index in range(COLUMNS * rows)
        ),
    )
    return format_html(
        '<svg class="icon-array" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'width="{}" height="{}" role="img" aria-labelledby="{}-title">'
        '<title id="{}-title">{}</title>{}</svg>',
        size,
        size,
        size,
        size,
        element_id,
        element_id,
        title,
        dots,
    )
