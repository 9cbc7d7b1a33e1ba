"""Access to the language data files shipped in ``toolkit/data/``."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


def data_path(name: str):
    """A path-like handle to ``toolkit/data/<name>``."""
    return resources.files("toolkit").joinpath("data", name)


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a data file, ``#`` comments and surrounding whitespace removed.

    A ``.gz`` file is decompressed first.
    """
    if name.endswith(".gz"):
        text = gzip.decompress(data_path(name).read_bytes()).decode("utf-8")
    else:
        text = data_path(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


@cache
def word_set(name: str, lower: bool = True) -> frozenset[str]:
    """The lines of a data file as a set (lower-cased unless ``lower=False``)."""
    return frozenset(line.lower() if lower else line for line in read_lines(name))
