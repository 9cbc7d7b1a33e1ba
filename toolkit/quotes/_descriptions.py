"""The whole description of a source the article leaves unnamed.

Private helper of :func:`toolkit.quotes.extract_quotes`. The attribution rules keep the head
of a speaker phrase, which is what an actor is looked up by ("a person familiar" of "a person
familiar with the talks"; "experts" of "lawyers and experts"). When no actor stands behind
it, the words that name the source are the researcher's only record of who spoke, and the head
alone says too little: :func:`described_source` widens the mention to the description around
it, the post-modifier after it up to the cue or the clause's end ("familiar with the talks",
"cited in the report", "arrested at the camp") and a group joined before it with "and"
("Several lawyers and experts").

>>> text = "A person familiar with the talks said the deal was close."
>>> start, end = described_source(text, (0, 17), (33, 37), (38, 56))
>>> text[start:end]
'A person familiar with the talks'
"""

from __future__ import annotations

import re

from toolkit.quotes._grammar.mentions import plural_object
from toolkit.quotes._lexicon import lexicon

_WORD = re.compile(r"[\w’'-]+")
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]\"“”—–\n]")
_MOST_WORDS = 8  # a post-modifier or a joined group is short


def described_source(
    text: str, mention: tuple[int, int], cue: tuple[int, int] | None, said: tuple[int, int]
) -> tuple[int, int]:
    """The span of the description whose head is ``mention`` (a description naming no
    actor) of the speaker of ``said``: the post-modifier after it and a group joined before
    it, when they are there."""
    start, end = mention
    return _joined_before(text, start, end), _modifier_end(text, start, end, cue, said)


def post_modifier(
    text: str, mention: tuple[int, int], cue: tuple[int, int] | None, said: tuple[int, int]
) -> tuple[int, int] | None:
    """The rule ``source-post-modifier``: the mention and the post-modifier after it, or
    None when there is none."""
    end = _modifier_end(text, *mention, cue, said)
    return (mention[0], end) if end > mention[1] else None


def joined_group(
    text: str, mention: tuple[int, int], cue: tuple[int, int] | None, said: tuple[int, int]
) -> tuple[int, int] | None:
    """The rule ``source-joined-group``: the group joined before the mention by "and" and
    the mention, or None when there is none."""
    start = _joined_before(text, *mention)
    return (start, mention[1]) if start < mention[0] else None


def _modifier_end(
    text: str, start: int, end: int, cue: tuple[int, int] | None, said: tuple[int, int]
) -> int:
    """Where a post-modifier after the head ends: up to the cue when the cue follows ("a
    person familiar with the talks said"), else up to the clause's end ("said a person close
    to the talks."), stopping at a comma; ``end`` when the after there are no post-modifier
    (they open with no preposition and follow no participle, or hold a verb)."""
    last = text[start:end].split()[-1]
    if not last.islower():
        return end  # a name ("Ruiz in 1998"): no description
    lex = lexicon()
    stop = cue[0] if cue is not None and cue[0] >= end else len(text)
    if said[0] >= end:
        stop = min(stop, said[0])  # "asked by an interviewer about the budget": the topic
    clause_end = _CLAUSE_END.search(text, end, stop)
    if clause_end is not None:
        stop = clause_end.start()
    after = list(_WORD.finditer(text, end, stop))
    while after and after[-1].group().lower() in lex.classes.time | lex.classes.calendar:
        after.pop()  # "officials in the city on Monday said": the time is the saying's
    if not after or len(after) > _MOST_WORDS:
        return end
    first = after[0].group()
    opens = first in lex.classes.preposition or last.endswith("ed")
    if not opens or not _no_verbs(after, lex) or _predicate(after, lex):
        return end
    if first in lex.classes.preposition and len(after) < 2:
        return end
    if after[-1].group() in lex.classes.preposition or _adverb_after_preposition(after, lex):
        return end  # "a candidate for allegedly ...": cut short, no modifier
    return after[-1].end()


def _joined_before(text: str, start: int, end: int) -> int:
    """Where a group joined to the head by "and" starts ("Several immigration lawyers and
    experts say"): lowercase words with no verb, from the start of the clause; ``start``
    when there is none or the head is a name."""
    head = text[start:end]
    if not head.islower():
        return start
    before = text[max(0, start - 80) : start]
    m = re.search(r"(?:^|[,;:.!?\n][ \n]*)((?:[\w’'-]+ +){1,4})and +$", before)
    if m is None:
        return start
    lex = lexicon()
    words = m.group(1).split()
    if not all(w[1:].islower() and _no_verb(w.lower(), lex) for w in words):
        return start
    if words[0].lower() in lex.pronouns or words[0].lower() in lex.classes.function - (
        lex.classes.det | lex.classes.article
    ):
        return start
    return start - (len(before) - m.start(1))


def _no_verbs(words: list[re.Match[str]], lex) -> bool:
    """Do the words hold no verb? A word in "-s" heading the object of a preposition, last or
    before another preposition, is a plural noun ("with the plans", "of the talks on")."""
    lowers = [w.group().lower() for w in words]
    ends = [*(w in lex.classes.preposition for w in lowers[1:]), True]
    return all(
        _no_verb(word, lex) or (ends[k] and plural_object(lowers, k, lex))
        for k, word in enumerate(lowers)
    )


def _no_verb(word: str, lex) -> bool:
    """Is ``word`` no verb that would make the words a clause ("who said", "will")?"""
    lower = word.lower()
    return not (
        (lower in lex.forms and not lower.endswith("ed"))
        or lower in lex.classes.be
        or lower in lex.classes.finite
        or lower in lex.relatives
    )


def _predicate(words: list[re.Match[str]], lex) -> bool:
    """Do the words hold a verb of their own: a past tense with an object ("named in the
    suit rejected each charge"), or end in a conjunction ("and")?"""
    lowers = [w.group().lower() for w in words]
    objects = lex.classes.det | lex.classes.article
    for k, word in enumerate(lowers):
        nxt = lowers[k + 1] if k + 1 < len(lowers) else None
        if word.endswith("ed") and nxt in objects:
            return True
        if word in ("and", "but", "or") and nxt is None:
            return True
    return False


def _adverb_after_preposition(words: list[re.Match[str]], lex) -> bool:
    """Does an adverb follow the preposition that opens the words ("for allegedly")?"""
    return (
        len(words) >= 2
        and words[0].group() in lex.classes.preposition
        and words[1].group().endswith("ly")
    )
