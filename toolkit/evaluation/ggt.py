"""Quotation evaluation against GGT-style gold (``ggt-dev.jsonl`` of the evaluation data),
scored as the Gender Gap Tracker's own ``evaluate_quotes.py`` scores its system.

Each gold record is one article: ``text`` and ``quotes``, each with ``start``, ``end``,
``kind`` (``direct`` in quote marks, else ``indirect``), the speaker's mention in the text
(``speaker``, ``speaker_start``, ``speaker_end``; null for a quote nobody is named for) and
``reference``, the annotators' full name for the speaker. The annotators mark what people said
or wrote, not beliefs or intentions.

**Matching** follows GGT: the gold quotes are taken in order, and each takes the remaining
prediction that overlaps it most, if the overlap exceeds the threshold (0.3, and, stricter,
0.8); each prediction is used at most once. The overlap is measured, for each threshold,

- against the **longer** of the two spans (as the gold README states it): a prediction much
  longer than the gold quote does not match it;
- against the **gold** span (as GGT's ``evaluate_quotes.py`` computes it, and as GGT's
  published figures are): a prediction that covers the gold quote matches it, however long.

Precision, recall and F1 count every gold quote and every prediction, and are also given
**by kind**: gold quotes by their kind; an unmatched prediction is a false positive of the
kind it was predicted as (``direct``, or else ``indirect``), a matched one counts where its
gold quote does, so the two kinds add up to the whole.

**Speakers**, over the matched quotes: ``speaker_name`` is right when the prediction's
canonical speaker (:attr:`toolkit.quotes.Quote.source`: the actor's fullest name, or the words
naming a source the article leaves unnamed, as the annotators write it) equals the
annotators' ``reference`` (case and accents folded, full stops dropped); ``speaker_actor``
the same with the actor's name alone (:attr:`toolkit.quotes.Quote.speaker`, None for an
unnamed source); ``speaker_mention`` is GGT's own speaker score: the predicted speaker mention
overlaps the gold one, or neither quote names a speaker.

>>> match_ggt([(0, 100), (200, 210)], [(10, 90), (150, 400)], 0.3, "longer")
[(0, 0)]
>>> match_ggt([(0, 100), (200, 210)], [(10, 90), (150, 400)], 0.3, "gold")
[(0, 0), (1, 1)]
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from toolkit.evaluation.quotes import Predicted
from toolkit.evaluation.scoring import PRF, read_jsonl, select_records

THRESHOLDS = (0.3, 0.8)
#: What ``toolkit eval quotes`` prints above the GGT table.
DESCRIPTION = (
    "GGT-style gold, scored as GGT scores: a prediction matches a gold quote when they share"
    " more than `threshold` of the longer span (overlap_of=longer, the gold README) or of the"
    " gold span (overlap_of=gold, GGT's evaluate_quotes.py and its published figures), one to"
    " one; by gold_kind, an unmatched prediction counts as a false positive of its predicted"
    " kind. On matched quotes: speaker_name = the canonical speaker (Quote.source: the actor's"
    " name, or the words naming a source the article leaves unnamed) equals the annotators'"
    " full name (case and accents folded); speaker_actor = the same, actors' names only"
    " (Quote.speaker); speaker_mention = GGT's speaker score, the mentions overlap (or neither"
    " quote names a speaker)"
)
RELATIVE_TO = ("longer", "gold")
#: The toolkit's scopes scored, each as a system of its own: what was said or written (the
#: annotators' notion) first, then every attribution, for comparison.
SCOPES = ("speech", "all")
KINDS = ("all", "direct", "indirect")


@dataclass(frozen=True)
class GGTPrediction(Predicted):
    """A predicted quotation as the PolNeAR scorer reads it (span, kind, speaker mention span),
    and its canonical speaker, which GGT's full names are compared with (``speaker``: for the
    toolkit :attr:`toolkit.quotes.Quote.source`, an actor's name or the words naming an
    unnamed source; ``actor``: the actor's name alone)."""

    speaker: str | None = None
    actor: str | None = None


GGTExtractor = Callable[[str], Sequence[GGTPrediction]]


