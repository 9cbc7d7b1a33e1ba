"""Saved web pages: the article's main content and metadata, through trafilatura.

A saved page holds navigation, cookie notices, related links, comments and ads around the
article. trafilatura (Barbaresi 2021) finds the main content, and its metadata (title, date,
authors, site name, canonical URL) fills the :class:`~toolkit.Article`'s. Its text then goes
through the toolkit's own cleaning, like any text. Settings: ``favor_precision`` (news pages
carry more boilerplate than missing text) and no comments (readers' comments are not the
article); ``toolkit eval html`` measures the choice against trafilatura's defaults.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.article._article import Article, build_article
from toolkit.article._clean import clean, clean_line
from toolkit.article._decode import (
    DEFAULT_MAX_BYTES,
    check_text_bytes,
    decode_bytes,
    read_file_bytes,
)
from toolkit.article._meta import parse_date, split_authors, text_value
from toolkit.errors import ArticleTooLargeError, EmptyArticleError, UndecodableArticleError

#: Suffixes of saved web pages (a gzipped page as crawlers store it included).
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
#: A page whose main content has fewer words than this has no article body.
MIN_BODY_WORDS = 5

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# Charsets decode_bytes tries on its own (pages often declare one and are written in another).
_DECODED_ANYWAY = {"utf-8", "ascii", "cp1252", "iso8859-1", "latin-1"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_DATE_FORMAT = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True}


@dataclass(frozen=True)
class Page:
    """What a web page holds: the article's paragraphs (cleaned) and its metadata."""

    paragraphs: list[str]
    title: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def is_page(path: str | Path) -> bool:
    """Is ``path`` named as a saved web page (``.html``, ``.htm``, ``.html.gz``...)?"""
    return str(path).lower().endswith(PAGE_SUFFIXES)


def extract_page(html: str, *, url: str | None = None) -> Page:
    """The main content of an HTML page, cleaned, with its metadata.

    A paragraph that only repeats the title (a headline inside the article container) is left
    out: the title is kept apart, in ``Page.title``.

    >>> page = extract_page(
    ...     "<html><head><title>Port strike ends</title></head><body><nav>Home</nav><article>"
    ...     "<h1>Port strike ends</h1><p>Dockers in Valmora went back to work on Friday after "
    ...     "a nine-day strike.</p></article></body></html>"
    ... )
    >>> page.title, page.paragraphs
    ('Port strike ends', ['Dockers in Valmora went back to work on Friday after a nine-day strike.'])
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
        date_extraction_params=_DATE_FORMAT,
    )
    if document is None or not document.text:
        return Page(paragraphs=[])
    paragraphs, _ = clean(document.text, is_html=False, is_markdown=False)
    title = clean_line(document.title or "") or None
    if title and paragraphs and _same_words(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    meta = {
        key: value
        for key in ("description", "language", "categories", "tags", "image", "hostname")
        if (value := getattr(document, key, None))
    }
    return Page(
        paragraphs=paragraphs,
        title=title,
        date=document.date or None,
        authors=split_authors(document.author),
        outlet=text_value(document.sitename),
        url=text_value(document.url) or url,
        meta=meta,
    )


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def load_page(path: str | Path, *, id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """A saved web page (``.html``, ``.htm``, ``.html.gz``) as an :class:`Article`.

    Raises :class:`EmptyArticleError` naming the file when the page has no article body (fewer
    than :data:`MIN_BODY_WORDS` words of main content), and the errors of
    :func:`toolkit.load_article` for a file that cannot be read.
    """
    path = Path(path)
    data = read_file_bytes(path, max_bytes)
    if path.name.lower().endswith(".gz"):
        data = _gunzip(data, path, max_bytes)
    return page_article(data, str(path), id=id, source_path=path)


def page_article(
    data: bytes,
    where: str,
    *,
    id: str,
    source_path: Path | None = None,
    url: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """An :class:`Article` from the bytes of a web page; ``where`` names it in errors."""
    html, encoding = decode_page(data, where)
    page = extract_page(html, url=url)
    if sum(len(p.split()) for p in page.paragraphs) < MIN_BODY_WORDS:
        raise EmptyArticleError(where, "web page without an article body (no main content found)")
    date = None
    meta = {**(meta or {}), **page.meta}
    try:
        date = parse_date(page.date)
    except ValueError:
        meta["date"] = page.date
    return build_article(
        page.paragraphs,
        None,
        id=id,
        title=page.title,
        source_path=source_path,
        encoding=encoding,
        date=date,
        outlet=page.outlet,
        url=page.url,
        authors=page.authors,
        meta=meta,
    )


def _gunzip(data: bytes, path: Path, max_bytes: int) -> bytes:
    """Decompress at most ``max_bytes`` (a small file can unpack to gigabytes)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        raise UndecodableArticleError(path, "not a valid gzip file") from None
    if len(out) > max_bytes:
        raise ArticleTooLargeError(
            path, f"unpacks to over the {max_bytes:,}-byte limit (max_bytes)"
        )
    return out


def decode_page(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """HTML bytes to text: in the charset the page declares (Shift_JIS, KOI8-R...) if Python
    knows it, else as :func:`toolkit.article.decode_bytes` decodes any file."""
    declared = _CHARSET.search(data[:4096])
    encoding = None
    if declared:
        with contextlib.suppress(LookupError):
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
    if encoding is None or encoding in _DECODED_ANYWAY or data.startswith(_BOMS):
        return decode_bytes(data, path)
    check_text_bytes(data, path)
    return data.decode(encoding, errors="replace"), encoding


__all__ = [
    "MIN_BODY_WORDS",
    "PAGE_SUFFIXES",
    "Page",
    "extract_page",
    "is_page",
    "load_page",
    "page_article",
]
