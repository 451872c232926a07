"""A short hash of all content, so every checklist can say exactly which content it printed."""

import hashlib
import json

from django.apps import apps
from django.core import serializers

from .bilingual import language_columns, plain_values, translated_fields

# Every content model except the release itself, in a fixed order so the hash is stable.
CONTENT_MODEL_NAMES = [
    "Source",
    "Study",
    "Option",
    "SuitabilityNote",
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
    "Disclosure",
    "Contributor",
]


def content_models() -> list:
    return [apps.get_model("content", name) for name in CONTENT_MODEL_NAMES]


def _canonical_rows(model) -> list[str]:
    """Each row as sorted JSON of its fields and natural keys, so ids and load order don't count."""
    rows = model.objects.all()
    if model._meta.many_to_many:
        rows = rows.prefetch_related(*(f.name for f in model._meta.many_to_many))
    with plain_values():
        data = serializers.serialize(
            "python", rows, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
    m2m_names = {f.name for f in model._meta.many_to_many}
    # A translated field's own name reads the active language; its columns per language count.
    per_language = set(translated_fields(model))
    columns = {column for name in per_language for column in language_columns(name)}
    canonical = []
    for row in data:
        fields = {
            name: sorted(value) if name in m2m_names else value
            for name, value in row["fields"].items()
            if name not in per_language
        }
        # An empty translation is stored as NULL or as "" depending on how it was saved.
        fields.update({name: fields[name] or "" for name in columns & fields.keys()})
        canonical.append(json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False))
    return sorted(canonical)


def compute_fingerprint() -> str:
    digest = hashlib.sha256()
    for model in content_models():
        digest.update(model.__name__.encode())
        for row in _canonical_rows(model):
            digest.update(row.encode())
            digest.update(b"\n")
    return digest.hexdigest()[:12]
