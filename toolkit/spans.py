"""The one shape every extracted item shares: a stretch of the article text with its offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class HasText(Protocol):
    """Anything with a ``text``, such as :class:`toolkit.Article` (named here by its shape, so
    that this module, below the loading layer, does not import it)."""

    @property
    def text(self) -> str: ...


#: What functions that read text take: an ``Article`` (offsets point into ``article.text``)
#: or a string.
TextLike = HasText | str


@dataclass(frozen=True, slots=True)
class Span:
    """``text == source[start:end]``, where ``source`` is ``Article.text`` (or the string given).

    >>> "Macron said".find("Macron"), Span(0, 6, "Macron").text
    (0, 'Macron')
    """

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start


def text_of(x: TextLike) -> str:
    """The text offsets refer to: ``Article.text`` for an article, the string itself otherwise."""
    if isinstance(x, str):
        return x
    text = getattr(x, "text", None)
    if not isinstance(text, str):
        raise TypeError(f"expected an Article or a str, got {type(x).__name__}")
    return text
