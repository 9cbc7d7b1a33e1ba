"""Syllable counts: the CMU Pronouncing Dictionary first, then the toolkit's own estimator.

:func:`count_syllables` reads a word as a news reader would say it:

- words in the CMU Pronouncing Dictionary (NLTK's ``cmudict``) count the vowels of their first
  pronunciation ("fire" 1, "created" 3);
- abbreviations are spelled out letter by letter ("UK" 2, "BBC" 3, "U.S." 2, "MPs" 2, "W" 3),
  but all-caps words that are said as words stay words ("NATO" 2, "FIFA" 2);
- numbers are read aloud ("1,000" is "one thousand", 3; "1999" is "nineteen ninety-nine", 5;
  "£1.5bn" is "one point five billion pounds", 6); hyphenated words are the sum of their parts
  ("20-year-old" 4); possessives add a syllable only after a hissing sound ("Zelensky's" 3,
  "Jones's" 2);
- a few words are not said as spelled ("Mr" 2, "Dr" 2, "etc" 4): ``data/syllable_exceptions.tsv``;
- everything else goes to :func:`estimate_syllables`.

:func:`estimate_syllables` is the estimator alone. It splits a word into vowel groups (runs of
``a e i o u y``) and asks a table learnt from CMUdict how many syllables each group makes in its
letter context (the ``e`` of "code" makes none, the ``ia`` of "media" makes two), backing off
from the longest context seen in training (3 letters either side) to the group alone. The table
is ``data/syllable_model.tsv``, built by ``tools/build_syllable_model.py`` from CMUdict minus a
held-out tenth of its words (see :mod:`toolkit.evaluation.syllables`), where ``toolkit eval
syllables`` scores it: about 94% exact agreement on words it never saw.

Without the NLTK data every word goes through the same rules and the estimator; the first
call warns once and names ``toolkit setup``.

>>> count_syllables("Zelensky"), count_syllables("BBC"), count_syllables("1,000")
(3, 3, 3)
>>> estimate_syllables("Mourinho")
3
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from toolkit.lang import cached, nltk_data, table

__all__ = [
    "CONTEXTS",
    "SyllableCounter",
    "cmudict_syllables",
    "count_syllables",
    "estimate_syllables",
    "vowel_group_contexts",
]

#: Letter contexts of a vowel group, (letters before, letters after), most general first.
#: The training script and the estimator share this definition.
CONTEXTS: tuple[tuple[int, int], ...] = ((0, 0), (0, 1), (1, 1), (1, 2), (2, 2), (2, 3), (3, 3))
#: Largest number of syllables one vowel group can make in the model ("iou" in "curious": 2).
MAX_PER_GROUP = 3
#: P(0, 1, 2, 3 syllables) for a vowel group the model has never seen.
_UNSEEN = (0.05, 0.85, 0.08, 0.02)
MODEL_FILE = "syllable_model.tsv"
_CACHE_LIMIT = 500_000

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_NOT_MODEL_CHAR = re.compile(r"[^a-z']+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>.,;:!?*_#|~^…"
_HYPHENS = re.compile(r"[-‐‑–—/]+")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")
_NUMBER = re.compile(
    r"(?P<cur>[£$€¥])?(?P<int>[0-9][0-9,]*)(?:\.(?P<dec>[0-9]+))?(?P<suf>%|[A-Za-z]+)?(?P<cur2>[£$€¥])?"
)
_ALNUM_RUN = re.compile(r"[0-9]+|[^\W\d_]+")
_DIGIT = re.compile(r"[0-9]")
_SIBILANT_END = re.compile(r"(?:s|x|z|ce|ge|se|ze|ch|sh|dge)$")


# --- the estimator -----------------------------------------------------------------------


def vowel_group_contexts(word: str) -> list[tuple[str, ...]]:
    """For each vowel group of a normalised word, its context keys (most general first).

    A key is ``left[group]right`` with ``^`` and ``$`` marking the word's edges.

    >>> vowel_group_contexts("code")[1][:3]
    ('[e]', '[e]$', 'd[e]$')
    """
    padded = f"^{word}$"
    keys = []
    for match in _VOWEL_GROUP.finditer(padded):
        start, end = match.span()
        group = match.group()
        keys.append(
            tuple(
                f"{padded[max(0, start - left) : start]}[{group}]{padded[end : end + right]}"
                for left, right in CONTEXTS
            )
        )
    return keys


@cached
def _model() -> dict[str, tuple[float, ...]]:
    return {
        key: tuple(int(p) / 1000 for p in per_mille.split())
        for key, per_mille in table(MODEL_FILE, ("context", "per_mille"))
    }


def _normalise(word: str) -> str:
    """Lower-case ASCII letters and apostrophes: accents dropped ("Pelé" -> "pele")."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES))
    ascii_word = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_MODEL_CHAR.sub("", ascii_word).strip("'")


