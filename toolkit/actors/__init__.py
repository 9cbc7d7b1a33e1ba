"""Named actors: who an article mentions, merged across aliases, counted, typed and linked.

>>> import toolkit
>>> text = ("French President Emmanuel Macron met Chancellor Olaf Scholz in Berlin. "
...         "Macron said he wanted unity. Scholz's office declined to comment.")
>>> [(a.name, a.kind, a.mention_count) for a in toolkit.find_actors(text)]
[('Emmanuel Macron', 'person', 2), ('Olaf Scholz', 'person', 2), ('Berlin', 'place', 1), ('France', 'place', 0)]
>>> macron = toolkit.find_actors(text)[0]
>>> macron.titles, [m.text for m in macron.pronoun_mentions]
(('French President',), ['he'])

Every mention slices back: ``text[m.start:m.end] == m.text``. See ``toolkit/actors/_find.py``
for how names are found, typed and merged, and the docs' Named actors guide for the figures.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from toolkit.actors._codebook import Codebook, CodebookEntry, codebook_frame, load_codebook
from toolkit.actors._counts import ActorCounts, count_actors
from toolkit.actors._describe import named_only_in_credits
from toolkit.actors._identity import fold_name, identity_key
from toolkit.actors._model import FORMS, GENDERS, KINDS, ROLES, Actor, Mention
from toolkit.actors._role import is_sports_report, role_of_phrase
from toolkit.spans import TextLike, text_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FORMS",
    "FRAME_COLUMNS",
    "GENDERS",
    "KINDS",
    "ROLES",
    "Actor",
    "ActorCounts",
    "Codebook",
    "CodebookEntry",
    "Mention",
    "actor_at",
    "actor_frequency",
    "actors_to_frame",
    "co_mention_counts",
    "co_mentions",
    "codebook_frame",
    "count_actors",
    "find_actors",
    "fold_name",
    "identity_key",
    "is_sports_report",
    "load_codebook",
    "named_only_in_credits",
    "role_of_phrase",
]

#: Columns of :func:`actor_frequency` and :func:`actors_to_frame`.
FRAME_COLUMNS = [
    "actor",
    "kind",
    "mentions",
    "name_mentions",
    "demonym_mentions",
    "pronoun_mentions",
    "first_offset",
    "titles",
    "aliases",
    "gender",
    "gender_evidence",
    "role",
    "role_evidence",
    "key",
]


def find_actors(x: TextLike, codebook: Any = None) -> list[Actor]:
    """People, organisations and places of an article (or string), most mentioned first.

    ``codebook`` (a CSV path, a DataFrame with columns actor, kind, aliases, or a
    :class:`Codebook`) fixes the names and types of the actors it lists (and, with the
    optional columns gender and role, their inferred gender and role). Each person gets an
    inferred ``gender`` and a ``role`` with their evidence (see :mod:`toolkit.actors._people`).

    >>> [a.name for a in find_actors("Biden's aides met NATO officials in Brussels.")]
    ['Biden', 'NATO', 'Brussels']
    """
    from toolkit.actors._find import find_in_text
    from toolkit.actors._identity import with_keys
    from toolkit.actors._people import with_gender_and_role

    book = load_codebook(codebook) if codebook is not None else None
    text = text_of(x)
    return with_keys(with_gender_and_role(text, find_in_text(text, book), book), book)


def actors_to_frame(actors: Iterable[Actor]) -> pd.DataFrame:
    """One row per actor: actor, kind, mentions (every form: names, demonyms and pronouns, as
    in voice share and corpus tables), name_mentions, demonym_mentions, pronoun_mentions,
    first_offset, titles, aliases (lists), gender (inferred: "female", "male" or None),
    gender_evidence, role, role_evidence (lists), key (the actor's identity across articles).
    Rows keep the order of ``actors``."""
    import pandas as pd

    rows = [
        {
            "actor": c.actor.name,
            "kind": c.actor.kind,
            "mentions": c.mentions,
            "name_mentions": c.name_mentions,
            "demonym_mentions": c.demonym_mentions,
            "pronoun_mentions": c.pronoun_mentions,
            "first_offset": c.actor.first_offset,
            "titles": list(c.actor.titles),
            "aliases": list(c.actor.aliases),
            "gender": c.actor.gender,
            "gender_evidence": list(c.actor.gender_evidence),
            "role": c.actor.role,
            "role_evidence": list(c.actor.role_evidence),
            "key": c.actor.key,
        }
        for c in count_actors(actors)
    ]
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def actor_frequency(x: TextLike, codebook: Any = None) -> pd.DataFrame:
    """:func:`find_actors` as a DataFrame (see :func:`actors_to_frame` for the columns).

    >>> actor_frequency("Putin met Xi. Putin spoke.")[["actor", "mentions"]].values.tolist()
    [['Putin', 2], ['Xi', 1]]
    """
    return actors_to_frame(find_actors(x, codebook=codebook))


def co_mention_counts(
    x: TextLike, actors: Sequence[Actor], forms: Iterable[str] = ("name",)
) -> Counter[tuple[int, int]]:
    """Pairs of actors mentioned in the same sentence of ``x``, as positions ``(i, j)``,
    ``i < j``, in ``actors`` -> the number of such sentences. The counter behind
    :func:`co_mentions` and the corpus's co-mention table, without a DataFrame.

    >>> text = "Putin met Biden in Geneva. Biden left."
    >>> found = find_actors(text)
    >>> [(found[i].name, found[j].name, n) for (i, j), n in co_mention_counts(text, found).items()]
    [('Biden', 'Putin', 1), ('Biden', 'Geneva', 1), ('Putin', 'Geneva', 1)]
    """
    from toolkit.text.segment import sentences

    wanted = set(forms)
    starts = [s.start for s in sentences(text_of(x))]
    in_sentence: dict[int, set[int]] = {}
    for position, actor in enumerate(actors):
        for m in actor.mentions:
            if m.form in wanted:
                number = bisect.bisect_right(starts, m.start) - 1
                in_sentence.setdefault(number, set()).add(position)
    pairs: Counter[tuple[int, int]] = Counter()
    for members in in_sentence.values():
        ranked = sorted(members)
        for i, a in enumerate(ranked):
            for b in ranked[i + 1 :]:
                pairs[(a, b)] += 1
    return pairs


def co_mentions(
    x: TextLike, actors: Sequence[Actor] | None = None, forms: Iterable[str] = ("name",)
) -> pd.DataFrame:
    """Pairs of actors mentioned in the same sentence, with the number of such sentences.

    Pass ``actors`` already found for ``x`` to skip finding them again; ``forms`` chooses which
    mentions count (names by default; add "demonym" or "pronoun" to widen it). Columns:
    actor_a, kind_a, actor_b, kind_b, count (most frequent pairs first).

    >>> co_mentions("Putin met Biden in Geneva. Biden left.").values.tolist()[0]
    ['Biden', 'person', 'Putin', 'person', 1]
    """
    import pandas as pd

    if actors is None:
        actors = find_actors(x)
    pairs = co_mention_counts(x, actors, forms)
    rows = [
        {
            "actor_a": actors[a].name,
            "kind_a": actors[a].kind,
            "actor_b": actors[b].name,
            "kind_b": actors[b].kind,
            "count": count,
        }
        for (a, b), count in sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    ]
    return pd.DataFrame(rows, columns=["actor_a", "kind_a", "actor_b", "kind_b", "count"])


def actor_at(actors: Iterable[Actor], start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping ``[start, end)`` (None if there is none).

    A zero-width span (``start == end``) matches a mention containing that offset. When
    several mentions overlap the span, the tie-break is, in order: the mention that overlaps
    most; a name before a demonym before a pronoun; the mention that starts first; the actor
    that comes first in ``actors``.

    The mentions are sorted by start and searched with a binary search; the index is kept for
    the last few lists of actors looked up, so calling this once per quotation of a long
    article costs O(log n) per call for n mentions, not O(n).

    >>> text = "Emmanuel Macron arrived. He said no."
    >>> actor_at(find_actors(text), 25, 27).name
    'Emmanuel Macron'
    """
    from toolkit.actors._lookup import index_for

    return index_for(actors).actor_at(start, end)