def is_ggt_gold(path: str | Path) -> bool:
    """Does the gold file hold GGT-style records (quotes with a ``reference`` full name)?

    Only the first record that has quotes is read; a file that is not JSON lines is not GGT
    gold (the PolNeAR reader then says what is wrong with it).
    """
    from toolkit.article import open_regular_file
    from toolkit.errors import ArticleError

    try:
        with io.TextIOWrapper(open_regular_file(path), encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                quotes = json.loads(line).get("quotes") or []
                if quotes:
                    return "reference" in quotes[0] and "inner_start" not in quotes[0]
    except (ArticleError, OSError, ValueError, AttributeError):
        return False  # not a readable file of JSON lines: the PolNeAR reader says what is wrong
    return False


def overlap_score(gold: tuple[int, int], predicted: tuple[int, int], relative_to: str) -> float:
    """The characters two spans share, as a share of the longer span or of the gold span.

    >>> overlap_score((0, 10), (5, 25), "longer"), overlap_score((0, 10), (5, 25), "gold")
    (0.25, 0.5)
    """
    shared = min(gold[1], predicted[1]) - max(gold[0], predicted[0])
    if shared <= 0:
        return 0.0
    length = gold[1] - gold[0]
    if relative_to == "longer":
        length = max(length, predicted[1] - predicted[0])
    return shared / length if length > 0 else 0.0


def match_ggt(
    gold: Sequence[tuple[int, int]],
    predicted: Sequence[tuple[int, int]],
    threshold: float,
    relative_to: str = "longer",
) -> list[tuple[int, int]]:
    """GGT's one-to-one matching: each gold span in order takes the remaining prediction with
    the highest overlap score above ``threshold`` (the first such on ties). Returns (gold,
    predicted) index pairs."""
    free = set(range(len(predicted)))
    pairs = []
    for i, span in enumerate(gold):
        best, best_score = None, threshold
        for j in sorted(free):
            score = overlap_score(span, predicted[j], relative_to)
            if score > best_score:
                best, best_score = j, score
        if best is not None:
            free.discard(best)
            pairs.append((i, best))
    return pairs


@dataclass(frozen=True)
class GGTScore:
    """Counts for one kind at one threshold: P/R/F1 and speaker accuracy on the matches."""

    prf: PRF
    speaker_name: int = 0
    speaker_mention: int = 0
    speaker_actor: int = 0

    def __add__(self, other: GGTScore) -> GGTScore:
        return GGTScore(
            self.prf + other.prf,
            self.speaker_name + other.speaker_name,
            self.speaker_mention + other.speaker_mention,
            self.speaker_actor + other.speaker_actor,
        )

    def to_dict(self) -> dict[str, Any]:
        n = self.prf.tp
        return {
            **self.prf.to_dict(),
            "speaker_n": n,
            "speaker_name": self.speaker_name / n if n else 0.0,
            "speaker_mention": self.speaker_mention / n if n else 0.0,
            "speaker_actor": self.speaker_actor / n if n else 0.0,
        }


_EMPTY = GGTScore(PRF(0, 0, 0))


def _settings() -> list[tuple[float, str, str]]:
    return [(t, r, k) for r in RELATIVE_TO for t in THRESHOLDS for k in KINDS]


@dataclass
class GGTEvaluation:
    """Scores of one system per (threshold, overlap measure, kind), summed over articles."""

    name: str
    scores: dict[tuple[float, str, str], GGTScore] = field(
        default_factory=lambda: dict.fromkeys(_settings(), _EMPTY)
    )
    articles: int = 0
    errors: int = 0
    names_speakers: bool = False

    def rows(self) -> list[dict[str, Any]]:
        rows = []
        for (threshold, relative_to, kind), score in self.scores.items():
            d = score.to_dict()
            speakers = self.names_speakers
            rows.append(
                {
                    "system": self.name,
                    "threshold": threshold,
                    "overlap_of": relative_to,
                    "gold_kind": kind,
                    "gold": d["tp"] + d["fn"],
                    "predicted": d["tp"] + d["fp"],
                    "precision": round(d["precision"], 4),
                    "recall": round(d["recall"], 4),
                    "f1": round(d["f1"], 4),
                    "speaker_n": d["speaker_n"] if speakers else None,
                    "speaker_name": round(d["speaker_name"], 4) if speakers else None,
                    "speaker_mention": round(d["speaker_mention"], 4) if speakers else None,
                    "speaker_actor": round(d["speaker_actor"], 4) if speakers else None,
                }
            )
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.name,
            "articles": self.articles,
            "errors": self.errors,
            "scores": [
                {"threshold": t, "overlap_of": r, "gold_kind": k, **score.to_dict()}
                for (t, r, k), score in self.scores.items()
            ],
        }


def _predicted_kind(p: GGTPrediction) -> str:
    return "direct" if p.kind == "direct" else "indirect"


def _gold_kind(g: dict) -> str:
    return "direct" if g.get("kind") == "direct" else "indirect"


def _same_mention(g: dict, p: GGTPrediction) -> bool:
    """GGT's speaker match: the mentions overlap, or neither quote names a speaker."""
    if g.get("speaker_start") is None or p.speaker_start is None:
        return g.get("speaker_start") is None and p.speaker_start is None
    return min(g["speaker_end"], p.speaker_end) > max(g["speaker_start"], p.speaker_start)


