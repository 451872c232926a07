"""Kiosk mode on each request: mark it, enforce the idle limit on the server, never cache pages."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from . import idle
from .mode import is_kiosk

EXEMPT_PREFIXES = ("/static/", "/healthz")


class KioskMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.kiosk = is_kiosk(request)
        if not request.kiosk or request.path.startswith(EXEMPT_PREFIXES):
            return self.get_response(request)

        if idle.visit_expired(request):
            # The next person starts in the deployment's language.
            with translation.override(settings.LANGUAGE_CODE):
                response = redirect(reverse("pages:landing") + "?cleared=idle")
            idle.clear_visit(request, response)
        else:
            idle.touch(request.session)
            response = self.get_response(request)
            idle.remember_visit(request, response)
        # Back after a reset must ask the server again, never show a page from the cache.
        add_never_cache_headers(response)
        response["Cache-Control"] += ", no-store"
        return response
