"""Build toolkit/lang/data/syllable_model.tsv, the syllable estimator's table, from CMUdict.

    NLTK_DATA=../shared/nltk_data python tools/build_syllable_model.py            # write it
    NLTK_DATA=../shared/nltk_data python tools/build_syllable_model.py --validate # tune only

The estimator (toolkit.text.syllables.estimate_syllables) splits a word into vowel groups and gives
each group a distribution over 0-3 syllables, taken from the longest of its letter contexts
(toolkit.text.syllables.CONTEXTS) found in the table. CMUdict says how many syllables a word has,
not which group makes them, so training is hard EM:

1. start from a simple rule (every group makes one syllable, a silent final "e" or "-es"/"-ed"
   ending makes none, final consonant + "le" makes one);
2. count, for every context key, how many syllables its group was given;
3. re-assign each word's syllables to its groups: the most probable split (under those counts,
   smoothed towards the shorter context with weight ALPHA) whose total is one of the word's
   CMUdict counts;
4. repeat 2-3 ITERATIONS times; then keep a key only if it was seen MIN_COUNT times and its
   distribution differs from its nearest kept shorter context by count * KL > PRUNE.

Words held out by toolkit.evaluation.syllables.is_held_out are never read: `toolkit eval
syllables` scores the estimator on exactly those words. --validate trains on eight tenths and
prints agreement on the ninth tenth (fold 1) so that settings are chosen without the held-out
tenth. The run is deterministic: the same CMUdict gives the same file.

CMUdict's licence (BSD-style, see the header written into the table) allows redistributing
derived data with its copyright notice, which the table carries.
"""

from __future__ import annotations

import argparse
import math
import sys
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.evaluation.syllables import is_held_out, is_scored_word  # noqa: E402
from toolkit.text.syllables import (  # noqa: E402
    _UNSEEN,
    CONTEXTS,
    MAX_PER_GROUP,
    _normalise,
    cmudict_syllables,
    vowel_group_contexts,
)

ALPHA = 3.0
ITERATIONS = 4
MIN_COUNT = 2
PRUNE = 0.25
OUTPUT = ROOT / "toolkit" / "lang" / "data" / "syllable_model.tsv"

