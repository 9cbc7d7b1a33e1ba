"""What the attribution rules return: a speaker and cue (Attribution), a quotation or reported clause (Found)."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.quotes._grammar.cue_speakers import speaking_phrase
from toolkit.quotes._tokens import Cue, Phrase, Token


@dataclass(slots=True)
class Attribution:
    """A speaker mention and a cue, as character offsets."""

    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    name_span: tuple[int, int] | None = None  # where to look the actor up (the antecedent of "who")
    how: str = ""  # which rule found it, for debugging and evaluation
    # The mention a following quotation in the paragraph inherits, when it is not this one:
    # 'Ruiz said "...," she said. "..."': the first is Ruiz's, the second her "she"'s.
    then: Attribution | None = None


@dataclass(slots=True)
class Found:
    start: int
    end: int
    kind: str
    attribution: Attribution | None
    closed: bool = True
    paragraphs: int = 1


def make(tokens: list[Token], phrase: Phrase, cue: Cue, how: str = "") -> Attribution:
    phrase = speaking_phrase(tokens, phrase)
    head = (tokens[phrase.head_i].start, tokens[phrase.head_j - 1].end)
    name_span = None
    if phrase.relative and phrase.antecedent is not None:
        a, b = phrase.antecedent
        name_span = (tokens[a].start, tokens[b - 1].end)
    cue_span = (tokens[cue.i].start, tokens[cue.j - 1].end)
    return Attribution(head, cue_span, name_span, how)
