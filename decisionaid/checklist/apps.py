"""App config for the consultation checklist."""

from django.apps import AppConfig


class ChecklistConfig(AppConfig):
    name = "decisionaid.checklist"
    verbose_name = "Consultation checklist"
