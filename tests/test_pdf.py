"""The checklist PDF, read back with pypdf: the person's text, fonts, tags, paper, and no leaks."""

import html
import io
import re
import shutil
import subprocess
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from decisionaid.checklist import fetcher as fetcher_module
from decisionaid.checklist import services
from decisionaid.checklist.fetcher import PDF_ORIGIN, StaticFileFetcher
from decisionaid.checklist.pdf import PDF_ELEMENTS, render_pdf
from decisionaid.content import selectors
from decisionaid.guide.answers import Answers

pytestmark = pytest.mark.django_db

ARABIC = "هل الحقن آمنة لشعري"
CHINESE = "这种注射对我的头发安全吗"
LITERAL_HTML = "Is <b>tags</b> & more safe?"
INJECTIONS = [
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/passwd">',
    '<a rel="attachment" href="file:///etc/passwd">x</a>',
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fetched(monkeypatch) -> list[str]:
    """Every URL WeasyPrint asks the fetcher for during the test."""
    urls: list[str] = []
    original = StaticFileFetcher.fetch

    def spy(self, url, headers=None):
        urls.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(fetcher_module.StaticFileFetcher, "fetch", spy)
    return urls


def set_answers(client, answers: dict) -> None:
    session = client.session
    Answers(session).replace_all(answers)
    session.save()


def get_pdf(client, paper: str | None = None) -> PdfReader:
    url = reverse("checklist:pdf") + (f"?paper={paper}" if paper else "")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return "".join(text.split())


def attachments_in(reader: PdfReader) -> list:
    found = list(reader.attachments)
    names = reader.trailer["/Root"].get("/Names")
    if names is not None and "/EmbeddedFiles" in names.get_object():
        found.append("/EmbeddedFiles")
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            if annotation.get_object().get("/Subtype") == "/FileAttachment":
                found.append("/FileAttachment")
    return found


def typical_answers() -> dict:
    # Three things matter most (5 of 5); the rest less (2 of 5).
    ratings = {s.slug: 5 if i < 3 else 2 for i, s in enumerate(selectors.value_statements())}
    return {
        "questions": {
            "selected": selectors.default_question_slugs(),
            "own": ["Can I see your licence?", "How long have you offered this treatment?"],
        },
        "values": {"ratings": ratings},
        "costs": {
            "price_per_session": "250.00",
            "first_course_sessions": 6,
            "maintenance_per_year": 4,
        },
        "sure": {"sure": "no", "understand": "yes", "risks_benefits": "yes", "support": "no"},
    }


def test_pdf_is_a_download_with_the_agreed_file_name(client):
    response = client.get(reverse("checklist:pdf"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="mesotherapy-consultation-checklist.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")


def test_own_questions_come_back_as_text_in_arabic_chinese_and_with_html_kept_literal(client):
    set_answers(client, {"questions": {"selected": [], "own": [ARABIC, CHINESE, LITERAL_HTML]}})
    text = text_of(get_pdf(client))
    assert LITERAL_HTML in text
    assert squash(CHINESE) in squash(text)
    # Right-to-left text may come back in either direction; either way the letters are there.
    arabic_words = ARABIC.split()
    assert all(w in text or w[::-1] in text for w in arabic_words), text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_also_reads_the_non_latin_questions(client):
    set_answers(client, {"questions": {"selected": [], "own": [ARABIC, CHINESE]}})
    pdf = client.get(reverse("checklist:pdf")).content
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert squash(CHINESE) in squash(out)
    assert any(w in out for w in ARABIC.split())


def test_non_latin_text_is_drawn_with_embedded_fallback_fonts_not_boxes(client):
    set_answers(client, {"questions": {"selected": [], "own": [ARABIC, CHINESE]}})
    fonts = fonts_in(get_pdf(client))
    names = " ".join(fonts)
    assert "Atkinson" in names
    assert "DejaVu" in names  # Arabic
    assert "WenQuanYi" in names  # Chinese


def fonts_in(reader: PdfReader) -> dict[str, bool]:
    """Each font's name, and whether its glyphs are embedded in the file."""
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def test_every_font_is_embedded_and_the_apps_own_font_is_used(client):
    set_answers(client, typical_answers())
    fonts = fonts_in(get_pdf(client))
    assert fonts and all(fonts.values()), fonts
    assert any("Atkinson-Hyperlegible" in name for name in fonts)
    assert any("Atkinson-Hyperlegible-Bold" in name for name in fonts)


def test_pdf_is_tagged_with_a_title_and_a_language(client):
    reader = get_pdf(client)
    root = reader.trailer["/Root"]
    assert reader.metadata.title == "Consultation checklist: mesotherapy for hair loss"
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])


