"""Which content fields have a Spanish version, registered with django-modeltranslation.

Each field listed here gets one column per language (`title_en`, `title_es`); reading `title`
gives the active language's text, or the English one marked "(in English)" (see bilingual.py).
"""

from modeltranslation.translator import TranslationOptions, register

from . import models

TRANSLATED_FIELDS: dict[type, tuple[str, ...]] = {
    models.Source: ("note",),
    models.Study: (
        "title",
        "design",
        "size_text",
        "what_was_done",
        "what_was_found",
        "limitations",
        "certainty_reason",
        "length_text",
        "glance_result",
        "treated_label",
        "control_label",
        "outcome_label",
        "harm_label",
    ),
    models.Option: (
        "name",
        "short_name",
        "what_it_is",
        "approval_status",
        "evidence_strength",
        "routine",
        "side_effects",
        "cost_and_effort",
        "time_to_results",
    ),
    models.SuitabilityNote: ("note",),
    models.Risk: ("name", "description", "frequency_text", "what_to_do"),
    models.CostDefault: ("label", "first_course_text", "maintenance_text", "source_quality"),
    models.QuestionTheme: ("name",),
    models.Question: ("text", "why_it_matters"),
    models.GlossaryTerm: ("term", "definition"),
    models.QuizItem: ("statement", "explanation"),
    models.ValueStatement: ("statement", "short_label"),
    models.ValueFit: ("explanation",),
    models.Passage: ("heading", "body"),
    models.ClinicClaim: ("claim", "evidence_says"),
    models.KeyFact: ("text",),
    models.Disclosure: (
        "publisher",
        "publisher_description",
        "funder",
        "funding_statement",
        "contact_text",
        "field_testing",
        "translation",
    ),
    models.Contributor: ("name", "qualifications", "declared_interests"),
    models.ContentRelease: ("reviewed_by", "notes"),
}

for _model, _fields in TRANSLATED_FIELDS.items():
    register(_model)(
        type(f"{_model.__name__}Translation", (TranslationOptions,), {"fields": _fields})
    )
