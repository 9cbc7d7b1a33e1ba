"""Finding actors: candidate names, their type, and which names belong to one actor.

The pipeline, per article:

1. **Candidates.** Runs of capitalised tokens in each sentence, joined by name connectors
   ("Bank *of* England", "Charles *de* Gaulle", "George W*.* Bush"). A sentence-initial word that
   is an ordinary word ("Previously", "The") is dropped; so is a word seen in lower case
   elsewhere in the article. Headlines in capitals are read case-insensitively: a word counts
   only if the article's body or the gazetteers know it as a name.
2. **Titles and demonyms.** Leading titles are peeled off into ``titles`` ("Russian President
   Vladimir Putin" -> name "Vladimir Putin", title "Russian President", and a demonym mention
   of Russia); a run that is a demonym ("Russian", "North Korean") becomes a demonym mention.
3. **Typing**, strongest evidence first: the user's codebook; a surname of a person already
   named in full; the organisation gazetteer; country, region and city gazetteers (a city in a
   sports-results context is the club named after it); organisation words ("Ministry",
   "United"); place words ("River", "Province"); titles, honorifics and given names; context
   ("in X", "oil firm X", "X, which", "X defender", "the X" for an acronym); then defaults
   (unknown names are people; an acronym with no cue in any mention is left out). Holidays,
   events, awards and laws, religious and political adjectives, acronyms used as nouns ("TV")
   and titles with no name after them are not actors and never become candidates.
4. **Merging.** Surnames and title + surname join the full name they abbreviate (the most
   recent one when two people share a surname); country aliases join ("US", "U.S.",
   "United States"); organisation acronyms join the name whose initials they are.
5. **Pronouns** he/she/him/her/his/hers resolve to the most salient compatible person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from toolkit.actors._lexicon import Lexicon, lexicon
from toolkit.actors._model import Actor, Mention
from toolkit.actors._tokens import Sentence, Token, split_sentences

_ORGANIZATION = "\0organization"  # marks an organisation (not a place) before a title
_UNKNOWN = "\0unknown"  # a name before a title that no list knows
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_OPENING_PUNCT = frozenset("\"'“‘«([{-–—:")
_SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    sentence: int
    titles: list[str] = field(default_factory=list)
    gender: str = ""
    person_cue: bool = False
    peeled: bool = False  # a title was part of the capitalised run ("President Putin")
    prev_prev: str = ""
    sentence_initial: bool = False
    prev_word: str = ""
    next_word: str = ""
    team_context: bool = False
    in_caps: bool = False
    relative: str = ""  # "person" or "thing": the relative pronoun after it (", which")
    club_cue: bool = False  # in a sports report, a word after it shows a club ("Chelsea have")
    company_cue: bool = False  # "X's shares", "X, the oil company,", "chairman of X"
    before_title: bool = False  # an unknown name before a title: kept only if typed elsewhere
    kind: str = ""
    key: tuple[str, str] = ("", "")
    forced: str = ""  # the codebook actor this mention belongs to


@dataclass
class _Extra:
    """A demonym or adjectival mention of a country ("Russian", "US-supplied")."""

    start: int
    end: int
    text: str
    place: str
    sentence: int


@dataclass
class _Document:
    text: str
    sentences: list[Sentence]
    candidates: list[_Candidate]
    demonyms: list[_Extra]
    sports: bool


# --- 1. candidates -------------------------------------------------------------------------


def _body_vocabulary(sentences: list[Sentence]) -> tuple[set[str], set[str]]:
    """Words seen in lower case, and capitalised words seen mid-sentence, in the prose."""
    lower: set[str] = set()
    capital: set[str] = set()
    for sentence in sentences:
        if sentence.all_caps:
            continue
        first = True
        for token in sentence.tokens:
            if not token.is_word:
                continue
            if token.text.islower():
                lower.add(token.text)
            elif not first:
                capital.add(token.text.lower())
            first = False
    return lower, capital


def _name_token(token: Token, sentence: Sentence, lex: Lexicon, body_caps: set[str]) -> bool:
    text = token.text
    if not text[0].isalpha() or text in ("'s", "’s"):
        return False
    if not sentence.all_caps:
        if "-" in text:
            head, tail = text.split("-", 1)[0], text.rsplit("-", 1)[1]
            if head.lower() in lex.particles and tail[:1].isupper():
                return True  # "al-Qaeda"
            if tail.islower() and tail != "elect":
                return False  # "US-supplied", "Kremlin-backed": a modifier, not a name
        return text[0].isupper()
    lower = text.lower()
    return (
        lower in body_caps
        or lower in lex.places
        or lower in lex.organizations
        or text.capitalize() in lex.demonyms
    )


def _mark_known_phrases(tokens: tuple[Token, ...], is_name: list[bool], lex: Lexicon) -> None:
    """In a capitals line, mark the words of known multi-word names ("NEW YORK", "KANSAS CITY")."""
    for i in range(len(tokens) - 1):
        for size in (3, 2):
            if i + size > len(tokens):
                continue
            phrase = " ".join(t.text for t in tokens[i : i + size]).lower()
            if phrase in lex.places or phrase in lex.organizations:
                for k in range(i, i + size):
                    is_name[k] = True
                break


def _runs(sentence: Sentence, is_name: list[bool], lex: Lexicon) -> list[tuple[int, int]]:
    tokens = sentence.tokens
    n = len(tokens)
    runs = []
    i = 0
    while i < n:
        if not is_name[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if is_name[j]:
                j += 1
                continue
            if j + 1 < n and is_name[j + 1] and _joins(tokens, i, j, lex, sentence.all_caps):
                j += 2
                continue
            # a chain of particles: "Joost van der Westhuizen", "Vasco da Gama"
            k = j
            while k < n and tokens[k].text in lex.particles:
                k += 1
            if k - j >= 2 and k < n and is_name[k]:
                j = k + 1
                continue
            # "Organisation for Security and Cooperation in Europe": inside a name that an
            # organisation word opened with "for"/"of", "and" and "in" may continue it.
            if (
                lex.connectors.get(tokens[j].text) == "in"
                and j + 1 < n
                and is_name[j + 1]
                and any(
                    lex.connectors.get(tokens[m].text) == "of"
                    and tokens[m - 1].text.lower() in lex.org_words
                    for m in range(i + 1, j)
                )
            ):
                j += 2
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _joins(tokens: tuple[Token, ...], start: int, j: int, lex: Lexicon, caps: bool) -> bool:
    """May the non-name token ``tokens[j]`` join the run ``tokens[start:j]`` to what follows?"""
    word = tokens[j].text
    lower = word.lower()
    prev = tokens[j - 1].text
    if word == ".":
        # "George W. Bush", "Mr. Smith": after an initial or a title abbreviation.
        return tokens[j - 1].end == tokens[j].start and (
            (len(prev) == 1 and prev.isupper()) or (prev.lower() + ".",) in lex.titles
        )
    if word == "&":
        return True
    if caps or not word.islower():
        return lower in lex.particles and caps
    if lower in lex.particles:
        return True
    if lex.connectors.get(lower) == "of":
        head = prev.lower()
        so_far = " ".join(t.text for t in tokens[start : j + 1]).lower()
        return head in lex.org_words or head in lex.place_words or so_far in lex.prefixes
    return False


def _protected(words: list[str], lex: Lexicon) -> bool:
    """Is this (start of a) run a known name, so that its first word must stay?"""
    phrase = " ".join(words).lower()
    first = words[0]
    return (
        phrase in lex.places
        or phrase in lex.organizations
        or first.lower() in lex.places
        or first.lower() in lex.organizations
        or first in lex.demonyms
        or (first in lex.first_names and len(words) > 1)
        or (len(words) > 1 and f"{first} {words[1]}".lower() in lex.prefixes)
    )


def _is_initial(tokens: tuple[Token, ...], i: int) -> bool:
    """ "A." in "A. Smith": one capital letter, a period, then a capitalised word."""
    return (
        len(tokens[i].text) == 1
        and tokens[i].text.isupper()
        and i + 2 < len(tokens)
        and tokens[i + 1].text == "."
        and tokens[i + 2].is_cap
    )


def _is_common(lower: str, lex: Lexicon) -> bool:
    """An ordinary word, also in a plural or past form ("Prices", "Officials", "Shares")."""
    common = lex.common
    if lower in common:
        return True
    if lower.endswith("ies") and lower[:-3] + "y" in common:
        return True
    if lower.endswith("s") and (lower[:-1] in common or lower[:-2] in common):
        return True
    return lower.endswith("ed") and (lower[:-2] in common or lower[:-1] in common)


def _title_at(words: list[str], lex: Lexicon) -> int:
    """Length (in words) of the longest title at the start of ``words`` (0 if none), with any
    modifiers before it ("Assistant Secretary of State", "Acting President")."""
    lowered = [w.lower() for w in words]
    skip = 0
    while skip < len(lowered) - 1 and lowered[skip] in lex.title_modifiers:
        skip += 1
    for size in range(min(lex.max_title_tokens, len(words) - skip), 0, -1):
        if tuple(lowered[skip : skip + size]) in lex.titles:
            return skip + size
    return 0


def _collect(text: str, lex: Lexicon) -> _Document:
    sentences = split_sentences(text)
    lower_vocab, body_caps = _body_vocabulary(sentences)
    sports = len(_SCORE.findall(text)) >= 2 or len(lex.sports_topic.findall(text)) >= 3
    candidates: list[_Candidate] = []
    demonyms: list[_Extra] = []
    for number, sentence in enumerate(sentences):
        tokens = sentence.tokens
        is_name = [_name_token(t, sentence, lex, body_caps) for t in tokens]
        if sentence.all_caps:
            _mark_known_phrases(tokens, is_name, lex)
        first_word = next(
            (k for k, t in enumerate(tokens) if t.is_word), len(tokens)
        )  # the sentence opener
        for k, token in enumerate(tokens):
            if "-" in token.text and not sentence.all_caps and not is_name[k]:
                _adjectival(token, number, lex, demonyms)
        numbers = sum(1 for t in tokens if t.text[0].isdigit())
        for i, j in _runs(sentence, is_name, lex):
            _candidates_from_run(
                text,
                sentence,
                number,
                i,
                j,
                first_word,
                numbers,
                sports,
                lex,
                lower_vocab,
                body_caps,
                candidates,
                demonyms,
            )
    return _Document(text, sentences, candidates, demonyms, sports)


def _adjectival(token: Token, number: int, lex: Lexicon, out: list[_Extra]) -> None:
    """ "US-supplied", "Russian-backed": a demonym-like mention of the country before the dash."""
    head = token.text.split("-", 1)[0]
    place = lex.demonyms.get(head)
    if place is None and head.lower() in lex.places and head[0].isupper():
        place = lex.places[head.lower()]
        if place not in lex.countries:
            place = None
    if place:
        out.append(_Extra(token.start, token.start + len(head), head, place, number))


def _candidates_from_run(
    text: str,
    sentence: Sentence,
    number: int,
    i: int,
    j: int,
    first_word: int,
    numbers: int,
    sports: bool,
    lex: Lexicon,
    lower_vocab: set[str],
    body_caps: set[str],
    candidates: list[_Candidate],
    demonyms: list[_Extra],
) -> None:
    tokens = sentence.tokens
    caps = sentence.all_caps

    def word(k: int) -> str:
        return tokens[k].text.capitalize() if caps and tokens[k].is_upper else tokens[k].text

    # Opening words that are not names: "The", "He", "Previously", days and months.
    initial = i == first_word or (
        i > 0 and tokens[i - 1].text in _OPENING_PUNCT and i <= first_word + 1
    )
    while i < j:
        w = word(i)
        lower = w.lower()
        rest = [word(k) for k in range(i, j) if tokens[k].is_word]
        if (
            lower in lex.not_names
            and not (tokens[i].is_upper and not caps)
            and not _is_initial(tokens, i)
        ):
            if lower == "the" and not initial and j - i > 1 and not caps:
                break  # "The Times" in mid-sentence: the article is part of the name
            i += 1
            initial = False
            continue
        if (
            (initial or caps)
            and not _protected(rest, lex)
            and not _is_initial(tokens, i)
            and (lower not in body_caps or caps)
            and (_is_common(lower, lex) or lower in lower_vocab)
        ):
            i += 1
            initial = False
            continue
        break
    # Leading or trailing connectors and stray periods cannot start or end a name.
    while i < j and not tokens[i].is_word:
        i += 1
    while j > i and not tokens[j - 1].is_word:
        j -= 1
    while j > i and tokens[j - 1].text.islower():
        j -= 1
    if i >= j:
        return
    # Cut at a day or month that does not follow a given name ("Monday Putin said" is two).
    for k in range(i + 1, j):
        if word(k).lower() in lex.not_names and word(k - 1) not in lex.first_names:
            _candidates_from_run(
                text, sentence, number, i, k, first_word, numbers, sports, lex, lower_vocab,
                body_caps, candidates, demonyms,
            )  # fmt: skip
            _candidates_from_run(
                text, sentence, number, k + 1, j, first_word, numbers, sports, lex, lower_vocab,
                body_caps, candidates, demonyms,
            )  # fmt: skip
            return

    words = [word(k) for k in range(i, j)]
    whole = " ".join(w for w in words if w != ".").lower()
    titles: list[str] = []
    gender = ""
    person_cue = peeled = False

    # A lower-case title or relation just before the run: "striker Alan Shearer", "his wife Jane".
    if i > 0 and tokens[i - 1].text.islower():
        for size in range(min(lex.max_title_tokens, i), 0, -1):
            before = tuple(t.text.lower() for t in tokens[i - size : i])
            if all(t.is_word for t in tokens[i - size : i]) and before in lex.titles:
                titles.append(" ".join(t.text for t in tokens[i - size : i]))
                gender = lex.titles[before]
                person_cue = True
                break
        else:
            relation = tokens[i - 1].text.lower()
            if relation in lex.relations:
                gender = lex.relations[relation]
                person_cue = True

    known_whole = whole in lex.organizations or whole in lex.places
    ends_org = words[-1].lower().rstrip(".") in lex.org_words
    if not known_whole and not ends_org:
        # Peel "[demonym|country] [title]" prefixes: "French President", "US Secretary of State".
        while True:
            k = i
            prefix_place = None
            if word(k) in lex.demonyms:
                prefix_place = lex.demonyms[word(k)]
            elif k + 1 < j and f"{word(k)} {word(k + 1)}" in lex.demonyms:
                prefix_place = lex.demonyms[f"{word(k)} {word(k + 1)}"]
                k += 1
            elif word(k).lower() in lex.places and k + 1 < j:
                prefix_place = lex.places[word(k).lower()]  # "US President", "Chicago Cardinal"
            elif (
                word(k).lower() in lex.organizations
                and k + 1 < j
                and not _title_at([word(m) for m in range(k, j) if word(m) != "."], lex)
            ):
                prefix_place = _ORGANIZATION  # "Nato Secretary-General Jaap de Hoop Scheffer"
            elif (
                k + 2 < j
                and tokens[k].is_word
                and word(k) not in lex.first_names
                and not _is_common(word(k).lower(), lex)
                and not _title_at([word(k)], lex)
                and word(k + 1) not in lex.surnames  # "Sacha Baron Cohen"
                and _title_at([word(m) for m in range(k + 1, j) if word(m) != "."], lex)
            ):
                prefix_place = _UNKNOWN  # "Norvik CEO Anna Berg": typed by its other mentions
            start_title = k + 1 if prefix_place else k
            plain = [word(m) for m in range(start_title, j)]
            size = _title_at([w for w in plain if w != "."], lex)
            if size == 0:
                break
            # Map the title's word count back to tokens (skipping "." after "Mr").
            end_title, seen = start_title, 0
            while end_title < j and seen < size:
                if word(end_title) != ".":
                    seen += 1
                end_title += 1
            while end_title < j and word(end_title) == ".":
                end_title += 1
            if end_title >= j:
                break  # a title alone ("the Prime Minister") names nobody
            title_tokens = tokens[i:end_title]
            titles.append(text[title_tokens[0].start : title_tokens[-1].end])
            key = tuple(w.lower() for w in plain[: end_title - start_title] if w != ".")
            gender = lex.titles.get(key, "") or gender
            person_cue = peeled = True
            if prefix_place:
                _record_prefix(
                    tokens, i, start_title, prefix_place, number, lex, demonyms, candidates, text
                )
            i = end_title
            words = [word(m) for m in range(i, j)]
            whole = " ".join(w for w in words if w != ".").lower()

    # Names that are no actors: holidays, events, awards, laws ("Christmas", "Davis Cup").
    if (
        whole not in lex.organizations
        and whole not in lex.places
        and _is_event(words, lex)
        and not (sports and len(words) == 1 and words[0] in lex.first_names)  # "Oscar" scored
    ):
        return
    # Cut off what ends a name without naming anyone: "Athens Olympic" (champion), "US TV",
    # "Labour MP" (without a name after it); drop the run if nothing is left ("Muslim", "DVDs",
    # "the Prime Minister").
    j = _cut_endings(tokens, i, j, word, lex)
    if j <= i:
        return
    words = [word(m) for m in range(i, j)]
    whole = " ".join(w for w in words if w != ".").lower()

    while True:
        # A run that is a demonym: "Russian", "North Korean", "Americans".
        name_text = " ".join(words)
        place = lex.demonyms.get(name_text) or (caps and lex.demonyms.get(name_text.title()))
        if place:
            surface = text[tokens[i].start : tokens[j - 1].end]
            demonyms.append(_Extra(tokens[i].start, tokens[j - 1].end, surface, place, number))
            return
        # A leading demonym before a name that is not an organisation: "Russian Vladimir
        # Putin", "Iraqi Kurds".
        if (
            j - i > 1
            and word(i) in lex.demonyms
            and not any(w.lower().rstrip(".") in lex.org_words for w in words)
            and whole not in lex.organizations
            and whole not in lex.places
        ):
            place = lex.demonyms[word(i)]
            demonyms.append(_Extra(tokens[i].start, tokens[i].end, tokens[i].text, place, number))
            i += 1
            words = words[1:]
            whole = " ".join(words).lower()
            continue
        break
    if len(words) == 1 and len(words[0]) == 1:
        return  # a lone letter ("B", "N") is a table code or an initial, not a name

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
    club = cue == "team" or (sports and cue == "club")
    company = _company_context(tokens, i, j, lex)
    team = False
    if sports:
        team = club or (
            (next_word[:1].isdigit() and numbers >= 2)
            or prev_word in lex.team_before
            or next_word in lex.team_after
        )
    candidates.append(
        _Candidate(
            start=start,
            end=end,
            text=text[start:end],
            tokens=tuple(w for w in words if w != "."),
            sentence=number,
            titles=titles,
            gender=gender,
            person_cue=person_cue,
            peeled=peeled,
            prev_prev=tokens[i - 2].text.lower() if i > 1 else "",
            sentence_initial=(i == first_word),
            prev_word=prev_word,
            next_word=next_word,
            team_context=team,
            in_caps=caps,
            relative=relative,
            club_cue=club,
            company_cue=company,
        )
    )


def _company_context(tokens: tuple[Token, ...], i: int, j: int, lex: Lexicon) -> bool:
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


def _is_event(words: list[str], lex: Lexicon) -> bool:
    """Is this name a holiday, event, award or law ("Boxing Day", "Athens Olympics")?"""
    plain = [w for w in words if w != "."]
    if " ".join(plain) in lex.events:
        return True
    if len(plain) < 2 or plain[-1] not in lex.event_heads:
        return False
    # "Doris Day", "Stanley Cup"? A head that is also a name, after a given name, is a person.
    head_is_name = plain[-1] in lex.surnames or plain[-1] in lex.first_names
    return not (head_is_name and plain[0] in lex.first_names)


def _is_common_acronym(token: str, lex: Lexicon) -> bool:
    """ "TV", "GDP", "DVDs", "NGOs": an acronym used as an ordinary noun."""
    if token in lex.common_acronyms:
        return True
    return bool(_PLURAL_ACRONYM.fullmatch(token)) and token[:-1].lower() not in lex.organizations


def _cut_endings(tokens: tuple[Token, ...], i: int, j: int, word, lex: Lexicon) -> int:
    """End of the run ``tokens[i:j]`` once words that end a name without naming anyone are cut
    off; ``i`` (nothing left) when the whole run is such words."""
    while j > i:
        plain = [word(k) for k in range(i, j) if tokens[k].is_word]
        whole = " ".join(plain)
        if whole.lower() in lex.organizations or whole.lower() in lex.places:
            return j
        if (
            whole in lex.group_words
            or (len(plain) == 1 and _is_common_acronym(tokens[i].text, lex))
            or (len(plain) > 1 and _title_at(plain, lex) == len(plain))
        ):
            return i  # "Muslims", "DVDs", "the Prime Minister"
        cut = 0
        if len(plain) > 2 and " ".join(plain[-2:]) in lex.group_words:
            cut = 2  # "Italian Roman Catholic"
        elif plain[-1] in lex.group_words or _is_common_acronym(tokens[j - 1].text, lex):
            cut = 1  # "Athens Olympic", "US TV", "Labour MPs"
        else:
            for size in range(min(lex.max_title_tokens, len(plain) - 1), 0, -1):
                if tuple(w.lower() for w in plain[-size:]) not in lex.titles:
                    continue
                before = " ".join(plain[:-size])
                if (
                    before.lower() in lex.organizations
                    or before.lower() in lex.places
                    or before in lex.demonyms
                    or before in lex.group_words
                ):
                    cut = size  # "Labour MP", "Tory leader" with no name after the title
                break
        if not cut:
            return j
        while cut:
            j -= 1
            if tokens[j].is_word:
                cut -= 1
        while j > i and not tokens[j - 1].is_word:
            j -= 1
    return j


def _record_prefix(tokens, i, start_title, place, number, lex, demonyms, candidates, text):
    """The "French" of "French President", the "US" of "US President" or the "Nato" of "Nato
    Secretary-General", as a mention."""
    first, last = tokens[i], tokens[start_title - 1]
    surface = text[first.start : last.end]
    if place is _UNKNOWN:
        candidates.append(
            _Candidate(
                first.start, last.end, surface, tuple(surface.split()), number, before_title=True
            )
        )
    elif place is _ORGANIZATION:
        candidates.append(
            _Candidate(
                first.start, last.end, surface, tuple(surface.split()), number, kind="organization"
            )
        )
    elif surface in lex.demonyms or surface.title() in lex.demonyms:
        demonyms.append(_Extra(first.start, last.end, surface, place, number))
    else:  # a country name used attributively: CoNLL and readers count it as a name
        candidates.append(
            _Candidate(first.start, last.end, surface, tuple(surface.split()), number, kind="place")
        )


