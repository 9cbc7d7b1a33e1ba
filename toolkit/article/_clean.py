"""Cleaning: markup removed, whitespace normalised, paragraphs kept.

The cleaned text is what every offset of the toolkit refers to: paragraphs separated by one
blank line, one space between words, no controls, no invisible characters.

>>> clean_text("<p>Oil  prices&nbsp;rose.</p><p>Stocks fell.</p>", html=True)
'Oil prices rose.\\n\\nStocks fell.'
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

# HTML elements whose content is never article text.
_NEVER_TEXT = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
    "select", "button",
}  # fmt: skip
# Page furniture around the article. Skipped while the page still has text elsewhere: a
# document whose body sits inside one of them (an unclosed <head>, a page-wide <aside>) is
# read again without skipping them.
_PAGE_CHROME = {"head", "nav", "footer", "aside"}
_SKIPPED_ELEMENTS = _NEVER_TEXT | _PAGE_CHROME
# HTML elements that end a paragraph.
_BLOCK_ELEMENTS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "main",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "address",
    "body",
    "html",
    "title",
}
_TAG_NAMES = "|".join(
    sorted(
        _BLOCK_ELEMENTS
        | _SKIPPED_ELEMENTS
        | {
            "a",
            "abbr",
            "b",
            "big",
            "cite",
            "code",
            "em",
            "font",
            "i",
            "img",
            "ins",
            "del",
            "mark",
            "q",
            "s",
            "small",
            "span",
            "strong",
            "sub",
            "sup",
            "time",
            "u",
            "wbr",
            "meta",
            "link",
        },
        key=len,
        reverse=True,
    )
)
# A complete tag: <p>, </p>, <br/>, <a href="...">, <!-- comment -->. A tag with attributes
# needs at least one name=value, so that "if a<b and c>d" in plain text is left alone.
_TAG = re.compile(
    rf"<!--.*?-->|</?(?:{_TAG_NAMES})(?:\s*/?>|\s+[^<>]{{0,500}}?=[^<>]{{0,500}}>)|<!DOCTYPE[^>]*>",
    re.I | re.S,
)
# What is left of a tag cut in half by a careless export: a paragraph that is only "p>", "</p",
# "<br", "/div>" and the like.
_TAG_REMNANT = re.compile(
    rf"^(?:<\s*/?\s*(?:{_TAG_NAMES})\s*/?\s*>?|/?\s*(?:{_TAG_NAMES})\s*/?\s*>)$", re.I
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Horizontal whitespace other than a plain space, and characters that should simply vanish.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Soft hyphens, zero-width characters and bidirectional controls (which can make displayed text
# differ from its logical order).
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MULTISPACE = re.compile(r" {2,}")
SENTENCE_END = re.compile(r"""[.!?:;,…]["'”’»)\]]*$""")
# Lone surrogates ("\ud800") cannot be encoded: they become U+FFFD (a valid pair is joined).
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str, *, html: bool = False) -> str:
    """The cleaning that :func:`toolkit.load_article` applies, on a string.

    >>> clean_text("<p>Oil  prices&nbsp;rose.</p><p>Stocks fell.</p>", html=True)
    'Oil prices rose.\\n\\nStocks fell.'
    """
    paragraphs, _ = clean(text, is_html=html, is_markdown=False)
    return "\n\n".join(paragraphs)


