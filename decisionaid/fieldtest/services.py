"""Writing a field-test response: build the anonymous row from the draft and forget the draft."""

import datetime

from django.utils import timezone, translation

from decisionaid.content import selectors
from decisionaid.guide.answers import Answers
from decisionaid.guide.summary import SureResult

from .instrument import ITEMS
from .models import Response
from .visit import ANSWERED, FieldTestVisit


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of the day's week: the only date a row keeps."""
    return day - datetime.timedelta(days=day.weekday())


def language() -> str:
    code = (translation.get_language() or "en").split("-")[0]
    return code if code in Response.Language.values else Response.Language.EN


def sure_score(answers: Answers) -> int | None:
    result = SureResult(answers.get("sure"))
    return result.score if result.complete else None


def quiz_correct(answers: Answers) -> int | None:
    responses = answers.get("understanding").get("responses", {})
    if not isinstance(responses, dict) or not responses:
        return None
    truth = {item.slug: ("true" if item.is_true else "false") for item in selectors.quiz_items()}
    return sum(1 for slug, response in responses.items() if truth.get(slug) == response)


def submit(*, visit: FieldTestVisit, answers: Answers, share_results: bool, kiosk: bool) -> None:
    """Store one row and leave the session holding only the "answered" flag.

    Nothing is returned and nothing about the row is kept, so no later request can find it.
    """
    draft = visit.draft()
    release = selectors.current_release()
    Response.objects.create(
        week=week_of(timezone.localdate()),
        content_version=release.label if release else "",
        language=language(),
        mode=Response.Mode.KIOSK if kiosk else Response.Mode.HOME,
        **{item.key: draft.get(item.key) for item in ITEMS},
        sure_score=sure_score(answers) if share_results else None,
        quiz_correct=quiz_correct(answers) if share_results else None,
    )
    visit.finish(ANSWERED)
