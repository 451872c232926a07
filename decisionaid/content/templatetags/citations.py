"""Citation links ([3][7]) drawn in Python: a values page carries about 150 of them, and an
include with a {% url %} and a localized number for each was a third of its time."""

from collections.abc import Iterable

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from decisionaid.content.models import Source
from decisionaid.lib.urls import memo_reverse

register = template.Library()


@register.simple_tag
def cite_links(sources: Iterable[Source]) -> SafeString:
    """Each source as a link to its entry on the sources page, as includes/_cite.html draws it."""
    sources = list(sources)
    if not sources:
        return mark_safe("")
    url = escape(memo_reverse("pages:sources"))
    # Escaped before the number goes in: a number needs no escaping, and this runs once per call.
    label = escape(gettext("Source %(number)s"))
    links = "".join(
        f'<a href="{url}#source-{s.number}" aria-label="{label % {"number": s.number}}">'
        f"[{s.number}]</a>"
        for s in sources
    )
    return mark_safe(f'<span class="cite">{links}</span>')


@register.simple_tag
def cite_numbers(sources: Iterable[Source]) -> SafeString:
    """Each source as a link to its entry in the checklist's own list, as checklist/_cite.html
    draws it."""
    sources = list(sources)
    if not sources:
        return mark_safe("")
    links = "".join(f'<a href="#cited-{s.number}">[{s.number}]</a>' for s in sources)
    return mark_safe(f'<span class="cite">{links}</span>')
