"""Errors raised by the toolkit, and how names from outside are printed.

Every problem with an input file is an :class:`ArticleError` whose message is one line that
names the file and the problem, so command-line tools can print it as is and move on::

    >>> from toolkit import load_article, ArticleError
    >>> try:
    ...     load_article("missing.txt")
    ... except ArticleError as err:
    ...     print(err)
    missing.txt: file not found

File names come from outside: a name holding a line break could forge a second ``error:``
line, and a bidirectional control (U+202E) could make ``txt.exe`` read as ``exe.txt``. The
message escapes them (:func:`printable`); ``err.path`` keeps the name as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

# Controls (C0, C1), line and paragraph separators, zero-width and bidirectional controls, and
# lone surrogates (undecodable bytes of a file name): escaped wherever a name is printed.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\ud800-\udfff]"
)
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Bidirectional controls alone: they reorder how the text after them is displayed
# ("invoice<U+202E>txt.exe" shows as "invoiceexe.txt").
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with controls, bidi marks and undecodable bytes escaped: always one line, and
    displayed in the order it is stored.

    >>> printable("bad\\nerror: forged.txt")
    'bad\\\\nerror: forged.txt'
    >>> printable("invoice\\u202etxt.exe")
    'invoice\\\\u202etxt.exe'
    """
    return _UNPRINTABLE.sub(_escape, text)


def without_bidi(text: str) -> str:
    """``text`` with its bidirectional controls escaped, so that it displays in the order it is
    stored (for tables and pages that show names and titles; newlines are kept).

    >>> without_bidi("invoice\\u202etxt.exe")
    'invoice\\\\u202etxt.exe'
    """
    return _BIDI.sub(_escape, text)


#: How long a one-line message may grow (:func:`one_line`): enough for any message worth
#: reading, and a dumped 10 KB traceback does not flood a terminal, an index or a table.
ONE_LINE_LIMIT = 300


def one_line(error: BaseException | str, *, with_type: bool = True) -> str:
    """An exception (or a text) as one printable line of at most :data:`ONE_LINE_LIMIT`
    characters: the message with whitespace collapsed, after the exception's type unless
    ``with_type`` is False; the type alone when there is no message.

    >>> one_line(ValueError("bad value\\n  in row 3"))
    'ValueError: bad value in row 3'
    >>> one_line(KeyError())
    'KeyError'
    >>> one_line(OSError("disk full"), with_type=False)
    'disk full'
    >>> len(one_line("x" * 1000))
    300
    """
    line = printable(" ".join(str(error).split()))
    if not isinstance(error, str):
        name = type(error).__name__
        line = (f"{name}: {line}" if with_type else line) if line else name
    return line if len(line) <= ONE_LINE_LIMIT else line[: ONE_LINE_LIMIT - 1] + "…"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class ArticleError(Exception):
    """An article could not be read. ``str(err)`` is ``"<path>: <problem>"`` on one line.

    ``path`` is the file name as given (for a row of a table, ``"<file>:<line>"``); the message
    prints it escaped (:func:`printable`).
    """

    def __init__(self, path: str | Path | None, problem: str):
        self.path = None if path is None else str(path)
        self.problem = printable(" ".join(str(problem).split()))
        where = printable(self.path) if self.path is not None else "<text>"
        super().__init__(f"{where}: {self.problem}")

    def __reduce__(self):  # picklable across worker processes, subclasses included
        return (_rebuild, (type(self), self.path, self.problem))


def _rebuild(cls: type[ArticleError], path: str | None, problem: str) -> ArticleError:
    return cls(path, problem)


class ArticleNotFoundError(ArticleError):
    """The path does not exist, is not a regular file (a directory, a FIFO, a device, a symlink
    loop) or cannot be opened."""


class EmptyArticleError(ArticleError):
    """The file (or the row's text) holds no text once markup and whitespace are removed."""


class BinaryArticleError(ArticleError):
    """The file is binary (an image, a PDF, an archive...) rather than text."""


class UndecodableArticleError(ArticleError):
    """The bytes are not text in UTF-8, UTF-16, cp1252 or latin-1."""


class ArticleTooLargeError(ArticleError):
    """The file is larger than the size limit (see ``toolkit.load_article``)."""


class TableError(ArticleError):
    """A table of articles (CSV, JSON lines, Parquet...) or one of its rows cannot be read:
    malformed, or without a text column."""


class ArticleWarning(UserWarning):
    """Something in the input was kept but deserves a look (a date that does not parse, a
    duplicate id made unique)."""
