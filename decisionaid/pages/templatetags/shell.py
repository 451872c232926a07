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

A hole sits directly inside its shell or inside {% if %} tags there, never in a {% for %} or a
{% with %}, so it can be rendered on its own with the context the shell was given. The stored text
remembers which holes it left open; the conditions of {% if %} tags around holes must therefore
follow from the key too (as "this step has a form" follows from the step). A CSRF token outside
the holes would be one person's token served to the next: the shell then renders uncached rather
than store it.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key
from django.template.base import FilterExpression, NodeList, VariableDoesNotExist
from django.template.defaulttags import IfNode
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from decisionaid.lib.fragmentcache import fragment_cache

from .chrome import TIMEOUT_SECONDS

register = template.Library()

# Stands for the CSRF token while the shared text is rendered; finding it there means a token
# would have been cached.
CSRF_STAND_IN = "\x00csrf-token-outside-a-hole\x00"


class HoleNode(template.Node):
    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        return self.nodelist.render(context)


def holes_in(nodelist: NodeList, around: list[IfNode]) -> list[HoleNode]:
    """The holes in a shell's nodes, in order, adding each {% if %} they sit in to `around`."""
    holes = []
    for node in nodelist:
        if isinstance(node, HoleNode):
            holes.append(node)
        elif isinstance(node, IfNode) and node.get_nodes_by_type(HoleNode):
            inner = [
                hole for _, branch in node.conditions_nodelists for hole in holes_in(branch, around)
            ]
            holes += inner
            around.append(node)
        elif node.get_nodes_by_type(HoleNode):
            raise template.TemplateSyntaxError(
                "{% hole %} must sit directly inside {% shell %} or inside {% if %} there"
            )
    return holes


def chosen_branch(node: IfNode, context: template.Context) -> NodeList | None:
    """The nodes an {% if %} renders in this context, as IfNode.render picks them."""
    for condition, nodelist in node.conditions_nodelists:
        if condition is None:
            return nodelist
        try:
            match = condition.eval(context)
        except VariableDoesNotExist:
            match = None
        if match:
            return nodelist
    return None


class ShellNode(template.Node):
    def __init__(self, name: str, vary_on: list[FilterExpression], nodelist: NodeList) -> None:
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist
        self.around_holes: list[IfNode] = []
        self.holes = holes_in(nodelist, self.around_holes)

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
        stored = cache.get(key)
        if not self.fits(stored):
            stored = self.shared_text(context)
            if stored is None:
                return self.nodelist.render(context)
            cache.set(key, stored, TIMEOUT_SECONDS)
        texts, open_holes = stored
        parts = [texts[0]]
        for index, text in zip(open_holes, texts[1:], strict=True):
            parts.append(self.holes[index].render(context))
            parts.append(text)
        return mark_safe("".join(parts))

    def fits(self, stored: object) -> bool:
        """Whether a cached value is this shell's text, not a miss or something else's."""
        if not (isinstance(stored, tuple) and len(stored) == 2):
            return False
        texts, open_holes = stored
        return len(texts) == len(open_holes) + 1 and all(
            isinstance(index, int) and 0 <= index < len(self.holes) for index in open_holes
        )

    def shared_text(self, context: template.Context) -> tuple[list[str], list[int]] | None:
        """The text before, between and after the holes this context opens, and which holes
        those are; None if a CSRF token got into the text."""
        segments: list[list[str]] = [[]]
        open_holes: list[int] = []

        def walk(nodelist: NodeList) -> None:
            for node in nodelist:
                if isinstance(node, HoleNode):
                    open_holes.append(self.holes.index(node))
                    segments.append([])
                elif node in self.around_holes:
                    branch = chosen_branch(node, context)
                    if branch is not None:
                        walk(branch)
                else:
                    segments[-1].append(str(node.render_annotated(context)))

        with context.push(csrf_token=CSRF_STAND_IN):
            walk(self.nodelist)
        texts = ["".join(parts) for parts in segments]
        if any(CSRF_STAND_IN in text for text in texts):
            return None
        return texts, open_holes


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
        raise template.TemplateSyntaxError("a {% hole %} may not sit inside another {% hole %}")
    return node


@register.tag("hole")
def do_hole(parser: template.base.Parser, token: template.base.Token) -> HoleNode:
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% hole %} takes no arguments")
    nodelist = parser.parse(("endhole",))
    parser.delete_first_token()
    return HoleNode(nodelist)
