"""Tokens with offsets, grouped by sentence, for the actor finder.

Possessives are split off ("Biden's" -> "Biden", "'s"), dotted abbreviations stay whole
("U.S."), and punctuation marks are tokens of their own, so that context rules can see them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.text.segment import sentences

_TOKEN = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?:-[^\W_]+)*            # U.S., U.S.-based
    | [^\W\d_][^\W_]*(?:[-'’&][^\W_]+)*         # words: O'Brien, Jean-Claude, AT&T, Biden's
    | \d+(?:[.,:/-]\d+)*                        # numbers, scores, dates
    | [^\s\w]                                    # one punctuation mark
    """,
    re.VERBOSE,
)
_POSSESSIVE = ("'s", "’s", "'S", "’S")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_upper(self) -> bool:
        """All capitals with at least two letters ("NATO", "U.S.")."""
        letters = 0
        for c in self.text:  # a loop that stops at the first lower-case letter: called often
            if c.isalpha():
                if not c.isupper():
                    return False
                letters += 1
        return letters >= 2


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]
    #: the line is written in capitals (a headline): case says nothing about names.
    all_caps: bool


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        if len(word) > 2 and word.endswith(_POSSESSIVE) and word[0].isalpha():
            cut = match.end() - 2
            tokens.append(Token(match.start(), cut, word[:-2]))
            tokens.append(Token(cut, match.end(), word[-2:]))
        else:
            tokens.append(Token(match.start(), match.end(), word))
    return tokens


def split_sentences(text: str) -> list[Sentence]:
    """Sentences (as :func:`toolkit.sentences` finds them) with their tokens."""
    out = []
    for span in sentences(text):
        tokens = tuple(tokenize(text, span.start, span.end))
        out.append(Sentence(span.start, span.end, tokens, _is_all_caps(tokens)))
    return out


def _is_all_caps(tokens: tuple[Token, ...]) -> bool:
    words = [t for t in tokens if t.is_word and len(t.text) > 1]
    if not words:
        return False
    upper = sum(1 for t in words if t.is_upper)
    if len(words) == 1:
        # A dateline ("LONDON 1996-08-30") or a one-word heading, not an acronym in prose.
        return upper == 1 and len(tokens) <= 4
    return upper / len(words) >= 0.7
