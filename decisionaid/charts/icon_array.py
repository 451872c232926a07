"""Icon arrays: a study arm's result drawn as filled dots out of the same 100 for every arm."""

import re
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
    """A 10 by 10 grid of dots, the first `filled` of them solid, with `title` as its name.

    The dots are drawn as rectangles filled with a one-dot pattern (solid or hollow), not as 100
    circles: the same picture at a tenth of the bytes, which keeps the evidence page, with an
    array for each arm and each harm, inside its 60 KB weight budget.
    """
    if not 0 <= filled <= DENOMINATOR:
        raise ValueError("filled must be between 0 and 100")
    rows = DENOMINATOR // COLUMNS
    size = COLUMNS * CELL
    full_rows, partial = divmod(filled, COLUMNS)
    # (state, first column, row, columns wide, rows high): whole rows, then the split row.
    blocks = [
        ("on", 0, 0, COLUMNS, full_rows),
        ("on", 0, full_rows, partial, 1),
        ("off", partial, full_rows, COLUMNS - partial, 1 if partial else 0),
        (
            "off",
            0,
            full_rows + (1 if partial else 0),
            COLUMNS,
            rows - full_rows - (1 if partial else 0),
        ),
    ]
    rects = format_html_join(
        "",
        '<rect class="dots-{}" x="{}" y="{}" width="{}" height="{}" fill="url(#{}-{})"/>',
        (
            (state, x * CELL, y * CELL, wide * CELL, high * CELL, element_id, state)
            for state, x, y, wide, high in blocks
            if wide and high
        ),
    )
    patterns = format_html_join(
        "",
        '<pattern id="{}-{}" width="{}" height="{}" patternUnits="userSpaceOnUse">'
        '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="2"/></pattern>',
        (
            (element_id, state, CELL, CELL, CELL // 2, CELL // 2, RADIUS, fill, COLOUR)
            for state, fill in (("on", COLOUR), ("off", "#ffffff"))
        ),
    )
    return format_html(
        '<svg class="icon-array" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'width="{}" height="{}" role="img" aria-labelledby="{}-title" data-dots-on="{}">'
        '<title id="{}-title">{}</title><defs>{}</defs>{}</svg>',
        size,
        size,
        size,
        size,
        element_id,
        filled,
        element_id,
        title,
        patterns,
        rects,
    )


def dots_drawn(svg: str) -> dict[str, int]:
    """How many solid and hollow dots an icon array draws, read back from its rectangles."""
    counts = {"on": 0, "off": 0}
    for state, width, height in re.findall(
        r'<rect class="dots-(on|off)" x="\d+" y="\d+" width="(\d+)" height="(\d+)"', svg
    ):
        counts[state] += (int(width) // CELL) * (int(height) // CELL)
    return counts
