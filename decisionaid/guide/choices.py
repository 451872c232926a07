"""Fixed answer choices of the guide's forms, shared by the forms, the summary and the checklist."""

DIAGNOSED_CHOICES = [
    ("yes", "Yes"),
    ("no", "No"),
    ("not_sure", "I am not sure"),
]
DURATION_CHOICES = [
    ("under_1", "Less than 1 year"),
    ("1_to_5", "1 to 5 years"),
    ("over_5", "More than 5 years"),
]
WARNING_SIGN_CHOICES = [
    ("sudden", "My hair fell out suddenly or very fast"),
    ("patchy", "I have round or patchy bald spots"),
    (
        "other_symptoms",
        "I have other symptoms, such as a sore, itchy or scaly scalp, or I feel unwell",
    ),
]
# The personal-fit questions: only what changes which suitability notes a person sees.
PREFER_NOT = ("prefer_not", "I prefer not to say")
SEX_CHOICES = [("female", "Female"), ("male", "Male"), PREFER_NOT]
PREGNANCY_CHOICES = [("yes", "Yes"), ("no", "No"), PREFER_NOT]
AGE_CHOICES = [
    ("under_18", "Under 18"),
    ("18_to_39", "18 to 39"),
    ("40_to_64", "40 to 64"),
    ("65_plus", "65 or older"),
    PREFER_NOT,
]
HEART_CHOICES = [("yes", "Yes"), ("no", "No"), ("not_sure", "I am not sure"), PREFER_NOT]
NOT_SURE_YET = ("not_sure_yet", "I am not sure yet")
HELP_CHOICES = [
    ("more_information", "More information"),
    ("talk_doctor", "Talking to my doctor"),
    ("talk_family", "Talking to family or friends"),
    ("time", "More time"),
    ("nothing", "Nothing, I am ready"),
]
QUIZ_CHOICES = [
    ("true", "True"),
    ("false", "False"),
    ("not_sure", "Not sure"),
]
YES_NO_CHOICES = [("yes", "Yes"), ("no", "No")]
RATING_CHOICES = [
    ("1", "1 (not important)"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", "5 (very important)"),
]

MAX_OWN_QUESTIONS = 5
MAX_OWN_QUESTION_LENGTH = 300


def label_for(choices: list[tuple[str, str]], value: str) -> str:
    """The words shown for a stored choice, or an empty string for an unknown one."""
    return dict(choices).get(value, "")
