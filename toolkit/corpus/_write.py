"""Streaming a corpus to Parquet files: :func:`write_corpus` (the ``toolkit corpus`` command)
and :func:`write_tables`, which every writer of a corpus folder goes through.

>>> summary = write_corpus("bbc/", "bbc-tables/", workers=2)  # doctest: +SKIP
>>> summary.articles, summary.rows["quotes"]                  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.article import PathScan, TableColumns
from toolkit.corpus._folder import (
    COLUMNS_KEY,
    RUN_KEY,
    SCOPE_KEY,
    locked,
    new_run_id,
    sweep,
    sync,
    table_path,
)
from toolkit.corpus._near import THRESHOLD
from toolkit.corpus._run import Columns, as_columns, iter_results
from toolkit.corpus._schema import TABLES
from toolkit.corpus._sink import ParquetSink, collect
from toolkit.corpus._sources import Sources
from toolkit.quotes import check_scope

__all__ = ["WriteSummary", "write_corpus", "write_tables"]


@dataclass(frozen=True)
class WriteSummary:
    """What :func:`write_corpus` wrote; ``skipped``: files left out on purpose, by reason
    (``{"hidden": 2, "not an article format": 1}``)."""

    folder: Path
    articles: int
    duplicates: int
    errors: list[tuple[str, str]]
    rows: dict[str, int]
    run_id: str
    skipped: dict[str, int] = field(default_factory=dict)
    near_duplicates: int = 0

    def skipped_summary(self) -> str:
        """``"3 files skipped: 2 hidden, 1 not an article format"``, or ``""``.

        >>> WriteSummary(Path("out"), 0, 0, [], {}, "", {"hidden": 1}).skipped_summary()
        '1 file skipped: 1 hidden'
        """
        return PathScan(skipped=Counter(self.skipped)).skipped_summary()


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
    columns: Columns = None,
    on_warning: Callable[[str], None] | None = None,
    near_duplicates: float | None = THRESHOLD,
    scope: str = "speech",
) -> WriteSummary:
    """Like :func:`~toolkit.corpus.analyze_corpus`, but stream the tables to Parquet files in
    ``folder`` (``articles.parquet``, ``actors.parquet``, ...) as the rows arrive, so memory
    stays flat however large the corpus. Read them back with
    :meth:`~toolkit.corpus.Corpus.read_parquet`.

    Tables of articles (CSV, JSON lines, Parquet...) are read row by row (``columns`` names
    their columns, see :func:`~toolkit.corpus.iter_corpus`); warnings about the inputs go to
    ``on_warning``. Near-duplicates are found, and ``scope`` chooses the quotations, as by
    :func:`~toolkit.corpus.analyze_corpus`.
    Each file is written under a temporary name and renamed when complete.
    Files under ``folder`` are never taken as articles, even when it lies inside ``paths``.
    """
    check_scope(scope)
    folder = Path(folder)
    columns = as_columns(columns)
    sources = Sources.scan(
        paths,
        exclude=folder,
        columns=columns,
        on_warning=on_warning,
        sample=sample,
        seed=seed,
    )
    with write_tables(folder, run_metadata(columns, scope)) as sinks:
        results = iter_results(
            sources,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            progress=progress,
            scope=scope,
        )
        done = collect(results, sinks, dedupe=dedupe, near_duplicates=near_duplicates)
    return WriteSummary(
        folder=folder,
        articles=done.articles,
        duplicates=done.duplicates,
        errors=done.errors,
        rows={name: sink.rows for name, sink in sinks.items()},
        run_id=sinks["articles"].metadata[RUN_KEY],
        skipped=dict(sources.skipped),
        near_duplicates=done.near_duplicates,
    )


def run_metadata(columns: TableColumns | None, scope: str = "speech") -> dict[str, str]:
    """The table columns named for a run and the scope of its quotations, as the tables'
    metadata keep them (the defaults are left out).

    >>> run_metadata(TableColumns(text="body"), "all")
    {'toolkit.corpus.columns': '{"text": "body"}', 'toolkit.corpus.scope': 'all'}
    """
    given = columns.given() if columns is not None else {}
    metadata = {COLUMNS_KEY: json.dumps(given)} if given else {}
    return metadata | ({SCOPE_KEY: scope} if scope != "speech" else {})


#: Called with each table's name right after the table is renamed into place. Tests set it
#: to stop a run between two renames, as a crash would.
fault_hook: Callable[[str], None] | None = None


@contextlib.contextmanager
def write_tables(
    folder: Path, metadata: dict[str, str] | None = None
) -> Iterator[dict[str, ParquetSink]]:
    """A :class:`~toolkit.corpus._sink.ParquetSink` per table in ``folder``, under its lock
    and with a new run id (and ``metadata``) in every table; when the block ends, the
    finished files replace the tables. After an error nothing is replaced and the temporary
    files are removed; after a kill, the next writer sweeps them."""
    folder.mkdir(parents=True, exist_ok=True)
    with locked(folder):
        sweep(folder)
        run = {**(metadata or {}), RUN_KEY: new_run_id()}
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
