"""The plain data the actor finder returns: mentions with offsets, and actors grouping them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Kind = Literal["person", "organization", "place"]
Form = Literal["name", "demonym", "pronoun"]

KINDS: tuple[str, ...] = ("person", "organization", "place")
FORMS: tuple[str, ...] = ("name", "demonym", "pronoun")
#: Values of :attr:`Actor.gender` other than None (unknown): an inferred gender.
GENDERS: tuple[str, ...] = ("female", "male")
#: Values of :attr:`Actor.role`: what a source speaks as, read from the article.
ROLES: tuple[str, ...] = (
    "politician",
    "official",
    "expert",
    "business",
    "police_military",
    "advocacy",
    "media",
    "legal",
    "sport",
    "arts",
    "citizen",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text where an actor is mentioned; ``text == source[start:end]``.

    ``form`` is ``"name"`` ("Vladimir Putin", "Putin", "US"), ``"demonym"`` ("Russian" for
    Russia, "American" for the United States, "US" in "US-supplied") or ``"pronoun"`` ("he").

    >>> Mention(0, 6, "Macron", "name").text
    'Macron'
    """

    start: int
    end: int
    text: str
    form: str = "name"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or place, with every mention of it in one article.

    ``name`` is the fullest name seen, without titles ("Vladimir Putin"); ``aliases`` are the
    surface forms of its name and demonym mentions ("Putin", "Vladimir Putin"); ``titles`` the
    roles seen with the name ("Russian President"). Mentions are in text order. ``key`` is the
    actor's identity across articles ("place:united kingdom" for "Britain", "UK" or "United
    Kingdom"; "person:vladimir putin"), set by :func:`toolkit.actors.find_actors`; see
    ``toolkit/actors/_identity.py``.

    ``gender`` is the person's **inferred** gender, ``"female"``, ``"male"`` or None (unknown),
    read from the article (pronouns linked to the person, gendered titles and nouns) and a
    first-name table; ``gender_evidence`` says why, strongest first. It is what the text
    suggests, not a fact about the person. ``role`` is what a person (or organisation) speaks
    as, one of :data:`ROLES`, from titles and descriptions in the article, with
    ``role_evidence``; places have neither (None). See :mod:`toolkit.actors._gender` and
    :mod:`toolkit.actors._role`.

    >>> a = Actor("Vladimir Putin", "person", ("Putin", "Vladimir Putin"), ("President",),
    ...           (Mention(9, 23, "Vladimir Putin"), Mention(40, 42, "he", "pronoun")))
    >>> a.mention_count, len(a.pronoun_mentions), a.first_offset
    (1, 1, 9)
    """

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    gender: str | None = None
    gender_evidence: tuple[str, ...] = ()
    role: str | None = None
    role_evidence: tuple[str, ...] = ()
    key: str = ""

    def _of_form(self, form: str) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.form == form)

    @property
    def name_mentions(self) -> tuple[Mention, ...]:
        return self._of_form("name")

    @property
    def demonym_mentions(self) -> tuple[Mention, ...]:
        return self._of_form("demonym")

    @property
    def pronoun_mentions(self) -> tuple[Mention, ...]:
        return self._of_form("pronoun")

    @property
    def mention_count(self) -> int:
        """Number of name mentions (the figure actors are ranked by)."""
        return sum(1 for m in self.mentions if m.form == "name")

    @property
    def first_offset(self) -> int:
        """Offset of the first mention of any form (-1 if there is none)."""
        return min((m.start for m in self.mentions), default=-1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "key": self.key,
            "aliases": list(self.aliases),
            "titles": list(self.titles),
            "mentions": [m.to_dict() for m in self.mentions],
            "gender": self.gender,
            "gender_evidence": list(self.gender_evidence),
            "role": self.role,
            "role_evidence": list(self.role_evidence),
        }
