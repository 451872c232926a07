"""The language switch and the hreflang alternates: this page's address in each language.

Lazy, because a page whose head and header come from the fragment cache never reads them.
"""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode

from decisionaid.lib.language import path_in


def languages(request: HttpRequest | None) -> dict:
    if request is None:
        return {}
    computed = SimpleLazyObject(lambda: _languages(request))
    return {
        name: SimpleLazyObject(lambda name=name: computed[name])
        for name in ("language_links", "language_alternates", "language_default_href")
    }


def _languages(request: HttpRequest) -> dict:
    current = translation.get_language()
    here = request.get_full_path()
    alternates = []
    for code, name in settings.LANGUAGES:
        path = path_in(request.path, code)
        alternates.append(
            {
                "code": code,
                "name": name,
                "current": code == current,
                "href": request.build_absolute_uri(path),
                "switch": reverse("switch-language", kwargs={"code": code})
                + "?"
                + urlencode({"next": here}),
            }
        )
    # Only pages that exist in every language get alternates (not the admin or error answers).
    translated = len({item["href"] for item in alternates}) == len(alternates)
    default_href = next(a["href"] for a in alternates if a["code"] == settings.LANGUAGE_CODE)
    return {
        "language_links": alternates,
        "language_alternates": alternates if translated else [],
        "language_default_href": default_href,
    }
