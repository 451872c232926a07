from django.apps import AppConfig


class KioskConfig(AppConfig):
    name = "decisionaid.kiosk"
    verbose_name = "Kiosk mode"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the exit PIN check)
