"""{% chrome %}: the page's head and header, rendered once per page, language and mode.

The head and header of a page (title, description, language links and alternates, stylesheets,
site navigation) depend on the page's address, its template, the language, kiosk mode and the
content release, never on a person's answers. Rendering them is about a third of a guide page's
template time, so they are kept in the fragment cache, under a key made of exactly those inputs.

Only views that opt in by putting `cache_chrome` in the context are cached, and only for a GET
with no query string: error pages and made-up addresses never add entries to the shared cache.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key
from django.utils import translation

from decisionaid.lib.fragmentcache import fragment_cache

register = template.Library()

# Long enough that a busy day renders each page's chrome a handful of times; the key changes
# with every input, so an entry is never stale, only unused.
TIMEOUT_SECONDS = 3600


@register.tag("chrome")
def do_chrome(parser: template.base.Parser, token: template.base.Token) -> "ChromeNode":
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% chrome %} takes one quoted part name")
    nodelist = parser.parse(("endchrome",))
    parser.delete_first_token()
    return ChromeNode(nodelist, bits[1][1:-1])


def chrome_key(context: template.Context, part: str) -> str | None:
    """The cache key for this part of this page, or None when the page must not be cached."""
    request = context.get("request")
    if (
        request is None
        or not context.get("cache_chrome")
        or request.method not in ("GET", "HEAD")
        or request.GET
    ):
        return None
    release = context.get("content_release")
    return make_template_fragment_key(
        f"chrome-{part}",
        [
            context.template.name,
            translation.get_language(),
            request.scheme,
            request.get_host(),
            request.path,
            bool(context.get("kiosk")),
            context.get("kiosk_idle_seconds"),
            context.get("kiosk_warning_seconds"),
            release.pk if release else "",
            release.fingerprint if release else "",
        ],
    )


class ChromeNode(template.Node):
    def __init__(self, nodelist: template.NodeList, part: str) -> None:
        self.nodelist = nodelist
        self.part = part

    def render(self, context: template.Context) -> str:
        key = chrome_key(context, self.part)
        if key is None:
            return self.nodelist.render(context)
        cache = fragment_cache()
        value = cache.get(key)
        if value is None:
            value = self.nodelist.render(context)
            cache.set(key, value, TIMEOUT_SECONDS)
        return value
