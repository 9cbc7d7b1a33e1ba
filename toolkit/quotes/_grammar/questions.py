"""Questions put to someone: "Asked whether ...", "when asked by an interviewer ..."."""

from __future__ import annotations

from toolkit.quotes._grammar.content import infinitive_verb
from toolkit.quotes._grammar.words import is_adverb
from toolkit.quotes._lexicon import _Lexicon, lexicon
from toolkit.quotes._tokens import DASHES, SOFT_PUNCT, Token


def questions(tokens: list[Token]) -> list[tuple[int, int, tuple[int, int] | None]]:
    """ "Asked on Monday whether ...", "when asked by an interviewer whether ...", "was asked to
    leave": a past participle of a question verb with no subject before it. Returns (cue,
    content start, the asker after "by" as a token range, or None)."""
    lex = lexicon()
    found = []
    for i, token in enumerate(tokens):
        if token.kind != "word" or not _question_participle(tokens, i, lex):
            continue
        start, asker = _question_after(tokens, i, lex)
        if start is not None:
            found.append((i, start, asker))
    return found


def _question_participle(tokens: list[Token], i: int, lex: _Lexicon) -> bool:
    """Is the word at ``i`` the past participle of a question verb ("asked", "pressed") with
    no subject before it: at the start, or after "when", "if", a comma or a dash (adverbs
    between)?"""
    token = tokens[i]
    entry = lex.forms.get(token.lower)
    if (
        entry is None
        or entry[0] not in lex.classes.question_verb
        or token.lower == entry[0]
        or token.lower.endswith(("s", "ing"))
    ):
        return False
    k = i - 1
    while k >= 0 and tokens[k].kind == "word" and is_adverb(tokens[k], lex):
        k -= 1
    return k < 0 or (
        tokens[k].lower in lex.classes.question_lead
        or tokens[k].text in (",", ";", ":")
        or tokens[k].text in DASHES
    )


def _question_after(
    tokens: list[Token], i: int, lex: _Lexicon
) -> tuple[int | None, tuple[int, int] | None]:
    """Within twelve words after the participle at ``i``: where the question starts
    ("whether", "about", "to" and a verb; not "asked to the stage", "asked for by the club")
    and the asker after "by", as token ranges (either may be None)."""
    n = len(tokens)
    asker = None
    m = i + 1
    while m < n and m - i <= 12:
        word = tokens[m]
        if word.kind != "word" and word.text not in SOFT_PUNCT:
            break
        if word.lower == "by" and asker is None and m + 1 < n:
            end = _asker_end(tokens, m + 1, lex)
            asker = (m + 1, end) if end > m + 1 else None
            m = end
            continue
        if word.text.islower() and word.lower in lex.classes.question_opener:
            after = tokens[m + 1] if m + 1 < n else None
            if after is not None and (
                infinitive_verb(after, lex)
                if word.lower == "to"
                else after.kind != "punct" and after.lower not in lex.classes.preposition
            ):
                return m, asker
            return None, asker
        m += 1
    return None, asker


def _asker_end(tokens: list[Token], start: int, lex: _Lexicon) -> int:
    """The end of the asker's name that starts at ``start`` (after "by"): up to eight words,
    before a question opener or a preposition."""
    end = start
    while end < len(tokens) and end - start < 8 and tokens[end].kind == "word":
        if tokens[end].text.islower() and (
            tokens[end].lower in lex.classes.question_opener
            or tokens[end].lower in lex.classes.preposition
        ):
            break
        end += 1
    return end
