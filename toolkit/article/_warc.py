"""Web archives (WARC, as crawlers and the Internet Archive write them): each HTML response in
the archive is a web page, read as :func:`toolkit.article.load_article` reads a saved page.

Needs ``warcio`` (``pip install 'toolkit[warc]'``). The page's URL comes from the record
(``WARC-Target-URI``) when the page names none; the crawl time is kept as ``meta["crawled"]``
(it is not the publication date). Records that are not HTML responses (requests, metadata,
images) are skipped and counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from toolkit.article._decode import DEFAULT_MAX_BYTES, open_regular_file
from toolkit.article._pages import page_article
from toolkit.errors import ArticleError, ArticleTooLargeError, TableError

#: Suffixes read as web archives.
WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: str | Path) -> bool:
    """Is ``path`` named as a web archive (``.warc``, ``.warc.gz``)?"""
    return str(path).lower().endswith(WARC_SUFFIXES)


def warc_pages(
    path: str | Path, skipped: Counter[str] | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, str, object]]:
    """``(where, name, Article or ArticleError)`` for each HTML response of the archive;
    ``name`` (the URL without its scheme) is for the article's id, which the caller makes.

    Raises :class:`TableError` naming the file when it is not a readable WARC file or warcio
    is missing. ``skipped`` counts the records that are not HTML responses.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise TableError(
            path, "reading WARC files needs warcio: pip install 'toolkit[warc]'"
        ) from None
    path = Path(path)
    skipped = skipped if skipped is not None else Counter()
    with open_regular_file(path) as handle:
        try:
            for number, record in enumerate(ArchiveIterator(handle), 1):
                if not _is_html_response(record):
                    skipped["WARC records that are not HTML pages"] += 1
                    continue
                yield _page(path, number, record, max_bytes)
        except ArchiveLoadFailed as exc:
            raise TableError(
                path, f"not a readable WARC file ({' '.join(str(exc).split())})"
            ) from None


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    return "html" in (record.http_headers.get_header("Content-Type") or "").lower()


def _page(path: Path, number: int, record, max_bytes: int) -> tuple[str, str, object]:
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f"{path}: record {number}"
    name = re.sub(r"^[a-z]+://(www\.)?", "", url or f"{path.stem}-{number}")
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        error = ArticleTooLargeError(where, f"page over the {max_bytes:,}-byte limit (max_bytes)")
        return where, name, error
    crawled = record.rec_headers.get_header("WARC-Date")
    try:
        article = page_article(
            data, where, id="page", source_path=path, url=url, meta={"crawled": crawled}
        )
    except ArticleError as exc:
        return where, name, exc
    return where, name, article
