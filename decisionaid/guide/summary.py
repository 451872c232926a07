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

from decisionaid.content import selectors
from decisionaid.content.models import KeyFact, Question

from .answers import Answers
from .rules import (
    CostEstimate,
    Priority,
    QuizResult,
    SureResult,
    chosen_questions,
    cost_estimate,
    describe_situation,
    priorities,
    quiz_results,
)


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


def build_summary(answers: Answers) -> Summary:
    questions = answers.get("questions")
    facts = selectors.key_facts()
    return Summary(
        situation=answers.get("situation"),
        cost=cost_estimate(answers.get("costs")),
        priorities=priorities(answers.get("values").get("ratings", {})),
        quiz=quiz_results(answers.get("understanding").get("responses", {})),
        questions=chosen_questions(questions),
        own_questions=[q for q in questions.get("own", []) if isinstance(q, str)],
        sure=SureResult(answers.get("sure")),
        key_facts=[f for f in facts if f.kind == KeyFact.Kind.FACT],
        red_flags=[f for f in facts if f.kind == KeyFact.Kind.RED_FLAG],
    )
