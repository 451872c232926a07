"""The guide's forms: each reads its initial data from, and writes back to, one answer shape."""

from decimal import Decimal
from typing import Any

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from decisionaid.content import selectors
from decisionaid.content.models import PRICE_MAX, PRICE_MIN, SESSIONS_MAX, Option

from .choices import (
    AGE_CHOICES,
    DIAGNOSED_CHOICES,
    DURATION_CHOICES,
    HEART_CHOICES,
    HELP_CHOICES,
    MAX_OWN_QUESTION_LENGTH,
    MAX_OWN_QUESTIONS,
    NOT_SURE_YET,
    PREGNANCY_CHOICES,
    QUIZ_CHOICES,
    RATING_CHOICES,
    SEX_CHOICES,
    WARNING_SIGN_CHOICES,
    YES_NO_CHOICES,
)
from .rules import SURE_ITEMS


class StepForm(forms.Form):
    """A form for one step: turns saved answers into initial data and cleaned data into answers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    @classmethod
    def initial_from(cls, saved: dict[str, Any]) -> dict[str, Any]:
        return dict(saved)

    def answers_from(self, data: dict[str, Any]) -> dict[str, Any]:
        """The answer shape built from (possibly only some of) the cleaned fields."""
        return dict(data)

    def to_answers(self) -> dict[str, Any]:
        return self.answers_from(self.cleaned_data)

    def partial_answers(self) -> dict[str, Any]:
        """What was valid in an invalid form, so a move Back never loses it."""
        valid = {
            name: value for name, value in self.cleaned_data.items() if name not in self.errors
        }
        return self.answers_from(valid)

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor id, message) for the error summary; grouped inputs link to their first choice."""
        links = []
        for name, errors in self.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS:
                links.extend(("guide-form", str(error)) for error in errors)
                continue
            bound = self[name]
            multiple = isinstance(
                bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple
            )
            anchor = f"{bound.auto_id}_0" if multiple else bound.auto_id
            links.extend((anchor, str(error)) for error in errors)
        return links


def _radio(label: Any, choices: list[tuple[str, Any]], *, required: bool, message: Any = ""):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        required=required,
        error_messages={"required": message, "invalid_choice": message} if message else {},
    )


# Range messages, filled in with SESSIONS_MAX when shown.
FIRST_COURSE_RANGE = _("Enter between 1 and {max} sessions for the first course.")
FIRST_YEAR_TOP_UP_RANGE = _("Enter between 0 and {max} top-up sessions in the first year.")
TOP_UP_RANGE = _("Enter between 0 and {max} top-up sessions a year.")

# The personal-fit questions, in the order the page asks them; each is optional.
PERSONAL_FIELDS = ("sex", "pregnancy", "age", "heart_medicines")


