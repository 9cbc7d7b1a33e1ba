"""Runs of name words in a sentence: capitalised tokens, joined by name connectors ("Bank *of*
England", "Charles *de* Gaulle", "George W*.* Bush", "Procter *&* Gamble").

In a headline written in capitals, case says nothing: a word counts only if the article's body
or the gazetteers know it as a name.

>>> from toolkit.actors._lexicon import lexicon
>>> from toolkit.actors._tokens import split_sentences
>>> lex = lexicon()
>>> sentence = split_sentences("Officials at the Bank of England met Tom W. Reyes.")[0]
>>> is_name = [is_name_token(t, sentence, lex, set()) for t in sentence.tokens]
>>> [" ".join(t.text for t in sentence.tokens[i:j]) for i, j in name_runs(sentence, is_name, lex)]
['Officials', 'Bank of England', 'Tom W . Reyes']
"""

from __future__ import annotations

from toolkit.actors._describe import SYLLABLE_CHARS
from toolkit.actors._lexicon import Lexicon
from toolkit.actors._tokens import Sentence, Token
from toolkit.actors._words import is_common
from toolkit.lang import word_set

_QUOTE_OPENERS = frozenset('"“‘')


def body_vocabulary(sentences: list[Sentence]) -> tuple[set[str], set[str]]:
    """Words seen in lower case, and capitalised words seen mid-sentence, in the prose."""
    lower: set[str] = set()
    capital: set[str] = set()
    for sentence in sentences:
        if sentence.all_caps:
            continue
        first = True
        for token in sentence.tokens:
            if token.text in _QUOTE_OPENERS:
                first = True  # a quotation's first word is capitalised as a sentence's is
            if not token.is_word:
                continue
            if token.text.islower():
                lower.add(token.text)
            elif not first:
                capital.add(token.text.lower())
            first = False
    return lower, capital


def is_name_token(token: Token, sentence: Sentence, lex: Lexicon, body_caps: set[str]) -> bool:
    """May ``token`` be part of a name? In prose: a capitalised word, not a modifier such as
    "Kremlin-backed"; in a capitals line: a word the body or the gazetteers know as a name."""
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


def mark_hyphenated_given_names(sentence: Sentence, is_name: list[bool], lex: Lexicon) -> None:
    """In prose, mark a capitalised word with a short lower-case ending after a hyphen as a name
    word when it follows a name word ("Kim Jong-un"), or stands inside the sentence before one
    with an ending that is no English word ("envoy Jae-gyu Choi"); not the modifiers of "the
    Tory-led council", "Obama-era rules" or "Fly-half Ana Ruiz".

    >>> from toolkit.actors._lexicon import lexicon
    >>> from toolkit.actors._tokens import split_sentences
    >>> sentence = split_sentences("Leader Kim Jong-un met the Tory-led group.")[0]
    >>> is_name = [t.is_cap for t in sentence.tokens]
    >>> is_name[3] = is_name[5] = False
    >>> mark_hyphenated_given_names(sentence, is_name, lexicon())
    >>> [t.text for t, n in zip(sentence.tokens, is_name) if n]
    ['Leader', 'Kim', 'Jong-un']
    """
    if sentence.all_caps:
        return
    tokens = sentence.tokens
    for k, token in enumerate(tokens):
        if is_name[k] or "-" not in token.text or not token.is_cap:
            continue
        tail = token.text.rsplit("-", 1)[1]
        if not tail.isalpha() or not tail.islower() or len(tail) > SYLLABLE_CHARS:
            continue
        if tail in word_set("actor_hyphen_modifiers.txt") or tail.endswith("ed"):
            continue
        after_name = (
            k > 0
            and is_name[k - 1]
            and tokens[k - 1].is_word
            and tokens[k - 1].text.lower() not in word_set("stop_words_en.txt")  # "A Blu-ray"
        )
        before_name = (
            k > 0
            and tokens[k - 1].is_word
            and k + 1 < len(tokens)
            and is_name[k + 1]
            and tokens[k + 1].is_word
            and (len(tail) <= 2 or not is_common(tail, lex))
        )
        if after_name or before_name:
            is_name[k] = True


def mark_known_phrases(tokens: tuple[Token, ...], is_name: list[bool], lex: Lexicon) -> None:
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


def name_runs(sentence: Sentence, is_name: list[bool], lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges ``(i, j)`` of the runs of name words in ``sentence``, with connectors."""
    n = len(sentence.tokens)
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
            after = _bridge(sentence, is_name, i, j, lex)
            if after is None:
                break
            j = after
        runs.append((i, j))
        i = j
    return runs


def _bridge(sentence: Sentence, is_name: list[bool], i: int, j: int, lex: Lexicon) -> int | None:
    """Where the run ``tokens[i:j]`` goes on past the non-name token ``j`` (None: it ends)."""
    tokens = sentence.tokens
    n = len(tokens)
    if j + 1 < n and is_name[j + 1] and _joins(tokens, i, j, lex, sentence.all_caps):
        return j + 2
    # a chain of particles: "Joost van der Westhuizen", "Vasco da Gama"
    k = j
    while k < n and tokens[k].text in lex.particles:
        k += 1
    if k - j >= 2 and k < n and is_name[k]:
        return k + 1
    if j + 1 < n and is_name[j + 1] and _continues_of_name(tokens, i, j, lex):
        return j + 2
    if tokens[j].text == "and" and _and_joins_organisation(sentence, is_name, i, j, lex):
        return j + 2
    return None


def _and_joins_organisation(
    sentence: Sentence, is_name: list[bool], i: int, j: int, lex: Lexicon
) -> bool:
    """ "Public Order *and* Safety Review Council", "Fishing Gear *and* Boat Safety Board":
    "and" joins ordinary capitalised words (after a place, at most) to the words
    after it when those end in an organisation word. Names on the left ("Microsoft and Apple
    Inc") are a list, not one name."""
    tokens = sentence.tokens
    if sentence.all_caps or j + 1 >= len(tokens) or not is_name[j + 1]:
        return False
    left = [t.text for t in tokens[i:j] if t.is_word]
    start = 1 if len(left) > 1 and left[0].lower() in lex.places else 0
    if not all(is_common(w.lower(), lex) and w not in lex.first_names for w in left[start:]):
        return False
    end = j + 1
    while end < len(tokens) and is_name[end]:
        end += 1
    return end - j > 2 and tokens[end - 1].text.lower().rstrip(".") in lex.org_words


def _continues_of_name(tokens: tuple[Token, ...], i: int, j: int, lex: Lexicon) -> bool:
    """ "Organisation for Security and Cooperation in Europe": inside a name that an
    organisation word opened with "for"/"of", "and" and "in" may continue it."""
    return lex.connectors.get(tokens[j].text) == "in" and any(
        lex.connectors.get(tokens[m].text) == "of" and tokens[m - 1].text.lower() in lex.org_words
        for m in range(i + 1, j)
    )


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
        if head in lex.org_words or head in lex.place_words or so_far in lex.prefixes:
            return True
    return lower in ("of", "for") and _title_of_portfolio(tokens, j, lex)


def _title_of_portfolio(tokens: tuple[Token, ...], j: int, lex: Lexicon) -> bool:
    """ "Secretary *of* State", "Minister *for* Transport": "of" or "for" between a title and
    a portfolio word is part of the title."""
    after = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
    if after not in lex.portfolios:
        return False
    words = [t.text.lower() for t in tokens[max(0, j - lex.max_title_tokens) : j]]
    return any(tuple(words[-n:]) in lex.titles for n in range(1, len(words) + 1))
