"""Reported clauses: what a cue reports, where it ends, and asides that split it."""

from __future__ import annotations

from toolkit.quotes._grammar.words import is_adverb, is_relative
from toolkit.quotes._lexicon import _Lexicon, lexicon
from toolkit.quotes._tokens import DASHES, SOFT_PUNCT, Cue, Phrase, Token


def content_after(tokens: list[Token], cue: Cue, stop: int) -> tuple[int, int] | None:
    """The reported clause after a cue: "said (on Monday) (that) CLAUSE", to token ``stop``."""
    lex = lexicon()
    that = _that_after(tokens, cue.j, stop, lex)
    if that is not None:
        after = tokens[that + 1] if that + 1 < stop else None
        if after is not None and after.lower in lex.classes.finite:
            return trim(tokens, that, stop)  # "warn that would hurt": "that" is the subject
        return trim(tokens, that + 1, stop)
    k = cue.j
    if (
        k + 1 < stop
        and tokens[k].text == ","
        and tokens[k + 1].kind == "word"
        and cue.cls == "speech"
    ):
        k += 1  # "Okafor says, rain or shine, the market will open"
    if k < stop and tokens[k].text == ":":
        return trim(tokens, k + 1, stop)
    if cue.base in lex.with_infinitive:
        infinitive = _infinitive_after_object(tokens, k, stop, lex)
        if infinitive is not None:
            return trim(tokens, infinitive, stop)  # "reminded customers (not) to ..."
    if cue.base in lex.with_object and k < stop:
        k = skip_object(tokens, k, stop, lex)
    if k < stop and tokens[k].kind == "quote" and verb_after_quote(tokens[:stop], k, lex):
        return trim(tokens, k, stop)  # 'predicts "evictions" will rise'
    if k >= stop or tokens[k].kind != "word":
        return None
    k = _after_adverbial(tokens, k, stop, lex)  # "said in her speech she ..."
    if cue.cls == "intention":
        return _intended(tokens, cue, k, stop, lex)
    if cue.cls in ("evaluation", "stance"):
        # "praised the nurses", "criticised the plan"
        first = tokens[k]
        if first.lower in lex.classes.preposition - {"to"} or first.lower in lex.classes.be:
            return None
        return trim(tokens, k, stop)
    nxt = tokens[k + 1] if k + 1 < stop else None
    verb_next = nxt is not None and nxt.lower in lex.classes.be | lex.classes.finite
    count_next = nxt is not None and (
        nxt.text[0].isdigit() or nxt.lower in lex.classes.number or nxt.lower in ("than", "least")
    )
    opens = _opens_reported_clause(tokens[k], cue, lex, verb_next, count_next)
    return trim(tokens, k, stop) if opens else None


def verb_after_quote(tokens: list[Token], k: int, lex: _Lexicon) -> bool:
    """Does a clause go on after the quotation at ``k``, its verb within five words
    ('"evictions" will rise', '"Obama-Clinton" economic policies are failing'), rather
    than an adverbial ('"Tuesday" three times')?"""
    for token in tokens[k + 1 : k + 6]:
        if token.kind != "word" or not token.text.islower():
            return False
        if token.lower in lex.classes.finite | lex.classes.be or (
            token.lower.endswith("ed") and token.lower not in lex.forms
        ):
            return True
    return False


def _infinitive_after_object(tokens: list[Token], k: int, stop: int, lex: _Lexicon) -> int | None:
    """Where the to-infinitive after an object starts ("reminded customers to ...", "warned
    the public not to ...", "advised people never to ..."): up to four lowercase words, then
    "to" (with "not" or "never" before it) and a verb; None if there is none."""
    if k < stop and tokens[k].lower in ("to", "that"):
        return None  # "vowed to pass a law to ...": the infinitive starts at once
    for m in range(k, min(k + 5, stop - 1)):
        token = tokens[m]
        if token.kind != "word" or not token.text.islower():
            return None
        if token.lower == "to" and m > k and infinitive_verb(tokens[m + 1], lex):
            return m - 1 if tokens[m - 1].lower in lex.classes.negation else m
        if token.lower in lex.forms or token.lower in lex.classes.be | lex.classes.finite:
            return None
    return None


