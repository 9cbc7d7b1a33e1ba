"""The :class:`Article`: cleaned text, its paragraphs as spans, and where it came from."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from toolkit.article._clean import SENTENCE_END, clean, clean_line, looks_like_html_document
from toolkit.article._meta import parse_date, split_authors, text_value
from toolkit.errors import EmptyArticleError
from toolkit.spans import Span


@dataclass(frozen=True)
class Article:
    """One news article, cleaned.

    ``text`` is the cleaned text; every offset the toolkit returns points into it.
    ``paragraphs`` are spans of ``text`` (separated by one blank line in ``text``).

    Metadata, when the source gives it (a table's columns, a web page's): ``date`` (a
    timezone-aware datetime), ``outlet``, ``url``, ``authors`` and ``meta`` (the source's other
    fields, and a date kept as text when it does not parse). ``source_path`` is the file read;
    ``source_row`` the record's number in a table (1 = the first record).

    >>> a = Article.from_text("Fed holds rates\\n\\nThe Fed held rates on Wednesday.", id="fed")
    >>> a.id, a.title, len(a.paragraphs)
    ('fed', 'Fed holds rates', 2)
    >>> Article.from_text("Rates held.", date="2024-03-05", outlet="The Ledger").date.isoformat()
    '2024-03-05T00:00:00+00:00'
    """

    id: str
    title: str
    text: str
    paragraphs: tuple[Span, ...]
    source_path: Path | None = None
    encoding: str | None = None
    has_headline: bool = field(default=False, repr=False)
    date: datetime | None = None
    outlet: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, repr=False, hash=False, compare=False)
    source_row: int | None = field(default=None, repr=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        id: str | None = None,
        title: str | None = None,
        *,
        html: bool | None = None,
        date: datetime | str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        authors: str | Iterable[str] | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Article:
        """Clean ``text`` and wrap it as an article.

        ``html=None`` sniffs whether the text is an HTML document. ``id`` defaults to a short
        hash of the text; ``title`` defaults to the headline (a short first paragraph without
        closing punctuation) or else the opening words of the text. ``date`` is parsed as
        :func:`toolkit.article.parse_date` does (a :class:`ValueError` if it is not a date);
        ``authors`` may be a byline (``"By Ana Ruiz and Li Wei"``) or a list.
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
        return build_article(
            paragraphs,
            found_title,
            id=id,
            title=title,
            date=parse_date(date),
            outlet=text_value(outlet),
            url=text_value(url),
            authors=split_authors(authors),
            meta=dict(meta or {}),
        )

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
    **metadata: Any,
) -> Article:
    """An :class:`Article` from cleaned paragraphs. ``title`` (given) wins over ``found_title``
    (from markup), which wins over a headline paragraph, then the opening words. ``metadata``
    are the other fields of :class:`Article` (``date``, ``outlet``...), already clean."""
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
        **metadata,
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
