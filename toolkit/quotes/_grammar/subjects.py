"""The subject of a sentence: a pronoun, a name or a description after any opener."""

from __future__ import annotations

from toolkit.quotes._grammar.mentions import counted_people
from toolkit.quotes._grammar.words import is_adverb, not_a_subject
from toolkit.quotes._lexicon import _Lexicon, lexicon
from toolkit.quotes._tokens import SOFT_PUNCT, Token


def sentence_subject(tokens: list[Token], before: int) -> tuple[int, int] | None:
    """The subject at the start of a sentence, as a token range ending before ``before``: a
    pronoun, a name ("Sen. Ann Keller") or a description ("The crowd").

    Opening words ("And then", "However,") and an opening adverbial up to its comma ("On
    Sunday,", "Back in the valley,", "In replying on Friday,") are skipped.
    """
    lex = lexicon()
    k = _after_opening_words(tokens, lex)
    counted = counted_people(tokens, k, lex)
    if counted is not None:
        return k, counted  # "About 150 farmers marched to the ministry, ..."
    k = _after_opening_adverbial(tokens, k, before, lex)
    if k >= len(tokens) or tokens[k].kind != "word":
        return None
    return _subject_from(tokens, k, lex)


def _after_opening_words(tokens: list[Token], lex: _Lexicon) -> int:
    """The first token after the sentence's opening conjunctions ("And then", "However,")
    and a presenting "Here's" or "Here is"."""
    n = len(tokens)
    k = 0
    while k < n and tokens[k].kind == "word" and tokens[k].lower in lex.classes.conjunction:
        k += 1
    if k < n and tokens[k].text == ",":
        k += 1
    if k + 1 < n and tokens[k].lower in ("here’s", "here's"):
        k += 1  # "Here's Ruiz in 1998: ..." presents its subject
    elif k + 2 < n and tokens[k].lower == "here" and tokens[k + 1].lower in ("is", "are"):
        k += 2
    return k


def _after_opening_adverbial(tokens: list[Token], k: int, before: int, lex: _Lexicon) -> int:
    """The first token after an adverbial that opens the sentence at ``k`` and ends with a
    comma within twelve tokens ("On Sunday,", "Back in the valley, he", "Weeks later, Ruiz",
    but not "His lead ..., Ore."), or ``k``."""
    n = len(tokens)
    comma = next((c for c in range(k, min(n, k + 12)) if tokens[c].text == ","), None)
    if comma is None or comma + 1 >= n or comma + 1 >= max(before, comma + 2):
        return k
    after = tokens[comma + 1]
    opener = (
        tokens[k].lower in lex.classes.opener
        or tokens[k].lower in lex.classes.preposition
        or tokens[k].lower.endswith("ing")
    )
    named_after = after.kind == "word" and (after.lower in lex.pronouns or after.text[0].isupper())
    has_cue = any(t.lower in lex.forms for t in tokens[k:comma] if t.kind == "word")
    adverbial = tokens[k].lower not in lex.classes.possessive and (
        not_a_subject(tokens[k], lex)
        or any(
            t.lower in lex.classes.time or t.lower in lex.classes.calendar for t in tokens[k:comma]
        )
    )
    return comma + 1 if opener or (named_after and adverbial and not has_cue) else k


def _subject_from(tokens: list[Token], k: int, lex: _Lexicon) -> tuple[int, int] | None:
    """The subject that starts at word ``k``: a pronoun, a counted group, or a phrase opened
    by an article, a capital or a possessive ("His deputy"); None for a word that is no
    subject ("Four", "Saturday") or a participle ("Joined on stage by ...")."""
    n = len(tokens)
    first = tokens[k]
    if first.lower in lex.pronouns:
        return k, k + 1
    counted = counted_people(tokens, k, lex)
    if counted is not None:
        return k, counted
    possessive = (
        first.lower in lex.classes.person_possessive and k + 1 < n and tokens[k + 1].text.islower()
    )
    if not_a_subject(first, lex) and not possessive:
        return None  # but "His deputy pressed on ..." has a subject
    nxt = tokens[k + 1] if k + 1 < n else None
    if first.lower.endswith("ed") and nxt is not None and nxt.lower in lex.classes.preposition:
        return None  # "Joined on stage by ...": a participle
    articles = lex.classes.article
    if not (first.lower in articles or first.text[0].isupper() or possessive):
        return None
    j = _subject_end(tokens, k, possessive, lex)
    if (first.lower in articles or possessive) and j == k + 1:
        return None
    return k, j


def _subject_end(tokens: list[Token], k: int, possessive: bool, lex: _Lexicon) -> int:
    """The end of the subject phrase that starts at ``k``: at most eight tokens, up to a
    verb, a preposition, an adverb or punctuation; a name ends where lowercase begins ("Ruiz
    took"), unless a title follows it ("Green party candidate Ana Ruiz")."""
    n = len(tokens)
    first = tokens[k]
    name = first.text[0].isupper() and first.lower not in lex.classes.article and not possessive
    j = k + 1
    while j < n and tokens[j].kind != "quote" and j - k < 8:
        token = tokens[j]
        if token.kind == "punct" and token.text not in SOFT_PUNCT:
            break
        if token.kind == "word" and token.text.islower():
            if name and _links_name(tokens, j, lex):
                j += 1  # "Secretary of State Tom Reyes", "Bank of Norway chief Ana Ruiz"
                continue
            if (
                token.lower in lex.forms
                or token.lower in lex.classes.be
                or token.lower in lex.classes.stop
                or token.lower in lex.classes.preposition
                or is_adverb(token, lex)
                or token.lower.endswith("ed")
            ):
                break
            if name and not _title_before_name(tokens, j, lex):
                break  # a name ends where lowercase begins: "Ruiz took"
        j += 1
    while j > k + 1 and tokens[j - 1].kind == "punct":
        j -= 1
    return j


def _links_name(tokens: list[Token], j: int, lex: _Lexicon) -> bool:
    """Is the lowercase word at ``j`` a link inside a name ("of", "for") between two
    capitalised words ("Secretary of State")?"""
    return (
        tokens[j].lower in lex.classes.name_link
        and j + 1 < len(tokens)
        and tokens[j + 1].kind == "word"
        and tokens[j + 1].text[0].isupper()
        and tokens[j - 1].text[0].isupper()
    )


def _title_before_name(tokens: list[Token], j: int, lex: _Lexicon) -> bool:
    """Do the lowercase words from ``j`` describe the name that follows them ("Green party
    candidate Ana Ruiz", "Former state senator Tom Reyes")? One to three
    words, the last a person noun (``quote_source_nouns.txt``), then a capitalised word."""
    for m in range(j, min(j + 4, len(tokens))):
        token = tokens[m]
        if token.kind != "word":
            return False
        if not token.text.islower():
            return (
                m > j
                and token.lower not in lex.classes.function
                and tokens[m - 1].lower in lex.source_nouns
            )
        if (
            token.lower in lex.forms
            or token.lower in lex.classes.be | lex.classes.finite | lex.classes.stop
            or token.lower in lex.classes.preposition
            or is_adverb(token, lex)
            or token.lower.endswith(("ed", "ing"))
            or token.lower in lex.classes.title_stop
        ):
            return False
    return False
