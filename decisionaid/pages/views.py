"""Pages outside the guide: the landing page, about, sources, glossary, health check, errors."""

from django.db import DatabaseError, connection
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from decisionaid.content import selectors


def landing(request: HttpRequest) -> HttpResponse:
    kiosk = getattr(request, "kiosk", False)
    context = {
        "passages": selectors.passages_for("landing"),
        "kiosk_passages": selectors.passages_for("kiosk") if kiosk else [],
    }
    return render(request, "pages/landing.html", context)


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html", {"passages": selectors.passages_for("about")})


def sources(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pages/sources.html",
        {"passages": selectors.passages_for("sources"), "sources": selectors.sources()},
    )


def glossary(request: HttpRequest) -> HttpResponse:
    # A to Z as a reader expects it, whatever the database's collation does with "DHT".
    terms = sorted(selectors.glossary(), key=lambda term: term.term.casefold())
    prefetch_related_objects(terms, "sources")
    return render(
        request,
        "pages/glossary.html",
        {"passages": selectors.passages_for("glossary"), "terms": terms},
    )


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        release = selectors.current_release()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse(
        {
            "status": "ok",
            "database": "ok",
            "content_version": release.label if release else None,
            "content_fingerprint": release.fingerprint if release else None,
        }
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "pages/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/500.html", status=500)
