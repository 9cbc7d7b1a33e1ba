"""Analysing many articles: the inputs as a stream of tasks (:mod:`toolkit.corpus._sources`),
run on an engine (:mod:`toolkit.corpus.engines`), results put back in input order.

>>> [r.error for r in iter_corpus([], progress=False)]
['(no paths): no article files found']
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path

from toolkit.article import TableColumns
from toolkit.corpus._rows import ArticleResult, analyze_task
from toolkit.corpus._sources import Sources, Task
from toolkit.corpus.engines import TaskFailure, run
from toolkit.quotes import check_scope

__all__ = ["as_columns", "iter_corpus", "iter_results"]

#: Table columns as given: named fields, a ``{field: column}`` dict, or None (recognised).
Columns = TableColumns | Mapping[str, str] | None


def iter_corpus(
    paths: str | Path | Iterable[str | Path],
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    sample: int | None = None,
    seed: int = 0,
    progress: bool = True,
    exclude: str | Path | None = None,
    columns: Columns = None,
    on_warning: Callable[[str], None] | None = None,
    scope: str = "speech",
) -> Iterator[ArticleResult]:
    """Analyse articles and yield an :class:`ArticleResult` for each, in input order.

    ``paths`` are files, folders (searched recursively) and globs, as for the CLI: article
    files, web pages, web archives, and tables (CSV, TSV, JSON lines, JSON, Parquet: one
    article per row; ``columns`` names their columns, as :func:`toolkit.read_articles` does,
    e.g. ``{"text": "body"}``; others are recognised). Results arrive as the workers finish
    them and are put back in order with a small buffer. ``sample=N`` analyses a random choice
    of N articles (``seed`` makes it reproducible), kept in input order. Files in the folder
    ``exclude`` (an output folder) are left out. Warnings about the inputs (dates that do not
    parse, repeated ids) go to ``on_warning`` (default: an :class:`~toolkit.ArticleWarning`).
    ``scope`` chooses the quotations, as :func:`toolkit.extract_quotes` does.

    >>> for result in iter_corpus("bbc/", workers=2, progress=False):   # doctest: +SKIP
    ...     print(result.path, result.error or result.article["words"])
    """
    sources = Sources.scan(
        paths,
        exclude=exclude,
        columns=as_columns(columns),
        on_warning=on_warning,
        sample=sample,
        seed=seed,
    )
    yield from iter_results(
        sources,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
        scope=scope,
    )


def as_columns(columns: Columns) -> TableColumns | None:
    """``columns`` as :class:`~toolkit.article.TableColumns` (None stays None).

    >>> as_columns({"text": "body"})
    TableColumns(text='body', id=None, date=None, outlet=None, title=None, url=None, authors=None)
    """
    if columns is None or isinstance(columns, TableColumns):
        return columns
    return TableColumns(**dict(columns))


def iter_results(
    sources: Sources,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool = True,
    scope: str = "speech",
) -> Iterator[ArticleResult]:
    """The results of the tasks of ``sources``, in input order (see :func:`iter_corpus`)."""
    check_scope(scope)
    if sources.nothing is not None:
        yield ArticleResult(
            path=sources.nothing, error=f"{sources.nothing}: no article files found"
        )
        return
    if engine == "local":
        # Load the models once here: forked workers share them instead of each loading its own.
        _warm_up()
    total = sources.total
    bar = _progress_bar(total, progress)
    tasks = _Tracked(sources.tasks())
    try:
        results = run(
            partial(analyze_task, scope=scope),
            tasks,
            engine=engine,
            workers=workers,
            scheduler=scheduler,
            total=total,
        )
        yield from _in_order(_as_article_results(results, tasks, bar))
    finally:
        bar.close()


class _Tracked:
    """The task stream, remembering where each task in flight came from (by its index), so
    that a task the engine could not run is reported with its file or row."""

    def __init__(self, tasks: Iterator[Task]) -> None:
        self._tasks = tasks
        self._sources: dict[int, str] = {}

    def __iter__(self) -> Iterator[Task]:
        for index, task in enumerate(self._tasks):
            self._sources[index] = task.source
            yield task

    def source(self, index: int) -> str:
        return self._sources.pop(index, "(unknown input)")


def _as_article_results(
    results: Iterator[tuple[int, object]], tasks: _Tracked, bar
) -> Iterator[tuple[int, ArticleResult]]:
    """Results as they arrive (counted on ``bar``); a task the engine could not run (a
    :class:`~toolkit.corpus.engines.TaskFailure`) fails its article."""
    for index, result in results:
        bar.update(1)
        source = tasks.source(index)
        if isinstance(result, TaskFailure):
            result = ArticleResult(path=source, error=f"{source}: {result.message}")
        yield index, result


def _in_order(results: Iterator[tuple[int, ArticleResult]]) -> Iterator[ArticleResult]:
    """Results arriving in any order, yielded by index (0, 1, 2...) as soon as possible.

    >>> list(_in_order(iter([(1, "b"), (0, "a"), (2, "c")])))
    ['a', 'b', 'c']
    """
    waiting = {}
    next_index = 0
    for index, result in results:
        waiting[index] = result
        while next_index in waiting:
            yield waiting.pop(next_index)
            next_index += 1


def _warm_up() -> None:
    """Analyse a line of text, so that lazily loaded models and word lists are in memory."""
    from toolkit.analysis import analyze

    with contextlib.suppress(Exception):  # a real article will report the problem
        analyze('Talks resumed in London on Monday. "We are ready," Mr Smith said.')


def _progress_bar(total: int | None, enabled: bool):
    # Where stderr is no terminal (a notebook without ipywidgets, papermill, a log file) each
    # refresh stays as a line of its own: refresh at most every tenth of the work and 10 s.
    quiet = (
        {}
        if sys.stderr.isatty()
        else {
            "miniters": max(1, (total or 0) // 10),
            "mininterval": 10,
            "maxinterval": float("inf"),
        }
    )
    with warnings.catch_warnings():
        # Without ipywidgets, tqdm.auto falls back to a text bar (with a warning we don't need).
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm

        return tqdm(total=total, unit="article", desc="analysing", disable=not enabled, **quiet)
