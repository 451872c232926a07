"""Admin for content editors: every content model, searchable and filterable."""

from django.contrib import admin

from . import models


@admin.register(models.Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["number", "citation", "year", "kind"]
    list_filter = ["kind", "year"]
    search_fields = ["citation", "slug", "url"]


class SourcedAdmin(admin.ModelAdmin):
    filter_horizontal = ["sources"]
    search_fields = ["slug"]
    list_filter: list = []


@admin.register(models.Study)
class StudyAdmin(SourcedAdmin):
    list_display = ["title", "year", "kind", "size_text", "certainty", "order"]
    list_filter = ["kind", "certainty", "year"]
    search_fields = ["title", "design", "what_was_found", "slug"]


@admin.register(models.Option)
class OptionAdmin(SourcedAdmin):
    list_display = ["name", "evidence_level", "order"]
    list_filter = ["evidence_level"]
    search_fields = ["name", "what_it_is", "slug"]


@admin.register(models.Risk)
class RiskAdmin(SourcedAdmin):
    list_display = ["name", "frequency", "seriousness", "order"]
    list_filter = ["frequency", "seriousness"]
    search_fields = ["name", "description", "slug"]


@admin.register(models.CostDefault)
class CostDefaultAdmin(SourcedAdmin):
    list_display = ["label", "currency", "price_low", "price_high"]


@admin.register(models.QuestionTheme)
class QuestionThemeAdmin(SourcedAdmin):
    list_display = ["name", "order"]


@admin.register(models.Question)
class QuestionAdmin(SourcedAdmin):
    list_display = ["text", "theme", "selected_by_default", "order"]
    list_filter = ["theme", "selected_by_default"]
    search_fields = ["text", "why_it_matters", "slug"]


@admin.register(models.GlossaryTerm)
class GlossaryTermAdmin(SourcedAdmin):
    list_display = ["term", "slug"]
    search_fields = ["term", "definition", "slug"]


@admin.register(models.QuizItem)
class QuizItemAdmin(SourcedAdmin):
    list_display = ["statement", "is_true", "order"]
    list_filter = ["is_true"]
    search_fields = ["statement", "explanation", "slug"]


class ValueFitInline(admin.TabularInline):
    model = models.ValueFit
    extra = 0


@admin.register(models.ValueStatement)
class ValueStatementAdmin(SourcedAdmin):
    list_display = ["statement", "short_label", "order"]
    search_fields = ["statement", "slug"]
    inlines = [ValueFitInline]


@admin.register(models.Passage)
class PassageAdmin(SourcedAdmin):
    list_display = ["page", "heading", "slug", "order"]
    list_filter = ["page"]
    search_fields = ["heading", "body", "slug"]


@admin.register(models.ClinicClaim)
class ClinicClaimAdmin(SourcedAdmin):
    list_display = ["claim", "order"]
    search_fields = ["claim", "evidence_says", "slug"]


@admin.register(models.KeyFact)
class KeyFactAdmin(SourcedAdmin):
    list_display = ["text", "kind", "order"]
    list_filter = ["kind"]
    search_fields = ["text", "slug"]


@admin.register(models.ContentRelease)
class ContentReleaseAdmin(admin.ModelAdmin):
    list_display = ["version", "revision", "fingerprint", "reviewed_on", "next_review_due"]
    readonly_fields = ["revision", "fingerprint"]