def estimate_syllables(word: str) -> int:
    """Syllables of a word estimated from its spelling alone (no dictionary, no special cases).

    Each vowel group's number of syllables (0 to 3) gets a probability from the longest
    letter context the model knows; the estimate is the most likely total (at least 1).
    A word without vowel letters ("hmm", "nth") counts 1; no letters at all counts 0.

    >>> [estimate_syllables(w) for w in ["code", "media", "created", "Zelensky", "idea"]]
    [1, 3, 3, 3, 3]
    """
    normalised = _normalise(word)
    if not normalised:
        return 0
    groups = vowel_group_contexts(normalised)
    if not groups:
        return 1
    model = _model()
    totals: dict[int, float] = {0: 1.0}
    for keys in groups:
        probabilities = _UNSEEN
        for key in keys:
            found = model.get(key)
            if found is not None:
                probabilities = found
        combined: dict[int, float] = {}
        for total, p_total in totals.items():
            for syllables, p in enumerate(probabilities):
                if p:
                    combined[total + syllables] = combined.get(total + syllables, 0.0) + p_total * p
        totals = combined
    totals.pop(0, None)
    return max(totals, key=totals.__getitem__) if totals else 1


# --- CMUdict -------------------------------------------------------------------------------


@cached
def cmudict_syllables() -> dict[str, tuple[int, ...]]:
    """CMUdict as ``{word: syllable counts}``, the first pronunciation's count first.

    Found wherever NLTK looks (see :func:`toolkit.lang.nltk_data.search_path`). Raises
    ``LookupError`` when ``cmudict`` is not installed (or ``TOOLKIT_NLTK_DATA=off``).
    """
    raw = nltk_data.read_bytes("corpora/cmudict/cmudict").decode("latin-1")
    counts: dict[str, tuple[int, ...]] = {}
    # Lines read "word variant phones..."; every vowel phone ends in its stress digit (0, 1, 2),
    # so the syllables are the digits among the phones (counted in C: loading takes 40% less).
    for word, phones in _CMUDICT_LINE.findall(raw):
        word = word.lower()
        syllables = phones.count("0") + phones.count("1") + phones.count("2")
        known = counts.get(word, ())
        if syllables not in known:
            counts[word] = (*known, syllables)
    return counts


_CMUDICT_LINE = re.compile(r"^(\S+)[ \t]+\S+[ \t]+(.*\S)", re.MULTILINE)


# --- count_syllables -----------------------------------------------------------------------


@cached
def _exceptions() -> dict[str, int]:
    return _counts("syllable_exceptions.tsv")


@cached
def _number_words() -> dict[str, int]:
    return _counts("number_words.tsv")


def _counts(name: str) -> dict[str, int]:
    """Word -> syllables, from a table with the columns word and syllables."""
    return {word: int(n) for word, n in table(name, ("word", "syllables"))}


@cached
def _clusters() -> tuple[frozenset[str], frozenset[str]]:
    rows = table(
        "pronounceable_clusters.tsv", ("position", "cluster"), {"position": ("onset", "coda")}
    )
    onsets = frozenset(cluster for position, cluster in rows if position == "onset")
    return onsets, frozenset(cluster for position, cluster in rows if position == "coda")


