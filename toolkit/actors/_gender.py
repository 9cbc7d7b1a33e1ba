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

from toolkit import lang
from toolkit.actors._describe import (
    NAME_SHARE,
    Description,
    _fold,
    _given_names,
    descriptions,
    family_name_first,
)
from toolkit.actors._lexicon import lexicon
from toolkit.actors._model import Actor
from toolkit.actors._role import _role_words

_NAMES = {"f": "female", "m": "male"}
_PRONOUN_LABEL = {"f": "she/her", "m": "he/him"}
#: A first name decides alone only when at least this share of its bearers is of one gender.
FIRST_NAME_SHARE = NAME_SHARE
#: A name leaning one way decides with this share when the census list agrees.
LEANING_SHARE = 0.75
#: Pronouns decide when at least this share of those linked are of one gender.
PRONOUN_SHARE = 0.75


@lang.cached
def _gender_words() -> dict[str, str]:
    """Title or noun -> the gender it implies ("m" or "f")."""
    return dict(lang.table("gender_words.tsv", ("word", "gender"), {"gender": ("m", "f")}))


@lang.cached
def _pronouns() -> dict[str, str]:
    """Personal pronoun -> the gender it implies ("m", "f" or "-")."""
    return dict(lang.table("actor_pronouns.tsv", ("word", "gender"), {"gender": ("m", "f", "-")}))


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


def _decide(pronouns: Counter, words: list[str], name: tuple[str | None, str, float] | None):
    """Pronouns, words and a decisive first name must not disagree; any one of them decides,
    except a single pronoun, which needs a first name leaning the same way (one pronoun may be
    linked to the wrong name, or the name be no person's)."""
    total = sum(pronouns.values())
    by_pronouns = None
    if total:
        top, n = pronouns.most_common(1)[0]
        if n / total < PRONOUN_SHARE:
            return None
        by_pronouns = top
    by_name = name[0] if name else None
    votes = {g for g in (*words, by_pronouns, by_name) if g}
    if len(votes) != 1:
        return None
    decided = votes.pop()
    if not words and not by_name and total < 2:
        leaning = name[2] if name else None  # share of female bearers
        if leaning is None or (leaning > 0.5) != (decided == "f"):
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
            # The first gendered noun: "a mother of three"; not "his wife Ilse and their son"
            # (the noun is Ilse's, and so is what follows).
            if w.lower() in table:
                return [] if any(x[0].isupper() for x in head[i + 1 :]) else [w.lower()]
    return []


def _is_title_word(word: str) -> bool:
    lower = word.lower()
    roles = _role_words()
    return lower in _gender_words() or lower in roles or lower.rstrip(".") in roles


def _is_name_word(word: str) -> bool:
    """A word that may follow a given name in a person's name ("Ruiz", "J.", "O'Neil", the
    "de" of "Bill de Blasio")."""
    if word in lang.word_set("actor_particles.txt"):
        return True
    return word[:1].isupper() and not any(c.isdigit() for c in word)


def _first_name_evidence(actor: Actor) -> tuple[str | None, str, float] | None:
    """The gender the first name suggests (None when it is shared), a label and the share of
    female bearers, or None when no name of the actor has a known given name followed by
    another name word."""
    table = _given_names()
    for alias in sorted(actor.aliases, key=lambda a: -len(a.split())):
        words = alias.split()
        if family_name_first(words):
            continue  # "Kim Jong-un": the given name is the hyphenated word, not in the table
        # The given name follows any title left in the name ("Montana Sen. Jon Tester").
        titled = [i for i, w in enumerate(words[:-1]) if _is_title_word(w)]
        first = titled[-1] + 1 if titled else 0
        if not any(_fold(w) in table for w in words[first:-1]):
            first = 0  # "Dean Ruiz": a given name that is also a title word
        for i in range(first, len(words) - 1):
            w = words[i]
            share = table.get(_fold(w)) if w[:1].isupper() else None  # not "de", "bin"
            if share is None or not all(_is_name_word(x) for x in words[i + 1 :]):
                continue
            return _name_gender(w, share, "first name")
    return _lone_given_name(actor)


def _name_gender(word: str, share: float, what: str) -> tuple[str | None, str, float]:
    """The gender a given name suggests, its label and its share of female bearers: nearly all
    bearers of one gender decide; a name leaning one way decides only when the census list of
    given names agrees ("Andrea": 83% female pooled over many countries, female in the US)."""
    if share >= FIRST_NAME_SHARE:
        return "f", f"{what}: {word} ({round(share * 100)}% female)", share
    if share <= 1 - FIRST_NAME_SHARE:
        return "m", f"{what}: {word} ({round((1 - share) * 100)}% male)", share
    census = lexicon().first_names.get(word[:1].upper() + word[1:].lower(), "")
    if share >= LEANING_SHARE and census == "f":
        return "f", f"{what}: {word} ({round(share * 100)}% female, census list female)", share
    if share <= 1 - LEANING_SHARE and census == "m":
        return "m", f"{what}: {word} ({round((1 - share) * 100)}% male, census list male)", share
    return None, f"{what}: {word} (shared: {round(share * 100)}% female)", share


def _lone_given_name(actor: Actor) -> tuple[str | None, str, float] | None:
    """A person named by a given name alone ("Demi said"), when the word is no common surname
    and nearly all its bearers are of one gender; a lone surname ("Thomas") says nothing."""
    names = {a for a in actor.aliases if len(a.split()) == 1}
    if len(names) != len(actor.aliases) or len(names) != 1:
        return None
    word = names.pop()
    share = _given_names().get(_fold(word))
    if (
        share is None
        or word.lower() in lang.word_set("actor_surnames.txt")
        or not _is_name_word(word)
    ):
        return None
    if share >= FIRST_NAME_SHARE:
        return "f", f"given name alone: {word} ({round(share * 100)}% female)", share
    if share <= 1 - FIRST_NAME_SHARE:
        return "m", f"given name alone: {word} ({round((1 - share) * 100)}% male)", share
    return None
