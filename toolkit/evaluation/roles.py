"""Roles of speakers and inferred gender of people against hand labels (``tests/data/roles_gold.tsv``).

The gold file lists, per article, who speaks and the role the article gives them, the other
people it names, and the gender the article gives each person (``female``, ``male``, or
``unknown`` when it does not say); articles are read at run time from a corpus folder:
``bbc/<topic>/<nnn>`` is ``<corpus>/bbc/<topic>/<nnn>.txt`` and ``polnear/<h>`` the row of
``<corpus>/polnear/articles.csv`` whose id has an MD5 starting with the 12 hex digits ``h`` (the
ids hold headline words, which the gold file must not copy).

**Roles.** Each labelled speaker is looked up in the toolkit's output for the article: a
quotation whose speaker is an actor with a matching name (as in :mod:`toolkit.evaluation.gender`)
gives that actor's role; else a quotation whose speaker mention is the labelled description
("police", "a Labour spokesperson") gives :func:`toolkit.actors.role_of_phrase` of it (or, when
that says nothing, the role of the actor the mention names); else a matching actor that speaks
no quotation gives its role. A speaker found none of these ways is **missing** and counts as
wrong in the accuracy over all labels.

**Gender.** Named people (not groups, not unnamed speakers) are matched one to one with the
person actors of the article (credits left out), by name as in
:mod:`toolkit.evaluation.gender`. Per gender, a person labelled with it is right when found with
it; a person found with the other gender is **wrong** (and a false positive); one found with
no gender or not found costs recall. A person the article gives no gender ("unknown") but the
toolkit does is **guessed**: not scored, since the text cannot say who is right. People the
toolkit gives a gender who match no label are counted as **unlabelled** (false people, or
people the labels leave out). Scored for everyone named ("people") and for the speakers.

>>> RoleResult([("politician", "politician"), ("expert", None)]).accuracy
0.5
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit import lang
from toolkit.evaluation.scoring import PRF

GENDER_LABELS = ("female", "male", "unknown")


@dataclass
class GenderTally:
    """Inferred gender against the labels, for one group of people."""

    pairs: list[tuple[str, str | None]] = field(default_factory=list)
    unlabelled: int = 0

    def add(self, gold: str, predicted: str | None) -> None:
        """``gold`` a label of :data:`GENDER_LABELS`; ``predicted`` "female", "male", "none"
        (found, no gender) or None (not found)."""
        self.pairs.append((gold, predicted))

    def prf(self, gender: str) -> PRF:
        tp = sum(g == gender and p == gender for g, p in self.pairs)
        fp = sum(p == gender and g not in (gender, "unknown") for g, p in self.pairs)
        fn = sum(g == gender and p != gender for g, p in self.pairs)
        return PRF(tp, fp, fn)

    def rows(self, group: str) -> list[dict[str, Any]]:
        """Per gender: precision, recall, F1 and their counts."""
        out = []
        for gender in ("female", "male"):
            score = self.prf(gender)
            out.append(
                {
                    "group": group,
                    "gender": gender,
                    "precision": round(score.precision, 4),
                    "recall": round(score.recall, 4),
                    "f1": round(score.f1, 4),
                    "tp": score.tp,
                    "fp": score.fp,
                    "fn": score.fn,
                }
            )
        return out

    def summary(self, group: str) -> dict[str, Any]:
        """Labels, found, wrong (the other gender), none (found, no gender), guessed (a gender
        where the article gives none) and unlabelled people given a gender."""
        known = [(g, p) for g, p in self.pairs if g != "unknown"]
        return {
            "group": group,
            "labels": len(self.pairs),
            "with_gender": len(known),
            "found": sum(p is not None for _, p in self.pairs),
            "wrong": sum(p in ("female", "male") and p != g for g, p in known),
            "none": sum(p == "none" for _, p in known),
            "guessed": sum(g == "unknown" and p in ("female", "male") for g, p in self.pairs),
            "unlabelled": self.unlabelled,
        }


@dataclass
class RoleResult:
    """(gold role, predicted role or None when the speaker was not found) per label, and the
    inferred gender of the labelled people ("people") and speakers ("speakers")."""

    pairs: list[tuple[str, str | None]]
    errors: int = 0
    genders: dict[str, GenderTally] = field(
        default_factory=lambda: {"people": GenderTally(), "speakers": GenderTally()}
    )

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    @property
    def found(self) -> int:
        return sum(p is not None for _, p in self.pairs)

    @property
    def accuracy_found(self) -> float:
        hits = sum(g == p for g, p in self.pairs)
        return hits / self.found if self.found else 0.0

    def rows(self) -> list[dict[str, Any]]:
        """Per gold role: labels, found, right, accuracy; then the total."""
        out = []
        for role in sorted({g for g, _ in self.pairs}):
            mine = [(g, p) for g, p in self.pairs if g == role]
            out.append(_row(role, mine))
        out.append(_row("all", self.pairs))
        return out

    def confusion(self) -> list[dict[str, Any]]:
        counts = Counter((g, p or "(missing)") for g, p in self.pairs if g != p)
        return [{"gold": g, "toolkit": p, "n": n} for (g, p), n in counts.most_common()]

    def gender_rows(self) -> list[dict[str, Any]]:
        return [row for group, tally in self.genders.items() for row in tally.rows(group)]

    def gender_summary(self) -> list[dict[str, Any]]:
        return [tally.summary(group) for group, tally in self.genders.items()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": len(self.pairs),
            "found": self.found,
            "accuracy": self.accuracy,
            "accuracy_found": self.accuracy_found,
            "by_role": self.rows(),
            "confusion": self.confusion(),
            "gender": self.gender_rows(),
            "gender_summary": self.gender_summary(),
            "errors": self.errors,
        }


def _row(role: str, pairs: list[tuple[str, str | None]]) -> dict[str, Any]:
    found = sum(p is not None for _, p in pairs)
    right = sum(g == p for g, p in pairs)
    return {
        "role": role,
        "labels": len(pairs),
        "found": found,
        "right": right,
        "accuracy": round(right / len(pairs), 4) if pairs else 0.0,
        "accuracy_found": round(right / found, 4) if found else 0.0,
    }


@dataclass(frozen=True)
class PersonLabel:
    """One row of the labels: a person (or group) of an article, the role they speak as (None:
    they say nothing in it) and the gender the article gives them (None: a group or body)."""

    person: str
    role: str | None
    gender: str | None

    @property
    def named(self) -> bool:
        """A named person, not a group nor an unnamed speaker ("a Labour spokesperson")."""
        first = self.person.split()[0]
        return self.gender is not None and first[:1].isupper() and first not in _DETERMINERS


_DETERMINERS = frozenset({"A", "An", "The"})


def read_person_labels(path: str | Path) -> dict[str, list[PersonLabel]]:
    """article id -> its labels, from a TSV file of article id, person, role (or "-") and
    gender (or "-"); ``#`` comments allowed."""
    from toolkit.actors import ROLES

    labels: dict[str, list[PersonLabel]] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if (
                len(cells) != 4
                or cells[2] not in (*ROLES, "-")
                or cells[3] not in (*GENDER_LABELS, "-")
            ):
                raise ValueError(
                    f"{path}:{number}: expected article_id, person, role (a role or -), "
                    "gender (female, male, unknown or -)"
                )
            role, gender = (None if c == "-" else c for c in cells[2:])
            labels.setdefault(cells[0], []).append(PersonLabel(cells[1], role, gender))
    return labels


