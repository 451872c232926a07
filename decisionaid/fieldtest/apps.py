from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FieldTestConfig(AppConfig):
    name = "decisionaid.fieldtest"
    label = "fieldtest"
    verbose_name = "Field test"

    def ready(self) -> None:
        from .researchers import ensure_researchers_group

        # Sent for this app after auth has created its permissions, so the group can be given one.
        post_migrate.connect(
            ensure_researchers_group, sender=self, dispatch_uid="fieldtest-researchers-group"
        )
