"""The PDF's URL fetcher serves the app's own static files and refuses everything else."""

import pytest
from weasyprint.urls import URLFetcherResponse

from decisionaid.checklist.fetcher import PDF_ORIGIN, RefusedURL, StaticFileFetcher

STATIC = PDF_ORIGIN + "static/"


@pytest.fixture
def fetcher() -> StaticFileFetcher:
    return StaticFileFetcher()


def test_serves_a_stylesheet_from_the_apps_static_folder(fetcher):
    response = fetcher.fetch(STATIC + "css/checklist.css")
    assert isinstance(response, URLFetcherResponse)
    assert response.content_type == "text/css"
    assert b".checklist-page" in response.read()


def test_serves_the_apps_font(fetcher):
    response = fetcher.fetch(
        STATIC + "fonts/atkinson-hyperlegible/atkinson-hyperlegible-latin-400-normal.woff2"
    )
    assert response.read(4) == b"wOF2"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://example.com/static/css/site.css",
        "http://127.0.0.1:8000/static/css/site.css",
        "https://example.com/static/css/site.css",
        "https://pdf.invalid.example.com/static/css/site.css",
        "https://user@pdf.invalid/static/css/site.css",
        "https://pdf.invalid:8443/static/css/site.css",
        "ftp://pdf.invalid/static/css/site.css",
        "data:text/css,body{color:red}",
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
    ],
)
def test_refuses_other_schemes_and_hosts(fetcher, url):
    with pytest.raises(ValueError):
        fetcher.fetch(url)


@pytest.mark.parametrize(
    "path",
    [
        "static/../decisionaid/settings.py",
        "static/css/../../decisionaid/settings.py",
        "static/../../../../etc/passwd",
        "static/%2e%2e/decisionaid/settings.py",
        "static/%2E%2E/%2E%2E/etc/passwd",
        "static/css%2f..%2f..%2fmanage.py",
        "static/..%5c..%5cetc%5cpasswd",
        "static/css/./site.css",
        "static//etc/passwd",
        "static/css/site.css%00.png",
    ],
)
def test_refuses_path_traversal_including_encoded_forms(fetcher, path):
    with pytest.raises(RefusedURL):
        fetcher.fetch(PDF_ORIGIN + path)


@pytest.mark.parametrize(
    "path",
    [
        "manage.py",
        "checklist/",
        "static/js/checklist-print.js",
        "static/css/does-not-exist.css",
        "static/css/site.css?v=1",
    ],
)
def test_refuses_anything_that_is_not_a_static_file_a_pdf_needs(fetcher, path):
    with pytest.raises(RefusedURL):
        fetcher.fetch(PDF_ORIGIN + path)


def test_never_follows_redirects_and_keeps_weasyprints_options(fetcher):
    handlers = {type(handler).__name__ for handler in fetcher.handlers}
    assert "HTTPRedirectHandler" not in handlers
    assert fetcher._fail_on_errors is False


def test_a_urllib_request_cannot_bypass_the_checks(fetcher):
    from urllib.request import Request

    with pytest.raises(RefusedURL):
        fetcher.open(Request("file:///etc/passwd"))
