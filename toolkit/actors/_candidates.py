"""Name candidates: from each run of name words to the names and demonym mentions it holds.

A run ("Previously French President Emmanuel Macron") goes through named steps: ordinary
sentence openers are dropped ("Previously"), a day or month splits it ("Monday Putin said" is
two), titles are peeled off (:mod:`toolkit.actors._titles`), holidays and events are left out,
endings that name nobody are cut ("Labour MP", "US TV"), demonyms become mentions of their
country ("Russian", "North Korean"), and what is left becomes a :class:`Candidate` with the
context words that type it later (:mod:`toolkit.actors._typing`).

>>> from toolkit.actors._lexicon import lexicon
>>> doc = collect("On Monday French President Emmanuel Macron met Tom Reyes.", lexicon())
>>> [(c.text, c.titles) for c in doc.candidates], [d.text for d in doc.demonyms]
([('Emmanuel Macron', ['French President']), ('Tom Reyes', [])], ['French'])
"""

from __future__ import annotations

import re

from toolkit.actors._document import (
    Candidate,
    DemonymMention,
    Document,
    SentenceContext,
    spelled_words,
)
from toolkit.actors._lexicon import Lexicon
from toolkit.actors._runs import (
    body_vocabulary,
    is_name_token,
    mark_hyphenated_given_names,
    mark_known_phrases,
    name_runs,
)
from toolkit.actors._titles import PersonCues, cues_before, peel_titles
from toolkit.actors._tokens import Sentence, Token, split_sentences
from toolkit.actors._words import (
    is_common,
    is_common_acronym,
    is_event,
    is_initial,
    is_known_start,
    is_participle,
    title_at,
)

_OPENING_PUNCT = frozenset("\"'“‘«([{-–—:")
# "2-1", but not a bond price in 32nds ("107-2/32")
_PARTY_AND_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z.]{0,5}")
_SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d/-])")


def collect(text: str, lex: Lexicon) -> Document:
    """The article's name candidates and demonym mentions, sentence by sentence."""
    sentences = split_sentences(text)
    lower_vocab, body_caps = body_vocabulary(sentences)
    scores = len(_SCORE.findall(text))
    topic = [w.lower() for w in lex.sports_topic.findall(text)]
    sports = scores >= 2 or len(topic) >= 3
    # Results and several kinds of sports words: a match report, not an election's "points".
    match_report = (scores >= 2 and bool(topic)) or len(set(topic)) >= 3
    doc = Document(text, sentences, sports, match_report=match_report)
    for number, sentence in enumerate(sentences):
        ctx = _sentence_context(doc, lex, sentence, number, lower_vocab, body_caps)
        is_name = [is_name_token(t, sentence, lex, body_caps) for t in sentence.tokens]
        if sentence.all_caps:
            mark_known_phrases(sentence.tokens, is_name, lex)
        else:
            mark_hyphenated_given_names(sentence, is_name, lex)
        for k, token in enumerate(sentence.tokens):
            if "-" in token.text and not sentence.all_caps and not is_name[k]:
                _adjectival(ctx, token)
        for i, j in name_runs(sentence, is_name, lex):
            candidates_from_run(ctx, i, j)
    return doc


def _sentence_context(
    doc: Document,
    lex: Lexicon,
    sentence: Sentence,
    number: int,
    lower_vocab: set[str],
    body_caps: set[str],
) -> SentenceContext:
    tokens = sentence.tokens
    return SentenceContext(
        doc=doc,
        lex=lex,
        tokens=tokens,
        caps=sentence.all_caps,
        number=number,
        words=spelled_words(sentence),
        first_word=next((k for k, t in enumerate(tokens) if t.is_word), len(tokens)),
        numbers=sum(1 for t in tokens if t.text[0].isdigit()),
        lower_vocab=lower_vocab,
        body_caps=body_caps,
    )


def _adjectival(ctx: SentenceContext, token: Token) -> None:
    """ "US-supplied", "Russian-backed": a demonym-like mention of the country before the dash."""
    lex = ctx.lex
    head = token.text.split("-", 1)[0]
    place = lex.demonyms.get(head)
    if place is None and head.lower() in lex.places and head[0].isupper():
        place = lex.places[head.lower()]
        if place not in lex.countries:
            place = None
    if place:
        mention = DemonymMention(token.start, token.start + len(head), head, place, ctx.number)
        ctx.doc.demonyms.append(mention)


