"""Finding quotations in a text: marks, speakers, reported clauses, inheritance.

Private helper of :mod:`toolkit.quotes`, which turns what :func:`find` returns into
:class:`~toolkit.quotes.Quote` objects. The work, per text:

1. pair quote marks paragraph by paragraph (:mod:`toolkit.quotes._marks`);
2. mask each quotation, so that "Q, Smith said." reads as one token, and split sentences;
3. per sentence, find speech cues and speaker phrases (:mod:`toolkit.quotes._grammar`), attribute each
   quotation (:func:`_attribute`), decide whether it is a quotation at all (:func:`_classify`),
   and collect reported clauses (:func:`_reported`);
4. across sentences, give quotations without a cue the speaker of the quotation before them
   (:func:`_inherit`).

``Attribution.how`` records which rule found a speaker; the evaluation uses it to break
speaker accuracy down by rule.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from toolkit.quotes import _grammar
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._marks import QuotedSpan, quoted_spans
from toolkit.quotes._tokens import DASHES, MASK, SOFT_PUNCT, Cue, Phrase, Token, tokenize
from toolkit.text.segment import sentences


@dataclass(slots=True)
class Attribution:
    """A speaker mention and a cue, as character offsets."""

    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    name_span: tuple[int, int] | None = None  # where to look the actor up (the antecedent of "who")
    how: str = ""  # which rule found it, for debugging and evaluation
    # The mention a following quotation in the paragraph inherits, when it is not this one:
    # 'Ruiz said "...," she said. "..."': the first is Ruiz's, the second her "she"'s.
    then: Attribution | None = None


@dataclass(slots=True)
class Found:
    start: int
    end: int
    kind: str
    attribution: Attribution | None
    closed: bool = True
    paragraphs: int = 1


def _mask(text: str, spans: list[QuotedSpan]) -> str:
    pieces, position = [], 0
    for span in spans:
        pieces.append(text[position : span.outer_start])
        pieces.append(MASK * (span.outer_end - span.outer_start))
        position = span.outer_end
    pieces.append(text[position:])
    return "".join(pieces)


class _Paragraphs:
    """Which paragraph (line) an offset falls in."""

    def __init__(self, text: str) -> None:
        self.spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        self.starts = [s for s, _ in self.spans]

    def index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


def find(text: str) -> list[Found]:
    """Direct quotations and reported clauses of ``text``, each with its attribution."""
    paragraphs = _Paragraphs(text)
    spans = quoted_spans(text, paragraphs.spans)
    masked = _mask(text, spans).replace("\xa0", " ")  # punkt splits at no-break spaces too
    quote_at = {span.outer_start: n for n, span in enumerate(spans)}
    decisions: dict[int, tuple[str, Attribution | None]] = {}
    headlines = _headline_paragraphs(masked, paragraphs)
    reported: list[Found] = []
    events: dict[int, list[tuple[int, Attribution]]] = {}  # speakers named, per paragraph
    subjects: list[tuple[int, int, list[Token] | None]] = []  # sentences without quotations
    for start, end, tokens in _sentence_tokens(text, masked, spans, quote_at):
        headline = paragraphs.index(start) in headlines
        cues = _grammar.find_cues(tokens, headline)
        named = _speaker_quotes(text, spans, tokens, cues)
        not_quotations = set(named)
        attributions: dict[int, Attribution] = {}
        for k, token in enumerate(tokens):
            if token.kind == "quote" and token.quote >= 0:
                span = spans[token.quote]
                attribution = _attribute(tokens, cues, k, text[span.inner_start : span.inner_end])
                verdict = (
                    "not"
                    if token.quote in named
                    else _classify(text, span, tokens, k, cues, attribution, headline)
                )
                decisions[token.quote] = (verdict, attribution)
                if verdict == "not":
                    not_quotations.add(token.quote)
                if attribution is not None:
                    attributions[k] = attribution
        here = _reported(tokens, cues, not_quotations)
        here.extend(_nominal_reported(tokens, cues, not_quotations))
        here.extend(_unclaimed(_hedged(tokens, cues, not_quotations), here))
        here.extend(_asked(tokens, cues, not_quotations, here))
        here.extend(_topical(tokens, cues, here))
        reported.extend(here)
        # A sentence that attributes its own quotation names its speaker through it; a cue in a
        # side clause ('"...," Okafor promised the parents, once the parents had promised
        # Okafor that ...') must not become the speaker of the next quotation.
        event = None if attributions else _last_speaker(tokens, cues)
        if event is not None:
            events.setdefault(paragraphs.index(start), []).append((end, event))
        quoted_here = any(t.kind == "quote" for t in tokens)
        subjects.append((start, end, None if quoted_here else tokens))  # subject found on demand
    found = _inherit(text, spans, decisions, paragraphs, events, subjects)
    found.extend(reported)
    found.sort(key=lambda f: (f.start, f.end))
    return found


def _last_speaker(tokens: list[Token], cues: list[Cue]) -> Attribution | None:
    """The speaker a following paragraph of quotation may belong to: the last speech cue's
    speaker in the sentence ("Lopez said that ...", "Berg continued:"), or the subject
    of a sentence that ends with a colon ("In a statement, the university wrote:")."""
    speakers = [
        (cue, phrase)
        for cue in reversed(cues)
        if cue.cls == "speech"
        and (phrase := _cue_speaker(tokens, cues, cue)) is not None
        and not phrase.relative
    ]
    subject = _grammar.sentence_subject(tokens, len(tokens))
    if subject is not None:
        # 'Novak explained ... that delegates pledged to Ruiz may change sides.': the
        # sentence's subject, not the last cue's.
        main = [(c, p) for c, p in speakers if p.head_i < subject[1] and p.head_j > subject[0]]
        speakers = main + speakers
    for cue, phrase in speakers:
        return _make(tokens, phrase, cue, "paragraph before")
    if tokens[-1].text == ":":
        span = _grammar.sentence_subject(tokens, len(tokens) - 1)
        if span is not None:
            return Attribution(
                (tokens[span[0]].start, tokens[span[1] - 1].end), None, how="paragraph before"
            )
    return None


def _actor_subject(tokens: list[Token]) -> Attribution | None:
    """The subject of a sentence without quotations when it names someone who could speak:
    a name or a description ("Ruiz", "The union leader", "she"), not "it" or "there"."""
    span = _grammar.sentence_subject(tokens, len(tokens))
    if span is None or _not_an_actor(tokens[span[0]]):
        return None
    if any(t.kind != "word" or t.lower in lexicon().forms for t in tokens[span[0] : span[1]]):
        return None
    return Attribution(
        (tokens[span[0]].start, tokens[span[1] - 1].end), None, how="sentence before"
    )


def _not_an_actor(token: Token) -> bool:
    """ "It", "There's", "That's", "we": a subject that names no one who could speak."""
    lower = token.lower
    if lower.endswith(("'s", "’s")):
        lower = lower[:-2]
    return lower in lexicon().words["not_actor"]


def _sentence_spans(text: str, masked: str, spans: list[QuotedSpan]) -> list[tuple[int, int]]:
    """Sentences of the masked text, also split after a quotation that ends a sentence
    (its last word is followed by a period and the next word has a capital)."""
    cuts = []
    for span in spans:
        if text[span.inner_start : span.inner_end].endswith((".", ".)")):
            after = masked[span.outer_end : span.outer_end + 120]
            stripped = after.lstrip(" ")
            if (
                stripped[:1].isupper() or stripped[:1] == MASK
            ) and not _grammar.opens_with_attribution(after):
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


def _sentence_tokens(
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
    return bool(word) and _grammar.is_abbreviation(word[-1])


def _speaker_quotes(
    text: str, spans: list[QuotedSpan], tokens: list[Token], cues: list[Cue]
) -> set[int]:
    """Quotations that stand where a speaker does: 'talks failed, reports "Reuters".' A short
    name-like quotation right after a cue that may precede its speaker, ending the sentence."""
    named = set()
    for cue in cues:
        k = cue.j
        if (
            k >= len(tokens)
            or tokens[k].kind != "quote"
            or tokens[k].quote < 0
            or not _inverts(cue)
        ):
            continue
        if k + 1 < len(tokens) and tokens[k + 1].kind != "punct":
            continue
        if cue.i == 0 or tokens[cue.i - 1].text != ",":
            continue
        span = spans[tokens[k].quote]
        words = _WORDS.findall(text[span.inner_start : span.inner_end])
        if 0 < len(words) <= 4 and _title_like(words):
            named.add(tokens[k].quote)
    return named


_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _attribute(tokens: list[Token], cues: list[Cue], k: int, quoted: str) -> Attribution | None:
    """Speaker and cue of the quotation at token ``k`` (its words: ``quoted``), from its own
    sentence: the attribution nearest the quotation, unless a source at the end of the
    sentence reports the whole of it ('Fans sang "Bring him home," the Tribune reports.')."""
    own = _nearest_attribution(tokens, cues, k, quoted)
    if own is None or own.speaker is None or own.speaker[0] > tokens[k].start:
        return own
    for cue in cues:
        if cue.i > k and cue.cls == "speech" and cue.order == "verb":
            closing = _closing_attribution(tokens, cues, cue)
            if closing is not None and closing.speaker[0] > tokens[k].end:
                closing.how = "outer source"
                return closing
    return own


def _nearest_attribution(
    tokens: list[Token], cues: list[Cue], k: int, quoted: str
) -> Attribution | None:
    n = len(tokens)
    m = k + 1
    if m < n and tokens[m].text == ",":
        m += 1
    # '"...," said Smith' / '"...," Smith said' / '"...," the mayor, a Democrat, told reporters'
    for cue in cues:
        if cue.i < m or cue.i - m > 30 or cue.cls != "speech":
            continue
        if cue.participle and cue.order == "verb" and cue.base != cue.form and cue.i == m:
            break  # '"partial," meaning ...', '"...," giving ...': no "X said" here
        if cue.i == m and cue.order == "verb" and not cue.participle and _inverts(cue):
            phrase = _cue_speaker(tokens, cues, cue)  # checks that "said X" ends its clause
            if phrase is not None and phrase.i >= cue.j:
                after = _make(tokens, phrase, cue, "after quote: said X")
                return _after_quote(tokens, cues, k, quoted, after, max(phrase.j, cue.j))
        phrase = _grammar.speaker_before(tokens, cue, first=m)
        if phrase is not None and phrase.i == m:
            if (
                cue.j < n
                and tokens[cue.j].text == ":"
                and any(c.j <= k and c.cls == "speech" and not c.participle for c in cues)
            ):
                break  # 'After Reyes said ... "...," Ruiz said: "..."': Ruiz's is the next
            after = _make(tokens, phrase, cue, "after quote: X said")
            return _after_quote(tokens, cues, k, quoted, after, cue.j)
        break
    generic = _dash_attribution(tokens, k)
    opens = k == 0 or tokens[k - 1].text == ":"
    if generic is None and opens and quoted.rstrip().endswith((",", "!", "?", "—", "-")):
        generic = _unlisted_verb(tokens, k + 1)
    if generic is not None:
        return generic
    aside = _aside_attribution(tokens, cues, k)
    if aside is not None:
        return aside
    # 'According to Smith, the plan is "dead"': a cue for the whole sentence, unless it stands
    # in what another speaker says ('X said that according to its own count, ... "..."').
    for cue in cues:
        if cue.order != "before":
            continue
        if cue.i < k and any(c.cls == "speech" and c.order == "verb" and c.i < cue.i for c in cues):
            break
        attribution = _cue_attribution(tokens, cues, cue)
        if attribution is not None:
            return attribution
    # 'Ruiz shot back, "..."': a subject and a verb just before the quotation.
    local = _introducer(tokens, cues, k)
    if local is not None:
        return local
    # 'Smith said: "..."', 'Smith called the plan "a disaster"': the nearest cue before, finite
    # speech verbs first ("Ruiz claimed that leaflets calling ..." is Ruiz's claim).
    before = [cue for cue in reversed(cues) if cue.j <= k]
    ranked = (
        [c for c in before if c.cls == "speech" and not c.participle]
        + [c for c in before if c.cls == "speech" and c.participle]
        + [c for c in before if c.cls not in ("speech", "intention", "stance")]
    )
    candidates = [(cue, _cue_speaker(tokens, cues, cue)) for cue in ranked]
    candidates = [
        (cue, phrase)
        for cue, phrase in candidates
        if phrase is not None
        and (
            cue.cls in ("speech", "evaluation") or _grammar.content_after(tokens, cue, len(tokens))
        )
    ]
    # 'She notes that the rules are strict: you can't say "maybe"': "you" is anyone.
    candidates = [
        (cue, phrase) for cue, phrase in candidates if tokens[phrase.head_i].lower != "you"
    ] or candidates
    subject = _grammar.sentence_subject(tokens, len(tokens))
    adjacent = [(c, p) for c, p in candidates if _introduces(tokens, c, k)]
    if adjacent:
        candidates = adjacent  # '..., which is a result, she said, "we always expected."'
    elif subject is not None and not (
        candidates and _opens_clause(tokens, candidates[0][1], candidates[0][0], k)
    ):
        # A cue in the main clause, whose speaker is the sentence subject, comes first:
        # 'Ms. Ruiz tells parents who ask why ... that "..."' is Ms. Ruiz's; but the nearest
        # cue wins when its speaker opens a clause of its own: 'Reyes said ..., but he added
        # that ... "..."', 'Ruiz accuses Reyes ... and Lopez says she's "..."'.
        main = [(c, p) for c, p in candidates if p.head_i < subject[1] and p.head_j > subject[0]]
        candidates = main + [item for item in candidates if item not in main]
    for cue, phrase in candidates:
        return _make(tokens, phrase, cue, "cue in sentence")
    # 'The plan is "dead" and buried, Smith said.'
    for cue in cues:
        if cue.i > k and cue.cls == "speech":
            attribution = _closing_attribution(tokens, cues, cue)
            if attribution is not None:
                return attribution
    # 'Ruiz wants to "fix the roads"': an intention or a stance, whose speaker can hold one.
    for cue in before:
        if cue.cls in ("intention", "stance"):
            phrase = _cue_speaker(tokens, cues, cue)
            if (
                phrase is not None
                and _grammar.names_source(tokens, phrase)
                and _grammar.content_after(tokens, cue, len(tokens))
            ):
                return _make(tokens, phrase, cue, "cue in sentence")
    return (
        _nominal_attribution(tokens, cues, k)
        or _colon_attribution(tokens, k)
        or _subject_attribution(tokens, k)
    )


def _after_quote(
    tokens: list[Token],
    cues: list[Cue],
    k: int,
    quoted: str,
    after: Attribution,
    end: int,
) -> Attribution:
    """The attribution of a quotation followed by one ('"...," Smith said', ending at token
    ``end``), unless a source reports that attribution ('..., according to the Herald'), or
    the quotation was introduced before and the attribution after it only repeats the speaker
    with a pronoun ('Ruiz said "...," she said').
    """
    outer = _outer_source(tokens, cues, end)
    if outer is not None:
        return outer
    head = tokens[_token_at(tokens, after.speaker[0])] if after.speaker else None
    if head is not None and head.lower in lexicon().words["person_pronoun"]:
        before = _introduced_before(tokens, cues, k, quoted)
        if before is not None:
            before.then = after
            return before
    return after


def _token_at(tokens: list[Token], offset: int) -> int:
    return next(n for n, t in enumerate(tokens) if t.start == offset)


def _aside_attribution(tokens: list[Token], cues: list[Cue], k: int) -> Attribution | None:
    """'The Herald, Ruiz said, called the ruling "deeply unfair."': an attribution between commas
    speaks for the whole clause around it, other cues in that clause included."""
    n = len(tokens)
    for cue in cues:
        if cue.cls != "speech" or cue.order != "verb" or cue.participle:
            continue
        phrase = _cue_speaker(tokens, cues, cue)
        if phrase is None or phrase.relative:
            continue
        regions = _aside(tokens, cues, cue, phrase, n)
        if regions and any(start <= k < stop for start, stop in regions):
            return _make(tokens, phrase, cue, "aside")
    return None


def _introduced_before(
    tokens: list[Token], cues: list[Cue], k: int, quoted: str
) -> Attribution | None:
    """'Ruiz said "We never saw it," she said.', 'When someone shouted, "Louder," Reyes joked':
    a quotation that a cue before it introduces (or whose lowercase words go on the clause a
    cue before it reports: 'Lopez wrote that the architect "won us over," she said') is that
    cue's speaker's, even when another attribution follows it."""
    continues = quoted[:1].islower()
    for cue in reversed(cues):
        if cue.j > k or cue.cls != "speech" or cue.order != "verb":
            continue
        if any(t.kind == "quote" or t.text in (";", ":") for t in tokens[cue.j : k]) and not (
            _introduces(tokens, cue, k)
        ):
            break
        if not (_introduces(tokens, cue, k) or continues):
            continue
        phrase = _cue_speaker(tokens, cues, cue)
        if phrase is not None and phrase.j <= cue.i:
            return _make(tokens, phrase, cue, "introduced before")
        return None
    return None


def _outer_source(tokens: list[Token], cues: list[Cue], end: int) -> Attribution | None:
    """'"...," Reyes said, according to the Herald.': a source that reports the attribution ending
    at token ``end`` is the quotation's source, as the one the reader is given for it. Between
    the two only an adverbial or a hearer may stand ("told reporters on Monday,")."""
    lex = lexicon()
    for cue in cues:
        if cue.order != "before" or cue.i < end:
            continue
        between = tokens[end : cue.i]
        if len(between) > 10 or any(
            t.kind == "quote"
            or (
                t.kind == "word"
                and t.text.islower()
                and (t.lower in lex.forms or t.lower == "that")
            )
            or (t.kind == "punct" and t.text not in SOFT_PUNCT | {",", "(", ")"})
            for t in between
        ):
            return None
        phrase = _grammar.speaker_after(tokens, cue)
        return _make(tokens, phrase, cue, "outer source") if phrase is not None else None
    return None


def _nominal_attribution(tokens: list[Token], cues: list[Cue], k: int) -> Attribution | None:
    """'Ruiz's pledge to be "open"', 'his call for "a fair deal"', 'Ruiz's "no new taxes"
    pledge': a speech noun owned by a possessive, which is the speaker."""
    for owner, noun in _grammar.nominal_cues(tokens):
        between = tokens[noun + 1 : k]
        lex = lexicon()
        before_quote = (
            noun < k
            and len(between) <= 4
            and all(
                t.kind == "word"
                and t.text.islower()
                and (t.lower in lex.words["noun_link"] or t.lower not in lex.forms)
                for t in between
            )
        )  # "her promise to scrap the "parking fee"", "his call for "a fair deal""
        # "his warning that farms would face "a decade of decline"": its clause
        in_clause = (
            noun + 1 < k
            and tokens[noun + 1].lower == "that"
            and len(between) <= 15
            and not any(t.kind == "quote" or t.text in (";", ":") for t in between)
            and not any(noun < cue.i < k for cue in cues)
        )
        around_quote = owner == k - 1 and noun == k + 1
        if before_quote or in_clause or around_quote:
            return Attribution(
                _owner_span(tokens, owner), (tokens[noun].start, tokens[noun].end), how="noun"
            )
    return None


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
        and before.lower in lexicon().words["subject_link"]
    )


