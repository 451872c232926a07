"""Write all content, the release included, to one reviewable JSON fixture file."""

import os
import tempfile
from itertools import chain
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.base import BaseCommand
from django.db import models

from decisionaid.content.bilingual import fixture_field_names, in_original_language


def content_models_in_order() -> list[type[models.Model]]:
    """Every model of the content app, each after the models its natural keys point at."""
    app_config = apps.get_app_config("content")
    # Translation records are bookkeeping about this database's edits, not content.
    content = [m for m in app_config.get_models() if m.__name__ != "TranslationRecord"]
    return serializers.sort_dependencies([(app_config, content)])


def content_rows(model: type[models.Model]) -> models.QuerySet:
    # Primary-key order is creation order: the order the content fingerprint hashes rows in, and
    # the order an import recreates them in, so an export of an import is byte-identical.
    rows = model._default_manager.order_by("pk")
    related = [f.name for f in model._meta.concrete_fields if f.is_relation]
    if related:
        rows = rows.select_related(*related)
    many = [f.name for f in model._meta.many_to_many]
    if many:
        rows = rows.prefetch_related(*many)
    return rows


def serialize_content() -> str:
    """The whole content as JSON with natural keys and no primary keys, ending in a newline."""
    content_models = content_models_in_order()
    rows = chain.from_iterable(content_rows(model) for model in content_models)
    with in_original_language():
        text = serializers.serialize(
            "json",
            rows,
            indent=1,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
            fields=fixture_field_names(content_models),
        )
    return text + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step, so a failed export never leaves half a fixture behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = (
        "Write every content row, the release included, to one JSON fixture file "
        "(natural keys, no primary keys, stable order) for review and import_content."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            "-o",
            default="-",
            help="File to write; '-' (the default) writes to standard output.",
        )

    def handle(self, *args, **options) -> None:
        text = serialize_content()
        if options["output"] == "-":
            self.stdout.write(text, ending="")
            return
        path = Path(options["output"])
        write_atomically(path, text)
        if options["verbosity"] >= 1:
            self.stdout.write(f"Content written to {path}")