# --- 2. types ------------------------------------------------------------------------------


def _normal(tokens: tuple[str, ...]) -> str:
    words = list(tokens)
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


def _intrinsic_kind(c: _Candidate, lex: Lexicon) -> str:
    """The type a name's own words (and its title) give it, or "" when they say nothing."""
    whole = _normal(c.tokens)
    if whole in lex.organizations:
        return "organization"
    if c.peeled or (c.person_cue and whole not in lex.places):
        return "person"  # "President Jordan", but not "defending champion Spain"
    # From here on c.person_cue is False: a person cue returned above, or the place below does.
    if whole in lex.places:
        place = lex.places[whole]
        if c.team_context and place not in lex.countries:
            return "organization"  # "Barcelona beat Real Madrid": the club, not the city
        return "place"
    words = [w.lower().rstrip(".") for w in c.tokens]
    if "&" in words:
        return "organization"  # "Procter & Gamble"
    first_name = len(words) > 1 and (
        c.tokens[0] in lex.first_names or (len(words[0]) == 1 and c.tokens[0].isupper())
    )  # "Olaf Scholz", "C. Lewis"
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if head in lex.org_words and not (first_name and c.tokens[-1] in lex.surnames):
        return "organization"
    if head in lex.place_words:
        return "place"
    if lex.before_cues.get(c.prev_word) == "organization":
        return "organization"  # "oil firm Yukos", "rock band Green Day"
    if (c.company_cue or lex.after_cues.get(c.next_word) == "organization") and not first_name:
        return "organization"  # "Orvex's shares", "Dagens Posten newspaper", "chairman of Brakstad"
    if c.club_cue and not first_name:
        return "organization"  # "Chelsea boss Jose Mourinho", "Chelsea have"
    if len(words) > 1 and words[0] in lex.organizations and not first_name:
        return "organization"  # "BBC Sport", "BBC World Service"
    if any(w in lex.org_words for w in words) and not first_name:
        return "organization"
    if first_name:
        return "person"
    if c.next_word in lex.place_words and c.next_word not in lex.org_words:
        return "place"  # "the Kursk region"
    if _is_acronym(c) and _acronym_cue(c, lex):
        return "organization"  # "the OSCE", "(OSCE)", "OSCE said", "OSCE's"
    if len(words) == 1:
        if words[0].endswith("shire"):
            return "place"
        if c.prev_word == "of" and lex.of_cues.get(c.prev_prev) == "place":
            return "place"  # "the town of Arbil", "40 km north of Tavildara"
    return ""


