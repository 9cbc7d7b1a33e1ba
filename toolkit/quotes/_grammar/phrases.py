"""Speaker phrases next to a cue: "Smith said", "Smith, the mayor, said", "said Smith"."""

from __future__ import annotations

import re

from toolkit.quotes._grammar.mentions import (
    counted_people,
    head_of,
    looks_like_name,
    looks_like_speaker,
)
from toolkit.quotes._grammar.words import (
    is_adverb,
    is_boundary,
    is_quantity,
    is_relative,
    is_time,
    not_a_subject,
)
from toolkit.quotes._lexicon import _Lexicon, lexicon, title_words
from toolkit.quotes._tokens import DASHES, Cue, Phrase, Token


def speaker_before(tokens: list[Token], cue: Cue, first: int = 0) -> Phrase | None:
    """The speaker phrase ending just before ``cue`` (from token ``first`` on).

    "Smith said", "the minister also told", "Smith, the mayor, said", "Smith, who leads the
    union, said", "Novak -- co-author of the report -- said", "who said" (relative).
    """
    lex = lexicon()
    k = _last_word_before(tokens, cue, first, lex)
    if k < first:
        return None
    token = tokens[k]
    if is_relative(token, lex):
        if k > 0 and tokens[k - 1].kind == "quote":
            return None  # 'a "night mayor" who reports to ...': the quotation
        return _relative_speaker(tokens, k, first, lex)
    if token.text == "," or token.text in DASHES:
        return _appositive_speaker(tokens, k, first, lex)
    end = k + 1
    start = _phrase_start(tokens, cue, k, first, lex)
    counted = counted_people(tokens, start, lex) if start < end else None
    if counted == end or (
        end - start == 1 and tokens[start].lower in lex.classes.indefinite_subject
    ):
        return Phrase(start, end, start, end)  # "About 12 percent said", "Several said"
    named = _named_part(tokens, start, end, lex)
    if named is None:
        return None
    start = named
    if start < end - 1 and is_relative(tokens[start], lex):
        # "Novak, who has often argued ...": the relative pronoun is the speaker
        return _relative_speaker(tokens, start, first, lex)
    if cue.participle and start < end - 1:
        start, end = _subject_of_participle(tokens, start, end, lex)
    if start >= end or end - start > 12 or not looks_like_speaker(tokens, start, end, lex):
        return None
    return Phrase(start, end, *head_of(tokens, start, end, lex))


def _last_word_before(tokens: list[Token], cue: Cue, first: int, lex: _Lexicon) -> int:
    """The last token of the speaker phrase before ``cue``: adverbs, time words and "in the
    past" between the two are skipped ("Smith also said", "Ruiz on Monday said", "has in
    recent months said"), as is a time ago ("Ruiz just three days ago wrote")."""
    k = cue.i - 1
    while k >= first and tokens[k].kind == "word" and not _ends_name(tokens, k, first):
        if (
            is_adverb(tokens[k], lex)
            or is_time(tokens[k], lex)
            or ((cue.participle or cue.j - cue.i > 1) and tokens[k].lower in lex.classes.be)
        ):
            k -= 1
        elif (
            k - 2 >= first
            and tokens[k].lower in lex.classes.period
            and tokens[k - 1].lower in ("the", "recent")
            and tokens[k - 2].lower == "in"
        ):
            k -= 3  # "who has in the past argued", "has in recent months said"
        else:
            break
    if any(t.lower == "ago" for t in tokens[k + 1 : cue.i]):
        # "The ministry a month ago said", "Ruiz just three days ago wrote"
        while k >= first and (
            tokens[k].lower in lex.classes.ago_measure or is_quantity(tokens[k], lex)
        ):
            k -= 1
    return k


def _relative_speaker(tokens: list[Token], k: int, first: int, lex: _Lexicon) -> Phrase:
    """The relative pronoun at ``k`` as the speaker ("who said"), with its antecedent."""
    return Phrase(k, k + 1, k, k + 1, relative=True, antecedent=_antecedent(tokens, k, first, lex))


def _phrase_start(tokens: list[Token], cue: Cue, k: int, first: int, lex: _Lexicon) -> int:
    """The first token of the phrase that ends at token ``k``: back to the previous boundary,
    without "with" before a participle's noun ("with one of its leaflets asking") or the noun
    of "by which time the council said"."""
    end = k + 1
    j = _scan_left(tokens, k, first, lex)
    start = j + 1
    if cue.participle and start < end - 1 and tokens[start].lower == "with":
        start += 1  # "with one of its leaflets asking, ...": the leaflet asks
    if (
        j >= first
        and is_relative(tokens[j], lex)
        and start < end - 1
        and tokens[start].text.islower()
        and tokens[start + 1].lower in lex.classes.article
    ):
        start += 1  # "by which time the council said": the council
    return start


