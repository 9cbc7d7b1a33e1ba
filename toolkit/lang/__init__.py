"""Access to the language data files shipped in ``toolkit/lang/data/``."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from functools import cache
from importlib import resources


def data_path(name: str):
    """A path-like handle to ``toolkit/lang/data/<name>``."""
    return resources.files("toolkit.lang").joinpath("data", name)


def iter_lines(name: str) -> Iterator[str]:
    """Non-empty lines of a data file, ``#`` comments and surrounding whitespace removed; not
    cached (for a big list read once into another structure). A ``.gz`` file is decompressed.
    """
    if name.endswith(".gz"):
        text = gzip.decompress(data_path(name).read_bytes()).decode("utf-8")
    else:
        text = data_path(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            yield line


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The lines of :func:`iter_lines`, read once and kept."""
    return tuple(iter_lines(name))


@cache
def word_set(name: str, lower: bool = True) -> frozenset[str]:
    """The lines of a data file as a set (lower-cased unless ``lower=False``)."""
    return frozenset(line.lower() if lower else line for line in iter_lines(name))