@pytest.mark.parametrize(
    ("paper", "size"), [(None, (595, 842)), ("a4", (595, 842)), ("letter", (612, 792))]
)
def test_each_paper_size_gives_pages_of_that_size(client, paper, size):
    reader = get_pdf(client, paper)
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == size


def test_typical_selection_fits_on_two_a4_pages(client):
    set_answers(client, typical_answers())
    reader = get_pdf(client, "a4")
    assert len(reader.pages) <= 2
    text = squash(text_of(reader))
    assert squash("Can I see your licence?") in text
    assert squash("USD 1,500.00") in text  # 6 sessions at 250.00


def test_empty_session_pdf_holds_the_default_questions_and_key_facts(client):
    text = squash(text_of(get_pdf(client)))
    defaults = [q for q in selectors.questions() if q.selected_by_default]
    facts = selectors.key_facts()
    assert defaults and facts
    for item in [q.text for q in defaults] + [f.text for f in facts]:
        assert squash(item) in text, item


@pytest.mark.parametrize("injection", INJECTIONS)
def test_markup_in_a_question_is_printed_not_obeyed(client, fetched, injection):
    set_answers(client, {"questions": {"selected": [], "own": [injection]}})
    reader = get_pdf(client)
    assert attachments_in(reader) == []
    assert not any("passwd" in url or url.startswith("file:") for url in fetched), fetched
    assert all(url.startswith(PDF_ORIGIN + "static/") for url in fetched), fetched
    assert squash(injection) in squash(text_of(reader))


def test_even_unescaped_markup_cannot_attach_or_fetch_a_local_file(fetched):
    html = (
        '<html lang="en"><head><title>t</title>'
        '<link rel="attachment" href="file:///etc/passwd">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>'
        '<img src="file:///etc/passwd"><img src="../../../etc/passwd">'
        '<a rel="attachment" href="file:///etc/passwd">x</a>'
        '<img src="https://pdf.invalid/static/%2e%2e/%2e%2e/etc/passwd"></body></html>'
    )
    reader = PdfReader(io.BytesIO(render_pdf(html)))
    assert attachments_in(reader) == []
    # WeasyPrint asked, and the fetcher refused each one (a refusal returns nothing).
    assert "file:///etc/passwd" in fetched
    assert "http://127.0.0.1:9/x.css" in fetched
    assert b"root:" not in render_pdf(html, paper="letter")


def test_a_repeat_download_is_rendered_afresh_not_kept(client, monkeypatch):
    set_answers(client, typical_answers())
    first = client.get(reverse("checklist:pdf")).content
    assert first.startswith(b"%PDF")

    def must_render(*args, **kwargs):
        raise RuntimeError("rendered again")

    monkeypatch.setattr("decisionaid.checklist.services.render_pdf", must_render)
    with pytest.raises(RuntimeError, match="rendered again"):
        client.get(reverse("checklist:pdf"))


def test_changed_answers_or_paper_give_a_fresh_pdf(client):
    set_answers(client, {"questions": {"selected": [], "own": ["First version"]}})
    assert "First version" in text_of(get_pdf(client))
    assert round(float(get_pdf(client, "letter").pages[0].mediabox.width)) == 612
    set_answers(client, {"questions": {"selected": [], "own": ["Second version"]}})
    text = text_of(get_pdf(client))
    assert "Second version" in text and "First version" not in text


