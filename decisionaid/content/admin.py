"""Admin for content editors: every content model, searchable and filterable, with review dates."""

import datetime

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models as db_models
from django.db.models import QuerySet
from django.forms import Textarea
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from . import models
from .selectors import current_release, is_review_overdue
from .translation_status import translation_to_do

# How far ahead an editor is warned that a review is coming up.
REVIEW_SOON_DAYS = 90
# Rows named one by one in the warning; a longer list is cut short with a count.
PROBLEMS_SHOWN = 10


class ContentAdmin(TranslationAdmin):
    """Warns on the list page about rows the public pages leave out because they break a rule.

    The admin's own forms refuse such rows (clean() and the database constraints); this catches
    rows that got in another way, such as SQL or a database older than the rules.
    """

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponse:
        if request.method == "GET":
            broken = [(row, row.problems()) for row in self.model._default_manager.all()]
            broken = [(row, problems) for row, problems in broken if problems]
            for row, problems in broken[:PROBLEMS_SHOWN]:
                messages.error(
                    request,
                    f"“{row}” is not shown to visitors until it is fixed: {'; '.join(problems)}",
                )
            if len(broken) > PROBLEMS_SHOWN:
                messages.error(request, f"… and {len(broken) - PROBLEMS_SHOWN} more rows.")
        return super().changelist_view(request, extra_context)


@admin.register(models.Source)
class SourceAdmin(ContentAdmin):
    list_display = ["number", "slug", "citation", "year", "kind"]
    list_display_links = ["number", "slug"]
    list_filter = ["kind", "year"]
    search_fields = ["citation", "slug", "url", "note"]


class HasSourcesFilter(admin.SimpleListFilter):
    """Lets an editor find content that cites nothing yet."""

    title = "sources"
    parameter_name = "cited"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("yes", "Cites at least one source"), ("no", "Cites no source")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(sources__isnull=False).distinct()
        if self.value() == "no":
            return queryset.filter(sources__isnull=True)
        return queryset


class SourcedAdmin(ContentAdmin):
    filter_horizontal = ["sources"]
    search_fields = ["slug"]
    list_filter: list = [HasSourcesFilter]
    formfield_overrides = {db_models.TextField: {"widget": Textarea(attrs={"rows": 4, "cols": 60})}}


@admin.register(models.Study)
class StudyAdmin(SourcedAdmin):
    list_display = ["title", "year", "kind", "size_text", "certainty", "order"]
    list_filter = ["kind", "certainty", "year", HasSourcesFilter]
    search_fields = ["title", "design", "what_was_found", "slug"]
    fieldsets = [
        (None, {"fields": [("title", "slug"), ("kind", "year", "order")]}),
        (
            "The study card",
            {
                "fields": [
                    "design",
                    ("size_text", "number_of_studies", "number_of_people"),
                    "length_text",
                    "glance_result",
                    "what_was_done",
                    "what_was_found",
                    "limitations",
                    ("certainty", "certainty_reason"),
                ]
            },
        ),
        (
            "Picture of 100 people (only when the study counts both groups)",
            {
                "classes": ["collapse"],
                "fields": [
                    "outcome_label",
                    ("treated_label", "treated_improved", "treated_total"),
                    ("control_label", "control_improved", "control_total"),
                ],
            },
        ),
        (
            "Picture of the main harm (only when the study counts it in the whole group)",
            {"classes": ["collapse"], "fields": [("harm_label", "harm_count", "harm_total")]},
        ),
        ("Sources", {"fields": ["sources"]}),
    ]


def _option_row_fields() -> list[tuple[str, ...]]:
    """The comparison rows of an option, two to a line, in the order the options table shows."""
    names = [name for name, _ in models.Option.ROWS]
    names.insert(names.index("evidence_strength"), "evidence_level")
    return [tuple(names[i : i + 2]) for i in range(0, len(names), 2)]


class ValueFitInline(TranslationTabularInline):
    model = models.ValueFit
    extra = 0


class OptionValueFitInline(ValueFitInline):
    verbose_name = "fit with what matters to people"
    verbose_name_plural = "fits with what matters to people"


@admin.register(models.Option)
class OptionAdmin(SourcedAdmin):
    list_display = ["name", "short_name", "evidence_level", "is_mesotherapy", "order"]
    list_filter = ["evidence_level", "is_mesotherapy", HasSourcesFilter]
    search_fields = ["name", "short_name", "what_it_is", "approval_status", "slug"]
    fieldsets = [
        (None, {"fields": [("name", "short_name"), ("slug", "order"), "is_mesotherapy"]}),
        (
            "Comparison rows",
            {
                "description": "Every option fills every row, so the options table compares "
                "like with like. Keep each row short and plain.",
                "fields": _option_row_fields(),
            },
        ),
        ("Sources", {"fields": ["sources"]}),
    ]
    inlines = [OptionValueFitInline]


@admin.register(models.SuitabilityNote)
class SuitabilityNoteAdmin(SourcedAdmin):
    list_display = ["option", "applies_to", "note", "order"]
    list_filter = ["applies_to", "option", HasSourcesFilter]
    search_fields = ["note", "slug", "option__name"]


@admin.register(models.Risk)
class RiskAdmin(SourcedAdmin):
    list_display = ["name", "frequency", "seriousness", "order"]
    list_filter = ["frequency", "seriousness", HasSourcesFilter]
    search_fields = ["name", "description", "frequency_text", "slug"]


@admin.register(models.CostDefault)
class CostDefaultAdmin(SourcedAdmin):
    list_display = ["label", "currency", "price_low", "price_high", "first_course_sessions"]
    list_filter = ["currency", HasSourcesFilter]
    search_fields = ["label", "source_quality", "slug"]


