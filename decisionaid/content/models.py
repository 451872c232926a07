"""The evidence content: every patient-facing fact, with its sources, editable in the admin."""

from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .validation import Rule, ValidatedModel, constraints_for

# What the cost calculator accepts, so an example price and course can always fill it in.
PRICE_MIN = Decimal("1")
PRICE_MAX = Decimal("10000")
SESSIONS_MAX = 52
# Years a study or source can plausibly carry.
YEAR_MIN = 1900
YEAR_MAX = 2100


class SlugManager(models.Manager):
    """Look rows up by slug so fixtures can use natural keys and load twice without duplicates."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Certainty(models.TextChoices):
    HIGH = "high", _("High")
    MODERATE = "moderate", _("Moderate")
    LOW = "low", _("Low")
    VERY_LOW = "very_low", _("Very low")


class Sourced(ValidatedModel):
    """Shared fields of a content item: a stable slug, a display order and its sources."""

    slug = models.SlugField(max_length=80, unique=True)
    order = models.PositiveIntegerField(default=0)
    sources = models.ManyToManyField("content.Source", blank=True, related_name="+")

    objects = SlugManager()

    class Meta:
        abstract = True
        ordering = ["order", "slug"]

    def natural_key(self):
        return (self.slug,)


def _within(field: str, low: object, high: object, message: str, name: str) -> Rule:
    return Rule(name, field, Q(**{f"{field}__gte": low, f"{field}__lte": high}), message)


def _counts_rules(arm: str) -> list[Rule]:
    """An icon array needs both counts of an arm, at least one person, and no more improved."""
    improved, total = f"{arm}_improved", f"{arm}_total"
    return [
        Rule(
            f"study_{arm}_counts_together",
            improved,
            Q(**{f"{improved}__isnull": True, f"{total}__isnull": True})
            | Q(**{f"{improved}__isnull": False, f"{total}__isnull": False}),
            "Give both the number who improved and the group size, or leave both empty.",
        ),
        Rule(
            f"study_{arm}_total_positive",
            total,
            Q(**{f"{total}__gt": 0}),
            "A group needs at least one person.",
        ),
        Rule(
            f"study_{arm}_improved_within_total",
            improved,
            Q(**{f"{improved}__lte": F(total)}),
            "The number who improved cannot be more than the group size.",
        ),
    ]


SOURCE_RULES = [
    Rule("source_number_positive", "number", Q(number__gte=1), "Numbers start at 1."),
    _within(
        "year",
        YEAR_MIN,
        YEAR_MAX,
        f"Enter a year from {YEAR_MIN} to {YEAR_MAX}.",
        "source_year_plausible",
    ),
]


class Source(ValidatedModel):
    class Kind(models.TextChoices):
        REVIEW = "review", _("Systematic or narrative review")
        TRIAL = "trial", _("Clinical trial")
        OBSERVATIONAL = "observational", _("Observational study")
        CASE_REPORT = "case_report", _("Case report")
        REGULATOR = "regulator", _("Regulator or drug label")
        PROFESSIONAL = "professional", _("Professional body or reference work")
        COMMERCIAL = "commercial", _("Clinic, vendor or other commercial page")
        SECONDARY = "secondary", _("Secondary summary")

    slug = models.SlugField(max_length=20, unique=True, help_text="Dossier id, such as s5.")
    number = models.PositiveIntegerField(unique=True, help_text="Shown as [n] in the guide.")
    citation = models.TextField(max_length=600)
    year = models.PositiveIntegerField(null=True, blank=True)
    url = models.URLField(max_length=400, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.CharField(
        max_length=300, blank=True, help_text="How far to trust it, in plain words."
    )

    objects = SlugManager()
    RULES = SOURCE_RULES

    class Meta:
        ordering = ["number"]
        constraints = constraints_for(SOURCE_RULES)

    def __str__(self) -> str:
        return f"[{self.number}] {self.citation[:80]}"

    def natural_key(self):
        return (self.slug,)

    @property
    def year_suffix(self) -> str:
        """ " (2019)" after the citation, unless the citation already gives its year."""
        if self.year and str(self.year) not in self.citation:
            return f" ({self.year})"
        return ""

    @property
    def end_stop(self) -> str:
        """The full stop that ends the reference, unless the citation already ends with one."""
        if self.year_suffix or not self.citation.rstrip().endswith("."):
            return "."
        return ""


STUDY_RULES = [
    _within(
        "year",
        YEAR_MIN,
        YEAR_MAX,
        f"Enter a year from {YEAR_MIN} to {YEAR_MAX}.",
        "study_year_plausible",
    ),
    Rule(
        "study_people_positive",
        "number_of_people",
        Q(number_of_people__gt=0),
        "Enter at least 1 person, or leave it empty.",
    ),
    Rule(
        "study_studies_positive",
        "number_of_studies",
        Q(number_of_studies__gt=0),
        "Enter at least 1 study, or leave it empty.",
    ),
    *_counts_rules("treated"),
    *_counts_rules("control"),
    Rule(
        "study_harm_counts_together",
        "harm_count",
        Q(harm_count__isnull=True, harm_total__isnull=True)
        | Q(harm_count__isnull=False, harm_total__isnull=False),
        "Give both the number harmed and the group size, or leave both empty.",
    ),
    Rule(
        "study_harm_total_positive",
        "harm_total",
        Q(harm_total__gt=0),
        "A group needs at least one person.",
    ),
    Rule(
        "study_harm_within_total",
        "harm_count",
        Q(harm_count__lte=F("harm_total")),
        "The number harmed cannot be more than the group size.",
    ),
]


class Study(Sourced):
    class Kind(models.TextChoices):
        REVIEW = "review", _("Review of studies")
        TRIAL = "trial", _("Controlled trial")
        OBSERVATIONAL = "observational", _("Study without a comparison group")

    title = models.CharField(max_length=200, help_text="A short plain title.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    year = models.PositiveIntegerField()
    design = models.CharField(max_length=300)
    number_of_studies = models.PositiveIntegerField(null=True, blank=True)
    number_of_people = models.PositiveIntegerField(null=True, blank=True)
    size_text = models.CharField(
        max_length=200, help_text="Size in words, e.g. '28 men' or '5 studies, 344 people'."
    )
    what_was_done = models.TextField(max_length=1200)
    what_was_found = models.TextField(max_length=1500)
    limitations = models.TextField(max_length=1200)
    certainty = models.CharField(max_length=10, choices=Certainty.choices)
    certainty_reason = models.CharField(max_length=400)
    length_text = models.CharField(
        max_length=120, blank=True, help_text="How long people were followed."
    )
    glance_result = models.CharField(
        max_length=160,
        help_text="The main result in one short sentence, for the evidence-at-a-glance table.",
    )
    # Counts for an icon array, only where the study reports both arms.
    treated_label = models.CharField(max_length=80, blank=True)
    treated_improved = models.PositiveIntegerField(null=True, blank=True)
    treated_total = models.PositiveIntegerField(null=True, blank=True)
    control_label = models.CharField(max_length=80, blank=True)
    control_improved = models.PositiveIntegerField(null=True, blank=True)
    control_total = models.PositiveIntegerField(null=True, blank=True)
    outcome_label = models.CharField(max_length=120, blank=True)
    # The study's main harm, counted in the whole group, drawn like its benefit (IPDAS).
    harm_label = models.CharField(
        max_length=120, blank=True, help_text="What happened, such as 'had pain during the shots'."
    )
    harm_count = models.PositiveIntegerField(null=True, blank=True)
    harm_total = models.PositiveIntegerField(null=True, blank=True)

    RULES = STUDY_RULES

    class Meta(Sourced.Meta):
        verbose_name_plural = "studies"
        constraints = constraints_for(STUDY_RULES)

    def __str__(self) -> str:
        return self.title

    @property
    def has_icon_array(self) -> bool:
        return bool(self.treated_total and self.control_total)

    @property
    def has_harm_array(self) -> bool:
        return bool(self.harm_total and self.harm_label)


OPTION_RULES = [
    _within(
        "evidence_level", 0, 4, "Choose one of the listed strengths.", "option_evidence_level_known"
    ),
]


class Option(Sourced):
    """A choice a person could make; every option fills the same rows for a fair comparison."""

    class Evidence(models.IntegerChoices):
        NONE = 0, _("Not a treatment")
        LOW = 1, _("Low")
        LOW_MODERATE = 2, _("Low to moderate")
        MODERATE = 3, _("Moderate")
        HIGH = 4, _("High")

    name = models.CharField(max_length=80)
    short_name = models.CharField(max_length=30)
    what_it_is = models.TextField(max_length=600)
    approval_status = models.TextField(max_length=400)
    evidence_level = models.IntegerField(choices=Evidence.choices)
    evidence_strength = models.TextField(max_length=500)
    routine = models.TextField(max_length=400)
    side_effects = models.TextField(max_length=800)
    cost_and_effort = models.TextField(max_length=500)
    time_to_results = models.TextField(max_length=400)
    is_mesotherapy = models.BooleanField(default=False)

    RULES = OPTION_RULES
    ROWS = [
        ("what_it_is", gettext_noop("What it is")),
        ("approval_status", gettext_noop("Approval status")),
        ("evidence_strength", gettext_noop("Strength of evidence")),
        ("routine", gettext_noop("What you do")),
        ("side_effects", gettext_noop("Side effects")),
        ("cost_and_effort", gettext_noop("Cost and effort")),
        ("time_to_results", gettext_noop("Time to see results")),
    ]

    class Meta(Sourced.Meta):
        constraints = constraints_for(OPTION_RULES)

    def __str__(self) -> str:
        return self.name


SUITABILITY_RULES = [
    Rule(
        "suitability_note_written",
        "note",
        ~Q(note=""),
        "Write who the option may not suit and why.",
    ),
]


class SuitabilityNote(Sourced):
    """Who an option may not suit and why, shown to a person whose answers match; never hides it."""

    class Applies(models.TextChoices):
        FEMALE = "female", _("Sex: female")
        PREGNANCY = "pregnancy", _("Is or could become pregnant, or is breastfeeding")
        UNDER_18 = "under_18", "Age: under 18"
        HEART_MEDICINES = "heart_medicines", _("Takes medicines for blood pressure or the heart")

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="suitability_notes")
    applies_to = models.CharField(
        max_length=20,
        choices=Applies.choices,
        help_text="The answer on the situation step that shows this note.",
    )
    note = models.CharField(
        max_length=300, help_text="Who it may not suit and why, in plain words."
    )

    RULES = SUITABILITY_RULES

    class Meta(Sourced.Meta):
        ordering = ["option__order", "order", "slug"]
        constraints = constraints_for(SUITABILITY_RULES)

    def __str__(self) -> str:
        return f"{self.option}: {self.get_applies_to_display()}"

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["content.option", "content.source"]


class Risk(Sourced):
    class Seriousness(models.TextChoices):
        MILD = "mild", _("Mild, passes on its own")
        MODERATE = "moderate", _("Needs care")
        SERIOUS = "serious", _("Serious")

    class Frequency(models.TextChoices):
        VERY_COMMON = "very_common", _("Very common")
        COMMON = "common", _("Common")
        RARE = "rare", _("Rare")
        UNKNOWN = "unknown", _("Not known")

    name = models.CharField(max_length=120)
    description = models.TextField(max_length=800)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    frequency_text = models.CharField(max_length=300, help_text="How often, in words and numbers.")
    seriousness = models.CharField(max_length=10, choices=Seriousness.choices)
    what_to_do = models.TextField(max_length=600)

    def __str__(self) -> str:
        return self.name


COST_RULES = [
    _within(
        "price_low",
        PRICE_MIN,
        PRICE_MAX,
        f"Enter a lowest price from {PRICE_MIN} to {PRICE_MAX:,}.",
        "cost_price_low_in_range",
    ),
    Rule(
        "cost_price_high_not_below_low",
        "price_high",
        Q(price_high__gte=F("price_low")),
        "The highest price cannot be below the lowest price.",
    ),
    Rule(
        "cost_price_high_in_range",
        "price_high",
        Q(price_high__lte=PRICE_MAX),
        f"Enter a highest price of {PRICE_MAX:,} or less.",
    ),
    _within(
        "first_course_sessions",
        1,
        SESSIONS_MAX,
        f"Enter from 1 to {SESSIONS_MAX} sessions.",
        "cost_first_course_in_range",
    ),
    _within(
        "maintenance_sessions_per_year",
        0,
        SESSIONS_MAX,
        f"Enter from 0 to {SESSIONS_MAX} sessions.",
        "cost_maintenance_in_range",
    ),
]


class CostDefault(Sourced):
    """Example prices and course lengths; the person's own quote always overrides them."""

    label = models.CharField(max_length=120)
    currency = models.CharField(max_length=3)
    price_low = models.DecimalField(max_digits=8, decimal_places=2)
    price_high = models.DecimalField(max_digits=8, decimal_places=2)
    first_course_sessions = models.PositiveIntegerField()
    first_course_text = models.CharField(max_length=300)
    maintenance_sessions_per_year = models.PositiveIntegerField()
    maintenance_text = models.CharField(max_length=300)
    source_quality = models.TextField(max_length=600)

    RULES = COST_RULES

    class Meta(Sourced.Meta):
        constraints = constraints_for(COST_RULES)

    def __str__(self) -> str:
        return self.label


