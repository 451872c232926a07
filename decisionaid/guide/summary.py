"""Everything a person chose, gathered once for the summary step, the checklist and the PDF.

Answer shapes, one dict per step in the session (written by the guide's forms):
    situation:     {"diagnosed": "yes"|"no"|"not_sure", "duration": str, "tried": [str],
                    "warning_signs": [str]}
                   (diagnosed and duration are left out when unanswered; duration is one of
                   choices.DURATION_CHOICES, tried holds option slugs, warning_signs holds keys of
                   choices.WARNING_SIGN_CHOICES; Summary.situation_rows gives them in words)
    costs:         {"price_per_session": "250.00", "first_course_sessions": int,
                    "maintenance_per_year": int, "first_year_top_ups": int (only when > 0)}
    values:        {"ratings": {statement_slug: 1..5}}
    understanding: {"responses": {quiz_slug: "true"|"false"|"not_sure"}}
    questions:     {"selected": [question_slug], "own": [str]}
    sure:          {"sure": "yes"|"no", "understand": ..., "risks_benefits": ..., "support": ...}
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings

from decisionaid.content import selectors
from decisionaid.content.models import KeyFact, Question, QuizItem, ValueFit, ValueStatement

from .answers import Answers
from .choices import DIAGNOSED_CHOICES, DURATION_CHOICES, WARNING_SIGN_CHOICES, label_for

SURE_ITEMS = [
    ("sure", "Do you feel sure about the best choice for you?"),
    ("understand", "Do you know the benefits and risks of each option?"),
    ("risks_benefits", "Are you clear about which benefits and risks matter most to you?"),
    ("support", "Do you have enough support and advice to make a choice?"),
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

    def rows(self) -> list[tuple[str, str]]:
        return [(text, self.answers.get(key, "")) for key, text in SURE_ITEMS]


@dataclass
class Summary:
    situation: dict
    cost: CostEstimate | None
    priorities: list[Priority]
    quiz: list[QuizResult]
    questions: list[Question]
    own_questions: list[str]
    sure: SureResult
    key_facts: list[KeyFact] = field(default_factory=list)
    red_flags: list[KeyFact] = field(default_factory=list)

    @property
    def situation_rows(self) -> list[tuple[str, str]]:
        return describe_situation(self.situation)


def describe_situation(situation: dict) -> list[tuple[str, str]]:
    """The situation answers as (question, answer in words) rows, leaving out unanswered ones."""
    rows = []
    if label_for(DIAGNOSED_CHOICES, situation.get("diagnosed", "")):
        rows.append(
            (
                "Diagnosed with pattern hair loss",
                label_for(DIAGNOSED_CHOICES, situation["diagnosed"]),
            )
        )
    if label_for(DURATION_CHOICES, situation.get("duration", "")):
        rows.append(("Hair thinning for", label_for(DURATION_CHOICES, situation["duration"])))
    tried = set(situation.get("tried", []))
    if tried:
        names = [option.name for option in selectors.options() if option.slug in tried]
        rows.append(("Already tried", ", ".join(names)))
    signs = [label_for(WARNING_SIGN_CHOICES, key) for key in situation.get("warning_signs", [])]
    if any(signs):
        rows.append(("Signs to see a doctor about", "; ".join(s for s in signs if s)))
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


def build_summary(answers: Answers) -> Summary:
    responses = answers.get("understanding").get("responses", {})
    quiz = [
        QuizResult(item, responses[item.slug])
        for item in selectors.quiz_items()
        if item.slug in responses
    ]
    questions = answers.get("questions")
    facts = selectors.key_facts()
    return Summary(
        situation=answers.get("situation"),
        cost=cost_estimate(answers.get("costs")),
        priorities=priorities(answers.get("values").get("ratings", {})),
        quiz=quiz,
        questions=chosen_questions(questions),
        own_questions=[q for q in questions.get("own", []) if isinstance(q, str)],
        sure=SureResult(answers.get("sure")),
        key_facts=[f for f in facts if f.kind == KeyFact.Kind.FACT],
        red_flags=[f for f in facts if f.kind == KeyFact.Kind.RED_FLAG],
    )
