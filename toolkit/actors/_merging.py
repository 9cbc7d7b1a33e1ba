"""Merging: which typed names belong to one actor.

Surnames and title + surname join the full name they abbreviate (the most recent one when two
people share a surname; a full name inside a longer one with the same first and last word
joins it); country aliases join ("US", "U.S.", "United States"); organisations written with
and without a space join ("Time Warner", "TimeWarner"), and acronyms join the name whose
initials they are ("OSCE").

>>> from toolkit.actors._candidates import collect
>>> from toolkit.actors._lexicon import lexicon
>>> from toolkit.actors._typing import type_candidates
>>> doc = collect("Tom Reyes met Ana Ruiz. Reyes left the Federal Aviation Administration (FAA).", lexicon())
>>> type_candidates(doc, lexicon())
>>> [(key, [c.text for c in cl.names]) for key, cl in cluster_candidates(doc, lexicon()).items()]
[(('person', 'tom reyes'), ['Tom Reyes', 'Reyes']), (('person', 'ana ruiz'), ['Ana Ruiz']), (('organization', 'federal aviation administration'), ['Federal Aviation Administration', 'FAA'])]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from toolkit.actors._describe import family_name_first, given_name_gender, is_given_name
from toolkit.actors._document import Candidate, DemonymMention, Document, normal
from toolkit.actors._lexicon import Lexicon


@dataclass
class Cluster:
    """The names, demonyms and (later) pronouns of one actor."""

    key: tuple[str, str]
    kind: str
    names: list[Candidate] = field(default_factory=list)
    extras: list[DemonymMention] = field(default_factory=list)
    pronouns: list[tuple[int, int, str]] = field(default_factory=list)
    gender: str = ""
    label: str = ""  # a fixed name (codebook actors)


def cluster_candidates(doc: Document, lex: Lexicon) -> dict[tuple[str, str], Cluster]:
    """The typed candidates and the demonym mentions of ``doc``, grouped by actor; keys are
    ``(kind, key)`` or ``("codebook", actor)``, in order of first mention."""
    cands = doc.candidates
    clusters: dict[tuple[str, str], Cluster] = {}

    def cluster(key: tuple[str, str], kind: str) -> Cluster:
        if key not in clusters:
            clusters[key] = Cluster(key, kind)
        return clusters[key]

    people = _person_keys(cands, lex.first_names)
    org_keys = _organization_keys(cands, lex)
    for c in cands:
        if c.forced:
            cl = cluster(("codebook", c.forced), c.kind)
        elif c.kind == "person":
            cl = cluster(("person", people[id(c)]), "person")
        elif c.kind == "place":
            norm = normal(c.tokens)
            cl = cluster(("place", lex.places.get(norm, norm)), "place")
        else:
            cl = cluster(("organization", org_keys[id(c)]), "organization")
        c.key = cl.key
        cl.names.append(c)
    for extra in doc.demonyms:
        cluster(("place", extra.place), "place").extras.append(extra)
    return clusters


@dataclass(frozen=True)
class _FullNames:
    """The full names of the article's people, as surnames are resolved against them."""

    canonical: dict[str, str]  # normalised full name -> the fullest name it joins
    by_surname: dict[str, list[str]]  # surname -> fullest names with it, first seen first
    first_seen: dict[str, int]  # fullest name -> offset of its first mention
    genders: dict[str, str]  # fullest name -> gender cued by a title or relation
    by_given: dict[str, set[str]]  # given name -> fullest names that start with it


def _person_keys(cands: list[Candidate], first_names: dict[str, str]) -> dict[int, str]:
    """Cluster key (the fullest matching name) of every person candidate, by ``id``.

    In text order, a surname goes to the person of that surname mentioned most recently (or,
    before any of them, to the first one named).
    """
    people = [c for c in cands if c.kind == "person"]
    names = _full_names(people, first_names)
    keys: dict[int, str] = {}
    last_seen: dict[str, int] = {}
    for c in sorted(people, key=lambda c: c.start):
        norm = normal(c.tokens)
        if norm in names.canonical:
            key = names.canonical[norm]
        else:
            key = _surname_owner(c, norm, names, last_seen, first_names)
        keys[id(c)] = key
        last_seen[key] = c.start
    return keys


def _full_names(people: list[Candidate], first_names: dict[str, str]) -> _FullNames:
    full = {normal(c.tokens): c for c in people if len(c.tokens) > 1}
    # A full name contained in a longer one with the same surname joins it ("George Bush" and
    # "George W. Bush"), unless the given names differ.
    # Longer names are seen first; only names with the same first and last word can be the
    # target, so they are looked up by that pair (a scan of all names would be quadratic).
    canonical: dict[str, str] = {}
    targets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in sorted(full, key=lambda n: -len(n.split())):
        words = name.split()
        ends = (words[0], words[-1])
        target = next((t for t in targets[ends] if set(words) <= set(t.split())), name)
        canonical[name] = target
        targets[ends].append(target)
    _join_name_endings(canonical, {normal(c.tokens): c.start for c in reversed(people)})
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name, target in canonical.items():
        for surname in _surnames(name):
            if target not in by_surname[surname]:
                by_surname[surname].append(target)
    first_seen: dict[str, int] = {}
    genders: dict[str, str] = {}
    by_name: dict[str, str] = {}  # the gender a full name's given name suggests
    for c in people:
        norm = normal(c.tokens)
        if norm in canonical:
            first_seen.setdefault(canonical[norm], c.start)
            if c.gender:
                genders[canonical[norm]] = c.gender
            elif (
                len(c.tokens) > 1
                and not family_name_first(c.tokens)
                and (g := first_names.get(c.tokens[0]) or given_name_gender(c.tokens[0]))
            ):
                by_name.setdefault(canonical[norm], g)
    genders = by_name | genders
    by_given: dict[str, set[str]] = defaultdict(set)
    for name, target in canonical.items():
        by_given[name.split()[0]].add(target)
    return _FullNames(canonical, by_surname, first_seen, genders, by_given)


