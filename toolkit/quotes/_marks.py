"""Finding the stretches of text that stand inside quotation marks.

Private helper of :mod:`toolkit.quotes`. It knows about marks, not about speakers: it pairs
opening and closing marks paragraph by paragraph and returns :class:`QuotedSpan` objects.

Rules, in the order they apply:

- Double marks: straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »``, and the doubled
  apostrophes ``''`` (and ````` ``) some wire services use for double quotes. Whether a straight
  mark opens or closes is read from its neighbours (a mark after a space and before a word
  opens; a mark after a word and before a space or punctuation closes), falling back to
  alternation.
- A mark that opens while a quotation is open starts a nested quotation (the outer one goes on),
  unless it follows the end of a sentence: then the quotation is reopened, as newspapers do at
  each paragraph of a long quotation (copy that lost its paragraph breaks shows it mid-line).
  A quotation still open at the end of its paragraph runs to the end of that paragraph; if the
  next paragraph opens with a quote mark, the quotation continues there (the newspaper
  convention for quotations over several paragraphs).
- Single marks (``‘ ’`` and ``'``) pair only outside double-quoted text, only when the opening
  mark stands before a word and the closing one after a word, and never as apostrophes
  (``don't``, ``O’Neill``, ``the '90s``). A possessive ``voters' `` closes a single quotation
  only when nothing better follows in the paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from toolkit import lang

__all__ = ["QuotedSpan", "quoted_spans"]

# Longest alternatives first: '' and `` are one mark each.
_MARK = re.compile(r"''|``|’’|‘‘|[\"“”„«»‘’']")
_DOUBLE_OPEN = {"“", "„", "«", "``", "‘‘"}
_DOUBLE_CLOSE = {"”", "»", "’’"}
_DOUBLE_EITHER = {'"', "''"}
_SINGLE_OPEN = {"‘"}
_SINGLE_CLOSE = {"’"}
_SINGLE_EITHER = {"'"}
# What may stand right before an opening mark / right after a closing mark.
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | {"", "“", "‘", '"', "'", "«"}
_AFTER_CLOSE = set(" \t\n)]}—–-/.,;:!?…") | {"", "”", "’", '"', "'", "»"}


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between quote marks: ``inner`` offsets exclude the marks, ``outer`` include them.

    ``closed`` is False for a quotation with no closing mark (it runs to the end of its
    paragraph); ``paragraphs`` counts the paragraphs it covers; ``single`` marks single quotes.
    """

    outer_start: int
    outer_end: int
    inner_start: int
    inner_end: int
    closed: bool
    single: bool = False
    paragraphs: int = 1


@dataclass(slots=True)
class _Mark:
    start: int
    end: int
    text: str
    can_open: bool
    can_close: bool


def quoted_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuotedSpan]:
    """Every quoted stretch of ``text``, outermost quotations only, sorted by position.

    ``paragraphs`` are (start, end) offsets; by default every line is a paragraph.

    >>> text = 'He said "no," twice.'
    >>> [text[s.inner_start : s.inner_end] for s in quoted_spans(text)]
    ['no,']
    """
    if paragraphs is None:
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    result: list[QuotedSpan] = []
    carried: QuotedSpan | None = None  # an unclosed quotation that may continue
    for para_start, para_end in paragraphs:
        if carried is not None:
            closing = _closes_carried(text, para_start, para_end)
            if closing is not None:  # 'the decision-maker\n\nbased on ...," said Ruiz'
                joined = _span(
                    text, carried.outer_start, carried.inner_start, closing[0], closing[1], True
                )
                result.append(replace(joined, paragraphs=carried.paragraphs + 1))
                carried, para_start = None, closing[1]
        spans = _double_quotes(text, para_start, para_end)
        if carried is not None:
            if spans and spans[0].outer_start == _first_char(text, para_start, para_end):
                first = spans[0]
                spans[0] = QuotedSpan(
                    carried.outer_start,
                    first.outer_end,
                    carried.inner_start,
                    first.inner_end,
                    first.closed,
                    paragraphs=carried.paragraphs + 1,
                )
            else:
                result.append(carried)
        carried = None
        if spans and not spans[-1].closed:
            carried = spans.pop()
        result.extend(spans)
        result.extend(_single_quotes(text, para_start, para_end, spans, carried))
    if carried is not None:
        result.append(carried)
    result.sort(key=lambda s: s.outer_start)
    return result


