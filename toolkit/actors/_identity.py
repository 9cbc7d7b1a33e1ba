"""One identity per actor across articles: :attr:`Actor.key <toolkit.actors.Actor.key>`.

A key is ``kind:name``, the name folded (lower case, accents, full stops and extra spaces
dropped, typographic apostrophes straightened):

- a place or an organisation listed in ``actor_identities.tsv`` (every country and territory
  under its common names, abbreviations and demonyms; well-known organisations and their
  abbreviations) gets the key of its entry, whatever name the article uses: "Britain", "UK",
  "U.K." and "British" are all ``place:united kingdom``;
- a person gets the fullest name the article gives ("Vladimir Putin" when it names him in
  full once, else "Putin");
- a codebook actor gets its codebook name; anything else its own name.

The kind is part of the key, so a person is never merged with a place or an organisation
of the same name (``person:jordan``, ``place:jordan``).

>>> identity_key("U.K.", "place"), identity_key("Nato", "organization")
('place:united kingdom', 'organization:north atlantic treaty organization')
>>> identity_key("Jordan", "person"), identity_key("Jordan", "place")
('person:jordan', 'place:jordan')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from toolkit import lang
from toolkit.actors._model import Actor

#: The data file of listed identities (built by ``tools/build_identities.py``).
IDENTITIES_FILE = "actor_identities.tsv"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-"})
_SPACES = re.compile(r"\s+")


def fold_name(name: str) -> str:
    """A name as keys spell it: lower case, no accents, no full stops, single spaces.

    >>> fold_name("  José  Manuel Barroso"), fold_name("U.S."), fold_name("O’Neill")
    ('jose manuel barroso', 'us', "o'neill")
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", letters.replace(".", "").casefold()).strip()


def make_key(kind: str, name: str) -> str:
    """The key of an actor of ``kind`` whose canonical name is ``name``.

    >>> make_key("person", "Sergei Lavrov")
    'person:sergei lavrov'
    """
    return f"{kind}:{fold_name(name)}"


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "").replace("&", "")
    return letters.isalpha() and letters.isupper()


@lang.cached
def _identities() -> dict[tuple[str, str], tuple[str, bool]]:
    """(kind, folded alias) -> (key, whether the alias only counts written in capitals)."""
    table: dict[tuple[str, str], tuple[str, bool]] = {}
    for key, name, _code, names in lang.table(IDENTITIES_FILE, ("key", "name", "code", "aliases")):
        kind = key.split(":", 1)[0]
        aliases = [a.strip() for a in names.split("|") if a.strip()]
        for alias in [name, *aliases]:
            # "WHO" is the World Health Organization, "Who" is not; "NATO" and "Nato" are.
            owner, capitals = table.get((kind, fold_name(alias)), (key, True))
            if owner == key:
                table[(kind, fold_name(alias))] = (key, capitals and _is_acronym(alias))
    return table


@lang.cached(maxsize=50_000)  # names repeat across the articles of a corpus
def identity_key(name: str, kind: str) -> str:
    """The key of an actor of ``kind`` named ``name``: a listed identity's key (places and
    organisations), or the name's own.

    >>> identity_key("Britain", "place"), identity_key("Who", "organization")
    ('place:united kingdom', 'organization:who')
    """
    listed = _listed_key(name, kind) if kind != "person" else None
    return listed or make_key(kind, name)


def _listed_key(name: str, kind: str) -> str | None:
    found = _identities().get((kind, fold_name(name)))
    if found is None:
        return None
    key, capitals_only = found
    return key if not capitals_only or _is_acronym(name) else None


def actor_key(actor: Actor, codebook_names: Iterable[str] = ()) -> str:
    """The key of an actor found in one article (see the module docstring).

    Only the actor's name is looked up, not its other names in the article: an article may
    give an unlisted name an acronym that a listed one has ("World Tourism Organisation
    (WTO)"). The finder names a country by one of its listed names, even when the article
    only has its demonym or abbreviation.

    >>> actor_key(Actor("Britain", "place", ("Britain", "British")))
    'place:united kingdom'
    >>> actor_key(Actor("UN", "organization", ("UN",)))
    'organization:united nations'
    """
    if actor.name in codebook_names:
        return make_key(actor.kind, actor.name)
    return identity_key(actor.name, actor.kind)


def with_keys(actors: list[Actor], codebook=None) -> list[Actor]:
    """``actors`` with their :attr:`~toolkit.actors.Actor.key` set; codebook actors keep the
    codebook's name as their key."""
    coded = {e.actor for e in codebook.entries} if codebook is not None else set()
    return [replace(a, key=actor_key(a, coded)) for a in actors]
