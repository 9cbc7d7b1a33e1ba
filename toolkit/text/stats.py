"""Text statistics: counts, readability, lexical diversity, reading time, terms and contexts.

>>> s = text_stats("The cat sat on the mat. It was happy.")
>>> s.words, s.sentences, s.syllables, round(s.flesch_reading_ease, 1)
(9, 2, 10, 108.3)

What counts (the choices every formula below rests on):

- **words** are :func:`toolkit.words` tokens: words with inner apostrophes and hyphens
  ("it's", "well-known" are one word), numbers ("1,000", "£5m", "5%") and dotted abbreviations
  ("U.S."). Punctuation is not a word.
- **sentences** are :func:`toolkit.sentences` that contain at least one word; a headline is a
  sentence.
- **syllables** are :func:`toolkit.count_syllables`: words as read aloud, numbers and
  abbreviations included ("2004" has 5, "BBC" 3).
- **letters** are the letters and digits of the words (Coleman-Liau and ARI use them).
- **long words** have seven letters or more (Björnsson's LIX: "more than six letters").
- **polysyllables** have three syllables or more, as McLaughlin counts them for SMOG.
- **complex words** are Gunning's "hard words": three syllables or more, except capitalised
  words inside a sentence (proper names), hyphenated compounds, numbers, and words whose third
  syllable is only an -es, -ed or -ing ending ("created", "excuses", "combining").
- **difficult words** are Dale and Chall's unfamiliar words: not on the Dale-Chall list of
  familiar words (``data/dale_chall_easy_words.txt``), nor a regular inflection of one
  (-s, -es, -ies, -ed, -d, -ied, -ing, -er, -est, -ly, -'s), nor a capitalised word inside a
  sentence (proper names are familiar), nor a number; a hyphenated word is familiar when all
  its parts are.
- **lexical diversity** uses the lower-cased words that contain a letter (numbers are left out).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, NamedTuple

from toolkit.lang import CACHE, cached, word_set
from toolkit.spans import TextLike, text_of
from toolkit.text.segment import paragraph_spans, sentences, words
from toolkit.text.syllables import count_syllables

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "READING_WPM",
    "Collocation",
    "Term",
    "TextStats",
    "ari",
    "coleman_liau",
    "collocations",
    "dale_chall",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "hdd",
    "kwic",
    "mattr",
    "mtld",
    "reading_time_minutes",
    "smog",
    "text_stats",
    "top_terms",
    "ttr",
    "yules_k",
]

#: Silent reading speed of adults for English non-fiction, words per minute (Brysbaert 2019).
READING_WPM = 238
MATTR_WINDOW = 50
MTLD_THRESHOLD = 0.72
HDD_SAMPLE = 42


# --- readability formulas ------------------------------------------------------------------


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float | None:
    """Flesch Reading Ease: 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words).

    Higher is easier (60-70 is plain English). Source: R. Flesch, "A new readability
    yardstick", Journal of Applied Psychology 32(3), 1948, 221-233. ``None`` without words.

    >>> round(flesch_reading_ease(words=100, sentences=5, syllables=150), 3)
    59.635
    """
    if not words or not sentences:
        return None
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float | None:
    """Flesch-Kincaid Grade Level: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59.

    A US school grade. Source: J. P. Kincaid, R. P. Fishburne, R. L. Rogers and B. S. Chissom,
    "Derivation of new readability formulas for Navy enlisted personnel", Research Branch
    Report 8-75, Naval Technical Training Command, 1975.

    >>> round(flesch_kincaid_grade(words=100, sentences=5, syllables=150), 2)
    9.91
    """
    if not words or not sentences:
        return None
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float | None:
    """Gunning fog index: 0.4 ((words/sentences) + 100 (complex words/words)).

    Complex words as defined in the module docstring. Source: R. Gunning, *The Technique of
    Clear Writing*, McGraw-Hill, 1952.

    >>> round(gunning_fog(words=100, sentences=5, complex_words=10), 2)
    12.0
    """
    if not words or not sentences:
        return None
    return 0.4 * (words / sentences + 100 * complex_words / words)


def smog(sentences: int, polysyllables: int) -> float | None:
    """SMOG grade: 1.0430 sqrt(polysyllables * 30 / sentences) + 3.1291.

    Source: G. H. McLaughlin, "SMOG grading: a new readability formula", Journal of Reading
    12(8), 1969, 639-646 (the regression form of the formula). McLaughlin counts the
    polysyllables of 30 sentences; a text with fewer (or more) sentences is scaled to 30 as
    the formula's ``30 / sentences`` does, so short texts give a less reliable grade.

    >>> round(smog(sentences=30, polysyllables=30), 4)
    8.8418
    """
    if not sentences:
        return None
    return 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def coleman_liau(words: int, sentences: int, letters: int) -> float | None:
    """Coleman-Liau index: 0.0588 L - 0.296 S - 15.8.

    L is letters per 100 words, S sentences per 100 words. Source: M. Coleman and T. L. Liau,
    "A computer readability formula designed for machine scoring", Journal of Applied
    Psychology 60(2), 1975, 283-284.

    >>> round(coleman_liau(words=100, sentences=5, letters=450), 3)
    9.18
    """
    if not words:
        return None
    return 0.0588 * (100 * letters / words) - 0.296 * (100 * sentences / words) - 15.8


def ari(words: int, sentences: int, letters: int) -> float | None:
    """Automated Readability Index: 4.71 (characters/words) + 0.5 (words/sentences) - 21.43.

    Characters are the letters and digits of the words. Source: R. J. Senter and E. A. Smith,
    "Automated Readability Index", AMRL-TR-66-220, Wright-Patterson Air Force Base, 1967.

    >>> round(ari(words=100, sentences=5, letters=450), 3)
    9.765
    """
    if not words or not sentences:
        return None
    return 4.71 * (letters / words) + 0.5 * (words / sentences) - 21.43


def dale_chall(words: int, sentences: int, difficult_words: int) -> float | None:
    """Dale-Chall readability score: 0.1579 PDW + 0.0496 ASL, plus 3.6365 if PDW > 5.

    PDW is the percentage of difficult words (see the module docstring), ASL the mean
    sentence length in words. Source: E. Dale and J. S. Chall, "A formula for predicting
    readability", Educational Research Bulletin 27(1), 1948, 11-20 and 37-54. The score reads
    as a grade band (4.9 or lower: grade 4 and below; 9.0-9.9: grades 13-15).

    >>> round(dale_chall(words=100, sentences=5, difficult_words=10), 4)
    6.2075
    """
    if not words or not sentences:
        return None
    pdw = 100 * difficult_words / words
    score = 0.1579 * pdw + 0.0496 * (words / sentences)
    return score + 3.6365 if pdw > 5 else score


def reading_time_minutes(words: int, wpm: float = READING_WPM) -> float:
    """Minutes to read ``words`` silently at ``wpm`` words per minute (238 by default).

    Source: M. Brysbaert, "How many words do we read per minute? A review and meta-analysis
    of reading rate", Journal of Memory and Language 109, 2019, 104047 (238 words per minute
    for English non-fiction).

    >>> reading_time_minutes(476)
    2.0
    """
    return words / wpm


# --- lexical diversity ---------------------------------------------------------------------


def ttr(tokens: list[str]) -> float | None:
    """Type-token ratio: distinct tokens / tokens. Falls as texts get longer.

    >>> ttr(["a", "b", "a", "c"])
    0.75
    """
    return len(set(tokens)) / len(tokens) if tokens else None


def mattr(tokens: list[str], window: int = MATTR_WINDOW) -> float | None:
    """Moving-average type-token ratio: the mean TTR of every ``window``-token window.

    Window 50 tokens by default; a text shorter than the window gets its plain TTR. Source:
    M. A. Covington and J. D. McFall, "Cutting the Gordian knot: the moving-average type-token
    ratio (MATTR)", Journal of Quantitative Linguistics 17(2), 2010, 94-100.

    >>> mattr(["a", "b", "a", "c"], window=2)
    1.0
    >>> mattr(["a", "a", "b", "b"], window=2)
    0.6666666666666666
    """
    n = len(tokens)
    if n == 0:
        return None
    if n <= window:
        return ttr(tokens)
    counts = Counter(tokens[:window])
    distinct = len(counts)
    total = distinct
    for i in range(window, n):
        leaving, entering = tokens[i - window], tokens[i]
        counts[leaving] -= 1
        if counts[leaving] == 0:
            distinct -= 1
        if counts[entering] == 0:
            distinct += 1
        counts[entering] += 1
        total += distinct
    return total / (n - window + 1) / window


def _mtld_pass(tokens: list[str], threshold: float) -> float:
    factors = 0.0
    seen: set[str] = set()
    count = 0
    for token in tokens:
        seen.add(token)
        count += 1
        if len(seen) / count <= threshold:
            factors += 1
            seen, count = set(), 0
    if count:
        factors += (1 - len(seen) / count) / (1 - threshold)
    return len(tokens) / factors if factors else math.inf


def mtld(tokens: list[str], threshold: float = MTLD_THRESHOLD) -> float | None:
    """Measure of textual lexical diversity: mean length of runs that keep TTR above 0.72.

    A factor ends where the running TTR falls to ``threshold`` (0.72); the leftover run counts
    as a partial factor, (1 - its TTR) / (1 - 0.72). MTLD is tokens / factors, averaged over
    a forward and a backward pass. ``None`` when no factor is completed or started (every
    token distinct). Source: P. M. McCarthy and S. Jarvis, "MTLD, vocd-D, and HD-D: a
    validation study of sophisticated approaches to lexical diversity assessment",
    Behavior Research Methods 42(2), 2010, 381-392.

    >>> mtld(["a", "b", "a", "b"])  # forward and backward: 1 factor + 0 partial
    4.0
    """
    if not tokens:
        return None
    forward = _mtld_pass(tokens, threshold)
    backward = _mtld_pass(tokens[::-1], threshold)
    if math.isinf(forward) or math.isinf(backward):
        return None
    return (forward + backward) / 2


def hdd(tokens: list[str], sample: int = HDD_SAMPLE) -> float | None:
    """HD-D: the expected TTR of a random ``sample``-token draw (42 by default).

    For each type seen f times in N tokens, the hypergeometric chance that it appears at least
    once in ``sample`` tokens drawn without replacement, divided by ``sample``; HD-D is their
    sum (a 0-1 scale; multiply by 42 for the "types in a 42-token sample" scale). ``None`` for
    texts shorter than the sample. Source: P. M. McCarthy and S. Jarvis, "vocd: a theoretical
    and empirical evaluation", Language Testing 24(4), 2007, 459-488; validated in McCarthy and
    Jarvis (2010).

    >>> hdd(["a", "b"], sample=2)
    1.0
    >>> round(hdd(["a", "a", "b", "b"], sample=2), 4)
    0.8333
    """
    n = len(tokens)
    if n < sample or sample <= 0:
        return None
    log_all = math.lgamma(n + 1) - math.lgamma(n - sample + 1)
    total = 0.0
    for frequency in Counter(tokens).values():
        rest = n - frequency
        if rest < sample:
            p_absent = 0.0
        else:
            p_absent = math.exp(math.lgamma(rest + 1) - math.lgamma(rest - sample + 1) - log_all)
        total += (1 - p_absent) / sample
    return total


def yules_k(tokens: list[str]) -> float | None:
    """Yule's characteristic K: 10^4 (sum of m^2 V_m - N) / N^2 (lower is more diverse).

    V_m is the number of types used exactly m times, N the number of tokens. Source:
    G. U. Yule, *The Statistical Study of Literary Vocabulary*, Cambridge University Press,
    1944.

    >>> yules_k(["a", "b", "a", "c"])
    1250.0
    """
    n = len(tokens)
    if not n:
        return None
    spectrum = Counter(Counter(tokens).values())
    return 1e4 * (sum(m * m * v for m, v in spectrum.items()) - n) / (n * n)


# --- per-article statistics ----------------------------------------------------------------


@dataclass(frozen=True)
class TextStats:
    """Statistics of one text. See the module docstring for what counts as a word, sentence,
    long, complex or difficult word; each measure's function documents its formula and source.

    Ratio measures are ``None`` when they are undefined (no words, no sentences, too short).
    """

    characters: int  # every character of the text, spaces included
    letters: int  # letters and digits of the words
    words: int
    sentences: int
    paragraphs: int
    syllables: int
    mean_sentence_length: float | None  # words per sentence
    max_sentence_length: int  # words in the longest sentence
    long_words: int  # 7+ letters
    complex_words: int  # Gunning's hard words
    polysyllables: int  # 3+ syllables (SMOG)
    difficult_words: int  # not on the Dale-Chall list
    types: int  # distinct lower-cased words
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog: float | None
    coleman_liau: float | None
    ari: float | None
    dale_chall: float | None
    ttr: float | None
    mattr: float | None
    mtld: float | None
    hdd: float | None
    yules_k: float | None
    reading_time_minutes: float

    def to_dict(self) -> dict[str, Any]:
        """The fields as a flat dict (JSON-ready)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


