"""Each reference ends with one full stop and gives its year once, on the sources page, the
checklist page and the checklist PDF alike."""

import io
import re

import pytest
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from decisionaid.content.models import Source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("citation", "year", "shown"),
    [
        ("Wimpole Clinic (UK). Hair mesotherapy. Clinic blog.", None, "Clinic blog."),
        ("Gajjar PC, et al. Int J Trichology. 2019;11:58-67. Abstract.", 2019, "Abstract."),
        ("Gajjar PC, et al. Int J Trichology. Abstract.", 2019, "Abstract. (2019)."),
        ("US FDA. Propecia drug label", None, "drug label."),
        ("US FDA. Propecia drug label", 2023, "drug label (2023)."),
    ],
)
def test_the_year_is_given_once_and_the_reference_ends_with_one_full_stop(citation, year, shown):
    source = Source(citation=citation, year=year)
    assert (source.citation + source.year_suffix + source.end_stop).endswith(shown)


def references(text: str) -> list[str]:
    return re.findall(r"\S+\.\.(?!\.)", text)


def test_no_reference_ends_with_two_full_stops_anywhere_it_is_listed(client):
    undated = Source.objects.filter(year__isnull=True, citation__endswith=".").first()
    dated = next(s for s in Source.objects.exclude(year=None) if str(s.year) in s.citation)
    assert undated and dated, "the fixtures no longer have the cases this test reads"

    sources_page = client.get(reverse("pages:sources")).content.decode()
    checklist_page = client.get(reverse("checklist:page")).content.decode()
    response = client.get(reverse("checklist:pdf"))
    assert response.status_code == 200
    pdf_text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )

    assert escape(undated.citation) + "</cite>\n" in sources_page
    assert escape(dated.citation) + "</cite>\n" in sources_page
    for shown in (sources_page, checklist_page, pdf_text):
        assert references(shown) == []
