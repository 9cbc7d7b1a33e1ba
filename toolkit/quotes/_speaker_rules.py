"""The speaker rules: who speaks a quotation, read from its own sentence.

Each rule is a function ``(sentence, k) -> Attribution | None`` for the quotation at token
``k`` of a :class:`~toolkit.quotes._sentences.Sentence`; :mod:`toolkit.quotes.rules` names
them and gives their order (the ``speaker`` and ``source`` cascades). A rule answers None when
its pattern is not there, and the next one is tried.

The rules run from the words nearest the quotation outwards: an attribution right after it
('"...," Smith said'), a dash or an unlisted verb after it, an attribution between commas, a
cue for the whole sentence ("according to"), a subject and a verb introducing it, the nearest
cue before it, a cue closing the sentence, and, with no cue at all, a possessive speech noun,
a colon, or a subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.quotes._attribution import Attribution, make, span_of, speaker_only
from toolkit.quotes._grammar.content import aside, content_after, ends_clause
from toolkit.quotes._grammar.cue_speakers import cue_speaker
from toolkit.quotes._grammar.cues import introduces, inverts
from toolkit.quotes._grammar.mentions import (
    head_of,
    looks_like_name,
    looks_like_speaker,
    names_source,
)
from toolkit.quotes._grammar.nominal import nominal_cues, owner_span
from toolkit.quotes._grammar.phrases import speaker_after, speaker_before
from toolkit.quotes._grammar.subjects import sentence_subject
from toolkit.quotes._grammar.words import is_adverb, not_an_actor
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._sentences import Sentence
from toolkit.quotes._tokens import DASHES, SOFT_PUNCT, Cue, Phrase, Token

# --- an attribution right after the quotation ---------------------------------------------


@dataclass(slots=True)
class _After:
    """The attribution right after a quotation, ending at token ``end``; ``inverted`` for
    "said Smith", not for "Smith said"."""

    attribution: Attribution
    end: int
    inverted: bool


def attribution_after(s: Sentence, k: int) -> _After | None:
    """The attribution right after the quotation at ``k`` ('"...," said Smith', '"...,"
    Smith said'), computed once per quotation: four rules and the reported clauses read it."""
    key = ("after", k)
    if key not in s.cache:
        s.cache[key] = _find_after_quote(s.tokens, s.cues, k)
    return s.cache[key]


def _find_after_quote(tokens: list[Token], cues: list[Cue], k: int) -> _After | None:
    """'"...," said Smith', '"...," Smith said', '"...," the mayor, a Democrat, told
    reporters': the first speech cue within 30 tokens after the quotation, with its speaker
    right after the quotation (and its comma) or right after the cue."""
    n = len(tokens)
    m = k + 2 if k + 1 < n and tokens[k + 1].text == "," else k + 1
    cue = next((c for c in cues if c.i >= m and c.i - m <= 30 and c.cls == "speech"), None)
    if cue is None:
        return None
    if cue.i == m and cue.order == "verb" and not cue.participle and inverts(cue):
        phrase = cue_speaker(tokens, cues, cue)  # checks that "said X" ends its clause
        if phrase is not None and phrase.i >= cue.j:
            return _After(make(tokens, phrase, cue), max(phrase.j, cue.j), True)
    phrase = speaker_before(tokens, cue, first=m)
    if phrase is None or phrase.i != m:
        return None
    if (
        cue.j < n
        and tokens[cue.j].text == ":"
        and any(c.j <= k and c.cls == "speech" and not c.participle for c in cues)
    ):
        return None  # 'After Reyes said ... "...," Ruiz said: "..."': Ruiz's is the next
    return _After(make(tokens, phrase, cue), cue.j, False)


def source_after_attribution(s: Sentence, k: int) -> Attribution | None:
    """'"...," Reyes said, according to the Herald.': a source that reports the attribution
    after the quotation is the quotation's source, as the one the reader is given for it.
    Between the two only an adverbial or a hearer may stand ("told reporters on Monday,")."""
    after = attribution_after(s, k)
    if after is None:
        return None
    tokens, lex = s.tokens, lexicon()
    cue = next((c for c in s.cues if c.order == "before" and c.i >= after.end), None)
    if cue is None:
        return None
    between = tokens[after.end : cue.i]
    if len(between) > 10 or any(
        t.kind == "quote"
        or (t.kind == "word" and t.text.islower() and (t.lower in lex.forms or t.lower == "that"))
        or (t.kind == "punct" and t.text not in SOFT_PUNCT | {",", "(", ")"})
        for t in between
    ):
        return None
    phrase = speaker_after(tokens, cue)
    return make(tokens, phrase, cue) if phrase is not None else None


def pronoun_after_introduced_quote(s: Sentence, k: int) -> Attribution | None:
    """'Ruiz said "We never saw it," she said.': when the attribution after a quotation only
    repeats its speaker with a pronoun, the cue that introduced the quotation before it gives
    the speaker; a following quotation inherits the pronoun's."""
    after = attribution_after(s, k)
    if after is None or after.attribution.speaker is None:
        return None
    head = next(t for t in s.tokens if t.start == after.attribution.speaker[0])
    if head.lower not in lexicon().classes.person_pronoun:
        return None
    before = _introduced_before(s, k)
    if before is not None:
        before.then = after.attribution
    return before


def _introduced_before(s: Sentence, k: int) -> Attribution | None:
    """'Ruiz said "We never saw it," she said.', 'When someone shouted, "Louder," Reyes joked':
    a quotation that a cue before it introduces (or whose lowercase words go on the clause a
    cue before it reports: 'Lopez wrote that the architect "won us over," she said') is that
    cue's speaker's, even when another attribution follows it."""
    tokens, cues = s.tokens, s.cues
    continues = s.quoted[k][:1].islower()
    for cue in reversed(cues):
        if cue.j > k or cue.cls != "speech" or cue.order != "verb":
            continue
        adjacent = introduces(tokens, cue, k)
        if not adjacent and any(
            t.kind == "quote" or t.text in (";", ":") for t in tokens[cue.j : k]
        ):
            break
        if not (adjacent or continues):
            continue
        phrase = cue_speaker(tokens, cues, cue)
        if phrase is not None and phrase.j <= cue.i:
            return make(tokens, phrase, cue)
        return None
    return None


def comma_said_name(s: Sentence, k: int) -> Attribution | None:
    """'"...," said Smith': the cue right after the quotation, its speaker after it."""
    after = attribution_after(s, k)
    return after.attribution if after is not None and after.inverted else None


def comma_name_said(s: Sentence, k: int) -> Attribution | None:
    """'"...," Smith said', '"...," the mayor, a Democrat, told reporters': the speaker right
    after the quotation, its cue after it."""
    after = attribution_after(s, k)
    return after.attribution if after is not None and not after.inverted else None


def dash_name(s: Sentence, k: int) -> Attribution | None:
    """'"..." ― Maria Lopez': a name after a dash closes the sentence."""
    tokens = s.tokens
    m = k + 1
    if m >= len(tokens) or tokens[m].text not in DASHES | {"-"}:
        return None
    j = m + 1
    while j < len(tokens) and (
        (tokens[j].kind == "word" and tokens[j].text[0].isupper()) or tokens[j].text in (".", "-")
    ):
        j += 1
    while j > m + 1 and tokens[j - 1].kind == "punct":
        j -= 1
    rest = tokens[j:]
    if j == m + 1 or j - m > 6 or any(t.kind != "punct" for t in rest):
        return None
    return speaker_only(tokens, m + 1, j)


def unlisted_verb(s: Sentence, k: int) -> Attribution | None:
    """'"...," Smith quipped.', '"...," the candidate mused on ...', '"...," opined the
    Gazette.': after a quotation that opens its sentence (or follows a colon) and ends with a
    comma, a speaker and a verb in the past or present tense, in either order, even when the
    verb is not listed."""
    tokens = s.tokens
    opens = k == 0 or tokens[k - 1].text == ":"
    if not opens or not s.quoted[k].rstrip().endswith((",", "!", "?", "—", "-")):
        return None
    m = k + 1
    if m >= len(tokens) or tokens[m].kind != "word":
        return None
    first, lex = tokens[m], lexicon()
    if (
        first.text.islower()
        and first.lower.endswith(("ed", "s"))
        and first.lower not in lex.pronouns
    ):
        cue = Cue(m, m + 1, first.lower, "speech", "verb", form=first.lower)
        phrase = speaker_after(tokens, cue)
        if phrase is not None and looks_like_name(tokens, phrase.i, phrase.j, lex):
            return make(tokens, phrase, cue)
        return None
    j = _unlisted_verb_after_speaker(tokens, m)
    if j is None or not looks_like_speaker(tokens, m, j, lex):
        return None
    cue = Cue(j, j + 1, tokens[j].lower, "speech", "verb", form=tokens[j].lower)
    return make(tokens, Phrase(m, j, *head_of(tokens, m, j, lex)), cue)


def _unlisted_verb_after_speaker(tokens: list[Token], m: int) -> int | None:
    """The token of the verb after a speaker phrase starting at ``m`` ("Smith quipped", "the
    sign read."), within eight tokens, or None."""
    lex, n = lexicon(), len(tokens)
    first = tokens[m]
    for j in range(m + 1, min(n, m + 9)):
        token = tokens[j]
        if token.kind != "word" and token.text not in SOFT_PUNCT:
            return None
        if token.kind != "word" or not token.text.islower():
            continue
        if token.lower in lex.classes.stop or token.lower in lex.classes.preposition:
            return None
        if is_adverb(token, lex):
            continue
        particle = j + 1 < n and tokens[j + 1].lower in lex.classes.particle
        # '"...," the sign read.': the word that ends the sentence is the verb
        last = j + 1 < n and all(t.kind == "punct" for t in tokens[j + 1 :])
        if token.lower.endswith(("ed", "s")) or particle or last:
            return j
        if first.lower in lex.classes.article and j == m + 1:
            continue  # "the candidate": the noun after the article
        if first.text[0].isupper() or first.lower in lex.pronouns:
            return None
    return None


# --- an attribution around the quotation --------------------------------------------------


def aside_speaker(s: Sentence, k: int) -> Attribution | None:
    """'The Herald, Ruiz said, called the ruling "deeply unfair."': an attribution between commas
    speaks for the whole clause around it, other cues in that clause included."""
    tokens, cues = s.tokens, s.cues
    for cue in cues:
        if cue.cls != "speech" or cue.order != "verb" or cue.participle:
            continue
        phrase = cue_speaker(tokens, cues, cue)
        if phrase is None or phrase.relative:
            continue
        regions = aside(tokens, cues, cue, phrase, len(tokens))
        if regions and any(start <= k < stop for start, stop in regions):
            return make(tokens, phrase, cue)
    return None


def according_to(s: Sentence, k: int) -> Attribution | None:
    """'According to Smith, the plan is "dead"': a cue for the whole sentence, unless it stands
    in what another speaker says ('X said that according to its own count, ... "..."')."""
    tokens, cues = s.tokens, s.cues
    for cue in cues:
        if cue.order != "before":
            continue
        if cue.i < k and any(c.cls == "speech" and c.order == "verb" and c.i < cue.i for c in cues):
            return None
        phrase = cue_speaker(tokens, cues, cue)
        if phrase is not None:
            return make(tokens, phrase, cue)
    return None


def introducer(s: Sentence, k: int) -> Attribution | None:
    """'Ruiz shot back, "..."', 'The crowd chanted: "..."': with no cue in the clause before a
    quotation, a subject followed by one to three lowercase words introduces it (after a
    colon, up to fifteen: 'but she paid her rival a grudging compliment: "..."')."""
    tokens = s.tokens
    if k < 2 or tokens[k - 1].text not in (",", ":"):
        return None
    start = k - 2
    while start >= 0 and tokens[start].kind == "word":
        start -= 1
    start += 1
    if any(start <= cue.i < k for cue in s.cues):
        return None
    words = tokens[start : k - 1]
    span = sentence_subject(words, len(words))
    if span is None or not _introducing_verb(
        words[span[1] :], after_colon=tokens[k - 1].text == ":"
    ):
        return None
    if words[span[0]].lower in lexicon().classes.empty_subject:
        return None
    return speaker_only(words, *span)


def _introducing_verb(rest: list[Token], after_colon: bool) -> bool:
    """Do the words after the subject introduce a quotation: "shot back", "chanted"; after a
    colon, a lowercase predicate ("paid her rival a grudging compliment")? Not "being", nor a
    form of "be", a function word or a finite verb first."""
    lex = lexicon()
    if rest and rest[0].lower in lex.classes.be | lex.classes.function | lex.classes.finite:
        return False
    if after_colon and 1 <= len(rest) <= 15 and rest[0].text.islower():
        return True
    if not 1 <= len(rest) <= 3 or not all(t.text.islower() for t in rest):
        return False
    return rest[0].lower.endswith(("ed", "s")) or (
        len(rest) == 2 and rest[1].lower in lex.classes.particle
    )


# --- a cue elsewhere in the sentence --------------------------------------------------------


def cue_before(s: Sentence, k: int) -> Attribution | None:
    """'Smith said: "..."', 'Smith called the plan "a disaster"': the nearest cue before the
    quotation, finite speech verbs first ("Ruiz claimed that leaflets calling ..." is Ruiz's
    claim), then participles, then cues of belief, evidence and judgement; a cue in the main
    clause, whose speaker is the sentence's subject, before one in a side clause."""
    candidates = _cue_speakers_before(s, k)
    if not candidates:
        return None
    tokens = s.tokens
    subject = sentence_subject(tokens, len(tokens))
    adjacent = [(c, p) for c, p in candidates if introduces(tokens, c, k)]
    if adjacent:
        candidates = adjacent  # '..., which is a result, she said, "we always expected."'
    elif subject is not None and not _opens_clause(tokens, candidates[0][1], candidates[0][0], k):
        # 'Ms. Ruiz tells parents who ask why ... that "..."' is Ms. Ruiz's; but the nearest
        # cue wins when its speaker opens a clause of its own: 'Reyes said ..., but he added
        # that ... "..."', 'Ruiz accuses Reyes ... and Lopez says she's "..."'.
        main = [(c, p) for c, p in candidates if p.head_i < subject[1] and p.head_j > subject[0]]
        candidates = main + [item for item in candidates if item not in main]
    cue, phrase = candidates[0]
    return make(tokens, phrase, cue)


def _cue_speakers_before(s: Sentence, k: int) -> list[tuple[Cue, Phrase]]:
    """The cues before the quotation at ``k`` that have a speaker, nearest first within each
    rank; a cue that is no speech verb or judgement needs a clause after it. "you" is anyone
    ('She notes that the rules are strict: you can't say "maybe"'), so it comes last."""
    tokens, cues = s.tokens, s.cues
    before = [cue for cue in reversed(cues) if cue.j <= k]
    ranked = (
        [c for c in before if c.cls == "speech" and not c.participle]
        + [c for c in before if c.cls == "speech" and c.participle]
        + [c for c in before if c.cls not in ("speech", "intention", "stance")]
    )
    candidates = []
    for cue in ranked:
        phrase = cue_speaker(tokens, cues, cue)
        if phrase is not None and (
            cue.cls in ("speech", "evaluation") or content_after(tokens, cue, len(tokens))
        ):
            candidates.append((cue, phrase))
    return [(c, p) for c, p in candidates if tokens[p.head_i].lower != "you"] or candidates


def _opens_clause(tokens: list[Token], phrase: Phrase, cue: Cue, k: int) -> bool:
    """Does the speaker phrase open a clause that runs on to the quotation at ``k`` ('..., but
    he added', '... and Lopez says', 'who he noted')? A relative pronoun as the speaker does
    not ('parents who ask'), nor a clause closed by a comma before the quotation ('the
    decision, which some have called a stunt, was an "outrage"')."""
    if phrase.relative or phrase.i == 0 or tokens[phrase.head_i].lower == "you":
        return False  # 'the rule that you can't say "maybe"': anyone, not a speaker
    if any(t.text == "," for t in tokens[cue.j : k]):
        return False
    before = tokens[phrase.i - 1]
    return before.text in (",", ";", ":") or (
        before.kind == "word"
        and before.text.islower()
        and before.lower in lexicon().classes.subject_link
    )


def closing_cue(s: Sentence, k: int) -> Attribution | None:
    """'The plan is "dead" and buried, Smith said.': a speech cue after the quotation that
    closes the sentence."""
    for cue in s.cues:
        if cue.i > k and cue.cls == "speech":
            attribution = closing_attribution(s, cue)
            if attribution is not None:
                return attribution
    return None


def closing_attribution(s: Sentence, cue: Cue) -> Attribution | None:
    """The attribution of a cue that closes the sentence: '..., Smith said.', '..., said
    Smith.'; None if ``cue`` is not one."""
    tokens = s.tokens
    phrase = cue_speaker(tokens, s.cues, cue)
    if phrase is None or cue.participle:
        return None
    n = len(tokens)
    if phrase.i >= cue.j:  # "..., said Smith."
        ok = cue.i > 0 and tokens[cue.i - 1].text == "," and ends_clause(tokens, phrase.j, n)
    else:
        ok = phrase.i > 0 and tokens[phrase.i - 1].text == "," and ends_clause(tokens, cue.j, n)
    return make(tokens, phrase, cue) if ok else None


def intention_or_stance(s: Sentence, k: int) -> Attribution | None:
    """'Ruiz wants the council to "fix the roads"': an intention or a stance before the
    quotation, whose speaker can hold one, with a clause or an object after it."""
    tokens, cues = s.tokens, s.cues
    for cue in reversed(cues):
        if cue.j > k or cue.cls not in ("intention", "stance"):
            continue
        phrase = cue_speaker(tokens, cues, cue)
        if (
            phrase is not None
            and names_source(tokens, phrase)
            and content_after(tokens, cue, len(tokens))
        ):
            return make(tokens, phrase, cue)
    return None


# --- no cue: a possessive noun, a colon, a subject ----------------------------------------------


def possessive_noun(s: Sentence, k: int) -> Attribution | None:
    """'Ruiz's pledge to be "open"', 'his call for "a fair deal"', 'Ruiz's "no new taxes"
    pledge', 'his warning that farms would face "a decade of decline"': a speech noun owned by
    a possessive, which is the speaker."""
    tokens = s.tokens
    for owner, noun in nominal_cues(tokens):
        if (
            _noun_right_before(tokens, noun, k)
            or _noun_clause_holds(s, noun, k)
            or (owner == k - 1 and noun == k + 1)
        ):
            return Attribution(owner_span(tokens, owner), span_of(tokens, noun, noun + 1))
    return None


def _noun_right_before(tokens: list[Token], noun: int, k: int) -> bool:
    """ "her promise to scrap the "parking fee"", "his call for "a fair deal"": up to four
    lowercase words, none a verb, between the noun and the quotation."""
    lex = lexicon()
    between = tokens[noun + 1 : k]
    return (
        noun < k
        and len(between) <= 4
        and all(
            t.kind == "word"
            and t.text.islower()
            and (t.lower in lex.classes.noun_link or t.lower not in lex.forms)
            for t in between
        )
    )


def _noun_clause_holds(s: Sentence, noun: int, k: int) -> bool:
    """ "his warning that farms would face "a decade of decline"": the quotation stands in the
    noun's that-clause, with no other quotation, clause break or cue between."""
    tokens = s.tokens
    between = tokens[noun + 1 : k]
    return (
        noun + 1 < k
        and tokens[noun + 1].lower == "that"
        and len(between) <= 15
        and not any(t.kind == "quote" or t.text in (";", ":") for t in between)
        and not any(noun < cue.i < k for cue in s.cues)
    )


def _colon_before(tokens: list[Token], k: int) -> int | None:
    """The last colon before token ``k``, unless there is none or it opens the sentence."""
    colon = next((n for n in range(k - 1, -1, -1) if tokens[n].text == ":"), None)
    return None if colon == 0 else colon


def colon_speaker_tag(s: Sentence, k: int) -> Attribution | None:
    """'Ruiz: Budget is a "total mess"': a sentence that opens with a short run of
    capitalised words and a colon is what that name says."""
    tokens = s.tokens
    colon = _colon_before(tokens, k)
    if colon is None or colon >= 7:
        return None
    if all(
        (t.kind == "word" and t.text[0].isupper()) or t.text in (".", "’s", "'s")
        for t in tokens[:colon]
    ) and not _section_label(tokens[:colon]):
        return speaker_only(tokens, 0, colon)  # not a label: "READ MORE: ...", "WATCH: ..."
    return None


def colon_subject(s: Sentence, k: int) -> Attribution | None:
    """'She also talked up her chances: "..."': with no cue, the subject of a sentence that
    introduces the quotation with a colon right before it."""
    tokens = s.tokens
    colon = _colon_before(tokens, k)
    if colon is None or colon != k - 1:
        return None
    span = sentence_subject(tokens, colon)
    if span is None or tokens[span[0]].lower in lexicon().classes.empty_subject:
        return None
    if _section_label(tokens[span[0] : span[1]]):
        return None  # "READ MORE: ..."
    return speaker_only(tokens, *span)


def _section_label(words: list[Token]) -> bool:
    """Are these words a page's label ("READ MORE", "The Latest"), not a speaker?"""
    classes = lexicon().classes
    return all(t.lower in classes.section_label or t.lower in classes.article for t in words)


def clause_subject(s: Sentence, k: int) -> Attribution | None:
    """'Although she waved away the report as "..."', 'Reyes will stay on if he can persuade
    ... "..."': a personal pronoun that opens the clause nearest before the quotation
    (after a conjunction, a relative or a comma) is its subject, nearer than the sentence's."""
    tokens, lex = s.tokens, lexicon()
    for p in range(k - 2, 0, -1):
        token = tokens[p]
        if token.text in (";", ":"):
            return None
        if token.lower not in lex.classes.person_pronoun:
            continue
        before, after = tokens[p - 1], tokens[p + 1]
        if (
            (
                before.text == ","
                or (
                    before.lower in lex.classes.clause_link
                    and (before.text.islower() or p == 1)  # "Though he ..."
                )
            )
            and after.kind == "word"
            and after.text.islower()
            and after.lower not in lex.classes.preposition | lex.classes.stop
        ):
            return speaker_only(tokens, p, p + 1)
    return None


def subject_of_sentence(s: Sentence, k: int) -> Attribution | None:
    """'Ms. Ruiz has built her campaign around promises to "finish the job"': with no cue at
    all, a quotation inside a sentence belongs to the subject of its sentence."""
    if k == 0:
        return None
    tokens = s.tokens
    span = sentence_subject(tokens, k)
    if span is None or not_an_actor(tokens[span[0]]) or _section_label(tokens[span[0] : span[1]]):
        return None
    return speaker_only(tokens, *span)


# --- the source cascade: who reports a speaker named before the quotation --------------------


def closing_source(s: Sentence, k: int) -> Attribution | None:
    """'Fans sang "Bring him home," the Tribune reports.': a source named after the quotation
    by a cue that closes the sentence reports the whole of it."""
    tokens = s.tokens
    for cue in s.cues:
        if cue.i > k and cue.cls == "speech" and cue.order == "verb":
            closing = closing_attribution(s, cue)
            if closing is not None and closing.speaker[0] > tokens[k].end:
                return closing
    return None
