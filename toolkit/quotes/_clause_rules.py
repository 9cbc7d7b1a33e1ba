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

import re

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
    verb_after_quote,
)
from toolkit.quotes._grammar.cue_speakers import cue_speaker
from toolkit.quotes._grammar.cues import introduces
from toolkit.quotes._grammar.hedges import hedge_subject, hedges
from toolkit.quotes._grammar.mentions import names_source
from toolkit.quotes._grammar.nominal import nominal_cues, owner_span
from toolkit.quotes._grammar.phrases import speaker_before
from toolkit.quotes._grammar.questions import questions
from toolkit.quotes._grammar.subjects import sentence_subject
from toolkit.quotes._grammar.topics import noun_phrase, topic_cues
from toolkit.quotes._grammar.words import is_adverb
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._sentences import Sentence
from toolkit.quotes._speaker_rules import attribution_after
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
    if (
        nxt < n
        and tokens[nxt].kind == "quote"
        and not _clause_goes_on(s, nxt)
        and aside(tokens, s.cues, cue, phrase, n) is None
    ):
        return None  # 'a woman shouted "Wait!"': the cue introduces a quotation
    return phrase


def _clause_goes_on(s: Sentence, k: int) -> bool:
    """Does the clause go on after the quotation at ``k`` ('predicts "evictions" will
    rise')? A verb follows it, and the quoted words do not end with punctuation ('said,
    "...," alluding to ...')."""
    tokens = s.tokens
    if k + 1 >= len(tokens) or s.quoted.get(k, "").rstrip()[-1:] in (",", ".", "!", "?", ";"):
        return False
    return verb_after_quote(tokens, k, lexicon())


def reported_clauses(s: Sentence, cue: Cue, phrase: Phrase, regions: Regions) -> list[Found]:
    """The reported clauses ``regions`` of ``cue``, as :class:`Found` items (not those that
    hold the speaker): ``"indirect"``, or ``"mixed"`` when quoted words stand in the clause
    beside words of the reporter's ('Ruiz said the plan was "dead on arrival"'); a clause
    that is all one quotation is left to it."""
    tokens = s.tokens
    found = []
    for region in regions:
        if phrase.i < region[1] and phrase.j > region[0]:
            continue
        attribution = make(tokens, phrase, cue)
        region = _before_other_speakers(s, region, attribution)
        if region is None:
            continue
        start, stop = region
        if _attributed_within(s, start, stop):
            continue  # '"...," Reyes said, according to the Times': a report of a report
        kind, quotes = clause_kind(s, start, stop)
        if kind is None:
            continue  # the quotation is the whole clause: it speaks for itself
        cls = _content_class(s, cue, phrase, kind, start, stop)
        found.append(
            Found(*span_of(tokens, start, stop), kind, attribution, cue_class=cls, quotes=quotes)
        )
    return found


def noun_phrase_only(tokens: list[Token], start: int, stop: int) -> bool:
    """Is what a speech verb reports a noun phrase, no clause ("denied the allegations",
    "added 10 points", "replied a minute later when ...")? It opens with a lowercase word or a
    number, and no word before an adverbial clause ("when", "as", "because") is a verb: a
    finite verb or a form of "be", a contraction ("he'll"), an irregular past ("held"), a
    word in -ed or -s (not after a determiner or a number), a listed verb, an infinitive or
    a personal pronoun. What opens with "to" ("urged to wait") or with a subordinator
    ("that ...", "if ...") is a clause."""
    lex = lexicon()
    first = tokens[start]
    if first.kind != "word" or not (first.text.islower() or first.text[0].isdigit()):
        return False
    if first.lower == "to" or first.lower in lex.classes.clause_link - lex.classes.conjunction:
        return False
    previous = None
    for k in range(start, stop):
        token = tokens[k]
        if token.kind == "quote":
            return False
        if token.kind == "word" and token.text.islower() and _adverbial_clause(tokens, k, lex):
            break
        if token.kind == "word" and _verb_like(token, previous, lex):
            return False
        previous = token
    return True


