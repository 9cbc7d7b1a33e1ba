"""A corpus folder on disk: one Parquet file per table, all from one run.

A writer holds the folder's lock (one writer at a time), sweeps the temporary files an
interrupted writer left, writes every table under a temporary name with its run id in the
file's metadata, and renames them into place one after the other. A run stopped between two
renames (killed, power cut) leaves tables from two runs: :func:`check_one_run` finds that,
and :func:`read_tables` (:meth:`toolkit.corpus.Corpus.read_parquet`) refuses such a set with
:class:`MixedTablesError` (the next run replaces it whole).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     frames, metadata = read_tables(Path(folder))  # no tables yet
...     [len(frame) for frame in frames.values()], metadata
([0, 0, 0, 0, 0], {})
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit._io import TEMP_PREFIX, TEMP_SUFFIX
from toolkit.corpus._schema import TABLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS_KEY",
    "RUN_KEY",
    "SCOPE_KEY",
    "MixedTablesError",
    "check_one_run",
    "locked",
    "new_run_id",
    "read_tables",
    "sweep",
    "sync",
    "table_path",
]

#: Key of the run id in each table's Parquet key-value metadata.
RUN_KEY = "toolkit.corpus.run"
#: Key of the table columns named for the run (JSON, ``{"text": "body"}``), if any.
COLUMNS_KEY = "toolkit.corpus.columns"
#: Key of the scope of the run's quotations (``speech`` or ``all``; absent: ``speech``).
SCOPE_KEY = "toolkit.corpus.scope"


class MixedTablesError(ValueError):
    """A corpus folder whose tables do not all come from one run (a run was stopped between
    its final renames, or a table was replaced by hand); ``str(err)`` is one line."""


def table_path(folder: Path, name: str) -> Path:
    return folder / f"{name}.parquet"


def new_run_id() -> str:
    return uuid.uuid4().hex


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s lock (an advisory lock on the folder itself, released when this
    process ends, however it ends); another writer gets an ``OSError`` at once."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(f"{folder}: in use by another run writing corpus tables") from None
        yield
    finally:
        os.close(fd)


def sweep(folder: Path) -> list[Path]:
    """Delete the temporary table files an interrupted writer left (call it holding the
    lock: no other writer is running); return them."""
    left = [
        tmp for name in TABLES for tmp in folder.glob(f"{TEMP_PREFIX}{name}.parquet.*{TEMP_SUFFIX}")
    ]
    for tmp in left:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return left


def sync(folder: Path) -> None:
    """Put the folder's entries (the renames) on disk, where the system allows it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_tables(folder: Path) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Every table in ``folder`` as read (an empty frame for a missing table), and the
    toolkit's metadata of the articles table (``toolkit.corpus.*`` keys). Each table's data
    and run id come from one open file, so a writer renaming tables meanwhile cannot mix
    them; :class:`MixedTablesError` when they are not one run's."""
    frames, runs, metadata = {}, {}, {}
    for name in TABLES:
        frames[name], metadata[name] = _read_table(table_path(folder, name))
        runs[name] = metadata[name].pop(RUN_KEY, None) if metadata[name] is not None else _MISSING
    check_one_run(folder, runs)
    return frames, metadata["articles"] or {}


def _read_table(path: Path) -> tuple[pd.DataFrame, dict[str, str] | None]:
    """A table and the toolkit's keys of its metadata (None when there is no table)."""
    import pandas as pd
    import pyarrow.parquet as pq

    try:
        with open(path, "rb") as handle:
            metadata = pq.read_schema(handle).metadata or {}
            handle.seek(0)
            frame = pd.read_parquet(handle)
    except FileNotFoundError:
        return pd.DataFrame(), None
    ours = {k.decode(): v.decode() for k, v in metadata.items() if k.startswith(b"toolkit.corpus.")}
    return frame, ours


_MISSING = ""


def check_one_run(folder: Path, runs: dict[str, str | None]) -> str | None:
    """The run id shared by the tables (``runs``: table -> its run id), None for tables
    written before run ids; :class:`MixedTablesError` when they are not one run's.

    >>> check_one_run(Path("out"), dict.fromkeys(TABLES, "1f2e3d4c5b6a"))
    '1f2e3d4c5b6a'
    >>> check_one_run(Path("out"), {**dict.fromkeys(TABLES, "1f2e3d4c5b6a"), "quotes": "9a8b7c6d"})
    Traceback (most recent call last):
    toolkit.corpus._folder.MixedTablesError: out: the tables are not from one run (articles, actors, co_mentions, errors: run 1f2e3d4c; quotes: run 9a8b7c6d): a run was stopped between its final renames, or a table was replaced; write them again (toolkit corpus ... --out FOLDER)
    """
    if all(run in (None, _MISSING) for run in runs.values()):
        return None
    if len(set(runs.values())) == 1:
        return next(iter(runs.values()))
    raise MixedTablesError(
        f"{folder}: the tables are not from one run ({_describe(runs)}): a run was stopped "
        "between its final renames, or a table was replaced; write them again "
        "(toolkit corpus ... --out FOLDER)"
    )


def _describe(runs: dict[str, str | None]) -> str:
    """``articles: run 1f2e3d4c; actors, quotes: no run id; errors: missing``."""
    groups: dict[str, list[str]] = {}
    for name, run in runs.items():
        label = "no run id" if run is None else f"run {run[:8]}" if run else "missing"
        groups.setdefault(label, []).append(name)
    return "; ".join(f"{', '.join(names)}: {label}" for label, names in groups.items())