def _after_adverbial(tokens: list[Token], k: int, stop: int, lex: _Lexicon) -> int:
    """ "said in her speech she was ready": past an adverbial of up to seven words that
    opens with a preposition, to the personal pronoun that opens the clause; else ``k``."""
    if tokens[k].lower not in lex.classes.preposition or not tokens[k].text.islower():
        return k
    for m in range(k + 1, min(k + 8, stop - 1)):
        token = tokens[m]
        if token.kind != "word":
            return k
        if token.lower in lex.pronouns and token.text.islower() and m - 1 > k:
            after = tokens[m + 1]
            if after.kind == "word" and after.text.islower() and after.lower not in lex.forms:
                return m
    return k


def _that_after(tokens: list[Token], k: int, stop: int, lex: _Lexicon) -> int | None:
    """The "that" opening the clause after a cue ending at ``k``, within 14 tokens: "said
    that", "told reporters that", "said in a written statement that"; None if another cue or
    punctuation other than a period, colon or comma comes first ("replied before adding that
    ...", "say by a wide margin, 55 percent to 38 percent, that ...")."""
    for n in range(k, min(stop, k + 14)):
        token = tokens[n]
        if token.kind != "word" and token.text not in (".", ":", ",", "’s", "'s", "%", "-"):
            return None
        if token.kind == "word" and token.lower in lex.forms and token.text.islower():
            return None  # "replied before adding that ...": the clause is the next cue's
        if token.text.islower() and token.lower in lex.classes.be | lex.classes.finite:
            return None  # "said he is sure that ...": the clause has begun before "that"
        if token.lower == "that" and token.text == "that":
            return n
    return None


def _intended(
    tokens: list[Token], cue: Cue, k: int, stop: int, lex: _Lexicon
) -> tuple[int, int] | None:
    """What an intention cue reports from token ``k``: a to-infinitive ("wants to double
    ..."), or an object for the verbs that take one ("proposed deep cuts")."""
    first = tokens[k]
    if first.lower == "to":
        verb = tokens[k + 1] if k + 1 < stop else None
        if verb is None or not infinitive_verb(verb, lex):
            return None  # "sales declined to 4,000", "agreed to the terms": no infinitive
        return trim(tokens, k, stop)
    if (
        cue.base in lex.classes.object_content
        and first.lower not in lex.classes.preposition | lex.classes.be
        and first.lower not in lex.classes.stop
    ):
        return trim(tokens, k, stop)
    return None


def _opens_reported_clause(
    first: Token, cue: Cue, lex: _Lexicon, verb_next: bool, count_next: bool
) -> bool:
    """May a clause reported by a speech, belief or evidence cue open with ``first``? "to"
    only after the verbs that take an infinitive; a clause opener after verbs that report
    only clauses ("maintains a steady pace" is no clause); a question after a question verb
    ("asked about the budget"); no preposition after a speech verb; a demonstrative before a
    verb (``verb_next``: "say this is a passing storm"); an approximator before a count
    (``count_next``: "says about 300 pupils attend")."""
    if first.lower == "to":
        return cue.base in lex.with_infinitive
    if cue.base in lex.classes.clause_only:
        return first.lower in lex.classes.content_opener or first.lower in lex.pronouns
    if first.lower in lex.classes.demonstrative and verb_next:
        return True  # "say this is only a passing storm"
    if first.lower in lex.classes.approximator and cue.cls == "speech" and count_next:
        return True  # "says about 300 pupils attend", "told reporters more than 90 ..."
    if cue.cls != "speech" or cue.base in lex.with_object:
        if cue.base in lex.classes.question_verb and first.lower in lex.classes.question_opener:
            return True  # "asked about the budget", "asked for a list"
        return first.lower in lex.classes.clause or first.text[0].isupper()
    return not (first.lower in lex.classes.preposition or first.lower in lex.classes.right_stop)


def infinitive_verb(token: Token, lex: _Lexicon) -> bool:
    """Can ``token`` be the verb of a to-infinitive? Not a number, a capitalised name, an
    article, a preposition or a word before a number ("declined to 4,000", "agreed to the
    terms", "wants to Ruiz", "fell to below 3%", "declined to nearly $40")."""
    return (
        token.kind == "word"
        and token.text.islower()
        and not token.text[0].isdigit()
        and token.lower not in lex.classes.number
        and token.lower not in lex.classes.det
        and token.lower not in lex.classes.possessive
        and token.lower not in lex.classes.preposition
        and token.lower not in lex.classes.approximator
    )


