"""What the attribution rules return, as character offsets into the text.

An :class:`Attribution` is a speaker mention and a cue; a :class:`Found` is a quotation or a
reported clause with its attribution and the name of the rule that found it (see
:mod:`toolkit.quotes.rules`). :func:`make` turns a speaker phrase and a cue, read as tokens,
into an attribution.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.quotes._grammar.cue_speakers import speaking_phrase
from toolkit.quotes._tokens import Cue, Phrase, Token


@dataclass(slots=True)
class Attribution:
    """A speaker mention and a cue, as character offsets (either may be None)."""

    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    name_span: tuple[int, int] | None = None  # where to look the actor up (the antecedent of "who")
    # The mention a following quotation in the paragraph inherits, when it is not this one:
    # 'Ruiz said "...," she said. "..."': the first is Ruiz's, the second her "she"'s.
    then: Attribution | None = None


@dataclass(slots=True)
class Found:
    """A quotation (``kind="direct"``, the words inside the marks), a reported clause
    (``"indirect"``) or a reported clause holding quoted words (``"mixed"``), its attribution,
    the name of the rule that found it and the class of its cue (``cue_class``: "speech",
    "cognition", "intention", ...). ``quotes``: for a mixed clause, the indexes of the
    quotations in it; ``quoted``: the character spans of the words in quote marks."""

    start: int
    end: int
    kind: str
    attribution: Attribution | None
    closed: bool = True
    paragraphs: int = 1
    rule: str = ""
    cue_class: str = "speech"
    quotes: tuple[int, ...] = ()
    quoted: tuple[tuple[int, int], ...] = ()


def make(tokens: list[Token], phrase: Phrase, cue: Cue) -> Attribution:
    """The attribution of ``cue`` to the speaker ``phrase``: the mention is the phrase's head
    (or whoever a document or a free relative in it stands for, see
    :func:`~toolkit.quotes._grammar.cue_speakers.speaking_phrase`); a relative pronoun is
    looked up as its antecedent."""
    phrase = speaking_phrase(tokens, phrase)
    head = (tokens[phrase.head_i].start, tokens[phrase.head_j - 1].end)
    name_span = None
    if phrase.relative and phrase.antecedent is not None:
        a, b = phrase.antecedent
        name_span = (tokens[a].start, tokens[b - 1].end)
    return Attribution(head, span_of(tokens, cue.i, cue.j), name_span)


def speaker_only(tokens: list[Token], start: int, end: int) -> Attribution:
    """A speaker found with no cue: the mention is ``tokens[start:end]``."""
    return Attribution(span_of(tokens, start, end), None)


def span_of(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Character offsets of ``tokens[start:end]``."""
    return tokens[start].start, tokens[end - 1].end
