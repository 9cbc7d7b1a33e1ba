"""Helpers shared by the quotation tests: what extract_quotes finds, as plain tuples, without
actor look-up (speakers are the mentions in the text, not actors), in scope "all" (every
attribution, beliefs and intentions too: the grammar is what these tests check; the scope
has tests of its own)."""

from __future__ import annotations

from toolkit.quotes import extract_quotes


def found(text: str, kind: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(text, speaker mention, cue) of each quote, without actor look-up."""
    return [
        (q.text, q.speaker_mention, q.cue)
        for q in extract_quotes(text, actors=[], scope="all")
        if kind is None or q.kind == kind
    ]


def in_marks(text: str) -> list[tuple[str, str | None, str]]:
    """(words, speaker mention, kind) of the words in quote marks, in order: a direct
    quotation, or each quoted part of a mixed one ('said the plan was "dead"')."""
    return [
        (text[start:end], q.speaker_mention, q.kind)
        for q in extract_quotes(text, actors=[], scope="all")
        for start, end in q.quoted
    ]


def direct(text: str) -> list[str]:
    """The words of each quotation in quote marks, or of each quoted part of a mixed one."""
    return [words for words, _, _ in in_marks(text)]


def cued(text: str) -> list[tuple[str, str | None, str | None]]:
    """(text, speaker mention, cue) of each reported quotation, in order."""
    return found(text, "indirect")


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(words, speaker mention) of each quotation in quote marks, or of each quoted part of a
    mixed one: who speaks the words in marks."""
    return [(words, mention) for words, mention, _ in in_marks(text)]
