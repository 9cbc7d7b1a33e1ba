"""Everything the user names, as articles: files, folders, globs, web pages, web archives
(WARC) and tables.

Two ways in:

- :func:`read_articles` (``toolkit.read_articles``), for Python: articles from a table, a
  DataFrame, a file or a folder; problems are warnings and the rest goes on.
- :class:`ArticleInputs`, for batches (the command line, corpus and report builders): every
  input as a :class:`Loaded` (an article, or the error that says why there is none), with the
  files skipped on purpose counted.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from toolkit.article._article import Article
from toolkit.article._columns import IdRegistry, TableColumns, table_articles
from toolkit.article._decode import DEFAULT_MAX_BYTES
from toolkit.article._load import load_article
from toolkit.article._paths import PathScan, assign_ids, scan_paths, slugify
from toolkit.article._tables import is_table, open_table
from toolkit.article._warc import is_warc, warc_pages
from toolkit.errors import ArticleError, ArticleWarning


@dataclass(frozen=True)
class Loaded:
    """One input: an article, or the error that says why there is none. ``source`` names it
    (``"story.txt"``, ``"articles.csv:12"``), as given (print it with ``printable``)."""

    source: str
    article: Article | None = None
    error: ArticleError | None = None


class ArticleInputs:
    """The articles named by ``paths`` (files, folders, globs; web pages; tables, one article
    per row), in order, each a :class:`Loaded`. Nothing is read before iteration, and tables
    are streamed.

    Ids: a file's from its name (:func:`assign_ids`, as before), a row's from the table's id
    column (made file-name-safe), else ``<table name>-<row number>``; all unique in the run (a
    repeat gets ``-2`` and a warning). ``columns`` names table columns (None: recognised).
    Warnings (dates that do not parse, duplicate ids) go to ``on_warning`` (default:
    :class:`~toolkit.errors.ArticleWarning`). ``scan.skipped`` counts files skipped on purpose.

    >>> for item in ArticleInputs(["exports/"]):  # doctest: +SKIP
    ...     print(item.article.id if item.article else f"error: {item.error}")
    """

    def __init__(
        self,
        paths: str | Path | Iterable[str | Path],
        *,
        columns: TableColumns | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        on_warning: Callable[[str], None] | None = None,
    ) -> None:
        self.paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
        self.columns = columns
        self.max_bytes = max_bytes
        self.on_warning = on_warning or _warn
        self.scan: PathScan = scan_paths(self.paths)

    @property
    def files(self) -> list[Path]:
        return self.scan.files

    def __iter__(self) -> Iterator[Loaded]:
        files = [p for p in self.files if not (is_table(p) or is_warc(p))]
        ids = assign_ids(files)
        registry = IdRegistry(ids.values())
        for path in self.files:
            if is_table(path):
                yield from table_items(
                    path, self.columns, registry, self.on_warning, self.max_bytes
                )
                continue
            if is_warc(path):
                yield from warc_items(path, registry, self.scan.skipped, self.max_bytes)
                continue
            try:
                yield Loaded(str(path), load_article(path, id=ids[path], max_bytes=self.max_bytes))
            except ArticleError as exc:
                yield Loaded(str(path), error=exc)


def table_items(
    source: Any,
    columns: TableColumns | None,
    registry: IdRegistry,
    on_warning: Callable[[str], None],
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Loaded]:
    """A :class:`Loaded` for each record of one table (a path or a DataFrame); a table that
    cannot be read at all (unreadable, no text column) is one :class:`Loaded` error."""
    is_path = isinstance(source, (str, Path))
    name = str(source) if is_path else "<DataFrame>"
    try:
        table = open_table(source, max_bytes)
        for record, item in table_articles(
            table,
            columns,
            ids=registry,
            warn=on_warning,
            max_bytes=max_bytes,
            source_path=Path(source) if is_path else None,
        ):
            if isinstance(item, Article):
                yield Loaded(record.where, item)
            else:
                yield Loaded(record.where, error=item)
    except ArticleError as exc:
        yield Loaded(name, error=exc)


def warc_items(
    path: Path, registry: IdRegistry, skipped: Counter[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Loaded]:
    """A :class:`Loaded` for each HTML page of a web archive (ids from the URLs, unique)."""
    try:
        for number, (where, name, item) in enumerate(warc_pages(path, skipped, max_bytes), 1):
            if isinstance(item, Article):
                item = replace(item, id=registry.claim(slugify(name)), source_row=number)
                yield Loaded(where, item)
            else:
                yield Loaded(where, error=item)
    except ArticleError as exc:
        yield Loaded(str(path), error=exc)


def read_articles(
    source: Any,
    *,
    text: str | None = None,
    id: str | None = None,
    date: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    authors: str | None = None,
    errors: str = "warn",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Articles from a table (CSV, TSV, JSON lines, a JSON array, Parquet; ``.gz`` too), a
    pandas DataFrame, or files and folders (as the command line reads them).

    Columns are recognised by their usual names (text/body/content/articleBody/full_text,
    date/publish_date/published/..., outlet/media_name/source/publisher/site, title/headline,
    url/link, stories_id/id/guid, authors/author/byline) unless named here. The other columns
    are kept in ``Article.meta``. Rows are read one at a time, so a large table never sits in
    memory whole.

    A row or file that cannot be read is an :class:`~toolkit.errors.ArticleWarning` naming the
    file and line, and the rest goes on (``errors="raise"``: the first one raises its
    :class:`~toolkit.errors.ArticleError`). When nothing at all could be read, the first error
    is raised.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"headline": ["Port strike ends"], "body": ["Dockers went back."],
    ...                       "published": ["2024-03-05 09:30:00"], "site": ["The Ledger"]})
    >>> [(a.title, a.text, a.outlet, a.date.isoformat()) for a in read_articles(frame)]
    [('Port strike ends', 'Dockers went back.', 'The Ledger', '2024-03-05T09:30:00+00:00')]
    """
    if errors not in ("warn", "raise"):
        raise ValueError(f"errors must be 'warn' or 'raise', got {errors!r}")
    columns = TableColumns(text, id, date, outlet, title, url, authors)
    if hasattr(source, "itertuples") and hasattr(source, "columns"):  # a DataFrame
        items: Iterable[Loaded] = table_items(source, columns, IdRegistry(), _warn, max_bytes)
    else:
        items = ArticleInputs(source, columns=columns, max_bytes=max_bytes)
    first_error: ArticleError | None = None
    count = 0
    for item in items:
        if item.article is not None:
            count += 1
            yield item.article
            continue
        if errors == "raise":
            raise item.error
        first_error = first_error or item.error
        warnings.warn(str(item.error), ArticleWarning, stacklevel=2)
    if count == 0 and first_error is not None:
        raise first_error


def _warn(message: str) -> None:
    warnings.warn(message, ArticleWarning, stacklevel=3)
