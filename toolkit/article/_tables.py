"""Tables of articles, read record by record: CSV, TSV, JSON lines, JSON arrays, Parquet and
pandas DataFrames.

Nothing loads a whole table: CSV and JSON lines are read row by row, JSON arrays element by
element, Parquet in Arrow record batches, so memory stays flat however long the table is. A
record that cannot be read (a CSV row with the wrong number of fields, a JSON line that does
not parse) is a :class:`Record` with a ``problem`` naming its line; the records after it are
still read. A table that cannot be read at all raises :class:`~toolkit.errors.TableError`.

>>> is_table("exports/stories.csv.gz"), is_table("story.txt")
(True, False)
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from toolkit.article._decode import DEFAULT_MAX_BYTES, open_regular_file
from toolkit.errors import BinaryArticleError, TableError, one_line

#: Suffixes read as tables of articles, one article per row.
TABLE_SUFFIXES = tuple(
    base + gz
    for base in (".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".json", ".parquet")
    for gz in ("", ".gz")
    if not (base == ".parquet" and gz)
)
_CHUNK = 1 << 20
_DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class Record:
    """One record of a table: its fields, or what is wrong with it.

    ``number`` counts records from 1; ``line`` is the line it starts on (CSV, JSON lines, JSON
    arrays), None for Parquet and DataFrames.
    """

    table: str
    number: int
    line: int | None = None
    fields: dict[str, Any] | None = None
    problem: str | None = None

    @property
    def where(self) -> str:
        """``"articles.csv:12"`` (file and line) or ``"articles.parquet: row 12"``."""
        return f"{self.table}:{self.line}" if self.line else f"{self.table}: row {self.number}"

    @property
    def place(self) -> str:
        """``"line 12"`` or ``"row 12"``."""
        return f"line {self.line}" if self.line else f"row {self.number}"

    def error(self, problem: str | None = None) -> TableError:
        """A :class:`TableError` naming this record (``where``) and the problem."""
        return TableError(self.where, problem or self.problem or "unreadable record")


@dataclass
class Table:
    """An open table: its column names (None until a JSON record is seen) and its records."""

    name: str
    columns: list[str] | None
    records: Iterator[Record]


def is_table(path: str | Path) -> bool:
    """Is ``path`` named as a table of articles (``.csv``, ``.jsonl``, ``.parquet``...)?"""
    return str(path).lower().endswith(TABLE_SUFFIXES)


def open_table(source: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> Table:
    """A :class:`Table` over a path (by its suffix) or a pandas DataFrame.

    Raises :class:`TableError` (or another :class:`ArticleError`) naming the file when it
    cannot be read at all: not a regular file, binary, not a Parquet file...
    """
    if hasattr(source, "itertuples") and hasattr(source, "columns"):
        return _frame_table(source)
    path = Path(source)
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(".parquet"):
        return _parquet_table(path)
    if name.endswith((".jsonl", ".ndjson")):
        return Table(str(path), None, _json_lines(path, _open(path), max_bytes))
    if name.endswith(".json"):
        return _json_table(path, max_bytes)
    delimiter = "\t" if name.endswith((".tsv", ".tab")) else None
    return _csv_table(path, delimiter, max_bytes)


def _open(path: Path) -> IO[bytes]:
    """The table's bytes (ungzipped when named ``.gz``), refusing binary files."""
    handle: IO[bytes] = open_regular_file(path)
    if path.name.lower().endswith(".gz"):
        handle = gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[assignment]
    try:
        head = handle.peek(4096)[:4096] if hasattr(handle, "peek") else b""
    except (OSError, EOFError) as exc:
        handle.close()
        raise TableError(path, f"cannot read ({exc})") from None
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        handle.close()
        raise BinaryArticleError(path, "binary file, not a table")
    return handle


# --- CSV and TSV ------------------------------------------------------------------------------


def _csv_table(path: Path, delimiter: str | None, max_bytes: int) -> Table:
    encoding = _sniff_encoding(path)
    text = io.TextIOWrapper(_open(path), encoding=encoding, newline="", errors="replace")
    first = text.readline()
    if not first.strip():
        text.close()
        raise TableError(path, "empty table (no header line)")
    delimiter = delimiter or max(_DELIMITERS, key=lambda d: _count_outside_quotes(first, d))
    _allow_fields_of(max_bytes)
    header = next(csv.reader([first], delimiter=delimiter))
    header = [h.strip() for h in header]
    return Table(str(path), header, _csv_records(path, text, header, delimiter))


