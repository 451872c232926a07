"""Every guide page's main text, with a person's answers filled in, reads at US grade 8 or lower."""

import pytest
from readability import MAX_GRADE, grade, main_text

from decisionaid.content import selectors
from decisionaid.guide.steps import STEPS

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_client(client):
    """A person who answered every step, so results and feedback are on the pages too."""
    question = selectors.questions()[0]
    posts = {
        "situation": {"diagnosed": "yes", "duration": "1_to_5"},
        "costs": {"price_per_session": "250", "first_course_sessions": "8",
                  "maintenance_per_year": "4"},
        "values": {f"rating_{s.slug}": "5" for s in selectors.value_statements()},
        "understanding": {f"quiz_{i.slug}": "not_sure" for i in selectors.quiz_items()},
        "questions": {f"theme_{question.theme.slug}": [question.slug], "own": "Is it safe?"},
        "sure": {"sure": "yes", "understand": "yes", "risks_benefits": "no", "support": "yes"},
    }  # fmt: skip
    for slug, data in posts.items():
        assert client.post(f"/guide/{slug}/", {**data, "action": "next"}).status_code == 302
    return client


def test_every_guide_page_reads_at_grade_8_or_lower(answered_client):
    grades = {}
    for step in STEPS:
        html = answered_client.get(f"/guide/{step.slug}/").content.decode()
        grades[step.slug] = grade(main_text(html))
    for slug, value in grades.items():
        print(f"{slug:15} grade {value:4.1f}")
    too_hard = {slug: value for slug, value in grades.items() if value > MAX_GRADE}
    assert not too_hard, f"pages above grade {MAX_GRADE}: {too_hard}"