def _introduces(tokens: list[Token], cue: Cue, k: int) -> bool:
    """Does the cue stand right before the quotation ('he said, "..."', 'added that "..."',
    'saying at the hearing on Monday, "..."')?"""
    between = tokens[cue.j : k]
    if all(t.text in (",", ":", "that") for t in between):
        return True
    # An adverbial between the cue and a comma or colon before the quotation.
    lex = lexicon()
    return (
        2 <= len(between) <= 9
        and between[-1].text in (",", ":")
        and between[0].lower in lex.words["preposition"] | lex.words["time"]
        and all(
            (t.kind == "word" and t.lower not in lex.forms and t.lower != "that")
            or t.text in SOFT_PUNCT
            for t in between[:-1]
        )
    )


def _introducer(tokens: list[Token], cues: list[Cue], k: int) -> Attribution | None:
    """'Ruiz shot back, "..."', 'The crowd chanted: "..."': with no cue in the clause before a
    quotation, a subject followed by one to three lowercase words introduces it."""
    if k < 2 or tokens[k - 1].text not in (",", ":"):
        return None
    start = k - 2
    while start >= 0 and tokens[start].kind == "word":
        start -= 1
    start += 1
    if any(start <= cue.i < k for cue in cues):
        return None
    words = tokens[start : k - 1]
    span = _grammar.sentence_subject(tokens[start : k - 1], len(words))
    if span is None:
        return None
    rest = words[span[1] :]
    lex = lexicon()
    if rest and rest[0].lower in lex.words["be"] | lex.words["function"] | lex.words["finite"]:
        return None
    if tokens[k - 1].text == ":" and 1 <= len(rest) <= 15 and rest[0].text.islower():
        pass  # 'but she paid her rival a grudging compliment: "..."'
    elif not 1 <= len(rest) <= 3 or not all(t.text.islower() for t in rest):
        return None
    elif not (
        rest[0].lower.endswith(("ed", "s"))
        or (len(rest) == 2 and rest[1].lower in lex.words["particle"])
    ):
        return None  # 'Ruiz shot back, "..."'; but not 'The point being, "..."'

    if tokens[start + span[0]].lower in lex.words["empty_subject"]:
        return None
    return Attribution((words[span[0]].start, words[span[1] - 1].end), None, how="introducer")


