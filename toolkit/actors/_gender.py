"""A person's inferred gender, from what the article says and a first-name table.

The evidence, strongest first:

1. **pronouns** the actors code linked to the person ("he", "her", "herself");
2. **gendered titles and nouns** with the name: a title ("Mrs", "Sir", "Queen"), the noun just
   before a name ("his wife Ana Ruiz") or heading an apposition ("Ana Ruiz, a mother of
   three,"), from ``toolkit/lang/data/gender_words.tsv``;
3. the **first name**, when nearly all its bearers in the name statistics are of one gender
   (``gender_first_names.tsv``).

Evidence that disagrees, or that is weak (a name used by both genders, a lone initial), gives
None: the toolkit does not guess. The result is what the text suggests about a person, not a
fact about them; a codebook can set or override it.

>>> from toolkit.actors._model import Actor, Mention
>>> ruiz = Actor("Ana Ruiz", "person", ("Ana Ruiz",), (),
...              (Mention(0, 8, "Ana Ruiz"), Mention(14, 17, "she", "pronoun")))
>>> infer_gender("Ana Ruiz said she would.", ruiz)
('female', ('pronouns: 1 she/her', 'first name: Ana (98% female)'))
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from toolkit.actors._describe import Description, _fold, _given_names, descriptions
from toolkit.actors._model import Actor
from toolkit.lang import read_lines

_NAMES = {"f": "female", "m": "male"}
_PRONOUN_LABEL = {"f": "she/her", "m": "he/him"}
#: A first name decides alone only when at least this share of its bearers is of one gender.
FIRST_NAME_SHARE = 0.9
#: Pronouns decide when at least this share of those linked are of one gender.
PRONOUN_SHARE = 0.75


@cache
def _gender_words() -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in read_lines("gender_words.tsv"))


@cache
def _pronouns() -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in read_lines("actor_pronouns.tsv"))


def infer_gender(
    text: str, actor: Actor, found: list[Description] | None = None
) -> tuple[str | None, tuple[str, ...]]:
    """The inferred gender of a person actor ("female", "male" or None) and its evidence.

    ``found`` are the person's descriptions (:func:`toolkit.actors._describe.descriptions`),
    computed here when not given. Organisations and places get ``(None, ())``.
    """
    if actor.kind != "person":
        return None, ()
    if found is None:
        found = descriptions(text, actor)
    pronouns = Counter(
        g for m in actor.pronoun_mentions if (g := _pronouns().get(m.text.lower())) in _NAMES
    )
    words = _word_evidence(found)
    name = _first_name_evidence(actor)
    evidence = [f"pronouns: {n} {_PRONOUN_LABEL[g]}" for g, n in pronouns.most_common() if n] + [
        label for _, label in words
    ]
    if name is not None:
        evidence.append(name[1])
    return _decide(pronouns, [g for g, _ in words], name), tuple(evidence)


def _decide(pronouns: Counter, words: list[str], name: tuple[str | None, str] | None):
    """Pronouns and words must agree with each other; the first name decides alone, or
    must not contradict a decision made on fewer than three pronouns. A single pronoun with
    nothing else is too weak (a pronoun linked to the wrong name, a name that is no person's)."""
    if len(set(words)) > 1:
        return None
    by_words = words[0] if words else None
    by_pronouns = None
    total = sum(pronouns.values())
    if total:
        top, n = pronouns.most_common(1)[0]
        if n / total < PRONOUN_SHARE:
            return None
        by_pronouns = top
    if by_words and by_pronouns and by_words != by_pronouns:
        return None
    decided = by_words or by_pronouns
    by_name = name[0] if name else None
    if decided is None:
        return _NAMES.get(by_name) if by_name else None
    if by_name and by_name != decided and not by_words and total < 3:
        return None
    if not by_words and not by_name and total < 2:
        return None
    return _NAMES[decided]


def _word_evidence(found: list[Description]) -> list[tuple[str, str]]:
    """(gender, label) for each gendered title or noun among the descriptions."""
    table = _gender_words()
    out = []
    for d in found:
        for word in _gendered_words(d):
            out.append((table[word], f"{d.where}: {d.text}"))
            break
    return out


def _gendered_words(d: Description) -> list[str]:
    """The gendered words of a description that describe the person themself."""
    table = _gender_words()
    words = [w.lower().rstrip(".") if w.lower() not in table else w.lower() for w in d.words]
    if d.where in ("title", "name"):
        phrases = [" ".join(words[:2]), *words]
        return [p for p in phrases if p in table]
    if d.where == "before":
        return [words[-1]] if words and words[-1] in table else []
    if d.where == "apposition":
        head = d.head.split()
        if not head or not (head[0][0].islower() or head[0][0].isdigit()):
            return []
        for i, w in enumerate(head):
            # "a mother of three"; not "his wife Cherie" (the noun is Cherie's).
            if w.lower() in table and not any(x[0].isupper() for x in head[i + 1 :]):
                return [w.lower()]
    return []


def _is_title_word(word: str) -> bool:
    from toolkit.actors._role import _role_words

    lower = word.lower()
    return lower in _gender_words() or lower in _role_words() or lower.rstrip(".") in _role_words()


def _is_name_word(word: str) -> bool:
    """A word that may follow a given name in a person's name ("Ruiz", "J.", "O'Neil")."""
    return word[:1].isupper() and not any(c.isdigit() for c in word)


def _first_name_evidence(actor: Actor) -> tuple[str | None, str] | None:
    """The gender the first name suggests (None when it is shared) and a label, or None when
    no name of the actor starts with a known given name followed by another word."""
    table = _given_names()
    for alias in sorted(actor.aliases, key=lambda a: -len(a.split())):
        words = alias.split()
        # The given name follows any title left in the name ("Montana Sen. Jon Tester").
        titled = [i for i, w in enumerate(words[:-1]) if _is_title_word(w)]
        for i in range(titled[-1] + 1 if titled else 0, len(words) - 1):
            w = words[i]
            share = table.get(_fold(w))
            if share is None or not all(_is_name_word(x) for x in words[i + 1 :]):
                continue
            if share >= FIRST_NAME_SHARE:
                return "f", f"first name: {w} ({round(share * 100)}% female)"
            if share <= 1 - FIRST_NAME_SHARE:
                return "m", f"first name: {w} ({round((1 - share) * 100)}% male)"
            return None, f"first name: {w} (shared: {round(share * 100)}% female)"
    return None
