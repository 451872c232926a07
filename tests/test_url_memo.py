"""{% url %} remembers its reverse per process, yet follows the script prefix and the URL
configuration, and still reverses arguments it cannot safely remember."""

from django.template import Context, Template
from django.test import override_settings
from django.urls import include, path, reverse, set_script_prefix
from django.utils import translation

from decisionaid.lib import urls as url_memo


def _page(request):
    raise AssertionError("never served")


# A second URL configuration for one test: the same name under another path.
urlpatterns = [path("elsewhere/", include(([path("sources/", _page, name="sources")], "pages")))]


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_the_url_tag_in_templates_is_the_remembering_one():
    template = Template("{% url 'guide:step' 'values' %}")
    assert isinstance(template.nodelist[0], url_memo.MemoURLNode)
    assert template.render(Context()) == reverse("guide:step", args=["values"])


def test_a_repeated_reverse_is_served_from_memory(monkeypatch):
    url_memo._reverse.cache_clear()
    render("{% url 'pages:sources' %}{% url 'pages:sources' %}")
    info = url_memo._reverse.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_the_script_prefix_is_part_of_the_key():
    try:
        set_script_prefix("/under/")
        assert render("{% url 'pages:sources' %}") == "/under/sources/"
    finally:
        set_script_prefix("/")
    assert render("{% url 'pages:sources' %}") == "/sources/"


@override_settings(ROOT_URLCONF=__name__)
def test_another_url_configuration_is_not_served_the_first_ones_answer():
    assert render("{% url 'pages:sources' %}") == "/elsewhere/sources/"


def test_the_language_is_part_of_the_key():
    assert render("{% url 'pages:sources' %}") == "/sources/"
    with translation.override("es"):
        assert render("{% url 'pages:sources' %}") == "/es/sources/"
    assert render("{% url 'pages:sources' %}") == "/sources/"


def test_as_var_and_a_missing_name_behave_as_djangos_tag():
    assert render("{% url 'no-such-page' as x %}[{{ x }}]") == "[]"
    assert render("{% url 'guide:step' slug as x %}{{ x }}", slug="sure") == "/guide/sure/"


def test_arguments_that_are_not_plain_strings_or_numbers_are_reversed_but_not_remembered():
    class Slug(str):
        pass

    url_memo._reverse.cache_clear()
    assert render("{% url 'guide:step' slug %}", slug=Slug("sure")) == "/guide/sure/"
    assert url_memo._reverse.cache_info().currsize == 0