def _closing_attribution(tokens: list[Token], cues: list[Cue], cue: Cue) -> Attribution | None:
    """A cue that closes the sentence: '..., Smith said.' or '..., said Smith.'"""
    phrase = _cue_speaker(tokens, cues, cue)
    if phrase is None or cue.participle:
        return None
    n = len(tokens)
    if phrase.i >= cue.j:  # "..., said Smith."
        ok = cue.i > 0 and tokens[cue.i - 1].text == "," and _ends_clause(tokens, phrase.j, n)
    else:
        ok = phrase.i > 0 and tokens[phrase.i - 1].text == "," and _ends_clause(tokens, cue.j, n)
    return _make(tokens, phrase, cue, "closing cue") if ok else None


def _subject_attribution(tokens: list[Token], k: int) -> Attribution | None:
    """'Ms. Ruiz has built her campaign around promises to "finish the job"': with
    no cue at all, a partial quotation belongs to the subject of its sentence."""
    if k == 0:
        return None
    nearest = _clause_subject(tokens, k)
    if nearest is not None:
        return nearest
    span = _grammar.sentence_subject(tokens, k)
    if span is None or _not_an_actor(tokens[span[0]]):
        return None
    return Attribution(
        (tokens[span[0]].start, tokens[span[1] - 1].end), None, how="sentence subject"
    )