def _adverbial_clause(tokens: list[Token], k: int, lex) -> bool:
    """Does an adverbial clause open at ``k`` ("when Ruiz scored", "as the crowd cheered")?
    A subordinator, but not one that may be a preposition before a noun or a number ("since
    1946", "after the game"), nor a relative ("the market, in which ..., would grow") or
    "that" (a determiner too)."""
    lower = tokens[k].lower
    subordinators = lex.classes.clause_end - lex.classes.conjunction - {"until"}
    if lower in subordinators:
        return True
    if lower not in ("as", "since", "after", "before", "until"):
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        nxt is not None
        and nxt.kind == "word"
        and (
            nxt.lower in lex.pronouns
            or (
                nxt.lower in lex.classes.article
                and k + 2 < len(tokens)
                and tokens[k + 2].text[0].isupper()
            )
        )
    )


def _verb_like(token: Token, previous: Token | None, lex) -> bool:
    lower = token.lower
    if lower in lex.classes.finite | lex.classes.be or lower in lex.pronouns:
        return True
    if re.search(r"n[’']t$|[’'](ll|re|ve|d|m)$", lower) or lower in lex.classes.contraction:
        return True
    if not token.text.islower():
        return False
    if lower in lex.forms or lower in lex.classes.irregular_past:
        return True
    if previous is not None and previous.lower == "to" and lower not in lex.classes.det:
        return True  # "urging his parishioners to consider ..."
    after_det = previous is not None and (
        (previous.lower in lex.classes.det and previous.lower not in lex.classes.preposition)
        or previous.lower in lex.classes.number
        or previous.text[0].isdigit()
        or lower in lex.classes.time_unit
    )  # "the talks", "17 seconds", "a couple minutes later" are nouns; "of extraditions go" a verb
    return lower.endswith(("ed", "s")) and not lower.endswith(("ss", "us", "is")) and not after_det


def _content_class(s: Sentence, cue: Cue, phrase: Phrase, kind: str, start: int, stop: int) -> str:
    """The class of what a cue reports: a clause holding quoted words is speech; for a speech
    cue, a noun phrase is what was spoken about ("denied the allegations": topic), a
    to-infinitive right after the verb a commitment ("vowed to reopen": intention, but "urged
    voters to ..." is speech), and what data or records show is evidence ("the figures
    suggest ...")."""
    cls = _clause_class(kind, cue.cls)
    if cls != "speech" or kind != "indirect" or start < cue.j:
        return cls
    tokens, lex = s.tokens, lexicon()
    if noun_phrase_only(tokens, start, stop):
        return "topic"
    if tokens[start].lower == "to" and all(
        t.kind == "word" and is_adverb(t, lex) for t in tokens[cue.j : start]
    ):
        return "intention"
    if tokens[phrase.head_j - 1].lower in lex.classes.data_source:
        return "evidence"
    return cls


def _clause_class(kind: str, cue_class: str) -> str:
    """A clause holding someone's words in quote marks reports speech, whatever its cue
    ('Ruiz wants the council to "fix the roads"'); another clause, what its cue says."""
    return "speech" if kind == "mixed" else cue_class


def _before_other_speakers(
    s: Sentence, region: tuple[int, int], attribution: Attribution
) -> tuple[int, int] | None:
    """The clause ``region`` up to the first quotation in it that the sentence gives to another
    speaker ('After the council criticised the plan, Ruiz shot back, "..."': the council's
    clause is "the plan") or that a colon introduces; None if nothing is left."""
    start, stop = region
    tokens = s.tokens
    for k in range(start, stop):
        own = s.own_speakers.get(k)
        if own is not None and not _same_mention(own, attribution.speaker):
            # up to that speaker, when it stands before the quotation: '..., Ruiz shot back, "'
            cut = next((m for m in range(start, k) if tokens[m].end > own[0]), k)
            return trim(tokens, start, cut) if cut > start else None
        if tokens[k].kind == "quote" and k > start + 1 and tokens[k - 1].text == ":":
            return trim(tokens, start, k - 1)  # 'wants them to act: "Fix the roads."'
    return region


def _attributed_within(s: Sentence, start: int, stop: int) -> bool:
    """Does a quotation in ``tokens[start:stop]`` have its own attribution inside that stretch,
    a speech cue right before it or after its comma ('"...," Reyes said', 'Fans chanted,
    "..."')? Then the stretch reports that quotation, not a clause holding quoted words."""
    tokens = s.tokens
    for k in range(start, stop):
        if tokens[k].kind != "quote" or tokens[k].quote in s.not_quotations:
            continue
        after = attribution_after(s, k)
        if after is not None and after.attribution.cue[1] <= tokens[stop - 1].end:
            return True
        if any(
            cue.cls == "speech" and start <= cue.i and cue.j <= k and introduces(tokens, cue, k)
            for cue in s.cues
        ):
            return True
    return False


