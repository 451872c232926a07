"""Where rendered fragments are kept: step forms, {% chrome %} and {% shell %} texts."""

from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.backends.base import BaseCache


def fragment_cache() -> BaseCache:
    """The `template_fragments` cache, as {% cache %} uses it, else the default one."""
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]
