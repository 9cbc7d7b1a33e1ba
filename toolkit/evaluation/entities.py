"""Named-entity evaluation: the actor finder's name mentions against CoNLL-style gold spans.

Gold format (``ner-dev.jsonl`` of the evaluation data): one JSON object per document with
``text`` and ``entities`` (``start``, ``end``, ``text``, ``label`` in PER/ORG/LOC/MISC).

Scoring rules:

- A prediction is a **name** mention of an actor; person -> PER, organization -> ORG,
  place -> LOC. Demonym and pronoun mentions are not entity names and are left out.
- A match is an exact character span (and, for the typed score, the same type).
- **MISC** gold entities are not scored. A prediction whose span is exactly a gold MISC span
  ("Russian", "World Cup") is *ignored*: neither a hit nor a false positive, because the gold
  data says it is a name there, just of a type the toolkit does not produce. Any other
  prediction that matches no PER/ORG/LOC gold span is a false positive.
- ``span`` is the untyped score under the same rules: any predicted name whose span is a gold
  PER/ORG/LOC span counts, whatever the type.

The same rules score NLTK's binary ``ne_chunk`` in ``benchmarks/bench_actors.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from toolkit.evaluation.scoring import PRF, read_jsonl, select_records

LABELS = {"person": "PER", "organization": "ORG", "place": "LOC"}
SCORED = ("PER", "ORG", "LOC")
ENTITY_KEYS = ("start", "end", "label")

#: text -> predicted (start, end, label); label is PER/ORG/LOC, or "" when untyped.
Predictor = Callable[[str], Iterable[tuple[int, int, str]]]


def toolkit_predictions(text: str) -> list[tuple[int, int, str]]:
    """Name mentions of :func:`toolkit.find_actors`, typed PER/ORG/LOC."""
    from toolkit.actors import find_actors

    return [
        (m.start, m.end, LABELS[a.kind])
        for a in find_actors(text)
        for m in a.mentions
        if m.form == "name"
    ]


def score_document(
    gold_entities: list[dict], predicted: Iterable[tuple[int, int, str]]
) -> dict[str, PRF]:
    """Counts per type, ``micro`` (typed, all three) and ``span`` (untyped) for one document."""
    gold = {(e["start"], e["end"], e["label"]) for e in gold_entities if e["label"] in SCORED}
    misc = {(e["start"], e["end"]) for e in gold_entities if e["label"] not in SCORED}
    gold_spans = {(s, e) for s, e, _ in gold}
    predicted = {p for p in predicted if (p[0], p[1]) not in misc}
    result: dict[str, PRF] = {}
    for label in SCORED:
        g = {x for x in gold if x[2] == label}
        p = {x for x in predicted if x[2] == label}
        result[label] = PRF(len(g & p), len(p - g), len(g - p))
    result["micro"] = result["PER"] + result["ORG"] + result["LOC"]
    spans = {(s, e) for s, e, _ in predicted}
    result["span"] = PRF(len(spans & gold_spans), len(spans - gold_spans), len(gold_spans - spans))
    return result


def evaluate_entities(
    gold_path: str | Path,
    predict: Predictor = toolkit_predictions,
    *,
    limit: int | None = None,
    part: tuple[int, int] | None = None,
) -> dict[str, PRF]:
    """Score ``predict`` on every document of a gold file (the first ``limit`` if given; only
    part ``k`` of ``n`` by a hash of the document ids if ``part=(k, n)``, as in
    :func:`toolkit.evaluation.scoring.in_part`).

    Returns ``{"PER", "ORG", "LOC", "micro", "span"} -> PRF``.
    """
    records = read_jsonl(gold_path, {"text": str, "entities": list}, {"entities": ENTITY_KEYS})
    records = select_records(records, part, limit)
    total = {key: PRF(0, 0, 0) for key in (*SCORED, "micro", "span")}
    for number, record in enumerate(records, 1):
        if "text" not in record or "entities" not in record:
            raise ValueError(f"{gold_path}: record {number} needs 'text' and 'entities'")
        for key, score in score_document(record["entities"], predict(record["text"])).items():
            total[key] += score
    return total


# --- NLTK's binary chunker, the comparison baseline ----------------------------------------


def nltk_binary_predictions() -> Predictor:
    """``pos_tag`` + ``ne_chunk(binary=True)`` on NLTK's own tokenisation, as spans.

    Needs the NLTK data ``punkt_tab``, ``averaged_perceptron_tagger_eng`` and
    ``maxent_ne_chunker_tab``; raises LookupError without them. The chunker is loaded once.
    """
    import nltk
    from nltk.chunk import ne_chunker

    chunker = ne_chunker(fmt="binary")

    def predict(text: str) -> list[tuple[int, int, str]]:
        spans = []
        position = 0
        for sentence in nltk.sent_tokenize(text):
            tokens = nltk.word_tokenize(sentence)
            tree = chunker.parse(nltk.pos_tag(tokens))
            offsets, position = _align(text, tokens, position)
            k = 0
            for node in tree:
                if isinstance(node, nltk.Tree):
                    first, last = offsets[k], offsets[k + len(node) - 1]
                    if first and last:
                        spans.append((first[0], last[1], ""))
                    k += len(node)
                else:
                    k += 1
        return spans

    return predict


_QUOTES = {"``": '"', "''": '"'}


def _align(text: str, tokens: list[str], position: int):
    """Offsets of ``tokens`` in ``text`` from ``position`` (None where a token is not found),
    and the position after the last one found."""
    offsets: list[tuple[int, int] | None] = []
    for token in tokens:
        surface = _QUOTES.get(token, token)
        found = text.find(surface, position)
        if found < 0 and token in _QUOTES:
            found = min(
                (i for i in (text.find(q, position) for q in "\"“”'") if i >= 0), default=-1
            )
            surface = text[found] if found >= 0 else surface
        if found < 0 or found - position > 50:
            offsets.append(None)
            continue
        offsets.append((found, found + len(surface)))
        position = found + len(surface)
    return offsets, position
