"""Tokens of the masked text the attribution grammar reads, and the cue and phrase it finds.

Every quotation (marks included) is masked with ``MASK`` before tokenising, so a quotation is
one token of kind ``"quote"`` and the patterns around it read like ``Q, Smith said.``
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MASK = "\ue000"

_TOKEN = re.compile(
    r"\ue000+"  # a masked quotation
    r"|(?:[A-Za-z]\.){2,}"  # U.S., a.m.
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 21,000: one number, not "21" "," "000"
    r"|\w+(?:['’\-&]\w+)*(?:['’]s\b)?"  # words, O’Neill’s, don't, AT&T
    r"|--|[^\w\s]"
)
DASHES = {"--", "—", "–", "―"}
SOFT_PUNCT = {".", "&", "'", "’"}  # may sit inside a speaker phrase: "Mr. Reyes"


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    kind: str  # "word", "punct" or "quote"
    quote: int = -1  # for "quote" tokens: index of the quotation


@dataclass(slots=True)
class Cue:
    """A speech cue: tokens ``i:j``; ``base`` is the verb's base form or the phrase."""

    i: int
    j: int
    base: str
    cls: str  # "speech", "cognition", "evidence" or "evaluation"
    order: (
        str  # "verb": speaker before it ("X said"); "before": speaker after it ("according to X")
    )
    participle: bool = False
    form: str = ""  # the cue as written, lower-cased


@dataclass(slots=True)
class Phrase:
    """A speaker phrase: tokens ``i:j``; the mention that names the speaker is ``head``."""

    i: int
    j: int
    head_i: int
    head_j: int
    relative: bool = False  # "who said": the head is a relative pronoun, the name is ``antecedent``
    antecedent: tuple[int, int] | None = None


def tokenize(masked: str, start: int, end: int, quote_at: dict[int, int]) -> list[Token]:
    """Tokens of ``masked[start:end]``; ``quote_at`` maps a quotation's start to its index."""
    tokens = []
    for m in _TOKEN.finditer(masked, start, end):
        text = m.group()
        if text[0] == MASK:
            tokens.append(
                Token(m.start(), m.end(), text, text, "quote", quote_at.get(m.start(), -1))
            )
        elif text[0].isalnum() or text[0] == "_":
            tokens.append(Token(m.start(), m.end(), text, text.lower(), "word"))
        else:
            tokens.append(Token(m.start(), m.end(), text, text, "punct"))
    return tokens
