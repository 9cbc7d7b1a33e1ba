"""What a corpus run reads, as a stream of tasks for the workers: article files (read by the
workers themselves), and the rows of tables and the pages of web archives (read here, one
at a time, and sent to the workers as articles).

Ids are those :class:`toolkit.article.ArticleInputs` gives: a file's from its name, a row's
from the table's id column (made file-name-safe), else ``<table name>-<row number>``; all
unique in the run. What is skipped on purpose is counted in :attr:`Sources.skipped`.

>>> sources = Sources.scan([])
>>> sources.nothing, list(sources.tasks())
('(no paths)', [])
"""

from __future__ import annotations

import random
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from toolkit.article import (
    Article,
    ArticleInputs,
    TableColumns,
    assign_ids,
    count_records,
    is_table,
    is_warc,
    resolved,
    scan_paths,
)
from toolkit.errors import ArticleError, ArticleWarning

__all__ = ["ArticleTask", "FailedTask", "FileTask", "Sources", "Task", "row_topic"]


@dataclass(frozen=True)
class FileTask:
    """An article file, read by the worker: its path, id and topic (its folder's name)."""

    path: str
    id: str
    topic: str | None = None

    @property
    def source(self) -> str:
        return self.path


@dataclass(frozen=True)
class ArticleTask:
    """An article already read (a table's row, an archived page); ``source`` names it in
    messages (``"articles.csv:12"``)."""

    article: Article
    source: str
    topic: str | None = None


@dataclass(frozen=True)
class FailedTask:
    """An input that gave no article (a malformed row, an unreadable table): its error
    goes through the workers like a result, so that it keeps its place in the order."""

    source: str
    message: str


Task = FileTask | ArticleTask | FailedTask

#: Names of a row's field holding its topic (section, category), compared ignoring case.
TOPIC_FIELDS = ("topic", "section", "category")


def row_topic(article: Article) -> str | None:
    """The topic of an article read from a table: its ``topic``, ``section`` or ``category``
    field (kept in ``meta``), if it has one.

    >>> row_topic(Article.from_text("Rates held.", meta={"Section": "business"}))
    'business'
    """
    by_name = {str(k).casefold(): v for k, v in article.meta.items()}
    for name in TOPIC_FIELDS:
        value = by_name.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


