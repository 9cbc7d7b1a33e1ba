"""Near-duplicate articles: the same story run twice with small edits (an agency's story in
several outlets, an updated story republished the next day).

Two articles are near-duplicates when the Jaccard similarity of their sets of word 5-grams
(lowercased words, punctuation dropped) is at least :data:`THRESHOLD`, 0.4. It is estimated
from MinHash signatures of 128 values: the 5-grams are hashed once and spread over 128 bins
by their hash's first bits, and each bin keeps its smallest hash (one-permutation MinHash; an
empty bin, in a text of a few dozen words, borrows the next bin's value). Two articles' bins
agree with a probability equal to their similarity: the estimate's standard error is about
0.04 around 0.5. Each worker computes its article's signature (:func:`signature`, 256 bytes,
about 0.1 ms); the parent finds the earlier articles sharing one of 42 bands of 3 values with
it (locality-sensitive hashing: a pair at similarity 0.4 shares one with probability 0.94,
at 0.5 with 0.995) and compares the signatures of those.

Why 0.4: on the evaluation data, stories republished with edits score 0.47 to 0.99 (the
three republished pairs of the PolNeAR table 0.52, 0.68 and 0.89); stories on one event
written anew score 0.27 to 0.36; different stories in the PolNeAR table score 0.13 at most.
0.4 lies between, about three standard errors below the lowest republished pair.

>>> story = ("The ferry between Kelso and North Bay will run again from Saturday, three "
...          "months after a storm damaged its landing stage, the Harbour Board said.")
>>> index = NearDuplicates()
>>> index.add(signature(story), "ledger-1")
>>> found, similarity = index.match(signature(story.replace(" three", " nearly three")))
>>> found, round(similarity, 1)
('ledger-1', 0.7)
>>> index.match(signature("Kelso town council approved plans for two hundred homes."))
"""

from __future__ import annotations

import numpy as np

__all__ = ["BANDS", "HASHES", "SHINGLE_WORDS", "THRESHOLD", "NearDuplicates", "signature"]

#: Words per shingle (5-grams), MinHash values per signature, and the bands of the index.
SHINGLE_WORDS = 5
HASHES = 128
BANDS, ROWS = 42, 3
#: Estimated Jaccard similarity of word 5-grams from which an article is a near-duplicate.
THRESHOLD = 0.4

# Bytes that separate words: ASCII punctuation, spaces and controls (UTF-8 letters stay).
_SEPARATORS = bytes(b if chr(b).isalnum() or b >= 128 else 32 for b in range(256))
_TYPOGRAPHIC = ("\u2018", "\u2019", "\u201c", "\u201d", "\u2013", "\u2014")  # quotes, dashes
# Odd 64-bit constants (from splitmix64 and wyhash): a multiplier per part of a word, then
# one per word of a shingle.
_K = [
    np.uint64(k)
    for k in (
        0x9E3779B97F4A7C15,
        0xBF58476D1CE4E5B9,
        0x94D049BB133111EB,
        0xD6E8FEB86659FD93,
        0xCA5A826395121157,
        0x2545F4914F6CDD1D,
        0xA0761D6478BD642F,
    )
]
_BIN_SHIFT = np.uint64(64 - 7)  # 2**7 = HASHES bins, by the hash's first 7 bits
_BIN_STARTS = np.arange(HASHES, dtype=np.uint64) << _BIN_SHIFT
_BORROWED = 7919  # added per bin stepped over, so a borrowed value differs from its source


def words(text: str) -> list[bytes]:
    """The text's words, lowercased, as UTF-8 bytes, punctuation dropped.

    >>> words("“Islanders have waited,” said Teo Vance.")
    [b'islanders', b'have', b'waited', b'said', b'teo', b'vance']
    """
    text = text.lower()
    for mark in _TYPOGRAPHIC:
        text = text.replace(mark, " ")
    return text.encode("utf-8").translate(_SEPARATORS).split()


def signature(text: str) -> bytes | None:
    """The MinHash signature of ``text``'s word 5-grams (128 values of 16 bits, as bytes), or
    None when it has no word. A text of fewer than five words is one shingle.

    >>> len(signature("Dockers in Kelso returned to work on Monday."))
    256
    """
    found = words(text)
    if not found:
        return None
    # Each word as two 64-bit halves (its first 16 bytes), hashed; then each 5-gram.
    halves = np.array(found, dtype="S16").view(np.uint64).reshape(-1, 2)
    with np.errstate(over="ignore"):
        hashes = halves[:, 0] * _K[0] ^ halves[:, 1] * _K[1]
        count = max(1, len(hashes) - SHINGLE_WORDS + 1)
        shingles = hashes[:count] * _K[2]
        for offset in range(1, min(SHINGLE_WORDS, len(hashes))):
            shingles = shingles + hashes[offset : offset + count] * _K[2 + offset]
        shingles ^= shingles >> np.uint64(29)
        shingles *= _K[0]
        shingles ^= shingles >> np.uint64(31)
    shingles.sort()
    return _bin_minima(shingles).astype("<u2").tobytes()


