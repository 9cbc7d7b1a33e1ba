"""From a table's records to :class:`Article` objects: which column holds what, ids made safe
and unique, dates parsed, the other fields kept as ``meta``.

Columns are recognised by their usual names (Media Cloud, NewsAPI, news-please, scrapers...)
when they are not named; names compare ignoring case, ``_``, ``-`` and spaces.

>>> TableColumns.recognise(["stories_id", "publish_date", "media_name", "title", "url", "text"])
{'text': 'text', 'id': 'stories_id', 'date': 'publish_date', 'outlet': 'media_name', 'title': 'title', 'url': 'url'}
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from toolkit.article._article import Article, build_article
from toolkit.article._clean import clean, looks_like_html_document
from toolkit.article._decode import DEFAULT_MAX_BYTES
from toolkit.article._meta import parse_date, split_authors, text_value
from toolkit.article._paths import slugify
from toolkit.article._tables import TABLE_SUFFIXES, Record, Table
from toolkit.errors import (
    ArticleError,
    ArticleTooLargeError,
    ArticleWarning,
    EmptyArticleError,
    TableError,
)

#: Usual column names for each field, in order of preference.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articleBody", "full_text", "maintext", "article_text",
             "story", "article"),
    "id": ("stories_id", "id", "guid", "article_id", "doc_id", "uuid"),
    "date": ("date", "publish_date", "published", "publication_date", "pubdate", "published_at",
             "date_published", "date_publish", "pub_date"),
    "outlet": ("outlet", "media_name", "source", "publisher", "site", "source_name",
               "source_domain", "sitename", "media"),
    "title": ("title", "headline"),
    "url": ("url", "link", "uri", "canonical_url"),
    "authors": ("authors", "author", "byline", "creator"),
}  # fmt: skip

Warn = Callable[[str], None]
# Ids kept as the table writes them: safe in a file name on any system. Others are slugified.
_SAFE_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9_-])?")


def _key(name: str) -> str:
    return re.sub(r"[\s_-]+", "", str(name)).casefold()


@dataclass(frozen=True)
class TableColumns:
    """The columns to read, as named by the user; ``None`` means "recognise it".

    >>> TableColumns(text="body_html").given()
    {'text': 'body_html'}
    """

    text: str | None = None
    id: str | None = None
    date: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    authors: str | None = None

    def given(self) -> dict[str, str]:
        return {role: name for role, name in asdict(self).items() if name}

    @staticmethod
    def recognise(names: Sequence[str], given: TableColumns | None = None) -> dict[str, str]:
        """``{field: column}`` for the columns in ``names``: the given ones (matched ignoring
        case), the others by their usual names. A given column that is missing raises
        :class:`KeyError` with the field's name."""
        by_key = {}
        for name in names:
            by_key.setdefault(_key(name), name)
        found: dict[str, str] = {}
        for role, name in (given or TableColumns()).given().items():
            if _key(name) not in by_key:
                raise KeyError(role)
            found[role] = by_key[_key(name)]
        taken = set(found.values())
        for role, usual in COLUMN_NAMES.items():
            if role in found:
                continue
            match = next((by_key[_key(u)] for u in usual if _key(u) in by_key), None)
            if match is not None and match not in taken:
                found[role] = match
                taken.add(match)
        return {role: found[role] for role in COLUMN_NAMES if role in found}


