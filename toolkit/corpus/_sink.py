"""Where the rows go: a sink per table, kept as DataFrame parts in memory (:class:`TableSink`)
or streamed to a Parquet file as row groups (:class:`ParquetSink`), and :func:`collect`, which
appends each article's rows to the sinks (marking or dropping duplicates).

>>> sink = TableSink("errors")
>>> sink.add([{"path": "a.txt", "message": "a.txt: file is empty"}])
>>> sink.frame()["message"].tolist()
['a.txt: file is empty']
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit._io import TEMP_PREFIX, TEMP_SUFFIX
from toolkit.corpus._near import THRESHOLD, NearDuplicates
from toolkit.corpus._rows import ArticleResult
from toolkit.corpus._schema import TEXT, normalise, schema

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["Collected", "ParquetSink", "TableSink", "collect"]

#: Rows are turned into a DataFrame (or a Parquet row group) every this many articles.
FLUSH_EVERY = 256


class TableSink:
    """Rows of one table, appended in order, typed (see :func:`~toolkit.corpus._schema.schema`)
    a batch at a time and kept as DataFrame parts."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows = 0
        self.columns: dict[str, str] | None = None
        self._pending: list[dict[str, Any]] = []
        self._parts: list[pd.DataFrame] = []

    def add(self, rows: list[dict[str, Any]]) -> None:
        self._pending.extend(rows)
        self.rows += len(rows)

    def flush(self) -> None:
        """Type the rows added since the last flush and keep them."""
        import pandas as pd

        if self._pending:
            frame = pd.DataFrame(self._pending)
            self._pending = []
            self.write(frame)

    def write(self, frame: pd.DataFrame) -> None:
        """Keep a whole frame of rows (typed here); the table's columns are those of the first."""
        if self.columns is None:
            self.columns = schema(self.name, frame)
        self._keep(normalise(self.name, frame, self.columns))

    def _keep(self, frame: pd.DataFrame) -> None:
        self._parts.append(frame)

    def frame(self) -> pd.DataFrame:
        """The whole table."""
        import pandas as pd

        self.flush()
        if not self._parts:
            return normalise(self.name, pd.DataFrame(), self.columns)
        return normalise(self.name, pd.concat(self._parts, ignore_index=True), self.columns)


class ParquetSink(TableSink):
    """A table written as Parquet row groups to a temporary file beside ``path`` (named like
    every temporary file of the toolkit, see :mod:`toolkit._io`), made whole by
    :meth:`finish` and put in place by :meth:`publish`. ``metadata`` goes into the file's
    key-value metadata."""

    def __init__(self, name: str, path: Path, metadata: dict[str, str] | None = None) -> None:
        super().__init__(name)
        self.path = path
        self.metadata = metadata or {}
        self._writer = None
        self._tmp: Path | None = None

    def _keep(self, frame: pd.DataFrame) -> None:
        table = _arrow_table(frame)
        if self._writer is None:
            import pyarrow.parquet as pq

            unique = f"{os.getpid()}-{os.urandom(4).hex()}"
            self._tmp = self.path.with_name(f"{TEMP_PREFIX}{self.path.name}.{unique}{TEMP_SUFFIX}")
            encoded = {k.encode(): v.encode() for k, v in self.metadata.items()}
            self._writer = pq.ParquetWriter(
                self._tmp, table.schema.with_metadata({**(table.schema.metadata or {}), **encoded})
            )
        else:
            table = table.cast(self._writer.schema)
        self._writer.write_table(table)

    def finish(self) -> None:
        """Write the last rows (or the empty table) and close the file, on disk."""
        import pandas as pd

        self.flush()
        if self._writer is None:
            self.write(pd.DataFrame())
        self._writer.close()
        self._writer = None
        with open(self._tmp, "rb+") as handle:  # on disk before it replaces the old table
            os.fsync(handle.fileno())

    def publish(self) -> None:
        """Replace ``path`` with the finished file."""
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        """Drop a half-written file (after an interruption); a no-op once published."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None


def _arrow_table(frame: pd.DataFrame) -> pa.Table:
    import pandas as pd
    import pyarrow as pa

    # Categories differ from one row group to the next: store them as plain strings
    # (read_parquet makes them categorical again).
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].astype(TEXT)
    return pa.Table.from_pandas(frame, preserve_index=False)


@dataclass
class Collected:
    """What :func:`collect` appended: articles kept, exact and near-duplicates seen, failures
    (path, message)."""

    articles: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


def collect(
    results: Iterator[ArticleResult],
    sinks: dict[str, TableSink],
    *,
    dedupe: bool,
    near_duplicates: float | None = THRESHOLD,
) -> Collected:
    """Append each result's rows to the sinks (one per table). An article whose text repeats
    an earlier one, or (``near_duplicates``: a similarity threshold, None for none) is a
    near-duplicate of an earlier one, is dropped (``dedupe``) or kept with ``duplicate_of``
    naming that one (the most similar earlier article that is no duplicate itself),
    ``duplicate_kind`` (``exact``, ``near``) and ``duplicate_similarity``."""
    first_with_hash: dict[int, str] = {}
    near = NearDuplicates(near_duplicates) if near_duplicates is not None else None
    done = Collected()
    for result in results:
        if result.error is not None:
            sinks["errors"].add([{"path": result.path, "message": result.error}])
            done.errors.append((result.path, result.error))
            continue
        row = result.article
        repeats = _repeats(row, result.signature, first_with_hash, near)
        if repeats is not None:
            kind, first, similarity = repeats
            if kind == "exact":
                done.duplicates += 1
            else:
                done.near_duplicates += 1
            if dedupe:
                continue
            row = {
                **row,
                "duplicate_of": first,
                "duplicate_kind": kind,
                "duplicate_similarity": similarity,
            }
        done.articles += 1
        sinks["articles"].add([row])
        sinks["actors"].add(result.actors)
        sinks["quotes"].add(result.quotes)
        sinks["co_mentions"].add(result.co_mentions)
        if done.articles % FLUSH_EVERY == 0:
            for sink in sinks.values():
                sink.flush()
    for sink in sinks.values():
        sink.flush()
    return done


def _repeats(
    row: dict[str, Any],
    sig: bytes | None,
    first_with_hash: dict[int, str],
    near: NearDuplicates | None,
) -> tuple[str, str, float] | None:
    """``("exact", first id, 1.0)``, ``("near", original id, similarity)``, or None for an
    article that repeats no earlier one (it is then kept as an original)."""
    # The hash's first 64 bits tell 100,000 texts apart (a clash once in 10**9 corpora) in a
    # third of the memory of the whole hash.
    first = first_with_hash.setdefault(int(row["content_hash"][:16], 16), row["id"])
    if first != row["id"]:
        return "exact", first, 1.0
    if near is None or sig is None:
        return None
    found = near.match(sig)
    if found is not None:
        return "near", found[0], round(found[1], 4)
    near.add(sig, row["id"])
    return None
