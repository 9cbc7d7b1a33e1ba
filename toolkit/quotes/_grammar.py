"""The grammar of attribution: speech cues, speaker phrases and reported clauses.

Private helper of :mod:`toolkit.quotes`. It works on one sentence at a time, on a copy of the
text in which every quotation (marks included) is masked, so a quotation is one token and the
patterns around it read like ``Q, Smith said.`` or ``Smith said: Q``. No parser is needed: the
rules read words, capitals and punctuation, and their word lists live in ``toolkit/lang/data/``
(``quote_verbs*.txt``, ``quote_cue_phrases.txt``, ``quote_words.txt``, ``quote_nouns.txt``,
``quote_source_nouns.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from toolkit.lang import read_lines, word_set
from toolkit.quotes._lexicon import (
    _given_names,
    _Lexicon,
    _name_genders,
    _place_and_family_names,
    _pronoun_genders,
    _topic_entries,
    lexicon,
)
from toolkit.quotes._tokens import DASHES, MASK, SOFT_PUNCT, Cue, Phrase, Token

# --- tokens and cues ----------------------------------------------------------------------


def find_cues(tokens: list[Token], headline: bool = False) -> list[Cue]:
    """Speech, belief, evidence and evaluation cues among ``tokens``, in order.

    In a headline (``headline=True``) capitalised words may be cues: "Mayor Warns ...".
    """
    lex = lexicon()
    cues: list[Cue] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind != "word":
            i += 1
            continue
        phrase = _match_phrase(tokens, i, lex) or _holder_of_view(tokens, i, lex)
        if phrase is not None:
            cues.append(phrase)
            i = phrase.j
            continue
        entry = lex.forms.get(token.lower)
        if entry is not None and _is_verb(tokens, i, lex, headline):
            base, cls = entry
            participle = token.lower.endswith("ing") or (i > 0 and tokens[i - 1].lower == "having")
            cues.append(Cue(i, i + 1, base, cls, "verb", participle, token.lower))
        i += 1
    return cues


def _holder_of_view(tokens: list[Token], i: int, lex: _Lexicon) -> Cue | None:
    """ "To Ruiz, the plan is ...", "..., because to her, it ...": "to" and a person, between
    a clause boundary and a comma, says whose view the clause is (a cognition cue)."""
    if tokens[i].lower != "to":
        return None
    if i > 0:
        prev = tokens[i - 1]
        if not (
            prev.text == "," or (prev.text.islower() and prev.lower in lex.words["clause_link"])
        ):
            return None
    comma = next(
        (m for m in range(i + 1, min(i + 6, len(tokens))) if tokens[m].kind != "word"), None
    )
    if comma is None or comma == i + 1 or tokens[comma].text != "," or comma + 1 >= len(tokens):
        return None
    after = tokens[comma + 1]
    if after.kind == "punct" or (
        after.text.islower()
        and (
            is_relative(after, lex)
            or after.lower in lex.words["preposition"] | lex.words["stop"]
            or after.lower in lex.words["coordinator"]
        )
    ):
        return None  # "..., to her lawyer, who ...": a phrase, not a view
    words = tokens[i + 1 : comma]
    if len(words) == 1 and words[0].lower in lex.words["object"]:
        return Cue(i, i + 1, "to", "cognition", "before", form="to")
    first, head = words[0], words[-1]
    if first.text.islower() and first.lower not in lex.words["det"] | lex.words["number"]:
        return None  # ", to pitch the plan, ...": an infinitive
    if any(t.text.islower() and t.lower in lex.words["preposition"] for t in words):
        return None  # "to the north of the river"
    named = (
        head.text[0].isupper()
        and head.lower not in lex.words["function"] | lex.words["calendar"] | lex.words["time"]
    ) or head.lower in lex.source_nouns  # "To Ruiz", "To many voters", not "To some extent"
    if not named or not looks_like_speaker(tokens, i + 1, comma, lex):
        return None
    return Cue(i, i + 1, "to", "cognition", "before", form="to")


def _match_phrase(tokens: list[Token], i: int, lex: _Lexicon) -> Cue | None:
    for words, order, needs in lex.phrases.get(tokens[i].lower, ()):
        j = i + len(words)
        if j <= len(tokens) and all(t.lower == w for t, w in zip(tokens[i:j], words, strict=True)):
            if needs and not any(t.lower in lex.words[needs] for t in tokens[j : j + 4]):
                continue  # "did not return the money", not "did not return calls"
            participle = tokens[i].lower.endswith("ing")
            return Cue(i, j, " ".join(words), "speech", order, participle, " ".join(words))
    return None


def _is_verb(tokens: list[Token], i: int, lex: _Lexicon, headline: bool = False) -> bool:
    """Is the speech word at ``i`` used as a verb (not "the claims", "to say", "was told")?"""
    token = tokens[i]
    if token.text[0].isupper() and not (headline and i > 0):
        return False  # "Asked about ...", a title ("Fox News Reports")
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        prev is not None
        and prev.kind == "word"
        and (prev.lower in lex.words["det"] or prev.lower == "to")
    ):
        return False  # "the claims", "to say"
    if nxt is not None and nxt.lower == "of" and token.lower.endswith("s"):
        return False  # "claims of fraud"
    if (
        token.lower.endswith("ing")
        and (nxt is None or nxt.kind == "punct" or nxt.lower in lex.words["noun_preposition"])
        and not (  # "one of its leaflets asking, ...": a plural noun before a participle
            prev is not None
            and prev.lower.endswith("s")
            and not prev.lower.endswith(("ss", "ous", "'s", "’s"))
        )
        and any(
            tokens[m].lower in lex.words["noun_marker"]
            and all(t.kind == "word" and t.text.islower() for t in tokens[m + 1 : i])
            for m in range(max(i - 3, 0), i)
        )
    ):
        return False  # "gave the council a sharp warning: ...": a noun (not "a placard saying")
    if token.lower in lex.words["plural_noun"] and not (
        prev is not None
        and (prev.kind == "word" or (prev.text == "," and nxt is not None and nxt.kind == "word"))
        and (
            prev.lower in lex.pronouns | lex.relatives
            or prev.text == ","  # "Lena Berg, a longtime ally of the mayor, calls the plan"
            or prev.text[0].isupper()
            or prev.lower in lex.source_nouns
            or prev.lower in lex.words["skip"]
        )
    ):
        return False  # "three coastal states", "the plans": a plural noun
    if (
        prev is not None
        and prev.kind == "word"
        and prev.lower.endswith(("'s", "’s", "s'", "s’"))
        and prev.lower[:-2] not in lex.pronouns | lex.relatives | lex.words["function"]
    ):
        return False  # "Ruiz's comments", "the party's claims": a noun after a possessive
    if (
        nxt is not None
        and token.lower.endswith("s")
        and (prev is None or prev.lower not in lex.pronouns)
        and (nxt.lower in lex.words["be"] or nxt.lower in lex.words["finite"])
    ):
        return False  # "his remarks were", "the comments have": a plural noun
    base, cls = lex.forms[token.lower]
    if (
        nxt is not None
        and nxt.lower == "by"
        and token.lower != base
        and not token.lower.endswith(("ing", "s"))
    ):
        return False  # 'amendments added by the council': a participle, not a speech verb
    if (
        token.lower.endswith("s")
        and token.lower != base
        and prev is not None
        and prev.kind == "word"
        and prev.text.islower()
        and prev.lower.endswith("ing")
    ):
        return False  # "giving towns more money": a noun after a participle
    if (
        token.lower == base
        and base not in lex.words["direct_only"]
        and not _may_precede_base_form(prev, lex)
        and not _plural_subject_before(tokens, i, lex)
    ):
        return False  # "a phone call", "voter suggestions": a noun, not a verb
    if (
        cls in ("evaluation", "stance")
        and token.lower.endswith("s")
        and not token.lower.endswith("ss")
        and (prev is None or prev.lower not in lex.pronouns | lex.relatives)
    ):
        # "Night attacks", "the party's criticisms": an -s form of a judging verb is a
        # verb only after a pronoun ("she attacks", "who praises").
        return False
    if not token.lower.endswith("ing"):
        k = i - 1
        while k >= 0 and tokens[k].kind == "word" and is_adverb(tokens[k], lex):
            k -= 1
        if k >= 0 and tokens[k].lower in lex.words["be"]:
            return False  # passive: "was told", "is expected"
    return True


def _plural_subject_before(tokens: list[Token], i: int, lex: _Lexicon) -> bool:
    """ "aides close to the mayor say": a plural source noun heads the phrase before a
    base form, a few words back."""
    for k in range(i - 2, max(i - 6, -1), -1):
        token = tokens[k]
        if token.kind != "word" or token.lower in lex.words["stop"] or token.lower in lex.forms:
            return False
        if token.lower in lex.source_nouns and token.lower.endswith("s"):
            return True
    return False


def _may_precede_base_form(prev: Token | None, lex: _Lexicon) -> bool:
    """A base form ("say", "call") is a verb after "they", "will", "officials", "farmers"."""
    if prev is None or prev.kind != "word":
        return False
    lower = prev.lower
    return (
        lower in lex.words["base_subject"]
        or is_adverb(prev, lex)
        or (lower.endswith("s") and not lower.endswith(("ss", "'s", "’s")) and len(lower) > 3)
    )


def opens_with_attribution(text: str) -> bool:
    """Does ``text`` open with "Smith said", "he added", "Mr. Reyes told"? Then a quotation
    that ends with a period just before it is still attributed by it."""
    lex = lexicon()
    words = re.findall(r"[\w.’'-]+|[^\w\s]", text)[:20]
    for n, word in enumerate(words[:5]):
        lower = word.lower()
        if (
            n > 0
            and lower in lex.forms
            and lower != lex.forms[lower][0]
            and lex.forms[lower][1] == "speech"
        ):
            # '"..." Smith said.' but not '"..." He added that ...' or '"..." He adds, "..."'
            after = words[n + 1 : n + 3]
            if lower.endswith("ing"):
                return False
            if after[:1] in ([","], ["."], [";"]):
                return not (len(after) == 2 and after[1] in "\"“'‘«" + MASK)
            return _closing_phrase(words[n + 1 :], lex)
        if not (word[:1].isupper() or lower in lex.pronouns or is_abbreviation(word)):
            return False
    return False


def _closing_phrase(words: list[str], lex: _Lexicon) -> bool:
    """'... said to cheers.', '... said of the process.', '... said in an interview.': a short
    adverbial that ends the sentence, with no reported clause in it."""
    if not words or words[0].lower() not in lex.words["preposition"]:
        return False
    for n, word in enumerate(words[:10]):
        if word in (".", "!", "?") or (word.endswith(".") and not is_abbreviation(word)):
            return n > 0
        if word.lower() == "that" or word.lower() in lex.forms or word in (",", ";", ":", MASK):
            return False
    return False


def is_abbreviation(word: str) -> bool:
    """ "Mr.", "U.S.", "Jan.": a period that does not end a sentence."""
    bare = word.rstrip(".")
    return (
        bare in read_lines("abbreviations_nonfinal.txt")
        or bare.lower() in word_set("abbreviations_ambiguous.txt")
        or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", word) is not None
    )


def is_adverb(token: Token, lex: _Lexicon) -> bool:
    lower = token.lower
    return (
        lower in lex.words["skip"]
        or (lower.endswith("ly") and len(lower) > 3 and token.text.islower())
        or lower.endswith(("n't", "n’t"))
    )


def _is_time(token: Token, lex: _Lexicon) -> bool:
    return token.lower in lex.words["time"]


# --- speaker phrases ----------------------------------------------------------------------


def _is_boundary(token: Token, lex: _Lexicon) -> bool:
    if token.kind == "quote":
        return True
    if token.kind == "punct":
        return token.text not in SOFT_PUNCT
    return token.lower in lex.words["stop"]


def speaker_before(tokens: list[Token], cue: Cue, first: int = 0) -> Phrase | None:
    """The speaker phrase ending just before ``cue``.

    "Smith said", "the minister also told", "Smith, the mayor, said", "Smith, who leads the
    union, said", "Novak -- co-author of the report -- said", "who said" (relative).
    """
    lex = lexicon()
    k = cue.i - 1
    while k >= first and tokens[k].kind == "word" and not _ends_name(tokens, k, first):
        if (
            is_adverb(tokens[k], lex)
            or _is_time(tokens[k], lex)
            or ((cue.participle or cue.j - cue.i > 1) and tokens[k].lower in lex.words["be"])
        ):
            k -= 1
        elif (
            k - 2 >= first
            and tokens[k].lower in lex.words["period"]
            and tokens[k - 1].lower in ("the", "recent")
            and tokens[k - 2].lower == "in"
        ):
            k -= 3  # "who has in the past argued", "has in recent months said"
        else:
            break
    if any(t.lower == "ago" for t in tokens[k + 1 : cue.i]):
        # "The ministry a month ago said", "Ruiz just three days ago wrote"
        while k >= first and (
            tokens[k].lower in lex.words["ago_measure"] or _is_quantity(tokens[k], lex)
        ):
            k -= 1
    if k < first:
        return None
    token = tokens[k]
    if is_relative(token, lex):
        if k > 0 and tokens[k - 1].kind == "quote":
            return None  # 'a "night mayor" who reports to ...': the quotation
        antecedent = _antecedent(tokens, k, first, lex)
        return Phrase(k, k + 1, k, k + 1, relative=True, antecedent=antecedent)
    if token.text == "," or token.text in DASHES:
        return _appositive_speaker(tokens, k, first, lex)
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
        and tokens[start + 1].lower in lex.words["article"]
    ):
        start += 1  # "by which time the council said": the council
    counted = _counted_people(tokens, start, lex) if start < end else None
    if counted == end or (
        end - start == 1 and tokens[start].lower in lex.words["indefinite_subject"]
    ):
        return Phrase(start, end, start, end)  # "About 12 percent said", "Several said"
    if (
        start < end
        and tokens[start].lower
        not in lex.words["possessive"]  # "his press secretary Lena Berg wrote"
        and (_not_a_subject(tokens[start], lex) or tokens[start].lower in lex.words["preposition"])
    ):
        # "Friday at the party congress Councillor Maria Lopez (Lab) said": the name that
        # closes a long phrase is the speaker.
        run = _trailing_name(tokens, start, end, lex)
        if run is not None:
            start = run
        elif tokens[end - 1].lower in lex.pronouns:
            start = end - 1  # "outside the court last week he said"
        elif tokens[start].lower in lex.words["preposition"]:
            return None  # "... without reporters asking": no speaker
    if start < end - 1 and is_relative(tokens[start], lex):
        # "Novak, who has often argued ...": the relative pronoun is the speaker
        antecedent = _antecedent(tokens, start, first, lex)
        return Phrase(start, start + 1, start, start + 1, relative=True, antecedent=antecedent)
    if cue.participle and start < end - 1:
        last = tokens[end - 1]
        verb_before = last.text.islower() and (
            last.lower.endswith(("ed", "en"))
            or last.lower in lex.words["be"]
            or last.lower in lex.forms
        )
        if verb_before:
            # "a guard can be heard shouting": the subject of the verbs before the participle
            stop = next(
                (
                    m
                    for m in range(start + 1, end)
                    if tokens[m].lower in lex.words["be"] | lex.words["finite"]
                    or tokens[m].lower in lex.words["skip"]
                ),
                end,
            )
            if start < stop < end and looks_like_speaker(tokens, start, stop, lex):
                end = stop
        else:
            # "Ruiz waved a placard saying ...": the noun phrase right before it speaks
            det = max(
                (m for m in range(start + 1, end) if tokens[m].lower in lex.words["article"]),
                default=None,
            )
            if (
                det is not None
                and tokens[det - 1].text.islower()
                and tokens[end - 1].lower not in lex.source_nouns  # "sent a letter saying"
                and looks_like_speaker(tokens, det, end, lex)
            ):
                start = det  # (an email or a statement speaks for whoever sent it)
    if start >= end or end - start > 12 or not looks_like_speaker(tokens, start, end, lex):
        return None
    return Phrase(start, end, *head_of(tokens, start, end, lex))


def _ends_name(tokens: list[Token], k: int, first: int) -> bool:
    """Is the capitalised month at ``k`` the end of a name ("Theresa May"), not a date?"""
    return (
        tokens[k].text[0].isupper()
        and tokens[k].lower in lexicon().words["calendar"]  # "May", "June", "August"
        and k > first
        and tokens[k - 1].kind == "word"
        and tokens[k - 1].text[0].isupper()
        and tokens[k - 1].lower not in _time_words()
    )


def _time_words() -> frozenset[str]:
    lex = lexicon()
    return lex.words["time"] | lex.words["calendar"]


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
            and tokens[k].lower not in lex.words["function"]
        )
        or tokens[k].text in (".", "-")
        or (  # "Institute for Fiscal Studies", "Bank of England"
            tokens[k].lower in lex.words["name_link"]
            and k > start
            and tokens[k - 1].kind == "word"
            and tokens[k - 1].text[0].isupper()
        )
    ):
        k -= 1
    k += 1
    while k <= j and (
        tokens[k].kind != "word"
        or (k < j and tokens[k].lower in lex.words["time"] | lex.words["calendar"])
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
        t.kind == "word" and (t.lower in lex.words["finite"] or t.lower in lex.words["be"])
        for t in tokens[j + 1 : end]
    ):
        return None  # a clause between commas ("..., the board would have to ..., said X")
    before = _phrase_before(tokens, j, first, lex)
    if before is None:
        return None
    if relative or looks_like_name(tokens, *before, lex):
        return Phrase(before[0], end, *head_of(tokens, *before, lex))
    if looks_like_name(tokens, j + 1, end, lex) and tokens[before[0]].text.islower():
        return Phrase(before[0], end, *head_of(tokens, j + 1, end, lex))
    if looks_like_speaker(tokens, *before, lex):
        return Phrase(before[0], end, *head_of(tokens, *before, lex))
    return None


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
            and tokens[j - 1].lower not in lex.words["preposition"]
            and not _starts_own_subject(tokens, j + 1, lex)
        ):
            j -= 1  # "a city hall official who spoke anonymously said": the official
            continue
        if _is_boundary(token, lex) or (j < k and is_relative(token, lex)):
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
        or (token.lower in lex.words["det"])
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
        or after.lower in lex.words["joined_determiner"]
        or after.lower in lex.pronouns
    )  # "Smith and Jones", "the Greens and the Liberals", "she and another witness"


def is_relative(token: Token, lex: _Lexicon) -> bool:
    return token.kind == "word" and token.lower in lex.relatives and token.text.islower()


def speaker_after(tokens: list[Token], cue: Cue) -> Phrase | None:
    """The speaker phrase right after ``cue`` ("said Smith", "according to the ministry")."""
    lex = lexicon()
    start = cue.j
    if start >= len(tokens) or tokens[start].kind != "word":
        return None
    first = tokens[start]
    if first.text.islower() and (
        first.lower in lex.words["right_stop"]
        or first.lower in lex.words["preposition"]
        or first.lower in lex.words["stop"]
        or (
            first.lower in lex.words["object"]
            and cue.order == "verb"  # "according to him", but not "said him"
            and not _possessive_determiner(tokens, start, lex)
        )
    ):
        return None
    j = start
    while j < len(tokens) and (
        not _is_boundary(tokens[j], lex)
        or (tokens[j].lower == "and" and _joins_names(tokens, j, start))
    ):
        if (
            tokens[j].kind == "word"
            and tokens[j].text.islower()
            and (
                tokens[j].lower in lex.words["right_stop"]
                or (tokens[j].lower in lex.forms and tokens[j - 1].lower not in lex.words["det"])
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
        tokens[k].lower in lex.words["det"]
        and nxt is not None
        and nxt.kind == "word"
        and nxt.text.islower()
        and nxt.lower not in lex.words["stop"] | lex.words["preposition"] | lex.words["right_stop"]
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
    return head_of(tokens, *span, lex)


def _phrase_before(
    tokens: list[Token], stop: int, first: int, lex: _Lexicon
) -> tuple[int, int] | None:
    """The phrase ending at token ``stop`` (exclusive), back to the previous boundary."""
    start = _scan_left(tokens, stop - 1, first, lex) + 1
    if start >= stop or stop - start > 12:
        return None
    return start, stop


def names_source(tokens: list[Token], phrase: Phrase) -> bool:
    """Can the speaker phrase hold a view, want or find something? A personal pronoun, a name,
    or a phrase with a head noun from ``quote_source_nouns.txt`` ("officials", "a poll")."""
    lex = lexicon()
    words = [t for t in tokens[phrase.i : phrase.j] if t.kind == "word"]
    if not words:
        return False
    if len(words) == 1 and words[0].lower in lex.pronouns | lex.relatives:
        return words[0].lower in lex.words["agent_pronoun"]
    if any(t.lower in lex.source_nouns for t in words):
        return True
    for t in words:
        if (
            t.text[0].isupper()
            and (t.start != tokens[0].start or len(words) > 1)
            and t.lower not in lex.words["function"] | lex.words["calendar"]
        ):
            return True  # a name: "Ruiz", "the Senate", "Ana Ruiz"
    first = words[0]
    first_lower = first.lower
    return first.text[0].isupper() and (
        first_lower in _place_and_family_names() or first_lower in _given_names()
    )


def looks_like_name(tokens: list[Token], start: int, end: int, lex: _Lexicon) -> bool:
    """A name or a pronoun: "Smith", "the Republican senator", "she"."""
    words = [t for t in tokens[start:end] if t.kind == "word"]
    if len(words) == 1 and words[0].lower in lex.pronouns:
        return True
    return any(t.text[0].isupper() for t in words) and not any(
        t.kind == "quote" for t in tokens[start:end]
    )


def looks_like_speaker(tokens: list[Token], start: int, end: int, lex: _Lexicon) -> bool:
    """A speaker phrase has a noun-like word: a capital, a pronoun or a determiner phrase."""
    words = [t for t in tokens[start:end] if t.kind == "word"]
    if not words:
        return False
    if any(t.kind == "quote" for t in tokens[start:end]):
        return False
    first = words[0]
    if (
        first.lower in lex.pronouns
        and len(words) > 1
        and first.lower not in lex.words["impersonal_pronoun"]
    ):
        return False  # "I guess its a", "I suppose it's": a clause, not a phrase
    if first.text.islower() and (
        (first.lower in lex.forms and first.lower != lex.forms[first.lower][0])
        or first.lower in lex.words["be"]
        or first.lower in lex.words["finite"]
    ):
        return False  # "said his new", "was in answer to": no speaker phrase
    for t in words[1:]:
        if t.lower in lex.relatives and t.text.islower():
            break  # "an official who spoke anonymously": the relative clause may hold verbs
        if t.text.islower() and (
            (
                t.lower in lex.forms
                and t.lower != lex.forms[t.lower][0]
                and not t.lower.endswith("s")
            )
            or t.lower in lex.words["be"]
            or t.lower in lex.words["finite"]
        ):
            return False  # "Ruiz has said she", "Tom Reyes has been weighing": a clause
    last = words[-1]
    # A phrase that ends in a verb form is no speaker: "... who was told".
    return not (
        last.lower in lex.forms and last.text.islower() and last.lower != lex.forms[last.lower][0]
    )


def head_of(tokens: list[Token], start: int, end: int, lex: _Lexicon) -> tuple[int, int]:
    """The part of a speaker phrase that names the speaker.

    A lowercase head followed by a preposition keeps only the head ("a spokeswoman for the
    council" -> "a spokeswoman"); names keep their title ("Sen. Ann Keller").
    """
    last = tokens[end - 1]
    ends_in_name = last.kind == "word" and last.text[0].isupper() and end - start > 1
    for k in range(start + 1, end):
        token = tokens[k]
        prev = tokens[k - 1]
        if is_relative(token, lex):
            return start, k  # "a city hall official who spoke anonymously"
        if ends_in_name:
            continue  # "her chief of staff Tom Reyes"
        if (
            token.kind == "word"
            and token.lower in lex.words["preposition"]
            and token.text.islower()
            and prev.kind == "word"
            and prev.text.islower()
            and not (token.lower == "of" and _is_quantity(prev, lex))  # "one of its leaflets"
        ):
            return start, k
    return start, end


def _counted_people(tokens: list[Token], k: int, lex: _Lexicon) -> int | None:
    """ "About 150 farmers", "Three officials", "more than 300 residents": a counted
    plural subject; the end of the phrase, or None. Not "Four days before ..."."""
    j = k
    approximators = lex.words["approximator"]
    while j < len(tokens) and tokens[j].lower in approximators:
        j += 1
    if j >= len(tokens) or not _is_quantity(tokens[j], lex) or tokens[j].lower in approximators:
        return None
    for m in range(j + 1, min(j + 4, len(tokens))):  # the plural noun: up to three words on
        token = tokens[m]
        if token.kind != "word" or token.lower in lex.forms or token.lower in lex.words["stop"]:
            return None
        if token.lower.endswith("s") and not token.lower.endswith("ss"):
            return None if token.lower in lex.words["time"] else m + 1
    return None


def _is_quantity(token: Token, lex: _Lexicon) -> bool:
    return (
        token.lower in lex.words["number"]
        or token.text[0].isdigit()
        or token.lower in lex.words["quantity"]
    )


def _not_a_subject(token: Token, lex: _Lexicon) -> bool:
    """Capitalised at the start of a sentence but no name: "Four", "Saturday", "Specifically"."""
    lower = token.lower
    if lower in lex.pronouns:
        return False
    return (
        lower in lex.words["function"]
        or lower in lex.words["calendar"]
        or (lower in lex.words["time"] and lower not in ("this", "on"))  # "Last month he said"
        or lower in lex.words["number"]
        or token.text[0].isdigit()
        or (lower.endswith("ly") and len(lower) > 4 and lower not in _given_names())
        or (lower.endswith(("’s", "'s")) and lower[:-2] in lex.words["function"])  # "That’s"
        or (lower.endswith("ing") and lower not in _place_and_family_names())
        or lower in lex.words["possessive"]
    )


def may_refer_to(tokens: list[Token], span: tuple[int, int], pronoun: str) -> bool:
    """Can the personal ``pronoun`` stand for the phrase ``tokens[span[0]:span[1]]``? The
    same pronoun; "he"/"she" for a name or a person noun whose given name, if known, has
    that gender; "they" for a plural or a group; "it" for anything but a person's name."""
    lex = lexicon()
    words = [t for t in tokens[span[0] : span[1]] if t.kind == "word"]
    if not words:
        return False
    first = words[0].lower.removesuffix("’s").removesuffix("'s")
    if len(words) == 1 and first in lex.pronouns:
        return first == pronoun
    genders = _name_genders()
    gender = next(  # a given name is followed by the family name: "Ana Ruiz"
        (
            genders[a.lower]
            for a, b in pairwise(words)
            if a.lower in genders and b.text[0].isupper()
        ),
        None,
    )
    head = words[-1].lower
    pronoun_genders = _pronoun_genders()
    if pronoun in pronoun_genders:
        person = any(t.text[0].isupper() for t in words) or head in lex.source_nouns
        return (
            person
            and gender in (None, "-", pronoun_genders[pronoun])
            and not (head.endswith("s") and not head.endswith("ss") and head in lex.source_nouns)
        )
    if pronoun == "they":
        return (head.endswith("s") and not head.endswith("ss")) or (
            head in lex.source_nouns and gender is None
        )
    return pronoun == "it" and gender is None


def sentence_subject(tokens: list[Token], before: int) -> tuple[int, int] | None:
    """The subject at the start of a sentence, as a token range ending before ``before``: a
    pronoun, a name ("Sen. Ann Keller") or a description ("The crowd").

    Opening words ("And then", "However,") and an opening adverbial up to its comma ("On
    Sunday,", "Back in the valley,", "In replying on Friday,") are skipped.
    """
    lex = lexicon()
    n = len(tokens)
    k = 0
    while k < n and tokens[k].kind == "word" and tokens[k].lower in lex.words["conjunction"]:
        k += 1
    if k < n and tokens[k].text == ",":
        k += 1
    if k + 1 < n and tokens[k].lower in ("here’s", "here's"):
        k += 1  # "Here's Ruiz in 1998: ..." presents its subject
    elif k + 2 < n and tokens[k].lower == "here" and tokens[k + 1].lower in ("is", "are"):
        k += 2
    counted = _counted_people(tokens, k, lex)
    if counted is not None:
        return k, counted  # "About 150 farmers marched to the ministry, ..."
    comma = next((c for c in range(k, min(n, k + 12)) if tokens[c].text == ","), None)
    if comma is not None and comma + 1 < n and comma + 1 < max(before, comma + 2):
        after = tokens[comma + 1]
        opener = (
            tokens[k].lower in lex.words["opener"]
            or tokens[k].lower in lex.words["preposition"]
            or tokens[k].lower.endswith("ing")
        )
        named_after = after.kind == "word" and (
            after.lower in lex.pronouns or after.text[0].isupper()
        )
        has_cue = any(t.lower in lex.forms for t in tokens[k:comma] if t.kind == "word")
        adverbial = tokens[k].lower not in lex.words["possessive"] and (
            _not_a_subject(tokens[k], lex)
            or any(
                t.lower in lex.words["time"] or t.lower in lex.words["calendar"]
                for t in tokens[k:comma]
            )
        )  # "Back in the valley, he", "Weeks later, Ruiz", not "His lead ..., Ore."
        if opener or (named_after and adverbial and not has_cue):
            k = comma + 1
    if k >= n or tokens[k].kind != "word":
        return None
    first = tokens[k]
    if first.lower in lex.pronouns:
        return k, k + 1
    counted = _counted_people(tokens, k, lex)
    if counted is not None:
        return k, counted
    possessive = (
        first.lower in lex.words["person_possessive"] and k + 1 < n and tokens[k + 1].text.islower()
    )
    if _not_a_subject(first, lex) and not possessive:
        return None  # but "His deputy pressed on ..." has a subject
    nxt = tokens[k + 1] if k + 1 < n else None
    if first.lower.endswith("ed") and nxt is not None and nxt.lower in lex.words["preposition"]:
        return None  # "Joined on stage by ...": a participle
    j = k + 1
    articles = lex.words["article"]
    if first.lower in articles or first.text[0].isupper() or possessive:
        while j < n and tokens[j].kind != "quote" and j - k < 8:
            token = tokens[j]
            if token.kind == "punct" and token.text not in SOFT_PUNCT:
                break
            if (
                token.kind == "word"
                and token.text.islower()
                and (
                    token.lower in lex.forms
                    or token.lower in lex.words["be"]
                    or token.lower in lex.words["stop"]
                    or token.lower in lex.words["preposition"]
                    or is_adverb(token, lex)
                    or token.lower.endswith("ed")
                )
            ):
                break
            if (
                token.kind == "word"
                and token.text.islower()
                and first.text[0].isupper()
                and first.lower not in articles
                and not possessive
                and not _title_before_name(tokens, j, lex)
            ):
                break  # a name ends where lowercase begins: "Ruiz took"
            j += 1
        while j > k + 1 and tokens[j - 1].kind == "punct":
            j -= 1
        if (first.lower in articles or possessive) and j == k + 1:
            return None
        return k, j
    return None


def _title_before_name(tokens: list[Token], j: int, lex: _Lexicon) -> bool:
    """Do the lowercase words from ``j`` describe the name that follows them ("Green party
    candidate Ana Ruiz", "Former state senator Tom Reyes")? One to three
    words, the last a person noun (``quote_source_nouns.txt``), then a capitalised word."""
    for m in range(j, min(j + 4, len(tokens))):
        token = tokens[m]
        if token.kind != "word":
            return False
        if not token.text.islower():
            return (
                m > j
                and token.lower not in lex.words["function"]
                and tokens[m - 1].lower in lex.source_nouns
            )
        if (
            token.lower in lex.forms
            or token.lower in lex.words["be"] | lex.words["finite"] | lex.words["stop"]
            or token.lower in lex.words["preposition"]
            or is_adverb(token, lex)
            or token.lower.endswith(("ed", "ing"))
            or token.lower in lex.words["title_stop"]
        ):
            return False
    return False


# --- reported clauses ---------------------------------------------------------------------


def content_after(tokens: list[Token], cue: Cue, stop: int) -> tuple[int, int] | None:
    """The reported clause after a cue: "said (on Monday) (that) CLAUSE", to token ``stop``."""
    lex = lexicon()
    k = cue.j
    # "said that", "told reporters that", "said in a written statement that": up to "that".
    for n in range(k, min(stop, k + 14)):
        token = tokens[n]
        if token.kind != "word" and token.text not in (".", ":", ",", "’s", "'s", "%", "-"):
            break  # ("say by a wide margin, 55 percent to 38 percent, that ...")
        if token.kind == "word" and token.lower in lex.forms and token.text.islower():
            break  # "replied before adding that ...": the clause is the next cue's
        if token.lower == "that" and token.text == "that":
            after = tokens[n + 1] if n + 1 < stop else None
            if after is not None and after.lower in lex.words["finite"]:
                return trim(tokens, n, stop)  # "warn that would hurt": "that" is the subject
            return trim(tokens, n + 1, stop)
    if (
        k + 1 < stop
        and tokens[k].text == ","
        and tokens[k + 1].kind == "word"
        and cue.cls == "speech"
    ):
        k += 1  # "Okafor says, rain or shine, the market will open"
    if k < stop and tokens[k].text == ":":
        return trim(tokens, k + 1, stop)
    if cue.base in lex.with_object and k < stop:
        k = skip_object(tokens, k, stop, lex)
    if k >= stop or tokens[k].kind != "word":
        return None
    first = tokens[k]
    if cue.cls == "intention":
        # "wants to double ...", "proposed that ...", "proposed deep cuts"
        if first.lower == "to":
            verb = tokens[k + 1] if k + 1 < stop else None
            if verb is None or not _infinitive_verb(verb, lex):
                return None  # "sales declined to 4,000", "agreed to the terms": no infinitive
            return trim(tokens, k, stop)
        if (
            cue.base in lex.words["object_content"]
            and first.lower not in lex.words["preposition"] | lex.words["be"]
            and first.lower not in lex.words["stop"]
        ):
            return trim(tokens, k, stop)
        return None
    if cue.cls in ("evaluation", "stance"):
        # "praised the nurses", "criticised the plan"
        if first.lower in lex.words["preposition"] - {"to"} or first.lower in lex.words["be"]:
            return None
        return trim(tokens, k, stop)
    if first.lower == "to":
        if cue.base not in lex.with_infinitive:
            return None
    elif cue.base in lex.words["clause_only"]:
        if first.lower not in lex.words["content_opener"] and first.lower not in lex.pronouns:
            return None  # "maintains a steady pace": no clause
    elif cue.cls != "speech" or cue.base in lex.with_object:
        if cue.base in lex.words["question_verb"] and first.lower in lex.words["question_opener"]:
            return trim(tokens, k, stop)  # "asked about the budget", "asked for a list"
        if first.lower not in lex.words["clause"] and not first.text[0].isupper():
            return None
    elif first.lower in lex.words["preposition"] or first.lower in lex.words["right_stop"]:
        return None
    return trim(tokens, k, stop)


def _infinitive_verb(token: Token, lex: _Lexicon) -> bool:
    """Can ``token`` be the verb of a to-infinitive? Not a number, a capitalised name, an
    article, a preposition or a word before a number ("declined to 4,000", "agreed to the
    terms", "wants to Ruiz", "fell to below 3%", "declined to nearly $40")."""
    return (
        token.kind == "word"
        and token.text.islower()
        and not token.text[0].isdigit()
        and token.lower not in lex.words["number"]
        and token.lower not in lex.words["det"]
        and token.lower not in lex.words["possessive"]
        and token.lower not in lex.words["preposition"]
        and token.lower not in lex.words["approximator"]
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
        if token.lower in lex.words["naming_link"] and token.text.islower():
            return trim(tokens, k, stop)
        if token.lower in lex.words["preposition"] | lex.words["be"] | lex.words["finite"]:
            return None
    return None


def skip_object(tokens: list[Token], k: int, stop: int, lex: _Lexicon) -> int:
    """Skip the hearer after "told"/"warned": "told reporters", "told the BBC", "told me"."""
    first = tokens[k]
    if first.kind != "word":
        return k
    if first.lower in lex.words["object"]:
        return k + 1
    if (
        first.lower in lex.words["article"]
        or first.text[0].isupper()
        or first.lower in lex.words["hearers"]
    ):
        n = k + 1 if first.lower in lex.words["article"] else k
        while (
            n < stop
            and tokens[n].kind == "word"
            and (
                tokens[n].text[0].isupper() or n == k + 1 or tokens[n].lower in lex.words["hearers"]
            )
        ):
            n += 1
            if tokens[n - 1].lower in lex.words["hearers"]:
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
        if token.lower in ("and", "but") and n > start and _new_predicate(tokens, n + 1, end):
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


def _new_predicate(tokens: list[Token], k: int, end: int) -> bool:
    """Does a new predicate start at ``k`` ("then issued", "later left"): adverbs, then a
    lowercase past tense?"""
    lex = lexicon()
    while k < end and tokens[k].kind == "word" and tokens[k].lower in lex.words["skip"]:
        k += 1
    return (
        k < end
        and tokens[k].kind == "word"
        and tokens[k].text.islower()
        and tokens[k].lower.endswith("ed")
        and tokens[k].lower not in lex.words["preposition"]
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


# --- nominal cues -------------------------------------------------------------------------


def possessor_before(tokens: list[Token], noun: int) -> int | None:
    """The possessive that owns the speech noun at ``noun``: "his" in "his pledge", "Ruiz's"
    in "Ruiz's bold new pledge" (up to two modifiers between), or None."""
    lex = lexicon()
    for k in range(noun - 1, max(noun - 4, -1), -1):
        token = tokens[k]
        if token.kind != "word":
            return None
        lower = token.lower
        if lower in lex.words["owner_possessive"]:
            return k
        if lower.endswith(("'s", "’s", "s'", "s’")) and lower[:-2] not in lex.words["function"]:
            return k if token.text[0].isupper() or lower[:-2] in lex.source_nouns else None
        if not token.text.islower() or lower in lex.forms or lower in lex.words["stop"]:
            return None
    return None


def nominal_cues(tokens: list[Token]) -> list[tuple[int, int]]:
    """(possessor, noun) token pairs: "his claim", "Ruiz's bold new pledge"."""
    lex = lexicon()
    found = []
    for n, token in enumerate(tokens):
        if token.kind == "word" and token.text.islower() and token.lower in lex.speech_nouns:
            if n >= 2 and tokens[n - 1].kind == "quote":
                owner = possessor_before(tokens, n - 1)  # 'Ruiz's "no new taxes" pledge'
                owner = owner if owner == n - 2 else None
            else:
                owner = possessor_before(tokens, n)
            if owner is not None:
                found.append((owner, n))
    return found


# --- hedges -------------------------------------------------------------------------------


def hedges(tokens: list[Token]) -> list[tuple[int, int, int]]:
    """Hedges with no source (``quote_hedges.txt``): (cue start, cue end, content start) for
    "is expected to", "is widely seen as", "seems to", "it appears that"."""
    lex = lexicon()
    found = []
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token.kind != "word" or not token.text.islower():
            continue
        be = token.lower in lex.words["be"]
        if not be and token.lower not in lex.hedges:
            continue
        first = i + 1 if be else i
        if be:
            while first < n and tokens[first].kind == "word" and is_adverb(tokens[first], lex):
                first += 1
        if first >= n:
            continue
        for words, needs_be, openers in lex.hedges.get(tokens[first].lower, ()):
            if needs_be != be:
                continue
            end = first + len(words)
            if end >= n or any(
                t.lower != w or not t.text.islower()
                for t, w in zip(tokens[first:end], words, strict=True)
            ):
                continue
            after = tokens[end]
            if after.kind != "word" or (openers is not None and not after.text.islower()):
                continue
            if openers is None:
                if (
                    after.lower in lex.words["preposition"]
                    or after.lower in lex.words["be"]
                    or after.lower in lex.words["stop"]
                ):
                    continue  # "was considered by the board", "is seen as well"
            elif after.lower not in openers:
                continue
            elif after.lower == "to" and not (
                end + 1 < n and _infinitive_verb(tokens[end + 1], lex)
            ):
                continue  # "is known to police", "appeared to the crowd"
            found.append((i, end, end + 1 if after.lower == "that" else end))
            break
    return found


def hedge_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """The subject of a hedge that starts at token ``cue``: "the bill" in "..., but the bill
    would seem to ...". Modals and adverbs before the cue are skipped; the subject runs left to
    a comma, a clause word ("that", "but", "which") or a cue; "it" and "there" are no subject."""
    lex = lexicon()
    end = cue
    while end > 0 and tokens[end - 1].kind == "word" and is_adverb(tokens[end - 1], lex):
        end -= 1
    start = end
    while start > 0 and end - start < 12:
        token = tokens[start - 1]
        if token.kind == "quote" or (token.kind == "punct" and token.text not in SOFT_PUNCT):
            break
        if (
            token.kind == "word"
            and token.text.islower()
            and (
                token.lower in lex.words["stop"]
                or token.lower in lex.relatives
                or token.lower in lex.words["be"]
                or (token.lower in lex.forms and _is_verb(tokens, start - 1, lex))
            )
        ):
            break  # "aides said the bill ...", but not "the plan ..."
        start -= 1
    else:
        if start > 0:
            return None  # too long to be a subject
    while (
        start < end
        and tokens[start].kind == "word"
        and (
            tokens[start].lower in lex.words["conjunction"]
            or tokens[start].lower in lex.words["stop"]
        )
    ):
        start += 1  # "But the bill ...", "Now she ..."
    if start >= end or (end - start == 1 and tokens[start].lower in ("it", "there")):
        return None
    return start, end


# --- questions without a subject ------------------------------------------------------------


def questions(tokens: list[Token]) -> list[tuple[int, int, tuple[int, int] | None]]:
    """ "Asked on Monday whether ...", "when asked by an interviewer whether ...", "was asked to
    leave": a past participle of a question verb with no subject before it. Returns (cue,
    content start, the asker after "by" as a token range, or None)."""
    lex = lexicon()
    found = []
    n = len(tokens)
    for i, token in enumerate(tokens):
        entry = lex.forms.get(token.lower) if token.kind == "word" else None
        if (
            entry is None
            or entry[0] not in lex.words["question_verb"]
            or token.lower == entry[0]
            or token.lower.endswith(("s", "ing"))
        ):
            continue
        k = i - 1
        while k >= 0 and tokens[k].kind == "word" and is_adverb(tokens[k], lex):
            k -= 1
        if k >= 0 and not (
            tokens[k].lower in lex.words["question_lead"]
            or tokens[k].text in (",", ";", ":")
            or tokens[k].text in DASHES
        ):
            continue
        asker = None
        start = None
        m = i + 1
        while m < n and m - i <= 12:
            word = tokens[m]
            if word.kind != "word" and word.text not in SOFT_PUNCT:
                break
            if word.lower == "by" and asker is None and m + 1 < n:
                end = m + 1
                while end < n and end - m <= 8 and tokens[end].kind == "word":
                    if tokens[end].text.islower() and (
                        tokens[end].lower in lex.words["question_opener"]
                        or tokens[end].lower in lex.words["preposition"]
                    ):
                        break
                    end += 1
                asker = (m + 1, end) if end > m + 1 else None
                m = end
                continue
            if word.text.islower() and word.lower in lex.words["question_opener"]:
                after = tokens[m + 1] if m + 1 < n else None
                if after is not None and (
                    _infinitive_verb(after, lex)
                    if word.lower == "to"
                    else after.kind != "punct" and after.lower not in lex.words["preposition"]
                ):
                    start = m  # not "asked to the stage", "asked for by the club"
                break
            m += 1
        if start is not None:
            found.append((i, start, asker))
    return found


# --- cues whose content is a noun phrase after a preposition ---------------------------------


@dataclass(frozen=True, slots=True)
class TopicCue:
    """A cue read from ``quote_topic_cues.txt``: tokens ``cue.i:cue.j``, the preposition last,
    the noun phrase after it the content. ``kind`` is "verb", "adjective" or "noun"; for a noun
    ``owner`` is the token of its possessive ("her criticism of", "Ruiz's support for")."""

    cue: Cue
    kind: str
    owner: int = -1


def topic_cues(tokens: list[Token]) -> list[TopicCue]:
    """ "talked about", "railed against", "is critical of", "her criticism of": cues whose
    content is the noun phrase after their preposition (``quote_topic_cues.txt``)."""
    lex = lexicon()
    entries = _topic_entries()
    found = []
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token.kind != "word" or token.lower not in entries or not token.text.islower():
            continue
        for kind, base, tails in entries[token.lower]:
            k = i + 1
            while k < n and k - i <= 2 and tokens[k].kind == "word" and is_adverb(tokens[k], lex):
                k += 1  # "spoke candidly about"
            tail = next((t for t in tails if _words_at(tokens, k, t)), None)
            if tail is None:
                continue
            j = k + len(tail)
            if kind == "verb":
                if not _topic_verb(tokens, i, base, lex):
                    continue
                participle = token.lower.endswith("ing")
                found.append(
                    TopicCue(Cue(i, j, base, "topic", "verb", participle, token.lower), kind)
                )
            elif kind == "adjective":
                be = i - 1
                while (
                    be >= 0
                    and tokens[be].kind == "word"
                    and (is_adverb(tokens[be], lex) or tokens[be].lower in lex.words["degree"])
                ):
                    be -= 1
                if be < 0 or tokens[be].lower not in lex.words["be"] | lex.words["linking"]:
                    continue  # "a critical of" cannot be; "critical voices" is no cue
                found.append(TopicCue(Cue(be, j, base, "topic", "verb", form=token.lower), kind))
            else:
                owner = possessor_before(tokens, i)
                if owner is None:
                    verb = _light_verb_before(tokens, i, lex)
                    if verb is None:
                        continue  # "criticism of the plan grew": no one's in this sentence
                    participle = tokens[verb].lower.endswith("ing")
                    cue = Cue(verb, j, base, "topic", "verb", participle, tokens[verb].lower)
                    found.append(TopicCue(cue, "verb"))
                    break
                found.append(
                    TopicCue(Cue(i, j, base, "topic", "before", form=token.lower), kind, owner)
                )
            break
    return found


def _light_verb_before(tokens: list[Token], noun: int, lex: _Lexicon) -> int | None:
    """The verb whose object is the noun of a topic cue, and whose subject speaks: "made no
    mention of", "voiced strong support for", "is a fierce critic of". Only determiners and
    lowercase modifiers may stand between (class light_verb of quote_words.txt)."""
    for k in range(noun - 1, max(noun - 5, -1), -1):
        token = tokens[k]
        if token.kind != "word" or not token.text.islower():
            return None
        if token.lower in lex.words["light_verb"]:
            return k if _light_verb_active(tokens, k, lex) else None
        if token.lower in lex.words["preposition"] or token.lower in lex.words["stop"]:
            return None
    return None


def _light_verb_active(tokens: list[Token], k: int, lex: _Lexicon) -> bool:
    """Not "to make", "the offer", nor a passive ("was made", "were voiced")."""
    prev = tokens[k - 1] if k > 0 else None
    if (
        prev is not None
        and prev.kind == "word"
        and (prev.lower == "to" or prev.lower in lex.words["det"])
    ):
        return False
    if tokens[k].lower in lex.words["be"] | lex.words["linking"] or tokens[k].lower.endswith("ing"):
        return True
    m = k - 1
    while m >= 0 and tokens[m].kind == "word" and is_adverb(tokens[m], lex):
        m -= 1
    return not (m >= 0 and tokens[m].lower in lex.words["be"])


def _words_at(tokens: list[Token], k: int, words: tuple[str, ...]) -> bool:
    return k + len(words) <= len(tokens) and all(
        t.lower == w and t.kind == "word"
        for t, w in zip(tokens[k : k + len(words)], words, strict=True)
    )


def _topic_verb(tokens: list[Token], i: int, base: str, lex: _Lexicon) -> bool:
    """Is the head of a topic cue at ``i`` a verb in the active voice? Not a noun ("the talks
    about", "peace talks on", "Ruiz's comments on"), an infinitive ("to talk about", whose
    subject is another verb's) or a passive ("was talked about")."""
    token = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.kind == "word":
        if prev.lower in lex.words["det"] or prev.lower == "to":
            return False
        if prev.lower.endswith(("'s", "’s", "s'", "s’")) and prev.lower[:-2] not in lex.pronouns:
            return False
    if token.lower == base and not (
        _may_precede_base_form(prev, lex) or _plural_subject_before(tokens, i, lex)
    ):
        return False  # "a phone call out": a noun
    if (
        token.lower != base
        and token.lower.endswith("s")
        and not token.lower.endswith("ss")
        and not (
            prev is not None
            and prev.kind == "word"
            and (
                prev.lower in lex.pronouns | lex.relatives
                or (
                    prev.text[0].isupper()
                    and (i < 2 or tokens[i - 2].kind != "word" or not tokens[i - 2].text.islower())
                )
                or prev.lower in lex.source_nouns
                or prev.lower in lex.words["skip"]
            )
        )
    ):
        return False  # "peace talks on", "the remarks about", "his Cuban sides with"
    if not token.lower.endswith("ing"):
        k = i - 1
        while k >= 0 and tokens[k].kind == "word" and is_adverb(tokens[k], lex):
            k -= 1
        if k >= 0 and tokens[k].lower in lex.words["be"]:
            return False  # "was talked about", "is focused on"
    return True


def noun_phrase(tokens: list[Token], start: int, cues: list[Cue]) -> tuple[int, int] | None:
    """The noun phrase that is the content of a topic cue, from token ``start``: "the budget",
    "how the plan failed", "Quist" (in "... about Quist and her aides did not ..."). It ends at
    the end of its clause: a semicolon, colon, dash or bracket, a comma before a conjunction,
    a relative pronoun, a participle or a cue, "and"/"but" before a new clause, or a
    subordinator ("when", "because"), or a finite verb unless a clause opened it ("talked about
    how the plan was failing"; "her comments on the issue were ..."). None when what follows is
    a number, a time, an adverbial ("spoke about 20 minutes", "voted for the first time",
    "remarks on condition of anonymity") or a quotation."""
    lex = lexicon()
    n = len(tokens)
    if start >= n or tokens[start].kind != "word":
        return None
    first = tokens[start]
    if (
        first.text[0].isdigit()
        or first.lower in lex.words["number"] | lex.words["approximator"] | lex.words["calendar"]
        or (first.lower in lex.words["time"] and first.lower != "this")
        or (first.lower == "the" and start + 2 < n and tokens[start + 2].lower == "time")
    ):
        return None
    head = start + 1 if first.lower in lex.words["article"] and start + 1 < n else start
    if tokens[head].lower in lex.words["adverbial_noun"] or first.lower in lex.words["skip"]:
        return None
    # A clause opened by "how", "whether", "that", a relative... may hold its own verb ("talked
    # about how the plan was failing"); a plain noun phrase ends before one ("bragged about his
    # record was released", "her comments on the issue were").
    clause = first.lower in lex.words["stop"] or first.lower in lex.relatives
    stop = content_end(tokens, start, cues, n)
    ends = lex.words["clause_end"]
    participles = {cue.i for cue in cues if cue.participle}  # "argued against the levy saying"
    for m in range(start + 1, stop):
        token = tokens[m]
        if token.kind == "quote":
            return None  # the quotation speaks for its clause
        if token.kind == "punct":
            if token.text in DASHES or token.text in (":", "(", ")", "[", "?", "!"):
                stop = m
                break
            if token.text == "," and m + 1 < stop:
                after = tokens[m + 1]
                if after.kind == "quote" or (
                    after.kind == "word"
                    and after.text.islower()
                    and (
                        after.lower in lex.words["clause_link"]
                        or after.lower in lex.relatives
                        or after.lower in lex.forms
                        or after.lower.endswith("ing")
                        or after.lower in lex.pronouns
                    )
                ):
                    stop = m
                    break
            continue
        if not token.text.islower():
            continue
        if token.lower in lex.words["preposition"] and m + 1 < stop:
            after = m + 2 if tokens[m + 1].lower in lex.words["article"] else m + 1
            if after < stop and tokens[after].lower in lex.words["adverbial_noun"]:
                stop = m  # "spoke about the decision on condition of anonymity"
                break
        if m in participles or (
            token.lower in lex.words["skip"]
            and token.lower not in lex.words["modifier_skip"]
            and tokens[m - 1].lower not in lex.words["det"]
        ):
            stop = m  # "... the levy saying", "Ruiz's support for the bridge never wavered"
            break
        if token.lower in lex.relatives or token.lower == "that":
            clause = True
        if token.lower in ends or (
            not clause and token.lower in lex.words["finite"] | lex.words["be"]
        ):
            stop = m  # "... when he told", "... because", "... but defended"
            break
        if token.lower in ("and", "or") and _opens_clause_after(tokens, m + 1, stop, lex):
            stop = m
            break
    return trim_words(tokens, start, stop)


def _opens_clause_after(tokens: list[Token], k: int, stop: int, lex: _Lexicon) -> bool:
    """After "and": does a clause of its own start ("and her aides did not", "and she said",
    "and then left")? A finite verb within a few words, before any relative pronoun."""
    if k < stop and tokens[k].lower in lex.pronouns and tokens[k].text.islower():
        return True
    if _new_predicate(tokens, k, stop):
        return True
    for m in range(k, min(k + 5, stop)):
        token = tokens[m]
        if token.kind != "word" or token.lower in lex.relatives or token.lower == "that":
            return False
        if token.text.islower() and (
            token.lower in lex.words["finite"] or token.lower in lex.words["be"]
        ):
            return m > k or token.lower not in ("is", "are", "was", "were")
    return False


def trim_words(tokens: list[Token], start: int, stop: int) -> tuple[int, int] | None:
    """Like :func:`trim`, but a single word is a phrase too ("talked about Quist")."""
    while start < stop and tokens[start].kind == "punct":
        start += 1
    while stop > start and tokens[stop - 1].kind == "punct":
        stop -= 1
    return (start, stop) if stop > start else None