def _same_name(g: dict, name: str | None) -> bool:
    from toolkit.actors import fold_name

    reference = g.get("reference") or ""
    return bool(name) and fold_name(name) == fold_name(reference)


def score_article(
    gold: Sequence[dict],
    predicted: Sequence[GGTPrediction],
    threshold: float,
    relative_to: str = "longer",
) -> dict[str, GGTScore]:
    """Scores of one article's predictions at one threshold, by gold kind and in all.

    >>> gold = [{"start": 0, "end": 20, "kind": "direct", "reference": "Ana Ruiz",
    ...          "speaker_start": 25, "speaker_end": 29}]
    >>> scores = score_article(gold, [GGTPrediction(1, 19, "direct", 25, 29, "Ana Ruiz")], 0.8)
    >>> scores["all"].prf, scores["direct"].speaker_name
    (PRF(tp=1, fp=0, fn=0), 1)
    """
    pairs = dict(
        match_ggt(
            [(g["start"], g["end"]) for g in gold],
            [(p.start, p.end) for p in predicted],
            threshold,
            relative_to,
        )
    )
    counts = {kind: [0] * 6 for kind in KINDS[1:]}  # tp, fp, fn, name, mention, actor
    for i, g in enumerate(gold):
        row = counts[_gold_kind(g)]
        if i not in pairs:
            row[2] += 1
            continue
        p = predicted[pairs[i]]
        row[0] += 1
        row[3] += _same_name(g, p.speaker)
        row[4] += _same_mention(g, p)
        row[5] += _same_name(g, p.actor)
    used = set(pairs.values())
    for j, p in enumerate(predicted):
        if j not in used:
            counts[_predicted_kind(p)][1] += 1
    scores = {kind: GGTScore(PRF(*c[:3]), c[3], c[4], c[5]) for kind, c in counts.items()}
    scores["all"] = scores["direct"] + scores["indirect"]
    return scores


def evaluate_records(
    records: Iterable[dict], extractor: GGTExtractor, name: str = "toolkit"
) -> GGTEvaluation:
    """Score ``extractor`` (text -> predictions) on GGT gold records, summed over articles."""
    result = GGTEvaluation(name)
    for record in records:
        try:
            predicted = list(extractor(record["text"]))
        except Exception:  # a baseline that gives up on an article scores nothing for it
            result.errors += 1
            predicted = []
        result.articles += 1
        result.names_speakers = result.names_speakers or any(p.speaker for p in predicted)
        for threshold, relative_to in {(t, r) for t, r, _ in result.scores}:
            scores = score_article(record.get("quotes", []), predicted, threshold, relative_to)
            for kind, score in scores.items():
                key = (threshold, relative_to, kind)
                result.scores[key] = result.scores[key] + score
    return result


def toolkit_extractor(text: str, scope: str = "speech") -> list[GGTPrediction]:
    """The toolkit's :func:`~toolkit.quotes.extract_quotes`, with actors found, so that each
    quotation has its canonical speaker; what was said or written (``scope="speech"``, the
    GGT annotators' notion) unless ``scope`` says otherwise."""
    from toolkit.quotes import extract_quotes

    return [
        GGTPrediction(q.start, q.end, q.kind, q.speaker_start, q.speaker_end, q.source, q.speaker)
        for q in extract_quotes(text, scope=scope)
    ]


def regex_extractor(text: str) -> list[GGTPrediction]:
    """Baseline: quote-mark pairs (the PolNeAR scorer's baseline), no speakers."""
    from toolkit.evaluation.quotes import regex_extractor as pairs

    return [GGTPrediction(p.start, p.end, p.kind) for p in pairs(text)]


def evaluate_ggt(
    gold_path: str | Path,
    *,
    baseline: bool = True,
    limit: int | None = None,
    part: tuple[int, int] | None = None,
) -> list[GGTEvaluation]:
    """Score the toolkit, once per scope (systems "toolkit scope=speech" and "toolkit
    scope=all"), and the regex baseline on a GGT gold JSONL file, or on one part of it
    (``part=(k, n)``, by a hash of the article ids, as for PolNeAR)."""
    records = select_records(read_jsonl(gold_path), part, limit)
    if records and not {"text", "quotes"} <= records[0].keys():
        raise ValueError(f"{gold_path}: not a quotation gold file (need 'text' and 'quotes')")
    results = [
        evaluate_records(records, partial(toolkit_extractor, scope=scope), f"toolkit scope={scope}")
        for scope in SCOPES
    ]
    if baseline:
        results.append(evaluate_records(records, regex_extractor, "regex quote pairs"))
    return results
