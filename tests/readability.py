"""Shared readability helpers: the text a person reads on a page, and its Flesch-Kincaid grade."""

import re
from html.parser import HTMLParser

import textstat

from decisionaid.lib.readability import ABBREVIATIONS, use_offline_dictionary

MAX_GRADE = 8.0
# Elements whose text ends a sentence even without a full stop (list items, headings, cells...).
BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption",
    "figcaption", "legend", "label", "button", "summary", "div", "section", "article",
}  # fmt: skip
# Pictures carry their own text alternative, measured with the words around them.
SKIPPED = {"svg", "script", "style", "template", "textarea", "select"}


class _MainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth_in_main = 0
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth_in_main += 1
        elif tag in SKIPPED and self.depth_in_main:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth_in_main -= 1
        elif tag in SKIPPED and self.depth_in_main:
            self.skipping -= 1
        elif tag in BLOCKS and self.depth_in_main and not self.skipping:
            self._end_sentence()

    def handle_data(self, data: str) -> None:
        if self.depth_in_main and not self.skipping:
            self.parts.append(data)

    def _end_sentence(self) -> None:
        text = "".join(self.parts).rstrip()
        if text and text[-1] not in ".?!:;":
            self.parts.append(".")
        self.parts.append(" ")


def main_text(html: str) -> str:
    """The words inside <main>, with a full stop closing every list item, heading and cell."""
    parser = _MainText()
    parser.feed(html)
    text = re.sub(r"\s+", " ", "".join(parser.parts)).strip()
    for pattern, words in ABBREVIATIONS.items():
        text = re.sub(pattern, words, text, flags=re.IGNORECASE)
    return re.sub(r"\s*:\s*\.", ".", text)


def grade(text: str) -> float:
    use_offline_dictionary()
    return textstat.flesch_kincaid_grade(text)
