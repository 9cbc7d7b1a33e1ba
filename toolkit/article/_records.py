"""Going back to chosen records of a table: how many records it holds, and the articles of
some of them, without building the others.

A corpus keeps, for each article read from a table, the table's path and the record's number
(:attr:`Article.source_row`); :func:`read_rows` reads those records again. CSV and JSON are
streamed once, the records before the wanted ones parsed but not cleaned; Parquet is read
only in the row groups that hold them.

>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as folder:
...     table = Path(folder) / "desk.csv"
...     _ = table.write_text("id,text\\nport,Dockers went back.\\nmill,The mill reopened.\\n")
...     print(count_records(table), [(n, a.text) for n, a in read_rows(table, [2])])
2 [(2, 'The mill reopened.')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from toolkit.article._article import Article
from toolkit.article._columns import IdRegistry, TableColumns, _RowReader
from toolkit.article._decode import DEFAULT_MAX_BYTES, open_regular_file
from toolkit.article._tables import Record, Table, open_table
from toolkit.errors import ArticleError, TableError

__all__ = ["count_records", "read_rows"]


def count_records(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """The number of records in a table (malformed ones included, blank lines not): the
    number of articles or errors reading it gives. Parquet says it without reading the rows.

    Raises :class:`~toolkit.errors.ArticleError` when the table cannot be read at all.
    """
    path = Path(path)
    if path.name.lower().endswith(".parquet"):
        import pyarrow.parquet as pq

        with open_regular_file(path) as handle:
            try:
                return pq.ParquetFile(handle).metadata.num_rows
            except Exception as exc:
                raise TableError(path, f"not a readable Parquet file ({exc})") from None
    return sum(1 for _ in open_table(path, max_bytes).records)


def read_rows(
    path: str | Path,
    rows: Iterable[int],
    *,
    columns: TableColumns | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[tuple[int, Article | ArticleError]]:
    """``(number, article)`` for each wanted record of a table (numbers count from 1, as
    :attr:`Article.source_row` does), in table order, or ``(number, error)`` when the record
    gives no article any more. Columns are recognised as when the table was first read
    (``columns``: the ones named then). Ids are ``<table>-<number>`` or the id column's, not
    made unique against the other records: give the article the id it had.

    Raises :class:`~toolkit.errors.ArticleError` when the table cannot be read at all.
    """
    path = Path(path)
    wanted = sorted(set(rows))
    if not wanted:
        return
    if path.name.lower().endswith(".parquet"):
        table = _parquet_rows(path, wanted)
    else:
        table = open_table(path, max_bytes)
    reader = _RowReader(table, columns, IdRegistry(), max_bytes, path)
    keep = set(wanted)
    for record in table.records:
        if reader.roles is None and record.fields is not None:
            reader.roles = reader._recognise(list(record.fields))  # JSON: from the first record
        if record.number not in keep:
            continue
        yield record.number, _article(reader, record)
        keep.discard(record.number)
        if not keep:
            return


def _article(reader: _RowReader, record: Record) -> Article | ArticleError:
    if record.problem is not None:
        return record.error()
    try:
        return reader.article(record)
    except ArticleError as exc:
        return exc


def _parquet_rows(path: Path, wanted: list[int]) -> Table:
    """The records of a Parquet file in the row groups holding ``wanted`` (numbered as in the
    whole file); the other row groups are not read."""
    import pyarrow.parquet as pq

    handle = open_regular_file(path)
    try:
        parquet = pq.ParquetFile(handle)
    except Exception as exc:
        handle.close()
        raise TableError(path, f"not a readable Parquet file ({exc})") from None
    groups, first = [], 1
    for index in range(parquet.metadata.num_row_groups):
        size = parquet.metadata.row_group(index).num_rows
        if any(first <= n < first + size for n in wanted):
            groups.append((index, first))
        first += size
    return Table(
        str(path), list(parquet.schema_arrow.names), _groups(path, handle, parquet, groups)
    )


def _groups(path: Path, handle: Any, parquet: Any, groups: list[tuple[int, int]]):
    with handle:
        for index, first in groups:
            for offset, fields in enumerate(parquet.read_row_group(index).to_pylist()):
                yield Record(str(path), first + offset, fields=fields)
