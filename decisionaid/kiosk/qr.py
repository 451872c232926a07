"""QR codes drawn as inline SVG on the server, so they print and work with a strict CSP."""

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, *, title: str, scale: int = 4) -> SafeString:
    # segno escapes the title; the data is encoded as modules, never as markup.
    svg = segno.make(data, error="m").svg_inline(
        scale=scale, title=title, svgclass="qr", lineclass="qr-line", omitsize=False
    )
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1))