def _closes_carried(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The closing mark of a quotation left open at the end of the paragraph before, when this
    paragraph goes on with its sentence (it opens with a lowercase word: the break fell inside
    the sentence, as in text copied from a web page) and its first double mark can only close
    it. (start, end) of that mark, or None."""
    first = _first_char(text, start, end)
    if first >= end or not text[first].islower():
        return None
    marks = _marks(text, start, end, _DOUBLE)
    if not marks or not marks[0].can_close or marks[0].can_open:
        return None
    return marks[0].start, marks[0].end


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _marks(text: str, start: int, end: int, kinds: set[str]) -> list[_Mark]:
    """Quote marks of the given kinds in text[start:end], with what each could do."""
    marks = []
    for match in _MARK.finditer(text, start, end):
        mark = match.group()
        if mark not in kinds:
            continue
        before = text[match.start() - 1] if match.start() > start else ""
        after = text[match.end()] if match.end() < end else ""
        opens_here = before in _BEFORE_OPEN and after not in ("", " ", "\t", "\n")
        closes_here = after in _AFTER_CLOSE and before not in ("", " ", "\t", "\n")
        if mark in _DOUBLE_OPEN or mark in _SINGLE_OPEN:
            can_open, can_close = True, closes_here and not opens_here
        elif mark in _DOUBLE_CLOSE or mark in _SINGLE_CLOSE:
            can_open, can_close = opens_here and not closes_here, True
        elif opens_here or closes_here:
            can_open, can_close = opens_here, closes_here
        else:  # a straight mark between two spaces or two letters: either
            can_open = can_close = True
        marks.append(_Mark(match.start(), match.end(), mark, can_open, can_close))
    return marks


_DOUBLE = _DOUBLE_OPEN | _DOUBLE_CLOSE | _DOUBLE_EITHER


def _double_quotes(text: str, start: int, end: int) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    depth = 0
    opener: _Mark | None = None
    for mark in _marks(text, start, end, _DOUBLE):
        if depth == 0:
            if mark.can_open:
                opener, depth = mark, 1
            continue  # a closing mark with nothing open is a stray: ignore it
        if depth == 1 and opener is not None and mark.start == opener.end and mark.can_open:
            opener = _Mark(opener.start, mark.end, opener.text + mark.text, True, False)
            continue  # '"“We lost,” Ruiz said': a doubled opening mark is one mark
        if mark.can_close:
            depth -= 1
            if depth == 0 and opener is not None:
                spans.append(_span(text, opener.start, opener.end, mark.start, mark.end, True))
                opener = None
        elif mark.can_open and not (depth == 1 and _reopens(text, start, mark)):
            depth += 1
    if depth and opener is not None:
        stop = end
        while stop > opener.end and text[stop - 1].isspace():
            stop -= 1
        spans.append(_span(text, opener.start, opener.end, stop, stop, False))
    return spans


def _reopens(text: str, start: int, mark: _Mark) -> bool:
    """'"The plan is dead. "We will start again," he said.': a mark that opens right after the
    end of a sentence inside an open quotation continues it (the paragraph break of a quotation
    over several paragraphs was lost), rather than opening a quotation inside it."""
    end = mark.start
    while end > start and text[end - 1] == " ":
        end -= 1
    before = text[max(start, end - 2) : end]  # enough for the endings below
    return before.endswith((".", "?", "!", "…", ".'", "?'", "!'", ".’", "?’", "!’"))


def _span(
    text: str,
    outer_start: int,
    inner_start: int,
    inner_end: int,
    outer_end: int,
    closed: bool,
    single: bool = False,
) -> QuotedSpan:
    # Inner text without surrounding whitespace.
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return QuotedSpan(outer_start, outer_end, inner_start, inner_end, closed, single)


_SINGLE = _SINGLE_OPEN | _SINGLE_CLOSE | _SINGLE_EITHER


def _single_quotes(
    text: str,
    start: int,
    end: int,
    doubles: list[QuotedSpan],
    carried: QuotedSpan | None,
) -> list[QuotedSpan]:
    """Single-quoted stretches of one paragraph that lie outside its double quotations.

    An opening mark pairs with the first closing mark after it that is not a possessive
    (``voters' ``), or else with the first closing mark, but never across a double quotation.
    Linear in the number of marks: the next closing marks are precomputed from the right.
    """
    taken = sorted((s.outer_start, s.outer_end) for s in doubles)  # they do not overlap
    if carried is not None:
        taken.append((carried.outer_start, end))
    taken_starts = [a for a, _ in taken]
    elisions = lang.word_set("quote_elisions.txt")

    def inside_double(offset: int) -> bool:
        k = bisect_right(taken_starts, offset) - 1
        return k >= 0 and offset < taken[k][1]

    marks = [
        m
        for m in _marks(text, start, end, _SINGLE)
        if not inside_double(m.start) and not _is_apostrophe(text, m, elisions)
    ]
    n = len(marks)
    next_closer, next_plain = _next_closers(text, marks)
    spans = []
    i = 0
    while i < n:
        opener = marks[i]
        if not opener.can_open or opener.can_close:
            i += 1
            continue
        after = bisect_right(taken_starts, opener.start)
        limit = taken_starts[after] if after < len(taken_starts) else end  # the next double
        first = next_closer[i + 1]
        if first == n or marks[first].start >= limit:
            i += 1
            continue
        plain = next_plain[i + 1]
        choice = plain if plain < n and marks[plain].start < limit else first
        closer = marks[choice]
        spans.append(_span(text, opener.start, opener.end, closer.start, closer.end, True, True))
        i = choice + 1
    return spans


def _next_closers(text: str, marks: list[_Mark]) -> tuple[list[int], list[int]]:
    """For each index of ``marks``, the index of the first closing mark at or after it, and
    the same with possessives (``voters' ``) left out; ``len(marks)`` where there is none."""
    n = len(marks)
    next_closer = [n] * (n + 1)
    next_plain = [n] * (n + 1)
    for j in range(n - 1, -1, -1):
        closes = marks[j].can_close and not marks[j].can_open
        next_closer[j] = j if closes else next_closer[j + 1]
        plain = closes and not _looks_possessive(text, marks[j])
        next_plain[j] = j if plain else next_plain[j + 1]
    return next_closer, next_plain


def _is_apostrophe(text: str, mark: _Mark, elisions: frozenset[str]) -> bool:
    before = text[mark.start - 1] if mark.start > 0 else ""
    after = text[mark.end] if mark.end < len(text) else ""
    if before.isalnum() and after.isalnum():
        return True  # don't, O’Neill, rock'n'roll
    if after.isalnum() and not before.isalnum():
        word = re.match(r"[\w]+", text[mark.end : mark.end + 20])
        if word and word.group().lower() in elisions:
            return True  # 'em, 'til, 'cause
        if re.match(r"\d\ds\b|\d\d\b", text[mark.end : mark.end + 4]):
            return True  # the '90s, class of '04
    return False


def _looks_possessive(text: str, mark: _Mark) -> bool:
    """``voters' rights``: an apostrophe after a plural, followed by a word."""
    before = text[mark.start - 1] if mark.start > 0 else ""
    return before in "sS" and re.match(r"\s+[A-Za-z]", text[mark.end : mark.end + 3]) is not None
