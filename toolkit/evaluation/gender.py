"""Inferred gender of people mentioned and quoted, against Gender Gap Tracker-style gold.

Each gold record is one article with ``meta.people_female`` / ``people_male`` /
``people_unknown`` (everyone mentioned, by the annotators' gender) and ``sources_*`` (the
people quoted). The toolkit's side: people mentioned are the person actors of
:func:`toolkit.find_actors`, by their inferred gender, except those named only in credit lines
(photographers, bylines: the annotators list authors apart); people quoted are the actors who speak
at least one quotation of :func:`toolkit.extract_quotes`.

Names are matched one to one per article, after folding case, accents and punctuation: equal
names first, then a name that ends with the other ("Education Minister Ana Ruiz" and "Ana
Ruiz", "Ruiz" and "Ana Ruiz"), then equal first and last words ("Ana M. Ruiz") or a single
word that starts the gold name (family names written first: "Kim" for "Kim Jong-un"). The ``exact``
scope matches only equal names, as GGT's own script does (lower-cased, stripped).

For each gender, precision, recall and F1 count a person right when matched and given that
gender; a person found with no inferred gender (unknown) costs recall, not precision. **Wrong
gender** counts matched people given the other gender. The **share of women quoted** is women
/ (women + men) among the people quoted, for the toolkit and the annotators.

>>> match_names(["Ana Ruiz", "Tom Lee"], ["Minister Ana Ruiz", "Lee"])
[(0, 0), (1, 1)]
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.evaluation.scoring import PRF, one_to_one, read_jsonl, select_records

GENDERS = ("female", "male")
SCOPES = ("names", "exact")


def _tokens(name: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return tuple(t for t in re.sub(r"[^\w\s'-]", " ", plain).split() if t)


def _quality(gold: tuple[str, ...], pred: tuple[str, ...], exact: bool) -> int:
    if not gold or not pred:
        return 0
    if gold == pred:
        return 3
    if exact:
        return 0
    if gold[-len(pred) :] == pred or pred[-len(gold) :] == gold:
        return 2
    if len(gold) > 1 and len(pred) > 1 and gold[0] == pred[0] and gold[-1] == pred[-1]:
        return 1
    if len(pred) == 1 and gold[0] == pred[0]:
        return 1  # a family name written first ("Kim" for "Kim Jong-un")
    return 0


def match_names(gold: list[str], predicted: list[str], exact: bool = False):
    """One-to-one pairs ``(gold index, predicted index)``, best matches first (see the module
    docstring), in gold order."""
    g_tokens = [_tokens(n) for n in gold]
    p_tokens = [_tokens(n) for n in predicted]
    return one_to_one(
        (-q, i, j)
        for i, g in enumerate(g_tokens)
        for j, p in enumerate(p_tokens)
        if (q := _quality(g, p, exact))
    )


@dataclass
class GenderCounts:
    """Counts of one group (people mentioned or quoted) in one matching scope."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GENDERS, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GENDERS, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GENDERS, 0))
    matched: int = 0
    wrong: int = 0
    unknown: int = 0
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GENDERS, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GENDERS, 0))

    def add(self, gold: list[tuple[str, str]], predicted: list[tuple[str, str | None]], exact):
        pairs = match_names([n for n, _ in gold], [n for n, _ in predicted], exact)
        for _, g in gold:
            if g in self.gold:
                self.gold[g] += 1
        for _, p in predicted:
            if p in self.predicted:
                self.predicted[p] += 1
        paired_p = {j for _, j in pairs}
        paired_g = {i for i, _ in pairs}
        for i, j in pairs:
            g, p = gold[i][1], predicted[j][1]
            self.matched += 1
            if p is None:
                self.unknown += 1
            elif g in GENDERS and p != g:
                self.wrong += 1
            if g in GENDERS and p == g:
                self.tp[g] += 1
            else:
                if g in GENDERS:
                    self.fn[g] += 1
                if p in GENDERS:
                    self.fp[p] += 1
        for i, (_, g) in enumerate(gold):
            if i not in paired_g and g in GENDERS:
                self.fn[g] += 1
        for j, (_, p) in enumerate(predicted):
            if j not in paired_p and p in GENDERS:
                self.fp[p] += 1

    def prf(self, gender: str) -> PRF:
        return PRF(self.tp[gender], self.fp[gender], self.fn[gender])

    @staticmethod
    def share(counts: dict[str, int]) -> float:
        total = counts["female"] + counts["male"]
        return counts["female"] / total if total else 0.0


