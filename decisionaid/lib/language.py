"""The person's language: chosen with the switch and kept in the session, else the browser's.

Pages in the deployment's default language (LANGUAGE_CODE) have no prefix; the other language
lives under /<code>/ (Django's i18n_patterns). A first visit to an unprefixed page from a browser
that prefers another of our languages is sent to that language's page, unless the person has
chosen a language with the switch (kept in the session, so it ends with the visit) or the screen
is a shared kiosk, which always starts in the deployment's language.
"""

from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils import translation

SESSION_KEY = "language"


def language_codes() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


def chosen_language(session: SessionBase) -> str | None:
    """The language the person picked with the switch in this visit, if any."""
    code = session.get(SESSION_KEY)
    return code if code in language_codes() else None


def remember_language(session: SessionBase, code: str) -> None:
    if code in language_codes():
        session[SESSION_KEY] = code


def browser_language(request: HttpRequest) -> str:
    """The first of our languages in the browser's Accept-Language, else the default."""
    header = request.headers.get("Accept-Language", "")
    for accepted, _quality in translation.trans_real.parse_accept_lang_header(header):
        if accepted == "*":
            break
        code = accepted.split("-")[0].lower()
        if code in language_codes():
            return code
    return settings.LANGUAGE_CODE


def path_in(path: str, code: str) -> str:
    """The same page in another language, or the path unchanged when it has no translation."""
    return _translated(path, code, translation.get_language(), get_urlconf(), get_script_prefix())


@lru_cache(maxsize=1024)
def _translated(path: str, code: str, active: str | None, urlconf: str | None, prefix: str) -> str:
    # Every page asks this twice (switch and hreflang); the answer depends only on the path, the
    # active language (i18n_patterns resolve the prefix by it) and the URL configuration.
    # Bounded, so odd paths from 404s only push out older entries.
    return translate_url(path, code)


class BrowserLanguageMiddleware:
    """Send a first visit to the language the browser prefers (GET on unprefixed pages only)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # LocaleMiddleware already marks unprefixed answers as varying with Accept-Language.
        target = self._redirect_target(request)
        return HttpResponseRedirect(target) if target else self.get_response(request)

    def _redirect_target(self, request: HttpRequest) -> str:
        if request.method not in ("GET", "HEAD") or getattr(request, "kiosk", False):
            return ""
        if translation.get_language_from_path(request.path_info):
            return ""
        wanted = chosen_language(request.session) or browser_language(request)
        if wanted == settings.LANGUAGE_CODE:
            return ""
        target = path_in(request.get_full_path(), wanted)
        return target if target != request.get_full_path() else ""
