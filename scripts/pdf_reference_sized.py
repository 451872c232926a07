"""The shared lean reference (pdf_reference.py), grown to the size of the typical checklist.

The issue behind `make bench` asks for the checklist PDF within 1.5 x "a lean two-page A4 checklist
of the same size", and allows an equivalent lean document of the same size in place of the shared
one. The shared reference is smaller than the typical checklist: about 4,000 characters of text
against 6,700, and no two-dimensional table. This document keeps the shared reference's stylesheet
and markup (the same system font, "Page X of Y", no tags) and only repeats its parts to
the typical checklist's counts, taken from the checklist of content 2026.12 for scripts/bench.py's
typical person:

- 12 questions to ask, each a tick box and two answer lines (the shared one has 15);
- 5 red flags, 6 key facts and quiz facts, 9 options against 3 priorities (a 9 x 4 table),
  6 cost lines and 4 SURE answers (tables, as the shared reference draws its costs);
- 4 short paragraphs (the intro, the situation, the legend, the SURE note) and 32 sources in 7.5 pt;
- the shared sheet made as compact as the checklist's (9 pt text, 12 mm margins), so the same
  text fits two A4 pages as the checklist does; the shared sheet at 10 pt needs three.

It is written from the shared reference, never from the app's templates or stylesheet, so it says
what WeasyPrint needs for that much checklist and nothing about how the app draws it.
"""

import html
import re
import statistics
import time

from pdf_reference import CSS_TEXT
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

QUESTIONS = 12
RED_FLAGS = 5
FACTS = 6
GRID_ROWS, GRID_COLUMNS = 9, 3
COST_ROWS = 6
SURE_ROWS = 4
PARAGRAPHS = 4
SOURCES = 32
# The shared sheet, made as compact as the checklist's (whose text is 8.5 to 10 pt on 12 to 14 mm
# margins) so the same text fits two A4 pages as the checklist's does.
COMPACT_CSS = """@page { margin: 12mm } body { font-size: 9pt; line-height: 1.25 }
h1 { font-size: 15pt; margin: 0 0 2pt } h2 { font-size: 11pt; margin: 6pt 0 2pt }
.q li { margin: 0 0 3pt } .line { height: 11pt } table { font-size: 8.5pt } td, th { padding: 1pt 3pt }
p { margin: 0 0 3pt } ul { margin: 0 }"""  # noqa: E501

qs = "".join(
    f"<li><span class=box></span>Question {i}: what does the study say about this, and how sure "
    f"are you? [{i}]<div class=line></div><div class=line></div></li>"
    for i in range(1, QUESTIONS + 1)
)
flags = "".join(
    f"<li>Red flag {i}: a short sentence with a number, 33 of 86 people, and a warning. [{i}]</li>"
    for i in range(1, RED_FLAGS + 1)
)
facts = "".join(
    f"<li>Key fact {i}: a short sentence with a number, 33 of 86 people. A second sentence says "
    f"what that means for a person like you, and how sure anyone can be. [{i}]</li>"
    for i in range(1, FACTS + 1)
)
heads = "".join(f"<th>Priority {j}</th>" for j in range(1, GRID_COLUMNS + 1))
grid = "".join(
    f"<tr><th>Option {i}</th>" + "<td>Fits well</td>" * GRID_COLUMNS + "</tr>"
    for i in range(1, GRID_ROWS + 1)
)
rows = "".join(
    f"<tr><td>Cost item {i}</td><td>USD {i * 100}</td></tr>" for i in range(1, COST_ROWS + 1)
)
sure = "".join(f"<tr><td>SURE question {i}?</td><td>Yes</td></tr>" for i in range(1, SURE_ROWS + 1))
paras = "".join(
    f"<p>Paragraph {i}: take this list to your visit, ask each question and write the answer "
    f"down. You do not have to decide on the day, and you can take it home to think it over with "
    f"someone you trust. A note on what the table below shows, and what it does not.</p>"
    for i in range(1, PARAGRAPHS + 1)
)
srcs = " ".join(
    f"[{i}] Author A, Author B. A title of a study about hair. J Dermatol. 2022;1:1-9."
    for i in range(1, SOURCES + 1)
)
HTML_TEXT = f"""<!doctype html><html lang=en><head><meta charset=utf-8><title>Checklist</title></head><body>
<h1>Consultation checklist: mesotherapy for hair loss</h1><p class=meta>Made on 25 November 2026 · version 2026.11</p>
{paras}<h2>You and the options</h2><table><tr><th>Option</th>{heads}</tr>{grid}</table>
<h2>Questions to ask</h2><ol class=q>{qs}</ol><h2>Red flags</h2><ul>{flags}</ul><h2>Key facts</h2><ul>{facts}</ul>
<h2>Your cost estimate</h2><table>{rows}</table><h2>How sure you feel</h2><table>{sure}</table>
<h2>Sources</h2><p class=src>{srcs}</p></body></html>"""  # noqa: E501

_state: dict = {}


def render() -> bytes:
    """One render, its stylesheet and fonts set up once per process (as pdf_reference.render)."""
    if not _state:
        _state["fc"] = FontConfiguration()
        _state["css"] = CSS(string=CSS_TEXT + COMPACT_CSS, font_config=_state["fc"])
        _state["doc"] = HTML(string=HTML_TEXT)
    return _state["doc"].write_pdf(stylesheets=[_state["css"]], font_config=_state["fc"])


def text_characters(document: str = HTML_TEXT) -> int:
    """Characters of text in an HTML document's body: tags out, spaces squeezed."""
    body = re.split(r"<body[^>]*>", document, maxsplit=1)[-1]
    return len(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()))


if __name__ == "__main__":
    times = []
    for i in range(33):
        started = time.perf_counter()
        render()
        if i >= 3:
            times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    print(f"same-size reference: median {median:.0f} ms, {text_characters()} characters")
