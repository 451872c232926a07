from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ContentConfig(AppConfig):
    name = "decisionaid.content"
    verbose_name = "Evidence content"

    def ready(self) -> None:
        from . import checks, signals, translation_status  # noqa: F401 (checks registers itself)
        from .bilingual import mark_fallbacks
        from .editors import ensure_content_editors_group

        signals.connect()
        # modeltranslation (listed before this app) has registered translation.py by now.
        mark_fallbacks()
        translation_status.connect()
        # Sent for this app after auth has created its permissions, so the group gets them all.
        post_migrate.connect(
            ensure_content_editors_group, sender=self, dispatch_uid="content-editors-group"
        )
