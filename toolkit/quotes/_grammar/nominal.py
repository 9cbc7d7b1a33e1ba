"""Speech nouns owned by a possessive: "his claim", "Ruiz's bold new pledge"."""

from __future__ import annotations

from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._tokens import Token


def possessor_before(tokens: list[Token], noun: int) -> int | None:
    """The possessive that owns the speech noun at ``noun``: "his" in "his pledge", "Ruiz's"
    in "Ruiz's bold new pledge" (up to two modifiers between), or None."""
    lex = lexicon()
    for k in range(noun - 1, max(noun - 4, -1), -1):
        token = tokens[k]
        if token.kind != "word":
            return None
        lower = token.lower
        if lower in lex.classes.owner_possessive:
            return k
        if lower.endswith(("'s", "’s", "s'", "s’")) and lower[:-2] not in lex.classes.function:
            return k if token.text[0].isupper() or lower[:-2] in lex.source_nouns else None
        if not token.text.islower() or lower in lex.forms or lower in lex.classes.stop:
            return None
    return None


def nominal_cues(tokens: list[Token]) -> list[tuple[int, int]]:
    """(possessor, noun) token pairs: "his claim", "Ruiz's bold new pledge"."""
    lex = lexicon()
    found = []
    for n, token in enumerate(tokens):
        if token.kind == "word" and token.text.islower() and token.lower in lex.speech_nouns:
            if n >= 2 and tokens[n - 1].kind == "quote":
                owner = possessor_before(tokens, n - 1)  # 'Ruiz's "no new taxes" pledge'
                owner = owner if owner == n - 2 else None
            else:
                owner = possessor_before(tokens, n)
            if owner is not None:
                found.append((owner, n))
    return found


def owner_span(tokens: list[Token], owner: int) -> tuple[int, int]:
    """The possessive that speaks, with its article: "The council's", "Ruiz's", "his"."""
    start = owner
    articles = lexicon().classes.article
    if owner > 0 and tokens[owner - 1].lower in articles and tokens[owner].text.islower():
        start = owner - 1
    return tokens[start].start, tokens[owner].end
