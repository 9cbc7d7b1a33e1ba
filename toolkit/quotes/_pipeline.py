"""Finding quotations in a text: the steps, and the cascades of :mod:`toolkit.quotes.rules`
run over each sentence.

Private helper of :mod:`toolkit.quotes`, which turns what :func:`find` returns into
:class:`~toolkit.quotes.Quote` objects. The work, per text:

1. pair quote marks paragraph by paragraph (:mod:`toolkit.quotes._marks`);
2. mask each quotation, so that "Q, Smith said." reads as one token, and split sentences
   (:mod:`toolkit.quotes._sentences`);
3. per sentence, find speech cues; attribute each quotation (the ``speaker`` cascade, then
   the ``source`` cascade when the speaker stands before it), decide whether it is a
   quotation at all (:mod:`toolkit.quotes._classify`), and collect reported clauses (the
   ``reported`` cascade for each speech cue, then the ``clause`` cascade);
4. across sentences, give quotations without a speaker in their sentence one from around
   them (the ``inherit`` cascade).
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.quotes._attribution import Attribution, Found
from toolkit.quotes._classify import classify, speaker_quotes
from toolkit.quotes._clause_rules import reported_clauses, reporting_phrase
from toolkit.quotes._grammar.cues import find_cues
from toolkit.quotes._inherit_rules import Surroundings
from toolkit.quotes._marks import QuotedSpan, quoted_spans
from toolkit.quotes._sentences import (
    Paragraphs,
    Sentence,
    headline_paragraphs,
    mask,
    sentence_tokens,
)
from toolkit.quotes.rules import CLAUSE, INHERIT, REPORTED, SOURCE, SPEAKER, Rule


@dataclass(slots=True)
class _Decision:
    """What a quotation's own sentence says about it: ``verdict`` ("quote", "scare" or
    "not", see :func:`~toolkit.quotes._classify.classify`), its attribution and the rule that
    found it."""

    verdict: str
    attribution: Attribution | None = None
    rule: Rule | None = None


#: The cue classes of what was said or written, the quotations ``scope="speech"`` keeps.
SPEECH_CLASSES = frozenset({"speech"})
SCOPES = ("speech", "all")


def find(text: str, scope: str = "speech") -> list[Found]:
    """Direct quotations and reported clauses of ``text``, each with its attribution and the
    name of the rule that found it, in text order; with ``scope="speech"``, only what was
    said or written. No two overlap."""
    found = _find_all(text)
    if scope == "speech":
        found = [f for f in found if f.cue_class in SPEECH_CLASSES]
    return without_overlaps(found)


def without_overlaps(found: list[Found]) -> list[Found]:
    """``found`` less the items that overlap one kept before them, in text order: words in
    quote marks first, then the longer item ("The Times wrote that A, but they want B": the
    Times' clause, not the clause inside it), then the earlier.

    >>> a, b = Found(0, 40, "indirect", None), Found(20, 30, "indirect", None)
    >>> [(f.start, f.end) for f in without_overlaps([a, b, Found(45, 50, "direct", None)])]
    [(0, 40), (45, 50)]
    """
    kept: list[Found] = []
    for item in sorted(found, key=_precedence):
        if not any(item.start < other.end and other.start < item.end for other in kept):
            kept.append(item)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


def _precedence(item: Found) -> tuple[bool, int, int]:
    return (item.kind == "indirect", item.start - item.end, item.start)


def _find_all(text: str) -> list[Found]:
    """Every quotation and reported clause of ``text``, of every cue class; quotations in a
    reported clause are part of it (kind "mixed")."""
    paragraphs = Paragraphs(text)
    spans = quoted_spans(text, paragraphs.spans)
    masked = mask(text, spans).replace("\xa0", " ")  # punkt splits at no-break spaces too
    quote_at = {span.outer_start: n for n, span in enumerate(spans)}
    headlines = headline_paragraphs(masked, paragraphs)
    decisions: dict[int, _Decision] = {}
    reported: list[Found] = []
    around = Surroundings(text, paragraphs)
    for start, end, tokens in sentence_tokens(text, masked, spans, quote_at):
        headline = paragraphs.index(start) in headlines
        sentence = Sentence(tokens, find_cues(tokens, headline))
        quoted_here = any(t.kind == "quote" for t in tokens)
        attributed = quoted_here and _decide_quotations(text, spans, sentence, headline, decisions)
        reported.extend(_reported(sentence))
        around.add_sentence(start, end, sentence, quoted_here, attributed)
    direct = _direct(spans, decisions, around)
    return _with_mixed(spans, direct, reported)


def _with_mixed(
    spans: list[QuotedSpan], direct: dict[int, Found], reported: list[Found]
) -> list[Found]:
    """The direct quotations and the reported clauses; a quotation that stands in a mixed
    clause is part of that clause (its ``quoted`` words), not a quotation of its own."""
    absorbed: set[int] = set()
    for item in reported:
        if item.kind == "mixed":
            item.quoted = tuple(
                (spans[n].inner_start, spans[n].inner_end)
                for n in item.quotes
                if spans[n].inner_end > spans[n].inner_start
            )
            item.closed = all(spans[n].closed for n in item.quotes)
            item.paragraphs = max(spans[n].paragraphs for n in item.quotes)
            absorbed.update(item.quotes)
    found = [f for n, f in direct.items() if n not in absorbed]
    found.extend(reported)
    found.sort(key=lambda f: (f.start, f.end))
    return found


def _decide_quotations(
    text: str, spans: list[QuotedSpan], s: Sentence, headline: bool, decisions: dict[int, _Decision]
) -> bool:
    """Decide on each quotation of the sentence (into ``decisions``, by quotation index) and
    note those that are no quotations in ``s.not_quotations``; True if any has a speaker."""
    named = speaker_quotes(text, spans, s.tokens, s.cues)
    for k, token in enumerate(s.tokens):
        if token.kind == "quote" and token.quote >= 0:
            span = spans[token.quote]
            s.quoted[k] = text[span.inner_start : span.inner_end]
    attributed = False
    for k in s.quoted:
        n = s.tokens[k].quote
        rule, attribution = _attribute(s, k) or (None, None)
        if n in named:
            verdict = "not"  # 'talks failed, reports "Reuters".': a name where a speaker stands
        else:
            subject_only = rule is not None and rule.subject_only
            verdict = classify(text, spans[n], s, k, attribution, subject_only, headline)
        decisions[n] = _Decision(verdict, attribution, rule)
        if attribution is not None and attribution.speaker is not None and not rule.subject_only:
            s.own_speakers[k] = attribution.speaker
        if verdict == "not":
            s.not_quotations.add(n)
        attributed = attributed or attribution is not None
    return attributed


def _attribute(s: Sentence, k: int) -> tuple[Rule, Attribution] | None:
    """The speaker of the quotation at token ``k`` from its own sentence: the first speaker
    rule that answers; when it names someone before the quotation, a source rule may replace
    it ('Fans sang "Bring him home," the Tribune reports.')."""
    answer = SPEAKER.first(s, k)
    if answer is None:
        return None
    attribution = answer[1]
    if attribution.speaker is None or attribution.speaker[0] > s.tokens[k].start:
        return answer
    return SOURCE.first(s, k) or answer


def _reported(s: Sentence) -> list[Found]:
    """The reported clauses of a sentence: for each speech cue with a speaker, the clause the
    first ``reported`` rule finds; then what each ``clause`` rule adds, in order (each sees
    what the sentence reports so far)."""
    found: list[Found] = []
    for cue in s.cues:
        phrase = reporting_phrase(s, cue)
        answer = REPORTED.first(s, cue, phrase) if phrase is not None else None
        if answer is not None:
            for item in reported_clauses(s, cue, phrase, answer[1]):
                item.rule = answer[0].name
                found.append(item)
    for clause_rule in CLAUSE.rules:
        for item in clause_rule.apply(s, found):
            item.rule = clause_rule.name
            found.append(item)
    return found


def _direct(
    spans: list[QuotedSpan], decisions: dict[int, _Decision], around: Surroundings
) -> dict[int, Found]:
    """Direct quotations by quotation index, each with its own attribution or the one the
    ``inherit`` cascade gives it; names, titles and scare quotes nobody is said to have said
    are dropped."""
    found: dict[int, Found] = {}
    for n, span in enumerate(spans):
        decision = decisions.get(n, _Decision("quote"))
        verdict, attribution, rule = decision.verdict, decision.attribution, decision.rule
        if verdict == "not":
            continue
        if verdict == "scare" and rule is not None and rule.scare_inherits:
            attribution = rule = None  # a word or two in quote marks: a speaker named before?
        if attribution is None:
            rule, attribution = INHERIT.first(around, span) or (None, None)
        if verdict == "scare" and (attribution is None or rule.subject_only):
            continue  # a word or two in quote marks that nobody is said to have said
        if span.single and attribution is None:
            continue  # single marks double as apostrophes: without a speaker, no quotation
        if attribution is not None:
            around.add_quotation(span, attribution.then or attribution)
        if span.inner_end > span.inner_start:
            found[n] = Found(
                span.inner_start,
                span.inner_end,
                "direct",
                attribution,
                span.closed,
                span.paragraphs,
                rule.name if rule is not None else "",
                quoted=((span.inner_start, span.inner_end),),
            )
    return found
