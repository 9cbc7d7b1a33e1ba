"""One file in, one :class:`Article` out."""

from __future__ import annotations

from pathlib import Path

from toolkit.article._article import Article, build_article
from toolkit.article._clean import clean, looks_like_html_document
from toolkit.article._decode import DEFAULT_MAX_BYTES, decode_bytes, read_file_bytes
from toolkit.article._pages import is_page, load_page
from toolkit.article._paths import file_stem, slugify
from toolkit.article._tables import is_table
from toolkit.article._warc import is_warc
from toolkit.errors import EmptyArticleError, TableError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}  # read as web pages (see _pages.PAGE_SUFFIXES)
MARKDOWN_SUFFIXES = {".md", ".markdown"}


def load_article(
    path: str | Path,
    *,
    id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read a ``.txt``, ``.md`` or web page (``.html``, ``.htm``, ``.html.gz``) into an
    :class:`Article`.

    A web page goes through main-content extraction (:func:`toolkit.article.extract_page`):
    its boilerplate is removed and its metadata fills the article's. Other files are cleaned
    by the toolkit (markup, whitespace). A table (``.csv``, ``.jsonl``...) holds many
    articles: read it with :func:`toolkit.read_articles`.

    Text is decoded as UTF-8 (a byte-order mark selects UTF-8 or UTF-16); a file that is not
    valid UTF-8 is read as cp1252, then latin-1 (the common encodings of news dumps), and
    ``Article.encoding`` says which was used. Any other suffix is read as plain text.

    Only regular files are read. Raises an :class:`~toolkit.ArticleError` subclass, with a
    one-line message naming the file, for a missing path, a directory, a FIFO, a device, a
    symlink loop, an empty, binary, undecodable or too-large file.

    >>> load_article("seeds/000_810c36b51088a32c.txt").id  # doctest: +SKIP
    '000_810c36b51088a32c'
    """
    path = Path(path)
    if is_table(path):
        raise TableError(path, "a table of articles, one per row: read it with read_articles")
    if is_warc(path):
        raise TableError(path, "a web archive of many pages: read it with read_articles")
    if is_page(path):
        return load_page(path, id=id or slugify(file_stem(path)), max_bytes=max_bytes)
    data = read_file_bytes(path, max_bytes)
    text, encoding = decode_bytes(data, path)
    suffix = path.suffix.lower()
    is_html = suffix in HTML_SUFFIXES or (
        suffix not in MARKDOWN_SUFFIXES and looks_like_html_document(text)
    )
    paragraphs, found_title = clean(text, is_html=is_html, is_markdown=suffix in MARKDOWN_SUFFIXES)
    if not paragraphs:
        raise EmptyArticleError(path, "no text left after removing markup and whitespace")
    return build_article(
        paragraphs,
        found_title,
        id=id or slugify(path.stem),
        source_path=path,
        encoding=encoding,
    )