def test_another_persons_cached_pdf_is_not_served_for_different_answers(client, django_user_model):
    from django.test import Client

    set_answers(client, {"questions": {"selected": [], "own": ["Private question one"]}})
    get_pdf(client)
    other = Client()
    set_answers(other, {"questions": {"selected": [], "own": ["Something else"]}})
    assert "Private question one" not in text_of(get_pdf(other))


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_the_pdf_carries_every_word_the_printable_page_does(client):
    """The PDF draws from its own lean template (checklist/pdf.html); a wording change made to
    the page only, or a dropped section, shows here."""
    set_answers(client, {**typical_answers(), "situation": {"pregnancy": "yes"}})
    page = client.get(reverse("checklist:page")).content.decode()
    article = page.split('<article class="checklist"')[1].split(">", 1)[1].split("</article>")[0]
    # What the page shows only on screen: the buttons and hints, and the sources' web addresses
    # (hidden on paper by print.css too). The PDF draws the SURE answers as lines of question and
    # answer, not as a table with a caption and column headings.
    article = re.sub(r'<div class="checklist-actions no-print">.*?</div>', "", article, flags=re.S)
    sure = re.search(r'<table class="sure-table">.*?</thead>', article, flags=re.S)
    article = article.replace(sure.group(0), "") if sure else article
    article = re.sub(r'<span class="source-url">.*?</span>', "", article)
    article = re.sub(r"<[^>]+>", " ", article)
    missing = words(html.unescape(article)) - words(text_of(get_pdf(client)))
    assert not missing, missing


def elements_in(markup: str) -> set[str]:
    return set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", markup.lower()))


def test_the_pdf_uses_only_elements_its_lean_user_agent_sheet_covers(client):
    """pdf_ua.css replaces WeasyPrint's full user-agent sheet: an element it does not cover (an
    <em>, a <dl>) would print without its usual look, so adding one means adding it there too."""
    template = (settings.BASE_DIR / "templates" / "checklist" / "pdf.html").read_text()
    template = re.sub(r"{% comment %}.*?{% endcomment %}", "", template, flags=re.S)
    assert elements_in(template) - PDF_ELEMENTS == set()

    renders = mock.Mock(wraps=services.render_pdf)
    set_answers(client, {**typical_answers(), "situation": {"pregnancy": "yes"}})
    with mock.patch.object(services, "render_pdf", renders):
        get_pdf(client)
    rendered = renders.call_args.args[0]
    assert {"table", "ol", "ul", "h2", "strong"} <= elements_in(rendered) <= PDF_ELEMENTS


def test_headings_are_the_pdfs_bookmarks_and_its_structure_keeps_lists_and_tables(client):
    set_answers(client, typical_answers())
    reader = get_pdf(client)
    title, sections = reader.outline
    assert title.title == "Consultation checklist: mesotherapy for hair loss"
    assert [item.title for item in sections][:2] == [
        "You, and how every option fits what matters most to you",
        "Questions to ask",
    ]
    assert "Sources" in [item.title for item in sections]

    kinds: set[str] = set()

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            kinds.add(node.get("/S"))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Caption"} <= kinds


def test_pdf_streams_are_still_compressed_at_zlibs_default_level(client):
    """pdf.py has pydyf compress at zlib's default level rather than 9: the streams must still
    be Flate-compressed, and the file about as small."""
    import pydyf

    from decisionaid.checklist.pdf import StreamZlib

    assert isinstance(pydyf.zlib, StreamZlib)
    set_answers(client, typical_answers())
    response = client.get(reverse("checklist:pdf"))
    assert response.content.count(b"/FlateDecode") >= 4
    assert len(response.content) < 60_000
    reader = PdfReader(io.BytesIO(response.content))
    assert "Can I see your licence?" in text_of(reader)
