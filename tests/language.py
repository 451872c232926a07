"""An offline detector of English sentences in a page's visible text, by stop-word counts.

Each sentence's English and Spanish stop words are counted; a sentence with at least
MIN_ENGLISH English stop words and more English than Spanish ones is English. Short labels and
names carry too few stop words to count. Text a page marks as another language (an element
with lang="en", such as the language switch's "English") and source titles (<cite>) are left
out: sources keep their original titles. So are scripts, styles and hidden elements. The page's
title, drawings' text, and text only a screen reader meets (visually hidden text, aria-label,
alt, title) count as visible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Common function words: frequent in running text, rare in names and drug names.
ENGLISH = frozenset(
    """a about after all also an and any are as at be been before but by can could did do does
    for from has have how if in into is it its may more most must no not of on once one only or
    other our out should so some such than that the their them then there these they this those
    to was we were what when where which who will with would you your""".split()
)
SPANISH = frozenset(
    """a al algo como con cual cuando de del desde donde el ella ellos en entre era es esa ese
    esta este esto hay la las le les lo los mas más me mi muy no nos o otra otro para pero por
    puede que qué se si sí sin sobre su sus también tiene todo tu un una uno usted y ya""".split()
)
# Words both languages share ("a", "no") count for neither.
SHARED = ENGLISH & SPANISH
MIN_ENGLISH = 2

SKIP_TAGS = {"script", "style", "template", "noscript", "cite"}
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
BLOCK_TAGS = {
    "p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "td", "th", "caption", "figcaption",
    "summary", "legend", "label", "button", "a", "div", "section", "tr", "option", "title",
    "desc", "text",
}  # fmt: skip


@dataclass
class _Text(HTMLParser):
    """Visible text as blocks, leaving out what is skipped and what is marked as English."""

    language: str = "es"
    blocks: list[str] = field(default_factory=list)
    _stack: list[bool] = field(default_factory=list)
    _current: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def _skipping(self) -> bool:
        return any(self._stack)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        values = dict(attrs)
        lang = (values.get("lang") or "").split("-")[0]
        skip = tag in SKIP_TAGS or "hidden" in values or (lang and lang != self.language)
        self._stack.append(bool(skip))
        if not self._skipping():
            # Words a screen reader says or a pointer shows count as visible text too.
            self.blocks.extend(
                " ".join(values[name].split())
                for name in ("aria-label", "alt", "title", "placeholder")
                if values.get(name)
            )

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if tag in BLOCK_TAGS:
            self._flush()
        if self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def visible_blocks(html: str, language: str = "es") -> list[str]:
    """The page's visible text, one string per block (paragraph, list item, cell, button...)."""
    parser = _Text(language=language)
    parser.feed(html)
    parser.close()
    return parser.blocks


URL = re.compile(r"https?://\S+")
QUOTED = re.compile(r"[\"“«]([^\"”»]+)[\"”»]")


def sentences(text: str) -> list[str]:
    # A web address is not a sentence in any language.
    text = URL.sub(" ", text)
    return [s.strip() for s in re.split(r"(?<=[.!?;:])\s+|\n+", text) if s.strip()]


def words(sentence: str) -> list[str]:
    return re.findall(r"[a-záéíóúüñ]+", sentence.lower())


def is_english(sentence: str) -> bool:
    found = words(sentence)
    english = sum(1 for word in found if word in ENGLISH and word not in SHARED)
    spanish = sum(1 for word in found if word in SPANISH and word not in SHARED)
    return english >= MIN_ENGLISH and english > spanish


def english_sentences(blocks: list[str]) -> list[str]:
    return [s for block in blocks for s in sentences(block) if is_english(s)]


def without_quoted_titles(block: str, titles: list[str]) -> str:
    """A block with any quoted source title taken out: titles keep their original language."""

    def drop(match: re.Match) -> str:
        quoted = " ".join(words(match.group(1)))
        return "" if quoted and any(quoted in title for title in titles) else match.group(0)

    return QUOTED.sub(drop, block)


def english_in_html(html: str, titles: list[str] | None = None) -> list[str]:
    """English sentences a Spanish reader would see; titles are the sources' citations, normalised
    as words joined by single spaces, which may be quoted in running text."""
    blocks = visible_blocks(html)
    if titles:
        blocks = [without_quoted_titles(block, titles) for block in blocks]
    return english_sentences(blocks)
