"""One anonymous questionnaire answer per row, holding nothing that could point at a person."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .instrument import ITEMS

_ITEMS = {item.key: item for item in ITEMS}


def _answer(key: str) -> models.PositiveSmallIntegerField:
    item = _ITEMS[key]
    return models.PositiveSmallIntegerField(
        null=True, blank=True, choices=item.choices, verbose_name=item.text
    )


class Response(models.Model):
    """A submitted questionnaire.

    No session key, address, user agent, time of day or free text: only the answers, the week,
    the content version, the language and the mode. The key is random, so the order of rows does
    not give away the order in which people sat at a kiosk.
    """

    class Mode(models.TextChoices):
        HOME = "home", _("Home")
        KIOSK = "kiosk", _("Kiosk")

    class Language(models.TextChoices):
        EN = "en", "English"
        ES = "es", "Español"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    week = models.DateField(help_text="The Monday of the week it was sent; never the day.")
    content_version = models.CharField(max_length=30)
    language = models.CharField(max_length=8, choices=Language.choices)
    mode = models.CharField(max_length=5, choices=Mode.choices)

    prep_choices = _answer("prep_choices")
    prep_weigh = _answer("prep_weigh")
    prep_matters = _answer("prep_matters")
    prep_questions = _answer("prep_questions")
    prep_talk = _answer("prep_talk")
    prep_ready = _answer("prep_ready")
    length = _answer("length")
    amount = _answer("amount")
    balance = _answer("balance")
    clarity = _answer("clarity")
    recommend = _answer("recommend")

    sure_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="SURE: how many of the four questions were yes (0-4)."
    )
    quiz_correct = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How many understanding questions were answered right."
    )

    class Meta:
        default_permissions = ()
        permissions = [("view_field_test", "Can view field test")]
        ordering = ["week", "content_version", "mode", "id"]
        verbose_name = "field-test response"

    def __str__(self) -> str:
        return f"Week of {self.week:%d %b %Y}, {self.content_version}, {self.mode}"