# Attributions found with no cue at all: not enough to make a scare quote a quotation.
_SUBJECT_ONLY = frozenset(["sentence subject", "clause subject"])


def _clause_subject(tokens: list[Token], k: int) -> Attribution | None:
    """'Although she waved away the report as "..."', 'Reyes will stay on if he can persuade
    ... "..."': a personal pronoun that opens the clause nearest before the quotation
    (after a conjunction, a relative or a comma) is its subject, nearer than the sentence's."""
    lex = lexicon()
    for p in range(k - 2, 0, -1):
        token = tokens[p]
        if token.text in (";", ":"):
            return None
        if token.lower not in lex.words["person_pronoun"]:
            continue
        before, after = tokens[p - 1], tokens[p + 1]
        if (
            (
                before.text == ","
                or (
                    before.lower in lex.words["clause_link"]
                    and (before.text.islower() or p == 1)  # "Though he ..."
                )
            )
            and after.kind == "word"
            and after.text.islower()
            and after.lower not in lex.words["preposition"] | lex.words["stop"]
        ):
            return Attribution((token.start, token.end), None, how="clause subject")
    return None


def _dash_attribution(tokens: list[Token], k: int) -> Attribution | None:
    """'"..." ― Maria Lopez': a name after a dash closes the sentence."""
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
    return Attribution((tokens[m + 1].start, tokens[j - 1].end), None, how="dash")


def _colon_attribution(tokens: list[Token], k: int) -> Attribution | None:
    """'Ruiz: Budget is a "total mess"', 'She also talked up her chances: "..."': with no
    cue, the subject of a sentence that introduces the quotation with a colon."""
    lex = lexicon()
    colon = next((n for n in range(k - 1, -1, -1) if tokens[n].text == ":"), None)
    if colon is None or colon == 0:
        return None
    if colon < 7 and all(
        (t.kind == "word" and t.text[0].isupper()) or t.text in (".", "’s", "'s")
        for t in tokens[:colon]
    ):
        return Attribution((tokens[0].start, tokens[colon - 1].end), None, how="headline colon")
    if colon != k - 1:
        return None
    span = _grammar.sentence_subject(tokens, colon)
    if span is None or tokens[span[0]].lower in lex.words["empty_subject"]:
        return None
    return Attribution((tokens[span[0]].start, tokens[span[1] - 1].end), None, how="colon")