def _csv_records(path: Path, text: IO[str], header: list[str], delimiter: str) -> Iterator[Record]:
    reader = csv.reader(text, delimiter=delimiter)
    name = str(path)
    number, line = 0, 2  # the header was line 1
    with text:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                number += 1
                yield Record(name, number, line, problem=f"malformed CSV row ({exc})")
                line = reader.line_num + 2
                continue
            start, line = line, reader.line_num + 2
            if not row or (len(row) == 1 and not row[0].strip() and len(header) > 1):
                continue  # a blank line
            number += 1
            extra = row[len(header) :]
            if len(row) < len(header) or any(cell.strip() for cell in extra):
                problem = f"malformed CSV row: {len(row)} fields where the header has {len(header)}"
                yield Record(name, number, start, problem=problem)
                continue
            yield Record(name, number, start, dict(zip(header, row, strict=False)))


def _count_outside_quotes(line: str, delimiter: str) -> int:
    return sum(part.count(delimiter) for part in line.split('"')[::2])


def _allow_fields_of(max_bytes: int) -> None:
    # The csv module refuses fields over 128 KB by default; an article may be up to max_bytes.
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(min(max_bytes, sys.maxsize))


def _sniff_encoding(path: Path) -> str:
    """UTF-8 (with or without a byte-order mark) if every byte decodes as UTF-8, else cp1252,
    else latin-1: read once in chunks before the table is parsed, so that a stray byte in the
    last row cannot change how the first rows were read."""
    with _open(path) as handle:
        head = handle.read(_CHUNK)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = head
        try:
            while chunk:
                if b"\x00" in chunk:
                    raise BinaryArticleError(path, "binary file, not a table (NUL bytes)")
                decoder.decode(chunk)
                chunk = handle.read(_CHUNK)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    return "cp1252"  # undefined bytes are replaced, never a reason to stop


# --- JSON lines and JSON arrays -----------------------------------------------------------------


def _json_lines(path: Path, handle: IO[bytes], max_bytes: int) -> Iterator[Record]:
    number = 0
    with handle:
        for line, raw in _bounded_lines(handle, max_bytes):
            if raw is not None and not raw.strip():
                continue
            number += 1
            if raw is None:
                problem = f"line over the {max_bytes:,}-byte limit"
                yield Record(str(path), number, line, problem=problem)
                continue
            yield _json_record(Record(str(path), number, line), raw)


def _json_record(place: Record, raw: bytes | str | Any, parsed: bool = False) -> Record:
    """``place`` (a record without fields) with the object parsed from ``raw``, or the problem."""
    if not parsed:
        try:
            raw = json.loads(raw)
        except UnicodeDecodeError:
            return replace(place, problem="not UTF-8 text")
        except json.JSONDecodeError as exc:
            return replace(place, problem=f"not valid JSON ({exc.msg})")
    if not isinstance(raw, dict):
        return replace(place, problem=f"expected a JSON object, found {_kind(raw)}")
    return replace(place, fields=raw)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "null" if value is None else "a number"


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; ``None`` for a line over ``limit`` bytes, whose
    rest is skipped without being kept in memory."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(_CHUNK)
            yield number, None
            continue
        yield number, raw


def _json_table(path: Path, max_bytes: int) -> Table:
    """A ``.json`` file: an array of objects (streamed), JSON lines under a ``.json`` name, or
    one object holding the array (``{"articles": [...]}``)."""
    handle = _open(path)
    head = handle.peek(_CHUNK)[:_CHUNK] if hasattr(handle, "peek") else b""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        return Table(str(path), None, _json_array(path, handle, max_bytes))
    if stripped.startswith(b"{") and _looks_like_json_lines(stripped):
        return Table(str(path), None, _json_lines(path, handle, max_bytes))
    with handle:
        data = handle.read(max_bytes * 20 + 1)
    if len(data) > max_bytes * 20:
        raise TableError(path, "JSON object too large to read whole: write it as JSON lines")
    try:
        value = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise TableError(path, f"not valid JSON ({getattr(exc, 'msg', exc)})") from None
    items = _records_in(value)
    if items is None:
        raise TableError(path, f"expected an array of objects, found {_kind(value)}")
    records = (_json_record(Record(str(path), n), v, parsed=True) for n, v in enumerate(items, 1))
    return Table(str(path), None, records)