class IdRegistry:
    """Ids handed out so far in a run: a repeated id gets ``-2``, ``-3``... (never one that is
    already taken)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._used = set(taken)

    def claim(self, wanted: str) -> str:
        candidate, counter = wanted, 1
        while candidate in self._used:
            counter += 1
            candidate = f"{wanted}-{counter}"
        self._used.add(candidate)
        return candidate


def table_articles(
    table: Table,
    columns: TableColumns | None = None,
    *,
    ids: IdRegistry | None = None,
    warn: Warn | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    source_path: Path | None = None,
) -> Iterator[tuple[Record, Article | ArticleError]]:
    """``(record, article)`` for each record of ``table``, or ``(record, error)`` with the
    :class:`ArticleError` that says why it gave no article (malformed, empty text, too large).

    Raises :class:`TableError` when the table has no text column (the message lists the
    columns it has). Warnings (dates that do not parse, duplicate ids) go to ``warn`` once per
    column and once per table, at the end of the table.
    """
    warn = warn or _warn
    reader = _RowReader(table, columns, ids or IdRegistry(), max_bytes, source_path)
    for record in table.records:
        if record.problem is not None:
            yield record, record.error()
            continue
        try:
            yield record, reader.article(record)
        except ArticleError as exc:
            yield record, exc
    for message in reader.notes():
        warn(message)


def _warn(message: str) -> None:
    warnings.warn(message, ArticleWarning, stacklevel=3)


class _RowReader:
    def __init__(
        self,
        table: Table,
        columns: TableColumns | None,
        ids: IdRegistry,
        max_bytes: int,
        source_path: Path | None,
    ) -> None:
        self.table, self.given, self.ids, self.max_bytes = table, columns, ids, max_bytes
        self.source_path = source_path
        self.stem = slugify(_table_stem(table.name)) if source_path else "row"
        self.roles: dict[str, str] | None = None
        if table.columns is not None:
            self.roles = self._recognise(table.columns)
        self.bad_dates: dict[str, tuple[int, str, Any]] = {}  # column -> count, first place, value
        self.renamed: list[tuple[str, str, str]] = []

    def _recognise(self, names: Sequence[str]) -> dict[str, str]:
        try:
            roles = TableColumns.recognise(names, self.given)
        except KeyError as exc:
            role = exc.args[0]
            wanted = getattr(self.given, role)
            raise TableError(
                self.table.name,
                f"no column {wanted!r} (given as the {role} column); it has: {_listed(names)}",
            ) from None
        if "text" not in roles:
            usual = ", ".join(COLUMN_NAMES["text"])
            raise TableError(
                self.table.name,
                f"no text column (looked for {usual}); it has: {_listed(names)}; "
                "name the text column (--text-col, or text= in read_articles)",
            )
        return roles

    def article(self, record: Record) -> Article:
        fields = record.fields or {}
        if self.roles is None:  # JSON: columns are known from the first record
            self.roles = self._recognise(list(fields))
        roles = self.roles
        text = fields.get(roles["text"])
        if isinstance(text, (list, tuple)):
            text = "\n\n".join(str(t) for t in text if t is not None)
        text = "" if text is None else str(text)
        if not text.strip():
            raise EmptyArticleError(record.where, f"empty text (column {roles['text']!r})")
        if len(text) > self.max_bytes:
            raise ArticleTooLargeError(
                record.where, f"text over the {self.max_bytes:,}-byte limit (max_bytes)"
            )
        paragraphs, found_title = clean(
            text, is_html=looks_like_html_document(text), is_markdown=False
        )
        if not paragraphs:
            raise EmptyArticleError(record.where, "no text left after removing markup")
        mapped = set(roles.values())
        meta = {k: v for k, v in fields.items() if k not in mapped}
        return build_article(
            paragraphs,
            found_title,
            id=self._id(record, fields, meta),
            title=text_value(fields.get(roles.get("title", ""))),
            source_path=self.source_path,
            date=self._date(record, fields, meta),
            outlet=text_value(fields.get(roles.get("outlet", ""))),
            url=text_value(fields.get(roles.get("url", ""))),
            authors=split_authors(fields.get(roles.get("authors", ""))),
            meta=meta,
            source_row=record.number,
        )

    def _id(self, record: Record, fields: dict[str, Any], meta: dict[str, Any]) -> str:
        column = self.roles.get("id") if self.roles else None
        raw = text_value(fields.get(column)) if column else None
        if raw is None:
            return self.ids.claim(f"{self.stem}-{record.number}")
        wanted = raw if _SAFE_ID.fullmatch(raw) else slugify(raw)
        if wanted != raw:
            meta[column] = fields[column]  # the id as the table wrote it
        given = self.ids.claim(wanted)
        if given != wanted:
            self.renamed.append((record.place, wanted, given))
        return given

    def _date(self, record: Record, fields: dict[str, Any], meta: dict[str, Any]):
        column = self.roles.get("date") if self.roles else None
        if column is None:
            return None
        value = fields.get(column)
        try:
            return parse_date(value)
        except ValueError:
            meta[column] = value  # kept as text, never dropped
            count, place, first = self.bad_dates.get(column, (0, record.place, value))
            self.bad_dates[column] = (count + 1, place, first)
            return None

    def notes(self) -> list[str]:
        """One warning per column holding values that are not dates, one for duplicate ids."""
        name = self.table.name
        notes = [
            f"{name}: column {column!r}: {count} value(s) not a date (first {value!r} at "
            f"{place}); kept as text in meta"
            for column, (count, place, value) in self.bad_dates.items()
        ]
        if self.renamed:
            place, wanted, given = self.renamed[0]
            notes.append(
                f"{name}: {len(self.renamed)} duplicate id(s) made unique (first {wanted!r} at "
                f"{place} -> {given!r})"
            )
        return notes


def _table_stem(name: str) -> str:
    """``exports/articles.csv.gz`` -> ``articles``."""
    base = Path(name).name
    for suffix in sorted(TABLE_SUFFIXES, key=len, reverse=True):
        if base.lower().endswith(suffix):
            return base[: -len(suffix)] or base
    return base


def _listed(names: Sequence[str], limit: int = 30) -> str:
    shown = ", ".join(repr(str(n))[1:-1] for n in list(names)[:limit])
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return (shown + more) or "no columns"