@admin.register(models.QuestionTheme)
class QuestionThemeAdmin(SourcedAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "slug"]


@admin.register(models.Question)
class QuestionAdmin(SourcedAdmin):
    list_display = ["text", "theme", "selected_by_default", "order"]
    list_filter = ["theme", "selected_by_default", HasSourcesFilter]
    search_fields = ["text", "why_it_matters", "slug"]


@admin.register(models.GlossaryTerm)
class GlossaryTermAdmin(SourcedAdmin):
    list_display = ["term", "slug"]
    search_fields = ["term", "definition", "slug"]


@admin.register(models.QuizItem)
class QuizItemAdmin(SourcedAdmin):
    list_display = ["statement", "is_true", "order"]
    list_filter = ["is_true", HasSourcesFilter]
    search_fields = ["statement", "explanation", "slug"]


@admin.register(models.ValueStatement)
class ValueStatementAdmin(SourcedAdmin):
    list_display = ["statement", "short_label", "order"]
    search_fields = ["statement", "short_label", "slug"]
    inlines = [ValueFitInline]


@admin.register(models.ValueFit)
class ValueFitAdmin(ContentAdmin):
    list_display = ["option", "statement", "fit", "explanation"]
    list_filter = ["fit", "option", "statement"]
    search_fields = ["explanation", "option__name", "statement__statement"]


@admin.register(models.Passage)
class PassageAdmin(SourcedAdmin):
    list_display = ["page", "heading", "slug", "order"]
    list_filter = ["page", HasSourcesFilter]
    search_fields = ["heading", "body", "slug"]
    formfield_overrides = {
        db_models.TextField: {"widget": Textarea(attrs={"rows": 14, "cols": 80})}
    }


@admin.register(models.ClinicClaim)
class ClinicClaimAdmin(SourcedAdmin):
    list_display = ["claim", "order"]
    search_fields = ["claim", "evidence_says", "slug"]


@admin.register(models.KeyFact)
class KeyFactAdmin(SourcedAdmin):
    list_display = ["text", "kind", "order"]
    list_filter = ["kind", HasSourcesFilter]
    search_fields = ["text", "slug"]


class ContributorInline(TranslationTabularInline):
    model = models.Contributor
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Contributor)
class ContributorAdmin(TranslationAdmin):
    list_display = ["name", "role", "disclosure", "order"]
    list_filter = ["role"]
    search_fields = ["name", "qualifications", "declared_interests"]


@admin.register(models.Disclosure)
class DisclosureAdmin(TranslationAdmin):
    """Who made the guide, who paid and who checked it; a hosting clinic fills in its own."""

    list_display = ["slug", "publisher", "funder", "contact_address"]
    search_fields = ["publisher", "funder", "contact_text"]
    inlines = [ContributorInline]
    fieldsets = [
        (None, {"fields": ["slug", "publisher", "publisher_description"]}),
        ("Funding and interests", {"fields": ["funder", "funding_statement"]}),
        ("Contact for corrections", {"fields": ["contact_text", "contact_url", "contact_email"]}),
        ("Testing with patients and practitioners", {"fields": ["field_testing"]}),
        ("Translation", {"fields": ["translation"]}),
    ]


class ReviewDueFilter(admin.SimpleListFilter):
    """The list of releases whose review is due: overdue, coming up, or not due yet."""

    title = "review due"
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [
            ("overdue", "Overdue"),
            ("soon", f"Due within {REVIEW_SOON_DAYS} days"),
            ("later", "Not due yet"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
        if self.value() == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if self.value() == "soon":
            return queryset.filter(next_review_due__gte=today, next_review_due__lte=soon)
        if self.value() == "later":
            return queryset.filter(next_review_due__gt=soon)
        return queryset


def review_status(release: models.ContentRelease, today: datetime.date | None = None) -> str:
    """When a release's review is due, in words an editor reads at a glance."""
    today = today or timezone.localdate()
    due = date_format(release.next_review_due, "j F Y")
    days = (release.next_review_due - today).days
    if days < 0:
        return f"Overdue since {due} ({-days} days)"
    if days == 0:
        return f"Due today ({due})"
    return f"Due {due} (in {days} days)"


@admin.register(models.ContentRelease)
class ContentReleaseAdmin(ContentAdmin):
    list_display = [
        "version",
        "revision",
        "fingerprint",
        "reviewed_on",
        "next_review_due",
        "review_due",
    ]
    list_filter = [ReviewDueFilter]
    search_fields = ["version", "reviewed_by", "notes"]
    readonly_fields = ["revision", "fingerprint", "review_due"]
    fields = [
        "version",
        "published_on",
        ("reviewed_by", "reviewed_on"),
        ("next_review_due", "review_due"),
        "notes",
        ("revision", "fingerprint"),
    ]

    @admin.display(description="Review", ordering="next_review_due")
    def review_due(self, obj: models.ContentRelease) -> str:
        return review_status(obj) if obj.pk else "-"

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponse:
        release = current_release()
        if is_review_overdue(release):
            messages.warning(
                request,
                f"The current release, {release.label}, is past its review date: "
                f"{review_status(release)}. Every public page now says so.",
            )
        return super().changelist_view(request, extra_context)


@admin.register(models.TranslationRecord)
class TranslationToDoAdmin(admin.ModelAdmin):
    """The list of translations to write or to check: missing, or made from older English."""

    search_fields = ["field"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "").casefold()[:200]
        rows = [
            {
                "item": item,
                "url": reverse(
                    f"admin:content_{item.row._meta.model_name}_change", args=[item.row.pk]
                ),
            }
            for item in translation_to_do()
            if query in f"{item.row} {item.field_label} {item.model_name}".casefold()
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": "Translations to write or check",
            "opts": self.model._meta,
            "rows": rows,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/content/translation_to_do.html", context)