class QuestionTheme(Sourced):
    name = models.CharField(max_length=80)

    def __str__(self) -> str:
        return self.name


class Question(Sourced):
    theme = models.ForeignKey(QuestionTheme, on_delete=models.PROTECT, related_name="questions")
    text = models.CharField(max_length=300)
    why_it_matters = models.CharField(max_length=400)
    selected_by_default = models.BooleanField(default=False)

    class Meta(Sourced.Meta):
        ordering = ["theme__order", "order", "slug"]

    def __str__(self) -> str:
        return self.text


class GlossaryTerm(Sourced):
    term = models.CharField(max_length=80)
    definition = models.TextField(max_length=500)

    class Meta(Sourced.Meta):
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class QuizItem(Sourced):
    """A true-or-false statement for the understanding check, with the fact behind it."""

    statement = models.CharField(max_length=300)
    is_true = models.BooleanField()
    explanation = models.TextField(max_length=600)

    def __str__(self) -> str:
        return self.statement


class ValueStatement(Sourced):
    statement = models.CharField(max_length=200)
    short_label = models.CharField(max_length=60)

    def __str__(self) -> str:
        return self.statement


class ValueFitManager(models.Manager):
    def get_by_natural_key(self, statement_slug, option_slug):
        return self.get(statement__slug=statement_slug, option__slug=option_slug)


