"""Looking actors up by span: toolkit.actors.actor_at and the index behind it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.actors import Actor, Mention, actor_at
from toolkit.actors._lookup import FORM_RANK, MentionIndex, index_for

TEXT = "Ana Ruiz met Tom Reyes. She said the Spanish team had won. Ruiz left."
RUIZ = Actor(
    "Ana Ruiz",
    "person",
    mentions=(
        Mention(0, 8, "Ana Ruiz"),
        Mention(24, 27, "She", "pronoun"),
        Mention(59, 63, "Ruiz"),
    ),
)
REYES = Actor("Tom Reyes", "person", mentions=(Mention(13, 22, "Tom Reyes"),))
SPAIN = Actor("Spain", "place", mentions=(Mention(37, 44, "Spanish", "demonym"),))
ACTORS = [RUIZ, REYES, SPAIN]


def test_the_actor_whose_mention_overlaps_the_span():
    assert TEXT[24:27] == "She" and TEXT[37:44] == "Spanish"
    assert actor_at(ACTORS, 24, 27) is RUIZ
    assert actor_at(ACTORS, 13, 16) is REYES  # part of a mention
    assert actor_at(ACTORS, 30, 52) is SPAIN  # a span that holds a mention
    assert actor_at(ACTORS, 28, 32) is None
    assert actor_at(ACTORS, 59, 59) is RUIZ  # a zero-width span inside a mention
    assert actor_at(ACTORS, 63, 63) is None  # ... but not at its end
    assert actor_at([], 0, 5) is None


def test_ties_go_to_overlap_then_form_then_position_then_order():
    # Two actors have mentions under the span.
    reyes = Actor("Tom Reyes", "person", mentions=(Mention(0, 9, "Tom Reyes"),))
    berg = Actor("Lena Berg", "person", mentions=(Mention(4, 17, "Reyes's wife", "pronoun"),))
    assert actor_at([berg, reyes], 0, 17) is berg  # overlaps most (13 characters against 9)
    assert actor_at([berg, reyes], 4, 9) is reyes  # same overlap: a name before a pronoun
    first = Actor("A", "person", mentions=(Mention(0, 5, "Reyes"),))
    second = Actor("B", "person", mentions=(Mention(0, 5, "Reyes"),))
    assert actor_at([first, second], 0, 5) is first  # all else equal: the actor listed first
    early = Actor("C", "person", mentions=(Mention(0, 4, "abcd"),))
    late = Actor("D", "person", mentions=(Mention(6, 10, "ghij"),))
    assert actor_at([late, early], 2, 8) is early  # same overlap and form: the earlier mention


def test_the_index_of_a_list_is_built_once():
    assert index_for(ACTORS) is index_for(list(ACTORS))
    assert index_for(ACTORS) is not index_for([REYES, RUIZ, SPAIN])


def _reference(actors, start, end):
    """actor_at by scanning every mention, as the toolkit did before the index."""
    best = found = None
    for actor in actors:
        for m in actor.mentions:
            if start == end:
                overlap = 1 if m.start <= start < m.end else 0
            else:
                overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0:
                score = (overlap, -FORM_RANK.get(m.form, 3), -m.start)
                if best is None or score > best:
                    best, found = score, actor
    return found


_mention = st.builds(
    lambda start, length, form: Mention(start, start + length, "x" * length, form),
    st.integers(0, 60),
    st.integers(0, 12),
    st.sampled_from(["name", "demonym", "pronoun"]),
)
_actors = st.lists(
    st.builds(
        lambda n, mentions: Actor(f"A{n}", "person", mentions=tuple(mentions)),
        st.integers(0, 99),
        st.lists(_mention, max_size=6),
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(_actors, st.integers(0, 80), st.integers(0, 20))
def test_the_index_finds_what_a_full_scan_finds(actors, start, length):
    index = MentionIndex(actors)
    for end in (start, start + length):
        assert index.actor_at(start, end) is _reference(actors, start, end)
