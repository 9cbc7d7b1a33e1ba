"""Cues whose content is a noun phrase after a preposition: "talked about", "critical of"."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.quotes._grammar.content import content_end, new_predicate, trim_words
from toolkit.quotes._grammar.cues import may_precede_base_form, plural_subject_before
from toolkit.quotes._grammar.nominal import possessor_before
from toolkit.quotes._grammar.words import is_adverb
from toolkit.quotes._lexicon import _Lexicon, _topic_entries, lexicon
from toolkit.quotes._tokens import DASHES, Cue, Token


@dataclass(frozen=True, slots=True)
class TopicCue:
    """A cue read from ``quote_topic_cues.txt``: tokens ``cue.i:cue.j``, the preposition last,
    the noun phrase after it the content. ``kind`` is "verb", "adjective" or "noun"; for a noun
    ``owner`` is the token of its possessive ("her criticism of", "Ruiz's support for")."""

    cue: Cue
    kind: str
    owner: int = -1


def topic_cues(tokens: list[Token]) -> list[TopicCue]:
    """ "talked about", "railed against", "is critical of", "her criticism of": cues whose
    content is the noun phrase after their preposition (``quote_topic_cues.txt``)."""
    lex = lexicon()
    entries = _topic_entries()
    found = []
    for i, token in enumerate(tokens):
        if token.kind != "word" or token.lower not in entries or not token.text.islower():
            continue
        for kind, base, tails in entries[token.lower]:
            j = _tail_end(tokens, i, tails, lex)
            if j is None:
                continue
            if kind == "verb":
                topic = _topic_verb_cue(tokens, i, j, base, lex)
            elif kind == "adjective":
                topic = _topic_adjective_cue(tokens, i, j, base, lex)
            else:
                topic = _topic_noun_cue(tokens, i, j, base, lex)
            if topic is not None:
                found.append(topic)
                break
    return found


def _tail_end(
    tokens: list[Token], i: int, tails: tuple[tuple[str, ...], ...], lex: _Lexicon
) -> int | None:
    """The end of the preposition (one of ``tails``) after the cue word at ``i``, up to two
    adverbs between ("spoke candidly about"), or None."""
    n = len(tokens)
    k = i + 1
    while k < n and k - i <= 2 and tokens[k].kind == "word" and is_adverb(tokens[k], lex):
        k += 1  # "spoke candidly about"
    tail = next((t for t in tails if _words_at(tokens, k, t)), None)
    return None if tail is None else k + len(tail)


def _topic_verb_cue(
    tokens: list[Token], i: int, j: int, base: str, lex: _Lexicon
) -> TopicCue | None:
    """ "talked about", "railed against": a verb in the active voice."""
    if not _topic_verb(tokens, i, base, lex):
        return None
    token = tokens[i]
    participle = token.lower.endswith("ing")
    return TopicCue(Cue(i, j, base, "topic", "verb", participle, token.lower), "verb")


def _topic_adjective_cue(
    tokens: list[Token], i: int, j: int, base: str, lex: _Lexicon
) -> TopicCue | None:
    """ "is critical of", "was deeply skeptical about": an adjective after a form of "be" or a
    linking verb (the cue starts there); "critical voices" is no cue."""
    be = i - 1
    while (
        be >= 0
        and tokens[be].kind == "word"
        and (is_adverb(tokens[be], lex) or tokens[be].lower in lex.classes.degree)
    ):
        be -= 1
    if be < 0 or tokens[be].lower not in lex.classes.be | lex.classes.linking:
        return None  # "a critical of" cannot be; "critical voices" is no cue
    return TopicCue(Cue(be, j, base, "topic", "verb", form=tokens[i].lower), "adjective")


def _topic_noun_cue(
    tokens: list[Token], i: int, j: int, base: str, lex: _Lexicon
) -> TopicCue | None:
    """ "her criticism of", "Ruiz's support for": a noun owned by a possessive; or the object
    of a verb whose subject speaks ("voiced strong support for"), which is then the cue."""
    owner = possessor_before(tokens, i)
    if owner is not None:
        return TopicCue(Cue(i, j, base, "topic", "before", form=tokens[i].lower), "noun", owner)
    verb = _light_verb_before(tokens, i, lex)
    if verb is None:
        return None  # "criticism of the plan grew": no one's in this sentence
    participle = tokens[verb].lower.endswith("ing")
    return TopicCue(Cue(verb, j, base, "topic", "verb", participle, tokens[verb].lower), "verb")


def _light_verb_before(tokens: list[Token], noun: int, lex: _Lexicon) -> int | None:
    """The verb whose object is the noun of a topic cue, and whose subject speaks: "made no
    mention of", "voiced strong support for", "is a fierce critic of". Only determiners and
    lowercase modifiers may stand between (class light_verb of quote_words.txt)."""
    for k in range(noun - 1, max(noun - 5, -1), -1):
        token = tokens[k]
        if token.kind != "word" or not token.text.islower():
            return None
        if token.lower in lex.classes.light_verb:
            return k if _light_verb_active(tokens, k, lex) else None
        if token.lower in lex.classes.preposition or token.lower in lex.classes.stop:
            return None
    return None


def _light_verb_active(tokens: list[Token], k: int, lex: _Lexicon) -> bool:
    """Not "to make", "the offer", nor a passive ("was made", "were voiced")."""
    prev = tokens[k - 1] if k > 0 else None
    if (
        prev is not None
        and prev.kind == "word"
        and (prev.lower == "to" or prev.lower in lex.classes.det)
    ):
        return False
    if tokens[k].lower in lex.classes.be | lex.classes.linking or tokens[k].lower.endswith("ing"):
        return True
    m = k - 1
    while m >= 0 and tokens[m].kind == "word" and is_adverb(tokens[m], lex):
        m -= 1
    return not (m >= 0 and tokens[m].lower in lex.classes.be)


def _words_at(tokens: list[Token], k: int, words: tuple[str, ...]) -> bool:
    return k + len(words) <= len(tokens) and all(
        t.lower == w and t.kind == "word"
        for t, w in zip(tokens[k : k + len(words)], words, strict=True)
    )


def _topic_verb(tokens: list[Token], i: int, base: str, lex: _Lexicon) -> bool:
    """Is the head of a topic cue at ``i`` a verb in the active voice? Not a noun ("the talks
    about", "peace talks on", "Ruiz's comments on"), an infinitive ("to talk about", whose
    subject is another verb's) or a passive ("was talked about")."""
    token = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.kind == "word":
        if prev.lower in lex.classes.det or prev.lower == "to":
            return False
        if prev.lower.endswith(("'s", "’s", "s'", "s’")) and prev.lower[:-2] not in lex.pronouns:
            return False
    if token.lower == base and not (
        may_precede_base_form(prev, lex) or plural_subject_before(tokens, i, lex)
    ):
        return False  # "a phone call out": a noun
    if (
        token.lower != base
        and token.lower.endswith("s")
        and not token.lower.endswith("ss")
        and not (
            prev is not None
            and prev.kind == "word"
            and (
                prev.lower in lex.pronouns | lex.relatives
                or (
                    prev.text[0].isupper()
                    and (i < 2 or tokens[i - 2].kind != "word" or not tokens[i - 2].text.islower())
                )
                or prev.lower in lex.source_nouns
                or prev.lower in lex.classes.skip
            )
        )
    ):
        return False  # "peace talks on", "the remarks about", "his Cuban sides with"
    if not token.lower.endswith("ing"):
        k = i - 1
        while k >= 0 and tokens[k].kind == "word" and is_adverb(tokens[k], lex):
            k -= 1
        if k >= 0 and tokens[k].lower in lex.classes.be:
            return False  # "was talked about", "is focused on"
    return True


def noun_phrase(tokens: list[Token], start: int, cues: list[Cue]) -> tuple[int, int] | None:
    """The noun phrase that is the content of a topic cue, from token ``start``: "the budget",
    "how the plan failed", "Quist" (in "... about Quist and her aides did not ..."). It ends at
    the end of its clause: a semicolon, colon, dash or bracket, a comma before a conjunction,
    a relative pronoun, a participle or a cue, "and"/"but" before a new clause, or a
    subordinator ("when", "because"), or a finite verb unless a clause opened it ("talked about
    how the plan was failing"; "her comments on the issue were ..."). None when what follows is
    a number, a time, an adverbial ("spoke about 20 minutes", "voted for the first time",
    "remarks on condition of anonymity") or a quotation."""
    lex = lexicon()
    n = len(tokens)
    if _no_noun_phrase_at(tokens, start, lex):
        return None
    # A clause opened by "how", "whether", "that", a relative... may hold its own verb ("talked
    # about how the plan was failing"); a plain noun phrase ends before one ("bragged about his
    # record was released", "her comments on the issue were").
    first = tokens[start]
    clause = first.lower in lex.classes.stop or first.lower in lex.relatives
    stop = _noun_phrase_end(tokens, start, content_end(tokens, start, cues, n), cues, clause, lex)
    return None if stop is None else trim_words(tokens, start, stop)


def _no_noun_phrase_at(tokens: list[Token], start: int, lex: _Lexicon) -> bool:
    """Is what starts at ``start`` no topic: not a word, a number, a time or an adverbial
    ("spoke about 20 minutes", "voted for the first time", "remarks on condition of
    anonymity")?"""
    n = len(tokens)
    if start >= n or tokens[start].kind != "word":
        return True
    first = tokens[start]
    if (
        first.text[0].isdigit()
        or first.lower in lex.classes.number | lex.classes.approximator | lex.classes.calendar
        or (first.lower in lex.classes.time and first.lower != "this")
        or (first.lower == "the" and start + 2 < n and tokens[start + 2].lower == "time")
    ):
        return True
    head = start + 1 if first.lower in lex.classes.article and start + 1 < n else start
    return tokens[head].lower in lex.classes.adverbial_noun or first.lower in lex.classes.skip


def _noun_phrase_end(
    tokens: list[Token], start: int, stop: int, cues: list[Cue], clause: bool, lex: _Lexicon
) -> int | None:
    """Where the noun phrase from ``start`` ends, at most at ``stop``; None when a quotation
    stands in it (the quotation speaks for its clause). ``clause``: the phrase opens a clause
    that may hold its own verb."""
    ends = lex.classes.clause_end
    participles = {cue.i for cue in cues if cue.participle}  # "argued against the levy saying"
    for m in range(start + 1, stop):
        token = tokens[m]
        if token.kind == "quote":
            return None
        if token.kind == "punct":
            if _clause_ends_at_punct(tokens, m, stop, lex):
                return m
            continue
        if not token.text.islower():
            continue
        if token.lower in lex.classes.preposition and m + 1 < stop:
            after = m + 2 if tokens[m + 1].lower in lex.classes.article else m + 1
            if after < stop and tokens[after].lower in lex.classes.adverbial_noun:
                return m  # "spoke about the decision on condition of anonymity"
        if m in participles or (
            token.lower in lex.classes.skip
            and token.lower not in lex.classes.modifier_skip
            and tokens[m - 1].lower not in lex.classes.det
        ):
            return m  # "... the levy saying", "Ruiz's support for the bridge never wavered"
        if token.lower in lex.relatives or token.lower == "that":
            clause = True
        if token.lower in ends or (
            not clause and token.lower in lex.classes.finite | lex.classes.be
        ):
            return m  # "... when he told", "... because", "... but defended"
        if token.lower in ("and", "or") and _opens_clause_after(tokens, m + 1, stop, lex):
            return m
    return stop


def _clause_ends_at_punct(tokens: list[Token], m: int, stop: int, lex: _Lexicon) -> bool:
    """Does the punctuation at ``m`` end the clause: a dash, a colon, a bracket, a question or
    exclamation mark, or a comma before a quotation, a conjunction, a relative pronoun, a
    verb, a participle or a pronoun?"""
    token = tokens[m]
    if token.text in DASHES or token.text in (":", "(", ")", "[", "?", "!"):
        return True
    if token.text != "," or m + 1 >= stop:
        return False
    after = tokens[m + 1]
    return after.kind == "quote" or (
        after.kind == "word"
        and after.text.islower()
        and (
            after.lower in lex.classes.clause_link
            or after.lower in lex.relatives
            or after.lower in lex.forms
            or after.lower.endswith("ing")
            or after.lower in lex.pronouns
        )
    )


def _opens_clause_after(tokens: list[Token], k: int, stop: int, lex: _Lexicon) -> bool:
    """After "and": does a clause of its own start ("and her aides did not", "and she said",
    "and then left")? A finite verb within a few words, before any relative pronoun."""
    if k < stop and tokens[k].lower in lex.pronouns and tokens[k].text.islower():
        return True
    if new_predicate(tokens, k, stop):
        return True
    for m in range(k, min(k + 5, stop)):
        token = tokens[m]
        if token.kind != "word" or token.lower in lex.relatives or token.lower == "that":
            return False
        if token.text.islower() and (
            token.lower in lex.classes.finite or token.lower in lex.classes.be
        ):
            return m > k or token.lower not in ("is", "are", "was", "were")
    return False
