"""The questionnaire's two pages: every question optional, every answer from a fixed list."""

from typing import Any

from django import forms
from django.utils.translation import gettext

from decisionaid.guide.forms import StepForm

from .instrument import items_on


class QuestionnaireForm(StepForm):
    """One page of the questionnaire; nothing can be typed, so nothing typed can be kept."""

    def __init__(self, *args: Any, page: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page = page
        for item in items_on(page):
            self.fields[item.key] = forms.TypedChoiceField(
                label=item.text,
                choices=[(str(code), words) for code, words in item.choices],
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
                required=False,
                error_messages={
                    "invalid_choice": gettext("Choose one of the answers, or leave it blank.")
                },
            )
        if page == 2:
            self.fields["share_results"] = forms.BooleanField(
                required=False,
                label=gettext(
                    "Also send two numbers from your own answers: how many of the four "
                    "How sure questions you answered yes, and how many understanding "
                    "questions you got right."
                ),
            )

    def answers_from(self, data: dict[str, Any]) -> dict[str, Any]:
        return {item.key: data.get(item.key) for item in items_on(self.page)}
