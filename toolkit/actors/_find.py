"""Finding actors: the pipeline, per article, and the :class:`Actor` it builds at the end.

1. **Candidates** (:mod:`~toolkit.actors._candidates`): runs of capitalised tokens in each
   sentence, joined by name connectors (:mod:`~toolkit.actors._runs`: "Bank *of* England",
   "Charles *de* Gaulle", "George W*.* Bush"). A sentence-initial word that is an ordinary word
   ("Previously", "The") is dropped; so is a word seen in lower case elsewhere in the article.
   Headlines in capitals are read case-insensitively: a word counts only if the article's body
   or the gazetteers know it as a name.
2. **Titles and demonyms** (:mod:`~toolkit.actors._titles`): leading titles are peeled off
   into ``titles`` ("Russian President Vladimir Putin" -> name "Vladimir Putin", title "Russian
   President", and a demonym mention of Russia); a run that is a demonym ("Russian", "North
   Korean") becomes a demonym mention. Holidays, events, awards and laws, religious and
   political adjectives, acronyms used as nouns ("TV") and titles with no name after them are
   not actors and never become candidates.
3. **Typing** (:mod:`~toolkit.actors._typing`), strongest evidence first: the user's codebook
   (:mod:`~toolkit.actors._codebook`), the gazetteers, titles, name words, context, the other
   mentions in the article, then defaults.
4. **Merging** (:mod:`~toolkit.actors._merging`): surnames and title + surname join the full
   name they abbreviate; country aliases join; organisation acronyms join the name whose
   initials they are.
5. **Pronouns** (:mod:`~toolkit.actors._pronouns`) he/she/him/her/his/hers resolve to the most
   salient compatible person.

Word-level tests on the word lists (ordinary words, titles, events) are in
:mod:`~toolkit.actors._words`; the working data in :mod:`~toolkit.actors._document`.

>>> [(a.name, a.kind) for a in find_in_text("Tom Reyes of Norvik Bank spoke in Velmar.")]
[('Tom Reyes', 'person'), ('Norvik Bank', 'organization'), ('Velmar', 'place')]
"""

from __future__ import annotations

from toolkit.actors._candidates import collect
from toolkit.actors._codebook import Codebook
from toolkit.actors._lexicon import lexicon
from toolkit.actors._merging import Cluster, cluster_candidates
from toolkit.actors._model import Actor, Mention
from toolkit.actors._pronouns import resolve_pronouns
from toolkit.actors._typing import type_candidates


def find_in_text(text: str, codebook: Codebook | None = None) -> list[Actor]:
    """All actors of ``text`` (see :func:`toolkit.actors.find_actors`)."""
    lex = lexicon()
    doc = collect(text, lex)
    if codebook is not None:
        codebook.apply(doc)
    type_candidates(doc, lex)
    clusters = cluster_candidates(doc, lex)
    if codebook is not None:
        codebook.label(clusters)
    resolve_pronouns(doc, clusters, lex)
    actors = [_actor(cl) for cl in clusters.values()]
    actors.sort(key=lambda a: (-a.mention_count, a.first_offset))
    return actors


def _actor(cl: Cluster) -> Actor:
    """The :class:`Actor` of a cluster: its mentions in text order, its fullest name."""
    mentions = [Mention(c.start, c.end, c.text, "name") for c in cl.names]
    mentions += [Mention(e.start, e.end, e.text, "demonym") for e in cl.extras]
    mentions += [Mention(s, e, t, "pronoun") for s, e, t in cl.pronouns]
    mentions.sort(key=lambda m: (m.start, m.end))
    aliases = list(dict.fromkeys(m.text for m in mentions if m.form != "pronoun"))
    titles = list(
        dict.fromkeys(t for c in sorted(cl.names, key=lambda c: c.start) for t in c.titles)
    )
    return Actor(_name(cl), cl.kind, tuple(aliases), tuple(titles), tuple(mentions))


def _name(cl: Cluster) -> str:
    """The codebook's name, else the fullest name written in the prose (not in a capitals
    headline); a place is never named by an abbreviation ("US") when a full name is seen."""
    prose = [c for c in cl.names if not c.in_caps] or cl.names
    if cl.label:
        return cl.label
    if cl.kind == "place":
        full = [c.text for c in prose if not _is_abbreviation(c.text)]
        return max(full, key=lambda t: (len(t.split()), len(t))) if full else cl.key[1]
    if prose:
        return max((c.text for c in prose), key=lambda t: (len(t.split()), len(t) - t.count(".")))
    return cl.key[1]


def _is_abbreviation(surface: str) -> bool:
    """ "US", "U.S.", "B.C.", "Ont.": an abbreviation, not a place's full name."""
    letters = surface.replace(".", "")
    return " " not in surface and (letters.isupper() or surface.endswith("."))
