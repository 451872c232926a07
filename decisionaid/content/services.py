"""Writes to the content that are not an editor's own: the release's fingerprint and revision."""

from django.db import transaction

from .fingerprint import compute_fingerprint
from .models import ContentRelease


def refresh_release(*, bump: bool = True) -> ContentRelease | None:
    """Recompute the fingerprint; when content really changed, count a new revision."""
    with transaction.atomic():
        release = (
            ContentRelease.objects.select_for_update().order_by("-published_on", "-id").first()
        )
        if release is None:
            return None
        fingerprint = compute_fingerprint()
        if fingerprint != release.fingerprint:
            if bump and release.fingerprint:
                release.revision += 1
            release.fingerprint = fingerprint
            release.save(update_fields=["fingerprint", "revision"])
    return release
