"""The field-test questionnaire: our own items, fixed here so that every row means the same.

LICENCES, looked up on 26 November 2026:

- Preparation for Decision Making scale (Graham & O'Connor; Ottawa Hospital Research Institute,
  Patient Decision Aids Research Group). The evaluation-measures page,
  https://decisionaid.ohri.ca/eval.html, says the tools may be used without asking, provided you
  (a) cite the reference, (b) do not charge for or profit from them, and (c) do not alter them
  except for adding a specific condition or decision. The scale's own user manual, linked from
  that page, could not be read from here; these are the terms the page gives for every tool on it.
- Ottawa acceptability questionnaire (O'Connor & Cranney). https://decisionaid.ohri.ca/eval_accept.html
  gives the same three conditions.

Both allow use but not adaptation, and this guide must say everything in plain words (about US
grade 8, checked by a test) and fit a touch-screen kiosk, which means rewording. So none of the
original wording is used: the items below are our own, written for this guide. They ask about the
same topics (how far the guide prepared the person to decide; its length, amount of information,
balance and clarity; whether they would suggest it), but their scores are not the published
scales' scores and must not be reported as such. /how-this-guide-was-made/ says the same to
readers (the "how-made-field-test" passage).

The wording lives here, beside the model, rather than in the editable content: a field test
compares answers across content versions, which only works if the questions themselves never
change. Changing an item means a new field and a new migration, never an edit in the admin.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Item:
    """One question: its field name, its wording, and its answers as (stored code, words)."""

    key: str
    group: str
    # Lazy translations: shown in the language of the page that asks.
    text: Any
    choices: tuple[tuple[int, Any], ...]


HELPED = (
    (1, _("Not at all")),
    (2, _("A little")),
    (3, _("Somewhat")),
    (4, _("Quite a lot")),
    (5, _("A great deal")),
)

PREPARED = "prepared"
ACCEPTABLE = "acceptable"

ITEMS: tuple[Item, ...] = (
    Item(
        "prep_choices",
        PREPARED,
        _("How much did the guide help you see what your choices are?"),
        HELPED,
    ),
    Item(
        "prep_weigh",
        PREPARED,
        _("How much did it help you weigh the good and bad points of each choice?"),
        HELPED,
    ),
    Item(
        "prep_matters",
        PREPARED,
        _("How much did it help you think about what matters most to you?"),
        HELPED,
    ),
    Item(
        "prep_questions",
        PREPARED,
        _("How much did it help you plan what to ask at your visit?"),
        HELPED,
    ),
    Item(
        "prep_talk",
        PREPARED,
        _("How much did it help you get ready to talk it over with a doctor?"),
        HELPED,
    ),
    Item(
        "prep_ready",
        PREPARED,
        _("How much did it help you feel ready to make a choice?"),
        HELPED,
    ),
    Item(
        "length",
        ACCEPTABLE,
        _("Was the guide too long, too short, or about right?"),
        ((1, _("Too short")), (2, _("About right")), (3, _("Too long"))),
    ),
    Item(
        "amount",
        ACCEPTABLE,
        _("Did it give you too little information, too much, or about the right amount?"),
        ((1, _("Too little")), (2, _("About right")), (3, _("Too much"))),
    ),
    Item(
        "balance",
        ACCEPTABLE,
        _("Did the guide lean for or against mesotherapy?"),
        (
            (1, _("It leaned a lot against it")),
            (2, _("It leaned a bit against it")),
            (3, _("It was fair to both sides")),
            (4, _("It leaned a bit for it")),
            (5, _("It leaned a lot for it")),
        ),
    ),
    Item(
        "clarity",
        ACCEPTABLE,
        _("How easy was the guide to understand?"),
        ((1, _("Very hard")), (2, _("Quite hard")), (3, _("Quite easy")), (4, _("Very easy"))),
    ),
    Item(
        "recommend",
        ACCEPTABLE,
        _("Would you suggest this guide to a friend who is thinking about mesotherapy?"),
        ((1, _("No")), (2, _("I am not sure")), (3, _("Yes"))),
    ),
)

ITEM_KEYS = tuple(item.key for item in ITEMS)
# The questionnaire's two short pages, so each fits a kiosk screen.
PAGES = {1: PREPARED, 2: ACCEPTABLE}


def items_on(page: int) -> tuple[Item, ...]:
    return tuple(item for item in ITEMS if item.group == PAGES[page])
