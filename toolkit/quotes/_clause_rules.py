"""The reported-clause rules: what a sentence reports without quote marks, and who says it.

Two kinds of rule, named and ordered in :mod:`toolkit.quotes.rules`:

- the ``reported`` cascade, tried per speech cue that has a speaker (:func:`reporting_phrase`):
  where the clause the cue reports lies ("X said (that) CLAUSE", "CLAUSE, X said.",
  "According to X, CLAUSE", "The plan, X said, would ..."). Each is a function
  ``(sentence, cue, phrase) -> list of token ranges | None``: None when the sentence does not
  have the rule's shape, a list (maybe empty) when it does;
- the ``clause`` cascade, tried per sentence after it: clauses reported without a speech verb
  ("his claim that ...", hedges, questions, topics). Each is a function
  ``(sentence, found) -> list[Found]``, where ``found`` is what the sentence already reports.
"""

from __future__ import annotations

from toolkit.quotes._attribution import Attribution, Found, make, span_of
from toolkit.quotes._grammar.content import (
    aside,
    clause_start,
    content_after,
    content_before,
    content_end,
    ends_clause,
    naming_content,
    trim,
)
from toolkit.quotes._grammar.cue_speakers import cue_speaker
from toolkit.quotes._grammar.hedges import hedge_subject, hedges
from toolkit.quotes._grammar.mentions import names_source
from toolkit.quotes._grammar.nominal import nominal_cues, owner_span
from toolkit.quotes._grammar.phrases import speaker_before
from toolkit.quotes._grammar.questions import questions
from toolkit.quotes._grammar.subjects import sentence_subject
from toolkit.quotes._grammar.topics import noun_phrase, topic_cues
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._sentences import Sentence
from toolkit.quotes._tokens import DASHES, Cue, Phrase, Token

Regions = list[tuple[int, int]]

# --- the reported cascade: where the clause a speech cue reports lies -----------------------


def reporting_phrase(s: Sentence, cue: Cue) -> Phrase | None:
    """The speaker phrase of a cue that may report a clause, or None: not a cue that only
    introduces quotations ("the crowd chanted"), not the writer ("we"), not a view with no
    one to hold it ("Oil pushed higher"), not a cue right before a quotation."""
    tokens, n = s.tokens, len(s.tokens)
    if cue.base in lexicon().classes.direct_only and not naming_content(tokens, cue, n):
        return None  # "the crowd chanted ...": attributes quotations only
    phrase = cue_speaker(tokens, s.cues, cue)
    if phrase is None or _first_person(tokens, phrase):
        return None  # outside quote marks, "we" is the writer
    if cue.cls != "speech" and cue.order == "verb" and not names_source(tokens, phrase):
        return None  # "Oil pushed higher", "The deal supports jobs": no one holds a view
    nxt = cue.j
    while nxt < n and tokens[nxt].text in (",", ":", "that"):
        nxt += 1
    if nxt < n and tokens[nxt].kind == "quote":
        return None  # 'a woman shouted "Wait!"': the cue introduces a quotation
    return phrase


def reported_clauses(s: Sentence, cue: Cue, phrase: Phrase, regions: Regions) -> list[Found]:
    """The reported clauses ``regions`` of ``cue``, as :class:`Found` items: not those that hold
    a quotation (which speaks for its clause) nor those that hold the speaker."""
    tokens = s.tokens
    found = []
    for start, stop in regions:
        if any(t.kind == "quote" and t.quote not in s.not_quotations for t in tokens[start:stop]):
            continue  # the quotation in this clause speaks for it
        if phrase.i < stop and phrase.j > start:
            continue
        found.append(Found(*span_of(tokens, start, stop), "indirect", make(tokens, phrase, cue)))
    return found


def _first_person(tokens: list[Token], phrase: Phrase) -> bool:
    head = tokens[phrase.head_i : phrase.head_j]
    return len(head) == 1 and head[0].lower in lexicon().classes.first_person


def _listed(region: tuple[int, int] | None) -> Regions:
    return [region] if region is not None else []


def clause_around_aside(s: Sentence, cue: Cue, phrase: Phrase) -> Regions | None:
    """ "The plan, officials said, would cost $5bn": an attribution between commas splits the
    clause it reports in two."""
    if cue.participle:
        return None
    return aside(s.tokens, s.cues, cue, phrase, len(s.tokens))


