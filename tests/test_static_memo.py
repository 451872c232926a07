"""Our templates' {% static %} (a builtin, no {% load %}) remembers each file's URL per process,
and forgets them when the settings change."""

from django.template import Context, Template
from django.templatetags.static import StaticNode

from decisionaid.lib import static


def render(path: str) -> str:
    return Template("{% static path %}").render(Context({"path": path}))


def test_the_tag_gives_djangos_own_url_and_asks_the_storage_once():
    static._url.cache_clear()
    assert render("css/site.css") == StaticNode.handle_simple("css/site.css")
    render("css/site.css")
    assert static._url.cache_info().hits == 1


def test_a_changed_static_url_is_used_at_once(settings):
    before = render("css/site.css")
    settings.STATIC_URL = "/assets-elsewhere/"
    after = render("css/site.css")
    assert after.startswith("/assets-elsewhere/") and after != before


def test_the_as_form_still_sets_a_variable():
    html = Template('{% static "img/favicon.svg" as icon %}[{{ icon }}]').render(Context())
    assert html == f"[{StaticNode.handle_simple('img/favicon.svg')}]"


def test_our_templates_never_load_djangos_own_static_tag():
    from pathlib import Path

    from django.conf import settings

    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        if "admin" in path.parts:
            continue
        for line in path.read_text().splitlines():
            if "{% load" in line:
                assert " static" not in line.split("{% load", 1)[1].split("%}", 1)[0], path
