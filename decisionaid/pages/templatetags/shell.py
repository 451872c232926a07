"""{% shell %} with {% hole %}: a page part rendered once, with the person's own parts left open.

    {% shell "summary" content_release.fingerprint kiosk summary_shell_key %}
      ...content and picked choices...
      {% hole %}...what the person typed, a CSRF token, anything made per request...{% endhole %}
      ...
    {% endshell %}

The text between the holes is kept in the fragment cache under the name, the values after it and
the active language, so those values must name everything that text depends on. The holes are
rendered for every response and never stored: whatever a person typed (a price, their own
questions), and anything made for this response only, belongs in one.

A hole must sit directly inside its shell (not inside an {% if %} or a {% for %}), so it can be
rendered on its own with the context the shell was given. A CSRF token outside the holes would be
one person's token served to the next: the shell then renders uncached rather than store it.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key
from django.template.base import FilterExpression, NodeList
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .chrome import TIMEOUT_SECONDS, fragment_cache

register = template.Library()

# Stands for the CSRF token while the shared text is rendered; finding it there means a token
# would have been cached.
CSRF_STAND_IN = "\x00csrf-token-outside-a-hole\x00"


class HoleNode(template.Node):
    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        return self.nodelist.render(context)


class ShellNode(template.Node):
    def __init__(self, name: str, vary_on: list[FilterExpression], nodelist: NodeList) -> None:
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist
        self.holes = [node for node in nodelist if isinstance(node, HoleNode)]

    def key(self, context: template.Context) -> str | None:
        request = context.get("request")
        if request is None or request.method not in ("GET", "HEAD"):
            return None
        values = [translation.get_language()] + [v.resolve(context) for v in self.vary_on]
        return make_template_fragment_key(f"shell-{self.name}", values)

    def render(self, context: template.Context) -> SafeString:
        key = self.key(context)
        if key is None:
            return self.nodelist.render(context)
        cache = fragment_cache()
        segments = cache.get(key)
        if segments is None or len(segments) != len(self.holes) + 1:
            segments = self.shared_segments(context)
            if segments is None:
                return self.nodelist.render(context)
            cache.set(key, segments, TIMEOUT_SECONDS)
        parts = [segments[0]]
        for hole, text in zip(self.holes, segments[1:], strict=True):
            parts.append(hole.render(context))
            parts.append(text)
        return mark_safe("".join(parts))

    def shared_segments(self, context: template.Context) -> list[str] | None:
        """The text before, between and after the holes; None if a CSRF token got into it."""
        segments = [[]]
        with context.push(csrf_token=CSRF_STAND_IN):
            for node in self.nodelist:
                if isinstance(node, HoleNode):
                    segments.append([])
                else:
                    segments[-1].append(str(node.render_annotated(context)))
        texts = ["".join(parts) for parts in segments]
        if any(CSRF_STAND_IN in text for text in texts):
            return None
        return texts


@register.tag("shell")
def do_shell(parser: template.base.Parser, token: template.base.Token) -> ShellNode:
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            "{% shell %} takes a quoted name, then what it varies on"
        )
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endshell",))
    parser.delete_first_token()
    node = ShellNode(bits[1][1:-1], vary_on, nodelist)
    if len(nodelist.get_nodes_by_type(HoleNode)) != len(node.holes):
        raise template.TemplateSyntaxError(
            "{% hole %} must sit directly inside {% shell %}, not inside another tag"
        )
    return node


@register.tag("hole")
def do_hole(parser: template.base.Parser, token: template.base.Token) -> HoleNode:
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% hole %} takes no arguments")
    nodelist = parser.parse(("endhole",))
    parser.delete_first_token()
    return HoleNode(nodelist)
