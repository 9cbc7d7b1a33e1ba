"""Pronouns: he/she/him/her/his/hers resolve to the most salient compatible person.

Salience: a person named earlier in the same sentence (the first one, usually the subject),
else the first person named in the nearest of the previous three sentences that names a
compatible one. A person's gender comes from its titles and relation words ("Mrs", "his
wife"), else its given name, else the first pronoun resolved to it. Resolved pronouns count as
mentions for later ones, so chains carry on.

>>> from toolkit.actors import find_actors
>>> [(a.name, [m.text for m in a.pronoun_mentions]) for a in find_actors("Ana Ruiz won. She smiled.")]
[('Ana Ruiz', ['She'])]
"""

from __future__ import annotations

from collections import Counter, defaultdict

from toolkit.actors._describe import family_name_first
from toolkit.actors._document import Document
from toolkit.actors._lexicon import Lexicon
from toolkit.actors._merging import Cluster

_LOOK_BACK = 3  # sentences

#: sentence number -> (offset, cluster) of the people mentioned in it
_Mentions = dict[int, list[tuple[int, Cluster]]]


def resolve_pronouns(doc: Document, clusters: dict[tuple[str, str], Cluster], lex: Lexicon) -> None:
    """Add to the person clusters the pronouns of ``doc`` that refer to them."""
    people = [cl for cl in clusters.values() if cl.kind == "person"]
    if not people:
        return
    for cl in people:
        cl.gender = _cluster_gender(cl, lex)
    by_sentence: _Mentions = defaultdict(list)
    for cl in people:
        for c in cl.names:
            by_sentence[c.sentence].append((c.start, cl))
    for number, sentence in enumerate(doc.sentences):
        for token in sentence.tokens:
            gender = lex.pronouns.get(token.text.lower())
            if gender is None or (sentence.all_caps and token.text.isupper()):
                continue
            target = _antecedent(by_sentence, number, token.start, gender)
            if target is None:
                continue
            target.pronouns.append((token.start, token.end, token.text))
            if not target.gender:
                target.gender = gender
            by_sentence[number].append((token.start, target))


def _cluster_gender(cl: Cluster, lex: Lexicon) -> str:
    cued = Counter(c.gender for c in cl.names if c.gender).most_common()
    if cued:
        # "Mr" twice and "Mrs" twice say nothing: a tie is no gender, whatever the order.
        return cued[0][0] if len(cued) == 1 or cued[0][1] > cued[1][1] else ""
    for c in sorted(cl.names, key=lambda c: -len(c.tokens)):
        if len(c.tokens) > 1 and c.tokens[0] in lex.first_names and not family_name_first(c.tokens):
            return lex.first_names[c.tokens[0]]
    names = {c.tokens[0] for c in cl.names if len(c.tokens) == 1}
    if len(names) == 1:  # "Christopher" alone: a given name that is no surname
        name = names.pop()
        if name not in lex.surnames:
            return lex.first_names.get(name, "")
    return ""


def _antecedent(by_sentence: _Mentions, number: int, position: int, gender: str) -> Cluster | None:
    def compatible(cl: Cluster) -> bool:
        return cl.gender in ("", gender)

    same = sorted(m for m in by_sentence.get(number, []) if m[0] < position)
    for _, cl in same:
        if compatible(cl):
            return cl
    for back in range(1, _LOOK_BACK + 1):
        for _, cl in sorted(by_sentence.get(number - back, []), key=lambda m: m[0]):
            if compatible(cl):
                return cl
    return None
