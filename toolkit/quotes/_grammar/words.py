"""What kind of word a token is: adverbs, abbreviations, relatives, quantities, boundaries."""

from __future__ import annotations

import re

from toolkit.lang import read_lines, word_set
from toolkit.quotes._lexicon import _given_names, _Lexicon, _place_and_family_names, lexicon
from toolkit.quotes._tokens import SOFT_PUNCT, Token


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
        lower in lex.classes.skip
        or (lower.endswith("ly") and len(lower) > 3 and token.text.islower())
        or lower.endswith(("n't", "n’t"))
    )


def is_time(token: Token, lex: _Lexicon) -> bool:
    return token.lower in lex.classes.time


def is_boundary(token: Token, lex: _Lexicon) -> bool:
    if token.kind == "quote":
        return True
    if token.kind == "punct":
        return token.text not in SOFT_PUNCT
    return token.lower in lex.classes.stop


def is_relative(token: Token, lex: _Lexicon) -> bool:
    return token.kind == "word" and token.lower in lex.relatives and token.text.islower()


def is_quantity(token: Token, lex: _Lexicon) -> bool:
    return (
        token.lower in lex.classes.number
        or token.text[0].isdigit()
        or token.lower in lex.classes.quantity
    )


def not_a_subject(token: Token, lex: _Lexicon) -> bool:
    """Capitalised at the start of a sentence but no name: "Four", "Saturday", "Specifically"."""
    lower = token.lower
    if lower in lex.pronouns:
        return False
    return (
        lower in lex.classes.function
        or lower in lex.classes.calendar
        or (lower in lex.classes.time and lower not in ("this", "on"))  # "Last month he said"
        or lower in lex.classes.number
        or token.text[0].isdigit()
        or (lower.endswith("ly") and len(lower) > 4 and lower not in _given_names())
        or (lower.endswith(("’s", "'s")) and lower[:-2] in lex.classes.function)  # "That’s"
        or (lower.endswith("ing") and lower not in _place_and_family_names())
        or lower in lex.classes.possessive
    )


def not_an_actor(token: Token) -> bool:
    """ "It", "There's", "That's", "we": a subject that names no one who could speak."""
    lower = token.lower
    if lower.endswith(("'s", "’s")):
        lower = lower[:-2]
    return lower in lexicon().classes.not_actor