def naming_content(tokens: list[Token], cue: Cue, stop: int) -> tuple[int, int] | None:
    """ "called it a mistake", "called Novak a fraud", "described him as reckless": what a
    naming verb says about its object, without quote marks (not "called Lena Berg on Friday")."""
    lex = lexicon()
    k = cue.j
    for n in range(k + 1, min(stop, k + 6)):
        token = tokens[n]
        if token.kind != "word":
            return None
        if token.lower in lex.classes.naming_link and token.text.islower():
            return trim(tokens, k, stop)
        if token.lower in lex.classes.preposition | lex.classes.be | lex.classes.finite:
            return None
    return None


def skip_object(tokens: list[Token], k: int, stop: int, lex: _Lexicon) -> int:
    """Skip the hearer after "told"/"warned": "told reporters", "told the BBC", "told me"."""
    first = tokens[k]
    if first.kind != "word":
        return k
    if first.lower in lex.classes.object:
        return k + 1
    if (
        first.lower in lex.classes.article
        or first.text[0].isupper()
        or first.lower in lex.classes.hearers
    ):
        n = k + 1 if first.lower in lex.classes.article else k
        while (
            n < stop
            and tokens[n].kind == "word"
            and (
                tokens[n].text[0].isupper() or n == k + 1 or tokens[n].lower in lex.classes.hearers
            )
        ):
            n += 1
            if tokens[n - 1].lower in lex.classes.hearers:
                break
        return n
    return k


def content_end(tokens: list[Token], start: int, cues: list[Cue], end: int) -> int:
    """Where a reported clause starting at ``start`` stops: a semicolon, or a comma before
    another cue (", adding that", ", according to"), or the end of the sentence."""
    cue_starts = {cue.i for cue in cues}
    for n in range(start, end):
        token = tokens[n]
        if token.text == ";":
            return n
        if (
            token.lower in ("and", "but")
            and n > start
            and (
                n + 1 in cue_starts
                or (n + 2 in cue_starts and tokens[n + 1].lower in lexicon().pronouns)
            )
        ):
            return n  # "He says X and says Y", "... and she noted that ..."
        if token.lower in ("and", "but") and n > start and new_predicate(tokens, n + 1, end):
            return n  # "thanked the crew and then issued a warning"
        if (token.text == "," or token.text in DASHES) and not (
            n + 1 < end and tokens[n + 1].lower == "that"
        ):
            for cue in cues:
                if cue.i == n + 1 or (
                    cue.i > n + 1 and cue.i - n <= 5 and _only_phrase(tokens, n + 1, cue.i)
                ):
                    return n
    return end


def new_predicate(tokens: list[Token], k: int, end: int) -> bool:
    """Does a new predicate start at ``k`` ("then issued", "later left"): adverbs, then a
    lowercase past tense?"""
    lex = lexicon()
    while k < end and tokens[k].kind == "word" and tokens[k].lower in lex.classes.skip:
        k += 1
    return (
        k < end
        and tokens[k].kind == "word"
        and tokens[k].text.islower()
        and tokens[k].lower.endswith("ed")
        and tokens[k].lower not in lex.classes.preposition
    )


def _only_phrase(tokens: list[Token], start: int, stop: int) -> bool:
    return all(t.kind == "word" or t.text in SOFT_PUNCT for t in tokens[start:stop])


def trim(tokens: list[Token], start: int, stop: int) -> tuple[int, int] | None:
    while start < stop and tokens[start].kind == "punct":
        start += 1
    while stop > start and tokens[stop - 1].kind == "punct":
        stop -= 1
    if stop - start < 2:
        return None
    return start, stop


def content_before(tokens: list[Token], stop: int, first: int = 0) -> tuple[int, int] | None:
    """The reported clause before ", X said": from the sentence start to token ``stop``."""
    return trim(tokens, first, stop)


def trim_words(tokens: list[Token], start: int, stop: int) -> tuple[int, int] | None:
    """Like :func:`trim`, but a single word is a phrase too ("talked about Quist")."""
    while start < stop and tokens[start].kind == "punct":
        start += 1
    while stop > start and tokens[stop - 1].kind == "punct":
        stop -= 1
    return (start, stop) if stop > start else None