def _bin_minima(shingles: np.ndarray) -> np.ndarray:
    """The low 16 bits of the smallest sorted hash in each of the 128 bins; an empty bin
    takes the next filled bin's value (circularly), plus a step per bin in between."""
    first = np.searchsorted(shingles, _BIN_STARTS)
    filled = first < np.append(first[1:], len(shingles))
    values = (shingles[np.minimum(first, len(shingles) - 1)] & np.uint64(0xFFFF)).astype(np.int64)
    if filled.all():
        return values
    positions = np.arange(2 * HASHES)
    twice = np.where(np.concatenate([filled, filled]), positions, 4 * HASHES)
    source = np.minimum.accumulate(twice[::-1])[::-1][:HASHES]
    return (values[source % HASHES] + _BORROWED * (source - positions[:HASHES])) & 0xFFFF


class NearDuplicates:
    """Signatures of the articles kept as originals, found again by :meth:`match`.

    Memory grows by about 0.9 KB per original (its signature, its id and its 42 band keys
    in sorted arrays: 89 MB for 100,000), not per duplicate.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(
                f"a near-duplicate threshold is a similarity in (0, 1], got {threshold}"
            )
        self.threshold = threshold
        self.ids: list[str] = []
        self._signatures = np.empty((1024, HASHES), dtype=np.uint16)
        self._bands = _BandIndex()

    def match(self, sig: bytes) -> tuple[str, float] | None:
        """The earlier original most similar to the article with signature ``sig`` (the
        first of them on a tie), and the estimated similarity; None below the threshold."""
        values = np.frombuffer(sig, dtype="<u2")
        candidates = self._bands.owners(_band_keys(values))
        if not candidates:
            return None
        owners = np.fromiter(sorted(candidates), dtype=np.int64, count=len(candidates))
        similarity = (self._signatures[owners] == values).mean(axis=1)
        best = int(np.argmax(similarity))  # the first of the highest: the earliest
        if similarity[best] < self.threshold:
            return None
        return self.ids[owners[best]], float(similarity[best])

    def add(self, sig: bytes, article_id: str) -> None:
        """Keep the article (an original) to be found by later ones."""
        owner = len(self.ids)
        if owner == len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.empty_like(self._signatures)])
        values = np.frombuffer(sig, dtype="<u2")
        self._signatures[owner] = values
        self.ids.append(article_id)
        self._bands.add(_band_keys(values), owner)


def _band_keys(values: np.ndarray) -> np.ndarray:
    """One 64-bit key per band: its band number and its three 16-bit values."""
    rows = values[: BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
    keys = rows[:, 0] | (rows[:, 1] << np.uint64(16)) | (rows[:, 2] << np.uint64(32))
    return keys | (np.arange(BANDS, dtype=np.uint64) << np.uint64(48))


class _BandIndex:
    """Band key -> the originals that have it: recent keys in a dict, older ones in sorted
    arrays (runs) merged as they grow, so that an original costs 12 bytes per band."""

    #: Keys kept in the dict before they go into a sorted run.
    RECENT = 1 << 14

    def __init__(self) -> None:
        self._recent: dict[int, list[int]] = {}
        self._recent_count = 0
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, owners)

    def owners(self, keys: np.ndarray) -> set[int]:
        found: set[int] = set()
        for run_keys, run_owners in self._runs:
            left = np.searchsorted(run_keys, keys, side="left")
            right = np.searchsorted(run_keys, keys, side="right")
            for i in np.nonzero(right > left)[0]:
                found.update(run_owners[left[i] : right[i]].tolist())
        for key in keys.tolist():
            found.update(self._recent.get(key, ()))
        return found

    def add(self, keys: np.ndarray, owner: int) -> None:
        for key in keys.tolist():
            self._recent.setdefault(key, []).append(owner)
        self._recent_count += len(keys)
        if self._recent_count >= self.RECENT:
            self._flush()

    def _flush(self) -> None:
        pairs = [(key, owner) for key, owners in self._recent.items() for owner in owners]
        keys = np.fromiter((k for k, _ in pairs), dtype=np.uint64, count=len(pairs))
        owners = np.fromiter((o for _, o in pairs), dtype=np.int32, count=len(pairs))
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], owners[order]))
        self._recent, self._recent_count = {}, 0
        # Merge runs of similar size (each key is merged about log2(n) times in all).
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= 2 * len(self._runs[-1][0]):
            (k1, o1), (k2, o2) = self._runs.pop(), self._runs.pop()
            keys, owners = np.concatenate([k2, k1]), np.concatenate([o2, o1])
            order = np.argsort(keys, kind="stable")
            self._runs.append((keys[order], owners[order]))
