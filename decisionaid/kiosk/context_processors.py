"""Kiosk flags and timings for every template."""

from django.conf import settings
from django.http import HttpRequest


def kiosk(request: HttpRequest) -> dict:
    return {
        "kiosk": getattr(request, "kiosk", False),
        "kiosk_idle_seconds": settings.KIOSK_IDLE_SECONDS,
        "kiosk_warning_seconds": settings.KIOSK_WARNING_SECONDS,
    }
