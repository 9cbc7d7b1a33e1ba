"""Analysing many articles: the task list from paths (ids, topics, a sample), run on an engine
(:mod:`toolkit.corpus.engines`), results put back in input order.

>>> [r.error for r in iter_corpus([], progress=False)]
['(no paths): no article files found']
"""

from __future__ import annotations

import contextlib
import random
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from toolkit.article import assign_ids, expand_paths, resolved
from toolkit.corpus._rows import ArticleResult, analyze_task
from toolkit.corpus.engines import TaskFailure, run

__all__ = ["iter_corpus"]

#: One article to analyse: (path, id, topic).
Task = tuple[str, str, "str | None"]


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
) -> Iterator[ArticleResult]:
    """Analyse articles and yield an :class:`ArticleResult` for each, in input order.

    ``paths`` are files, folders (searched recursively) and globs, as for the CLI. Results
    arrive as the workers finish them and are put back in order with a small buffer.
    ``sample=N`` analyses a random choice of N files (``seed`` makes it reproducible), kept
    in input order. Files in the folder ``exclude`` (an output folder) are left out.

    >>> for result in iter_corpus("bbc/", workers=2, progress=False):   # doctest: +SKIP
    ...     print(result.path, result.error or result.article["words"])
    """
    tasks, nothing = _tasks(paths, sample, seed, exclude)
    for given in nothing:
        yield ArticleResult(path=given, error=f"{given}: no article files found")
    if not tasks:
        return
    if engine == "local":
        # Load the models once here: forked workers share them instead of each loading its own.
        _warm_up()
    bar = _progress_bar(len(tasks), progress)
    try:
        results = run(analyze_task, tasks, engine=engine, workers=workers, scheduler=scheduler)
        yield from _in_order(_as_article_results(results, tasks, bar))
    finally:
        bar.close()


def _as_article_results(
    results: Iterator[tuple[int, object]], tasks: list[Task], bar
) -> Iterator[tuple[int, ArticleResult]]:
    """Results as they arrive (counted on ``bar``); a task the engine could not run (a
    :class:`~toolkit.corpus.engines.TaskFailure`) fails its article."""
    for index, result in results:
        bar.update(1)
        if isinstance(result, TaskFailure):
            path = tasks[index][0]
            result = ArticleResult(path=path, error=f"{path}: {result.message}")
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


def _tasks(
    paths: str | Path | Iterable[str | Path],
    sample: int | None,
    seed: int,
    exclude: str | Path | None = None,
) -> tuple[list[Task], list[str]]:
    """The tasks, and the given paths as one string if they hold no article file."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    given = list(paths)
    files = expand_paths(given)
    if exclude is not None:
        # The output folder and everything in it are never input (compared resolved).
        root = resolved(Path(exclude))
        files = [f for f in files if not resolved(f).is_relative_to(root)]
    # Ids come from the whole list, so an article has the same id in a sample as in the corpus.
    ids = assign_ids(files)
    if sample is not None:
        files = _sample(files, sample, seed)
    tasks = [(str(p), ids[p], _topic(p)) for p in files]
    nothing = [] if files else [" ".join(str(p) for p in given) or "(no paths)"]
    return tasks, nothing


def _sample(files: list[Path], n: int, seed: int) -> list[Path]:
    """A random choice of ``n`` files (reproducible with ``seed``), in input order."""
    if n < 0:
        raise ValueError(f"sample must be a positive number of articles, got {n}")
    if n >= len(files):
        return files
    keep = sorted(random.Random(seed).sample(range(len(files)), n))
    return [files[i] for i in keep]


def _topic(path: Path) -> str | None:
    """The article's folder name (``bbc/sport/001.txt`` -> ``sport``)."""
    return path.parent.name or resolved(path).parent.name or None


def _warm_up() -> None:
    """Analyse a line of text, so that lazily loaded models and word lists are in memory."""
    from toolkit.analysis import analyze

    with contextlib.suppress(Exception):  # a real article will report the problem
        analyze('Talks resumed in London on Monday. "We are ready," Mr Smith said.')


def _progress_bar(total: int, enabled: bool):
    # Where stderr is no terminal (a notebook without ipywidgets, papermill, a log file) each
    # refresh stays as a line of its own: refresh at most every tenth of the work and 10 s.
    quiet = (
        {}
        if sys.stderr.isatty()
        else {"miniters": max(1, total // 10), "mininterval": 10, "maxinterval": float("inf")}
    )
    with warnings.catch_warnings():
        # Without ipywidgets, tqdm.auto falls back to a text bar (with a warning we don't need).
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm

        return tqdm(total=total, unit="article", desc="analysing", disable=not enabled, **quiet)