def _unlisted_verb(tokens: list[Token], m: int) -> Attribution | None:
    """'"...," Smith quipped.', '"...," the candidate mused on ...', '"...," opined the
    Gazette.': after a quotation that opens its sentence and ends with a comma, a speaker and a
    verb in the past or present tense, in either order, even when the verb is not listed."""
    lex = lexicon()
    n = len(tokens)
    if m >= n or tokens[m].kind != "word":
        return None
    first = tokens[m]
    if (
        first.text.islower()
        and first.lower.endswith(("ed", "s"))
        and first.lower not in lex.pronouns
    ):
        cue = Cue(m, m + 1, first.lower, "speech", "verb", form=first.lower)
        phrase = _grammar.speaker_after(tokens, cue)
        if phrase is not None and _grammar.looks_like_name(tokens, phrase.i, phrase.j, lex):
            return _make(tokens, phrase, cue, "unlisted verb")
        return None
    for j in range(m + 1, min(n, m + 9)):
        token = tokens[j]
        if token.kind != "word" and token.text not in SOFT_PUNCT:
            return None
        if token.kind != "word" or not token.text.islower():
            continue
        if token.lower in lex.words["stop"] or token.lower in lex.words["preposition"]:
            return None
        if _grammar.is_adverb(token, lex):
            continue
        particle = j + 1 < n and tokens[j + 1].lower in lex.words["particle"]
        # '"...," the sign read.': the word that ends the sentence is the verb
        last = j + 1 < n and all(t.kind == "punct" for t in tokens[j + 1 :])
        if not (token.lower.endswith(("ed", "s")) or particle or last):
            if first.lower in lex.words["article"] and j == m + 1:
                continue  # "the candidate": the noun after the article
            if first.text[0].isupper() or first.lower in lex.pronouns:
                return None
            continue
        if not _grammar.looks_like_speaker(tokens, m, j, lex):
            return None
        cue = Cue(j, j + 1, token.lower, "speech", "verb", form=token.lower)
        return _make(
            tokens, Phrase(m, j, *_grammar.head_of(tokens, m, j, lex)), cue, "unlisted verb"
        )
    return None


def _cue_attribution(tokens: list[Token], cues: list[Cue], cue: Cue) -> Attribution | None:
    phrase = _cue_speaker(tokens, cues, cue)
    return _make(tokens, phrase, cue, "cue in sentence") if phrase is not None else None


def _cue_speaker(tokens: list[Token], cues: list[Cue], cue: Cue) -> Phrase | None:
    if cue.order == "before":
        return _grammar.speaker_after(tokens, cue)
    prev = tokens[cue.i - 1] if cue.i > 0 else None
    if (
        cue.participle
        and prev is not None
        and (prev.text == "," or prev.lower in lexicon().words["participle_link"])
    ):
        return _subject(tokens, cues, cue)  # "..., adding that ...", "by saying that ..."
    phrase = _grammar.speaker_before(tokens, cue)
    if phrase is None and cue.participle:
        return _subject(tokens, cues, cue)  # "Ruiz posted messages saying that ..."
    if phrase is not None and cue.participle and phrase.j == cue.i:
        return _participle_subject(tokens, phrase)
    if phrase is not None:
        return phrase
    if prev is not None and prev.lower in lexicon().words["predicate_link"]:
        return _subject(tokens, cues, cue)  # "Ruiz outlined her plan and vowed to ..."
    if _inverts(cue) and (prev is None or prev.kind == "quote" or prev.text in (",", ":")):
        phrase = _grammar.speaker_after(tokens, cue)
        if phrase is not None and prev is not None:
            # "..., said Smith." but not "..., said the time when ..." or '"Open Roads," said
            # the bridge was ...': the inverted speaker ends its clause (an adverbial may follow
            # a quotation: '"...," said Smith in a statement').
            after = tokens[phrase.j] if phrase.j < len(tokens) else None
            if after is not None and after.kind == "word":
                lex = lexicon()
                adverbial = after.lower in lex.words["preposition"] | lex.words["right_stop"]
                if prev.kind != "quote" or not adverbial or after.lower in lex.words["be"]:
                    return None
        return phrase
    return None


def _sender(tokens: list[Token], phrase: Phrase) -> Phrase | None:
    """'Ruiz released a video that said ...', 'She posted a note from her lawyer that says
    ...': a document that speaks ("that", "which") speaks for the subject of the clause whose
    object it is."""
    relative = phrase.head_i
    if tokens[relative].lower not in ("that", "which"):
        return None
    lex = lexicon()
    document = None
    for m in range(relative - 1, max(relative - 8, -1), -1):
        token = tokens[m]
        if token.kind != "word":
            if m == relative - 1 and token.text == ",":
                continue  # "a letter, which says"
            return None
        if token.lower in lex.words["document"] or token.lower[:-1] in lex.words["document"]:
            document = m
            break
        if token.text.islower() and (
            token.lower in lex.forms or token.lower in lex.words["be"] | lex.words["finite"]
        ):
            return None
    if document is None:
        return None
    span = _grammar.sentence_subject(tokens, document)
    if span is None or span[1] >= document or _not_an_actor(tokens[span[0]]):
        return None
    verbs = [
        t for t in tokens[span[1] : document] if t.kind == "word" and t.text.islower()
    ]  # the document is an object: a verb stands between the subject and it
    if not verbs or not _grammar.names_source(tokens, Phrase(span[0], span[1], *span)):
        return None
    return Phrase(span[0], span[1], span[0], span[1])


def _subject_of_free_relative(tokens: list[Token], phrase: Phrase) -> Phrase | None:
    """'Ruiz mocked what she called "a plan for nobody."': the pronoun of a free relative
    ("what he called") stands for the subject of the sentence, which is the mention that names
    the speaker (when the pronoun can refer to it)."""
    k = phrase.head_i
    if phrase.head_j - k != 1 or k == 0 or tokens[k - 1].lower != "what":
        return None
    pronoun = tokens[k].lower
    if pronoun not in lexicon().words["referring_pronoun"]:
        return None
    span = _grammar.sentence_subject(tokens, k - 1)
    if span is None or span[1] >= k - 1 or not _grammar.may_refer_to(tokens, span, pronoun):
        return None
    return Phrase(span[0], span[1], span[0], span[1])


def _participle_subject(tokens: list[Token], phrase: Phrase) -> Phrase:
    """'footage of Ruiz saying', 'a recording of her telling': the name after the last
    preposition of the phrase before a participle is the one speaking."""
    lex = lexicon()
    for n in range(phrase.j - 2, phrase.i, -1):
        token = tokens[n]
        if (
            token.kind == "word"
            and token.text.islower()
            and token.lower in lex.words["preposition"]
        ):
            rest = tokens[n + 1 : phrase.j]
            if rest and _grammar.looks_like_name(tokens, n + 1, phrase.j, lex):
                return Phrase(n + 1, phrase.j, n + 1, phrase.j)
            break
    return phrase


def _inverts(cue: Cue) -> bool:
    """May the speaker follow this cue ("said Smith")? Not "told Smith", not "say Smith"."""
    lex = lexicon()
    return cue.base not in lex.words["no_inversion"] and (
        cue.order == "before" or (cue.cls == "speech" and cue.base != cue.form)
    )


