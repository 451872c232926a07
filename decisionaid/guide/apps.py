"""The step-by-step guide: one page per step, answers kept in the session."""

from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "decisionaid.guide"
    verbose_name = "Guide"
