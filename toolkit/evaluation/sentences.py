"""Sentence-boundary evaluation on CoNLL-2003-style gold sentences.

The gold file separates sentences with line breaks, which would give the answer away. So, per
document, we keep the gold sentences that end in ``.``, ``!`` or ``?`` (a closing quote mark may
follow), join them with single spaces, and score the boundaries a splitter finds in that text:
a boundary is the end offset of every sentence but the last.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from toolkit.evaluation.scoring import PRF, read_jsonl

_ENDS_SENTENCE = re.compile(r"""[.!?]["'”’]*$""")

#: What each gold record needs (checked line by line on reading).
GOLD_FIELDS = {"text": str, "sentences": list}
GOLD_ITEMS = {"sentences": 2}

Splitter = Callable[[str], list[tuple[int, int]]]


def joined_documents(records: Iterable[dict]) -> list[tuple[str, set[int]]]:
    """(text, gold boundary offsets) for each document with at least two kept sentences."""
    documents = []
    for record in records:
        kept = [
            record["text"][start:end]
            for start, end in record["sentences"]
            if _ENDS_SENTENCE.search(record["text"][start:end])
        ]
        if len(kept) < 2:
            continue
        text = " ".join(kept)
        boundaries, offset = set(), 0
        for sentence in kept[:-1]:
            offset += len(sentence)
            boundaries.add(offset)
            offset += 1
        documents.append((text, boundaries))
    return documents


def score_splitter(documents: list[tuple[str, set[int]]], split: Splitter) -> PRF:
    """Boundary precision/recall/F1 of ``split`` (text -> [(start, end), ...])."""
    total = PRF(0, 0, 0)
    for text, gold in documents:
        spans = split(text)
        predicted = {end for _, end in spans[:-1]}
        total += PRF(len(predicted & gold), len(predicted - gold), len(gold - predicted))
    return total


def toolkit_splitter(text: str) -> list[tuple[int, int]]:
    from toolkit.text.segment import sentences

    return [(s.start, s.end) for s in sentences(text)]


def nltk_splitter(text: str) -> list[tuple[int, int]]:
    """``nltk.sent_tokenize`` (Punkt), with its sentences located in the text."""
    from nltk.tokenize import sent_tokenize

    spans, position = [], 0
    for sentence in sent_tokenize(text):
        start = text.index(sentence, position)
        spans.append((start, start + len(sentence)))
        position = start + len(sentence)
    return spans


def evaluate_sentences(gold_path: str | Path, *, compare_nltk: bool = True) -> dict[str, PRF]:
    """Score the toolkit's splitter (and NLTK's, when its data is present) on a gold file."""
    documents = joined_documents(read_jsonl(gold_path, GOLD_FIELDS, GOLD_ITEMS))
    results = {"toolkit": score_splitter(documents, toolkit_splitter)}
    if compare_nltk:
        try:
            results["nltk.sent_tokenize"] = score_splitter(documents, nltk_splitter)
        except LookupError:  # without punkt_tab there is nothing to compare against
            print("NLTK data 'punkt_tab' is missing: comparison skipped", file=sys.stderr)
    return results
