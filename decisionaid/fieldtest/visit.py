"""The one owner of field-test state in a person's session: a half-filled draft, then a flag."""

from typing import Any

from django.contrib.sessions.backends.base import SessionBase

DRAFT_KEY = "fieldtest_draft"
# After sending or declining, only this remains, so the person is invited once per visit.
DONE_KEY = "fieldtest_done"
ANSWERED = "answered"
DECLINED = "declined"


class FieldTestVisit:
    def __init__(self, session: SessionBase) -> None:
        self._session = session

    def done(self) -> bool:
        return self._session.get(DONE_KEY) in (ANSWERED, DECLINED)

    def answered(self) -> bool:
        return self._session.get(DONE_KEY) == ANSWERED

    def draft(self) -> dict[str, Any]:
        stored = self._session.get(DRAFT_KEY)
        return dict(stored) if isinstance(stored, dict) else {}

    def save_draft(self, data: dict[str, Any]) -> None:
        self._session[DRAFT_KEY] = {**self.draft(), **data}

    def finish(self, outcome: str) -> None:
        """Forget the answers and keep only whether the person answered or declined."""
        self._session.pop(DRAFT_KEY, None)
        self._session[DONE_KEY] = outcome
