"""The interface's translations: every string in the code is in each .po, translated, not fuzzy,
with the same placeholders, and the compiled catalogue is the one Django uses."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}|<[^>]+>")


def entries(po: Path) -> list[dict]:
    """Every entry but the header, read the way gettext reads them; a plural entry's forms are
    in "forms" (msgstr[0], msgstr[1], ...) and "msgstr" is its first form."""
    found = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"flags": "", "msgid": "", "msgstr": "", "plural": False, "forms": []}
        field = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += line
            elif line.startswith("msgid_plural"):
                entry["plural"] = True
                field = None
            elif match := re.match(r'^(msgid|msgstr|msgstr\[(\d+)\]) "(.*)"$', line):
                if match.group(1) == "msgid":
                    field = "msgid"
                    entry["msgid"] += match.group(3)
                elif match.group(2) is not None:
                    entry["forms"].append(match.group(3))
                    field = "form"
                else:
                    field = "msgstr"
                    entry["msgstr"] += match.group(3)
            elif line.startswith('"') and field == "form":
                entry["forms"][-1] += line[1:-1]
            elif line.startswith('"') and field:
                entry[field] += line[1:-1]
        if entry["plural"]:
            entry["msgstr"] = entry["forms"][0] if all(entry["forms"]) else ""
        if entry["msgid"]:
            found.append(entry)
    return found


def catalogues() -> list[tuple[str, Path]]:
    return [
        (code, ROOT / "locale" / code / "LC_MESSAGES" / "django.po")
        for code, _ in settings.LANGUAGES
        if code != "en"
    ]


@pytest.mark.parametrize(("code", "po"), catalogues())
def test_every_interface_string_is_translated_and_none_is_fuzzy(code, po):
    found = entries(po)
    assert len(found) > 300, "the catalogue looks empty: run make makemessages"
    untranslated = [e["msgid"] for e in found if not e["msgstr"]]
    fuzzy = [e["msgid"] for e in found if "fuzzy" in e["flags"]]
    assert not untranslated, f"{len(untranslated)} untranslated in {code}: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {code}: {fuzzy[:10]}"
    plurals = [e for e in found if e["plural"]]
    assert all(len(e["forms"]) >= 2 and all(e["forms"]) for e in plurals), plurals


@pytest.mark.parametrize(("code", "po"), catalogues())
def test_translations_keep_every_placeholder_and_tag(code, po):
    wrong = [
        (e["msgid"], e["msgstr"])
        for e in entries(po)
        if sorted(PLACEHOLDER.findall(e["msgid"])) != sorted(PLACEHOLDER.findall(e["msgstr"]))
    ]
    assert not wrong, wrong


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_the_catalogues_hold_exactly_the_strings_the_code_and_templates_mark(tmp_path):
    # makemessages in a copy of the code: nothing marked may be missing, nothing left over.
    for name in ("decisionaid", "templates", "locale"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--all",
            "--extension=html,txt,py,css",
            "--no-obsolete",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    for code, po in catalogues():
        ours = {e["msgid"] for e in entries(po)}
        made = {e["msgid"] for e in entries(tmp_path / po.relative_to(ROOT))}
        assert made - ours == set(), f"not in the {code} catalogue: run make makemessages"
        assert ours - made == set(), f"no longer used, still in the {code} catalogue"


def test_spanish_is_what_django_serves_for_es():
    with translation.override("es"):
        assert translation.gettext("Save and go to the next step") == (
            "Guardar e ir al paso siguiente"
        )
    with translation.override("en"):
        assert translation.gettext("Save and go to the next step") == (
            "Save and go to the next step"
        )
