"""Errors raised by the toolkit.

Every problem with an input file is an :class:`ArticleError` whose message is one line that
names the file and the problem, so command-line tools can print it as is and move on::

    >>> from toolkit import load_article, ArticleError
    >>> try:
    ...     load_article("missing.txt")
    ... except ArticleError as err:
    ...     print(err)
    missing.txt: file not found
"""

from __future__ import annotations

from pathlib import Path


class ArticleError(Exception):
    """An article could not be read. ``str(err)`` is ``"<path>: <problem>"`` on one line."""

    def __init__(self, path: str | Path | None, problem: str):
        self.path = None if path is None else str(path)
        self.problem = " ".join(str(problem).split())
        where = self.path if self.path is not None else "<text>"
        super().__init__(f"{where}: {self.problem}")


class ArticleNotFoundError(ArticleError):
    """The path does not exist, or is a directory where a file was expected."""


class EmptyArticleError(ArticleError):
    """The file holds no text once markup and whitespace are removed."""


class BinaryArticleError(ArticleError):
    """The file is binary (an image, a PDF, an archive...) rather than text."""


class UndecodableArticleError(ArticleError):
    """The bytes are not text in UTF-8, UTF-16, cp1252 or latin-1."""


class ArticleTooLargeError(ArticleError):
    """The file is larger than the size limit (see ``toolkit.load_article``)."""
