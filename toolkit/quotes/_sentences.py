"""The text as the rules read it: paragraphs, quotations masked, sentences of tokens.

:func:`mask` replaces every quotation (marks included) by ``MASK`` characters, so that
``"We are ready," Smith said.`` reads as ``Q, Smith said.``; :func:`sentence_tokens` cuts the
masked text into sentences of tokens; a :class:`Sentence` is one of them with its cues, as
every rule in :mod:`toolkit.quotes.rules` receives it.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from toolkit.quotes._grammar.cues import opens_with_attribution
from toolkit.quotes._grammar.words import is_abbreviation
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._marks import QuotedSpan
from toolkit.quotes._tokens import DASHES, MASK, Cue, Token, tokenize
from toolkit.text.segment import sentences


class Sentence:
    """One sentence of the masked text: its ``tokens`` and speech ``cues``, the words of each
    quotation in it (``quoted``, by token index, marks excluded), the quotations that are
    names or titles rather than quotations (``not_quotations``, by quotation index), the
    speaker each quotation is given by its own cue (``own_speakers``, by token index), and a
    ``cache`` for what several rules compute alike.

    A plain class with slots: the pipeline makes one per sentence of every article."""

    __slots__ = ("cache", "cues", "not_quotations", "own_speakers", "quoted", "tokens")

    def __init__(
        self, tokens: list[Token], cues: list[Cue], quoted: dict[int, str] | None = None
    ) -> None:
        self.tokens = tokens
        self.cues = cues
        self.quoted: dict[int, str] = {} if quoted is None else quoted
        self.not_quotations: set[int] = set()
        # The speaker mention the sentence gives a quotation through a cue or an introducing
        # verb, by the quotation's token index (not one found from the subject alone).
        self.own_speakers: dict[int, tuple[int, int]] = {}
        self.cache: dict[Any, Any] = {}


def mask(text: str, spans: list[QuotedSpan]) -> str:
    """``text`` with every quotation, marks included, replaced by ``MASK`` characters."""
    pieces, position = [], 0
    for span in spans:
        pieces.append(text[position : span.outer_start])
        pieces.append(MASK * (span.outer_end - span.outer_start))
        position = span.outer_end
    pieces.append(text[position:])
    return "".join(pieces)


class Paragraphs:
    """Which paragraph (line) an offset falls in."""

    def __init__(self, text: str) -> None:
        self.spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        self.starts = [s for s, _ in self.spans]

    def index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


def _sentence_spans(text: str, masked: str, spans: list[QuotedSpan]) -> list[tuple[int, int]]:
    """Sentences of the masked text, also split after a quotation that ends a sentence
    (its last word is followed by a period and the next word has a capital)."""
    cuts = []
    for span in spans:
        if text[span.inner_start : span.inner_end].endswith((".", ".)")):
            after = masked[span.outer_end : span.outer_end + 120]
            stripped = after.lstrip(" ")
            if (stripped[:1].isupper() or stripped[:1] == MASK) and not opens_with_attribution(
                after
            ):
                cuts.append(span.outer_end)
        before = masked[max(span.outer_start - 3, 0) : span.outer_start].rstrip(" ")
        if before.endswith((".", "?", "!")) and not _ends_with_abbreviation(
            masked, span.outer_start
        ):
            cuts.append(span.outer_start)  # 'He left. "I am done," he said.'
    cuts.sort()
    result = []
    for sentence in sentences(masked):
        start = sentence.start
        for cut in cuts[bisect.bisect_right(cuts, start) :]:
            if cut >= sentence.end:
                break
            result.append((start, cut))
            start = cut
            while start < sentence.end and masked[start].isspace():
                start += 1
        result.append((start, sentence.end))
    return result


# The rules look at a sentence as a whole, several of them in time proportional to its length,
# once per cue or quotation: text with no sentence ends (a huge list, markup stripped of its
# periods) would make that quadratic. News sentences stay far below this many tokens (the
# longest of the 56,000 in the gold files and the BBC corpus has 242), so only such text is cut.
_MAX_SENTENCE_TOKENS = 300


def sentence_tokens(
    text: str, masked: str, spans: list[QuotedSpan], quote_at: dict[int, int]
) -> list[tuple[int, int, list[Token]]]:
    """(start, end, tokens) of each sentence; one longer than ``_MAX_SENTENCE_TOKENS`` tokens
    is cut into pieces, after the last comma, semicolon, colon or dash in the final third of
    each stretch of that many tokens (or right at its end, if there is none)."""
    result = []
    for start, end in _sentence_spans(text, masked, spans):
        tokens = tokenize(masked, start, end, quote_at)
        if len(tokens) <= _MAX_SENTENCE_TOKENS:
            if tokens:
                result.append((start, end, tokens))
            continue
        first = 0
        while first < len(tokens):
            stop = min(first + _MAX_SENTENCE_TOKENS, len(tokens))
            if stop < len(tokens):
                breaks = [
                    n + 1
                    for n in range(first + _MAX_SENTENCE_TOKENS * 2 // 3, stop)
                    if tokens[n].text in (",", ";", ":") or tokens[n].text in DASHES
                ]
                stop = breaks[-1] if breaks else stop
            piece_start = start if first == 0 else tokens[first].start
            piece_end = end if stop == len(tokens) else tokens[stop - 1].end
            result.append((piece_start, piece_end, tokens[first:stop]))
            first = stop
    return result


def _ends_with_abbreviation(masked: str, position: int) -> bool:
    word = masked[max(position - 12, 0) : position].split()
    return bool(word) and is_abbreviation(word[-1])


def headline_paragraphs(masked: str, paragraphs: Paragraphs) -> set[int]:
    """Paragraphs written in Title Case, where capitals say nothing about names."""
    small = lexicon().classes.title_small_word
    found = set()
    for index, (start, end) in enumerate(paragraphs.spans):
        words = re.findall(r"[^\W\d_][\w’'-]*", masked[start:end])
        if len(words) < 4 or len(words) > 40:
            continue
        significant = [w for w in words if w.lower() not in small]
        capitals = sum(w[0].isupper() for w in significant)
        if significant and capitals / len(significant) >= 0.75:
            found.add(index)
    return found


_SPACES = re.compile(r"\s*")


def opens_paragraph(text: str, span: QuotedSpan, paragraphs: Paragraphs, index: int) -> bool:
    """Is there only white space between the start of paragraph ``index`` and the quotation?"""
    start = paragraphs.spans[index][0]
    if span.outer_start <= start:
        return True
    return _SPACES.match(text, start, span.outer_start).end() == span.outer_start