def _subject(tokens: list[Token], cues: list[Cue], cue: Cue) -> Phrase | None:
    """The speaker of ", adding that ...": the subject of the clause the participle hangs on
    ("and she hinted ... by urging"), an earlier cue's speaker, or the sentence subject."""
    lex = lexicon()
    for n in range(cue.i - 2, 0, -1):
        token = tokens[n]
        if token.kind == "quote" or token.text in (";", ":"):
            break
        if (
            (tokens[n - 1].lower in ("and", "but") or tokens[n - 1].text == ",")
            and (token.lower in lex.pronouns - lex.words["impersonal_pronoun"])
            and n + 1 < cue.i
            and tokens[n + 1].text.islower()
        ):
            return Phrase(n, n + 1, n, n + 1)
    if cue.i > 0 and tokens[cue.i - 1].lower == "and":
        # "with Reyes tweeting that ... and asking, ...": the participle it is joined to
        for other in reversed([c for c in cues if c.i < cue.i]):
            if other.participle and other.order == "verb" and other.cls == "speech":
                phrase = _grammar.speaker_before(tokens, other)
                if phrase is not None and phrase.j == other.i:
                    return phrase
                break
    for other in cues:
        if other.i >= cue.i:
            break
        if other.order == "verb" and not other.participle and other.cls == "speech":
            phrase = _cue_speaker(tokens, cues, other)  # "... but said ..., adding: ..."
            if phrase is not None:
                return phrase
    span = _grammar.sentence_subject(tokens, cue.i)
    if span is None:
        return None
    return Phrase(span[0], span[1], span[0], span[1])


def _make(tokens: list[Token], phrase: Phrase, cue: Cue, how: str = "") -> Attribution:
    if phrase.relative:
        phrase = _sender(tokens, phrase) or phrase
    else:
        phrase = _subject_of_free_relative(tokens, phrase) or phrase
    head = (tokens[phrase.head_i].start, tokens[phrase.head_j - 1].end)
    name_span = None
    if phrase.relative and phrase.antecedent is not None:
        a, b = phrase.antecedent
        name_span = (tokens[a].start, tokens[b - 1].end)
    cue_span = (tokens[cue.i].start, tokens[cue.j - 1].end)
    return Attribution(head, cue_span, name_span, how)


def _classify(
    text: str,
    span: QuotedSpan,
    tokens: list[Token],
    k: int,
    cues: list[Cue],
    attribution: Attribution | None,
    headline: bool,
) -> str:
    """ "quote", "scare" (a quotation only if a speaker is found in its paragraph) or "not"
    (a name, a title, a term or markup, never a quotation)."""
    inner = text[span.inner_start : span.inner_end]
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", inner)
    if not words:
        return "not"
    before = text[max(span.outer_start - 1, 0) : span.outer_start]
    if before == "=":
        return "not"  # markup: author="@someone"
    lex = lexicon()
    prev = _previous_word(tokens, k)
    across_comma = k > 0 and tokens[k - 1].text == ","
    if (
        prev is not None
        and prev.lower in lex.naming
        and prev.text.islower()
        and (not across_comma or _title_like(words))
    ):
        # 'a film called "Home"' names; 'what Novak called "an image problem"' quotes.
        return "quote" if _spoken_by_subject(tokens, k, lex) else "not"
    before_token = tokens[k - 1] if k > 0 else None
    introduced = before_token is not None and (
        before_token.text == ":"
        or any(cue.cls == "speech" and _introduces(tokens, cue, k) for cue in cues if cue.j <= k)
    )  # 'Her answer: "NO DEAL."', 'Reyes said "Tuesday" three times'
    if _possessive_before(tokens, k) and not introduced and _title_like(words) and not headline:
        return "not"  # 'the BBC's "Question Time"' (but 'Ruiz's "judgment"' quotes her)

    ending = re.search(r"[.,!?;:…]+\W*$", inner)
    inside = inner[: ending.start()] if ending else inner
    sentence_like = bool(re.search(r"[.!?;:]\s|[!?]", inner)) or len(words) > 6
    if sentence_like:
        return "quote"
    title = not headline and not introduced and _title_like(words)
    if (
        title
        and not _attributed_after(tokens, k, attribution)
        and (ending is None or ending.group().strip() in (",", "."))
        and not re.search(r"[,;:]", inside)
    ):
        return "not"  # 'She starred in "The Long Road Home"', '"Face the Nation,"'

    if ending is not None or (attribution is not None and attribution.how not in _SUBJECT_ONLY):
        return "quote"
    if len(words) <= 3 and not any(cue.cls == "speech" for cue in cues) and inner == inner.lower():
        return "scare"
    return "quote"


def _possessive_before(tokens: list[Token], k: int) -> bool:
    prev = tokens[k - 1] if k > 0 else None
    return (
        prev is not None and prev.kind == "word" and prev.lower.endswith(("'s", "’s", "s'", "s’"))
    )


def _previous_word(tokens: list[Token], k: int) -> Token | None:
    """The word before the quotation, skipping an article or a comma ('its podcast, "..."')."""
    j = k - 1
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    articles = lexicon().words["article"]
    while j >= 0 and tokens[j].kind == "word" and tokens[j].lower in articles:
        j -= 1
    return tokens[j] if j >= 0 and tokens[j].kind == "word" else None


def _spoken_by_subject(tokens: list[Token], k: int, lex) -> bool:
    """'what he called "a disaster"': a naming verb with a pronoun or name subject."""
    j = k - 1
    while j >= 0 and tokens[j].kind == "word" and tokens[j].lower in lex.words["article"]:
        j -= 1
    if j < 1 or tokens[j].lower not in lex.words["naming_verb"]:
        return False
    subject = tokens[j - 1]
    return subject.kind == "word" and (subject.lower in lex.pronouns or subject.text[0].isupper())


def _title_like(words: list[str]) -> bool:
    small = lexicon().words["title_small_word"]
    significant = [w for w in words if w.lower() not in small]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _attributed_after(tokens: list[Token], k: int, attribution: Attribution | None) -> bool:
    return (
        attribution is not None
        and attribution.speaker is not None
        and (attribution.speaker[0] > tokens[k].start)
        and attribution.cue is not None
        and attribution.cue[0] - tokens[k].end < 40
    )


def _reported(tokens: list[Token], cues: list[Cue], named: set[int]) -> list[Found]:
    """Reported speech in one sentence: "X said (that) ...", "..., X said.", "according to X"."""
    found = []
    n = len(tokens)
    direct_only = lexicon().words["direct_only"]
    for cue in cues:
        if cue.base in direct_only and not _grammar.naming_content(tokens, cue, n):
            continue  # "the crowd chanted ...": attributes quotations only
        phrase = _cue_speaker(tokens, cues, cue)
        if phrase is None or _first_person(tokens, phrase):
            continue  # outside quote marks, "we" is the writer
        if (
            cue.cls != "speech"
            and cue.order == "verb"
            and not _grammar.names_source(tokens, phrase)
        ):
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
                    _make(tokens, phrase, cue),
                )
            )
    return found


