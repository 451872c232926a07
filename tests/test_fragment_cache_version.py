"""Rendered fragments are kept under a key prefix that follows the templates, translations and
code, so hosts sharing a cache (Redis) never serve markup made by an older release."""

import pickle
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.test import Client
from django.urls import reverse

from decisionaid.lib.sourceversion import source_version

pytestmark = pytest.mark.django_db

SITUATION = reverse("guide:step", kwargs={"slug": "situation"})


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def copy_of_sources(base: Path, into: Path) -> Path:
    for folder in ("templates", "locale"):
        shutil.copytree(base / folder, into / folder)
    shutil.copytree(
        base / "decisionaid", into / "decisionaid", ignore=shutil.ignore_patterns("*.pyc")
    )
    return into


def test_the_version_changes_with_a_template_a_translation_or_the_code(tmp_path):
    copy = copy_of_sources(settings.BASE_DIR, tmp_path / "release")
    first = source_version(copy)
    assert first == source_version(copy), "the same files give the same version"
    assert first == source_version(settings.BASE_DIR)

    template = copy / "templates" / "base.html"
    template.write_text(template.read_text().replace("<main", "<main data-new", 1))
    second = source_version(copy)
    assert second != first

    catalogue = copy / "locale" / "es" / "LC_MESSAGES" / "django.po"
    catalogue.write_text(catalogue.read_text() + "\n")
    third = source_version(copy)
    assert third != second

    steps = copy / "decisionaid" / "guide" / "steps.py"
    steps.write_text(steps.read_text() + "\n")
    assert source_version(copy) != third


def test_compiled_files_do_not_change_the_version(tmp_path):
    copy = copy_of_sources(settings.BASE_DIR, tmp_path / "release")
    before = source_version(copy)
    cached = copy / "decisionaid" / "__pycache__"
    cached.mkdir(exist_ok=True)
    (cached / "settings.cpython-311.pyc").write_bytes(b"compiled")
    assert source_version(copy) == before


def test_page_fragments_and_step_forms_are_kept_under_the_versioned_prefix():
    prefix = settings.CACHES["template_fragments"]["KEY_PREFIX"]
    assert prefix.endswith(settings.SOURCE_VERSION)
    assert Client().get(SITUATION).status_code == 200

    fragments = caches["template_fragments"]
    stored = list(fragments._cache)  # LocMem: the full keys, prefix included
    assert any(":step-form:" in key for key in stored)
    assert any("template.cache.shell-step" in key for key in stored)
    assert any("template.cache.chrome-head" in key for key in stored)
    for key in stored:
        if "template.cache." in key or "step-form" in key:
            assert key.startswith(prefix + ":"), key


def test_a_host_on_another_release_of_the_code_never_serves_its_fragments(settings):
    """Markup cached by an older release of the code, in the same shared cache, is not served."""
    old_prefix = ":fragments:000000000000"
    fragments_setting = settings.CACHES["template_fragments"]
    settings.CACHES = {
        **settings.CACHES,
        "template_fragments": {**fragments_setting, "KEY_PREFIX": old_prefix},
    }
    Client().get(SITUATION)
    store = caches["template_fragments"]
    marker = pickle.dumps("<p>OLD-RELEASE-MARKUP</p>", pickle.HIGHEST_PROTOCOL)
    poisoned = [key for key in store._cache if key.startswith(old_prefix + ":")]
    assert poisoned
    for key in poisoned:
        store._cache[key] = marker
    assert "OLD-RELEASE-MARKUP" in Client().get(SITUATION).content.decode()

    settings.CACHES = {**settings.CACHES, "template_fragments": fragments_setting}
    page = Client().get(SITUATION).content.decode()
    assert "OLD-RELEASE-MARKUP" not in page
    assert 'class="step-nav"' in page