def _surnames(name: str) -> list[str]:
    """The words of a normalised full name that may stand alone for it: the last; also the
    first when the name ends in a given name written with a hyphen and a lower-case syllable,
    the family name first ("Kim" of "Kim Jong-un", "Moon" of "Moon Jae-in")."""
    words = name.split()
    return [words[-1], words[0]] if family_name_first(words) else [words[-1]]


def _join_name_endings(canonical: dict[str, str], first_start: dict[str, int]) -> None:
    """A name of two words or more that ends a longer full name mentioned before it joins that
    one, when it is the only such name: "Paz Ruiz" after "Ana Paz Ruiz" (a double surname),
    "Lee Ruiz" after "Ana Lee Ruiz" (a second given name). News writing names a new person in
    full, so a shortened form is the person named before."""
    fullest = set(canonical.values())
    for name, target in list(canonical.items()):
        words = name.split()
        if target != name or len(words) < 2:
            continue
        longer = {
            t
            for t in fullest
            if len(t.split()) > len(words)
            and t.split()[-len(words) :] == words
            and first_start.get(t, 10**12) < first_start.get(name, -1)
        }
        if len(longer) == 1:
            canonical[name] = longer.pop()


def _surname_owner(
    c: Candidate,
    norm: str,
    names: _FullNames,
    last_seen: dict[str, int],
    first_names: dict[str, str],
) -> str:
    """The full name a short form ("Bush", "Mrs Bush") belongs to: of a compatible gender (a
    title or relation, else the given name: "Mrs Clinton" is not "Bill Clinton"), the one of
    that surname mentioned most recently; ``norm`` itself when there is none."""
    options = names.by_surname.get(norm.split()[-1], [])
    if c.gender:
        options = [o for o in options if names.genders.get(o, c.gender) == c.gender]
    if not options:
        # "Clark" after "Clark Moran": a given name alone joins the one person it starts.
        given = names.by_given.get(norm, set()) if len(c.tokens) == 1 else set()
        is_given = c.tokens[0] in first_names or is_given_name(c.tokens[0])
        return next(iter(given)) if len(given) == 1 and is_given else norm
    before = [o for o in options if names.first_seen.get(o, 10**12) <= c.start]
    return max(before, key=lambda o: last_seen.get(o, -1)) if before else options[0]


def _organization_keys(cands: list[Candidate], lex: Lexicon) -> dict[int, str]:
    """Cluster key of every organisation candidate, by ``id``: its canonical name, joined
    across spaced spellings and acronyms."""
    orgs = [c for c in cands if c.kind == "organization"]
    keys = {}
    for c in orgs:
        norm = normal(c.tokens)
        keys[id(c)] = lex.organizations.get(norm, norm).lower()
    # "Time Warner" joins "TimeWarner": the same letters without the space.
    single = {keys[id(c)] for c in orgs if len(c.tokens) == 1}
    for c in orgs:
        joined = "".join(c.tokens).lower()
        if len(c.tokens) > 1 and joined in single:
            keys[id(c)] = joined
    # An acronym joins the name whose initials it is ("OSCE" and "Organization for Security
    # and Co-operation in Europe", "B&B" and "Bradford & Bingley"), or the name it follows in
    # brackets, which defines it ("Harbour Freight Ltd (HFL)").
    initials: dict[str, str] = {}
    for c in orgs:
        words = [w for w in c.tokens if (w[:1].isupper() and w.lower() != "the") or w == "&"]
        if len([w for w in words if w != "&"]) > 1:
            initials.setdefault("".join(w[0] for w in words), keys[id(c)])
            initials.setdefault("".join(w[0] for w in words if w != "&"), keys[id(c)])
    for previous, c in pairwise(orgs):
        if len(c.tokens) == 1 and _defines(previous, c):
            initials.setdefault(c.tokens[0].replace(".", ""), keys[id(previous)])
    for c in orgs:
        word = c.tokens[0].replace(".", "")
        if len(c.tokens) == 1 and word.isupper() and word in initials:
            keys[id(c)] = initials[word]
    return keys


def _defines(name: Candidate, acronym: Candidate) -> bool:
    """Is ``acronym`` given in brackets right after ``name``, with its first letter?"""
    return (
        acronym.text.replace(".", "").isupper()
        and acronym.prev_word == "("
        and 0 < acronym.start - name.end <= 2
        and acronym.text[0] == name.tokens[0][0]
    )
