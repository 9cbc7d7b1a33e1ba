"""Loading and cleaning: files and strings in, :class:`Article` out.

This is the only layer that reads files. Everything downstream works on ``Article.text``, the
cleaned text that all offsets refer to: markup removed, whitespace normalised, paragraphs kept
and separated by one blank line.

>>> article = Article.from_text("Talks resume\\n\\nThe  talks resumed on Monday.\\np>\\n")
>>> article.title
'Talks resume'
>>> article.text
'Talks resume\\n\\nThe talks resumed on Monday.'
>>> [p.text for p in article.paragraphs]
['Talks resume', 'The talks resumed on Monday.']

Modules: ``_article`` (the :class:`Article`), ``_decode`` (regular files only, size limit,
binary detection, encodings), ``_clean`` (markup and whitespace), ``_paths`` (files, folders
and globs to paths; safe unique ids), ``_load`` (one file to one article).
"""

from __future__ import annotations

from toolkit.article._article import Article
from toolkit.article._clean import clean_text
from toolkit.article._decode import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    open_regular_file,
    read_file_bytes,
)
from toolkit.article._load import HTML_SUFFIXES, MARKDOWN_SUFFIXES, load_article
from toolkit.article._paths import (
    ARTICLE_SUFFIXES,
    PathScan,
    assign_ids,
    expand_paths,
    scan_paths,
    slugify,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "HTML_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "Article",
    "PathScan",
    "assign_ids",
    "clean_text",
    "decode_bytes",
    "expand_paths",
    "load_article",
    "open_regular_file",
    "read_file_bytes",
    "scan_paths",
    "slugify",
]
