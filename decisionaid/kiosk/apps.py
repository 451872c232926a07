from django.apps import AppConfig


class KioskConfig(AppConfig):
    name = "decisionaid.kiosk"
    verbose_name = "Kiosk mode"