def candidates_from_run(ctx: SentenceContext, i: int, j: int) -> None:
    """Add the names and demonym mentions of the run of name words ``i:j`` to ``ctx.doc``."""
    i = _skip_openers(ctx, i, j)
    i, j = _trim(ctx.tokens, i, j)
    if i >= j:
        return
    split = _day_or_month(ctx, i, j)
    if split is not None:
        candidates_from_run(ctx, i, split)
        candidates_from_run(ctx, split + 1, j)
        return
    cues = cues_before(ctx, i)
    i = peel_titles(ctx, i, j, cues)
    while i < j and not ctx.tokens[i].is_word:
        i += 1  # "Mr & Tom": the "&" went with the title
    if _is_event_name(ctx, i, j):
        return
    j = cut_endings(ctx, i, j)
    if j <= i:
        return
    i = _take_demonyms(ctx, i, j)
    if i is None:
        return
    if j - i == 1 and len(ctx.words[i]) == 1:
        return  # a lone letter ("B", "N") is a table code or an initial, not a name
    if j - i == 1 and _PARTY_AND_STATE.fullmatch(ctx.words[i]):
        return  # "Ana Ruiz (D-Mass.)": a party and a state after a politician's name
    ctx.doc.candidates.append(_candidate(ctx, i, j, cues))


def _skip_openers(ctx: SentenceContext, i: int, j: int) -> int:
    """Past the opening words of the run that are no names: "The", "He", "Previously", days
    and months, an ordinary word that opens the sentence."""
    tokens, first = ctx.tokens, ctx.first_word
    initial = (
        i == first
        or (i > 0 and tokens[i - 1].text in _OPENING_PUNCT and i <= first + 1)
        or (i > 1 and tokens[i - 1].text in _OPENING_PUNCT and tokens[i - 2].text == ":")
    )  # the sentence's first word, also after an opening quote: 'TAKE: "Will ...
    while i < j:
        lower = ctx.words[i].lower()
        if (
            lower in ctx.lex.not_names
            and not (tokens[i].is_upper and not ctx.caps)
            and not is_initial(tokens, i)
        ):
            if lower == "the" and not initial and j - i > 1 and not ctx.caps:
                break  # "The Times" in mid-sentence: the article is part of the name
        elif not ((initial or ctx.caps) and _is_ordinary_opener(ctx, i, j, lower)):
            break
        i += 1
        initial = False
    return i


def _is_ordinary_opener(ctx: SentenceContext, i: int, j: int, lower: str) -> bool:
    """Is the word at ``i``, opening the sentence (or in a capitals line), an ordinary word
    rather than a name: one the article writes in lower case, a common word, or the -ing form
    of one ("Launching his campaign, Ana Ruiz ...")?"""
    lex, tokens, words = ctx.lex, ctx.tokens, ctx.words
    return (
        not is_known_start([words[k] for k in range(i, j) if tokens[k].is_word], lex)
        and not is_initial(tokens, i)
        and not _opens_a_title(ctx, i, j)
        and (lower not in ctx.body_caps or ctx.caps)
        and (is_common(lower, lex) or lower in ctx.lower_vocab or is_participle(lower, lex))
    )


def _opens_a_title(ctx: SentenceContext, i: int, j: int) -> bool:
    """Does a title start at ``i``, with a name after it ("Transport Secretary Ana Ruiz",
    "Secretary of State Tom Reyes")? Its first word stays, though an ordinary word opens the
    sentence, so that the whole title is peeled off."""
    words = _with_periods(ctx, i, j)
    lex, lowered = ctx.lex, tuple(w.lower() for w in words)
    if not (
        lowered[0] in lex.portfolios
        or lowered[0] in lex.title_modifiers
        or any(lowered[:n] in lex.titles for n in range(1, lex.max_title_tokens + 1))
    ):
        return False  # "Meanwhile President ...": the opener is no part of the title
    return 0 < title_at(words, lex) < len(words)