def _is_acronym(c: _Candidate) -> bool:
    return len(c.tokens) == 1 and (c.tokens[0].isupper() or "." in c.text) and not c.in_caps


def _acronym_cue(c: _Candidate, lex: Lexicon) -> bool:
    return (
        lex.acronym_cues.get(c.prev_word) == "before"
        or lex.acronym_cues.get(c.next_word) == "after"
        or c.next_word in lex.speech_verbs
    )


def _default_kind(c: _Candidate, lex: Lexicon) -> str:
    """Last resort for names no list or cue types ("" drops the candidate)."""
    if c.before_title:
        return ""  # "Privatisation Minister X": a name only if the article types it elsewhere
    if c.team_context:
        return "organization"
    if _is_acronym(c):
        # An acronym no list knows is an organisation only with a cue in one of its mentions
        # (see _intrinsic_kind); alone it may be a weapon, a format or a unit ("ATACMS").
        return ""
    common = [
        _is_common(w.lower(), lex) and w not in lex.surnames and w not in lex.first_names
        for w in c.tokens
    ]
    if _is_coined(c.tokens, lex) or c.relative == "thing":
        return "organization"  # "DaimlerChrysler", "T-Mobile", "Chelsea, which ..."
    if c.next_word in lex.speech_verbs and not all(common[1:]):
        return "person"  # "Frater said"
    if len(c.tokens) == 1:
        if common[0]:
            return ""  # "Women", "Golf": a capitalised ordinary word with nothing to type it
        if c.prev_word in lex.place_prepositions:
            return "place"
        return "person"
    if all(common):
        return "organization"  # "Gold Fields", "Red Star": names made of ordinary words
    return "person"


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _is_coined(tokens: tuple[str, ...], lex: Lexicon) -> bool:
    """A brand-like word no person is called: a capital inside a word ("DaimlerChrysler",
    "PlayStation"; but "McCartney", "DiCaprio" and "LeBlanc" are names) or one capital and a
    hyphen ("T-Mobile", "F-Secure")."""
    for token in tokens:
        if re.match(r"[A-Z]-[A-Z]", token):
            return True
        for part in re.split(r"[-'’]", token):
            found = _INNER_CAPITAL.search(part)
            if found and part[: found.start() + 1].lower() not in lex.name_prefixes:
                return True
    return False


