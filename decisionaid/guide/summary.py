"""Everything a person chose, gathered once for the summary step, the checklist and the PDF.

Answer shapes, one dict per step in the session (written by the guide's forms):
    situation:     {"diagnosed": "yes"|"no"|"not_sure", "duration": str, "tried": [str],
                    "warning_signs": [str], "sex": "female"|"male"|"prefer_not",
                    "pregnancy": "yes"|"no"|"prefer_not", "age": str,
                    "heart_medicines": "yes"|"no"|"not_sure"|"prefer_not"}
                   (every key but tried and warning_signs is left out when unanswered; duration
                   is one of choices.DURATION_CHOICES and age of choices.AGE_CHOICES, tried holds
                   option slugs, warning_signs holds keys of choices.WARNING_SIGN_CHOICES;
                   Summary.situation_rows gives them in words, rules.suitability_conditions says
                   which suitability notes they call for)
    costs:         {"price_per_session": "250.00", "first_course_sessions": int,
                    "maintenance_per_year": int, "first_year_top_ups": int (only when > 0)}
    values:        {"ratings": {statement_slug: 1..5}}
    understanding: {"responses": {quiz_slug: "true"|"false"|"not_sure"}}
    questions:     {"selected": [question_slug], "own": [str]}
    sure:          {"sure": "yes"|"no", "understand": ..., "risks_benefits": ..., "support": ...,
                    "leaning": option_slug|"not_sure_yet", "helps": [str]}
                   (leaning and helps, keys of choices.HELP_CHOICES, only when answered)
"""

from functools import cached_property

from decisionaid.content import selectors
from decisionaid.content.models import KeyFact, Option, Question, SuitabilityNote

from .answers import Answers
from .rules import (
    CostEstimate,
    FitRow,
    Leaning,
    Priority,
    QuizResult,
    SureResult,
    chosen_questions,
    cost_estimate,
    describe_situation,
    fits_by_option,
    leaning,
    priorities,
    quiz_results,
    suitability_by_option,
)


class Summary:
    """A person's answers as the summary, checklist and PDF show them.

    Each part is worked out when first read: a page whose shared parts come from the cache reads
    only the parts it fills in afresh (the cost and the person's own questions).
    """

    def __init__(self, answers: Answers) -> None:
        self._answers = answers

    @cached_property
    def situation(self) -> dict:
        return self._answers.get("situation")

    @cached_property
    def cost(self) -> CostEstimate | None:
        return cost_estimate(self._answers.get("costs"))

    @cached_property
    def priorities(self) -> list[Priority]:
        return priorities(self._answers.get("values").get("ratings", {}))

    @cached_property
    def quiz(self) -> list[QuizResult]:
        return quiz_results(self._answers.get("understanding").get("responses", {}))

    @cached_property
    def questions(self) -> list[Question]:
        return chosen_questions(self._answers.get("questions"))

    @cached_property
    def own_questions(self) -> list[str]:
        return [q for q in self._answers.get("questions").get("own", []) if isinstance(q, str)]

    @property
    def has_own_questions(self) -> bool:
        """Whether, not what: shell keys use it, and the questions themselves are never a key."""
        return bool(self.own_questions)

    @cached_property
    def sure(self) -> SureResult:
        return SureResult(self._answers.get("sure"))

    @cached_property
    def key_facts(self) -> list[KeyFact]:
        return [f for f in selectors.key_facts() if f.kind == KeyFact.Kind.FACT]

    @cached_property
    def red_flags(self) -> list[KeyFact]:
        return [f for f in selectors.key_facts() if f.kind == KeyFact.Kind.RED_FLAG]

    @cached_property
    def options(self) -> list[Option]:
        return selectors.option_list()

    @cached_property
    def leaning(self) -> Leaning | None:
        return leaning(self._answers.get("sure"), self.options)

    @cached_property
    def cautions(self) -> dict[str, list[SuitabilityNote]]:
        """The suitability notes that apply to this person, by option slug."""
        return suitability_by_option(self.situation)

    @cached_property
    def situation_rows(self) -> list[tuple[str, str]]:
        return describe_situation(self.situation)

    @property
    def situation_line(self) -> str:
        """The situation in one line, for page 1 of the checklist."""
        return "; ".join(f"{label}: {value}" for label, value in self.situation_rows)

    @property
    def see_doctor(self) -> bool:
        """A warning sign was ticked: the see-a-doctor notice leads the summary and checklist."""
        return bool(self.situation.get("warning_signs"))

    @property
    def caution_groups(self) -> list[tuple[Option, list[SuitabilityNote]]]:
        """The options with a note for this person, each with its notes, in the content's order."""
        return [(o, self.cautions[o.slug]) for o in self.options if o.slug in self.cautions]

    @property
    def caution_rows(self) -> list[tuple[Option, SuitabilityNote]]:
        """Each note that applies to this person with its option, in the content's option order."""
        return [
            (option, note) for option in self.options for note in self.cautions.get(option.slug, [])
        ]

    def fit_grid(self) -> list[tuple[Option, list[FitRow]]]:
        """Every option (in the content's order) against each top priority, for the checklist."""
        columns = [fits_by_option(p, self.options, self.cautions) for p in self.priorities]
        return [
            (option, [column[index] for column in columns])
            for index, option in enumerate(self.options)
        ]


def build_summary(answers: Answers) -> Summary:
    return Summary(answers)