def _with_periods(ctx: SentenceContext, i: int, j: int) -> list[str]:
    """The words ``i:j``, an abbreviation keeping the period written right after it
    ("Sen.", "Rep.": the titles are listed so)."""
    words: list[str] = []
    for k in range(i, j):
        attached = k > i and ctx.tokens[k].start == ctx.tokens[k - 1].end
        if ctx.words[k] == "." and attached:
            words[-1] += "."
        elif ctx.words[k] != ".":
            words.append(ctx.words[k])
    return words


def _trim(tokens: tuple[Token, ...], i: int, j: int) -> tuple[int, int]:
    """Leading or trailing connectors and stray periods cannot start or end a name."""
    while i < j and not tokens[i].is_word:
        i += 1
    while j > i and not tokens[j - 1].is_word:
        j -= 1
    while j > i and tokens[j - 1].text.islower():
        j -= 1
    return i, j


def _day_or_month(ctx: SentenceContext, i: int, j: int) -> int | None:
    """A day or month inside the run, unless it is a name after a given name ("Monday Putin
    said" and "Christmas Eve Monday" are two names; "Theresa May" and "Elizabeth I" are
    one)."""
    words, lex = ctx.words, ctx.lex
    for k in range(i + 1, j):
        if words[k].lower() in lex.name_determiners and k + 1 < j:
            continue  # "Save Our Riverside": the name of a campaign
        if (
            len(words[k]) > 1
            and words[k].lower() in lex.not_names
            and not (
                words[k - 1] in lex.first_names
                and (words[k] in lex.first_names or words[k] in lex.surnames)
            )
        ):
            return k
    return None


def _is_event_name(ctx: SentenceContext, i: int, j: int) -> bool:
    """Names that are no actors: holidays, events, awards, laws ("Christmas", "Davis Cup")."""
    lex = ctx.lex
    whole = ctx.joined(i, j)
    words = list(ctx.words[i:j])
    if (
        j - i == 1
        and words[0] in lex.event_heads
        and i > 0
        and ctx.tokens[i - 1].text in ("'s", "’s")
    ):
        return True  # "New Year's Eve", "St Patrick's Day"
    return (
        whole not in lex.organizations
        and whole not in lex.places
        and is_event(words, lex)
        and not (ctx.doc.sports and len(words) == 1 and words[0] in lex.first_names)  # "Oscar"
    )


def cut_endings(ctx: SentenceContext, i: int, j: int) -> int:
    """End of the run ``i:j`` once words that end a name without naming anyone are cut off
    ("Athens Olympic", "US TV", "Labour MP"); ``i`` (nothing left) when the whole run is such
    words ("Muslim", "DVDs", "the Prime Minister")."""
    tokens = ctx.tokens
    while j > i:
        plain = [ctx.words[k] for k in range(i, j) if tokens[k].is_word]
        cut = _words_to_cut(ctx, plain, i, j)
        if cut is None:
            return i
        if not cut:
            return j
        while cut:
            j -= 1
            if tokens[j].is_word:
                cut -= 1
        while j > i and not tokens[j - 1].is_word:
            j -= 1
    return j


def _words_to_cut(ctx: SentenceContext, plain: list[str], i: int, j: int) -> int | None:
    """How many words at the end of the run (its words are ``plain``) name nobody: 0, or None
    when none of them names anyone."""
    lex = ctx.lex
    whole = " ".join(plain)
    if whole.lower() in lex.organizations or whole.lower() in lex.places:
        return 0
    if (
        whole in lex.group_words
        or (len(plain) == 1 and is_common_acronym(ctx.tokens[i].text, lex))
        or (len(plain) > 1 and title_at(plain, lex, loose=False) == len(plain))
    ):
        return None  # "Muslims", "DVDs", "the Prime Minister"
    if len(plain) > 2 and " ".join(plain[-2:]) in lex.group_words:
        return 2  # "Italian Roman Catholic"
    if plain[-1] in lex.group_words or is_common_acronym(ctx.tokens[j - 1].text, lex):
        return 1  # "Athens Olympic", "US TV", "Labour MPs"
    return _title_with_no_name(plain, lex)