def _named_part(tokens: list[Token], start: int, end: int, lex: _Lexicon) -> int | None:
    """Where the phrase ``tokens[start:end]`` names its speaker, when it opens with words that
    are no subject ("Friday at the party congress Councillor Maria Lopez (Lab) said": the name
    that closes it; "outside the court last week he said": the pronoun); None when a phrase
    opening with a preposition names no one ("... without reporters asking")."""
    if start >= end or tokens[start].lower in lex.classes.possessive:
        return start  # "his press secretary Lena Berg wrote"
    if not (not_a_subject(tokens[start], lex) or tokens[start].lower in lex.classes.preposition):
        return start
    run = _trailing_name(tokens, start, end, lex)
    if run is not None:
        return run
    if tokens[end - 1].lower in lex.pronouns:
        return end - 1
    if tokens[start].lower in lex.classes.preposition:
        return None
    return start


def _subject_of_participle(
    tokens: list[Token], start: int, end: int, lex: _Lexicon
) -> tuple[int, int]:
    """The part of the phrase before a participle that speaks: the subject of the verbs before
    it ("a guard can be heard shouting"), or the noun phrase right before it ("Ruiz waved a
    placard saying ...": an email or a statement speaks for whoever sent it)."""
    last = tokens[end - 1]
    if last.text.islower() and (
        last.lower.endswith(("ed", "en")) or last.lower in lex.classes.be or last.lower in lex.forms
    ):
        stop = next(
            (
                m
                for m in range(start + 1, end)
                if tokens[m].lower in lex.classes.be | lex.classes.finite
                or tokens[m].lower in lex.classes.skip
            ),
            end,
        )
        if start < stop < end and looks_like_speaker(tokens, start, stop, lex):
            return start, stop
        return start, end
    det = max(
        (m for m in range(start + 1, end) if tokens[m].lower in lex.classes.article),
        default=None,
    )
    if (
        det is not None
        and tokens[det - 1].text.islower()
        and tokens[end - 1].lower not in lex.source_nouns  # "sent a letter saying"
        and looks_like_speaker(tokens, det, end, lex)
    ):
        return det, end
    return start, end


def _ends_name(tokens: list[Token], k: int, first: int) -> bool:
    """Is the capitalised month at ``k`` the end of a name ("Theresa May"), not a date?"""
    return (
        tokens[k].text[0].isupper()
        and tokens[k].lower in lexicon().classes.calendar  # "May", "June", "August"
        and k > first
        and tokens[k - 1].kind == "word"
        and tokens[k - 1].text[0].isupper()
        and tokens[k - 1].lower not in _time_words()
    )


def _time_words() -> frozenset[str]:
    lex = lexicon()
    return lex.classes.time | lex.classes.calendar


def _trailing_name(tokens: list[Token], start: int, end: int, lex: _Lexicon) -> int | None:
    """Start of the run of capitalised words (with initials, "(D-MA)") that ends the phrase."""
    j = end - 1
    if tokens[j].text == ")":
        opening = next(
            (n for n in range(j - 1, max(j - 8, start - 1), -1) if tokens[n].text == "("), None
        )
        if opening is None:
            return None
        j = opening - 1
    k = j
    while k >= start and (
        (
            tokens[k].kind == "word"
            and tokens[k].text[0].isupper()
            and tokens[k].lower not in lex.classes.function
        )
        or tokens[k].text in (".", "-")
        or (  # "Institute for Fiscal Studies", "Bank of England"
            tokens[k].lower in lex.classes.name_link
            and k > start
            and tokens[k - 1].kind == "word"
            and tokens[k - 1].text[0].isupper()
        )
    ):
        k -= 1
    k += 1
    while k <= j and (
        tokens[k].kind != "word"
        or (k < j and tokens[k].lower in lex.classes.time | lex.classes.calendar)
    ):
        k += 1  # "Yesterday Ruiz said": the adverb is no part of the name
    return k if start < k <= j else None


