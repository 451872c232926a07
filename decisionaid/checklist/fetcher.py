"""The only way WeasyPrint may load anything: the app's own static files, read from disk."""

import mimetypes
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A made-up origin: {% static %} URLs resolve against it, so the fetcher can recognise them, and
# no real host can ever answer for it (.invalid is reserved, RFC 2606).
PDF_ORIGIN = "https://pdf.invalid/"

# What a checklist needs; anything else in static/ (scripts, source maps) is refused too.
ALLOWED_SUFFIXES = {".css", ".woff2", ".woff", ".ttf", ".otf", ".svg", ".png", ".jpg", ".jpeg"}
MAX_BYTES = 2 * 1024 * 1024

_ENCODED_SEPARATOR = re.compile(r"%(2e|2f|5c|00)", re.IGNORECASE)


class RefusedURL(ValueError):
    """WeasyPrint asked for something outside the app's own static files."""


def static_name_for(url: str) -> str:
    """The static file name a URL points at, or RefusedURL for anything else."""
    parts = urlsplit(url)
    origin = urlsplit(PDF_ORIGIN)
    if parts.scheme != origin.scheme or parts.netloc != origin.netloc:
        raise RefusedURL(f"not the app's own static files: {url[:200]}")
    if parts.query or parts.username or parts.password or parts.port:
        raise RefusedURL(f"unexpected URL parts: {url[:200]}")
    prefix = urlsplit(settings.STATIC_URL).path
    if not parts.path.startswith(prefix):
        raise RefusedURL(f"outside {prefix}: {url[:200]}")
    raw = parts.path[len(prefix) :]
    # Dots, slashes, backslashes or NUL written as %-escapes are a traversal attempt, not a name.
    if _ENCODED_SEPARATOR.search(raw):
        raise RefusedURL(f"encoded separator in path: {url[:200]}")
    name = unquote(raw)
    segments = name.split("/")
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or any(segment in ("", ".", "..") for segment in segments)
        or posixpath.normpath(name) != name
    ):
        raise RefusedURL(f"not a plain static path: {url[:200]}")
    if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise RefusedURL(f"file type not needed in a PDF: {url[:200]}")
    return name


def static_path_for(name: str) -> Path:
    """Find a static file on disk: in the source folders, else among the collected files."""
    try:
        found = finders.find(name)
    except SuspiciousFileOperation as exc:
        raise RefusedURL(str(exc)) from exc
    roots = [Path(d).resolve() for d in settings.STATICFILES_DIRS]
    if not found and settings.STATIC_ROOT:
        # With hashed names (production), {% static %} points at the collected copy.
        candidate = Path(settings.STATIC_ROOT) / name
        found = str(candidate) if candidate.is_file() else None
        roots = [Path(settings.STATIC_ROOT).resolve()]
    if not found:
        raise RefusedURL(f"no such static file: {name}")
    path = Path(found).resolve()
    # finders also search each app's static/ folder; resolve() follows links, so stay inside.
    app_roots = [Path(p).resolve() for p in _app_static_roots()]
    if not any(path.is_relative_to(root) for root in roots + app_roots):
        raise RefusedURL(f"resolves outside the static folders: {name}")
    if not path.is_file() or path.stat().st_size > MAX_BYTES:
        raise RefusedURL(f"not a readable static file: {name}")
    return path


def _app_static_roots() -> list[str]:
    from django.apps import apps

    roots = []
    for config in apps.get_app_configs():
        folder = Path(config.path) / "static"
        if folder.is_dir():
            roots.append(str(folder))
    return roots


class StaticFileFetcher(URLFetcher):
    """Serves https://pdf.invalid/static/... from disk and refuses every other URL.

    It never opens a network connection, a file:// URL, a data: URL or a redirect: the
    parent's urllib machinery is set up (WeasyPrint reads its options) but never used.
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("allowed_protocols", ("https",))
        kwargs["allow_redirects"] = False
        kwargs.setdefault("timeout", 1)
        super().__init__(**kwargs)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        path = static_path_for(static_name_for(url))
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".woff2":
            content_type = "font/woff2"
        headers = {"Content-Type": content_type}
        if content_type == "text/css":
            headers["Content-Type"] = "text/css; charset=utf-8"
        return URLFetcherResponse(url, path.read_bytes(), headers)

    def open(self, url, data=None, timeout=None):
        # Never let urllib's Request path (which the parent supports) bypass fetch().
        full_url = getattr(url, "full_url", url)
        return self.fetch(full_url)
