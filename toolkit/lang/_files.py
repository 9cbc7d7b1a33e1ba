"""Reading the data files of ``toolkit/lang/data/``: the one place that opens them.

Two kinds of file, told apart by their name (the formats are described in the package
docstring and in ``toolkit/lang/README.md``):

- a **word list** (``.txt``, or ``.txt.gz`` compressed): one entry per line;
- a **table** (``.tsv``): a header row naming the columns, then one row per line, cells
  separated by tabs.

In both, ``#`` starts a comment that runs to the end of the line, and blank lines are
skipped. A file that breaks its format stops the loading with a :class:`LanguageDataError`
naming the file, the line and the problem.
"""

from __future__ import annotations

import dataclasses
import difflib
import gzip
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any, TypeVar

from toolkit.lang._cache import cached

__all__ = [
    "LanguageDataError",
    "classes",
    "data_path",
    "iter_lines",
    "read_lines",
    "table",
    "word_set",
]

T = TypeVar("T")


class LanguageDataError(ValueError):
    """A data file breaks its format: an unknown class, a missing column, a stray tab..."""

    def __init__(self, name: str, problem: str, line: int | None = None) -> None:
        where = f"toolkit/lang/data/{name}" + (f", line {line}" if line else "")
        super().__init__(f"{where}: {problem}")


def data_path(name: str):
    """A path-like handle to ``toolkit/lang/data/<name>``."""
    return resources.files("toolkit.lang").joinpath("data", name)


def _text(name: str) -> str:
    if name.endswith(".gz"):
        return gzip.decompress(data_path(name).read_bytes()).decode("utf-8")
    return data_path(name).read_text(encoding="utf-8")