def _appositive_speaker(tokens: list[Token], k: int, first: int, lex: _Lexicon) -> Phrase | None:
    """ "Smith, the mayor, said", "the driver, Piet Keane, said", "Smith, who leads the union,
    said", "Novak -- co-author of the report -- said": ``k`` is the closing comma."""
    closing = tokens[k].text
    end = k
    j = k - 1
    while j >= first:
        token = tokens[j]
        if token.text in (";", ":") or (token.kind == "quote" and tokens[j - 1].text == closing):
            return None  # a quotation may stand inside ('Smith, the author of "Home," said')
        if token.kind == "quote" and j + 1 < k and tokens[j + 1].kind == "quote":
            return None
        if token.text == closing or (closing in DASHES and token.text in DASHES):
            break
        j -= 1
    if j < first or end - j > 30 or j + 1 >= end:
        return None
    relative = is_relative(tokens[j + 1], lex)
    if not relative and any(
        t.kind == "word" and (t.lower in lex.classes.finite or t.lower in lex.classes.be)
        for t in tokens[j + 1 : end]
    ):
        return None  # a clause between commas ("..., the board would have to ..., said X")
    before = _phrase_before(tokens, j, first, lex)
    if before is None:
        return None
    named = None if relative else _name_in_chain(tokens, before, (j + 1, end), first, lex)
    if named is not None:
        return Phrase(min(before[0], named[0]), end, *head_of(tokens, *named, lex))
    if relative or looks_like_name(tokens, *before, lex):
        return Phrase(before[0], end, *head_of(tokens, *before, lex))
    if looks_like_name(tokens, j + 1, end, lex) and tokens[before[0]].text.islower():
        return Phrase(before[0], end, *head_of(tokens, j + 1, end, lex))
    if looks_like_speaker(tokens, *before, lex):
        return Phrase(before[0], end, *head_of(tokens, *before, lex))
    return None


def _name_in_chain(
    tokens: list[Token],
    before: tuple[int, int],
    last: tuple[int, int],
    first: int,
    lex: _Lexicon,
) -> tuple[int, int] | None:
    """In a chain of appositives before a cue whose phrase before the last comma is no
    personal name ("Tom Reyes, Minister of Roads, Bridges and Ports, said"; "Keeper of the
    Records, Tom Reyes, said"; "Rep. Ana Ruiz, D-Ore., the chair ..., said"): the personal
    name in the chain, the first one; None when that phrase is a personal name or none is."""
    if _personal_name(tokens, *before, lex):
        return None
    chain = [before]
    while len(chain) < 4:
        start = chain[0][0]
        if start - 1 <= first or tokens[start - 1].text != ",":
            break
        earlier = _phrase_before(tokens, start - 1, first, lex)
        if earlier is None or _has_verb(tokens, *earlier, lex):
            break
        chain.insert(0, earlier)
    return next((span for span in [*chain, last] if _personal_name(tokens, *span, lex)), None)


def _personal_name(tokens: list[Token], start: int, end: int, lex: _Lexicon) -> bool:
    """Is ``tokens[start:end]`` a name with no lowercase word and not ending in a title
    ("Ana Ruiz", "Rep. Ana Ruiz"; not "Minister of Roads", "The Harbour Board's chair", a
    party and state label "D-Ore.")?"""
    words = [t for t in tokens[start:end] if t.kind == "word"]
    if not words or any(t.kind == "quote" for t in tokens[start:end]):
        return False
    if any(not t.text[0].isupper() for t in words) or words[0].lower in lex.classes.article:
        return False
    if words[-1].lower in title_words() or words[-1].lower.endswith(("'s", "’s")):
        return False
    return not (len(words) == 1 and re.fullmatch(r"[A-Z][A-Za-z]?-[A-Z][a-z]*", words[0].text))


def _has_verb(tokens: list[Token], start: int, end: int, lex: _Lexicon) -> bool:
    return any(
        t.kind == "word"
        and t.text.islower()
        and (t.lower in lex.forms or t.lower in lex.classes.be)
        for t in tokens[start:end]
    )


def _scan_left(tokens: list[Token], k: int, first: int, lex: _Lexicon) -> int:
    """The boundary before the phrase that ends at token ``k`` (``first - 1`` if none).
    A parenthesis belongs to the phrase: "Rep. Ann Keller (D-Ore.)"."""
    j = k
    while j >= first:
        token = tokens[j]
        if token.text == ")":
            opening = next(
                (n for n in range(j - 1, max(j - 12, first - 1), -1) if tokens[n].text == "("), None
            )
            if opening is None:
                return j
            j = opening - 1
            continue
        if token.lower == "and" and _joins_names(tokens, j, first):
            j -= 1  # "the Greens and the Liberals say"
            continue
        if (
            j < k
            and token.lower == "who"
            and is_relative(token, lex)
            and j > first
            and tokens[j - 1].kind == "word"
            and tokens[j - 1].lower not in lex.classes.preposition
            and not _starts_own_subject(tokens, j + 1, lex)
        ):
            j -= 1  # "a city hall official who spoke anonymously said": the official
            continue
        if is_boundary(token, lex) or (j < k and is_relative(token, lex)):
            return j  # "who she named": the speaker is "she"
        j -= 1
    return j


