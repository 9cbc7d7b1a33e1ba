"""Syllable counting scored against the CMU Pronouncing Dictionary, on words held out of training.

The held-out tenth of CMUdict is fixed by :func:`is_held_out` (a CRC-32 of the word, so the same
on every machine and Python version). ``tools/build_syllable_model.py`` trains the estimator on
the other nine tenths only; this module scores it on the held-out tenth, together with:

- ``count_syllables`` (the full pipeline: exceptions, abbreviations, hyphens, possessives,
  dictionary, estimator) with the held-out words removed from its dictionary, so that every
  held-out word reaches the rules and the estimator as an unknown word would;
- pyphen, the hyphenation library textstat falls back to for words missing from CMUdict
  (``len(positions) + 1``, as textstat counts);
- syllapy, when it is installed (it has its own small word list, used as it ships).

textstat itself is not scored separately: its ``syllable_count`` looks words up in CMUdict first
(so on CMUdict's own words it would only repeat the gold standard) and uses pyphen for the rest.

Scored words are CMUdict entries made of letters with at most one apostrophe ("aaron's"); entries
with digits, periods or hyphens are left out. A word with several pronunciations of different
lengths ("fire": 1 or 2) is counted correct when the prediction matches any of them (``exact``);
``exact_first`` scores against the first pronunciation only.

>>> is_held_out("zelensky") in (True, False)
True
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Agreement", "evaluate_syllables", "held_out_words", "is_held_out"]

#: The held-out share of CMUdict: words whose key hashes to 0 modulo this.
HOLD_OUT_MODULUS = 10
_SCORED_WORD = re.compile(r"[a-z]+(?:'[a-z]*)?")


def is_held_out(word: str) -> bool:
    """Is this CMUdict word in the held-out tenth?

    The key is the word before any apostrophe, so "aaron", "aaron's" and "aarons'" fall on the
    same side and a possessive cannot leak its base word into training.
    """
    key = word.lower().split("'", 1)[0]
    return zlib.crc32(key.encode("utf-8")) % HOLD_OUT_MODULUS == 0


def is_scored_word(word: str) -> bool:
    """Letters with at most one apostrophe: the words the estimator is trained and scored on."""
    return _SCORED_WORD.fullmatch(word) is not None


def held_out_words(dictionary: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    """The scored held-out words of ``dictionary`` with their syllable counts."""
    return {w: n for w, n in dictionary.items() if is_held_out(w) and is_scored_word(w)}


@dataclass(frozen=True)
class Agreement:
    """How often a counter gives CMUdict's syllable count, on ``words`` held-out words."""

    method: str
    words: int
    exact: int  # matches any pronunciation
    exact_first: int  # matches the first pronunciation

    @property
    def rate(self) -> float:
        return self.exact / self.words if self.words else 0.0

    @property
    def rate_first(self) -> float:
        return self.exact_first / self.words if self.words else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "agreement": self.rate, "agreement_first": self.rate_first}


def score(method: str, gold: dict[str, tuple[int, ...]], count: Callable[[str], int]) -> Agreement:
    exact = first = 0
    for word, counts in gold.items():
        predicted = count(word)
        exact += predicted in counts
        first += predicted == counts[0]
    return Agreement(method, len(gold), exact, first)


def _pyphen_counter() -> Callable[[str], int] | None:
    try:
        import pyphen
    except ImportError:
        return None
    dic = pyphen.Pyphen(lang="en_US")
    return lambda word: len(dic.positions(word)) + 1


def _syllapy_counter() -> Callable[[str], int] | None:
    try:
        import syllapy
    except ImportError:
        return None
    return syllapy.count


def evaluate_syllables(*, compare: bool = True) -> list[Agreement]:
    """Score the estimator, count_syllables and (if ``compare``) pyphen and syllapy.

    Raises ``LookupError`` when CMUdict is not installed: it is the gold standard.
    """
    from toolkit.text.syllables import SyllableCounter, cmudict_syllables, estimate_syllables

    dictionary = cmudict_syllables()
    gold = held_out_words(dictionary)
    lookup = {w: n for w, n in dictionary.items() if not is_held_out(w)}
    results = [
        score("toolkit.estimate_syllables", gold, estimate_syllables),
        score("toolkit.count_syllables (no lookup of held-out)", gold, SyllableCounter(lookup)),
    ]
    if compare:
        for name, counter in (
            ("pyphen (textstat's fallback)", _pyphen_counter()),
            ("syllapy", _syllapy_counter()),
        ):
            if counter is not None:
                results.append(score(name, gold, counter))
    return results
