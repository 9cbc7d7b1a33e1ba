"""Speakers across sentences: what a quotation with no speaker in its sentence inherits."""

from __future__ import annotations

import bisect
import re

from toolkit.quotes._attribution import Attribution, Found, make
from toolkit.quotes._classify import SUBJECT_ONLY
from toolkit.quotes._grammar.cue_speakers import cue_speaker
from toolkit.quotes._grammar.subjects import sentence_subject
from toolkit.quotes._grammar.words import not_an_actor
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._marks import QuotedSpan
from toolkit.quotes._sentences import Paragraphs, opens_paragraph
from toolkit.quotes._tokens import Cue, Token


def last_speaker(tokens: list[Token], cues: list[Cue]) -> Attribution | None:
    """The speaker a following paragraph of quotation may belong to: the last speech cue's
    speaker in the sentence ("Lopez said that ...", "Berg continued:"), or the subject
    of a sentence that ends with a colon ("In a statement, the university wrote:")."""
    speakers = [
        (cue, phrase)
        for cue in reversed(cues)
        if cue.cls == "speech"
        and (phrase := cue_speaker(tokens, cues, cue)) is not None
        and not phrase.relative
    ]
    subject = sentence_subject(tokens, len(tokens))
    if subject is not None:
        # 'Novak explained ... that delegates pledged to Ruiz may change sides.': the
        # sentence's subject, not the last cue's.
        main = [(c, p) for c, p in speakers if p.head_i < subject[1] and p.head_j > subject[0]]
        speakers = main + speakers
    for cue, phrase in speakers:
        return make(tokens, phrase, cue, "paragraph before")
    if tokens[-1].text == ":":
        span = sentence_subject(tokens, len(tokens) - 1)
        if span is not None:
            return Attribution(
                (tokens[span[0]].start, tokens[span[1] - 1].end), None, how="paragraph before"
            )
    return None


def _actor_subject(tokens: list[Token]) -> Attribution | None:
    """The subject of a sentence without quotations when it names someone who could speak:
    a name or a description ("Ruiz", "The union leader", "she"), not "it" or "there"."""
    span = sentence_subject(tokens, len(tokens))
    if span is None or not_an_actor(tokens[span[0]]):
        return None
    if any(t.kind != "word" or t.lower in lexicon().forms for t in tokens[span[0] : span[1]]):
        return None
    return Attribution(
        (tokens[span[0]].start, tokens[span[1] - 1].end), None, how="sentence before"
    )


def inherit(
    text: str,
    spans: list[QuotedSpan],
    decisions: dict[int, tuple[str, Attribution | None]],
    paragraphs: Paragraphs,
    events: dict[int, list[tuple[int, Attribution]]],
    subjects: list[tuple[int, int, list[Token] | None]],
) -> list[Found]:
    """Direct quotations, each with its own attribution or the one it inherits: that of the
    latest quotation or speech cue before it in its paragraph, or, when it opens a paragraph,
    the latest in the paragraph before; failing both, when it opens a sentence, the subject of
    the sentence before it in its paragraph ('Ruiz praised the crew. "We need ..."')."""
    found: list[Found] = []
    quoted: dict[int, list[tuple[int, Attribution]]] = {}  # attributed quotations, per paragraph
    subject_ends = [end for _, end, _ in subjects]
    for n, span in enumerate(spans):
        verdict, attribution = decisions.get(n, ("quote", None))
        if verdict == "not":
            continue
        paragraph = paragraphs.index(span.outer_start)
        if verdict == "scare" and attribution is not None and attribution.how == "clause subject":
            attribution = None  # a word or two in quote marks: look for a speaker named before
        if attribution is None:
            attribution = _inherited(
                _latest(quoted, events, paragraph, span.outer_start), "same paragraph"
            )
            if attribution is None:
                attribution = _signed(text, span, paragraphs)
            if attribution is None and opens_paragraph(text, span, paragraphs, paragraph):
                attribution = _inherited(
                    _latest(quoted, events, paragraph - 1, span.outer_start), "paragraph before"
                )
            if attribution is None:
                attribution = _sentence_before(
                    text, span, subjects, subject_ends, paragraphs.spans[paragraph]
                )
        if verdict == "scare" and (attribution is None or attribution.how in SUBJECT_ONLY):
            continue  # a word or two in quote marks that nobody is said to have said
        if span.single and attribution is None:
            continue  # single marks double as apostrophes: without a speaker, no quotation
        if attribution is not None:
            last_paragraph = paragraphs.index(span.outer_end - 1) if span.outer_end else paragraph
            for p in range(paragraph, last_paragraph + 1):
                quoted.setdefault(p, []).append((span.outer_end, attribution.then or attribution))
        if span.inner_end > span.inner_start:
            found.append(
                Found(
                    span.inner_start,
                    span.inner_end,
                    "direct",
                    attribution,
                    span.closed,
                    span.paragraphs,
                )
            )
    return found


def _latest(
    quoted: dict[int, list[tuple[int, Attribution]]],
    events: dict[int, list[tuple[int, Attribution]]],
    paragraph: int,
    before: int,
) -> Attribution | None:
    """The last speaker named in ``paragraph`` before offset ``before``: by an attributed
    quotation or by a speech cue ("Ruiz said the plan would work. "It's ready."").

    Both lists are in text order (quotations by end, sentences by end), so each is searched
    with bisect; at the same position the quotation wins."""
    latest = None
    for items in (quoted.get(paragraph, ()), events.get(paragraph, ())):
        i = bisect.bisect_right(items, before, key=_position) - 1
        if i >= 0 and (latest is None or items[i][0] > latest[0]):
            latest = items[i]
    return latest[1] if latest is not None else None


def _position(item: tuple[int, Attribution]) -> int:
    return item[0]


_SIGNATURE = re.compile(r"[-–—―]+\s*([A-Z][\w.'’-]*(?: +[A-Z][\w.'’-]*){0,4})\s*\.?\s*$")


def _signed(text: str, span: QuotedSpan, paragraphs: Paragraphs) -> Attribution | None:
    """A quotation followed by a paragraph that is only "- Name" (a signed quotation)."""
    last = paragraphs.index(max(span.outer_end - 1, 0))
    if last + 1 >= len(paragraphs.spans):
        return None
    start, end = paragraphs.spans[last + 1]
    if text[span.outer_end : start].strip():
        return None
    match = _SIGNATURE.match(text, start, end)
    if match is None:
        return None
    return Attribution((match.start(1), match.end(1)), None, how="signature")


def _sentence_before(
    text: str,
    span: QuotedSpan,
    subjects: list[tuple[int, int, list[Token] | None]],
    subject_ends: list[int],
    paragraph: tuple[int, int],
) -> Attribution | None:
    """The subject of the sentence just before a quotation that opens its own sentence, in
    the same paragraph, when that sentence holds no quotation (``subject_ends``: the ends of
    ``subjects``, in order)."""
    index = bisect.bisect_right(subject_ends, span.outer_start) - 1
    if index < 0:
        return None
    start, end, tokens = subjects[index]
    if tokens is None or start < paragraph[0] or text[end : span.outer_start].strip():
        return None
    return _actor_subject(tokens)


def _inherited(attribution: Attribution | None, how: str) -> Attribution | None:
    if attribution is None:
        return None
    return Attribution(
        attribution.speaker, attribution.cue, attribution.name_span, "inherited: " + how
    )
