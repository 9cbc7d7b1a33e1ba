"""Helpers shared by the quotation tests: what extract_quotes finds, as plain tuples, without
actor look-up (speakers are the mentions in the text, not actors)."""

from __future__ import annotations

from toolkit.quotes import extract_quotes


def found(text: str, kind: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(text, speaker mention, cue) of each quote, without actor look-up."""
    return [
        (q.text, q.speaker_mention, q.cue)
        for q in extract_quotes(text, actors=[])
        if kind is None or q.kind == kind
    ]


def direct(text: str) -> list[str]:
    """The text of each quotation in quote marks."""
    return [q.text for q in extract_quotes(text, actors=[]) if q.kind == "direct"]


def cued(text: str) -> list[tuple[str, str | None, str | None]]:
    """(text, speaker mention, cue) of each reported quotation, in order."""
    return found(text, "indirect")


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(text, speaker mention) of each quotation in quote marks."""
    return [
        (q.text, q.speaker_mention) for q in extract_quotes(text, actors=[]) if q.kind == "direct"
    ]
