"""Finding quotations in a text."""

from __future__ import annotations

from toolkit.quotes._attribution import Attribution, Found
from toolkit.quotes._classify import classify, speaker_quotes
from toolkit.quotes._clause_rules import (
    asked,
    hedged,
    nominal_reported,
    reported_speech,
    topical,
    unclaimed,
)
from toolkit.quotes._grammar.cues import find_cues
from toolkit.quotes._inherit_rules import inherit, last_speaker
from toolkit.quotes._marks import quoted_spans
from toolkit.quotes._sentences import Paragraphs, headline_paragraphs, mask, sentence_tokens
from toolkit.quotes._speaker_rules import attribute
from toolkit.quotes._tokens import Token


def find(text: str) -> list[Found]:
    """Direct quotations and reported clauses of ``text``, each with its attribution."""
    paragraphs = Paragraphs(text)
    spans = quoted_spans(text, paragraphs.spans)
    masked = mask(text, spans).replace("\xa0", " ")  # punkt splits at no-break spaces too
    quote_at = {span.outer_start: n for n, span in enumerate(spans)}
    decisions: dict[int, tuple[str, Attribution | None]] = {}
    headlines = headline_paragraphs(masked, paragraphs)
    reported: list[Found] = []
    events: dict[int, list[tuple[int, Attribution]]] = {}  # speakers named, per paragraph
    subjects: list[tuple[int, int, list[Token] | None]] = []  # sentences without quotations
    for start, end, tokens in sentence_tokens(text, masked, spans, quote_at):
        headline = paragraphs.index(start) in headlines
        cues = find_cues(tokens, headline)
        named = speaker_quotes(text, spans, tokens, cues)
        not_quotations = set(named)
        attributions: dict[int, Attribution] = {}
        for k, token in enumerate(tokens):
            if token.kind == "quote" and token.quote >= 0:
                span = spans[token.quote]
                attribution = attribute(tokens, cues, k, text[span.inner_start : span.inner_end])
                verdict = (
                    "not"
                    if token.quote in named
                    else classify(text, span, tokens, k, cues, attribution, headline)
                )
                decisions[token.quote] = (verdict, attribution)
                if verdict == "not":
                    not_quotations.add(token.quote)
                if attribution is not None:
                    attributions[k] = attribution
        here = reported_speech(tokens, cues, not_quotations)
        here.extend(nominal_reported(tokens, cues, not_quotations))
        here.extend(unclaimed(hedged(tokens, cues, not_quotations), here))
        here.extend(asked(tokens, cues, not_quotations, here))
        here.extend(topical(tokens, cues, here))
        reported.extend(here)
        # A sentence that attributes its own quotation names its speaker through it; a cue in a
        # side clause ('"...," Okafor promised the parents, once the parents had promised
        # Okafor that ...') must not become the speaker of the next quotation.
        event = None if attributions else last_speaker(tokens, cues)
        if event is not None:
            events.setdefault(paragraphs.index(start), []).append((end, event))
        quoted_here = any(t.kind == "quote" for t in tokens)
        subjects.append((start, end, None if quoted_here else tokens))  # subject found on demand
    found = inherit(text, spans, decisions, paragraphs, events, subjects)
    found.extend(reported)
    found.sort(key=lambda f: (f.start, f.end))
    return found