def _hedged(tokens: list[Token], cues: list[Cue], named: set[int]) -> list[Found]:
    """ "The bill is expected to pass", "The plan seems to work": a hedge with no source. Its
    subject and what follows it are two quotations with no speaker, as around an attribution
    in the middle of a clause."""
    found = []
    n = len(tokens)
    for cue_i, cue_j, start in _grammar.hedges(tokens):
        content = _grammar.trim(tokens, start, _grammar.content_end(tokens, start, cues, n))
        if content is None:
            continue
        if any(t.kind == "quote" and t.quote not in named for t in tokens[content[0] : content[1]]):
            continue  # the quotation in this clause speaks for it
        attribution = Attribution(None, (tokens[cue_i].start, tokens[cue_j - 1].end), how="hedge")
        subject = _grammar.hedge_subject(tokens, cue_i) if start == cue_j else None
        for a, b in (subject, content) if subject is not None else (content,):
            found.append(Found(tokens[a].start, tokens[b - 1].end, "indirect", attribution))
    return found


def _unclaimed(hedged: list[Found], reported: list[Found]) -> list[Found]:
    """The hedges that no reported clause with a speaker holds: in "Berg said the plan seems to
    work", the view is Berg's, already reported; only a hedge nobody voices is unsourced."""
    sourced = [f for f in reported if f.attribution and f.attribution.speaker is not None]
    return [h for h in hedged if not any(f.start <= h.start and h.end <= f.end for f in sourced)]


def _asked(
    tokens: list[Token], cues: list[Cue], named: set[int], reported: list[Found]
) -> list[Found]:
    """ "Asked whether the port would reopen, Ruiz said ...", "when asked by an interviewer whether
    ...": the question put to someone, with the asker after "by" as its speaker, or none.
    ``reported``: what the sentence already reports (not found twice)."""
    found: list[Found] = []
    questions = _grammar.questions(tokens)
    if not questions:
        return found
    n = len(tokens)
    seen = {(f.start, f.end) for f in reported}
    for cue, start, asker in questions:
        stop = _grammar.content_end(tokens, start, cues, n)
        # the participle's clause is an adverbial: it ends at its comma ("When asked about
        # the budget, Ruiz smiled.")
        stop = next((m for m in range(start, stop) if tokens[m].text == ","), stop)
        content = _grammar.trim(tokens, start, stop)
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


def _topical(tokens: list[Token], cues: list[Cue], reported: list[Found]) -> list[Found]:
    """ "Ruiz talked about the budget", "Ruiz railed against the new tax", "Ruiz is critical of
    the plan", "her criticism of the plan": the noun phrase after the cue's preposition, with
    the subject (or the possessor) as its speaker, who must be able to hold a view."""
    found = []
    seen = {(f.start, f.end) for f in reported}
    for topic in _grammar.topic_cues(tokens):
        cue = topic.cue
        region = _grammar.noun_phrase(tokens, cue.j, cues)
        if region is None:
            continue
        if topic.kind == "noun":
            speaker = _owner_span(tokens, topic.owner)
            attribution = Attribution(
                speaker, (tokens[cue.i].start, tokens[cue.j - 1].end), how="topic noun"
            )
        else:
            if topic.kind == "verb":
                phrase = _cue_speaker(tokens, cues, cue)
            else:
                phrase = _grammar.speaker_before(tokens, cue)
            if (
                phrase is None
                or _first_person(tokens, phrase)
                or not _grammar.names_source(tokens, phrase)
                or (phrase.i < region[1] and phrase.j > region[0])
            ):
                continue  # "The fund focuses on bonds": no one holds a view
            attribution = _make(tokens, phrase, cue, "topic")
        span = (tokens[region[0]].start, tokens[region[1] - 1].end)
        if span in seen or any(f.start <= span[0] and span[1] <= f.end for f in reported):
            continue  # "Ruiz said she would vote for Reyes": the clause reported holds it
        seen.add(span)
        found.append(Found(span[0], span[1], "indirect", attribution))
    return found


def _owner_span(tokens: list[Token], owner: int) -> tuple[int, int]:
    """The possessive that speaks, with its article: "The council's", "Ruiz's", "his"."""
    start = owner
    articles = lexicon().words["article"]
    if owner > 0 and tokens[owner - 1].lower in articles and tokens[owner].text.islower():
        start = owner - 1
    return tokens[start].start, tokens[owner].end


