"""Fixed answer choices of the guide's forms, shared by the forms, the summary and the checklist."""

from typing import Any

from django.utils.translation import gettext_lazy as _

DIAGNOSED_CHOICES = [
    ("yes", _("Yes")),
    ("no", _("No")),
    ("not_sure", _("I am not sure")),
]
DURATION_CHOICES = [
    ("under_1", _("Less than 1 year")),
    ("1_to_5", _("1 to 5 years")),
    ("over_5", _("More than 5 years")),
]
WARNING_SIGN_CHOICES = [
    ("sudden", _("My hair fell out suddenly or very fast")),
    ("patchy", _("I have round or patchy bald spots")),
    (
        "other_symptoms",
        _("I have other symptoms, such as a sore, itchy or scaly scalp, or I feel unwell"),
    ),
]
# The personal-fit questions: only what changes which suitability notes a person sees.
PREFER_NOT = ("prefer_not", _("I prefer not to say"))
SEX_CHOICES = [("female", _("Female")), ("male", _("Male")), PREFER_NOT]
PREGNANCY_CHOICES = [("yes", _("Yes")), ("no", _("No")), PREFER_NOT]
AGE_CHOICES = [
    ("under_18", _("Under 18")),
    ("18_to_39", _("18 to 39")),
    ("40_to_64", _("40 to 64")),
    ("65_plus", _("65 or older")),
    PREFER_NOT,
]
HEART_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("not_sure", _("I am not sure")), PREFER_NOT]
NOT_SURE_YET = ("not_sure_yet", _("I am not sure yet"))
HELP_CHOICES = [
    ("more_information", _("More information")),
    ("talk_doctor", _("Talking to my doctor")),
    ("talk_family", _("Talking to family or friends")),
    ("time", _("More time")),
    ("nothing", _("Nothing, I am ready")),
]
QUIZ_CHOICES = [
    ("true", _("True")),
    ("false", _("False")),
    ("not_sure", _("Not sure")),
]
YES_NO_CHOICES = [("yes", _("Yes")), ("no", _("No"))]
RATING_CHOICES = [
    ("1", _("1 (not important)")),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", _("5 (very important)")),
]

MAX_OWN_QUESTIONS = 5
MAX_OWN_QUESTION_LENGTH = 300


def label_for(choices: list[tuple[str, Any]], value: str) -> str:
    """The words shown for a stored choice, or an empty string for an unknown one."""
    return str(dict(choices).get(value, ""))
