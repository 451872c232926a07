"""Refuse input no browser of ours sends (unreadable text, unknown or doubled fields) with a 400."""

from collections.abc import Callable, Iterable
from urllib.parse import unquote_to_bytes

from django import forms
from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.http import HttpRequest, HttpResponse, QueryDict

# Every form of ours sends these besides its own fields.
ALWAYS_ALLOWED = ("csrfmiddlewaretoken",)


def readable_form_data(raw: bytes) -> bool:
    """Whether URL-encoded data decodes as UTF-8 once its %-escapes are undone."""
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def readable_body(request: HttpRequest) -> bool:
    """Form bodies must be UTF-8. Django would quietly turn bad bytes into U+FFFD and save them."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return True
    content_type = request.content_type
    if content_type == "application/x-www-form-urlencoded":
        return readable_form_data(request.body)
    if content_type == "multipart/form-data":
        # No form of ours uploads a file, so the whole body must be text.
        try:
            request.body.decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def body_limit(request: HttpRequest) -> int:
    """How many bytes of form data this page takes: the admin's long texts get more room."""
    if request.path.startswith("/" + settings.ADMIN_URL):
        return settings.ADMIN_UPLOAD_MAX_MEMORY_SIZE
    return settings.PUBLIC_UPLOAD_MAX_MEMORY_SIZE


class StrictInputMiddleware:
    """Refuse an unreadable query string, or a form body too big or not UTF-8, as a bad request.

    It raises rather than rendering a page, so the 400 page comes from Django's handler400 and
    this lowest layer needs nothing from the layers above it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("The Content-Length header is not a number.") from None
        if length > body_limit(request):
            raise RequestDataTooBig("The form data is larger than this page accepts.")
        raw_query = request.META.get("QUERY_STRING", "").encode("iso-8859-1", "replace")
        if not (readable_form_data(raw_query) and readable_body(request)):
            raise BadRequest("The query string or form data is not UTF-8.")
        return self.get_response(request)


def unexpected_fields(
    data: QueryDict, form: forms.Form | None, also: Iterable[str] = ()
) -> list[str]:
    """Names a form does not have, or that came more than once where the form takes one value."""
    fields = form.fields if form is not None else {}
    allowed = {*fields, *ALWAYS_ALLOWED, *also}
    many = {name for name, field in fields.items() if isinstance(field, forms.MultipleChoiceField)}
    return [
        name
        for name, values in data.lists()
        if name not in allowed or (len(values) > 1 and name not in many)
    ]