@dataclass
class _Cluster:
    key: tuple[str, str]
    kind: str
    names: list[_Candidate] = field(default_factory=list)
    extras: list[_Extra] = field(default_factory=list)
    pronouns: list[tuple[int, int, str]] = field(default_factory=list)
    gender: str = ""
    label: str = ""  # a fixed name (codebook actors)


def _assign(doc: _Document, lex: Lexicon) -> dict[tuple[str, str], _Cluster]:
    cands = doc.candidates
    for c in cands:
        if not c.kind and not c.forced:
            c.kind = _intrinsic_kind(c, lex)

    # In a sports report, a place named as a team once ("Kent captain", "Kent have") is the
    # team in its other mentions too, except after a place preposition ("at Kent").
    if doc.sports:
        teams = {
            _normal(c.tokens)
            for c in cands
            if c.team_context and c.kind == "organization" and not c.forced
        }
        for c in cands:
            if (
                _normal(c.tokens) in teams
                and c.kind == "place"
                and not c.forced
                and c.prev_word not in lex.place_prepositions
                and not _in_dateline(doc.text, c.start)
            ):
                c.kind = "organization"
                c.team_context = True
    # A surface typed "person" by a title anywhere is a person everywhere in the article.
    surface_kind: dict[str, str] = {}
    for c in cands:
        if c.kind == "person" and c.person_cue and not c.forced:
            surface_kind[_normal(c.tokens)] = "person"
    # Full names of people: anchors that surnames and shorter forms join.
    anchors: dict[str, list[_Candidate]] = defaultdict(list)
    for c in cands:
        norm = _normal(c.tokens)
        if surface_kind.get(norm) == "person" and not c.forced:
            c.kind = "person"
        if c.kind == "person" and len(c.tokens) > 1:
            anchors[c.tokens[-1]].append(c)
    for c in cands:
        if c.forced or c.kind == "person" or len(c.tokens) != 1:
            continue
        if c.tokens[0] in anchors and lex.places.get(_normal(c.tokens)) not in lex.countries:
            c.kind = "person"
    # Consistency for the rest: the most common type of the same words elsewhere.
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in cands:
        if c.kind and not c.team_context:
            votes[_normal(c.tokens)][c.kind] += 1
    untyped: dict[str, list[_Candidate]] = defaultdict(list)
    for c in cands:
        if not c.kind:
            seen = votes.get(_normal(c.tokens))
            if seen:
                c.kind = max(seen, key=seen.get)
            else:
                untyped[_normal(c.tokens)].append(c)
    # A longer name that starts with an organisation of the article is one too: "AOL Europe"
    # when "AOL" is an organisation.
    org_heads = {c.tokens[0] for c in cands if c.kind == "organization" and len(c.tokens) == 1}
    for group in untyped.values():
        first = group[0]
        if (
            len(first.tokens) > 1
            and first.tokens[0] in org_heads
            and not any(w in lex.first_names for w in first.tokens)
        ):  # but not "Acme CEO John Smith"
            for c in group:
                c.kind = "organization"
        else:
            for c in group:
                c.kind = _default_kind(c, lex)
    _join_spaced_forms(cands)
    cands[:] = [c for c in cands if c.kind]

    clusters: dict[tuple[str, str], _Cluster] = {}

    def cluster(key: tuple[str, str], kind: str) -> _Cluster:
        if key not in clusters:
            clusters[key] = _Cluster(key, kind)
        return clusters[key]

    people = _person_keys(cands, lex)
    org_keys = _organization_keys(cands, lex)
    for c in cands:
        if c.forced:
            key = ("codebook", c.forced)
            cl = cluster(key, c.kind)
        elif c.kind == "person":
            cl = cluster(("person", people[id(c)]), "person")
        elif c.kind == "place":
            norm = _normal(c.tokens)
            cl = cluster(("place", lex.places.get(norm, norm)), "place")
        else:
            cl = cluster(("organization", org_keys[id(c)]), "organization")
        c.key = cl.key
        cl.names.append(c)
    for extra in doc.demonyms:
        cl = cluster(("place", extra.place), "place")
        cl.extras.append(extra)
    return clusters


