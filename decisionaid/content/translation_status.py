"""What is untranslated, or translated from an older English text, for the admin's to-do list."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models as db_models
from django.db.models.signals import post_delete, pre_save
from modeltranslation.utils import build_localized_fieldname

from .bilingual import ORIGINAL_LANGUAGE, translated_fields
from .fingerprint import content_models
from .models import TranslationRecord


def other_languages() -> list[str]:
    return [code for code, _ in settings.LANGUAGES if code != ORIGINAL_LANGUAGE]


def english_sha256(text: str | None) -> str:
    return hashlib.sha256((text or "").encode()).hexdigest()


def _record_translations(sender: type[db_models.Model], instance, **kwargs) -> None:
    fields = translated_fields(sender)
    if not fields:
        return
    before = None
    if instance.pk is not None:
        before = (
            sender._default_manager.filter(pk=instance.pk)
            .values(
                *(
                    build_localized_fieldname(name, code)
                    for name in fields
                    for code in other_languages()
                )
            )
            .first()
        )
    # The row may be new (no primary key yet); its records are written after the save.
    instance._translation_changes = [
        (name, code)
        for name in fields
        for code in other_languages()
        if before is None
        or (before[build_localized_fieldname(name, code)] or "")
        != (getattr(instance, build_localized_fieldname(name, code)) or "")
    ]


def _store_records(sender: type[db_models.Model], instance, **kwargs) -> None:
    changes = getattr(instance, "_translation_changes", None)
    if not changes:
        return
    content_type = ContentType.objects.get_for_model(sender)
    for name, code in changes:
        key = {"content_type": content_type, "object_id": instance.pk, "field": name}
        if getattr(instance, build_localized_fieldname(name, code)):
            TranslationRecord.objects.update_or_create(
                **key,
                language=code,
                defaults={
                    "english_sha256": english_sha256(
                        getattr(instance, build_localized_fieldname(name, ORIGINAL_LANGUAGE))
                    )
                },
            )
        else:
            TranslationRecord.objects.filter(**key, language=code).delete()
    instance._translation_changes = []


def _forget_records(sender: type[db_models.Model], instance, **kwargs) -> None:
    TranslationRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


def connect() -> None:
    from django.db.models.signals import post_save

    for model in content_models():
        if translated_fields(model):
            uid = f"translations-{model.__name__}"
            pre_save.connect(_record_translations, sender=model, dispatch_uid=uid)
            post_save.connect(_store_records, sender=model, dispatch_uid=uid)
            post_delete.connect(_forget_records, sender=model, dispatch_uid=uid)


@dataclass(frozen=True)
class ToDo:
    row: db_models.Model
    field: str
    language: str
    status: str  # "missing" or "outdated"

    @property
    def model_name(self) -> str:
        return self.row._meta.verbose_name

    @property
    def field_label(self) -> str:
        return self.row._meta.get_field(self.field).verbose_name


def translation_to_do() -> list[ToDo]:
    """Every translated field with English text and no translation, or one from older English."""
    found: list[ToDo] = []
    for model in content_models():
        fields = translated_fields(model)
        if not fields:
            continue
        content_type = ContentType.objects.get_for_model(model)
        records = {
            (r.object_id, r.field, r.language): r.english_sha256
            for r in TranslationRecord.objects.filter(content_type=content_type)
        }
        for row in model._default_manager.all():
            for name in fields:
                english = getattr(row, build_localized_fieldname(name, ORIGINAL_LANGUAGE))
                if not english:
                    continue
                for code in other_languages():
                    if not getattr(row, build_localized_fieldname(name, code)):
                        found.append(ToDo(row, name, code, "missing"))
                    elif records.get((row.pk, name, code)) != english_sha256(english):
                        found.append(ToDo(row, name, code, "outdated"))
    return found
