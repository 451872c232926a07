"""The guide's plain rules, one home for all: costs, priorities and how options fit them, who an
option may not suit, the quiz's feedback, the chosen questions, the situation in words, SURE
scoring and the person's leaning."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

from decisionaid.content import selectors
from decisionaid.content.models import (
    Option,
    Question,
    QuizItem,
    SuitabilityNote,
    ValueFit,
    ValueStatement,
)

from .choices import (
    AGE_CHOICES,
    DIAGNOSED_CHOICES,
    DURATION_CHOICES,
    HEART_CHOICES,
    HELP_CHOICES,
    NOT_SURE_YET,
    PREGNANCY_CHOICES,
    QUIZ_CHOICES,
    SEX_CHOICES,
    WARNING_SIGN_CHOICES,
    label_for,
)

SURE_ITEMS = [
    ("sure", gettext_noop("Do you feel sure about the best choice for you?")),
    ("understand", gettext_noop("Do you know the benefits and risks of each option?")),
    (
        "risks_benefits",
        gettext_noop("Are you clear about which benefits and risks matter most to you?"),
    ),
    ("support", gettext_noop("Do you have enough support and advice to make a choice?")),
]
HIGH_PRIORITY = 4


@dataclass(frozen=True)
class CostEstimate:
    currency: str
    price_per_session: Decimal
    first_course_sessions: int
    maintenance_per_year: int
    first_year_top_ups: int = 0

    @property
    def first_year_sessions(self) -> int:
        """The first course plus any top-ups that fall before the first year is over."""
        return self.first_course_sessions + self.first_year_top_ups

    @property
    def first_year(self) -> Decimal:
        return self.price_per_session * self.first_year_sessions

    @property
    def later_years(self) -> Decimal:
        return self.price_per_session * self.maintenance_per_year


@dataclass(frozen=True)
class Priority:
    statement: ValueStatement
    rating: int
    fits: list[ValueFit]


@dataclass(frozen=True)
class QuizResult:
    item: QuizItem
    response: str

    @property
    def correct(self) -> bool:
        return self.response == ("true" if self.item.is_true else "false")

    @property
    def answer_label(self) -> str:
        """What the person answered, in the words of the choice they picked."""
        return label_for(QUIZ_CHOICES, self.response)


@dataclass(frozen=True)
class SureResult:
    answers: dict[str, str]

    @property
    def score(self) -> int:
        return sum(1 for key, _ in SURE_ITEMS if self.answers.get(key) == "yes")

    @property
    def complete(self) -> bool:
        return all(self.answers.get(key) in ("yes", "no") for key, _ in SURE_ITEMS)

    @property
    def any_no(self) -> bool:
        return any(self.answers.get(key) == "no" for key, _ in SURE_ITEMS)

    @property
    def answered(self) -> bool:
        return any(self.answers.get(key) for key, _ in SURE_ITEMS)

    def rows(self) -> list[tuple[str, str]]:
        return [(gettext(text), self.answers.get(key, "")) for key, text in SURE_ITEMS]


def suitability_conditions(situation: dict) -> set[str]:
    """Which kinds of suitability note a person's situation answers call for.

    Only a clear answer counts: an unanswered question or "prefer not to say" calls for none, so
    a person who answers nothing sees the guide exactly as everyone else does.
    """
    applies = SuitabilityNote.Applies
    conditions = set()
    if situation.get("sex") == "female":
        conditions.add(applies.FEMALE.value)
    if situation.get("pregnancy") == "yes":
        conditions.add(applies.PREGNANCY.value)
    if situation.get("age") == "under_18":
        conditions.add(applies.UNDER_18.value)
    # Someone unsure whether their tablets are for the heart is safer told to check.
    if situation.get("heart_medicines") in ("yes", "not_sure"):
        conditions.add(applies.HEART_MEDICINES.value)
    return conditions


def suitability_by_option(
    situation: dict, notes: list[SuitabilityNote] | None = None
) -> dict[str, list[SuitabilityNote]]:
    """The notes that apply to this person, by option slug; options without one are absent.

    Nothing is removed or reordered: the pages still show every option, with these notes beside.
    The notes are read from the content only when an answer calls for one.
    """
    conditions = suitability_conditions(situation)
    if not conditions:
        return {}
    if notes is None:
        notes = selectors.suitability_notes()
    matched: dict[str, list[SuitabilityNote]] = {}
    for note in notes:
        if note.applies_to in conditions:
            matched.setdefault(note.option.slug, []).append(note)
    return matched


def describe_situation(situation: dict) -> list[tuple[str, str]]:
    """The situation answers as (question, answer in words) rows, leaving out unanswered ones."""
    rows = []
    if label_for(DIAGNOSED_CHOICES, situation.get("diagnosed", "")):
        rows.append(
            (
                gettext("Diagnosed with pattern hair loss"),
                label_for(DIAGNOSED_CHOICES, situation["diagnosed"]),
            )
        )
    if label_for(DURATION_CHOICES, situation.get("duration", "")):
        rows.append(
            (gettext("Hair thinning for"), label_for(DURATION_CHOICES, situation["duration"]))
        )
    tried = set(situation.get("tried", []))
    if tried:
        names = [option.name for option in selectors.options() if option.slug in tried]
        rows.append((gettext("Already tried"), ", ".join(names)))
    for key, label, choices in (
        ("sex", gettext("Sex"), SEX_CHOICES),
        (
            "pregnancy",
            gettext("Pregnant, could become pregnant or breastfeeding"),
            PREGNANCY_CHOICES,
        ),
        ("age", gettext("Age"), AGE_CHOICES),
        (
            "heart_medicines",
            gettext("Takes medicines for blood pressure or the heart"),
            HEART_CHOICES,
        ),
    ):
        if label_for(choices, situation.get(key, "")):
            rows.append((label, label_for(choices, situation[key])))
    signs = [label_for(WARNING_SIGN_CHOICES, key) for key in situation.get("warning_signs", [])]
    if any(signs):
        rows.append((gettext("Signs to see a doctor about"), "; ".join(s for s in signs if s)))
    return rows


def cost_estimate(data: dict) -> CostEstimate | None:
    try:
        price = Decimal(str(data["price_per_session"]))
        sessions = int(data["first_course_sessions"])
        maintenance = int(data["maintenance_per_year"])
        top_ups = int(data.get("first_year_top_ups") or 0)
    except (KeyError, TypeError, ValueError, InvalidOperation):
        return None
    if top_ups < 0:
        return None
    return CostEstimate(settings.CURRENCY, price, sessions, maintenance, top_ups)


def priorities(ratings: dict) -> list[Priority]:
    """The statements rated highest, each with how every option relates to it."""
    chosen = []
    for statement in selectors.value_statements():
        rating = ratings.get(statement.slug)
        if isinstance(rating, int) and rating >= HIGH_PRIORITY:
            chosen.append(Priority(statement, rating, list(statement.fits.all())))
    return sorted(chosen, key=lambda p: (-p.rating, p.statement.order))


def chosen_questions(data: dict) -> list[Question]:
    """The person's picks, or the default selection when they have not visited that step."""
    slugs = data["selected"] if "selected" in data else selectors.default_question_slugs()
    return [q for q in selectors.questions() if q.slug in set(slugs)]


