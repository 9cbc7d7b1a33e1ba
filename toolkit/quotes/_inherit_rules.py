"""The inherit rules: the speaker of a quotation whose own sentence names none.

Each rule is a function ``(surroundings, span) -> Attribution | None`` for the quotation
``span``; :mod:`toolkit.quotes.rules` names them and gives their order (the ``inherit``
cascade). :class:`Surroundings` holds what they read: the speakers named so far, per
paragraph, by attributed quotations and by speech cues (:func:`last_speaker` of each sentence
without an attributed quotation), and the sentences without quotations, whose subject may be
the speaker of the quotation that follows them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from toolkit.quotes._attribution import Attribution, make, speaker_only
from toolkit.quotes._grammar.cue_speakers import cue_speaker
from toolkit.quotes._grammar.subjects import sentence_subject
from toolkit.quotes._grammar.words import not_an_actor
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._marks import QuotedSpan
from toolkit.quotes._sentences import Paragraphs, Sentence, opens_paragraph
from toolkit.quotes._tokens import Token

Named = dict[int, list[tuple[int, Attribution]]]  # paragraph -> [(offset, speaker named)]


@dataclass(slots=True)
class Surroundings:
    """What a quotation may take its speaker from: ``quoted`` (attributed quotations, by the
    end of each, per paragraph), ``events`` (the speaker of each sentence's last speech cue,
    by the sentence's end, per paragraph) and ``subjects`` (every sentence, with its tokens
    when it holds no quotation)."""

    text: str
    paragraphs: Paragraphs
    events: Named = field(default_factory=dict)
    subjects: list[tuple[int, int, list[Token] | None]] = field(default_factory=list)
    quoted: Named = field(default_factory=dict)
    subject_ends: list[int] = field(default_factory=list)

    def add_sentence(
        self, start: int, end: int, sentence: Sentence, quoted: bool, own_speakers: bool
    ) -> None:
        """Record a sentence, in text order; ``quoted``: it holds a quotation;
        ``own_speakers``: it attributes a quotation of its own, so its cues name no one for
        the quotations after it."""
        # A sentence that attributes its own quotation names its speaker through it; a cue in a
        # side clause ('"...," Okafor promised the parents, once the parents had promised
        # Okafor that ...') must not become the speaker of the next quotation.
        event = None if own_speakers else last_speaker(sentence)
        if event is not None:
            self.events.setdefault(self.paragraphs.index(start), []).append((end, event))
        self.subjects.append((start, end, None if quoted else sentence.tokens))
        self.subject_ends.append(end)

    def add_quotation(self, span: QuotedSpan, attribution: Attribution) -> None:
        """Record an attributed quotation, in text order, in every paragraph it runs over."""
        first = self.paragraphs.index(span.outer_start)
        last = self.paragraphs.index(span.outer_end - 1) if span.outer_end else first
        for p in range(first, last + 1):
            self.quoted.setdefault(p, []).append((span.outer_end, attribution))

    def latest(self, paragraph: int, before: int) -> Attribution | None:
        """The last speaker named in ``paragraph`` before offset ``before``: by an attributed
        quotation or by a speech cue ("Ruiz said the plan would work. "It's ready."").

        Both lists are in text order (quotations by end, sentences by end), so each is
        searched with bisect; at the same position the quotation wins."""
        latest = None
        for items in (self.quoted.get(paragraph, ()), self.events.get(paragraph, ())):
            i = bisect.bisect_right(items, before, key=_position) - 1
            if i >= 0 and (latest is None or items[i][0] > latest[0]):
                latest = items[i]
        return _copy(latest[1]) if latest is not None else None


def _position(item: tuple[int, Attribution]) -> int:
    return item[0]


def _copy(attribution: Attribution) -> Attribution:
    return Attribution(attribution.speaker, attribution.cue, attribution.name_span)


def last_speaker(s: Sentence) -> Attribution | None:
    """The speaker a following paragraph of quotation may belong to: the last speech cue's
    speaker in the sentence ("Lopez said that ...", "Berg continued:"), or the subject
    of a sentence that ends with a colon ("In a statement, the university wrote:")."""
    tokens, cues = s.tokens, s.cues
    speakers = [
        (cue, phrase)
        for cue in reversed(cues)
        if cue.cls == "speech"
        and (phrase := cue_speaker(tokens, cues, cue)) is not None
        and not phrase.relative
    ]
    if speakers:
        # 'Novak explained ... that delegates pledged to Ruiz may change sides.': the
        # sentence's subject, not the last cue's.
        subject = sentence_subject(tokens, len(tokens))
        main = [
            (c, p)
            for c, p in speakers
            if subject is not None and p.head_i < subject[1] and p.head_j > subject[0]
        ]
        cue, phrase = (main or speakers)[0]
        return make(tokens, phrase, cue)
    if tokens[-1].text == ":":
        span = sentence_subject(tokens, len(tokens) - 1)
        if span is not None:
            return speaker_only(tokens, *span)
    return None


# --- the rules --------------------------------------------------------------------------------


def same_paragraph(around: Surroundings, span: QuotedSpan) -> Attribution | None:
    """'"We are ready," Ruiz said. "The crews are ready too."': the speaker of the latest
    attributed quotation or speech cue before the quotation in its paragraph."""
    return around.latest(around.paragraphs.index(span.outer_start), span.outer_start)


_SIGNATURE = re.compile(r"[-–—―]+\s*([A-Z][\w.'’-]*(?: +[A-Z][\w.'’-]*){0,4})\s*\.?\s*$")


def signature(around: Surroundings, span: QuotedSpan) -> Attribution | None:
    """A quotation followed by a paragraph that is only a dash and a name ("— Ana Ruiz")."""
    text, paragraphs = around.text, around.paragraphs
    last = paragraphs.index(max(span.outer_end - 1, 0))
    if last + 1 >= len(paragraphs.spans):
        return None
    start, end = paragraphs.spans[last + 1]
    if text[span.outer_end : start].strip():
        return None
    match = _SIGNATURE.match(text, start, end)
    if match is None:
        return None
    return Attribution((match.start(1), match.end(1)), None)


def paragraph_before(around: Surroundings, span: QuotedSpan) -> Attribution | None:
    """A quotation that opens its paragraph: the latest speaker named in the paragraph before
    ('Ruiz said the port would reopen.' / '"It will be busy by May."')."""
    paragraph = around.paragraphs.index(span.outer_start)
    if not opens_paragraph(around.text, span, around.paragraphs, paragraph):
        return None
    return around.latest(paragraph - 1, span.outer_start)


def sentence_before(around: Surroundings, span: QuotedSpan) -> Attribution | None:
    """'Ruiz praised the crew. "We need more like them."': the subject of the sentence just
    before a quotation that opens its own sentence, in the same paragraph, when that sentence
    holds no quotation and its subject names someone who could speak."""
    index = bisect.bisect_right(around.subject_ends, span.outer_start) - 1
    if index < 0:
        return None
    start, end, tokens = around.subjects[index]
    paragraph = around.paragraphs.spans[around.paragraphs.index(span.outer_start)]
    if tokens is None or start < paragraph[0] or around.text[end : span.outer_start].strip():
        return None
    return _actor_subject(tokens)


def _actor_subject(tokens: list[Token]) -> Attribution | None:
    """The subject of a sentence without quotations when it names someone who could speak:
    a name or a description ("Ruiz", "The union leader", "she"), not "it" or "there"."""
    span = sentence_subject(tokens, len(tokens))
    if span is None or not_an_actor(tokens[span[0]]):
        return None
    if any(t.kind != "word" or t.lower in lexicon().forms for t in tokens[span[0] : span[1]]):
        return None
    return speaker_only(tokens, *span)
