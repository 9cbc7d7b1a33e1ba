"""Streaming a corpus to Parquet files: :func:`write_corpus` (the ``toolkit corpus`` command)
and :func:`write_tables`, which every writer of a corpus folder goes through.

>>> summary = write_corpus("bbc/", "bbc-tables/", workers=2)  # doctest: +SKIP
>>> summary.articles, summary.rows["quotes"]                  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.corpus._folder import RUN_KEY, locked, new_run_id, sweep, sync, table_path
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
    run_id: str


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
        run_id=sinks["articles"].metadata[RUN_KEY],
    )


#: Called with each table's name right after the table is renamed into place. Tests set it
#: to stop a run between two renames, as a crash would.
fault_hook: Callable[[str], None] | None = None


@contextlib.contextmanager
def write_tables(folder: Path) -> Iterator[dict[str, ParquetSink]]:
    """A :class:`~toolkit.corpus._sink.ParquetSink` per table in ``folder``, under its lock
    and with a new run id in every table; when the block ends, the finished files replace
    the tables. After an error nothing is replaced and the temporary files are removed;
    after a kill, the next writer sweeps them."""
    folder.mkdir(parents=True, exist_ok=True)
    with locked(folder):
        sweep(folder)
        run = {RUN_KEY: new_run_id()}
        sinks = {name: ParquetSink(name, table_path(folder, name), run) for name in TABLES}
        try:
            yield sinks
            for sink in sinks.values():
                sink.finish()
            _publish(folder, sinks)
        finally:
            for sink in sinks.values():
                sink.abort()


def _publish(folder: Path, sinks: dict[str, ParquetSink]) -> None:
    """The final renames, one table after the other: a run stopped between two of them
    leaves a mixed set, which readers refuse (see :func:`~toolkit.corpus._folder.check_one_run`)."""
    for name, sink in sinks.items():
        sink.publish()
        if fault_hook is not None:
            fault_hook(name)
    sync(folder)
