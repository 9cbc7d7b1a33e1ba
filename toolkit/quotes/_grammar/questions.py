"""Questions put to someone: "Asked whether ...", "when asked by an interviewer ..."."""

from __future__ import annotations

from toolkit.quotes._grammar.content import infinitive_verb
from toolkit.quotes._grammar.words import is_adverb
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._tokens import DASHES, SOFT_PUNCT, Token


def questions(tokens: list[Token]) -> list[tuple[int, int, tuple[int, int] | None]]:
    """ "Asked on Monday whether ...", "when asked by an interviewer whether ...", "was asked to
    leave": a past participle of a question verb with no subject before it. Returns (cue,
    content start, the asker after "by" as a token range, or None)."""
    lex = lexicon()
    found = []
    n = len(tokens)
    for i, token in enumerate(tokens):
        entry = lex.forms.get(token.lower) if token.kind == "word" else None
        if (
            entry is None
            or entry[0] not in lex.words["question_verb"]
            or token.lower == entry[0]
            or token.lower.endswith(("s", "ing"))
        ):
            continue
        k = i - 1
        while k >= 0 and tokens[k].kind == "word" and is_adverb(tokens[k], lex):
            k -= 1
        if k >= 0 and not (
            tokens[k].lower in lex.words["question_lead"]
            or tokens[k].text in (",", ";", ":")
            or tokens[k].text in DASHES
        ):
            continue
        asker = None
        start = None
        m = i + 1
        while m < n and m - i <= 12:
            word = tokens[m]
            if word.kind != "word" and word.text not in SOFT_PUNCT:
                break
            if word.lower == "by" and asker is None and m + 1 < n:
                end = m + 1
                while end < n and end - m <= 8 and tokens[end].kind == "word":
                    if tokens[end].text.islower() and (
                        tokens[end].lower in lex.words["question_opener"]
                        or tokens[end].lower in lex.words["preposition"]
                    ):
                        break
                    end += 1
                asker = (m + 1, end) if end > m + 1 else None
                m = end
                continue
            if word.text.islower() and word.lower in lex.words["question_opener"]:
                after = tokens[m + 1] if m + 1 < n else None
                if after is not None and (
                    infinitive_verb(after, lex)
                    if word.lower == "to"
                    else after.kind != "punct" and after.lower not in lex.words["preposition"]
                ):
                    start = m  # not "asked to the stage", "asked for by the club"
                break
            m += 1
        if start is not None:
            found.append((i, start, asker))
    return found
