"""Load one content fixture file (as export_content writes it) and refresh the fingerprint."""

from collections import Counter
from pathlib import Path

from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, models, transaction
from django.db.models import ProtectedError, RestrictedError

from decisionaid.content.bilingual import in_original_language
from decisionaid.content.services import refresh_release

from .export_content import content_models_in_order

MAX_ERRORS_SHOWN = 20


def describe(instance: models.Model) -> str:
    key = instance.natural_key() if hasattr(instance, "natural_key") else (instance.pk,)
    return f"{instance._meta.label_lower} {'/'.join(str(part) for part in key)}"


def clear_content(content_models: list[type[models.Model]]) -> None:
    for model in reversed(content_models):
        model._default_manager.all().delete()


class Command(BaseCommand):
    help = (
        "Load a content fixture file written by export_content, in one transaction, then refresh "
        "the content fingerprint. Rows are matched by natural key: existing ones are updated."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="The JSON fixture file to load.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete all content first, so the database holds exactly what the file holds.",
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error

        content_models = content_models_in_order()
        try:
            with transaction.atomic(), in_original_language():
                if options["replace"]:
                    clear_content(content_models)
                counts = self.load(text, set(content_models))
                self.reset_sequences(content_models)
                release = refresh_release(bump=False)
        except (ProtectedError, RestrictedError) as error:
            raise CommandError(
                f"Cannot replace content that other rows still use: {error}"
            ) from error
        except DeserializationError as error:
            raise CommandError(f"{path} is not a valid content fixture: {error}") from error
        except DatabaseError as error:
            raise CommandError(
                f"The database refused {path}; nothing was changed: {error}"
            ) from error

        if options["verbosity"] >= 1:
            summary = ", ".join(f"{n} {label}" for label, n in sorted(counts.items()))
            self.stdout.write(f"Imported {sum(counts.values())} rows from {path} ({summary}).")
            if release is not None:
                self.stdout.write(f"Content {release.label}, fingerprint {release.fingerprint}")

    def load(self, text: str, allowed: set[type[models.Model]]) -> Counter:
        counts: Counter = Counter()
        errors: list[str] = []
        deferred = []
        for item in serializers.deserialize("json", text, handle_forward_references=True):
            instance = item.object
            if type(instance) not in allowed:
                # A content file must never be able to create users or touch other apps.
                raise CommandError(f"{instance._meta.label} is not content; refusing the file.")
            try:
                instance.full_clean(
                    exclude=[field.name for field in item.deferred_fields or {}],
                    validate_unique=False,
                    validate_constraints=False,
                )
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    errors.extend(f"{describe(instance)}: {field}: {m}" for m in messages)
                continue
            item.save()
            if item.deferred_fields:
                deferred.append(item)
            counts[instance._meta.label_lower] += 1
        if errors:
            shown = "\n".join(errors[:MAX_ERRORS_SHOWN])
            more = len(errors) - MAX_ERRORS_SHOWN
            tail = f"\n... and {more} more" if more > 0 else ""
            raise CommandError(f"The file has invalid content; nothing was changed:\n{shown}{tail}")
        for item in deferred:
            item.save_deferred_fields()
        return counts

    def reset_sequences(self, content_models: list[type[models.Model]]) -> None:
        # A file with explicit primary keys would leave PostgreSQL's id sequences behind them.
        statements = connection.ops.sequence_reset_sql(no_style(), content_models)
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
