"""The reported-clause rules: what a sentence reports without quote marks, and who says it."""

from __future__ import annotations

from toolkit.quotes._attribution import Attribution, Found, make
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
from toolkit.quotes._tokens import DASHES, Cue, Phrase, Token


def reported_speech(tokens: list[Token], cues: list[Cue], named: set[int]) -> list[Found]:
    """Reported speech in one sentence: "X said (that) ...", "..., X said.", "according to X"."""
    found = []
    n = len(tokens)
    direct_only = lexicon().words["direct_only"]
    for cue in cues:
        if cue.base in direct_only and not naming_content(tokens, cue, n):
            continue  # "the crowd chanted ...": attributes quotations only
        phrase = cue_speaker(tokens, cues, cue)
        if phrase is None or _first_person(tokens, phrase):
            continue  # outside quote marks, "we" is the writer
        if cue.cls != "speech" and cue.order == "verb" and not names_source(tokens, phrase):
            continue  # "Oil pushed higher", "The deal supports jobs": no one holds a view
        nxt = cue.j
        while nxt < n and tokens[nxt].text in (",", ":", "that"):
            nxt += 1
        if nxt < n and tokens[nxt].kind == "quote":
            continue  # 'a woman shouted "Wait!"': the cue introduces a quotation
        for start, stop in _content(tokens, cues, cue, phrase, n):
            if any(t.kind == "quote" and t.quote not in named for t in tokens[start:stop]):
                continue  # the quotation in this clause speaks for it
            if phrase.i < stop and phrase.j > start:
                continue
            found.append(
                Found(
                    tokens[start].start,
                    tokens[stop - 1].end,
                    "indirect",
                    make(tokens, phrase, cue),
                )
            )
    return found


def _first_person(tokens: list[Token], phrase: Phrase) -> bool:
    head = tokens[phrase.head_i : phrase.head_j]
    return len(head) == 1 and head[0].lower in lexicon().words["first_person"]


def _content(
    tokens: list[Token], cues: list[Cue], cue: Cue, phrase: Phrase, n: int
) -> list[tuple[int, int]]:
    """The token ranges of what ``phrase`` says by ``cue``: usually one; two when the
    attribution stands in the middle ("The aim, she said, is a ceasefire by spring.")."""
    if not cue.participle:
        regions = aside(tokens, cues, cue, phrase, n)
        if regions is not None:
            return regions
    region = _one_content(tokens, cues, cue, phrase, n)
    return [region] if region is not None else []


def _one_content(
    tokens: list[Token], cues: list[Cue], cue: Cue, phrase: Phrase, n: int
) -> tuple[int, int] | None:
    if cue.order == "before":  # "according to X, ..." / "..., according to X."
        if cue.i > 0 and (tokens[cue.i - 1].text == "," or tokens[cue.i - 1].text in DASHES):
            return content_before(tokens, cue.i - 1, clause_start(tokens, cue.i - 1))
        if phrase.j < n and tokens[phrase.j].text == ",":
            start = phrase.j + 1
            return trim(tokens, start, content_end(tokens, start, cues, n))
        return None
    speaker_after = phrase.i >= cue.j
    if speaker_after:  # "..., said Smith."
        if cue.i > 0 and tokens[cue.i - 1].text == ",":
            return content_before(tokens, cue.i - 1, clause_start(tokens, cue.i - 1))
        return None
    before_phrase = phrase.i - 1
    if (
        before_phrase >= 0
        and tokens[before_phrase].text == ","
        and not cue.participle
        and ends_clause(tokens, cue.j, n, cue)
    ):  # "..., Smith said (on Monday)."
        return content_before(tokens, before_phrase, clause_start(tokens, before_phrase))
    if cue.participle and phrase.i > cue.i:
        return None
    stop = content_end(tokens, cue.j, cues, n)
    if cue.base in lexicon().words["direct_only"]:
        return naming_content(tokens, cue, stop)  # "called it a mistake"
    return content_after(tokens, cue, stop)


