"""A short hash of all content, so every checklist can say exactly which content it printed."""

import hashlib

from django.apps import apps
from django.core import serializers

# Every content model except the release itself, in a fixed order so the hash is stable.
CONTENT_MODEL_NAMES = [
    "Source",
    "Study",
    "Option",
    "Risk",
    "CostDefault",
    "QuestionTheme",
    "Question",
    "GlossaryTerm",
    "QuizItem",
    "ValueStatement",
    "ValueFit",
    "Passage",
    "ClinicClaim",
    "KeyFact",
]


def content_models() -> list:
    return [apps.get_model("content", name) for name in CONTENT_MODEL_NAMES]


def compute_fingerprint() -> str:
    digest = hashlib.sha256()
    for model in content_models():
        rows = model.objects.order_by("pk")
        if model._meta.many_to_many:
            rows = rows.prefetch_related(*(f.name for f in model._meta.many_to_many))
        data = serializers.serialize(
            "json", rows, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
        digest.update(model.__name__.encode())
        digest.update(data.encode())
    return digest.hexdigest()[:12]