def _content(name: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines that hold data: comments cut off, blank lines left out."""
    for number, line in enumerate(_text(name).splitlines(), 1):
        if "#" in line:
            line = line.split("#", 1)[0]
        if line and not line.isspace():
            yield number, line


# --- word lists -------------------------------------------------------------------------------


def iter_lines(name: str) -> Iterator[str]:
    """The entries of a word list, in file order, surrounding spaces removed; not cached (for
    a big list read once into another structure).

    >>> next(iter_lines("actor_pronouns.txt"))
    Traceback (most recent call last):
    ...
    toolkit.lang._files.LanguageDataError: toolkit/lang/data/actor_pronouns.txt: no such file
    """
    if not name.endswith((".txt", ".txt.gz")):
        raise LanguageDataError(name, "not a word list (.txt): read a table with table()")
    try:
        text = _text(name)
    except FileNotFoundError:
        raise LanguageDataError(name, "no such file") from None
    if "\t" in text:
        number = next(
            n for n, line in enumerate(text.splitlines(), 1) if "\t" in line.split("#")[0]
        )
        raise LanguageDataError(name, "a tab in a word list (one entry per line)", number)
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            yield entry


@cached
def read_lines(name: str) -> tuple[str, ...]:
    """The entries of a word list, in file order.

    >>> read_lines("quote_relative_pronouns.txt")
    ('who', 'which', 'that')
    """
    return tuple(iter_lines(name))


@cached
def word_set(name: str, lower: bool = True) -> frozenset[str]:
    """The entries of a word list as a set, lower-cased unless ``lower=False``.

    >>> sorted(word_set("quote_relative_pronouns.txt"))
    ['that', 'which', 'who']
    """
    return frozenset(entry.lower() if lower else entry for entry in read_lines(name))


# --- tables -----------------------------------------------------------------------------------


def table(
    name: str,
    columns: Sequence[str],
    choices: Mapping[str, Iterable[str]] | None = None,
) -> tuple[tuple[str, ...], ...]:
    """The rows of a table, each a tuple of ``len(columns)`` cells (missing cells are ``""``).

    ``columns`` are the names the header row must give, in order. ``choices`` maps a column to
    the values its cells may take (its declared classes): any other value, or an empty cell,
    fails the loading, naming the line. The first column may never be empty.

    >>> table("actor_relatives.tsv", ("word", "refers_to"), {"refers_to": ("person", "thing")})[0]
    ('who', 'person')
    >>> table("actor_relatives.tsv", ("word", "refers_to"), {"refers_to": ("person",)})
    Traceback (most recent call last):
    ...
    toolkit.lang._files.LanguageDataError: toolkit/lang/data/actor_relatives.tsv, line 8: unknown refers_to 'thing' (declared: person)
    """
    declared = tuple(sorted((c, tuple(sorted(set(v)))) for c, v in (choices or {}).items()))
    return _table(name, tuple(columns), declared)


@cached
def _table(
    name: str, columns: tuple[str, ...], choices: tuple[tuple[str, tuple[str, ...]], ...]
) -> tuple[tuple[str, ...], ...]:
    if not name.endswith(".tsv"):
        raise LanguageDataError(name, "not a table (.tsv): read a word list with read_lines()")
    for column, _ in choices:
        if column not in columns:
            raise LanguageDataError(name, f"choices for {column!r}, which is no column")
    checks = [(columns.index(c), c, frozenset(values)) for c, values in choices]
    try:
        lines = _content(name)
        header = next(lines, None)
    except FileNotFoundError:
        raise LanguageDataError(name, "no such file") from None
    found = tuple(c.strip() for c in header[1].split("\t")) if header else ()
    if found != columns:
        line = header[0] if header else None
        raise LanguageDataError(
            name, f"header names {_listed(found)}; expected {_listed(columns)}", line
        )
    rows = []
    for number, text in lines:
        text = text.strip(" ")
        if " \t" in text or "\t " in text:
            cells = [cell.strip(" ") for cell in text.split("\t")]
        else:
            cells = text.split("\t")  # the common case, and the fast one
        if len(cells) != len(columns):
            cells = _fitted(name, number, cells, columns)
        if not cells[0]:
            raise LanguageDataError(name, f"empty {columns[0]} (the first column)", number)
        for index, column, allowed in checks:
            if cells[index] not in allowed:
                raise LanguageDataError(name, _unknown(column, cells[index], allowed), number)
        rows.append(tuple(cells))
    return tuple(rows)


def _fitted(name: str, number: int, cells: list[str], columns: tuple[str, ...]) -> list[str]:
    """The cells of a row with missing cells at its end empty; a row with more cells than
    columns fails (unless the extra cells are empty: a tab at the end of the line)."""
    while len(cells) > len(columns) and not cells[-1]:
        cells.pop()
    if len(cells) > len(columns):
        problem = f"{len(cells)} cells for {len(columns)} columns ({_listed(columns)})"
        raise LanguageDataError(name, problem, number)
    return cells + [""] * (len(columns) - len(cells))


def _unknown(column: str, value: str, allowed: frozenset[str]) -> str:
    known = sorted(v for v in allowed if v) + (["(empty)"] if "" in allowed else [])
    problem = f"empty {column}" if not value else f"unknown {column} {value!r}"
    close = difflib.get_close_matches(value, [v for v in allowed if v], n=1)
    hint = f"; did you mean {close[0]!r}?" if close and value else ""
    return f"{problem} (declared: {', '.join(known)}){hint}"


def _listed(columns: Iterable[str]) -> str:
    return ", ".join(columns) or "nothing"


# --- word classes -----------------------------------------------------------------------------


def classes(name: str, schema: type[T], lower: bool = False) -> T:
    """A table of word classes (columns ``class`` and ``word``) as an instance of ``schema``,
    a dataclass with one ``frozenset[str]`` field per class: its declaration.

    A row whose class the schema does not declare, or a declared class without a word, fails
    the loading. The code reads the classes as attributes (``words.calendar``): a misspelt
    name is an ``AttributeError``, which the source check of ``tests/test_lang.py`` reports
    before any rule runs.
    """
    return _classes(name, schema, lower)


@cached
def _classes(name: str, schema: type[T], lower: bool) -> T:
    declared = [field.name for field in dataclasses.fields(schema)]  # type: ignore[arg-type]
    groups: dict[str, set[str]] = {cls: set() for cls in declared}
    for cls, word in table(name, ("class", "word"), {"class": declared}):
        groups[cls].add(word.lower() if lower else word)
    empty = [cls for cls, words in groups.items() if not words]
    if empty:
        raise LanguageDataError(
            name, f"no words for the declared class(es) {_listed(empty)} of {schema.__name__}"
        )
    values: dict[str, Any] = {cls: frozenset(words) for cls, words in groups.items()}
    return schema(**values)
