"""What a source speaks as: the role of a person (or organisation), read from the article.

Roles (:data:`toolkit.actors.ROLES`) come from the titles and descriptions of a person
(:mod:`toolkit.actors._describe`), looked up in ``toolkit/lang/data/role_words.tsv``: the head
of a description decides ("a professor of economics" -> expert). A generic head ("a spokesman
for ...", "the director of ...") takes the role of the organisation it is of, for or at, from
``role_org_words.tsv`` ("a spokesman for the Interior Ministry" -> official); so does a name
with only an affiliation ("Ana Ruiz of Oxfam" -> advocacy). Without a description the role is
"unknown". In a sports report a generic head with no organisation ("manager", "captain") is
"sport".

>>> role_of_phrase("a professor of economics")
('expert', 'professor')
>>> role_of_phrase("a spokeswoman for the Interior Ministry")
('official', 'spokeswoman for Ministry')
>>> role_of_phrase("police")
('police_military', 'police')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from toolkit import lang
from toolkit.actors._describe import _WORD, Description, _function_words, descriptions
from toolkit.actors._model import ROLES, Actor

#: Evidence tiers, strongest first: a specific title or noun, a generic head with the
#: organisation it belongs to, an organisation alone, a generic head alone, then a
#: description elsewhere that refers back to the person ("The Vermont senator said").
_TIERS = ("specific", "generic+org", "org", "generic", "refers back")
_SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")


def _phrase_roles(name: str, flag_column: str, flag: str) -> dict[str, tuple[str, bool]]:
    """Phrase -> (role, whether its third column says ``flag``), the first row of a phrase
    winning."""
    rows = lang.table(name, ("phrase", "role", flag_column), {"role": ROLES})
    found: dict[str, tuple[str, bool]] = {}
    for phrase, role, marked in rows:
        found.setdefault(phrase, (role, marked == flag))
    return found


@lang.cached
def _role_words() -> dict[str, tuple[str, bool]]:
    """Phrase -> (role, generic)."""
    return _phrase_roles("role_words.tsv", "generic", "generic")


@lang.cached
def _org_words() -> dict[str, tuple[str, bool]]:
    """Phrase -> (role, only when capitalised)."""
    return _phrase_roles("role_org_words.tsv", "capitalised", "cap")


@lang.cached
def _sports_topic() -> re.Pattern[str]:
    """The sports words of ``actor_sports.tsv`` (class topic) as one pattern."""
    rows = lang.table("actor_sports.tsv", ("word", "role"))
    words = sorted((word.lower() for word, role in rows if role == "topic"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def is_sports_report(text: str) -> bool:
    """Two scores ("2-1") and a sports word ("match", "league", "coach", ...), or five sports
    words of at least three kinds (a plural is the kind of its singular), make a sports report
    ("points" and "season" alone do not: elections have them too, and policies have goals).

    >>> is_sports_report("Oakfield beat Rovers 2-1, then drew 0-0 in the league.")
    True
    """
    found = [w.lower() for w in _sports_topic().findall(text)]
    if len(_SCORE.findall(text)) >= 2 and found:
        return True
    kinds = {w.removesuffix("s") for w in found}  # "goal" and "goals" are one kind
    return len(kinds) >= 3 and len(found) >= 5


def _longest_matches(words: list[str], table: dict) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of the longest phrases of ``table`` in ``words``, left to right."""
    lower = [_plain(w) for w in words]
    found, i = [], 0
    while i < len(words):
        for size in range(min(5, len(words) - i), 0, -1):
            phrase = " ".join(lower[i : i + size])
            if phrase in table:
                found.append((i, i + size, phrase))
                i += size
                break
        else:
            i += 1
    return found


def _plain(word: str) -> str:
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def _organisation_role(words: list[str]) -> tuple[str, str] | None:
    """The role of the first organisation word among ``words`` (case checked) and the word."""
    table = _org_words()
    for start, end, phrase in _longest_matches(words, table):
        role, capitalised = table[phrase]
        if not capitalised or words[start][:1].isupper():
            return role, " ".join(words[start:end])
    return None


def _phrase_role(
    words: list[str],
    sports: bool | Callable[[], bool],
    adjacent: bool = False,
    owners: Owners | None = None,
) -> tuple[str, str, str] | None:
    """(role, tier, label) of a description's words, or None. ``adjacent``: the words stand
    before a name, so only a role word right before it counts ("Transport Secretary Ana
    Ruiz"; not "officers greeting Ana Ruiz"), or an owner ("Oxfam's Ana Ruiz"). ``owners``:
    the article's people and organisations a generic head may be of ("a spokesman for Ruiz",
    "Ruiz's spokesman", "Norvik spokesman")."""
    table = _role_words()
    ends = _function_words("head_end")
    head_end = next((i for i, w in enumerate(words) if w.lower() in ends), len(words))
    heads = [m for m in _longest_matches(words, table) if m[0] < head_end]
    if adjacent and words:
        heads = [m for m in heads if m[1] == len(words)]
        if not heads and not words[-1].lower().replace("’", "'").endswith("'s"):
            return None
    if not heads:
        org = _organisation_role(words) or (owners and owners.role_among(words, "unknown"))
        return (org[0], "org", org[1]) if org else None
    start, end, phrase = heads[-1]
    role, generic = table[phrase]
    label = " ".join(words[start:end])
    if not generic:
        return role, "specific", label
    org = _organisation_role(words[:start] + words[end:])
    if org:
        return org[0], "generic+org", f"{label} for {org[1]}"
    owner = owners.role_among(words[:start] + words[end:], role) if owners else None
    if owner:
        return owner[0], "generic+org", f"{label} for {owner[1]}"
    if role in ("business", "unknown", "politician", "police_military") and _holds(sports):
        role = "sport"
    return (role, "generic", label) if role != "unknown" else None


