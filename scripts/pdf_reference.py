"""A lean two-page A4 checklist in WeasyPrint: the yardstick `make bench` compares the PDF with.

Copied from ../shared/bench/pdf_reference.py (the shared bench folder beside the project
checkouts, written by the session that filed issue 16); the document and stylesheet are unchanged,
only wrapped in functions so scripts/bench.py can time it alternately with the app's own PDF.
Run alone: `.venv/bin/python scripts/pdf_reference.py` prints its median and p95 over 30 renders.
"""

import io
import statistics
import time

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

qs = "".join(
    f"<li><span class=box></span>Question {i}: what does the study say about this, and how sure "
    f"are you? [{i}]<div class=line></div><div class=line></div></li>"
    for i in range(1, 16)
)
facts = "".join(
    f"<li>Key fact {i}: a short sentence with a number, 33 of 86 people. [{i}]</li>"
    for i in range(1, 6)
)
rows = "".join(f"<tr><td>Cost item {i}</td><td>USD {i * 100}</td></tr>" for i in range(1, 6))
srcs = " ".join(
    f"[{i}] Author A, Author B. A title of a study about hair. J Dermatol. 2022;1:1-9."
    for i in range(1, 25)
)
HTML_TEXT = f"""<!doctype html><html lang=en><head><meta charset=utf-8><title>Checklist</title></head><body>
<h1>Consultation checklist: mesotherapy for hair loss</h1><p class=meta>Made on 25 November 2026 · version 2026.11</p>
<h2>Questions to ask</h2><ol class=q>{qs}</ol><h2>Red flags</h2><ul>{facts}</ul><h2>Key facts</h2><ul>{facts}</ul>
<h2>Your cost estimate</h2><table>{rows}</table><h2>Sources</h2><p class=src>{srcs}</p></body></html>"""  # noqa: E501
CSS_TEXT = """@page { size: A4; margin: 16mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35 } h1 { font-size: 16pt } h2 { font-size: 12pt; margin: 10pt 0 4pt }
.q { list-style: none; padding: 0 } .q li { margin: 0 0 8pt; break-inside: avoid } .box { display: inline-block; width: 9pt; height: 9pt; border: 1pt solid #000; margin-right: 6pt }
.line { border-bottom: 0.5pt solid #999; height: 14pt } table { border-collapse: collapse; width: 100% } td { border-bottom: 0.5pt solid #ccc; padding: 3pt }
.src { font-size: 7.5pt }"""  # noqa: E501

_state: dict = {}


def render() -> bytes:
    """One render of the reference document, its stylesheet and fonts set up once per process."""
    if not _state:
        _state["fc"] = FontConfiguration()
        _state["css"] = CSS(string=CSS_TEXT, font_config=_state["fc"])
        _state["doc"] = HTML(string=HTML_TEXT)
    return _state["doc"].write_pdf(stylesheets=[_state["css"]], font_config=_state["fc"])


def main() -> None:
    times = []
    for i in range(33):
        started = time.perf_counter()
        pdf = render()
        if i >= 3:
            times.append((time.perf_counter() - started) * 1000)
    try:
        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(pdf)).pages)
    except ImportError:
        pages = "?"
    times.sort()
    print(
        f"reference 2-page checklist: median {statistics.median(times):.0f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1]:.0f} ms, {pages} pages, {len(pdf) // 1024} KB"
    )


if __name__ == "__main__":
    main()