def _looks_like_json_lines(head: bytes) -> bool:
    first, _, rest = head.partition(b"\n")
    try:
        json.loads(first)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return rest.lstrip().startswith(b"{")


def _records_in(value: Any) -> list | None:
    """The articles in a JSON document: an array, ``{"articles": [...]}`` and the like (the one
    array of objects in the object), or one article object."""
    if isinstance(value, list):
        return value
    if not isinstance(value, dict):
        return None
    arrays = [v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    if len(arrays) == 1:
        return arrays[0]
    return [value]


def _json_array(path: Path, handle: IO[bytes], max_bytes: int) -> Iterator[Record]:
    """The elements of a JSON array, one at a time, each named by the line it starts on. A
    malformed element ends the table (the array cannot be re-synchronised after it)."""
    decoder = json.JSONDecoder()
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace")
    with text:
        buffer, position, line, eof = text.read(_CHUNK), 0, 1, False
        start = buffer.index("[") + 1
        line += buffer.count("\n", 0, start)
        position = start
        number = 0
        while True:
            position, line = _skip_separators(buffer, position, line, first=number == 0)
            if position >= len(buffer) and not eof:
                buffer, position = buffer[position:] + text.read(_CHUNK), 0
                eof = len(buffer) == 0
                continue
            if position >= len(buffer) or buffer[position] == "]":
                return
            try:
                value, end = decoder.raw_decode(buffer, position)
            except json.JSONDecodeError as exc:
                more = "" if eof else text.read(_CHUNK)
                if more and len(buffer) - position <= max_bytes:
                    buffer, position = buffer[position:] + more, 0
                    continue
                number += 1
                problem = f"not valid JSON ({exc.msg}); the rest of the array is not read"
                if len(buffer) - position > max_bytes:
                    problem = (
                        f"array element over the {max_bytes:,}-byte limit; the rest is not read"
                    )
                yield Record(str(path), number, line, problem=problem)
                return
            number += 1
            yield _json_record(Record(str(path), number, line), value, parsed=True)
            line += buffer.count("\n", position, end)
            position = end


def _skip_separators(buffer: str, position: int, line: int, *, first: bool) -> tuple[int, int]:
    """Past whitespace and (after the first element) one comma, counting line breaks."""
    comma_seen = first
    while position < len(buffer):
        char = buffer[position]
        if char == "\n":
            line += 1
        elif char == "," and not comma_seen:
            comma_seen = True
        elif not char.isspace():
            break
        position += 1
    return position, line


# --- Parquet and DataFrames ---------------------------------------------------------------------


def _parquet_table(path: Path) -> Table:
    import pyarrow as pa
    import pyarrow.parquet as pq

    handle = open_regular_file(path)
    try:
        parquet = pq.ParquetFile(handle)
    except (pa.ArrowException, OSError) as exc:
        handle.close()
        raise TableError(
            path, f"not a readable Parquet file ({one_line(exc, with_type=False)})"
        ) from None
    return Table(
        str(path), list(parquet.schema_arrow.names), _parquet_records(path, handle, parquet)
    )


def _parquet_records(path: Path, handle: IO[bytes], parquet: Any) -> Iterator[Record]:
    import pyarrow as pa

    number = 0
    with handle:
        try:
            for batch in parquet.iter_batches(batch_size=256):
                for fields in batch.to_pylist():
                    number += 1
                    yield Record(str(path), number, fields=fields)
        except (pa.ArrowException, OSError) as exc:
            raise TableError(
                path, f"row {number + 1}: cannot read ({one_line(exc, with_type=False)})"
            ) from None


def _frame_table(frame: Any) -> Table:
    columns = [str(c) for c in frame.columns]

    def records() -> Iterator[Record]:
        for number, values in enumerate(frame.itertuples(index=False, name=None), 1):
            fields = {c: _missing_as_none(v) for c, v in zip(columns, values, strict=True)}
            yield Record("<DataFrame>", number, fields=fields)

    return Table("<DataFrame>", columns, records())


def _missing_as_none(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    return value


__all__ = ["TABLE_SUFFIXES", "Record", "Table", "is_table", "open_table"]
