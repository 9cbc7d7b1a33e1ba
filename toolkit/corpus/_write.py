"""Streaming a corpus to Parquet files: :func:`write_corpus` (the ``toolkit corpus`` command)
and :func:`write_tables`, which every writer of a corpus folder goes through.

>>> summary = write_corpus("bbc/", "bbc-tables/", workers=2)  # doctest: +SKIP
>>> summary.articles, summary.rows["quotes"]                  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.corpus._run import iter_corpus
from toolkit.corpus._schema import TABLES
from toolkit.corpus._sink import ParquetSink, collect

__all__ = ["WriteSummary", "write_corpus", "write_tables"]


@dataclass(frozen=True)
class WriteSummary:
    """What :func:`write_corpus` wrote."""

    folder: Path
    articles: int
    duplicates: int
    errors: list[tuple[str, str]]
    rows: dict[str, int]


def write_corpus(
    paths: str | Path | Iterable[str | Path],
    folder: str | Path,
    workers: int | None = None,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    sample: int | None = None,
    seed: int = 0,
    dedupe: bool = False,
    progress: bool = True,
) -> WriteSummary:
    """Like :func:`~toolkit.corpus.analyze_corpus`, but stream the tables to Parquet files in
    ``folder`` (``articles.parquet``, ``actors.parquet``, ...) as the rows arrive, so memory
    stays flat however large the corpus. Read them back with
    :meth:`~toolkit.corpus.Corpus.read_parquet`.

    Each file is written under a temporary name and renamed when complete. Files under
    ``folder`` are never taken as articles, even when it lies inside ``paths``.
    """
    folder = Path(folder)
    options = dict(engine=engine, scheduler=scheduler, sample=sample, seed=seed)
    with write_tables(folder) as sinks:
        results = iter_corpus(paths, workers=workers, progress=progress, exclude=folder, **options)
        done = collect(results, sinks, dedupe=dedupe)
    return WriteSummary(
        folder=folder,
        articles=done.articles,
        duplicates=done.duplicates,
        errors=done.errors,
        rows={name: sink.rows for name, sink in sinks.items()},
    )


@contextlib.contextmanager
def write_tables(folder: Path) -> Iterator[dict[str, ParquetSink]]:
    """A :class:`~toolkit.corpus._sink.ParquetSink` per table in ``folder``; when the block
    ends, the finished files replace the tables. After an error, nothing is replaced and
    the temporary files are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    sinks = {name: ParquetSink(name, folder / f"{name}.parquet") for name in TABLES}
    try:
        yield sinks
        for sink in sinks.values():
            sink.finish()
        for sink in sinks.values():
            sink.publish()
    finally:
        for sink in sinks.values():
            sink.abort()