def _nominal_reported(tokens: list[Token], cues: list[Cue], named: set[int]) -> list[Found]:
    """ "his claim that the vote was rigged", "Ruiz's pledge to cut fares": what a speech
    noun owned by a possessive reports."""
    found = []
    n = len(tokens)
    for owner, noun in _grammar.nominal_cues(tokens):
        if noun + 1 >= n or tokens[noun + 1].lower not in ("that", "to"):
            continue
        start = noun + 2 if tokens[noun + 1].lower == "that" else noun + 1
        stop = _grammar.content_end(tokens, start, cues, n)
        subject = _grammar.sentence_subject(tokens, noun)
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
        region = _grammar.trim(tokens, start, stop)
        if region is None:
            continue
        if any(t.kind == "quote" and t.quote not in named for t in tokens[region[0] : region[1]]):
            continue  # the quotation speaks for it
        attribution = Attribution(
            _owner_span(tokens, owner), (tokens[noun].start, tokens[noun].end), how="noun"
        )
        found.append(
            Found(tokens[region[0]].start, tokens[region[1] - 1].end, "indirect", attribution)
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
        aside = _aside(tokens, cues, cue, phrase, n)
        if aside is not None:
            return aside
    region = _one_content(tokens, cues, cue, phrase, n)
    return [region] if region is not None else []


def _aside(
    tokens: list[Token], cues: list[Cue], cue: Cue, phrase: Phrase, n: int
) -> list[tuple[int, int]] | None:
    """ "The plan, officials said, would cost $5bn", "Ms. Ruiz, aides said on Monday, has
    other plans": an attribution between commas inside the clause it reports, which it
    splits in two."""
    first, last = min(phrase.i, cue.i), max(phrase.j, cue.j)
    if first == 0 or tokens[first - 1].text != ",":
        return None
    close = last
    while close < n and close - last <= 6 and tokens[close].text != ",":
        token = tokens[close]
        if token.kind != "word" or token.lower in lexicon().forms or token.lower == "that":
            return None
        close += 1
    if close >= n or tokens[close].text != ",":
        return None
    lex = lexicon()
    if close > last and not (
        tokens[last].lower in lex.words["preposition"] | lex.words["time"] | lex.words["calendar"]
        or _grammar.is_adverb(tokens[last], lex)
    ):
        return None  # "..., Smith told reporters, ...": the hearer, not an adverbial
    start = close + 1
    lead = tokens[start] if start < n else None
    clause = _clause_start(tokens, first - 1)
    if (
        lead is None
        or (lead.kind != "word" and lead.kind != "quote")
        or (_grammar.is_relative(lead, lex) and lead.lower != "that")
        or lead.lower in lex.words["coordinator"]
        or (lead.lower in lex.forms and (lead.lower.endswith("ing") or clause == first - 1))
        or lead.lower in lex.words["participle_link"]
    ):
        return None  # "..., Smith said, adding ...", "..., he said, and ...", "..., citing"
    opener = tokens[clause] if clause < first - 1 else None
    adverbial_before = opener is None or (
        opener.kind == "word"
        and opener.lower
        in lex.words["preposition"] | lex.words["opener"] | lex.words["conjunction"]
    )
    verb_like = lead.kind == "quote" or (
        lead.text.islower()
        and (
            lead.lower in lex.words["be"] | lex.words["finite"] | lex.words["skip"]
            or lead.lower == "that"
            or _grammar.is_adverb(lead, lex)
            or lead.lower.endswith(("ed", "s"))
        )
    )
    if not (verb_like or adverbial_before):
        return None  # '"...," said Piet Keane, deputy head of ...': an appositive
    stop = _grammar.content_end(tokens, start, cues, n)
    after = _grammar.trim(tokens, start, stop)
    if (after is None or sum(t.kind != "punct" for t in tokens[after[0] : after[1]]) < 2) and (
        lead.kind != "quote"
    ):
        return None
    before = _grammar.trim(tokens, clause, first - 1) if first - 1 > clause else None
    if before is None and first - 1 > clause:
        before = (clause, first - 1)  # a single word: "Cheats, she said, never prosper."
    return [region for region in (before, after) if region is not None]


def _one_content(
    tokens: list[Token], cues: list[Cue], cue: Cue, phrase: Phrase, n: int
) -> tuple[int, int] | None:
    if cue.order == "before":  # "according to X, ..." / "..., according to X."
        if cue.i > 0 and (tokens[cue.i - 1].text == "," or tokens[cue.i - 1].text in DASHES):
            return _grammar.content_before(tokens, cue.i - 1, _clause_start(tokens, cue.i - 1))
        if phrase.j < n and tokens[phrase.j].text == ",":
            start = phrase.j + 1
            return _grammar.trim(tokens, start, _grammar.content_end(tokens, start, cues, n))
        return None
    speaker_after = phrase.i >= cue.j
    if speaker_after:  # "..., said Smith."
        if cue.i > 0 and tokens[cue.i - 1].text == ",":
            return _grammar.content_before(tokens, cue.i - 1, _clause_start(tokens, cue.i - 1))
        return None
    before_phrase = phrase.i - 1
    if (
        before_phrase >= 0
        and tokens[before_phrase].text == ","
        and not cue.participle
        and _ends_clause(tokens, cue.j, n, cue)
    ):  # "..., Smith said (on Monday)."
        return _grammar.content_before(tokens, before_phrase, _clause_start(tokens, before_phrase))
    if cue.participle and phrase.i > cue.i:
        return None
    stop = _grammar.content_end(tokens, cue.j, cues, n)
    if cue.base in lexicon().words["direct_only"]:
        return _grammar.naming_content(tokens, cue, stop)  # "called it a mistake"
    return _grammar.content_after(tokens, cue, stop)


def _clause_start(tokens: list[Token], stop: int) -> int:
    for k in range(stop - 1, -1, -1):
        if tokens[k].text in (":", ";"):
            return k + 1
    return 0


def _ends_clause(tokens: list[Token], k: int, n: int, cue: Cue | None = None) -> bool:
    """After "..., Smith said" only an adverbial or nothing follows (no reported clause)."""
    lex = lexicon()
    for m in range(k, n - 1):
        if (tokens[m].text == "," and tokens[m + 1].lower.endswith("ing")) or tokens[m].text in (
            ";",
            ":",
        ):
            n = m  # "..., Lopez said Friday in Lyon, noting ...": up to the participle
            break
    rest = tokens[k:n]
    if cue is not None and cue.base in lex.with_object and rest:
        rest = tokens[_grammar.skip_object(tokens, k, n, lex) : n]  # "..., Ruiz told aides."
    words = [t for t in rest if t.kind == "word"]
    if not words or rest[0].text in (",", ".", ";", "!", "?"):
        return True
    if cue is not None and cue.base in lex.words["source_object"] and len(words) <= 5:
        return all(t.lower != "that" for t in words)  # "..., Reuters cites internal sources."
    return (
        len(words) <= 6
        and words[0].lower
        in lex.words["preposition"]
        | lex.words["right_stop"]
        | lex.words["time"]
        | lex.words["calendar"]
        and all(t.lower != "that" for t in words)
    )


def _inherit(
    text: str,
    spans: list[QuotedSpan],
    decisions: dict[int, tuple[str, Attribution | None]],
    paragraphs: _Paragraphs,
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
            if attribution is None and _opens_paragraph(text, span, paragraphs, paragraph):
                attribution = _inherited(
                    _latest(quoted, events, paragraph - 1, span.outer_start), "paragraph before"
                )
            if attribution is None:
                attribution = _sentence_before(
                    text, span, subjects, subject_ends, paragraphs.spans[paragraph]
                )
        if verdict == "scare" and (attribution is None or attribution.how in _SUBJECT_ONLY):
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


def _signed(text: str, span: QuotedSpan, paragraphs: _Paragraphs) -> Attribution | None:
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


def _headline_paragraphs(masked: str, paragraphs: _Paragraphs) -> set[int]:
    """Paragraphs written in Title Case, where capitals say nothing about names."""
    small = lexicon().words["title_small_word"]
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


def _opens_paragraph(text: str, span: QuotedSpan, paragraphs: _Paragraphs, index: int) -> bool:
    """Is there only white space between the start of paragraph ``index`` and the quotation?"""
    start = paragraphs.spans[index][0]
    if span.outer_start <= start:
        return True
    return _SPACES.match(text, start, span.outer_start).end() == span.outer_start
