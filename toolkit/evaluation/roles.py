"""Roles of speakers against hand labels (``tests/data/roles_gold.tsv``).

The gold file lists, per article, who speaks and the role the article gives them; articles are
read at run time from a corpus folder: ``bbc/<topic>/<nnn>`` is ``<corpus>/bbc/<topic>/<nnn>.txt``
and ``polnear/<h>`` the row of ``<corpus>/polnear/articles.csv`` whose id has an MD5 starting
with the 12 hex digits ``h`` (the ids hold headline words, which the gold file must not copy).

Each labelled speaker is looked up in the toolkit's output for the article: a quotation whose
speaker is an actor with a matching name (as in :mod:`toolkit.evaluation.gender`) gives that
actor's role; else a quotation whose speaker mention is the labelled description ("police", "a
Labour spokesperson") gives :func:`toolkit.actors.role_of_phrase` of it (or, when that says
nothing, the role of the actor the mention names); else a matching
actor that speaks no quotation gives its role. A speaker found none of these ways is
**missing** and counts as wrong in the accuracy over all labels.

>>> RoleResult([("politician", "politician"), ("expert", None)]).accuracy
0.5
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit import lang


@dataclass
class RoleResult:
    """(gold role, predicted role or None when the speaker was not found) per label."""

    pairs: list[tuple[str, str | None]]
    errors: int = 0

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

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": len(self.pairs),
            "found": self.found,
            "accuracy": self.accuracy,
            "accuracy_found": self.accuracy_found,
            "by_role": self.rows(),
            "confusion": self.confusion(),
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


def read_role_labels(path: str | Path) -> dict[str, list[tuple[str, str]]]:
    """article id -> [(speaker, role)] from a TSV file (``#`` comments allowed)."""
    from toolkit.actors import ROLES

    labels: dict[str, list[tuple[str, str]]] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 3 or cells[2] not in ROLES:
                raise ValueError(f"{path}:{number}: expected article_id, speaker, role (a role)")
            labels.setdefault(cells[0], []).append((cells[1], cells[2]))
    return labels


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
    """Score speaker roles on hand labels, reading the articles from ``corpus``."""
    from toolkit.actors import find_actors
    from toolkit.quotes import extract_quotes

    corpus = Path(corpus)
    pairs: list[tuple[str, str | None]] = []
    errors = 0
    for article_id, labels in read_role_labels(gold_path).items():
        try:
            text = read_article(corpus, article_id)
            actors = find_actors(text)
            quotes = extract_quotes(text, actors=actors)
        except (OSError, KeyError):
            errors += 1
            pairs += [(role, None) for _, role in labels]
            continue
        for speaker, role in labels:
            pairs.append((role, predicted_role(text, speaker, actors, quotes)))
    return RoleResult(pairs, errors)
