"""Refuse to run a production kiosk that anyone could leave: the exit needs a real staff PIN."""

from django.conf import settings
from django.core import checks

from .pin import MIN_DIGITS, pin_is_strong


@checks.register(checks.Tags.security, deploy=False)
def kiosk_exit_pin(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG or not settings.KIOSK_MODE or pin_is_strong(settings.KIOSK_EXIT_PIN):
        return []
    return [
        checks.Error(
            "KIOSK_MODE is on with DEBUG off, but KIOSK_EXIT_PIN is not a PIN of at least "
            f"{MIN_DIGITS} digits, so anyone at the screen could leave kiosk mode.",
            hint=f"Set KIOSK_EXIT_PIN to {MIN_DIGITS} or more digits (see .env.example).",
            id="kiosk.E001",
        )
    ]


def refuse_weak_production_kiosk() -> None:
    """Raise at start-up (gunicorn loads no management command, so checks would not run)."""
    errors = kiosk_exit_pin()
    if errors:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{errors[0].msg} {errors[0].hint}")