def _spelled(letters: str) -> int:
    """Syllables of a word spelled out: one per letter name, three for "double-u"."""
    return sum(3 if c in "wW" else 1 for c in letters if c.isalpha())


def _pronounceable(acronym: str) -> bool:
    """Can an all-caps word of four or more letters be said as a word (NATO, FIFA, UNICEF)?

    It needs a vowel, no run of three consonants, and consonant pairs only where English
    words have them at their start or end (``data/pronounceable_clusters.tsv``).
    """
    word = acronym.lower()
    if not re.search(r"[aeiou]", word):
        return False
    onsets, codas = _clusters()
    runs = re.findall(r"[^aeiouy]+", word)
    if any(len(run) >= 3 for run in runs):
        return False
    first = re.match(r"[^aeiou]*", word).group()
    last = re.search(r"[^aeiou]*$", word).group()
    if len(first) == 2 and first not in onsets:
        return False
    return not (len(last) == 2 and last not in codas)


class SyllableCounter:
    """Counts syllables with a given pronunciation lookup, then the estimator; results cached.

    ``lookup`` maps lower-case words to syllable counts (the first is used). The evaluation
    builds one without its held-out words; :func:`count_syllables` uses all of CMUdict.

    >>> SyllableCounter({})("Mourinho's")
    3
    """

    def __init__(self, lookup: Mapping[str, tuple[int, ...]] | None = None) -> None:
        self._lookup = lookup if lookup is not None else {}
        self._cache: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        cached = self._cache.get(word)
        if cached is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()  # bounded memory on endless streams of new tokens
            cached = self._cache[word] = self._count(word)
        return cached

    def _count(self, token: str) -> int:
        token = token.translate(_APOSTROPHES).strip(_EDGE_PUNCT)
        if not any(c.isalnum() for c in token):
            return 0
        parts = [p for p in _HYPHENS.split(token) if p]
        if len(parts) > 1:
            return sum(self(part) for part in parts)
        token = parts[0] if parts else token
        if _DIGIT.search(token):
            return self._number(token)
        if _DOTTED.fullmatch(token.rstrip(".")) and "." in token:
            return _spelled(token)  # U.S., a.m., e.g.
        token = token.rstrip(".")
        return self._word(token)

    def _word(self, token: str) -> int:
        lower = token.lower()
        exception = _exceptions().get(lower)
        if exception is not None:
            return exception
        letters = token.replace("'", "")
        if len(letters) == 1:
            return _spelled(letters)  # "W" is "double-u"; "a" and "I" are one syllable anyway
        if len(letters) >= 2 and letters.isupper():
            return self._acronym(letters)
        if lower.endswith(("'s", "'")) and lower not in self._lookup:
            base = token[:-2] if lower.endswith("'s") else token[:-1]
            if base:
                extra = 1 if lower.endswith("'s") and _SIBILANT_END.search(base.lower()) else 0
                return self._word(base) + extra
        if len(letters) >= 3 and letters[:-1].isupper() and letters[-1] == "s":
            return self._acronym(letters[:-1])  # MPs, CEOs: the plural adds no syllable
        found = self._lookup.get(lower)
        if found:
            return found[0]
        return estimate_syllables(lower)

    def _acronym(self, letters: str) -> int:
        if len(letters) <= 3:
            return _spelled(letters)
        found = self._lookup.get(letters.lower())
        if found:
            return found[0]
        if _pronounceable(letters):
            return estimate_syllables(letters)
        return _spelled(letters)

    def _number(self, token: str) -> int:
        match = _NUMBER.fullmatch(token)
        if match is None:
            # G7, MP3, 4x4, 3D: read the runs of digits and letters one after another.
            total = 0
            for run in _ALNUM_RUN.findall(token):
                if run[0] in "0123456789":
                    total += _cardinal_syllables(run)
                else:
                    total += self._acronym(run.upper()) if len(run) <= 3 else self._word(run)
            return total
        whole, decimals, suffix = match["int"].replace(",", ""), match["dec"], match["suf"] or ""
        currency = match["cur"] or match["cur2"]
        numbers = _number_words()
        if not currency and not decimals and suffix in ("", "s") and _is_year(whole, match["int"]):
            total = _year_syllables(int(whole))
        else:
            total = _cardinal_syllables(whole)
        if decimals:
            total += numbers["point"] + sum(_cardinal_syllables(d) for d in decimals)
        lowered = suffix.lower()
        if lowered in ("st", "nd", "rd", "th"):
            total += _ordinal_extra(int(whole) if whole.isdigit() else 0)
        elif lowered == "s":
            pass  # 1990s: "nineteen nineties" has as many syllables as "nineteen ninety"
        elif suffix == "%":
            total += numbers["percent"]
        elif lowered in numbers:
            total += numbers[lowered]
        elif suffix:
            total += self._word(suffix) if len(suffix) > 3 else _spelled(suffix)
        if currency:
            total += numbers[{"£": "pounds", "$": "dollars", "€": "euros", "¥": "yen"}[currency]]
        return total