def _title_with_no_name(plain: list[str], lex: Lexicon) -> int:
    """Words of a title ending the run after a party, place or group and no name: "Labour MP",
    "Tory leader", "EU High Representative for Trade" (0 if there is none)."""
    for start in range(1, len(plain)):
        if title_at(plain[start:], lex, loose=False) != len(plain) - start:
            continue
        before = " ".join(plain[:start])
        if (
            before.lower() in lex.organizations
            or before.lower() in lex.places
            or before in lex.demonyms
            or before in lex.group_words
        ):
            return len(plain) - start
        return 0
    return 0


def _take_demonyms(ctx: SentenceContext, i: int, j: int) -> int | None:
    """A run that is a demonym ("Russian", "North Korean", "Americans") becomes a demonym
    mention (None: nothing is left); so does a demonym leading a name that is no organisation
    ("Russian Vladimir Putin", "Iraqi Kurds"). Returns where the name starts."""
    lex, tokens, words = ctx.lex, ctx.tokens, ctx.words
    whole = ctx.joined(i, j)
    if (
        j - i > 1
        and words[j - 1] in lex.demonyms
        and " ".join(words[i:j]) not in lex.demonyms  # "North Korean" is North Korea's
        and _ordinary_words(ctx, i, j - 1)
    ):
        # "Western Canadian", "Rural French": a demonym with ordinary words before it
        start, end = tokens[i].start, tokens[j - 1].end
        place = lex.demonyms[words[j - 1]]
        ctx.doc.demonyms.append(
            DemonymMention(start, end, ctx.doc.text[start:end], place, ctx.number)
        )
        return None
    while True:
        name_text = " ".join(words[i:j])
        place = lex.demonyms.get(name_text) or (ctx.caps and lex.demonyms.get(name_text.title()))
        if place:
            start, end = tokens[i].start, tokens[j - 1].end
            surface = ctx.doc.text[start:end]
            ctx.doc.demonyms.append(DemonymMention(start, end, surface, place, ctx.number))
            return None
        if not (
            j - i > 1
            and words[i] in lex.demonyms
            and not any(w.lower().rstrip(".") in lex.org_words for w in words[i:j])
            and whole not in lex.organizations
            and whole not in lex.places
        ):
            return i
        token = tokens[i]
        mention = DemonymMention(
            token.start, token.end, token.text, lex.demonyms[words[i]], ctx.number
        )
        ctx.doc.demonyms.append(mention)
        i += 1
        whole = " ".join(words[i:j]).lower()


def _ordinary_words(ctx: SentenceContext, i: int, j: int) -> bool:
    """Are the words ``i:j`` all ordinary words, none of them a name?"""
    lex = ctx.lex
    return all(
        is_common(w.lower(), lex)
        and w not in lex.first_names
        and w.lower() not in lex.places
        and w not in lex.demonyms
        for w in ctx.words[i:j]
    )


def _candidate(ctx: SentenceContext, i: int, j: int, cues: PersonCues) -> Candidate:
    """The name ``i:j`` with the context words that type it later."""
    tokens, lex = ctx.tokens, ctx.lex
    start, end = tokens[i].start, tokens[j - 1].end
    prev_word = tokens[i - 1].text.lower() if i > 0 else ""
    next_word = tokens[j].text.lower() if j < len(tokens) else ""
    # ", which" / ", who" (with the comma: "a shot by X which ..." may be about the shot).
    relative = ""
    if next_word == "," and j + 1 < len(tokens):
        relative = lex.relatives.get(tokens[j + 1].text.lower(), "")
    # "Chelsea defender", "Surrey captain": a player's role after a name shows a team, in any
    # article; "Chelsea have" (a plural verb) only in a sports report.
    cue = lex.after_cues.get(next_word)
    club = cue == "team" or (ctx.doc.sports and cue == "club")
    team = ctx.doc.sports and (
        club
        or (next_word[:1].isdigit() and ctx.numbers >= 2)
        or prev_word in lex.team_before
        or next_word in lex.team_after
    )
    names = tuple(w for w in ctx.words[i:j] if w != ".")
    kind = ""
    if _abbreviated_place(ctx, i, j, prev_word):  # "Kingston, Ont.": the period is the place's
        end, names, kind = tokens[j].end, (names[0] + ".",), "place"
    return Candidate(
        start=start,
        end=end,
        text=ctx.doc.text[start:end],
        tokens=names,
        kind=kind,
        sentence=ctx.number,
        titles=cues.titles,
        gender=cues.gender,
        person_cue=cues.person_cue,
        peeled=cues.peeled,
        prev_prev=tokens[i - 2].text.lower() if i > 1 else "",
        sentence_initial=(i == ctx.first_word),
        prev_word=prev_word,
        next_word=next_word,
        team_context=team,
        in_caps=ctx.caps,
        relative=relative,
        club_cue=club,
        company_cue=company_context(tokens, i, j, lex),
        before_place=_before_a_place(ctx, j),
        before_province=_before_a_province(ctx, j),
    )


