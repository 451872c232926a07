"""Reading translated content: the active language's text, or the English one, visibly marked.

django-modeltranslation gives each translated field a column per language and a descriptor that
falls back to English when the active language's column is empty. A person reading Spanish must
see that a text is in English, so the fallback here comes back as InEnglish: the English words
followed by "(in English)" in the active language, tagged lang="en" where it is shown as is.
Saving and validating read the plain value, so no marker is ever stored or length-checked.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname, get_language

ORIGINAL_LANGUAGE = "en"

_plain = ContextVar("content_plain_values", default=False)


class InEnglish(str):
    """English text standing in for a missing translation; str() carries the marker too."""

    english: str
    marker: str

    def __new__(cls, english: str, marker: str) -> "InEnglish":
        value = super().__new__(cls, f"{english} {marker}")
        value.english = english
        value.marker = marker
        return value

    def __html__(self) -> SafeString:
        return format_html(
            '<span lang="en">{}</span> <span class="in-english">{}</span>',
            self.english,
            self.marker,
        )


@contextmanager
def plain_values() -> Iterator[None]:
    """Read fields without the marker: for saving, validating and exporting."""
    token = _plain.set(True)
    try:
        yield
    finally:
        _plain.reset(token)


class MarkedFallbackDescriptor(TranslationFieldDescriptor):
    """The active language's column, else the English one marked; read straight from the row.

    A guide page reads about eighty content fields, so this avoids modeltranslation's general
    resolution (several language lookups and descriptor calls per field) for the common case.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._columns: dict[str, str] = {}

    def __get__(self, instance, owner):
        if instance is None:
            return self
        language = get_language()
        values = instance.__dict__
        own_name = self._columns.get(language)
        if own_name is None:
            own_name = self._columns[language] = build_localized_fieldname(
                self.field.name, language
            )
        own = values[own_name] if own_name in values else getattr(instance, own_name, None)
        if own or language == ORIGINAL_LANGUAGE:
            return own if own is not None else super().__get__(instance, owner)
        english = super().__get__(instance, owner)
        if not english or _plain.get():
            return english
        return InEnglish(english, gettext("(in English)"))


def mark_fallbacks() -> None:
    """Swap modeltranslation's descriptors for marking ones on every registered model."""
    for model in translator.get_registered_models(abstract=False):
        for name in translator.get_options_for_model(model).fields:
            current = model.__dict__.get(name)
            if isinstance(current, TranslationFieldDescriptor) and not isinstance(
                current, MarkedFallbackDescriptor
            ):
                setattr(
                    model,
                    name,
                    MarkedFallbackDescriptor(
                        current.field,
                        fallback_languages=current.fallback_languages,
                        fallback_value=current.fallback_value,
                        fallback_undefined=current.fallback_undefined,
                    ),
                )


def translated_fields(model: type) -> tuple[str, ...]:
    """The fields of a content model that have one column per language; () if it has none."""
    if model not in translator.get_registered_models(abstract=False):
        return ()
    return tuple(sorted(translator.get_options_for_model(model).fields))


def language_columns(name: str) -> list[str]:
    """The per-language column names of one translated field."""
    return [build_localized_fieldname(name, code) for code, _ in settings.LANGUAGES]


@contextmanager
def in_original_language() -> Iterator[None]:
    """English active and no markers: how fixtures are read and written.

    A fixture's `title` is the English text and `title_es` the Spanish; modeltranslation files a
    bare `title` under the active language, so loading under a Spanish default would misfile it.
    """
    with translation.override(ORIGINAL_LANGUAGE), plain_values():
        yield


def fixture_field_names(models: list[type]) -> list[str]:
    """Every field name a content fixture holds: the English under the field's own name."""
    names: set[str] = set()
    for model in models:
        english_columns = {
            build_localized_fieldname(name, ORIGINAL_LANGUAGE) for name in translated_fields(model)
        }
        names.update(
            field.name
            for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
            if field.name not in english_columns
        )
    return sorted(names)
