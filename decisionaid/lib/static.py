"""`{% static %}` with its URLs remembered per process: every page links the same few files.

A builtin of our templates (settings.TEMPLATES), so they use it without `{% load static %}`.

Django's tag asks the storage each time: a manifest lookup, a URL join and quoting, about a
twentieth of a millisecond per file on every page. A file's URL depends only on its path, the
static settings, DEBUG (the manifest storage serves unhashed names then) and the script prefix;
those are the key, and a settings change (as tests make) forgets everything.
"""

from functools import lru_cache

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags import static as django_static
from django.urls import get_script_prefix

register = template.Library()
register.tags.update(django_static.register.tags)

STATIC_SETTINGS = {"STATIC_URL", "STATIC_ROOT", "STORAGES", "DEBUG", "STATICFILES_DIRS"}


@lru_cache(maxsize=512)
def _url(path: str, static_url: str | None, debug: bool, prefix: str) -> str:
    return django_static.StaticNode.handle_simple(path)


class MemoStaticNode(django_static.StaticNode):
    @classmethod
    def handle_simple(cls, path: str) -> str:
        if not isinstance(path, str):
            return super().handle_simple(path)
        return _url(path, settings.STATIC_URL, settings.DEBUG, get_script_prefix())


@register.tag("static")
def do_static(parser: template.base.Parser, token: template.base.Token) -> MemoStaticNode:
    return MemoStaticNode.handle_token(parser, token)


@receiver(setting_changed)
def forget_urls(*, setting: str, **kwargs: object) -> None:
    if setting in STATIC_SETTINGS:
        _url.cache_clear()