def _abbreviated_place(ctx: SentenceContext, i: int, j: int, prev_word: str) -> bool:
    """Is the name ``i:j`` a province or state abbreviation with its period ("Ont.", "Calif.")?
    One that is also a word or a name ("Man.", "Alta.") only after a comma ("Calgary, Alta.")."""
    tokens, lex = ctx.tokens, ctx.lex
    word = ctx.words[i]
    if j - i != 1 or word not in lex.place_abbreviations or j >= len(tokens):
        return False
    if tokens[j].text != "." or tokens[j].start != tokens[j - 1].end:
        return False
    return word.lower() in lex.places or prev_word == ","


def _before_a_place(ctx: SentenceContext, j: int) -> bool:
    """Does a comma and a country, region or state follow the name ending before token ``j``
    ("Lockerbie, Scotland", "Bou Haroun, Algeria"), not as an owner ("Ruiz, Britain's envoy")?"""
    tokens, lex = ctx.tokens, ctx.lex
    if j + 1 >= len(tokens) or tokens[j].text != ",":
        return False
    for size in (2, 1):
        end = j + 1 + size
        if end > len(tokens):
            continue
        place = lex.places.get(ctx.joined(j + 1, end))
        after = tokens[end].text if end < len(tokens) else ""
        if place and after not in ("'s", "’s") and not after[:1].isupper():
            return True  # not "Popescu, Bucharest Newsroom": the place must end there
    return False


def _before_a_province(ctx: SentenceContext, j: int) -> bool:
    """Does a comma and a province or state abbreviation end the sentence's clause after the
    name ending before token ``j`` ("Prince Albert, Sask.", "Port Ellis, B.C.")? Only a town is
    written so; not "Ruiz, B.C.'s health minister"."""
    tokens, lex = ctx.tokens, ctx.lex
    if j + 1 >= len(tokens) or tokens[j].text != ",":
        return False
    word = tokens[j + 1].text
    after = tokens[j + 2].text if j + 2 < len(tokens) else ""
    if word in lex.place_abbreviations:
        return after == "."
    place = lex.places.get(word.lower()) if word.count(".") >= 2 else None
    return bool(place) and place not in lex.countries and after not in ("'s", "’s", "'", "’")


def company_context(tokens: tuple[Token, ...], i: int, j: int, lex: Lexicon) -> bool:
    """Does the context of the name ``tokens[i:j]`` show a company or other organisation?

    "X's shares" / "X's chief executive" (a possessive before a company word), "X, the
    Dutch electronics group," (an apposition whose head is a company noun), "chairman of X",
    "shares in X".
    """
    n = len(tokens)
    after = tokens[j].text.lower() if j < n else ""
    if after in ("'s", "’s") and j + 1 < n and (tokens[j + 1].text.lower(), "'s") in lex.company_of:
        return True
    if i > 1 and (tokens[i - 2].text.lower(), tokens[i - 1].text.lower()) in lex.company_of:
        return True
    if after == "," and j + 2 < n and tokens[j + 1].text.lower() in ("the", "a", "an"):
        # The head noun of the apposition is its last word: punctuation or a function word
        # follows it ("X, the oldest family company to float", but not "X, the firm's chairman").
        for k in range(j + 2, min(j + 8, n)):
            if not tokens[k].is_word:
                break
            if lex.before_cues.get(tokens[k].text.lower()) == "organization":
                following = tokens[k + 1].text.lower() if k + 1 < n else "."
                if following in lex.apposition_ends or following in (",", ".", ";", ")"):
                    return True
    return False