def _same_mention(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def clause_kind(s: Sentence, start: int, stop: int) -> tuple[str | None, tuple[int, ...]]:
    """Is ``tokens[start:stop]`` a reported clause without quotations ("indirect"), a
    clause with quoted words in it ("mixed", with the indexes of its quotations), or one
    quotation and nothing else (None)? Names and titles in quote marks are no quotations."""
    tokens = s.tokens[start:stop]
    quotes = tuple(
        t.quote
        for t in tokens
        if t.kind == "quote" and t.quote >= 0 and t.quote not in s.not_quotations
    )
    if not quotes:
        return "indirect", ()
    if not any(t.kind == "word" for t in tokens):
        return None, quotes
    return "mixed", quotes


def _first_person(tokens: list[Token], phrase: Phrase) -> bool:
    """Is the speaker the writer: "we", "I", "we're told"?"""
    head = tokens[phrase.head_i : phrase.head_j]
    if len(head) != 1:
        return False
    word = re.sub(r"[’'](re|ve|m|d|ll)$", "", head[0].lower)
    return word in lexicon().classes.first_person


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
    if phrase.i < cue.j:
        return None
    stop = _clause_stop(s, cue.i - 1)
    return [] if stop is None else _words_before(s, stop, cue.i - 1)


def clause_before_name_said(s: Sentence, cue: Cue, phrase: Phrase) -> Regions | None:
    """ "The plan is dead, Smith said (on Monday).", 'The plan is "dead," Smith said as he
    left.': the clause before an attribution that ends the sentence, after a comma, or
    before one that attributes the quotation closing the clause, whatever follows it."""
    tokens = s.tokens
    stop = _clause_stop(s, phrase.i - 1)
    if stop is None or cue.participle:
        return None
    if tokens[stop - 1].kind != "quote" and not ends_clause(tokens, cue.j, len(tokens), cue):
        return None
    regions = _words_before(s, stop, phrase.i - 1)
    if not regions and tokens[stop - 1].kind == "quote" and _clause_follows(tokens, cue):
        return None  # '"...," Issa said the plan is "dead"': the cue reports what follows
    return regions


def _words_before(s: Sentence, stop: int, k: int) -> Regions:
    """The clause before an attribution at token ``k + 1``, ending at ``stop``; none when it
    is only the quotation the attribution follows."""
    region = content_before(s.tokens, stop, clause_start(s.tokens, k))
    if region is None or not any(t.kind == "word" for t in s.tokens[region[0] : region[1]]):
        return []
    return [region]


def _clause_follows(tokens: list[Token], cue: Cue) -> bool:
    """Does a clause with a verb follow the cue ('said the plan is dead', 'said that ...'),
    rather than an adverbial ('said on Monday in an interview')?"""
    lex = lexicon()
    after = tokens[cue.j : cue.j + 12]
    if after and after[0].lower == "that":
        return True
    finite = lex.classes.finite | lex.classes.be
    return any(t.text.islower() and t.lower in finite for t in after)


def _clause_stop(s: Sentence, k: int) -> int | None:
    """Where the clause before an attribution at token ``k + 1`` ends: at a comma (``k``), or
    after a quotation whose words end with one ('... has been "hard on all of us," she said':
    ``k + 1``); None if neither stands at ``k``."""
    if k < 0:
        return None
    token = s.tokens[k]
    if token.text == ",":
        return k
    in_marks = s.quoted.get(k, "").rstrip()
    if token.kind == "quote" and in_marks.endswith((",", "?", "!", "—")):
        return k + 1
    return None


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
    tokens, cues = s.tokens, s.cues
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
        kind, quotes = clause_kind(s, *region)
        if kind is None:
            continue  # the quotation speaks for it
        attribution = Attribution(owner_span(tokens, owner), span_of(tokens, noun, noun + 1))
        cls = _clause_class(kind, lexicon().speech_nouns[tokens[noun].lower])
        found.append(
            Found(*span_of(tokens, *region), kind, attribution, cue_class=cls, quotes=quotes)
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
            found.append(Found(*span_of(tokens, a, b), "indirect", attribution, cue_class="hedge"))
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
        found.append(Found(span[0], span[1], "indirect", attribution, cue_class="question"))
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
        found.append(Found(span[0], span[1], "indirect", attribution, cue_class="topic"))
    return found