def clean(text: str, *, is_html: bool, is_markdown: bool) -> tuple[list[str], str | None]:
    """Return the cleaned paragraphs and a title found in markup (HTML ``<title>``, ``# h1``)."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    title = None
    if is_html:
        lines, title = _html_to_lines(text)
        text = "\n\n".join(lines)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub(" ", text.replace("\f", "\n").replace("\v", "\n"))
    if not is_html:
        text = _TAG.sub(" ", text)
        if _ENTITY.search(text):
            text = html.unescape(text)
            text = _SPACES.sub(" ", text)
    if is_markdown:
        text, md_title = _strip_markdown(text)
        title = title or md_title
    paragraphs = [
        p
        for p in (_MULTISPACE.sub(" ", " ".join(block)).strip() for block in _blocks(text))
        if p and not _TAG_REMNANT.match(p)
    ]
    if title is not None:
        title = _MULTISPACE.sub(" ", title).strip() or None
    return paragraphs, title


def _blocks(text: str) -> list[list[str]]:
    """Group lines into paragraphs.

    Blank lines always separate paragraphs. A single line break also does, unless the block
    looks hard-wrapped (lines of similar width, under 100 characters, that stop mid-sentence);
    then its lines are joined.
    """
    raw_blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip()
        if line:
            raw_blocks[-1].append(line)
        elif raw_blocks[-1]:
            raw_blocks.append([])
    blocks: list[list[str]] = []
    for block in raw_blocks:
        if not block:
            continue
        if _is_hard_wrapped(block):
            blocks.append(block)
        else:
            blocks.extend([line] for line in block)
    return blocks


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    widths = [len(line) for line in lines[:-1]]
    widest = max(len(line) for line in lines)
    if widest > 100 or min(widths) < 0.6 * widest:
        return False
    return any(not SENTENCE_END.search(line) for line in lines[:-1])


def looks_like_html_document(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    tags = len(
        re.findall(r"</?(?:p|div|br|span|a|h[1-6]|li|body|head)\b[^<>]*>", text[:20000], re.I)
    )
    return tags >= 5


def _strip_markdown(text: str) -> tuple[str, str | None]:
    title = None
    lines = []
    for line in text.split("\n"):
        heading = re.match(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if heading:
            line = heading.group(2)
            if title is None and len(heading.group(1)) == 1:
                title = line
        line = re.sub(r"^\s{0,3}>\s?", "", line)  # block quote
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)  # list bullet
        if re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line):  # horizontal rule
            line = ""
        line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", line)  # image
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # link
        line = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", line)  # bold
        line = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", line)  # italic
        line = re.sub(r"`([^`]*)`", r"\1", line)
        lines.append(line)
    return "\n".join(lines), title


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML document as lines, one per block element."""

    def __init__(self, skip: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip = skip
        self._open_skipped: list[str] = []  # skipped elements we are inside, innermost last
        self._in_title = False
        self._in_h1 = False
        self.title: str | None = None
        self.h1: str | None = None
        self._h1_parts: list[str] = []
        self._title_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
            return
        if "head" in self._open_skipped and (tag == "body" or tag in _BLOCK_ELEMENTS):
            # The body starts: an unclosed <head> ends here, as browsers end it.
            del self._open_skipped[self._open_skipped.index("head") :]
        if tag in self._skip:
            self._open_skipped.append(tag)
            return
        if tag in _BLOCK_ELEMENTS:
            self._flush()
        if tag == "h1" and self.h1 is None:
            self._in_h1 = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_ELEMENTS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            if self.title is None:
                self.title = "".join(self._title_parts).strip() or None
            return
        if tag in self._open_skipped:
            # Close it and anything left open inside it.
            position = len(self._open_skipped) - 1 - self._open_skipped[::-1].index(tag)
            del self._open_skipped[position:]
            return
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.h1 = " ".join("".join(self._h1_parts).split()) or None
        if tag in _BLOCK_ELEMENTS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
            return
        if self._open_skipped:
            return
        if self._in_h1:
            self._h1_parts.append(data)
        self._current.append(data)

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def _html_to_lines(text: str) -> tuple[list[str], str | None]:
    for skip in (_SKIPPED_ELEMENTS, _NEVER_TEXT):
        parser = _TextExtractor(skip)
        parser.feed(text)
        parser.close()
        if parser.lines:
            break
    return parser.lines, parser.h1 or parser.title


def clean_line(value: str) -> str:
    """A short piece of metadata (a title, an outlet, an author) on one clean line.

    >>> clean_line("  Storm\\n hits\\u200b coast\\t")
    'Storm hits coast'
    """
    if _SURROGATE.search(value):
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    value = unicodedata.normalize("NFC", _INVISIBLE.sub("", value))
    return " ".join(_CONTROL.sub(" ", value).split())
