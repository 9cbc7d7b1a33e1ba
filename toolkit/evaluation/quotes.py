"""Quotation evaluation against PolNeAR-style gold (``quotes-dev.jsonl`` of the evaluation data).

Each gold record is one article: ``text`` and ``quotes``, one object per contiguous content
fragment (see the gold README). The views follow the gold README's scoring notes:

- **(a) quotations in quote marks**: gold fragments of kind ``direct``, ``direct_unclosed``
  and ``mixed`` against the predicted quotes of kind ``"direct"``, matched one to one. A
  prediction that overlaps no such gold fragment but does overlap a gold fragment of another
  kind (quoted words inside an annotated reported-speech attribution) is **ignored**, neither
  right nor wrong: the rule the README applies to textacy ("predictions ignored if they
  overlap only mixed/indirect gold"). A prediction that overlaps no gold at all is a false
  positive. This is a rule for scoring, not for extraction: the extractor never sees the gold.
  It matters because 45 dev articles (New York Times copy) write quotations between doubled
  apostrophes (``''Like this,''``), which the gold conversion does not count as quote marks, so
  their quotations are labelled ``indirect``.
- **(a strict)**: the same, every prediction counted.
- **(a'')**: as (a strict), with gold fragments written between doubled apostrophes counted as
  marked: it measures recall on those quotations, which (a) leaves out.
- **(b) all attributions**: every gold fragment against every predicted quote, reported speech
  included, every prediction counted.

Spans match **exactly** (predicted ``start, end`` equal to the gold span with or without its
marks: ``start, end`` or ``inner_start, inner_end``) or by **overlap** (any shared character),
both one to one: each gold and each predicted span is used at most once, and overlap pairs are
taken greedily, largest overlap first. **Speaker accuracy** is measured on overlap-matched pairs
whose gold fragment has a speaker: the predicted speaker mention must overlap the gold Source
span (a mention, often a pronoun, never resolved), and, strictly, equal it ignoring case.
Every system (the toolkit and the regular-expression baseline) is scored with the same rules.

>>> from toolkit.evaluation.quotes import match_overlap
>>> match_overlap([(0, 10), (20, 30)], [(5, 8), (40, 50)])
[(0, 0)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from toolkit.evaluation.scoring import PRF, one_to_one, read_jsonl, select_records

#: What each gold record needs (checked line by line on reading).
GOLD_FIELDS = {"text": str, "quotes": list}
GOLD_ITEMS = {"quotes": ("start", "end", "inner_start", "inner_end", "kind", "text")}

MARKED_KINDS = frozenset({"direct", "direct_unclosed", "mixed"})
#: The predicted kinds views (a) score: quotations in marks and clauses holding quoted words.
MARKED_PREDICTIONS = frozenset({"direct", "mixed"})
#: The toolkit's scopes ``toolkit eval quotes`` scores, each as a system of its own: every
#: attribution (PolNeAR's notion) first, then what was said or written.
SCOPES = ("all", "speech")
_DOUBLED_APOSTROPHES = re.compile(r"''|``")


@dataclass(frozen=True)
class Predicted:
    """What an extractor returns for scoring: a span, its kind and its speaker mention."""

    start: int
    end: int
    kind: str
    speaker_start: int | None = None
    speaker_end: int | None = None


Extractor = Callable[[str], Sequence[Predicted]]


@dataclass(frozen=True)
class SpeakerScore:
    """Speaker accuracy over matched pairs whose gold fragment names a speaker."""

    n: int
    overlap: int
    exact: int

    @property
    def overlap_accuracy(self) -> float:
        return self.overlap / self.n if self.n else 0.0

    @property
    def exact_accuracy(self) -> float:
        return self.exact / self.n if self.n else 0.0

    def __add__(self, other: SpeakerScore) -> SpeakerScore:
        return SpeakerScore(
            self.n + other.n, self.overlap + other.overlap, self.exact + other.exact
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "overlap": self.overlap_accuracy,
            "exact": self.exact_accuracy,
        }


@dataclass(frozen=True)
class ViewScore:
    """Exact and overlap P/R/F1 and speaker accuracy for one view; ``ignored`` counts the
    predictions set aside by the view's scoring rule (they are in neither P nor R)."""

    exact: PRF
    overlap: PRF
    speaker: SpeakerScore
    ignored: int = 0

    def __add__(self, other: ViewScore) -> ViewScore:
        return ViewScore(
            self.exact + other.exact,
            self.overlap + other.overlap,
            self.speaker + other.speaker,
            self.ignored + other.ignored,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "exact": self.exact.to_dict(),
            "overlap": self.overlap.to_dict(),
            "speaker": self.speaker.to_dict(),
            "ignored": self.ignored,
        }