def quiz_results(responses: dict) -> list[QuizResult]:
    """Feedback for each quiz statement the person answered, in the content's order."""
    return [
        QuizResult(item, responses[item.slug])
        for item in selectors.quiz_items()
        if item.slug in responses
    ]


@dataclass(frozen=True)
class FitRow:
    option: Option
    fit: ValueFit | None
    cautions: tuple[SuitabilityNote, ...] = ()

    @property
    def shown_fit(self) -> str:
        """The fit to show: "may_not_suit" replaces any fit for an option that may not suit the
        person, so an option they may not be able to use is never called a good fit."""
        if self.cautions:
            return "may_not_suit"
        return self.fit.fit if self.fit else ""


def fits_by_option(
    priority: Priority,
    options: list[Option],
    cautions: dict[str, list[SuitabilityNote]] | None = None,
) -> list[FitRow]:
    """One row per option, always in the content's own option order, never sorted by fit.

    Sorting by how well an option fits would turn the table into a ranking, which a decision aid
    must not do; an option with no fit written for this statement still gets its row.
    """
    by_option = {fit.option_id: fit for fit in priority.fits}
    cautions = cautions or {}
    return [
        FitRow(option, by_option.get(option.pk), tuple(cautions.get(option.slug, ())))
        for option in options
    ]


@dataclass(frozen=True)
class Leaning:
    """Which way the person leans now and what would help them decide; never scored."""

    option: Option | None
    not_sure_yet: bool
    helps: list[str]

    @property
    def answered(self) -> bool:
        return bool(self.option or self.not_sure_yet or self.helps)

    @property
    def label(self) -> str:
        if self.option:
            return self.option.name
        return str(NOT_SURE_YET[1]) if self.not_sure_yet else ""


def leaning(sure: dict, options: list[Option]) -> Leaning:
    """The leaning answers of the SURE step, in words; unknown slugs and keys are left out."""
    choice = sure.get("leaning", "")
    option = next((o for o in options if o.slug == choice), None)
    helps = [label_for(HELP_CHOICES, key) for key in sure.get("helps", []) if isinstance(key, str)]
    return Leaning(option, choice == NOT_SURE_YET[0], [h for h in helps if h])