class ValueFit(ValidatedModel):
    """How one option relates to one thing a person may care about; never a score."""

    class Fit(models.TextChoices):
        GOOD = "good", _("Fits well")
        MIXED = "mixed", _("Partly")
        POOR = "poor", _("Fits poorly")

    statement = models.ForeignKey(ValueStatement, on_delete=models.CASCADE, related_name="fits")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="fits")
    fit = models.CharField(max_length=10, choices=Fit.choices)
    explanation = models.CharField(max_length=300)

    objects = ValueFitManager()

    class Meta:
        ordering = ["statement__order", "option__order"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "option"], name="one_fit_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.option} / {self.statement}"

    def natural_key(self):
        return self.statement.natural_key() + self.option.natural_key()

    natural_key.dependencies = ["content.valuestatement", "content.option"]


class Passage(Sourced):
    """A block of explanatory text on a page of the guide or the site, kept as plain text."""

    page = models.CharField(max_length=40, help_text="The step slug or page it belongs to.")
    heading = models.CharField(max_length=160, blank=True)
    body = models.TextField(
        max_length=3000, help_text="Plain text; a blank line starts a new paragraph."
    )

    class Meta(Sourced.Meta):
        ordering = ["page", "order", "slug"]

    def __str__(self) -> str:
        return f"{self.page}: {self.heading or self.slug}"


