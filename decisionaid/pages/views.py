"""Pages outside the guide: landing, about, sources, glossary, accessibility, health, errors."""

import unicodedata

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from decisionaid.content import selectors
from decisionaid.lib.language import language_codes, path_in, remember_language

# Pages a person can simply open again to carry on; the error pages link back to them.
RETRY_URL_NAMES = {"guide:step", "kiosk:exit", "checklist:page"}


def landing(request: HttpRequest) -> HttpResponse:
    kiosk = getattr(request, "kiosk", False)
    context = {
        "passages": selectors.passages_for("landing"),
        "kiosk_passages": selectors.passages_for("kiosk") if kiosk else [],
        "cache_chrome": True,
    }
    return render(request, "pages/landing.html", context)


def about(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pages/about.html",
        {
            "passages": selectors.passages_for("about"),
            # Shown beside the privacy text only while the field test runs (FIELD_TEST).
            "field_test_passages": (
                selectors.passages_for("about-field-test") if settings.FIELD_TEST else []
            ),
            "disclosure": selectors.disclosure(),
            "contact_email": settings.CONTACT_EMAIL,
            "cache_chrome": True,
        },
    )


def sources(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pages/sources.html",
        {
            "passages": selectors.passages_for("sources"),
            "sources": selectors.sources(),
            "cache_chrome": True,
        },
    )


def alphabetical_key(text: str) -> str:
    """Case and accents set aside, so "árbol" sorts with the a's; ñ stays after n."""
    text = text.casefold().replace("ñ", "n\uffff")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def glossary(request: HttpRequest) -> HttpResponse:
    # A to Z as a reader expects it, whatever the database's collation does with "DHT" or with
    # accents ("Técnica" sorts among the T's, as in a Spanish dictionary).
    terms = sorted(selectors.glossary(), key=lambda term: alphabetical_key(term.term))
    prefetch_related_objects(terms, "sources")
    return render(
        request,
        "pages/glossary.html",
        {"passages": selectors.passages_for("glossary"), "terms": terms, "cache_chrome": True},
    )


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pages/accessibility.html",
        {
            "passages": selectors.passages_for("accessibility"),
            "contact_email": settings.CONTACT_EMAIL,
            "cache_chrome": True,
        },
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


def robots_txt(request: HttpRequest) -> HttpResponse:
    """The guide and site pages may be crawled; kiosk screens and take-home links may not.

    The admin is not named here, since its address may be kept private (ADMIN_URL); Django's
    admin pages carry a noindex robots meta tag of their own.
    """
    token = "token"
    lines = ["User-agent: *"]
    for code in language_codes():
        with translation.override(code):
            take_home = reverse("kiosk:resume", kwargs={"token": token}).removesuffix(f"{token}/")
            lines += [
                f"Disallow: {reverse('kiosk:enter')}",
                f"Disallow: {take_home}",
                f"Disallow: {reverse('checklist:pdf')}",
            ]
    lines += [f"Disallow: {reverse('switch-language', kwargs={'code': 'x'}).removesuffix('x/')}"]
    lines.append("Allow: /")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_http_methods(["GET", "HEAD"])
def switch_language(request: HttpRequest, code: str) -> HttpResponse:
    """The language switch: keep the choice for this visit and show the same page in it.

    A plain link, so it works without JavaScript; the answers stay, since only the session's
    language changes.
    """
    if code not in language_codes():
        raise Http404("No such language")
    next_path = request.GET.get("next", "/")
    if not next_path.startswith("/") or not url_has_allowed_host_and_scheme(
        next_path, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_path = "/"
    remember_language(request.session, code)
    shown_in = translation.get_language_from_path(next_path) or settings.LANGUAGE_CODE
    with translation.override(shown_in):
        target = path_in(next_path, code)
    if target == next_path and shown_in != code:
        # Not one of the translated pages (an old or mistyped address): the start, in that language.
        with translation.override(code):
            target = reverse("pages:landing")
    return HttpResponseRedirect(target)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "pages/400.html", {"retry_path": retry_path(request)}, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "pages/403.html", status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its matching security token: most often an old page after a reset."""
    # KioskMiddleware has marked the request by the time the CSRF check runs.
    context = {"retry_path": retry_path(request), "kiosk": getattr(request, "kiosk", False)}
    return render(request, "pages/csrf_failure.html", context, status=403)


def retry_path(request: HttpRequest) -> str:
    """Where to carry on: the page the form came from, when it is one of ours and not an error."""
    path = request.path
    try:
        match = resolve(path)
    except Resolver404:
        return ""
    return path if match.view_name in RETRY_URL_NAMES else ""


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "pages/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/500.html", status=500)
