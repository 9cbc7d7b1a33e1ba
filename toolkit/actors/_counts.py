"""How often each actor is mentioned, by form, and quoted: the one count behind the actor
table, voice share and the article view.

>>> from toolkit.actors import Actor, Mention
>>> ruiz = Actor("Ana Ruiz", "person", mentions=(Mention(0, 8, "Ana Ruiz"), Mention(20, 23, "She", "pronoun")))
>>> class Quote:  # anything with ``speaker`` and ``kind``, as toolkit.quotes.Quote
...     def __init__(self, speaker, kind): self.speaker, self.kind = speaker, kind
>>> c = count_actors([ruiz], [Quote("Ana Ruiz", "direct"), Quote("Ana Ruiz", "indirect"), Quote(None, "direct")])[0]
>>> c.mentions, c.name_mentions, c.pronoun_mentions, c.quotes, c.direct_quotes, c.indirect_quotes
(2, 1, 1, 2, 1, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from toolkit.actors._model import Actor


@dataclass(frozen=True, slots=True)
class ActorCounts:
    """One actor's mentions (``mentions`` counts every form: names, demonyms and resolved
    pronouns) and the quotations attributed to it (``quotes``, of which ``direct_quotes`` hold
    words in quote marks: direct, or mixed, a reported clause with quoted words)."""

    actor: Actor
    mentions: int
    name_mentions: int
    demonym_mentions: int
    pronoun_mentions: int
    quotes: int = 0
    direct_quotes: int = 0

    @property
    def indirect_quotes(self) -> int:
        return self.quotes - self.direct_quotes


def count_actors(actors: Iterable[Actor], quotes: Iterable[Any] = ()) -> list[ActorCounts]:
    """:class:`ActorCounts` of each actor, in the order of ``actors``.

    A quotation counts for every actor whose ``name`` is its ``speaker`` (quotations are
    :class:`toolkit.quotes.Quote` objects, or anything with ``speaker`` and ``kind``).
    """
    quoted: Counter[str] = Counter()
    direct: Counter[str] = Counter()
    for quote in quotes:
        quoted[quote.speaker] += 1
        if quote.kind in ("direct", "mixed"):  # words in quote marks, alone or in a clause
            direct[quote.speaker] += 1
    counts = []
    for actor in actors:
        forms = Counter(m.form for m in actor.mentions)
        counts.append(
            ActorCounts(
                actor=actor,
                mentions=len(actor.mentions),
                name_mentions=forms["name"],
                demonym_mentions=forms["demonym"],
                pronoun_mentions=forms["pronoun"],
                quotes=quoted[actor.name],
                direct_quotes=direct[actor.name],
            )
        )
    return counts
