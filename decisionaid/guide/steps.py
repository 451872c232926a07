"""The ordered registry of guide steps: it drives the URLs, Back/Next/Skip and the progress line."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import forms


def in_short_page(slug: str) -> str:
    """The passage page holding a step's bottom line, shown above everything else on it."""
    return f"{slug}-in-short"


@dataclass(frozen=True)
class Step:
    slug: str
    title: str | Promise
    form_class: type[forms.StepForm] | None = None
    optional: bool = False
    # Steps that show results on the same page after a save (a "Show" button beside Next).
    shows_results: bool = False

    @property
    def template(self) -> str:
        return f"guide/{self.slug}.html"

    @property
    def in_short_page(self) -> str:
        return in_short_page(self.slug)


STEPS: list[Step] = [
    Step("situation", _("Your situation"), forms.SituationForm, optional=True),
    Step("what-it-is", _("What it is")),
    Step("evidence", _("The evidence")),
    Step("options", _("Other options")),
    Step("risks", _("Risks")),
    Step("costs", _("Costs"), forms.CostsForm, optional=True, shows_results=True),
    Step("values", _("What matters to you"), forms.ValuesForm, optional=True, shows_results=True),
    Step(
        "understanding",
        _("Check your understanding"),
        forms.UnderstandingForm,
        optional=True,
        shows_results=True,
    ),
    Step("questions", _("Questions to ask"), forms.QuestionsForm, optional=True),
    Step("sure", _("How sure do you feel?"), forms.SureForm, optional=True),
    Step("summary", _("Summary")),
]

_BY_SLUG = {step.slug: step for step in STEPS}


def get_step(slug: str) -> Step:
    try:
        return _BY_SLUG[slug]
    except KeyError:
        raise Http404(f"No guide step {slug!r}") from None


def position(step: Step) -> int:
    """The step's number, counting from one, as shown in "Step 3 of 11"."""
    return STEPS.index(step) + 1


def previous_step(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None


def next_step(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None