class SituationForm(StepForm):
    diagnosed = _radio(
        _("Has a doctor told you that you have pattern hair loss?"),
        DIAGNOSED_CHOICES,
        required=False,
    )
    duration = _radio(_("How long has your hair been thinning?"), DURATION_CHOICES, required=False)
    tried = forms.MultipleChoiceField(
        label=_("Which of these have you tried already?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    warning_signs = forms.MultipleChoiceField(
        label=_("Do any of these apply to you?"),
        help_text=_("Tick all that apply."),
        choices=WARNING_SIGN_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sex = _radio(
        _("What is your sex?"),
        SEX_CHOICES,
        required=False,
        message=_("Choose female, male or prefer not to say."),
    )
    pregnancy = _radio(
        _("Are you pregnant, could you become pregnant, or are you breastfeeding?"),
        PREGNANCY_CHOICES,
        required=False,
        message=_("Choose yes, no or prefer not to say."),
    )
    age = _radio(
        _("How old are you?"),
        AGE_CHOICES,
        required=False,
        message=_("Choose one of the age groups, or prefer not to say."),
    )
    heart_medicines = _radio(
        _("Do you take medicines for blood pressure or your heart?"),
        HEART_CHOICES,
        required=False,
        message=_("Choose yes, no, not sure or prefer not to say."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tried"].choices = [
            (option.slug, option.name)
            for option in selectors.options()
            if option.evidence_level != Option.Evidence.NONE
        ]

    def answers_from(self, data: dict[str, Any]) -> dict[str, Any]:
        answers: dict[str, Any] = {
            key: data[key] for key in ("diagnosed", "duration", *PERSONAL_FIELDS) if data.get(key)
        }
        answers["tried"] = list(data.get("tried", []))
        answers["warning_signs"] = list(data.get("warning_signs", []))
        return answers


def _number_input(mode: str) -> forms.TextInput:
    # A text box with a number keypad, as GOV.UK advises, so it can be length-limited.
    return forms.TextInput(attrs={"inputmode": mode, "maxlength": 9, "autocomplete": "off"})


class CostsForm(StepForm):
    price_per_session = forms.DecimalField(
        min_value=PRICE_MIN,
        max_value=PRICE_MAX,
        max_digits=7,
        decimal_places=2,
        widget=_number_input("decimal"),
        error_messages={
            "required": _("Enter the price of one session, such as 250."),
            "invalid": _("Enter the price of one session as a number, such as 250."),
            "min_value": _("Enter a price of at least 1 for one session."),
            "max_value": _("Enter a price of 10,000 or less for one session."),
            "max_digits": _("Enter a price of 10,000 or less for one session."),
            "max_decimal_places": _("Enter the price with no more than 2 digits after the point."),
        },
    )
    first_course_sessions = forms.IntegerField(
        label=_("Sessions in the first course"),
        min_value=1,
        max_value=SESSIONS_MAX,
        widget=_number_input("numeric"),
        error_messages={
            "required": _("Enter how many sessions are in the first course, such as 8."),
            "invalid": _("Enter the sessions in the first course as a whole number, such as 8."),
            "min_value": format_lazy(FIRST_COURSE_RANGE, max=SESSIONS_MAX),
            "max_value": format_lazy(FIRST_COURSE_RANGE, max=SESSIONS_MAX),
        },
    )
    first_year_top_ups = forms.IntegerField(
        label=_("Top-up sessions in the rest of the first year"),
        help_text=_(
            "If top-ups start before the first year ends, count them here. Ask your clinic."
        ),
        required=False,
        min_value=0,
        max_value=SESSIONS_MAX,
        widget=_number_input("numeric"),
        error_messages={
            "invalid": _(
                "Enter the top-up sessions in the first year as a whole number, such as 2."
            ),
            "min_value": format_lazy(FIRST_YEAR_TOP_UP_RANGE, max=SESSIONS_MAX),
            "max_value": format_lazy(FIRST_YEAR_TOP_UP_RANGE, max=SESSIONS_MAX),
        },
    )
    maintenance_per_year = forms.IntegerField(
        label=_("Top-up sessions each year after that"),
        min_value=0,
        max_value=SESSIONS_MAX,
        widget=_number_input("numeric"),
        error_messages={
            "required": _("Enter how many top-up sessions a year, such as 4, or 0 for none."),
            "invalid": _("Enter the top-up sessions as a whole number, such as 4."),
            "min_value": format_lazy(TOP_UP_RANGE, max=SESSIONS_MAX),
            "max_value": format_lazy(TOP_UP_RANGE, max=SESSIONS_MAX),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["price_per_session"].label = gettext("Price of one session (%(currency)s)") % {
            "currency": settings.CURRENCY
        }
        self.fields["price_per_session"].help_text = gettext(
            "The price in your clinic's written quote. We do not fill in a price for you."
        )

    @classmethod
    def initial_from(cls, saved: dict[str, Any]) -> dict[str, Any]:
        if saved:
            return dict(saved)
        default = selectors.cost_default()
        if default is None:
            return {}
        # Course lengths come from studies and clinics; the price is left for the person's own
        # quote, so an example price is never shown back to them as their cost.
        return {
            "first_course_sessions": default.first_course_sessions,
            "first_year_top_ups": 0,
            "maintenance_per_year": default.maintenance_sessions_per_year,
        }

    def answers_from(self, data: dict[str, Any]) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        if data.get("price_per_session") is not None:
            answers["price_per_session"] = str(data["price_per_session"].quantize(Decimal("0.01")))
        for key in ("first_course_sessions", "maintenance_per_year"):
            if data.get(key) is not None:
                answers[key] = int(data[key])
        # Kept only when used, so the answer shape is unchanged for people who leave it blank.
        if data.get("first_year_top_ups"):
            answers["first_year_top_ups"] = int(data["first_year_top_ups"])
        return answers


class ValuesForm(StepForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.statements = selectors.value_statements()
        for statement in self.statements:
            message = gettext("Choose how much “%(label)s” matters to you, from 1 to 5.") % {
                "label": statement.short_label
            }
            self.fields[f"rating_{statement.slug}"] = _radio(
                statement.statement, RATING_CHOICES, required=True, message=message
            )
        self.helper.layout = Layout(*(InlineRadios(name) for name in self.fields))

    @classmethod
    def initial_from(cls, saved: dict[str, Any]) -> dict[str, Any]:
        return {f"rating_{slug}": str(value) for slug, value in saved.get("ratings", {}).items()}

    def answers_from(self, data: dict[str, Any]) -> dict[str, Any]:
        ratings = {
            statement.slug: int(data[f"rating_{statement.slug}"])
            for statement in self.statements
            if data.get(f"rating_{statement.slug}")
        }
        return {"ratings": ratings}


class UnderstandingForm(StepForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = selectors.quiz_items()
        for number, item in enumerate(self.items, start=1):
            self.fields[f"quiz_{item.slug}"] = _radio(
                f"{number}. {item.statement}",
                QUIZ_CHOICES,
                required=True,
                message=gettext("Choose true, false or not sure for statement %(number)s.")
                % {"number": number},
            )
        self.helper.layout = Layout(*(InlineRadios(name) for name in self.fields))

    @classmethod
    def initial_from(cls, saved: dict[str, Any]) -> dict[str, Any]:
        return {f"quiz_{slug}": value for slug, value in saved.get("responses", {}).items()}

    def answers_from(self, data: dict[str, Any]) -> dict[str, Any]:
        responses = {
            item.slug: data[f"quiz_{item.slug}"]
            for item in self.items
            if data.get(f"quiz_{item.slug}")
        }
        return {"responses": responses}


def split_own_questions(text: str) -> list[str]:
    """One question per non-empty line, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class QuestionsForm(StepForm):
    own = forms.CharField(
        label=_("Your own questions (optional)"),
        help_text=format_lazy(
            _(
                "Write up to {count} questions, each on its own line. "
                "Keep each one to {length} characters or fewer."
            ),
            count=MAX_OWN_QUESTIONS,
            length=MAX_OWN_QUESTION_LENGTH,
        ),
        required=False,
        max_length=(MAX_OWN_QUESTION_LENGTH + 2) * (MAX_OWN_QUESTIONS + 1),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": format_lazy(
                _(
                    "Your questions are too long. Write up to {count} questions of "
                    "{length} characters or fewer."
                ),
                count=MAX_OWN_QUESTIONS,
                length=MAX_OWN_QUESTION_LENGTH,
            )
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.themes = [theme for theme in selectors.question_themes() if theme.questions.all()]
        theme_fields = {}
        for theme in self.themes:
            theme_fields[f"theme_{theme.slug}"] = forms.MultipleChoiceField(
                label=theme.name,
                choices=[(q.slug, q.text) for q in theme.questions.all()],
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        # The bank comes first on the page, the person's own questions last.
        self.fields = {**theme_fields, "own": self.fields["own"]}

    @classmethod
    def initial_from(cls, saved: dict[str, Any]) -> dict[str, Any]:
        selected = set(
            saved["selected"] if "selected" in saved else selectors.default_question_slugs()
        )
        initial: dict[str, Any] = {}
        for question in selectors.questions():
            if question.slug in selected:
                initial.setdefault(f"theme_{question.theme.slug}", []).append(question.slug)
        initial["own"] = "\n".join(saved.get("own", []))
        return initial

    def clean_own(self) -> list[str]:
        questions = split_own_questions(self.cleaned_data.get("own", ""))
        if len(questions) > MAX_OWN_QUESTIONS:
            raise forms.ValidationError(
                gettext(
                    "You can add up to %(max)s questions of your own. You wrote %(count)s. "
                    "Remove %(extra)s or put two together."
                )
                % {
                    "max": MAX_OWN_QUESTIONS,
                    "count": len(questions),
                    "extra": len(questions) - MAX_OWN_QUESTIONS,
                }
            )
        for number, question in enumerate(questions, start=1):
            if len(question) > MAX_OWN_QUESTION_LENGTH:
                raise forms.ValidationError(
                    gettext(
                        "Question %(number)s has %(count)s characters. "
                        "Make it %(max)s characters or fewer."
                    )
                    % {"number": number, "count": len(question), "max": MAX_OWN_QUESTION_LENGTH}
                )
        return questions

    def answers_from(self, data: dict[str, Any]) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        theme_keys = [f"theme_{theme.slug}" for theme in self.themes]
        if all(key in data for key in theme_keys):
            answers["selected"] = [slug for key in theme_keys for slug in data[key]]
        if "own" in data:
            answers["own"] = list(data["own"])
        return answers


class SureForm(StepForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, (key, text) in enumerate(SURE_ITEMS, start=1):
            self.fields[key] = _radio(
                gettext(text),
                YES_NO_CHOICES,
                required=True,
                message=gettext("Choose yes or no for question %(number)s.") % {"number": number},
            )
        # The leaning questions have no right answer and are never required.
        self.fields["leaning"] = _radio(
            gettext("Which option are you leaning towards now?"),
            [(option.slug, option.name) for option in selectors.options()] + [NOT_SURE_YET],
            required=False,
            message=gettext("Choose one of the options, or I am not sure yet."),
        )
        self.fields["helps"] = forms.MultipleChoiceField(
            label=gettext("What would help you decide?"),
            help_text=gettext("Tick all that apply."),
            choices=HELP_CHOICES,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": gettext("Choose from the things listed.")},
        )
        self.helper.layout = Layout(
            *(InlineRadios(key) for key, _ in SURE_ITEMS), "leaning", "helps"
        )

    def answers_from(self, data: dict[str, Any]) -> dict[str, Any]:
        answers: dict[str, Any] = {key: data[key] for key, _ in SURE_ITEMS if data.get(key)}
        if data.get("leaning"):
            answers["leaning"] = data["leaning"]
        if data.get("helps"):
            answers["helps"] = list(data["helps"])
        return answers


class UnboundForm:
    """A step's form on a GET, before anyone needs more of it than its class and initial answers.

    The form's HTML usually comes from the cache (`step_form`), and building a Django form
    deep-copies every field and its choices: about half a millisecond a page for nothing. Any
    other attribute builds the real form once and reads it from there.
    """

    is_bound = False

    def __init__(self, form_class: type[StepForm], initial: dict[str, Any]) -> None:
        self.form_class = form_class
        self.initial = initial

    @property
    def errors(self) -> dict:
        return {}

    @cached_property
    def built(self) -> StepForm:
        return self.form_class(initial=self.initial)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.built, name)


def typed_field_names(form_class: type[StepForm]) -> list[str]:
    """Fields a person fills in by typing (text, numbers), as opposed to picking from a list.

    Read from the class: fields added in __init__ are all picked from lists
    (tests/test_guide_form_cache.py checks that)."""
    return [
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field.widget, forms.Textarea | forms.TextInput | forms.NumberInput)
    ]


def shown_value(form_class: type[StepForm], initial: dict[str, Any], name: str) -> str | None:
    """A typed field's initial value exactly as its widget writes it into the HTML (escaped), or
    None when the widget would write no value at all; what BoundField.value() gives unbound."""
    field = form_class.base_fields[name]
    value = initial.get(name, field.initial)
    value = field.widget.format_value(field.prepare_value(value() if callable(value) else value))
    return None if value in (None, "") else str(conditional_escape(str(value)))