def clause_before_according_to(s: Sentence, cue: Cue, phrase: Phrase) -> Regions | None:
    """ "The plan is dead, according to Smith.": the clause before a source cue and its comma."""
    tokens = s.tokens
    if cue.order != "before" or cue.i == 0:
        return None
    if tokens[cue.i - 1].text != "," and tokens[cue.i - 1].text not in DASHES:
        return None
    return _listed(content_before(tokens, cue.i - 1, clause_start(tokens, cue.i - 1)))


def clause_after_according_to(s: Sentence, cue: Cue, phrase: Phrase) -> Regions | None:
    """ "According to Smith, the plan is dead.": the clause after a source cue, its source
    and a comma (without a comma, the cue reports nothing)."""
    tokens, n = s.tokens, len(s.tokens)
    if cue.order != "before":
        return None
    if phrase.j < n and tokens[phrase.j].text == ",":
        start = phrase.j + 1
        return _listed(trim(tokens, start, content_end(tokens, start, s.cues, n)))
    return []


def clause_before_said_name(s: Sentence, cue: Cue, phrase: Phrase) -> Regions | None:
    """ "The plan is dead, said Smith.": the clause before an inverted attribution (with no
    comma before the cue, it reports nothing)."""
    tokens = s.tokens
    if phrase.i < cue.j:
        return None
    if cue.i > 0 and tokens[cue.i - 1].text == ",":
        return _listed(content_before(tokens, cue.i - 1, clause_start(tokens, cue.i - 1)))
    return []


def clause_before_name_said(s: Sentence, cue: Cue, phrase: Phrase) -> Regions | None:
    """ "The plan is dead, Smith said (on Monday).": the clause before an attribution that ends
    the sentence, after a comma."""
    tokens = s.tokens
    comma = phrase.i - 1
    if (
        comma < 0
        or tokens[comma].text != ","
        or cue.participle
        or not ends_clause(tokens, cue.j, len(tokens), cue)
    ):
        return None
    return _listed(content_before(tokens, comma, clause_start(tokens, comma)))


def naming_clause(s: Sentence, cue: Cue, phrase: Phrase) -> Regions | None:
    """ "Ruiz called it a mistake": what a naming verb says about its object."""
    if cue.base not in lexicon().classes.direct_only:
        return None
    if cue.participle and phrase.i > cue.i:
        return []
    stop = content_end(s.tokens, cue.j, s.cues, len(s.tokens))
    return _listed(naming_content(s.tokens, cue, stop))


def clause_after_cue(s: Sentence, cue: Cue, phrase: Phrase) -> Regions | None:
    """ "Smith said (on Monday) (that) the plan is dead.", "Ruiz wants to double the park": the
    clause after the cue, up to a semicolon or the next cue's comma."""
    if cue.participle and phrase.i > cue.i:
        return []
    stop = content_end(s.tokens, cue.j, s.cues, len(s.tokens))
    return _listed(content_after(s.tokens, cue, stop))


# --- the clause cascade: clauses reported without a speech verb ------------------------------


def speech_noun_clause(s: Sentence, found_before: list[Found]) -> list[Found]:
    """ "his claim that the vote was rigged", "Ruiz's pledge to cut fares": what a speech
    noun owned by a possessive reports."""
    tokens, cues, named = s.tokens, s.cues, s.not_quotations
    found = []
    n = len(tokens)
    for owner, noun in nominal_cues(tokens):
        if noun + 1 >= n or tokens[noun + 1].lower not in ("that", "to"):
            continue
        start = noun + 2 if tokens[noun + 1].lower == "that" else noun + 1
        stop = content_end(tokens, start, cues, n)
        subject = sentence_subject(tokens, noun)
        if subject is not None and subject[0] <= owner < subject[1] + 1:
            # "Ruiz's claim that the vote was rigged was false": the noun phrase is the
            # subject, so its clause ends before the main verb (the last finite one).
            lex = lexicon()
            verbs = [
                m
                for m in range(start, stop)
                if tokens[m].lower in lex.classes.be | lex.classes.finite
            ]
            if len(verbs) >= 2:
                stop = verbs[-1]
        region = trim(tokens, start, stop)
        if region is None:
            continue
        if any(t.kind == "quote" and t.quote not in named for t in tokens[region[0] : region[1]]):
            continue  # the quotation speaks for it
        attribution = Attribution(owner_span(tokens, owner), span_of(tokens, noun, noun + 1))
        found.append(
            Found(tokens[region[0]].start, tokens[region[1] - 1].end, "indirect", attribution)
        )
    return found


