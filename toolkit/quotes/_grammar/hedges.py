"""Hedges with no source: "is expected to", "seems to", "it appears that"."""

from __future__ import annotations

from toolkit.quotes._grammar.content import infinitive_verb
from toolkit.quotes._grammar.cues import is_verb
from toolkit.quotes._grammar.words import is_adverb
from toolkit.quotes._lexicon import _Lexicon, lexicon
from toolkit.quotes._tokens import SOFT_PUNCT, Token


def hedges(tokens: list[Token]) -> list[tuple[int, int, int]]:
    """Hedges with no source (``quote_hedges.txt``): (cue start, cue end, content start) for
    "is expected to", "is widely seen as", "seems to", "it appears that"."""
    lex = lexicon()
    found = []
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token.kind != "word" or not token.text.islower():
            continue
        be = token.lower in lex.classes.be
        if not be and token.lower not in lex.hedges:
            continue
        first = i + 1 if be else i
        if be:
            while first < n and tokens[first].kind == "word" and is_adverb(tokens[first], lex):
                first += 1
        if first >= n:
            continue
        end = _hedge_at(tokens, first, be, lex)
        if end is not None:
            found.append((i, end, end + 1 if tokens[end].lower == "that" else end))
    return found


def _hedge_at(tokens: list[Token], first: int, be: bool, lex: _Lexicon) -> int | None:
    """The end of the hedge whose words start at ``first`` (after a form of "be" when ``be``),
    followed by what may open its content; None if there is none."""
    n = len(tokens)
    for words, needs_be, openers in lex.hedges.get(tokens[first].lower, ()):
        if needs_be != be:
            continue
        end = first + len(words)
        if end >= n or any(
            t.lower != w or not t.text.islower()
            for t, w in zip(tokens[first:end], words, strict=True)
        ):
            continue
        if _opens_hedged_content(tokens, end, openers, lex):
            return end
    return None


def _opens_hedged_content(
    tokens: list[Token], end: int, openers: frozenset[str] | None, lex: _Lexicon
) -> bool:
    """May the word at ``end`` open the content of a hedge: one of its ``openers`` (None: any
    word but a preposition, "be" or a stop word: not "was considered by the board", "is seen
    as well"); "to" only before a verb (not "is known to police")?"""
    after = tokens[end]
    if after.kind != "word" or (openers is not None and not after.text.islower()):
        return False
    if openers is None:
        return not (
            after.lower in lex.classes.preposition
            or after.lower in lex.classes.be
            or after.lower in lex.classes.stop
        )
    if after.lower not in openers:
        return False
    return after.lower != "to" or (end + 1 < len(tokens) and infinitive_verb(tokens[end + 1], lex))


def hedge_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """The subject of a hedge that starts at token ``cue``: "the bill" in "..., but the bill
    would seem to ...". Modals and adverbs before the cue are skipped; the subject runs left to
    a comma, a clause word ("that", "but", "which") or a cue; "it" and "there" are no subject."""
    lex = lexicon()
    end = cue
    while end > 0 and tokens[end - 1].kind == "word" and is_adverb(tokens[end - 1], lex):
        end -= 1
    start = end
    while start > 0 and end - start < 12:
        token = tokens[start - 1]
        if token.kind == "quote" or (token.kind == "punct" and token.text not in SOFT_PUNCT):
            break
        if (
            token.kind == "word"
            and token.text.islower()
            and (
                token.lower in lex.classes.stop
                or token.lower in lex.relatives
                or token.lower in lex.classes.be
                or (token.lower in lex.forms and is_verb(tokens, start - 1, lex))
            )
        ):
            break  # "aides said the bill ...", but not "the plan ..."
        start -= 1
    else:
        if start > 0:
            return None  # too long to be a subject
    while (
        start < end
        and tokens[start].kind == "word"
        and (
            tokens[start].lower in lex.classes.conjunction
            or tokens[start].lower in lex.classes.stop
        )
    ):
        start += 1  # "But the bill ...", "Now she ..."
    if start >= end or (end - start == 1 and tokens[start].lower in ("it", "there")):
        return None
    return start, end
