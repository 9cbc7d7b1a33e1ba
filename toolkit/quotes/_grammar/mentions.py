"""What a speaker phrase names: a source who can hold a view, a name, a speaker, its head."""

from __future__ import annotations

from itertools import pairwise

from toolkit.quotes._grammar.words import is_quantity, is_relative
from toolkit.quotes._lexicon import (
    _given_names,
    _Lexicon,
    _name_genders,
    _place_and_family_names,
    _pronoun_genders,
    lexicon,
)
from toolkit.quotes._tokens import Phrase, Token


def names_source(tokens: list[Token], phrase: Phrase) -> bool:
    """Can the speaker phrase hold a view, want or find something? A personal pronoun, a name,
    or a phrase with a head noun from ``quote_source_nouns.txt`` ("officials", "a poll")."""
    lex = lexicon()
    words = [t for t in tokens[phrase.i : phrase.j] if t.kind == "word"]
    if not words:
        return False
    if len(words) == 1 and words[0].lower in lex.pronouns | lex.relatives:
        return words[0].lower in lex.classes.agent_pronoun
    if any(t.lower in lex.source_nouns for t in words):
        return True
    for t in words:
        if (
            t.text[0].isupper()
            and (t.start != tokens[0].start or len(words) > 1)
            and t.lower not in lex.classes.function | lex.classes.calendar
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
        and first.lower not in lex.classes.impersonal_pronoun
    ):
        return False  # "I guess its a", "I suppose it's": a clause, not a phrase
    if first.text.islower() and (
        (first.lower in lex.forms and first.lower != lex.forms[first.lower][0])
        or first.lower in lex.classes.be
        or first.lower in lex.classes.finite
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
            or t.lower in lex.classes.be
            or t.lower in lex.classes.finite
        ):
            return False  # "Ruiz has said she", "Tom Reyes has been weighing": a clause
    last = words[-1]
    # A phrase that ends in a verb form is no speaker: "... who was told"; but "-s" after a
    # preposition and a determiner is a plural noun ("people familiar with the plans said").
    if plural_object([t.lower for t in words], len(words) - 1, lex):
        return True
    return not (
        last.lower in lex.forms and last.text.islower() and last.lower != lex.forms[last.lower][0]
    )


def plural_object(words: list[str], k: int, lex: _Lexicon) -> bool:
    """Is the lowercase word ``words[k]`` in "-s" a plural noun, the head of the object of a
    preposition ("with the plans", "of its new members"), not a verb?

    >>> plural_object("familiar with the new plans".split(), 4, lexicon())
    True
    """
    if not words[k].endswith("s") or words[k] in lex.classes.be | lex.classes.finite:
        return False
    determiners = lex.classes.article | lex.classes.possessive
    j = k - 1
    while j > 0 and words[j] not in determiners and words[j] not in lex.forms and j > k - 3:
        j -= 1  # modifiers between: "the new plans"
    return j > 0 and words[j] in determiners and words[j - 1] in lex.classes.preposition


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
            and token.lower in lex.classes.preposition
            and token.text.islower()
            and prev.kind == "word"
            and prev.text.islower()
            and not (token.lower == "of" and is_quantity(prev, lex))  # "one of its leaflets"
        ):
            return start, k
    return start, end


def counted_people(tokens: list[Token], k: int, lex: _Lexicon) -> int | None:
    """ "About 150 farmers", "Three officials", "more than 300 residents": a counted
    plural subject; the end of the phrase, or None. Not "Four days before ..."."""
    j = k
    approximators = lex.classes.approximator
    while j < len(tokens) and tokens[j].lower in approximators:
        j += 1
    if j >= len(tokens) or not is_quantity(tokens[j], lex) or tokens[j].lower in approximators:
        return None
    for m in range(j + 1, min(j + 4, len(tokens))):  # the plural noun: up to three words on
        token = tokens[m]
        if token.kind != "word" or token.lower in lex.forms or token.lower in lex.classes.stop:
            return None
        if token.lower.endswith("s") and not token.lower.endswith("ss"):
            return None if token.lower in lex.classes.time else m + 1
    return None


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
