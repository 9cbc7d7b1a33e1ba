"""What the word lists say about single words and short phrases: ordinary words, titles,
events, acronyms used as nouns, brand-like coinages, known names.

>>> from toolkit.actors._lexicon import lexicon
>>> lex = lexicon()
>>> is_common("prices", lex), title_at(["Acting", "President", "Reyes"], lex)
(True, 2)
"""

from __future__ import annotations

import re

from toolkit.actors._describe import is_given_name
from toolkit.actors._lexicon import Lexicon
from toolkit.actors._tokens import Token

_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def is_common(lower: str, lex: Lexicon) -> bool:
    """An ordinary word, also in a plural or past form ("Prices", "Officials", "Shares")."""
    common = lex.common
    if lower in common:
        return True
    if lower.endswith("ies") and lower[:-3] + "y" in common:
        return True
    if lower.endswith("s") and (lower[:-1] in common or lower[:-2] in common):
        return True
    return lower.endswith("ed") and (lower[:-2] in common or lower[:-1] in common)


def is_participle(lower: str, lex: Lexicon) -> bool:
    """ "launching", "organizing", "running": the -ing form of an ordinary verb, and no common
    surname ("Manning", "Browning")."""
    if not lower.endswith("ing") or len(lower) < 6 or lower.capitalize() in lex.surnames:
        return False
    stem = lower[:-3]
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""
    return any(s in lex.common for s in (stem, stem + "e", doubled) if s)


def is_given(word: str, lex: Lexicon) -> bool:
    """Is ``word`` a given name: in the actor finder's list ("Olaf"), or in the broader
    first-name statistics and no ordinary word or place ("Saqlain", but not "Texas", "Great")?
    A word that opens place names ("West", "Santa") is none."""
    lower = word.lower()
    if lower in lex.place_openers:
        return False
    if word in lex.first_names:
        return True
    return (
        word[:1].isupper()
        and len(word) > 2
        and word not in lex.surnames  # "Jones Medical"
        and lower not in lex.particles  # "Le Matin"
        and is_given_name(word)
        and not is_common(lower, lex)
        and lower not in lex.places
        and lower not in lex.organizations
    )


def title_at(words: list[str], lex: Lexicon, loose: bool = True) -> int:
    """Length (in words) of the longest title at the start of ``words`` (0 if none), with any
    modifiers ("Assistant Secretary of State", "Acting President") and portfolio words before
    it ("Transport Secretary", "Shadow Health Secretary"), and the portfolio it is "of" or
    "for" after it ("Minister of Public Safety"). ``loose``: any ordinary word may describe
    the title ("House Speaker"); else only portfolio words ("Red Star" is no title)."""
    lowered = [w.lower() for w in words]
    for k in range(min(len(lowered), 4)):
        size = _title_size(lowered, k, lex)
        if size:
            return _portfolio_after(lowered, k + size, lex)
        if lowered[k] not in lex.title_modifiers and not _describes_title(words[k], lex, loose):
            return 0
    return 0


def _describes_title(word: str, lex: Lexicon, loose: bool) -> bool:
    """May ``word`` stand before a title as part of it: a portfolio ("Transport Secretary") or
    another ordinary word ("House Speaker", "New Democrat MP"), but not a given name, nor a
    known organisation ("Labour MP": the party's own mention)?"""
    lower = word.lower()
    if lower in lex.organizations or word in lex.first_names:
        return False
    return lower in lex.portfolios or (loose and is_common(lower, lex))


def _title_size(lowered: list[str], start: int, lex: Lexicon) -> int:
    """Words of the longest title of the list starting at ``lowered[start]`` (0 if none)."""
    for size in range(min(lex.max_title_tokens, len(lowered) - start), 0, -1):
        if tuple(lowered[start : start + size]) in lex.titles:
            return size
    return 0


def _portfolio_after(lowered: list[str], end: int, lex: Lexicon) -> int:
    """End of a title that ends at ``end``, past "of"/"for" and the portfolio words after it
    ("Minister of Culture and Heritage", "Secretary of State for Transport")."""
    k = end
    while k < len(lowered) and lowered[k] in ("of", "for"):
        k += 1
        if k < len(lowered) and lowered[k] == "the":
            k += 1
        first = k
        while k < len(lowered) and (
            lowered[k] in lex.portfolios
            or (
                lowered[k] in ("and", "&")
                and k > first
                and k + 1 < len(lowered)
                and lowered[k + 1] in lex.portfolios
            )
        ):
            k += 1
        if k == first:
            return end
        end = k
    return end


def is_initial(tokens: tuple[Token, ...], i: int) -> bool:
    """ "A." in "A. Smith": one capital letter, a period, then a capitalised word."""
    return (
        len(tokens[i].text) == 1
        and tokens[i].text.isupper()
        and i + 2 < len(tokens)
        and tokens[i + 1].text == "."
        and tokens[i + 2].is_cap
    )


def is_known_start(words: list[str], lex: Lexicon) -> bool:
    """Is this (start of a) run a known name, so that its first word must stay?"""
    phrase = " ".join(words).lower()
    first = words[0]
    return (
        phrase in lex.places
        or phrase in lex.organizations
        or first.lower() in lex.places
        or first.lower() in lex.organizations
        or first in lex.demonyms
        or (
            first in lex.first_names
            and len(words) > 1
            and not words[1].isupper()  # "Will ECB President ...": a question's verb
            and not title_at(words[1:], lex, loose=False)
        )
        or (len(words) > 1 and f"{first} {words[1]}".lower() in lex.prefixes)
    )


def is_event(words: list[str], lex: Lexicon) -> bool:
    """Is this name a holiday, event, award or law ("Boxing Day", "Athens Olympics")?"""
    plain = [w for w in words if w != "."]
    if " ".join(plain) in lex.events:
        return True
    if len(plain) < 2 or plain[-1] not in lex.event_heads:
        return False
    # "Doris Day", "Stanley Cup"? A head that is also a name, after a given name, is a person.
    head_is_name = plain[-1] in lex.surnames or plain[-1] in lex.first_names
    return not (head_is_name and plain[0] in lex.first_names)


def is_common_acronym(token: str, lex: Lexicon) -> bool:
    """ "TV", "GDP", "DVDs", "NGOs": an acronym used as an ordinary noun."""
    if token in lex.common_acronyms:
        return True
    return bool(_PLURAL_ACRONYM.fullmatch(token)) and token[:-1].lower() not in lex.organizations


def is_coined(tokens: tuple[str, ...], lex: Lexicon) -> bool:
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