def read_role_labels(path: str | Path) -> dict[str, list[tuple[str, str]]]:
    """article id -> [(speaker, role)] of the labelled speakers (see :func:`read_person_labels`)."""
    return {
        article: speakers
        for article, rows in read_person_labels(path).items()
        if (speakers := [(r.person, r.role) for r in rows if r.role is not None])
    }


@lang.cached
def _polnear(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {_short_hash(row["id"]): row["text"] for row in csv.DictReader(handle)}


def _short_hash(article_id: str) -> str:
    return hashlib.md5(article_id.encode("utf-8")).hexdigest()[:12]


def read_article(corpus: Path, article_id: str) -> str:
    """The text of ``bbc/...`` or ``polnear/...`` under the corpus folder."""
    if article_id.startswith("polnear/"):
        return _polnear(corpus / "polnear" / "articles.csv")[article_id.split("/", 1)[1]]
    data = (corpus / f"{article_id}.txt").read_bytes()
    return data.decode("utf-8", errors="replace")


def predicted_role(text: str, speaker: str, actors, quotes) -> str | None:
    """The toolkit's role for a labelled speaker of ``text`` (see the module docstring)."""
    from toolkit.actors import is_sports_report, role_of_phrase
    from toolkit.evaluation.gender import match_names

    people = [a for a in actors if a.kind != "place"]
    quoted = {q.speaker for q in quotes if q.speaker}
    speaking = [a for a in people if a.name in quoted]
    pairs = match_names([speaker], [a.name for a in speaking])
    if pairs:
        return speaking[pairs[0][1]].role
    wanted = speaker.lower()
    by_name = {a.name: a for a in people}
    for q in quotes:
        mention = (q.speaker_mention or "").lower()
        if mention and (wanted in mention or mention in wanted):
            role = role_of_phrase(q.speaker_mention, is_sports_report(text))[0]
            if role == "unknown" and q.speaker in by_name:
                role = by_name[q.speaker].role or role
            return role
    pairs = match_names([speaker], [a.name for a in people])
    return people[pairs[0][1]].role if pairs else None


def evaluate_roles(gold_path: str | Path, corpus: str | Path) -> RoleResult:
    """Score speaker roles and inferred gender on hand labels, reading the articles from
    ``corpus``."""
    from toolkit.actors import find_actors
    from toolkit.quotes import extract_quotes

    corpus = Path(corpus)
    result = RoleResult([])
    for article_id, labels in read_person_labels(gold_path).items():
        speakers = [(r.person, r.role) for r in labels if r.role is not None]
        try:
            text = read_article(corpus, article_id)
            actors = find_actors(text)
            quotes = extract_quotes(text, actors=actors)
        except (OSError, KeyError):
            result.errors += 1
            result.pairs += [(role, None) for _, role in speakers]
            score_genders(result.genders, labels, [])
            continue
        for speaker, role in speakers:
            result.pairs.append((role, predicted_role(text, speaker, actors, quotes)))
        score_genders(result.genders, labels, people_of(text, actors))
    return result


def people_of(text: str, actors) -> list[tuple[str, str | None]]:
    """(name, inferred gender) of the person actors of ``text``, credits left out (as in
    :func:`toolkit.evaluation.gender.predicted_people`)."""
    from toolkit.actors import named_only_in_credits

    return [
        (a.name, a.gender)
        for a in actors
        if a.kind == "person" and not named_only_in_credits(text, a)
    ]


def score_genders(
    tallies: dict[str, GenderTally],
    labels: list[PersonLabel],
    people: list[tuple[str, str | None]],
) -> None:
    """Add one article's named labels, matched to ``people`` (name, gender), to the tallies
    "people" and "speakers"."""
    from toolkit.evaluation.gender import match_names

    named = [r for r in labels if r.named]
    pairs = dict(match_names([r.person for r in named], [n for n, _ in people]))
    for i, label in enumerate(named):
        j = pairs.get(i)
        predicted = None if j is None else people[j][1] or "none"
        tallies["people"].add(label.gender, predicted)
        if label.role is not None:
            tallies["speakers"].add(label.gender, predicted)
    matched = set(pairs.values())
    tallies["people"].unlabelled += sum(
        1 for j, (_, g) in enumerate(people) if j not in matched and g is not None
    )
