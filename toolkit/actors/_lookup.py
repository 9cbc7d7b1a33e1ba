"""Which actor is mentioned at a span: the mentions of an article's actors, indexed by offset.

Private helper of :func:`toolkit.actors.actor_at` and :func:`toolkit.quotes.extract_quotes`.
Looking a span up by scanning every mention of every actor costs time in proportion to the
number of mentions, and an article with many quotations does it once per quotation; the index
sorts the mentions by start once, then finds those that overlap a span with a binary search.

>>> from toolkit.actors import Actor, Mention
>>> mentions = (Mention(0, 8, "Ana Ruiz"), Mention(14, 17, "She", "pronoun"))
>>> index = MentionIndex([Actor("Ana Ruiz", "person", mentions=mentions)])
>>> index.actor_at(14, 17).name, index.actor_at(9, 12)
('Ana Ruiz', None)
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.actors._model import Actor

__all__ = ["MentionIndex", "index_for"]

#: On a tie in overlap, names win over demonyms, demonyms over pronouns.
FORM_RANK = {"name": 0, "demonym": 1, "pronoun": 2}


class MentionIndex:
    """The mentions of ``actors``, sorted by start, for look-ups by span.

    Built in O(n log n) for n mentions; :meth:`actor_at` then costs O(log n + k), k being the
    number of mentions that start between the span's end and the start of the nearest
    mention before it that cannot reach the span (a handful: mentions are short).
    """

    __slots__ = ("_reach", "_rows", "_starts")

    def __init__(self, actors: Iterable[Actor]) -> None:
        rows = []
        for order, actor in enumerate(actors):
            for number, m in enumerate(actor.mentions):
                if m.end > m.start:  # an empty mention overlaps nothing
                    rank = FORM_RANK.get(m.form, len(FORM_RANK))
                    rows.append((m.start, order, number, m.end, rank, actor))
        rows.sort(key=lambda row: row[:3])
        self._rows = rows
        self._starts = [row[0] for row in rows]
        # _reach[i]: the furthest end of the mentions 0..i, so a scan leftwards can stop as
        # soon as no earlier mention reaches the span.
        self._reach = list(accumulate((row[3] for row in rows), max))

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``[start, end)``, as
        :func:`toolkit.actors.actor_at` defines it."""
        if start == end:  # a zero-width span: the mentions that contain the offset
            i = bisect_right(self._starts, start) - 1
        else:
            i = bisect_left(self._starts, end) - 1
        best = None
        found = None
        rows, reach = self._rows, self._reach
        while i >= 0 and reach[i] > start:
            m_start, order, number, m_end, rank, actor = rows[i]
            i -= 1
            if start == end:
                overlap = 1 if m_start <= start < m_end else 0
            else:
                overlap = min(end, m_end) - max(start, m_start)
            if overlap <= 0:
                continue
            # More overlap, then a name before a pronoun, then the earlier mention, then the
            # actor listed first, then its earlier mention.
            score = (overlap, -rank, -m_start, -order, -number)
            if best is None or score > best:
                best, found = score, actor
        return found


# The indexes of the actor lists looked up last, so that calling actor_at once per quotation
# indexes an article's mentions once. Keyed by the identities of the (immutable) actors; the
# entry keeps the actors alive, so their ids cannot be reused while it is cached.
_CACHE_SIZE = 8
_cache: OrderedDict[tuple[int, ...], tuple[tuple[Actor, ...], MentionIndex]] = OrderedDict()
_cache_lock = threading.Lock()


def index_for(actors: Iterable[Actor]) -> MentionIndex:
    """The :class:`MentionIndex` of ``actors``, built once for the last few lists seen."""
    actors = tuple(actors)
    key = tuple(map(id, actors))
    with _cache_lock:
        entry = _cache.get(key)
        if entry is not None:
            _cache.move_to_end(key)
            return entry[1]
    index = MentionIndex(actors)
    with _cache_lock:
        _cache[key] = (actors, index)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return index