def aside(
    tokens: list[Token], cues: list[Cue], cue: Cue, phrase: Phrase, n: int
) -> list[tuple[int, int]] | None:
    """ "The plan, officials said, would cost $5bn", "Ms. Ruiz, aides said on Monday, has
    other plans": an attribution between commas inside the clause it reports, which it
    splits in two. The token ranges of the two parts, or None if the attribution is no
    aside."""
    first, last = min(phrase.i, cue.i), max(phrase.j, cue.j)
    if first == 0 or tokens[first - 1].text != ",":
        return None
    close = _closing_comma(tokens, last, n)
    if close is None:
        return None
    start = close + 1
    lead = tokens[start] if start < n else None
    clause = clause_start(tokens, first - 1)
    if lead is None or not _continues_clause(tokens, lead, clause, first):
        return None
    stop = content_end(tokens, start, cues, n)
    after = trim(tokens, start, stop)
    if (after is None or sum(t.kind != "punct" for t in tokens[after[0] : after[1]]) < 2) and (
        lead.kind != "quote"
    ):
        return None
    before = trim(tokens, clause, first - 1) if first - 1 > clause else None
    if before is None and first - 1 > clause:
        before = (clause, first - 1)  # a single word: "Cheats, she said, never prosper."
    return [region for region in (before, after) if region is not None]


def _closing_comma(tokens: list[Token], last: int, n: int) -> int | None:
    """The comma that closes an attribution ending at ``last``, after at most an adverbial
    of six words ("aides said on Monday,"), not a hearer ("Smith told reporters,")."""
    lex = lexicon()
    close = last
    while close < n and close - last <= 6 and tokens[close].text != ",":
        token = tokens[close]
        if token.kind != "word" or token.lower in lex.forms or token.lower == "that":
            return None
        close += 1
    if close >= n or tokens[close].text != ",":
        return None
    if close > last and not (
        tokens[last].lower in lex.classes.preposition | lex.classes.time | lex.classes.calendar
        or is_adverb(tokens[last], lex)
    ):
        return None  # "..., Smith told reporters, ...": the hearer, not an adverbial
    return close


def _continues_clause(tokens: list[Token], lead: Token, clause: int, first: int) -> bool:
    """Does the word after the closing comma (``lead``) go on the clause the aside splits:
    a verb, an adverb, a quotation ("The plan, she said, would ..."), or anything after an
    adverbial opening ("On Monday, she said, the ..."); not "adding", "and", "citing", a
    relative clause, or an appositive ('"...," said Piet Keane, deputy head of ...')?
    ``clause``: the first token of the clause; ``first``: the aside's first token."""
    lex = lexicon()
    if (
        (lead.kind != "word" and lead.kind != "quote")
        or (is_relative(lead, lex) and lead.lower != "that")
        or lead.lower in lex.classes.coordinator
        or (lead.lower in lex.forms and (lead.lower.endswith("ing") or clause == first - 1))
        or lead.lower in lex.classes.participle_link
    ):
        return False  # "..., Smith said, adding ...", "..., he said, and ...", "..., citing"
    opener = tokens[clause] if clause < first - 1 else None
    adverbial_before = opener is None or (
        opener.kind == "word"
        and opener.lower in lex.classes.preposition | lex.classes.opener | lex.classes.conjunction
    )
    verb_like = lead.kind == "quote" or (
        lead.text.islower()
        and (
            lead.lower in lex.classes.be | lex.classes.finite | lex.classes.skip
            or lead.lower == "that"
            or is_adverb(lead, lex)
            or lead.lower.endswith(("ed", "s"))
        )
    )
    return verb_like or adverbial_before


def clause_start(tokens: list[Token], stop: int) -> int:
    for k in range(stop - 1, -1, -1):
        if tokens[k].text in (":", ";"):
            return k + 1
    return 0


def ends_clause(tokens: list[Token], k: int, n: int, cue: Cue | None = None) -> bool:
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
    if len(rest) > 1 and rest[0].kind == "quote" and rest[1].kind == "word":
        return False  # 'predicts "evictions" will rise': a clause goes on
    if cue is not None and cue.base in lex.with_object and rest:
        rest = tokens[skip_object(tokens, k, n, lex) : n]  # "..., Ruiz told aides."
    words = [t for t in rest if t.kind == "word"]
    if not words or rest[0].text in (",", ".", ";", "!", "?"):
        return True
    if cue is not None and cue.base in lex.classes.source_object and len(words) <= 5:
        return all(t.lower != "that" for t in words)  # "..., Reuters cites internal sources."
    return (
        len(words) <= 6
        and words[0].lower
        in lex.classes.preposition
        | lex.classes.right_stop
        | lex.classes.time
        | lex.classes.calendar
        and all(t.lower != "that" for t in words)
    )
