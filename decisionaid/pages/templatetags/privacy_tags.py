"""Fill the {durations} that privacy text names with the values the server really uses."""

from django import template

from decisionaid.lib.retention import fill

register = template.Library()


@register.filter
def with_durations(text: str) -> str:
    return fill(text)