def nominal_reported(tokens: list[Token], cues: list[Cue], named: set[int]) -> list[Found]:
    """ "his claim that the vote was rigged", "Ruiz's pledge to cut fares": what a speech
    noun owned by a possessive reports."""
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
                if tokens[m].lower in lex.words["be"] | lex.words["finite"]
            ]
            if len(verbs) >= 2:
                stop = verbs[-1]
        region = trim(tokens, start, stop)
        if region is None:
            continue
        if any(t.kind == "quote" and t.quote not in named for t in tokens[region[0] : region[1]]):
            continue  # the quotation speaks for it
        attribution = Attribution(
            owner_span(tokens, owner), (tokens[noun].start, tokens[noun].end), how="noun"
        )
        found.append(
            Found(tokens[region[0]].start, tokens[region[1] - 1].end, "indirect", attribution)
        )
    return found


def hedged(tokens: list[Token], cues: list[Cue], named: set[int]) -> list[Found]:
    """ "The bill is expected to pass", "The plan seems to work": a hedge with no source. Its
    subject and what follows it are two quotations with no speaker, as around an attribution
    in the middle of a clause."""
    found = []
    n = len(tokens)
    for cue_i, cue_j, start in hedges(tokens):
        content = trim(tokens, start, content_end(tokens, start, cues, n))
        if content is None:
            continue
        if any(t.kind == "quote" and t.quote not in named for t in tokens[content[0] : content[1]]):
            continue  # the quotation in this clause speaks for it
        attribution = Attribution(None, (tokens[cue_i].start, tokens[cue_j - 1].end), how="hedge")
        subject = hedge_subject(tokens, cue_i) if start == cue_j else None
        for a, b in (subject, content) if subject is not None else (content,):
            found.append(Found(tokens[a].start, tokens[b - 1].end, "indirect", attribution))
    return found


def unclaimed(hedged: list[Found], reported: list[Found]) -> list[Found]:
    """The hedges that no reported clause with a speaker holds: in "Berg said the plan seems to
    work", the view is Berg's, already reported; only a hedge nobody voices is unsourced."""
    sourced = [f for f in reported if f.attribution and f.attribution.speaker is not None]
    return [h for h in hedged if not any(f.start <= h.start and h.end <= f.end for f in sourced)]


def asked(
    tokens: list[Token], cues: list[Cue], named: set[int], reported: list[Found]
) -> list[Found]:
    """ "Asked whether the port would reopen, Ruiz said ...", "when asked by an interviewer whether
    ...": the question put to someone, with the asker after "by" as its speaker, or none.
    ``reported``: what the sentence already reports (not found twice)."""
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
        speaker = (tokens[asker[0]].start, tokens[asker[1] - 1].end) if asker else None
        attribution = Attribution(speaker, (tokens[cue].start, tokens[cue].end), how="question")
        found.append(Found(span[0], span[1], "indirect", attribution))
    return found


def topical(tokens: list[Token], cues: list[Cue], reported: list[Found]) -> list[Found]:
    """ "Ruiz talked about the budget", "Ruiz railed against the new tax", "Ruiz is critical of
    the plan", "her criticism of the plan": the noun phrase after the cue's preposition, with
    the subject (or the possessor) as its speaker, who must be able to hold a view."""
    found = []
    seen = {(f.start, f.end) for f in reported}
    for topic in topic_cues(tokens):
        cue = topic.cue
        region = noun_phrase(tokens, cue.j, cues)
        if region is None:
            continue
        if topic.kind == "noun":
            speaker = owner_span(tokens, topic.owner)
            attribution = Attribution(
                speaker, (tokens[cue.i].start, tokens[cue.j - 1].end), how="topic noun"
            )
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
            attribution = make(tokens, phrase, cue, "topic")
        span = (tokens[region[0]].start, tokens[region[1] - 1].end)
        if span in seen or any(f.start <= span[0] and span[1] <= f.end for f in reported):
            continue  # "Ruiz said she would vote for Reyes": the clause reported holds it
        seen.add(span)
        found.append(Found(span[0], span[1], "indirect", attribution))
    return found
