"""The :class:`Article`: cleaned text, its paragraphs as spans, and where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.article._clean import SENTENCE_END, clean, clean_line, looks_like_html_document
from toolkit.errors import EmptyArticleError
from toolkit.spans import Span


@dataclass(frozen=True)
class Article:
    """One news article, cleaned.

    ``text`` is the cleaned text; every offset the toolkit returns points into it.
    ``paragraphs`` are spans of ``text`` (separated by one blank line in ``text``).

    >>> a = Article.from_text("Fed holds rates\\n\\nThe Fed held rates on Wednesday.", id="fed")
    >>> a.id, a.title, len(a.paragraphs)
    ('fed', 'Fed holds rates', 2)
    """

    id: str
    title: str
    text: str
    paragraphs: tuple[Span, ...]
    source_path: Path | None = None
    encoding: str | None = None
    has_headline: bool = field(default=False, repr=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        id: str | None = None,
        title: str | None = None,
        *,
        html: bool | None = None,
    ) -> Article:
        """Clean ``text`` and wrap it as an article.

        ``html=None`` sniffs whether the text is an HTML document. ``id`` defaults to a short
        hash of the text; ``title`` defaults to the headline (a short first paragraph without
        closing punctuation) or else the opening words of the text.
        """
        if not isinstance(text, str):
            raise TypeError(f"Article.from_text expects a str, got {type(text).__name__}")
        if html is None:
            html = looks_like_html_document(text)
        paragraphs, found_title = clean(text, is_html=html, is_markdown=False)
        if not paragraphs:
            raise EmptyArticleError(id, "no text left after cleaning")
        if id is None:
            id = "text-" + hashlib.sha1("\n\n".join(paragraphs).encode("utf-8")).hexdigest()[:12]
        return build_article(paragraphs, found_title, id=id, title=title)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the cleaned text: equal fingerprints, equal analysis."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def __repr__(self) -> str:
        words = len(self.text.split())
        return f"Article(id={self.id!r}, title={self.title!r}, words={words}, paragraphs={len(self.paragraphs)})"


def build_article(
    paragraphs: list[str],
    found_title: str | None,
    *,
    id: str,
    title: str | None = None,
    source_path: Path | None = None,
    encoding: str | None = None,
) -> Article:
    """An :class:`Article` from cleaned paragraphs. ``title`` (given) wins over ``found_title``
    (from markup), which wins over a headline paragraph, then the opening words."""
    text = "\n\n".join(paragraphs)
    spans = []
    offset = 0
    for paragraph in paragraphs:
        spans.append(Span(offset, offset + len(paragraph), paragraph))
        offset += len(paragraph) + 2
    has_headline = found_title == paragraphs[0] or _is_headline(paragraphs)
    if title is not None:
        title = clean_line(title) or None
    if title is None:
        if found_title:
            title = found_title
        elif has_headline:
            title = paragraphs[0]
        else:
            title = _opening_words(paragraphs[0])
    return Article(
        id=id,
        title=title,
        text=text,
        paragraphs=tuple(spans),
        source_path=source_path,
        encoding=encoding,
        has_headline=has_headline,
    )


def _is_headline(paragraphs: list[str]) -> bool:
    first = paragraphs[0]
    return (
        len(paragraphs) > 1
        and len(first) <= 150
        and len(first.split()) <= 20
        and not SENTENCE_END.search(first)
    )


def _opening_words(paragraph: str, limit: int = 12) -> str:
    words = paragraph.split()
    if len(words) <= limit:
        return paragraph
    return " ".join(words[:limit]).rstrip(",;:") + "…"