def hedge(s: Sentence, found_before: list[Found]) -> list[Found]:
    """ "The bill is expected to pass", "The plan seems to work": a hedge with no source. Its
    subject and what follows it are two quotations with no speaker, as around an attribution
    in the middle of a clause; a hedge inside a clause already reported with a speaker is
    theirs ("Berg said the plan seems to work")."""
    return _unclaimed(_hedged(s), found_before)


def _hedged(s: Sentence) -> list[Found]:
    tokens, cues, named = s.tokens, s.cues, s.not_quotations
    found = []
    n = len(tokens)
    for cue_i, cue_j, start in hedges(tokens):
        content = trim(tokens, start, content_end(tokens, start, cues, n))
        if content is None:
            continue
        if any(t.kind == "quote" and t.quote not in named for t in tokens[content[0] : content[1]]):
            continue  # the quotation in this clause speaks for it
        attribution = Attribution(None, span_of(tokens, cue_i, cue_j))
        subject = hedge_subject(tokens, cue_i) if start == cue_j else None
        for a, b in (subject, content) if subject is not None else (content,):
            found.append(Found(tokens[a].start, tokens[b - 1].end, "indirect", attribution))
    return found


def _unclaimed(hedged: list[Found], reported: list[Found]) -> list[Found]:
    """The hedges that no reported clause with a speaker holds: in "Berg said the plan seems to
    work", the view is Berg's, already reported; only a hedge nobody voices is unsourced."""
    sourced = [f for f in reported if f.attribution and f.attribution.speaker is not None]
    return [h for h in hedged if not any(f.start <= h.start and h.end <= f.end for f in sourced)]


def question(s: Sentence, reported: list[Found]) -> list[Found]:
    """ "Asked whether the port would reopen, Ruiz said ...", "when asked by an interviewer whether
    ...": the question put to someone, with the asker after "by" as its speaker, or none.
    ``reported``: what the sentence already reports (not found twice)."""
    tokens, cues, named = s.tokens, s.cues, s.not_quotations
    found: list[Found] = []
    asked_here = questions(tokens)
    if not asked_here:
        return found
    n = len(tokens)
    seen = {(f.start, f.end) for f in reported}
    for cue, start, asker in asked_here:
        stop = content_end(tokens, start, cues, n)
        # the participle's clause is an adverbial: it ends at its comma ("When asked about
        # the budget, Ruiz smiled.")
        stop = next((m for m in range(start, stop) if tokens[m].text == ","), stop)
        content = trim(tokens, start, stop)
        if content is None:
            continue
        if any(t.kind == "quote" and t.quote not in named for t in tokens[content[0] : content[1]]):
            continue  # the quotation in this clause speaks for it
        span = (tokens[content[0]].start, tokens[content[1] - 1].end)
        if span in seen:
            continue
        speaker = span_of(tokens, *asker) if asker else None
        attribution = Attribution(speaker, span_of(tokens, cue, cue + 1))
        found.append(Found(span[0], span[1], "indirect", attribution))
    return found


def topic(s: Sentence, reported: list[Found]) -> list[Found]:
    """ "Ruiz talked about the budget", "Ruiz railed against the new tax", "Ruiz is critical of
    the plan", "her criticism of the plan": the noun phrase after the cue's preposition, with
    the subject (or the possessor) as its speaker, who must be able to hold a view."""
    tokens, cues = s.tokens, s.cues
    found = []
    seen = {(f.start, f.end) for f in reported}
    for topic in topic_cues(tokens):
        cue = topic.cue
        region = noun_phrase(tokens, cue.j, cues)
        if region is None:
            continue
        if topic.kind == "noun":
            speaker = owner_span(tokens, topic.owner)
            attribution = Attribution(speaker, span_of(tokens, cue.i, cue.j))
        else:
            if topic.kind == "verb":
                phrase = cue_speaker(tokens, cues, cue)
            else:
                phrase = speaker_before(tokens, cue)
            if (
                phrase is None
                or _first_person(tokens, phrase)
                or not names_source(tokens, phrase)
                or (phrase.i < region[1] and phrase.j > region[0])
            ):
                continue  # "The fund focuses on bonds": no one holds a view
            attribution = make(tokens, phrase, cue)
        span = (tokens[region[0]].start, tokens[region[1] - 1].end)
        if span in seen or any(f.start <= span[0] and span[1] <= f.end for f in reported):
            continue  # "Ruiz said she would vote for Reyes": the clause reported holds it
        seen.add(span)
        found.append(Found(span[0], span[1], "indirect", attribution))
    return found
