"""The one owner of a person's answers: a small wrapper over the session, used by every view."""

from typing import Any

from django.contrib.sessions.backends.base import SessionBase

SESSION_KEY = "answers"


class Answers:
    """A person's answers, one JSON-safe dict per guide step, kept only in their session."""

    def __init__(self, session: SessionBase) -> None:
        self._session = session

    def _store(self) -> dict[str, dict[str, Any]]:
        stored = self._session.get(SESSION_KEY)
        return stored if isinstance(stored, dict) else {}

    def get(self, step: str) -> dict[str, Any]:
        value = self._store().get(step)
        return dict(value) if isinstance(value, dict) else {}

    def set(self, step: str, data: dict[str, Any]) -> None:
        store = self._store()
        store[step] = data
        self._session[SESSION_KEY] = store

    def all(self) -> dict[str, dict[str, Any]]:
        return {step: dict(data) for step, data in self._store().items() if isinstance(data, dict)}

    def replace_all(self, data: dict[str, dict[str, Any]]) -> None:
        self._session[SESSION_KEY] = {k: v for k, v in data.items() if isinstance(v, dict)}

    def is_empty(self) -> bool:
        return not any(self._store().values())

    def clear(self) -> None:
        """Forget everything, including the session row on the server."""
        self._session.flush()