@dataclass
class Sources:
    """The inputs of one run: the files found, how many articles they hold (``total``, None
    when it cannot be known without reading them all), what was skipped on purpose, and the
    tasks (:meth:`tasks`, streamed).

    ``columns`` names table columns (None: recognised); warnings (dates that do not parse,
    duplicate ids) go to ``on_warning`` (None: :class:`~toolkit.errors.ArticleWarning`).
    ``sample=N`` keeps a random choice of N articles (``seed``), in input order: files and
    rows alike, each with the id it has in the whole corpus.
    """

    files: list[Path]
    nothing: str | None = None
    columns: TableColumns | None = None
    on_warning: Callable[[str], None] | None = None
    skipped: Counter[str] = field(default_factory=Counter)
    sample: int | None = None
    seed: int = 0
    _sizes: dict[Path, int | None] = field(default_factory=dict, repr=False)

    @classmethod
    def scan(
        cls,
        paths: str | Path | Iterable[str | Path],
        *,
        exclude: str | Path | None = None,
        **options: Any,
    ) -> Sources:
        """The inputs named by ``paths`` (files, folders searched recursively, globs), without
        the files in the folder ``exclude`` (an output folder)."""
        given = [paths] if isinstance(paths, (str, Path)) else list(paths)
        scan = scan_paths(given)
        files = scan.files
        if exclude is not None:
            # The output folder and everything in it are never input (compared resolved).
            root = resolved(Path(exclude))
            inside = {f for f in files if resolved(f).is_relative_to(root)}
            files = [f for f in files if f not in inside]
            if inside:
                scan.skipped["in the output folder"] += len(inside)
        nothing = None if files else (" ".join(str(p) for p in given) or "(no paths)")
        sources = cls(files, nothing, skipped=scan.skipped, **options)
        if sources.sample is not None and sources.sample < 0:
            raise ValueError(f"sample must be a positive number of articles, got {sources.sample}")
        return sources

    @property
    def total(self) -> int | None:
        """How many tasks :meth:`tasks` yields (None for a web archive: not known before it
        is read)."""
        sizes = [self._size(path) for path in self.files]
        if None in sizes:
            return None
        count = sum(sizes)  # type: ignore[arg-type]
        return count if self.sample is None else min(self.sample, count)

    def _size(self, path: Path) -> int | None:
        """Articles (or errors) that ``path`` gives: 1 for a file, a table's records."""
        if path not in self._sizes:
            if is_warc(path):
                self._sizes[path] = None
            elif is_table(path):
                try:
                    self._sizes[path] = count_records(path)
                except ArticleError:
                    self._sizes[path] = 1  # reading it gives one error
            else:
                self._sizes[path] = 1
        return self._sizes[path]

    def tasks(self) -> Iterator[Task]:
        """A task for each article (or input that failed), in input order."""
        if self.sample is None:
            yield from self._all_tasks()
            return
        keep = self._sampled()
        for index, task in enumerate(self._all_tasks()):
            if index in keep:
                yield task

    def _sampled(self) -> set[int]:
        """The indices of the sampled tasks (all of them when there are fewer)."""
        count = sum(
            size if size is not None else _count_items(path, self.columns)
            for path, size in ((p, self._size(p)) for p in self.files)
        )
        if self.sample >= count:
            return set(range(count))
        return set(random.Random(self.seed).sample(range(count), self.sample))

    def _all_tasks(self) -> Iterator[Task]:
        plain = [p for p in self.files if not (is_table(p) or is_warc(p))]
        ids = assign_ids(plain)
        # One table alone has unique ids already: no need to hold them all a second time.
        unique = _UniqueIds(ids.values()) if len(self.files) > 1 else None
        for path in self.files:
            if path in ids:
                yield FileTask(str(path), ids[path], _folder_topic(path))
                continue
            inputs = ArticleInputs([path], columns=self.columns, on_warning=self.on_warning)
            for item in inputs:
                if item.article is None:
                    yield FailedTask(item.source, str(item.error))
                    continue
                article = item.article
                if unique is not None:
                    article = unique.renamed(article, item.source)
                yield ArticleTask(article, item.source, row_topic(article))
            self.skipped.update(inputs.scan.skipped)  # a web archive's other records
        if unique is not None and unique.clashes:
            (self.on_warning or _warn)(unique.note())


class _UniqueIds:
    """Ids across the inputs of a run: an article whose id another input already has gets
    ``-2``, ``-3``... (each table's ids are already unique within it)."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.used = set(taken)
        self.clashes: list[tuple[str, str, str]] = []  # source, wanted, given

    def renamed(self, article: Article, source: str) -> Article:
        wanted, candidate, counter = article.id, article.id, 1
        while candidate in self.used:
            counter += 1
            candidate = f"{wanted}-{counter}"
        self.used.add(candidate)
        if candidate == wanted:
            return article
        self.clashes.append((source, wanted, candidate))
        return replace(article, id=candidate)

    def note(self) -> str:
        source, wanted, given = self.clashes[0]
        return (
            f"{len(self.clashes)} id(s) already used by another input made unique (first "
            f"{wanted!r} at {source} -> {given!r})"
        )


def _warn(message: str) -> None:
    warnings.warn(message, ArticleWarning, stacklevel=3)


def _folder_topic(path: Path) -> str | None:
    """The article's folder name (``bbc/sport/001.txt`` -> ``sport``)."""
    return path.parent.name or resolved(path).parent.name or None


def _count_items(path: Path, columns: TableColumns | None) -> int:
    """The articles or errors a web archive gives: only known by reading it."""
    return sum(1 for _ in ArticleInputs([path], columns=columns, on_warning=lambda _: None))