_EMPTY = ViewScore(PRF(0, 0, 0), PRF(0, 0, 0), SpeakerScore(0, 0, 0))

VIEWS = {
    "a": "(a) quotations in quote marks: gold direct, direct_unclosed and mixed fragments vs"
    " predicted direct quotes, one to one; a prediction overlapping no such fragment but"
    " overlapping gold of another kind (quoted words inside an annotated reported-speech"
    " attribution) is ignored (column 'ignored'), as the gold README scores textacy; one"
    " overlapping no gold at all is a false positive",
    "a_strict": "(a strict) as (a), every prediction counted",
    "a2": "(a'') as (a strict), fragments between ''doubled apostrophes'' counted as marked in"
    " the gold (recall on that house style)",
    "b": "(b) all attributions, reported speech included: all gold vs all predicted",
}


@dataclass
class QuoteEvaluation:
    """Scores per view for one extractor, plus the paragraphs it failed on."""

    name: str
    views: dict[str, ViewScore] = field(default_factory=lambda: dict.fromkeys(VIEWS, _EMPTY))
    articles: int = 0
    errors: int = 0
    names_speakers: bool = False  # did the system give any speaker at all?

    def rows(self) -> list[dict[str, Any]]:
        rows = []
        for view, score in self.views.items():
            for match, prf in (("exact", score.exact), ("overlap", score.overlap)):
                with_speaker = match == "overlap" and self.names_speakers
                rows.append(
                    {
                        "system": self.name,
                        "view": view,
                        "match": match,
                        "gold": prf.tp + prf.fn,
                        "predicted": prf.tp + prf.fp,
                        "precision": round(prf.precision, 4),
                        "recall": round(prf.recall, 4),
                        "f1": round(prf.f1, 4),
                        "ignored": score.ignored,
                        "speaker_n": score.speaker.n if with_speaker else None,
                        "speaker_overlap": round(score.speaker.overlap_accuracy, 4)
                        if with_speaker
                        else None,
                        "speaker_exact": round(score.speaker.exact_accuracy, 4)
                        if with_speaker
                        else None,
                    }
                )
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.name,
            "articles": self.articles,
            "errors": self.errors,
            "views": {view: score.to_dict() for view, score in self.views.items()},
        }


