"""Take it home: a signed, compact link that carries a person's choices, with nothing stored."""

from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "decisionaid.kiosk.take-home"
# The choices a link may carry; free text the person typed never leaves the kiosk this way.
STEPS = ("situation", "costs", "values", "understanding", "questions", "sure")
FREE_TEXT = {"questions": ("own",)}


class TakeHomeError(Exception):
    """The link is not one we made, or it was changed."""


class TakeHomeExpired(TakeHomeError):
    """The link is genuine but older than TAKE_HOME_MAX_AGE_SECONDS."""


def choices_only(answers: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    kept = {}
    for step in STEPS:
        data = answers.get(step)
        if isinstance(data, dict) and data:
            kept[step] = {k: v for k, v in data.items() if k not in FREE_TEXT.get(step, ())}
    return kept


def make_token(answers: dict[str, dict[str, Any]]) -> str:
    return signing.dumps(choices_only(answers), salt=SALT, compress=True)


def read_token(token: str) -> dict[str, dict[str, Any]]:
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.TAKE_HOME_MAX_AGE_SECONDS)
    except signing.SignatureExpired as error:
        raise TakeHomeExpired from error
    except (signing.BadSignature, ValueError, UnicodeDecodeError) as error:
        raise TakeHomeError from error
    if not isinstance(data, dict):
        raise TakeHomeError
    return choices_only(data)


def take_home_url(answers: dict[str, dict[str, Any]]) -> str:
    path = reverse("kiosk:resume", kwargs={"token": make_token(answers)})
    return settings.PUBLIC_BASE_URL.rstrip("/") + path