class ClinicClaim(Sourced):
    """Something clinics say, set beside what the evidence shows."""

    claim = models.CharField(max_length=300)
    evidence_says = models.TextField(max_length=800)

    def __str__(self) -> str:
        return self.claim


class KeyFact(Sourced):
    """A short fact or red flag for the checklist and summary."""

    class Kind(models.TextChoices):
        FACT = "fact", _("Key fact")
        RED_FLAG = "red_flag", _("Red flag")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.CharField(max_length=300)

    def __str__(self) -> str:
        return self.text


class ReleaseManager(models.Manager):
    def get_by_natural_key(self, version):
        return self.get(version=version)


RELEASE_RULES = [
    Rule(
        "release_review_due_after_review",
        "next_review_due",
        Q(next_review_due__gt=F("reviewed_on")),
        "The next review must be due after the last review.",
    ),
    Rule(
        "release_review_due_after_publication",
        "next_review_due",
        Q(next_review_due__gt=F("published_on")),
        "The next review must be due after the release is published.",
    ),
]


class ContentRelease(ValidatedModel):
    """A reviewed edition of the content; every checklist prints the current one."""

    version = models.CharField(max_length=20, unique=True)
    published_on = models.DateField()
    reviewed_by = models.CharField(max_length=200)
    reviewed_on = models.DateField()
    next_review_due = models.DateField()
    notes = models.TextField(max_length=1000, blank=True)
    revision = models.PositiveIntegerField(
        default=0, help_text="Goes up by one each time content changes after publication."
    )
    fingerprint = models.CharField(max_length=16, blank=True, editable=False)

    objects = ReleaseManager()
    RULES = RELEASE_RULES

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = constraints_for(RELEASE_RULES)

    def __str__(self) -> str:
        return self.version

    def natural_key(self):
        return (self.version,)

    @property
    def label(self) -> str:
        return f"{self.version}.{self.revision}" if self.revision else self.version