def match_exact(gold: Sequence[Sequence[tuple[int, int]]], predicted: Sequence[tuple[int, int]]):
    """One-to-one exact matches: ``gold[i]`` lists the spans that count for gold item i."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for j, span in enumerate(predicted):
        by_span.setdefault(span, []).append(j)
    pairs, used = [], set()
    for i, alternatives in enumerate(gold):
        for span in alternatives:
            free = [j for j in by_span.get(tuple(span), []) if j not in used]
            if free:
                used.add(free[0])
                pairs.append((i, free[0]))
                break
    return pairs


def match_overlap(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]):
    """One-to-one greedy overlap matches (largest overlap first) as (gold, predicted) pairs."""
    candidates = []
    order = sorted(range(len(predicted)), key=lambda j: predicted[j])
    for i, (gs, ge) in enumerate(gold):
        for j in order:
            ps, pe = predicted[j]
            if ps >= ge:
                break
            shared = min(ge, pe) - max(gs, ps)
            if shared > 0:
                candidates.append((-shared, i, j))
    return one_to_one(candidates)


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start is not None and b_start is not None and min(a_end, b_end) > max(a_start, b_start)


def set_aside(
    gold: Sequence[dict], others: Sequence[dict], predicted: Sequence[Predicted]
) -> tuple[list[Predicted], int]:
    """The predictions to score and how many are ignored: those that overlap no ``gold``
    fragment but do overlap one of ``others`` (the gold fragments outside the view).

    >>> gold, others = [{"start": 0, "end": 5}], [{"start": 10, "end": 30}]
    >>> kept, ignored = set_aside(gold, others, [Predicted(12, 20, "direct"), Predicted(40, 45, "direct")])
    >>> [(p.start, p.end) for p in kept], ignored
    ([(40, 45)], 1)
    """
    kept, ignored = [], 0
    for p in predicted:
        if not any(_overlaps(g["start"], g["end"], p.start, p.end) for g in gold) and any(
            _overlaps(g["start"], g["end"], p.start, p.end) for g in others
        ):
            ignored += 1
        else:
            kept.append(p)
    return kept, ignored


def score_view(
    text: str, gold: list[dict], predicted: Sequence[Predicted], others: Sequence[dict] = ()
) -> ViewScore:
    """Exact and overlap scores of ``predicted`` against ``gold`` fragments of one article.

    With ``others`` (the article's gold fragments outside the view), predictions that overlap
    only those are ignored (:func:`set_aside`).
    """
    predicted, ignored = set_aside(gold, others, predicted) if others else (list(predicted), 0)
    exact_pairs = match_exact(
        [[(g["start"], g["end"]), (g["inner_start"], g["inner_end"])] for g in gold],
        [(p.start, p.end) for p in predicted],
    )
    overlap_pairs = match_overlap(
        [(g["start"], g["end"]) for g in gold], [(p.start, p.end) for p in predicted]
    )
    n = overlap = exact = 0
    for i, j in overlap_pairs:
        g, p = gold[i], predicted[j]
        if g.get("speaker_start") is None:
            continue
        n += 1
        if _overlaps(g["speaker_start"], g["speaker_end"], p.speaker_start, p.speaker_end):
            overlap += 1
        if p.speaker_start is not None:
            said = text[p.speaker_start : p.speaker_end].casefold()
            if said == (g.get("speaker") or "").casefold():
                exact += 1

    def prf(pairs) -> PRF:
        return PRF(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))

    return ViewScore(prf(exact_pairs), prf(overlap_pairs), SpeakerScore(n, overlap, exact), ignored)


def _marked_with_apostrophes(fragment: dict) -> bool:
    return fragment["kind"] in MARKED_KINDS or bool(_DOUBLED_APOSTROPHES.search(fragment["text"]))


def evaluate_records(
    records: Iterable[dict], extractor: Extractor, name: str = "toolkit"
) -> QuoteEvaluation:
    """Score ``extractor`` (text -> predictions) on gold records, summed over articles."""
    result = QuoteEvaluation(name)
    for record in records:
        text, gold = record["text"], record.get("quotes", [])
        try:
            predicted = list(extractor(text))
        except Exception:  # a baseline that gives up on an article scores nothing for it
            result.errors += 1
            predicted = []
        result.articles += 1
        result.names_speakers = result.names_speakers or any(
            p.speaker_start is not None for p in predicted
        )
        direct = [p for p in predicted if p.kind in MARKED_PREDICTIONS]
        marked = [g for g in gold if g["kind"] in MARKED_KINDS]
        unmarked = [g for g in gold if g["kind"] not in MARKED_KINDS]
        views = {
            "a": score_view(text, marked, direct, others=unmarked),
            "a_strict": score_view(text, marked, direct),
            "a2": score_view(text, [g for g in gold if _marked_with_apostrophes(g)], direct),
            "b": score_view(text, gold, predicted),
        }
        for view, score in views.items():
            result.views[view] = result.views[view] + score
    return result


def toolkit_extractor(text: str, scope: str = "all") -> list[Predicted]:
    """The toolkit's :func:`~toolkit.quotes.extract_quotes` on raw gold text, every
    attribution (``scope="all"``, PolNeAR's notion) unless ``scope`` says otherwise.

    Spans and speaker mentions do not depend on the actors (only ``Quote.speaker``, the
    resolved name, does, and the gold has none), so actor finding is skipped.
    """
    from toolkit.quotes import extract_quotes

    return [
        Predicted(q.start, q.end, q.kind, q.speaker_start, q.speaker_end)
        for q in extract_quotes(text, actors=[], scope=scope)
    ]


_REGEX_PAIR = re.compile(r"[\"“”]([^\"“”\n]+)[\"“”]")


def regex_extractor(text: str) -> list[Predicted]:
    """Baseline: pair double quote marks with a regular expression, nothing else."""
    return [Predicted(m.start(1), m.end(1), "direct") for m in _REGEX_PAIR.finditer(text)]


def evaluate_quotes(
    gold_path: str | Path,
    *,
    baseline: bool = True,
    limit: int | None = None,
    part: tuple[int, int] | None = None,
) -> list[QuoteEvaluation]:
    """Score the toolkit, once per scope (systems "toolkit scope=all" and "toolkit
    scope=speech"), and the regex baseline on a gold JSONL file, or on one part of it."""
    records = select_records(read_jsonl(gold_path, GOLD_FIELDS, GOLD_ITEMS), part, limit)
    results = [
        evaluate_records(records, partial(toolkit_extractor, scope=scope), f"toolkit scope={scope}")
        for scope in SCOPES
    ]
    if baseline:
        results.append(evaluate_records(records, regex_extractor, "regex quote pairs"))
    return results
