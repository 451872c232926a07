"""Citation links ([3][7]) drawn in Python: a values page carries about 150 of them."""

from collections.abc import Iterable
from functools import lru_cache

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from decisionaid.content.models import Source

register = template.Library()


@lru_cache(maxsize=64)
def _sources_url(urlconf: str | None, prefix: str, language: str | None) -> str:
    # One reverse per URL configuration, script prefix and language (the three things the
    # sources page's address can depend on), instead of one {% url %} per citation.
    return reverse("pages:sources", urlconf=urlconf)


def sources_url() -> str:
    """The sources page's address for the current request."""
    return _sources_url(get_urlconf(), get_script_prefix(), get_language())


@register.simple_tag
def cite_links(sources: Iterable[Source]) -> SafeString:
    """Each source as a link to its entry on the sources page, as includes/_cite.html draws it."""
    sources = list(sources)
    if not sources:
        return mark_safe("")
    url = escape(sources_url())
    links = "".join(
        f'<a href="{url}#source-{s.number}" aria-label="{escape(label(s.number))}">[{s.number}]</a>'
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


def label(number: int) -> str:
    return gettext("Source %(number)s") % {"number": number}