@dataclass
class GenderResult:
    """Counts per group ("people", "sources") and scope ("names", "exact"), and per outlet."""

    counts: dict[tuple[str, str], GenderCounts]
    outlets: dict[str, GenderCounts]
    articles: int
    errors: int = 0

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for (group, scope), c in self.counts.items():
            for gender in GENDERS:
                score = c.prf(gender)
                out.append(
                    {
                        "group": group,
                        "match": scope,
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

    def summary_rows(self) -> list[dict[str, Any]]:
        out = []
        for (group, scope), c in self.counts.items():
            out.append(
                {
                    "group": group,
                    "match": scope,
                    "gold": sum(c.gold.values()),
                    "found": c.matched,
                    "wrong_gender": c.wrong,
                    "wrong_share": round(c.wrong / c.matched, 4) if c.matched else 0.0,
                    "unknown": c.unknown,
                    "women_share_gold": round(c.share(c.gold), 4),
                    "women_share_toolkit": round(c.share(c.predicted), 4),
                }
            )
        return out

    def outlet_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "outlet": outlet,
                "quoted_gold": sum(c.gold.values()),
                "quoted_toolkit": sum(c.predicted.values()),
                "women_share_gold": round(c.share(c.gold), 4),
                "women_share_toolkit": round(c.share(c.predicted), 4),
            }
            for outlet, c in sorted(self.outlets.items())
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "errors": self.errors,
            "scores": self.rows(),
            "summary": self.summary_rows(),
            "outlets": self.outlet_rows(),
        }


def predicted_people(
    text: str,
) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
    """(people mentioned, people quoted) of a text as (name, inferred gender) pairs."""
    from toolkit.actors import find_actors, named_only_in_credits
    from toolkit.quotes import extract_quotes

    actors = find_actors(text)
    speakers = {q.speaker for q in extract_quotes(text, actors=actors) if q.speaker}
    persons = [a for a in actors if a.kind == "person" and not named_only_in_credits(text, a)]
    people = [(a.name, a.gender) for a in persons]
    quoted = [(a.name, a.gender) for a in persons if a.name in speakers]
    return people, quoted


def _gold(meta: dict[str, Any], prefix: str) -> list[tuple[str, str]]:
    return [
        (name, gender)
        for gender in ("female", "male", "unknown")
        for name in meta.get(f"{prefix}_{gender}", []) or []
    ]


def evaluate_gender(gold_path: str | Path, part: tuple[int, int] | None = None) -> GenderResult:
    """Score inferred gender on a GGT-style gold file (see the module docstring)."""
    counts = {(g, s): GenderCounts() for g in ("people", "sources") for s in SCOPES}
    outlets: dict[str, GenderCounts] = defaultdict(GenderCounts)
    articles = errors = 0
    for record in select_records(read_jsonl(gold_path), part):
        articles += 1
        meta = record.get("meta", {})
        try:
            people, quoted = predicted_people(record["text"])
        except Exception:  # one bad article is scored as empty, and counted
            errors += 1
            people, quoted = [], []
        for scope in SCOPES:
            exact = scope == "exact"
            counts[("people", scope)].add(_gold(meta, "people"), people, exact)
            counts[("sources", scope)].add(_gold(meta, "sources"), quoted, exact)
        outlets[meta.get("outlet") or "?"].add(_gold(meta, "sources"), quoted, False)
    return GenderResult(counts, dict(outlets), articles, errors)