def _starts_own_subject(tokens: list[Token], j: int, lex: _Lexicon) -> bool:
    """After a relative pronoun: does a subject of its own follow ("who she named", "that the
    minister called")? If not ("who spoke anonymously"), the pronoun is the clause's subject."""
    token = tokens[j]
    return (
        token.kind != "word"
        or not token.text.islower()
        or token.lower in lex.pronouns
        or (token.lower in lex.classes.det)
    )


def _joins_names(tokens: list[Token], j: int, first: int) -> bool:
    """Does the "and" at ``j`` join two names ("Smith and Jones", "the Greens and the Liberals")?"""
    if j - 1 < first or j + 1 >= len(tokens):
        return False
    before, after = tokens[j - 1], tokens[j + 1]
    if before.kind != "word" or after.kind != "word":
        return False
    lex = lexicon()
    named_before = before.text[0].isupper() or before.lower in lex.pronouns
    return named_before and (
        after.text[0].isupper()
        or after.lower in lex.classes.joined_determiner
        or after.lower in lex.pronouns
    )  # "Smith and Jones", "the Greens and the Liberals", "she and another witness"


def speaker_after(tokens: list[Token], cue: Cue) -> Phrase | None:
    """The speaker phrase right after ``cue`` ("said Smith", "according to the ministry")."""
    lex = lexicon()
    start = cue.j
    if start >= len(tokens) or tokens[start].kind != "word":
        return None
    first = tokens[start]
    if first.text.islower() and (
        first.lower in lex.classes.right_stop
        or first.lower in lex.classes.preposition
        or first.lower in lex.classes.stop
        or (
            first.lower in lex.classes.object
            and cue.order == "verb"  # "according to him", but not "said him"
            and not _possessive_determiner(tokens, start, lex)
        )
    ):
        return None
    j = start
    while j < len(tokens) and (
        not is_boundary(tokens[j], lex)
        or (tokens[j].lower == "and" and _joins_names(tokens, j, start))
    ):
        if (
            tokens[j].kind == "word"
            and tokens[j].text.islower()
            and (
                tokens[j].lower in lex.classes.right_stop
                or (tokens[j].lower in lex.forms and tokens[j - 1].lower not in lex.classes.det)
            )
            and j > start
        ):
            break  # ("said Ruiz, who ...", but "according to the report")
        j += 1
    end = j
    while end > start and tokens[end - 1].kind == "punct":
        end -= 1
    # "According to early results of exit polls conducted for three networks, ...": a source
    # that opens its sentence may be long; it runs to its comma.
    longest = 30 if cue.order == "before" and j < len(tokens) and tokens[j].text == "," else 12
    if start >= end or end - start > longest:
        return None
    if not looks_like_speaker(tokens, start, end, lex):
        return None
    return Phrase(start, end, *head_of(tokens, start, end, lex))


def _possessive_determiner(tokens: list[Token], k: int, lex: _Lexicon) -> bool:
    """Is the object pronoun at ``k`` a determiner ("according to his doctors", "said her
    brother"), not an object ("told her")?"""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        tokens[k].lower in lex.classes.det
        and nxt is not None
        and nxt.kind == "word"
        and nxt.text.islower()
        and nxt.lower not in lex.classes.stop | lex.classes.preposition | lex.classes.right_stop
    )


def _antecedent(tokens: list[Token], k: int, first: int, lex: _Lexicon) -> tuple[int, int] | None:
    """The name before ", who": tokens before the comma that precedes the relative pronoun."""
    j = k - 1
    if j >= first and tokens[j].text == ",":
        j -= 1
    if j < first:
        return None
    span = _phrase_before(tokens, j + 1, first, lex)
    if span is None:
        return None
    return head_of(tokens, *_after_agent_by(tokens, *span), lex)


def _after_agent_by(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """The agent of a passive, when the phrase holds one: "remarks made by a campaign aide
    (who said)" -> "a campaign aide", the noun phrase the relative pronoun follows."""
    for k in range(end - 2, start, -1):
        prev = tokens[k - 1]
        if tokens[k].text == "by" and prev.kind == "word" and prev.text.islower():
            return k + 1, end
    return start, end


def _phrase_before(
    tokens: list[Token], stop: int, first: int, lex: _Lexicon
) -> tuple[int, int] | None:
    """The phrase ending at token ``stop`` (exclusive), back to the previous boundary."""
    start = _scan_left(tokens, stop - 1, first, lex) + 1
    if start >= stop or stop - start > 12:
        return None
    return start, stop