@dataclass(frozen=True)
class Owners:
    """Who a person of the article may speak for: people by surname (lower case) -> their
    known role; organisations by name -> their role, "business" when no word list knows them
    (most are companies: "Ana Ruiz of Norvik", "Norvik spokesman Tom Baker")."""

    people: Mapping[str, str]
    organizations: Mapping[str, str]

    def role_among(self, words: list[str], default: str) -> tuple[str, str] | None:
        """(role, name) of the first owner named among ``words``, for a generic head whose
        own role is ``default``: a person for a spokesman or an adviser (not a relative: a
        politician's wife is no politician); an organisation no word list knows only for a
        head of no role of its own or a business one ("spokesman", "manager")."""
        if default != "citizen":
            for w in words:
                if w[:1].isupper() and (role := self.people.get(_plain(w))):
                    return role, w.removesuffix("'s").removesuffix("’s")
        if default in ("unknown", "business"):
            joined = f" {' '.join(_plain(w) for w in words)} "
            for name, role in self.organizations.items():
                if f" {name} " in joined:
                    return role, name
        return None


def owner_roles(actors: list[Actor], sports: bool | Callable[[], bool] = False) -> Owners:
    """The :class:`Owners` of an article from its ``actors`` (roles already inferred); a
    surname of people of different roles is left out; in a sports report an organisation no
    word list knows is a club ("sport")."""
    people: dict[str, set[str]] = {}
    organizations: dict[str, str] = {}
    for actor in actors:
        if actor.kind == "person" and actor.role not in (None, "unknown"):
            for alias in actor.aliases:
                people.setdefault(_plain(alias.split()[-1]), set()).add(actor.role)
        elif actor.kind == "organization":
            role = actor.role
            if role in (None, "unknown"):
                role = "sport" if _holds(sports) else "business"
            for alias in actor.aliases:
                organizations[" ".join(_plain(w) for w in alias.split())] = role
    return Owners({w: r.pop() for w, r in people.items() if len(r) == 1}, organizations)


def _context_role(words: list[str]) -> str | None:
    """The role the last word of a context description gives ("campaign", "primary")."""
    from toolkit.actors._describe import _context_words

    table = _context_words()
    last = words[-1].lower() if words else ""
    two = " ".join(w.lower() for w in words[-2:])
    for phrase in (two, last):
        role = table["next"].get(phrase) or table["object"].get(phrase)
        if role and role in ROLES:
            return role
    return None


def _holds(flag: bool | Callable[[], bool]) -> bool:
    """A flag, or a flag computed only when asked (is the article a sports report?)."""
    return flag() if callable(flag) else flag


def role_of_phrase(phrase: str, sports: bool = False) -> tuple[str, str]:
    """The role a description names ("police", "a local resident", "officials") and the words
    that gave it; ``("unknown", "")`` when none do. For speakers who are no named actor.

    >>> role_of_phrase("a local resident")
    ('citizen', 'local resident')
    """
    words = [w for w in _WORD.findall(phrase) if w != ","]
    found = _phrase_role(words, sports)
    return (found[0], found[2]) if found else ("unknown", "")


def infer_role(
    text: str,
    actor: Actor,
    found: list[Description] | None = None,
    sports: bool | Callable[[], bool] | None = None,
    owners: Owners | None = None,
) -> tuple[str | None, tuple[str, ...]]:
    """The role of a person or organisation actor and its evidence; places get (None, ()).

    ``found`` are the person's descriptions, ``sports`` whether ``text`` is a sports report (or
    a function that says so when asked); both are computed when not given. ``owners`` are the
    roles of the article's other people (:func:`owner_roles`), for a spokesman of one. The strongest tier of evidence wins, then the role seen
    most often, then the first seen.
    """
    if actor.kind == "place":
        return None, ()
    if sports is None:
        sports = partial(is_sports_report, text)
    if actor.kind == "organization":
        words = actor.name.split()
        org = _organisation_role(words)
        if org is None:  # "the Hollywood Reporter", "Acme Analysts"
            found = _phrase_role(words, sports)
            org = (found[0], found[2]) if found and found[1] == "specific" else None
        return (org[0], (f"organisation: {org[1]}",)) if org else ("unknown", ())
    if found is None:
        found = descriptions(text, actor)
    seen: list[tuple[str, str, str]] = []
    for d in found:
        if d.where == "party":  # "(D-Mass.)"
            seen.append(("politician", "specific", f"party: {d.text}"))
            continue
        if d.where == "context":  # "Ruiz campaigned", "Ruiz won the primary"
            role = _context_role(d.words)
            if role:
                seen.append((role, "refers back", f"context: {d.text}"))
            continue
        result = _phrase_role(d.words, sports, adjacent=d.where == "before", owners=owners)
        if result:
            tier = "refers back" if d.where == "refers back" else result[1]
            seen.append((result[0], tier, f"{d.where}: {d.text}"))
    if not seen:
        return "unknown", ()
    best = min(_TIERS.index(tier) for _, tier, _ in seen)
    top = [s for s in seen if _TIERS.index(s[1]) == best]
    counts = Counter(role for role, _, _ in top)
    role = max(counts, key=lambda r: (counts[r], -[s[0] for s in top].index(r)))
    evidence = tuple(dict.fromkeys(label for r, _, label in seen if r == role))
    return role, evidence
