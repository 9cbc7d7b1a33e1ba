"""The speaker rules: who speaks a quotation, read from its own sentence."""

from __future__ import annotations

from toolkit.quotes._attribution import Attribution, make
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
from toolkit.quotes._tokens import DASHES, SOFT_PUNCT, Cue, Phrase, Token


def attribute(tokens: list[Token], cues: list[Cue], k: int, quoted: str) -> Attribution | None:
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
        if cue.i == m and cue.order == "verb" and not cue.participle and inverts(cue):
            phrase = cue_speaker(tokens, cues, cue)  # checks that "said X" ends its clause
            if phrase is not None and phrase.i >= cue.j:
                after = make(tokens, phrase, cue, "after quote: said X")
                return _after_quote(tokens, cues, k, quoted, after, max(phrase.j, cue.j))
        phrase = speaker_before(tokens, cue, first=m)
        if phrase is not None and phrase.i == m:
            if (
                cue.j < n
                and tokens[cue.j].text == ":"
                and any(c.j <= k and c.cls == "speech" and not c.participle for c in cues)
            ):
                break  # 'After Reyes said ... "...," Ruiz said: "..."': Ruiz's is the next
            after = make(tokens, phrase, cue, "after quote: X said")
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
    local = introducer(tokens, cues, k)
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
    candidates = [(cue, cue_speaker(tokens, cues, cue)) for cue in ranked]
    candidates = [
        (cue, phrase)
        for cue, phrase in candidates
        if phrase is not None
        and (cue.cls in ("speech", "evaluation") or content_after(tokens, cue, len(tokens)))
    ]
    # 'She notes that the rules are strict: you can't say "maybe"': "you" is anyone.
    candidates = [
        (cue, phrase) for cue, phrase in candidates if tokens[phrase.head_i].lower != "you"
    ] or candidates
    subject = sentence_subject(tokens, len(tokens))
    adjacent = [(c, p) for c, p in candidates if introduces(tokens, c, k)]
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
        return make(tokens, phrase, cue, "cue in sentence")
    # 'The plan is "dead" and buried, Smith said.'
    for cue in cues:
        if cue.i > k and cue.cls == "speech":
            attribution = _closing_attribution(tokens, cues, cue)
            if attribution is not None:
                return attribution
    # 'Ruiz wants to "fix the roads"': an intention or a stance, whose speaker can hold one.
    for cue in before:
        if cue.cls in ("intention", "stance"):
            phrase = cue_speaker(tokens, cues, cue)
            if (
                phrase is not None
                and names_source(tokens, phrase)
                and content_after(tokens, cue, len(tokens))
            ):
                return make(tokens, phrase, cue, "cue in sentence")
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
        phrase = cue_speaker(tokens, cues, cue)
        if phrase is None or phrase.relative:
            continue
        regions = aside(tokens, cues, cue, phrase, n)
        if regions and any(start <= k < stop for start, stop in regions):
            return make(tokens, phrase, cue, "aside")
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
            introduces(tokens, cue, k)
        ):
            break
        if not (introduces(tokens, cue, k) or continues):
            continue
        phrase = cue_speaker(tokens, cues, cue)
        if phrase is not None and phrase.j <= cue.i:
            return make(tokens, phrase, cue, "introduced before")
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
        phrase = speaker_after(tokens, cue)
        return make(tokens, phrase, cue, "outer source") if phrase is not None else None
    return None


def _nominal_attribution(tokens: list[Token], cues: list[Cue], k: int) -> Attribution | None:
    """'Ruiz's pledge to be "open"', 'his call for "a fair deal"', 'Ruiz's "no new taxes"
    pledge': a speech noun owned by a possessive, which is the speaker."""
    for owner, noun in nominal_cues(tokens):
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
                owner_span(tokens, owner), (tokens[noun].start, tokens[noun].end), how="noun"
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


def introducer(tokens: list[Token], cues: list[Cue], k: int) -> Attribution | None:
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
    span = sentence_subject(tokens[start : k - 1], len(words))
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
    phrase = cue_speaker(tokens, cues, cue)
    if phrase is None or cue.participle:
        return None
    n = len(tokens)
    if phrase.i >= cue.j:  # "..., said Smith."
        ok = cue.i > 0 and tokens[cue.i - 1].text == "," and ends_clause(tokens, phrase.j, n)
    else:
        ok = phrase.i > 0 and tokens[phrase.i - 1].text == "," and ends_clause(tokens, cue.j, n)
    return make(tokens, phrase, cue, "closing cue") if ok else None


def _subject_attribution(tokens: list[Token], k: int) -> Attribution | None:
    """'Ms. Ruiz has built her campaign around promises to "finish the job"': with
    no cue at all, a partial quotation belongs to the subject of its sentence."""
    if k == 0:
        return None
    nearest = _clause_subject(tokens, k)
    if nearest is not None:
        return nearest
    span = sentence_subject(tokens, k)
    if span is None or not_an_actor(tokens[span[0]]):
        return None
    return Attribution(
        (tokens[span[0]].start, tokens[span[1] - 1].end), None, how="sentence subject"
    )


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
    span = sentence_subject(tokens, colon)
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
        phrase = speaker_after(tokens, cue)
        if phrase is not None and looks_like_name(tokens, phrase.i, phrase.j, lex):
            return make(tokens, phrase, cue, "unlisted verb")
        return None
    for j in range(m + 1, min(n, m + 9)):
        token = tokens[j]
        if token.kind != "word" and token.text not in SOFT_PUNCT:
            return None
        if token.kind != "word" or not token.text.islower():
            continue
        if token.lower in lex.words["stop"] or token.lower in lex.words["preposition"]:
            return None
        if is_adverb(token, lex):
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
        if not looks_like_speaker(tokens, m, j, lex):
            return None
        cue = Cue(j, j + 1, token.lower, "speech", "verb", form=token.lower)
        return make(tokens, Phrase(m, j, *head_of(tokens, m, j, lex)), cue, "unlisted verb")
    return None


def _cue_attribution(tokens: list[Token], cues: list[Cue], cue: Cue) -> Attribution | None:
    phrase = cue_speaker(tokens, cues, cue)
    return make(tokens, phrase, cue, "cue in sentence") if phrase is not None else None
