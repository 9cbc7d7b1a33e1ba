"""Segmentation: sentences and words as spans into the article text.

The sentence splitter is rule-based and needs no model data. A period ends a sentence unless it
follows an abbreviation that cannot end one (titles such as "Gen.", months such as "Jan.",
initials such as "J."); after an abbreviation that may end one ("U.S.", "Inc.", "a.m.") it
splits only when a common sentence opener follows. A closing quote mark or bracket stays with
its sentence, and a line break always ends a sentence.

>>> [s.text for s in sentences('Gen. Smith arrived at 9 a.m. on Jan. 5. "We are ready," he said.')]
['Gen. Smith arrived at 9 a.m. on Jan. 5.', '"We are ready," he said.']
>>> [w.text for w in words("Biden's U.S.-supplied ATACMS cost $1.5bn.")]
["Biden's", 'U.S.-supplied', 'ATACMS', 'cost', '$1.5bn']
"""

from __future__ import annotations

import re

from toolkit.lang import cached, read_lines, word_set
from toolkit.spans import Span, TextLike, text_of

__all__ = ["paragraph_spans", "sentences", "words"]

_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“‘«([{"

# Terminal punctuation, any closing quotes/brackets, then the whitespace that separates sentences.
_CANDIDATE = re.compile(rf"(?:[.!?…]+)[{re.escape(_CLOSERS)}]*(?=[ \t]+|$)")
_NEXT_TOKEN = re.compile(rf"[ \t]+([{re.escape(_OPENERS)}]*)(\S*)")
_DOTTED = re.compile(r"(?:^|(?<=[\s(\[\"'“‘-]))(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"(?:^|(?<=[\s(\[\"'“‘-]))[A-Z]\.$")

_WORD = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?:-[^\W_]+)*           # U.S., a.m., U.S.-supplied
    | [£$€¥]?\d+(?:[.,:/]\d+)*(?:[^\W\d_]{1,3}\b|%)?(?:-[^\W_]+)*   # 1.5, £600m, 9:30, 5%, 20-year-old
    | [^\W\d_][^\W_]*(?:['’\-][^\W_]+)*        # words, with inner apostrophes and hyphens
    """,
    re.VERBOSE,
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACE_RUN = re.compile(r"\s*")


@cached
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    nonfinal = frozenset(read_lines("abbreviations_nonfinal.txt"))
    ambiguous = word_set("abbreviations_ambiguous.txt")
    starters = word_set("sentence_starters.txt")
    return nonfinal, ambiguous, starters


def sentences(x: TextLike) -> list[Span]:
    """Sentences of an :class:`~toolkit.Article` or a string, as spans into its text.

    >>> [s.text for s in sentences("Talks resumed. Mr. Putin said “No.” Then he left.")]
    ['Talks resumed.', 'Mr. Putin said “No.”', 'Then he left.']
    """
    text = text_of(x)
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        for start, end in _split_line(line.group(), line.start()):
            spans.append(Span(start, end, text[start:end]))
    return spans


def words(x: TextLike) -> list[Span]:
    """Word tokens (letters, numbers, contractions, hyphenated words; no punctuation).

    >>> [w.text for w in words("He said: “It's a well-known 5% rise.”")]
    ['He', 'said', "It's", 'a', 'well-known', '5%', 'rise']
    """
    text = text_of(x)
    return [Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def paragraph_spans(x: TextLike) -> list[Span]:
    """Paragraphs: ``Article.paragraphs`` for an article; blocks between blank lines for a str."""
    paragraphs = getattr(x, "paragraphs", None)
    if paragraphs is not None:
        return list(paragraphs)
    text = text_of(x)
    spans = []
    start = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            spans.append(Span(start + lead, start + lead + len(body), body))
        if brk:
            start = brk.end()
    return spans


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    """Sentence boundaries inside one line of text, as absolute (start, end) pairs."""
    # Work with positions, never slices of the rest of the line, so that a long line without
    # breaks (a badly exported article) stays linear in its length.
    bounds = []
    start = _SPACE_RUN.match(line).end()
    stripped_end = len(line.rstrip())
    for match in _CANDIDATE.finditer(line):
        end = match.end()
        if end >= stripped_end:
            break
        if _is_boundary(line, match.start(), match.group(), end):
            bounds.append((start, end))
            start = _SPACE_RUN.match(line, end).end()
    if start < stripped_end:
        bounds.append((start, stripped_end))
    return [(offset + s, offset + e) for s, e in bounds]


def _is_boundary(line: str, punct_start: int, punct: str, end: int) -> bool:
    following = _NEXT_TOKEN.match(line, end)
    if following is None:
        return False
    opener, next_word = following.group(1), following.group(2)
    if next_word.strip("-–—") == "" and next_word:
        # A dash opens a new item in news briefs: "... in 1995. - Trade talks ..."
        after = line[_SPACE_RUN.match(line, following.end()).end() :][:1]
        return after.isupper() or after.isdigit()
    next_word = next_word.lstrip(".…")  # '"...I request', the quote resumes mid-sentence
    first = next_word[:1]
    if not first:
        return bool(opener)
    if not (first.isupper() or first.isdigit()):
        # "“Why?” he asked." and "e.g. the" continue the sentence.
        return False
    marks = punct.rstrip(_CLOSERS)
    if marks != ".":
        return True  # "!", "?", "...", "?!"
    if punct != marks:
        return True  # a closing quote or bracket follows the period: '... ready."'
    token_start = punct_start  # walk back to the start of the word before the period
    while token_start > 0 and not line[token_start - 1].isspace():
        token_start -= 1
    token = line[token_start:punct_start].lstrip(_OPENERS)
    nonfinal, ambiguous, starters = _abbreviations()
    bare = token.rstrip(".")
    if bare in nonfinal:
        return False
    if _INITIAL.search(token + "."):
        return False  # "J. Smith": initials are far more common in news copy than "Plan B. The"
    if _DOTTED.search(token + ".") or bare.lower() in ambiguous:
        quoted = any(mark in opener for mark in "\"“‘'«")
        return quoted or next_word.lower().strip(_CLOSERS + ".,;:") in starters
    return True
