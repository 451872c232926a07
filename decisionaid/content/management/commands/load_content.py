"""Load the content fixtures and refresh the fingerprint; safe to run any number of times."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from decisionaid.content.bilingual import in_original_language
from decisionaid.content.services import refresh_release

# Loaded first because everything else cites sources; the rest resolve in any order.
FIRST = ["sources.json", "options.json"]


def content_fixture_paths() -> list[str]:
    paths = sorted((settings.BASE_DIR / "fixtures" / "content").glob("*.json"))
    paths.sort(key=lambda p: (FIRST.index(p.name) if p.name in FIRST else len(FIRST), p.name))
    return [str(p) for p in paths]


class Command(BaseCommand):
    help = "Load fixtures/content/*.json into the database and refresh the content fingerprint."

    def handle(self, *args, **options) -> None:
        with in_original_language():
            call_command("loaddata", *content_fixture_paths(), verbosity=options["verbosity"])
        release = refresh_release(bump=False)
        if release is not None:
            self.stdout.write(f"Content {release.label}, fingerprint {release.fingerprint}")
