"""What a batch reports on: article files, and the rows of tables (CSV, JSON lines, Parquet...)
and the pages of web archives, one report each.

A file is read by the report notebook itself. A table row is read by the batch (columns
recognised or named, ids from the id column made safe and unique, dates parsed: see
:class:`toolkit.article.ArticleInputs`) and saved, as the article it makes, to
``OUT/_inputs/<name>.article.json``: the notebook's ``article_path`` names that file, which
:func:`load_report_article` reads back into the same :class:`~toolkit.article.Article`. So a
report of a row can be run again from its notebook alone, and its manifest key is a hash of
that record: a report is rebuilt when its row changes, not when another row of the table does.

>>> article = Article.from_text("Port strike ends\\n\\nDockers went back.", id="strike",
...                             outlet="The Ledger", date="2024-03-05")
>>> data = article_record(article, "strike")
>>> article_from_record(data).outlet
'The Ledger'
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from toolkit.article import (
    Article,
    ArticleInputs,
    TableColumns,
    assign_ids,
    is_table,
    is_warc,
    load_article,
    parse_date,
    read_file_bytes,
    slugify,
)
from toolkit.errors import ArticleError
from toolkit.reports._folder import INPUT_SUFFIX
from toolkit.spans import Span

__all__ = [
    "ReportInput",
    "article_from_record",
    "article_record",
    "load_report_article",
    "report_inputs",
]

_FORMAT = 1


@dataclass(frozen=True)
class ReportInput:
    """One article to report on, with the id it asks for and where it came from (``source``,
    as given: ``story.txt``, ``articles.csv:12``): a file the notebook reads (``path``), a
    table row read by the batch (``record``, see :func:`article_record`), or the reason
    there is no article (``error``)."""

    id: str
    source: str
    path: Path | None = None
    record: bytes | None = None
    error: str | None = None


def report_inputs(
    files: list[Path],
    columns: TableColumns | None = None,
    on_warning: Callable[[str], None] | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[ReportInput]:
    """The articles of ``files`` in order: each plain file as it is (ids as
    :func:`~toolkit.article.assign_ids` makes them), each table and web archive row by row
    (streamed: a large table is never read whole). Records skipped on purpose (a web
    archive's non-page records) are counted in ``skipped``."""
    plain = [f for f in files if not (is_table(f) or is_warc(f))]
    ids = assign_ids(plain)
    for path in files:
        if path in ids:
            yield ReportInput(ids[path], str(path), path=path)
            continue
        inputs = ArticleInputs([path], columns=columns, on_warning=on_warning)
        for item in inputs:
            if item.article is not None:
                record = article_record(item.article, item.article.id)
                yield ReportInput(item.article.id, item.source, record=record)
            else:
                yield ReportInput(
                    slugify(Path(item.source).name), item.source, error=str(item.error)
                )
        if skipped is not None:
            skipped.update(inputs.scan.skipped)


# --- saving and loading an article --------------------------------------------------------


def article_record(article: Article, id: str) -> bytes:
    """``article`` as the JSON a report notebook loads, with the id ``id``: its text exactly
    (no cleaning again), paragraphs, title, metadata and the file it came from. The same
    article always gives the same bytes (keys sorted); the row's number in its table is left
    out, so that rows moving in the table do not change the report."""
    record = {
        "format": _FORMAT,
        "id": id,
        "title": article.title,
        "text": article.text,
        "paragraphs": [[p.start, p.end] for p in article.paragraphs],
        "has_headline": article.has_headline,
        "source": str(article.source_path) if article.source_path is not None else None,
        "date": article.date.isoformat() if article.date is not None else None,
        "outlet": article.outlet,
        "url": article.url,
        "authors": list(article.authors),
        "meta": _json_safe(article.meta),
    }
    text = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def article_from_record(data: bytes, where: str = "<record>") -> Article:
    """The :class:`~toolkit.article.Article` :func:`article_record` saved; an
    :class:`~toolkit.errors.ArticleError` naming ``where`` for anything else."""
    try:
        record = json.loads(data.decode("utf-8"))
        if not isinstance(record, dict) or record.get("format") != _FORMAT:
            raise ValueError("not an article saved by toolkit report")
        text = record["text"]
        paragraphs = tuple(Span(s, e, text[s:e]) for s, e in record["paragraphs"])
        if not all(0 <= p.start < p.end <= len(text) for p in paragraphs):
            raise ValueError("paragraphs outside the text")
        source = record.get("source")
        return Article(
            id=str(record["id"]),
            title=str(record["title"]),
            text=text,
            paragraphs=paragraphs,
            source_path=Path(source) if source else None,
            has_headline=bool(record.get("has_headline")),
            date=parse_date(record.get("date")),
            outlet=record.get("outlet"),
            url=record.get("url"),
            authors=tuple(record.get("authors") or ()),
            meta=dict(record.get("meta") or {}),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise ArticleError(where, f"cannot read the saved article ({exc})") from None


def load_report_article(path: str | Path, *, id: str | None = None) -> Article:
    """The article a report notebook is about: a table row the batch saved
    (``_inputs/<name>.article.json``, see :func:`article_record`), or an article file, read
    as :func:`toolkit.load_article` reads it. ``id`` replaces the article's id.

    >>> load_report_article("seeds/000_810c36b51088a32c.txt").id  # doctest: +SKIP
    '000_810c36b51088a32c'
    """
    path = Path(path)
    if not path.name.endswith(INPUT_SUFFIX):
        return load_article(path, id=id)
    article = article_from_record(read_file_bytes(path), str(path))
    if id is not None and id != article.id:
        article = replace(article, id=id)
    return article


def _json_safe(value: Any) -> Any:
    """Metadata as JSON: dicts and lists kept, numbers that are not finite as None, anything
    else that JSON has no type for (dates, numpy values) as its text."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if hasattr(value, "item"):  # numpy scalars
        return _json_safe(value.item())
    return str(value)