HEADER = """\
# Syllable estimator table for toolkit.text.syllables.estimate_syllables.
# Built by tools/build_syllable_model.py (alpha={alpha}, iterations={iterations},
# min_count={min_count}, prune={prune}) from {words} CMUdict words; the held-out tenth of CMUdict
# (toolkit.evaluation.syllables.is_held_out) was not used.
# Columns: the context key, then per mille P(0 1 2 3 syllables) for the vowel group in brackets;
# ^ and $ mark the word's start and end. Contexts: {contexts}.
#
# Source: derived from the Carnegie Mellon Pronouncing Dictionary [cmudict.0.7a] as shipped
# by NLTK. Licence: CMUdict's BSD-style licence, below.
# Copyright (C) 1993-2008 Carnegie Mellon University. All rights reserved.
# Redistribution and use in source and binary forms, with or without modification, are
# permitted provided that the following conditions are met:
# 1. Redistributions of source code must retain the above copyright notice, this list of
#    conditions and the following disclaimer. The contents of this file are deemed to be
#    source code.
# 2. Redistributions in binary form must reproduce the above copyright notice, this list of
#    conditions and the following disclaimer in the documentation and/or other materials
#    provided with the distribution.
# THIS SOFTWARE IS PROVIDED BY CARNEGIE MELLON UNIVERSITY ``AS IS'' AND ANY EXPRESSED OR
# IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
# MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL
# CARNEGIE MELLON UNIVERSITY NOR ITS EMPLOYEES BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
# SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
# SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
# HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR
# TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE,
# EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""

Counts = list[int]


def initial_split(word: str, groups: int) -> list[int]:
    """The starting rule: one syllable per vowel group, none for a silent final e."""
    import re

    spans = [m.span() for m in re.finditer(r"[aeiouy]+", word)]
    split = [1] * groups
    if groups > 1 and word[spans[-1][0] : spans[-1][1]] == "e":
        start, end = spans[-1]
        tail, before = word[end:], word[start - 1] if start else ""
        if tail == "":
            consonant_le = before == "l" and start >= 2 and word[start - 2] not in "aeiouy"
            split[-1] = 1 if consonant_le else 0
        elif tail in ("d", "s", "'s", "s'"):
            sounded = before in "td" if tail == "d" else before in "sxzgc"
            split[-1] = 1 if sounded else 0
    return split


def count_table(splits: dict[str, list[int]], keys: dict[str, list[tuple[str, ...]]]):
    table: dict[str, Counts] = defaultdict(lambda: [0] * (MAX_PER_GROUP + 1))
    for word, split in splits.items():
        for group_keys, syllables in zip(keys[word], split, strict=True):
            for key in group_keys:
                table[key][syllables] += 1
    return dict(table)


def smoothed(table: dict[str, Counts], group_keys: tuple[str, ...]) -> list[float]:
    p = list(_UNSEEN)
    for key in group_keys:
        counts = table.get(key)
        if counts is None:
            break
        n = sum(counts)
        p = [(c + ALPHA * q) / (n + ALPHA) for c, q in zip(counts, p, strict=True)]
    return p


def best_split(
    group_keys: list[tuple[str, ...]], totals: tuple[int, ...], table
) -> list[int] | None:
    """The most probable per-group split whose sum is one of ``totals`` (dynamic programming)."""
    states: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
    for keys in group_keys:
        p = smoothed(table, keys)
        nxt: dict[int, tuple[float, list[int]]] = {}
        for total, (score, split) in states.items():
            for syllables in range(MAX_PER_GROUP + 1):
                candidate = (score + math.log(p[syllables] + 1e-12), [*split, syllables])
                key = total + syllables
                if key not in nxt or candidate[0] > nxt[key][0]:
                    nxt[key] = candidate
        states = nxt
    options = [states[t] for t in totals if t in states]
    return max(options, key=lambda option: option[0])[1] if options else None


def train(words: dict[str, tuple[int, ...]]) -> dict[str, list[float]]:
    keys = {w: vowel_group_contexts(w) for w in words}
    keys = {w: k for w, k in keys.items() if k}
    splits = {w: initial_split(w, len(k)) for w, k in keys.items()}
    table = count_table(splits, keys)
    for _ in range(ITERATIONS):
        splits = {}
        for word, group_keys in keys.items():
            split = best_split(group_keys, words[word], table)
            if split is not None:
                splits[word] = split
        table = count_table(splits, keys)
    return prune(table, keys, splits)


def _kl(p: list[float], q: list[float]) -> float:
    return sum(a * math.log(a / b) for a, b in zip(p, q, strict=True) if a > 0 and b > 0)


def prune(table, keys, splits) -> dict[str, list[float]]:
    """Smoothed distributions of the keys worth keeping (entropy pruning along the chain)."""
    distribution: dict[str, list[float]] = {}
    parent: dict[str, str | None] = {}
    for word in splits:
        for group_keys in keys[word]:
            p, previous = list(_UNSEEN), None
            for key in group_keys:
                if key not in distribution:
                    counts = table[key]
                    n = sum(counts)
                    distribution[key] = [
                        (c + ALPHA * q) / (n + ALPHA) for c, q in zip(counts, p, strict=True)
                    ]
                    parent[key] = previous
                p, previous = distribution[key], key
    kept: dict[str, list[float]] = {}
    nearest_kept: dict[str, str] = {}
    # A key's parent is shorter, so sorting by length visits parents first.
    for key in sorted(distribution, key=lambda k: (len(k), k)):
        up = parent[key]
        if up is None:
            kept[key] = distribution[key]
            nearest_kept[key] = key
            continue
        anchor = nearest_kept[up]
        n = sum(table[key])
        if n >= MIN_COUNT and n * _kl(distribution[key], distribution[anchor]) > PRUNE:
            kept[key] = distribution[key]
            nearest_kept[key] = key
        else:
            nearest_kept[key] = anchor
    return kept


def per_mille(p: list[float]) -> list[int]:
    return [round(1000 * x) for x in p]


def training_words(dictionary) -> dict[str, tuple[int, ...]]:
    words: dict[str, tuple[int, ...]] = {}
    for word, counts in dictionary.items():
        if is_held_out(word) or not is_scored_word(word):
            continue
        normalised = _normalise(word)
        if normalised and normalised not in words:
            words[normalised] = counts
    return words


def validate(words) -> None:
    import toolkit.text.syllables as syllables

    fold = {w: zlib.crc32(w.split("'", 1)[0].encode()) % 10 for w in words}
    train_part = {w: n for w, n in words.items() if fold[w] != 1}
    check = {w: n for w, n in words.items() if fold[w] == 1}
    model = train(train_part)
    table = {k: tuple(x / 1000 for x in per_mille(p)) for k, p in model.items()}
    original = syllables._model  # estimate_syllables reads the table through this loader
    syllables._model = lambda: table
    try:
        exact = sum(syllables.estimate_syllables(w) in n for w, n in check.items())
    finally:
        syllables._model = original
    print(
        f"validation (fold 1 of the training words): {exact / len(check):.4f} of {len(check)} words, {len(table)} keys"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--validate", action="store_true", help="score settings on a training fold; write nothing"
    )
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()
    words = training_words(cmudict_syllables())
    if args.validate:
        validate(words)
        return 0
    model = train(words)
    contexts = " ".join(f"{left},{right}" for left, right in CONTEXTS)
    header = HEADER.format(
        alpha=ALPHA,
        iterations=ITERATIONS,
        min_count=MIN_COUNT,
        prune=PRUNE,
        words=len(words),
        contexts=contexts,
    )
    lines = [f"{key}\t{' '.join(map(str, per_mille(p)))}" for key, p in sorted(model.items())]
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(header + "context\tper_mille\n" + "\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out} ({len(lines)} keys from {len(words)} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
