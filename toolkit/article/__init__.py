"""Loading and cleaning: files, web pages, tables and strings in, :class:`Article` out.

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
binary detection, encodings), ``_clean`` (markup and whitespace), ``_meta`` (dates, authors),
``_paths`` (files, folders and globs to paths; safe unique ids), ``_load`` (one file to one
article), ``_pages`` (web pages through trafilatura), ``_tables`` (CSV, JSON, Parquet and
DataFrames read record by record), ``_columns`` (records to articles: recognised columns,
ids, dates), ``_warc`` (web archives, page by page), ``_records`` (chosen records of a table, read
again), ``_inputs`` (:func:`read_articles` and :class:`ArticleInputs`, over all of them).
"""

from __future__ import annotations

from toolkit.article._article import Article
from toolkit.article._clean import clean_text
from toolkit.article._columns import COLUMN_NAMES, TableColumns
from toolkit.article._decode import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    open_regular_file,
    read_file_bytes,
)
from toolkit.article._inputs import ArticleInputs, Loaded, read_articles
from toolkit.article._load import HTML_SUFFIXES, MARKDOWN_SUFFIXES, load_article
from toolkit.article._meta import parse_date, split_authors
from toolkit.article._pages import PAGE_SUFFIXES, Page, extract_page, is_page
from toolkit.article._paths import (
    ARTICLE_SUFFIXES,
    INPUT_SUFFIXES,
    PathScan,
    assign_ids,
    expand_paths,
    resolved,
    scan_paths,
    slugify,
)
from toolkit.article._records import count_records, read_rows
from toolkit.article._tables import TABLE_SUFFIXES, is_table
from toolkit.article._warc import WARC_SUFFIXES, is_warc

__all__ = [
    "ARTICLE_SUFFIXES",
    "COLUMN_NAMES",
    "DEFAULT_MAX_BYTES",
    "HTML_SUFFIXES",
    "INPUT_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "PAGE_SUFFIXES",
    "TABLE_SUFFIXES",
    "WARC_SUFFIXES",
    "Article",
    "ArticleInputs",
    "Loaded",
    "Page",
    "PathScan",
    "TableColumns",
    "assign_ids",
    "clean_text",
    "count_records",
    "decode_bytes",
    "expand_paths",
    "extract_page",
    "is_page",
    "is_table",
    "is_warc",
    "load_article",
    "open_regular_file",
    "parse_date",
    "read_articles",
    "read_file_bytes",
    "read_rows",
    "resolved",
    "scan_paths",
    "slugify",
    "split_authors",
]