def _is_year(whole: str, written: str) -> bool:
    return len(written) == 4 and written.isdigit() and 1100 <= int(whole) <= 2099


def _cardinal_syllables(digits: str) -> int:
    """Syllables of a whole number said in British English ("one hundred and five")."""
    numbers = _number_words()
    if (len(digits) > 1 and digits.startswith("0")) or len(digits) > 15:
        # 007, phone numbers, long codes: digit by digit, zero said "oh".
        return sum(numbers["oh"] if d == "0" else _cardinal_syllables(d) for d in digits)
    return sum(numbers[w] for w in _spoken(int(digits or 0)))


@cached
def _number_names() -> dict[int, str]:
    return {int(value): name for value, name in table("number_names.tsv", ("value", "name"))}


def _spoken(n: int) -> list[str]:
    """The words of a whole number, British style: 1105 -> one thousand one hundred and five."""
    names = _number_names()
    if n < 20:
        return [names[n]]
    if n < 100:
        return [names[n - n % 10]] + ([names[n % 10]] if n % 10 else [])
    if n < 1000:
        rest = n % 100
        return [names[n // 100], names[100]] + (["and", *_spoken(rest)] if rest else [])
    for size in (10**12, 10**9, 10**6, 10**3):
        if n >= size:
            rest = n % size
            words = [*_spoken(n // size), names[size]]
            if rest:
                words += ["and", *_spoken(rest)] if rest < 100 else _spoken(rest)
            return words
    raise AssertionError("unreachable")


def _year_syllables(year: int) -> int:
    """1999 "nineteen ninety-nine", 1905 "nineteen oh five", 1900 "nineteen hundred",
    2004 "two thousand and four", 2012 "twenty twelve"."""
    numbers = _number_words()
    century, rest = divmod(year, 100)
    if 2000 <= year <= 2009:
        return sum(numbers[w] for w in _spoken(year))
    head = sum(numbers[w] for w in _spoken(century))
    if rest == 0:
        return head + numbers["hundred"]
    if rest < 10:
        return head + numbers["oh"] + numbers[_number_names()[rest]]
    return head + sum(numbers[w] for w in _spoken(rest))


def _ordinal_extra(n: int) -> int:
    """Syllables an ordinal adds to its cardinal: second (+1), twentieth (+1), others 0."""
    last = _spoken(n)[-1] if n else ""
    return 1 if last == "two" or last.endswith("ty") else 0


@cached
def _default_counter() -> SyllableCounter:
    if nltk_data.have("cmudict"):
        return SyllableCounter(cmudict_syllables())
    nltk_data.warn_missing(
        "cmudict",
        "syllables are estimated from spelling by the toolkit's estimator "
        "(about 94% exact on dictionary words it never saw)",
    )
    return SyllableCounter({})


def count_syllables(word: str) -> int:
    """Syllables of a word as read aloud: CMUdict when installed, then the estimator.

    See the module docstring for abbreviations, numbers, hyphens and possessives.

    >>> [count_syllables(w) for w in ["UK", "NATO", "Mourinho", "well-known", "2004", "5%"]]
    [2, 2, 3, 2, 5, 3]
    """
    return _default_counter()(word)