_DATELINE = re.compile(
    r"[A-Z][\w.' -]*(?:, [A-Z][\w.' -]*)? \d{4}-\d\d-\d\d"  # NEW YORK 1996-08-30
    r"|[A-Z][A-Z .'-]+, (?:[A-Z][a-z]+\.? )?\d"  # LONDON, March 3 -
)


def _in_dateline(text: str, start: int) -> bool:
    """Is ``start`` in a dateline ("NEW YORK 1996-08-30", "ARLINGTON, Texas 1996-08-31",
    "LONDON, March 3 -")? The place there is where the story was filed, never a team."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _DATELINE.match(text, line_start)
    return match is not None and start < match.end()


def _join_spaced_forms(cands: list[_Candidate]) -> None:
    """ "Time Warner" and "TimeWarner" are one name written with and without a space: when one
    form is an organisation, so are the others."""
    forms: dict[str, list[_Candidate]] = defaultdict(list)
    for c in cands:
        forms["".join(c.tokens).lower()].append(c)
    for group in forms.values():
        if len({len(c.tokens) for c in group}) > 1 and any(c.kind == "organization" for c in group):
            for c in group:
                if not c.forced and not c.person_cue:
                    c.kind = "organization"


def _person_keys(cands: list[_Candidate], lex: Lexicon) -> dict[int, str]:
    """Cluster key (the fullest matching name) of every person candidate."""
    people = [c for c in cands if c.kind == "person"]
    full = {_normal(c.tokens): c for c in people if len(c.tokens) > 1}
    # A full name contained in a longer one with the same surname joins it ("George Bush" and
    # "George W. Bush"), unless the given names differ.
    # Longer names are seen first; only names with the same first and last word can be the
    # target, so they are looked up by that pair (a scan of all names would be quadratic).
    canonical: dict[str, str] = {}
    targets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in sorted(full, key=lambda n: -len(n.split())):
        words = name.split()
        ends = (words[0], words[-1])
        target = next((t for t in targets[ends] if set(words) <= set(t.split())), name)
        canonical[name] = target
        targets[ends].append(target)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name, target in canonical.items():
        if target not in by_surname[name.split()[-1]]:
            by_surname[name.split()[-1]].append(target)
    keys: dict[int, str] = {}
    first_seen: dict[str, int] = {}
    genders: dict[str, str] = {}
    for c in people:
        norm = _normal(c.tokens)
        if norm in canonical:
            first_seen.setdefault(canonical[norm], c.start)
            if c.gender:
                genders[canonical[norm]] = c.gender
    # In text order, a surname goes to the person of that surname mentioned most recently
    # (or, before any of them, to the first one named).
    last_seen: dict[str, int] = {}
    for c in sorted(people, key=lambda c: c.start):
        norm = _normal(c.tokens)
        if norm in canonical:
            key = canonical[norm]
        else:
            options = by_surname.get(norm.split()[-1], [])
            if c.gender:
                options = [o for o in options if genders.get(o, c.gender) == c.gender] or options
            if not options:
                key = norm
            else:
                before = [o for o in options if first_seen.get(o, 10**12) <= c.start]
                key = max(before, key=lambda o: last_seen.get(o, -1)) if before else options[0]
        keys[id(c)] = key
        last_seen[key] = c.start
    return keys


def _organization_keys(cands: list[_Candidate], lex: Lexicon) -> dict[int, str]:
    orgs = [c for c in cands if c.kind == "organization"]
    keys = {}
    for c in orgs:
        norm = _normal(c.tokens)
        keys[id(c)] = lex.organizations.get(norm, norm).lower()
    # "Time Warner" joins "TimeWarner": the same letters without the space.
    single = {keys[id(c)] for c in orgs if len(c.tokens) == 1}
    for c in orgs:
        joined = "".join(c.tokens).lower()
        if len(c.tokens) > 1 and joined in single:
            keys[id(c)] = joined
    # An acronym joins the name whose initials it is: "OSCE" and "Organization for Security
    # and Co-operation in Europe".
    initials: dict[str, str] = {}
    for c in orgs:
        words = [w for w in c.tokens if w[:1].isupper() and w.lower() != "the"]
        if len(words) > 1:
            initials.setdefault("".join(w[0] for w in words), keys[id(c)])
    for c in orgs:
        word = c.tokens[0].replace(".", "")
        if len(c.tokens) == 1 and word.isupper() and word in initials:
            keys[id(c)] = initials[word]
    return keys


# --- 3. pronouns ---------------------------------------------------------------------------

_LOOK_BACK = 3  # sentences


def _cluster_gender(cl: _Cluster, lex: Lexicon) -> str:
    cued = [c.gender for c in cl.names if c.gender]
    if cued:
        return max(set(cued), key=cued.count)
    for c in sorted(cl.names, key=lambda c: -len(c.tokens)):
        if len(c.tokens) > 1 and c.tokens[0] in lex.first_names:
            return lex.first_names[c.tokens[0]]
    return ""


def _resolve_pronouns(doc: _Document, clusters: dict, lex: Lexicon) -> None:
    """Attach he/she/him/her/his/hers to the most salient compatible person.

    Salience: a person named earlier in the same sentence (the first one, usually the subject),
    else the first person named in the nearest of the previous three sentences that names a
    compatible one. Resolved pronouns count as mentions for later ones, so chains carry on.
    """
    people = [cl for cl in clusters.values() if cl.kind == "person"]
    if not people:
        return
    for cl in people:
        cl.gender = _cluster_gender(cl, lex)
    by_sentence: dict[int, list[tuple[int, _Cluster]]] = defaultdict(list)
    for cl in people:
        for c in cl.names:
            by_sentence[c.sentence].append((c.start, cl))
    for number, sentence in enumerate(doc.sentences):
        for token in sentence.tokens:
            gender = lex.pronouns.get(token.text.lower())
            if gender is None or (sentence.all_caps and token.text.isupper()):
                continue
            target = _antecedent(by_sentence, number, token.start, gender)
            if target is None:
                continue
            target.pronouns.append((token.start, token.end, token.text))
            if not target.gender:
                target.gender = gender
            by_sentence[number].append((token.start, target))


def _antecedent(by_sentence, number: int, position: int, gender: str) -> _Cluster | None:
    def compatible(cl: _Cluster) -> bool:
        return cl.gender in ("", gender)

    same = sorted(m for m in by_sentence.get(number, []) if m[0] < position)
    for _, cl in same:
        if compatible(cl):
            return cl
    for back in range(1, _LOOK_BACK + 1):
        for _, cl in sorted(by_sentence.get(number - back, []), key=lambda m: m[0]):
            if compatible(cl):
                return cl
    return None


# --- 4. actors -----------------------------------------------------------------------------


def _is_abbreviation(surface: str) -> bool:
    letters = surface.replace(".", "")
    return letters.isupper() and " " not in surface


def _actor(cl: _Cluster, lex: Lexicon) -> Actor:
    mentions = [Mention(c.start, c.end, c.text, "name") for c in cl.names]
    mentions += [Mention(e.start, e.end, e.text, "demonym") for e in cl.extras]
    mentions += [Mention(s, e, t, "pronoun") for s, e, t in cl.pronouns]
    mentions.sort(key=lambda m: (m.start, m.end))
    prose = [c for c in cl.names if not c.in_caps] or cl.names
    if cl.label:
        name = cl.label
    elif cl.kind == "place":
        full = [c.text for c in prose if not _is_abbreviation(c.text)]
        name = max(full, key=lambda t: (len(t.split()), len(t))) if full else cl.key[1]
    elif prose:
        name = max((c.text for c in prose), key=lambda t: (len(t.split()), len(t) - t.count(".")))
    else:
        name = cl.key[1]
    aliases = list(dict.fromkeys(m.text for m in mentions if m.form != "pronoun"))
    titles = list(
        dict.fromkeys(t for c in sorted(cl.names, key=lambda c: c.start) for t in c.titles)
    )
    return Actor(name, cl.kind, tuple(aliases), tuple(titles), tuple(mentions))


def find_in_text(text: str, codebook=None) -> list[Actor]:
    """All actors of ``text`` (see :func:`toolkit.actors.find_actors`)."""
    lex = lexicon()
    doc = _collect(text, lex)
    if codebook is not None:
        codebook.apply(doc)
    clusters = _assign(doc, lex)
    if codebook is not None:
        codebook.label(clusters)
    _resolve_pronouns(doc, clusters, lex)
    actors = [_actor(cl, lex) for cl in clusters.values()]
    actors.sort(key=lambda a: (-a.mention_count, a.first_offset))
    return actors
