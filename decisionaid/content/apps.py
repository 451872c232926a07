from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "decisionaid.content"
    verbose_name = "Evidence content"

    def ready(self) -> None:
        from . import signals

        signals.connect()
