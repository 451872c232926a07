"""The head's meta tags: a description from the page's own first passage, and its title again."""

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from decisionaid.content import selectors

register = template.Library()

# Search results show about this many characters of a description.
DESCRIPTION_CHARS = 160


@register.simple_tag(takes_context=True)
def page_description(context: template.Context) -> str:
    """The first paragraph of the page's "In short" or first passage, cut at a word; the landing
    page's when the page has no passage of its own (the error pages)."""
    passages = (
        context.get("in_short")
        or context.get("passages")
        or context.get("intro_passages")
        or selectors.passages_for("landing")
    )
    if not passages:
        return ""
    first_paragraph = passages[0].body.split("\n\n")[0]
    return Truncator(" ".join(first_paragraph.split())).chars(DESCRIPTION_CHARS)


@register.simple_tag(takes_context=True)
def block_text(context: template.Context, name: str) -> SafeString:
    """What a block of this page renders to, so the <title> can be given again as og:title."""
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = blocks.get_block(name) if blocks else None
    return block.nodelist.render(context).strip() if block else SafeString("")
