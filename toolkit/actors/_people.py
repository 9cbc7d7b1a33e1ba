"""The last step of finding actors: each person's inferred gender and role, with evidence.

>>> from toolkit.actors import find_actors
>>> text = "Transport Secretary Ana Ruiz visited Leeds. She said the line would reopen."
>>> ruiz = find_actors(text)[0]
>>> ruiz.name, ruiz.gender, ruiz.role
('Ana Ruiz', 'female', 'politician')
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache, partial
from typing import TYPE_CHECKING

from toolkit.actors._corefer import coreferent_descriptions
from toolkit.actors._describe import descriptions
from toolkit.actors._gender import infer_gender
from toolkit.actors._model import Actor
from toolkit.actors._role import _plain, infer_role, is_sports_report, owner_roles

if TYPE_CHECKING:
    from toolkit.actors._codebook import Codebook


def with_gender_and_role(text: str, actors: list[Actor], codebook: Codebook | None = None):
    """``actors`` with ``gender``, ``role`` and their evidence filled in; a codebook entry
    that sets a gender or role overrides what the text suggests ("codebook" as evidence)."""
    sports = cache(partial(is_sports_report, text))  # asked only for a generic title
    coded = {e.actor: e for e in codebook.entries} if codebook is not None else {}
    found = {a.name: descriptions(text, a) for a in actors if a.kind == "person"}
    for name, refs in coreferent_descriptions(text, actors).items():
        found[name] = found.get(name, []) + refs
    # Roles twice: a spokesman of a person takes the role that person has ("Ruiz's spokesman").
    first = [replace(a, role=infer_role(text, a, found.get(a.name, []), sports)[0]) for a in actors]
    owners = owner_roles(first, sports)
    out = []
    for actor in actors:
        mine = found.get(actor.name, [])
        gender, gender_evidence = infer_gender(text, actor, mine)
        own = replace(
            owners, people={w: r for w, r in owners.people.items() if w not in _name_words(actor)}
        )
        role, role_evidence = infer_role(text, actor, mine, sports, own)
        entry = coded.get(actor.name)
        if entry is not None and entry.gender is not None:
            gender, gender_evidence = entry.gender or None, ("codebook",)
        if entry is not None and entry.role is not None:
            role, role_evidence = entry.role, ("codebook",)
        out.append(
            replace(
                actor,
                gender=gender,
                gender_evidence=gender_evidence,
                role=role,
                role_evidence=role_evidence,
            )
        )
    return out


def _name_words(actor: Actor) -> set[str]:
    return {_plain(w) for alias in actor.aliases for w in alias.split()}
