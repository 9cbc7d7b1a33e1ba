"""Titles and relation words around a name: what they say about the person, and the prefixes
peeled off with them ("*French* President Emmanuel Macron", "*Nato* Secretary-General ...").

A title before a name makes it a person and may give a gender; a title that opens the run of
capitalised words is peeled off, and a demonym, country or organisation before the title
becomes a mention of its own.

>>> from toolkit.actors import find_actors
>>> [(a.name, a.titles) for a in find_actors("Officials met French President Tom Reyes.")]
[('Tom Reyes', ('French President',)), ('France', ())]
>>> [(a.name, a.titles) for a in find_actors("The striker Tom Reyes scored.")]
[('Tom Reyes', ('striker',))]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.actors._document import Candidate, DemonymMention, SentenceContext
from toolkit.actors._words import is_common, is_given, title_at

_ORGANIZATION = "\0organization"  # marks an organisation (not a place) before a title
_UNKNOWN = "\0unknown"  # a name before a title that no list knows


@dataclass
class PersonCues:
    """What titles and relation words around a name say about it."""

    titles: list[str] = field(default_factory=list)
    gender: str = ""
    person_cue: bool = False
    peeled: bool = False  # a title was part of the capitalised run ("President Putin")


def cues_before(ctx: SentenceContext, i: int) -> PersonCues:
    """A lower-case title or relation just before the run at ``i``: "striker Alan Shearer",
    "his wife Jane"."""
    cues = PersonCues()
    tokens, lex = ctx.tokens, ctx.lex
    if i == 0 or not tokens[i - 1].text.islower():
        return cues
    for size in range(min(lex.max_title_tokens, i), 0, -1):
        before = tuple(t.text.lower() for t in tokens[i - size : i])
        if all(t.is_word for t in tokens[i - size : i]) and before in lex.titles:
            cues.titles.append(" ".join(t.text for t in tokens[i - size : i]))
            cues.gender = lex.titles[before]
            cues.person_cue = True
            return cues
    relation = tokens[i - 1].text.lower()
    if relation in lex.relations:
        cues.gender = lex.relations[relation]
        cues.person_cue = True
    return cues


def peel_titles(ctx: SentenceContext, i: int, j: int, cues: PersonCues) -> int:
    """Peel "[demonym|country|organisation] title" prefixes off the run ``i:j`` into ``cues``
    ("French President", "US Secretary of State"); returns where the name starts.

    A run that is a known name or ends in an organisation word keeps its words ("Bank of
    England"); a title with no name after it names nobody and stays in the run.
    """
    lex = ctx.lex
    whole = ctx.joined(i, j)
    if whole in lex.organizations or whole in lex.places:
        return i
    if ctx.words[j - 1].lower().rstrip(".") in lex.org_words:
        return i
    i = _peel_party_label(ctx, i, j, cues)
    while True:
        start_title, prefix = _prefix_before_title(ctx, i, j)
        end_title = _title_end(ctx, start_title, j)
        if end_title is None or end_title >= j:
            return i
        tokens = ctx.tokens
        cues.titles.append(ctx.doc.text[tokens[i].start : tokens[end_title - 1].end])
        key = tuple(w.lower() for w in ctx.words[start_title:end_title] if w != ".")
        cues.gender = lex.titles.get(key, "") or cues.gender
        cues.person_cue = cues.peeled = True
        if prefix:
            _record_prefix(ctx, i, start_title, prefix)
        i = end_title


def _peel_party_label(ctx: SentenceContext, i: int, j: int, cues: PersonCues) -> int:
    """ "Republican Ana Ruiz": a party label before a given name and a surname is a title."""
    words, lex = ctx.words, ctx.lex
    if j - i >= 3 and words[i].lower() in lex.party_labels and is_given(words[i + 1], lex):
        cues.titles.append(words[i])
        cues.person_cue = cues.peeled = True
        return i + 1
    return i


def _prefix_before_title(ctx: SentenceContext, i: int, j: int) -> tuple[int, str | None]:
    """Where a title may start in the run ``i:j``, and what comes before it: a place (the
    canonical name), ``_ORGANIZATION``, ``_UNKNOWN`` or None (the title opens the run)."""
    k, prefix = _prefix_at(ctx, i, j)
    return (k + 1 if prefix else k), prefix


def _prefix_at(ctx: SentenceContext, k: int, j: int) -> tuple[int, str | None]:
    """The last token of a demonym, place or organisation at ``k`` that a title may follow."""
    lex, word = ctx.lex, ctx.words
    if word[k] in lex.demonyms:
        return k, lex.demonyms[word[k]]
    if k + 1 < j and f"{word[k]} {word[k + 1]}" in lex.demonyms:
        return k + 1, lex.demonyms[f"{word[k]} {word[k + 1]}"]
    for size in (3, 2):  # "Hong Kong Financial Secretary", "New York Gov."
        if k + size < j and ctx.joined(k, k + size) in lex.places:
            return k + size - 1, lex.places[ctx.joined(k, k + size)]
    if word[k].lower() in lex.places and k + 1 < j:
        return k, lex.places[word[k].lower()]  # "US President", "Chicago Cardinal"
    if (
        word[k].lower() in lex.organizations
        and k + 1 < j
        and not title_at([w for w in word[k:j] if w != "."], lex)
    ):
        return k, _ORGANIZATION  # "Nato Secretary-General Jaap de Hoop Scheffer"
    if (
        k + 2 < j
        and ctx.tokens[k].is_word
        and word[k] not in lex.first_names
        and not is_common(word[k].lower(), lex)
        and not title_at([word[k]], lex)
        and word[k + 1] not in lex.surnames  # "Sacha Baron Cohen"
        and title_at([w for w in word[k + 1 : j] if w != "."], lex)
    ):
        return k, _UNKNOWN  # "Norvik CEO Anna Berg": typed by its other mentions
    return k, None


def _title_end(ctx: SentenceContext, start: int, j: int) -> int | None:
    """The token after the title that starts at ``start`` (and the periods after it, as in
    "Mr."), or None when no title starts there. An abbreviation's period is read with it
    ("Sen." in "Montana Sen. Jon Tester"), else left out ("Lt Gen" for "Lt. Gen.")."""
    word = ctx.words
    merged: list[str] = []  # the words, each with the period right after it
    for k in range(start, j):
        if word[k] == "." and merged and ctx.tokens[k].start == ctx.tokens[k - 1].end:
            merged[-1] += "."
        elif word[k] != ".":
            merged.append(word[k])
    size = title_at(merged, ctx.lex) or title_at([w.rstrip(".") for w in merged], ctx.lex)
    if size == 0:
        return None
    end, seen = start, 0
    while end < j and seen < size:  # the title's word count back to tokens, skipping "."
        if word[end] != ".":
            seen += 1
        end += 1
    while end < j and word[end] == ".":
        end += 1
    return end


def _record_prefix(ctx: SentenceContext, i: int, start_title: int, prefix: str) -> None:
    """The "French" of "French President", the "US" of "US President" or the "Nato" of "Nato
    Secretary-General", as a mention."""
    first, last = ctx.tokens[i], ctx.tokens[start_title - 1]
    surface = ctx.doc.text[first.start : last.end]
    words = tuple(surface.split())
    lex, number = ctx.lex, ctx.number
    if prefix is _UNKNOWN:
        mention = Candidate(first.start, last.end, surface, words, number, before_title=True)
    elif prefix is _ORGANIZATION:
        mention = Candidate(first.start, last.end, surface, words, number, kind="organization")
    elif surface in lex.demonyms or surface.title() in lex.demonyms:
        ctx.doc.demonyms.append(DemonymMention(first.start, last.end, surface, prefix, number))
        return
    else:  # a country name used attributively: CoNLL and readers count it as a name
        mention = Candidate(first.start, last.end, surface, words, number, kind="place")
    ctx.doc.candidates.append(mention)
