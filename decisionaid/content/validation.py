"""Rules a content row must meet to be shown, declared once for the database, admin and pages."""

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from .bilingual import plain_values

# Comparisons with SQL's meaning: a NULL on either side makes the result unknown (None), and a
# CHECK constraint passes when its condition is unknown.
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "exact": operator.eq,
    "lt": operator.lt,
    "lte": operator.le,
    "gt": operator.gt,
    "gte": operator.ge,
}


@dataclass(frozen=True)
class Rule:
    """One Q condition, used three ways: a CheckConstraint (no fixture, import or ORM save can
    store a row that breaks it), a field error from clean() (the admin and import_content name the
    field), and the public pages' test to leave out a row forced in by raw SQL or an old database.
    """

    name: str
    field: str
    condition: Q
    message: str

    def constraint(self) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=self.condition, name=self.name, violation_error_message=self.message
        )

    def broken_by(self, row: models.Model) -> bool:
        return evaluate(self.condition, row) is False


def _lookup(row: models.Model, lookup: str, value: Any) -> bool | None:
    name, _, op = lookup.partition("__")
    actual = getattr(row, name)
    if op == "isnull":
        return (actual is None) is bool(value)
    expected = getattr(row, value.name) if isinstance(value, F) else value
    if actual is None or expected is None:
        return None
    try:
        return _COMPARE[op or "exact"](actual, expected)
    except TypeError:
        return None  # a value that failed its own field's check; that error is reported instead


def evaluate(condition: Q, row: models.Model) -> bool | None:
    """A Q condition on one row's values, in Python, with SQL's three-valued logic."""
    results = [
        evaluate(child, row) if isinstance(child, Q) else _lookup(row, *child)
        for child in condition.children
    ]
    if condition.connector == Q.OR:
        result = True if True in results else (None if None in results else False)
    else:
        result = False if False in results else (None if None in results else True)
    if condition.negated and result is not None:
        result = not result
    return result


def constraints_for(rules: list[Rule]) -> list[models.CheckConstraint]:
    return [rule.constraint() for rule in rules]


class ValidatedModel(models.Model):
    """A content model whose RULES are checked by clean() and reported by problems()."""

    RULES: list[Rule] = []

    class Meta:
        abstract = True

    def problems(self) -> list[str]:
        """Why this row cannot be shown, in an editor's words; empty when it can."""
        return [f"{rule.field}: {rule.message}" for rule in self.RULES if rule.broken_by(self)]

    def full_clean(self, *args: Any, **kwargs: Any) -> None:
        with plain_values():
            super().full_clean(*args, **kwargs)

    def save(self, *args: Any, **kwargs: Any) -> None:
        with plain_values():
            super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[str]] = {}
        for rule in self.RULES:
            if rule.broken_by(self):
                errors.setdefault(rule.field, []).append(rule.message)
        if errors:
            raise ValidationError(errors)