class Disclosure(ValidatedModel):
    """Who publishes the guide, who pays for it, and how to report a mistake (IPDAS)."""

    slug = models.SlugField(max_length=40, unique=True)
    publisher = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who publishes this copy. A clinic that hosts the guide puts its own name here.",
    )
    publisher_description = models.TextField(max_length=600, blank=True)
    funder = models.CharField(
        max_length=300, blank=True, help_text='Who pays for it. Write "No funding" if no one does.'
    )
    funding_statement = models.TextField(
        max_length=800, blank=True, help_text="Conflicts of interest: ties to clinics or makers."
    )
    contact_text = models.CharField(
        max_length=300, blank=True, help_text="How to report a mistake, in words."
    )
    contact_url = models.URLField(max_length=300, blank=True, help_text="A form or issue tracker.")
    contact_email = models.EmailField(blank=True)
    field_testing = models.TextField(
        max_length=800, blank=True, help_text="Whether patients and practitioners tested the guide."
    )
    translation = models.TextField(
        max_length=600,
        blank=True,
        help_text="Who translated the content and how the translation was checked.",
    )

    objects = SlugManager()

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.publisher or self.slug

    def natural_key(self):
        return (self.slug,)

    @property
    def contact_address(self) -> str:
        """An address a person can reach: a form or tracker, else an email address."""
        return self.contact_url or self.contact_email


class ContributorManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Contributor(ValidatedModel):
    """An author or reviewer of the content, with their role, qualifications and interests."""

    class Role(models.TextChoices):
        AUTHOR = "author", _("Writes the content")
        EDITOR = "editor", _("Checks the content against the evidence")
        CLINICAL_REVIEWER = "clinical_reviewer", _("Clinical reviewer")
        PATIENT_REVIEWER = "patient_reviewer", _("Patient reviewer")

    disclosure = models.ForeignKey(
        Disclosure, on_delete=models.CASCADE, related_name="contributors"
    )
    slug = models.SlugField(max_length=80, unique=True)
    order = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=Role.choices)
    qualifications = models.CharField(max_length=300)
    declared_interests = models.CharField(max_length=400)

    objects = ContributorManager()

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["content.disclosure"]


class TranslationRecord(models.Model):
    """Which English text a translation was written from, to tell when the English moved on.

    Kept up to date by signals (translation_status.py) on every save, from the admin, an import or
    loaddata: a changed translation records the English it now stands beside; a changed English
    with the same translation leaves the old record, so the row shows as out of date.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=60)
    language = models.CharField(max_length=10)
    english_sha256 = models.CharField(max_length=64)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "translation to check"
        verbose_name_plural = "translations to check"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_record_per_translated_field",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} {self.field} ({self.language})"
