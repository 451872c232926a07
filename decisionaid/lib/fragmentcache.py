"""Where rendered fragments are kept: step forms, {% chrome %} and {% shell %} texts, {% cache %}
parts, and anything else worked out from the content alone (the reading level).

In each worker's own memory (settings.py): these keys name everything the value depends on, so
workers never need to agree on them, and a page reads them without a trip to a shared cache.
"""

from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.backends.base import BaseCache


def fragment_cache() -> BaseCache:
    """The `template_fragments` cache, as {% cache %} uses it, else the default one."""
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]