class _Word(NamedTuple):
    """What one word token contributes; cached per token text."""

    syllables: int
    letters: int
    long: bool
    polysyllable: bool
    complex: bool  # before the proper-name exception
    difficult: bool  # before the proper-name exception
    capitalised: bool
    key: str | None  # lower-cased form for lexical diversity; None for numbers


_WORD_CACHE: dict[str, _Word] = {}  # built from the word lists: emptied with them
CACHE.register(f"{__name__}._WORD_CACHE", _WORD_CACHE)
_WORD_CACHE_LIMIT = 500_000
_INFLECTIONS = (
    ("'s", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("es", ""),
    ("ed", ""),
    ("ed", "e"),
    ("er", ""),
    ("er", "e"),
    ("est", ""),
    ("est", "e"),
    ("ly", ""),
    ("s", ""),
    ("d", ""),
    ("r", ""),
    ("st", ""),
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@cached
def _easy_words() -> frozenset[str]:
    return word_set("dale_chall_easy_words.txt")


@cached
def _stop_words() -> frozenset[str]:
    return word_set("stop_words_en.txt")


def _familiar(word: str) -> bool:
    """Is a lower-case word on the Dale-Chall list, or a regular inflection of one?"""
    easy = _easy_words()
    if word in easy:
        return True
    for suffix, replacement in _INFLECTIONS:
        long_enough = len(word) > len(suffix) + 1
        if long_enough and word.endswith(suffix) and word[: -len(suffix)] + replacement in easy:
            return True
    # Doubled consonant before -ed, -ing, -er, -est: stopped, running, bigger.
    doubled = re.match(r"(.*([b-df-hj-np-tv-z])\2)(?:ed|ing|er|est)$", word)
    return bool(doubled and doubled.group(1)[:-1] in easy)


def _suffix_syllable(word: str) -> bool:
    """Does an -es, -ed or -ing ending add a syllable of its own ("excuses", "created")?"""
    if word.endswith("ing"):
        return True
    if word.endswith("ed"):
        return word[-3:-2] in ("t", "d")
    if word.endswith("es"):
        return bool(re.search(r"(?:s|x|z|ch|sh|c|g)es$", word))
    return False


def _word_info(token: str) -> _Word:
    info = _WORD_CACHE.get(token)
    if info is not None:
        return info
    if len(_WORD_CACHE) > _WORD_CACHE_LIMIT:
        _WORD_CACHE.clear()
    syllables = count_syllables(token)
    alphabetic = sum(c.isalpha() for c in token)
    letters = alphabetic + sum(c.isdigit() for c in token)
    is_number = alphabetic == 0 or token[:1].isdigit() or token[:1] in "£$€¥"
    lower = token.translate(_APOSTROPHES).lower()
    hyphenated = "-" in token
    complex_word = syllables >= 3 and not is_number and not hyphenated
    if complex_word and _suffix_syllable(lower) and syllables - 1 < 3:
        complex_word = False
    if is_number:
        difficult = False
    else:
        bare = lower[:-2] if lower.endswith("'s") else lower.rstrip("'")
        difficult = not all(_familiar(part) for part in bare.split("-") if part)
    info = _Word(
        syllables=syllables,
        letters=letters,
        long=alphabetic >= 7,
        polysyllable=syllables >= 3,
        complex=complex_word,
        difficult=difficult,
        capitalised=token[:1].isupper(),
        key=None if alphabetic == 0 else lower,
    )
    _WORD_CACHE[token] = info
    return info


def text_stats(x: TextLike) -> TextStats:
    """Counts, readability, lexical diversity and reading time of an article or a string.

    >>> s = text_stats("Talks resumed on Monday. Both sides said the negotiations were useful.")
    >>> s.words, s.sentences, s.max_sentence_length, s.polysyllables
    (11, 2, 7, 1)
    """
    text = text_of(x)
    counts = _count_words(text)
    n_words, n_sentences = counts.words, counts.sentences
    syllables, letters, keys = counts.syllables, counts.letters, counts.keys
    return TextStats(
        characters=len(text),
        letters=letters,
        words=n_words,
        sentences=n_sentences,
        paragraphs=len(paragraph_spans(x)),
        syllables=syllables,
        mean_sentence_length=n_words / n_sentences if n_sentences else None,
        max_sentence_length=counts.max_sentence_length,
        long_words=counts.long_words,
        complex_words=counts.complex_words,
        polysyllables=counts.polysyllables,
        difficult_words=counts.difficult,
        types=len(set(keys)),
        flesch_reading_ease=flesch_reading_ease(n_words, n_sentences, syllables),
        flesch_kincaid_grade=flesch_kincaid_grade(n_words, n_sentences, syllables),
        gunning_fog=gunning_fog(n_words, n_sentences, counts.complex_words),
        smog=smog(n_sentences, counts.polysyllables),
        coleman_liau=coleman_liau(n_words, n_sentences, letters),
        ari=ari(n_words, n_sentences, letters),
        dale_chall=dale_chall(n_words, n_sentences, counts.difficult),
        ttr=ttr(keys),
        mattr=mattr(keys),
        mtld=mtld(keys),
        hdd=hdd(keys),
        yules_k=yules_k(keys),
        reading_time_minutes=reading_time_minutes(n_words),
    )


class _Counts(NamedTuple):
    """What one pass over the words of a text counts (see :func:`_count_words`)."""

    words: int
    sentences: int
    max_sentence_length: int
    syllables: int
    letters: int
    long_words: int
    complex_words: int
    polysyllables: int
    difficult: int
    keys: list[str]  # each word's lower-cased form, for lexical diversity (numbers left out)


def _count_words(text: str) -> _Counts:
    """Walk words and sentences together: a word belongs to the last sentence starting at or
    before it; the first word of a sentence may be capitalised without being a name, a
    capitalised word inside a sentence is a name (neither complex nor difficult).

    >>> c = _count_words("Talks resumed. Negotiations were useful.")
    >>> c.words, c.sentences, c.max_sentence_length, c.polysyllables
    (5, 2, 3, 1)
    """
    tokens = words(text)
    sentence_spans = sentences(text)
    boundaries = [s.start for s in sentence_spans[1:]] + [len(text) + 1]
    lengths = [0] * len(sentence_spans)
    syllables = letters = long_words = complex_words = polysyllables = difficult = 0
    keys: list[str] = []
    cache = _WORD_CACHE
    sentence, next_start, opening = 0, boundaries[0], True
    for token in tokens:
        while token.start >= next_start:
            sentence += 1
            next_start = boundaries[sentence]
            opening = True
        info = cache.get(token.text) or _word_info(token.text)
        if lengths:
            lengths[sentence] += 1
        if opening or not info.capitalised:
            complex_words += info.complex
            difficult += info.difficult
        opening = False
        syllables += info.syllables
        letters += info.letters
        long_words += info.long
        polysyllables += info.polysyllable
        if info.key is not None:
            keys.append(info.key)
    n_words = len(tokens)
    n_sentences = sum(1 for length in lengths if length) if lengths else int(bool(n_words))
    longest = max(lengths, default=n_words)
    return _Counts(
        n_words, n_sentences, longest, syllables, letters, long_words, complex_words,
        polysyllables, difficult, keys,
    )  # fmt: skip


# --- terms, collocations, keyword in context ---------------------------------------------


class Term(NamedTuple):
    term: str
    count: int


class Collocation(NamedTuple):
    phrase: str
    count: int
    score: float


def _term(token: str) -> str | None:
    """The form a word is counted under: lower case (acronyms keep their capitals), no
    possessive; ``None`` for numbers, single letters and stop words."""
    word = token.translate(_APOSTROPHES)
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not word[:1].isalpha():
        return None
    if word.isupper():
        return word  # US, UK, BBC: keep acronyms apart from the words they spell
    lower = word.lower()
    return None if lower in _stop_words() else lower


def top_terms(x: TextLike, n: int = 20) -> list[Term]:
    """The ``n`` most frequent terms, stop words removed, as ``Term(term, count)`` tuples.

    Terms are lower-cased words without possessive 's; acronyms keep their capitals ("US" is
    not "us"); numbers, single letters and the stop words of ``data/stop_words_en.txt`` are
    left out. Ties keep the order of first appearance. ``pandas.DataFrame(top_terms(x))``
    gives a table with columns ``term`` and ``count``.

    >>> top_terms("The BBC said the BBC's budget rose. Budgets rose again at the BBC.", 3)
    [Term(term='BBC', count=3), Term(term='rose', count=2), Term(term='budget', count=1)]
    """
    counts = Counter(term for token in words(x) if (term := _term(token.text)) is not None)
    return [Term(term, count) for term, count in counts.most_common(n)]


def collocations(
    x: TextLike, n: int = 20, *, min_count: int = 2, measure: str = "likelihood_ratio"
) -> list[Collocation]:
    """Word pairs that occur together more than chance predicts, best first.

    NLTK's ``BigramCollocationFinder`` over each sentence's terms (as in :func:`top_terms`, but
    stop words are kept in place so that pairs do not jump over them), keeping pairs seen at
    least ``min_count`` times whose words are both non-stop words. Scored by ``measure``, a
    ``BigramAssocMeasures`` method: Dunning's log-likelihood ratio by default (T. Dunning,
    "Accurate methods for the statistics of surprise and coincidence", Computational
    Linguistics 19(1), 1993), which, unlike PMI, does not favour pairs seen once or twice.
    Needs no NLTK data.

    >>> text = "Interest rates rose. The central bank raised interest rates. Interest rates matter."
    >>> collocations(text, 1)[0][:2]
    ('interest rates', 3)
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    text = text_of(x)
    documents = []
    for sentence in sentences(text):
        terms = []
        for token in words(sentence.text):
            term = _term(token.text)
            terms.append(term if term is not None else "\x00")  # a gap that no pair crosses
        documents.append(terms)
    finder = BigramCollocationFinder.from_documents(documents)
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda word: word == "\x00")
    scorer = getattr(BigramAssocMeasures, measure)
    scored = finder.score_ngrams(scorer)
    return [
        Collocation(f"{a} {b}", finder.ngram_fd[(a, b)], float(score))
        for (a, b), score in scored[:n]
    ]


def kwic(x: TextLike, keyword: str, window: int = 5) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``keyword`` with ``window`` words either side.

    Matching is case-insensitive and whole-word: "rate" finds "Rate" and "rate's" but not
    "rates" or "first-rate"; a phrase ("interest rates") matches across any whitespace.
    Columns: ``left``, ``keyword`` (as written in the text), ``right``, ``start``, ``end``;
    ``text[start:end] == keyword``. Line breaks in the contexts are shown as spaces.

    >>> kwic("Rates rose. The bank kept rates high.", "rates", window=2)[["left", "keyword", "right"]].values.tolist()
    [['', 'Rates', 'rose. The'], ['bank kept', 'rates', 'high']]
    """
    import pandas as pd

    parts = keyword.split()
    if not parts or not any(c.isalnum() for c in keyword):
        raise ValueError("kwic: the keyword must contain a letter or digit")
    text = text_of(x)
    pattern = re.compile(
        r"(?<![\w-])" + r"\s+".join(re.escape(p) for p in parts) + r"(?![\w]|-\w)", re.IGNORECASE
    )
    spans = words(text)
    starts = [w.start for w in spans]
    rows = []
    for match in pattern.finditer(text):
        first = bisect_left(starts, match.start())
        after = bisect_left(starts, match.end())
        left_start = spans[max(first - window, 0)].start if window and first else match.start()
        if window and after < len(spans):
            right_end = spans[min(after + window, len(spans)) - 1].end
        else:
            right_end = match.end()
        rows.append(
            {
                "left": " ".join(text[left_start : match.start()].split()),
                "keyword": match.group(),
                "right": " ".join(text[match.end() : right_end].split()),
                "start": match.start(),
                "end": match.end(),
            }
        )
    return pd.DataFrame(rows, columns=["left", "keyword", "right", "start", "end"])
