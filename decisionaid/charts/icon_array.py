"""Icon arrays: a study arm's result drawn as filled dots out of the same 100 for every arm."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

DENOMINATOR = 100
COLUMNS = 10
CELL = 22
RADIUS = 8
COLOUR = "#0b4f8a"


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

    def dots(indexes: range, state: str) -> SafeString:
        return format_html_join(
            "",
            '<circle class="dot dot-{}" cx="{}" cy="{}" r="{}"/>',
            (
                (
                    state,
                    (index % COLUMNS) * CELL + CELL // 2,
                    (index // COLUMNS) * CELL + CELL // 2,
                    RADIUS,
                )
                for index in indexes
            ),
        )

    # Paint is set once per group, not on each of the 100 dots: the evidence page, with two
    # arrays per study, was over its 60 KB weight budget with it repeated.
    groups = format_html(
        '<g fill="{}" stroke="{}" stroke-width="2">{}</g><g fill="#ffffff" stroke="{}" '
        'stroke-width="2">{}</g>',
        COLOUR,
        COLOUR,
        dots(range(filled), "on"),
        COLOUR,
        dots(range(filled, COLUMNS * rows), "off"),
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
        groups,
    )
