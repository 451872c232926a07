"""Puts the current content release, and whether its review is overdue, on every page."""

from django.http import HttpRequest

from .selectors import current_release, is_review_overdue


def content_release(request: HttpRequest) -> dict:
    release = current_release()
    return {"content_release": release, "content_review_overdue": is_review_overdue(release)}
