"""The word lists of the attribution grammar, read once from ``toolkit/lang/data/``.

``lexicon()`` holds the speech verbs and their classes (``quote_verbs*.txt``), cue phrases
(``quote_cue_phrases.txt``), the closed word classes (``quote_words.txt``), pronouns, source
and speech nouns and hedges; the other loaders hold names the rules must tell apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from toolkit.lang import read_lines, word_set


@dataclass(frozen=True)
class _Lexicon:
    forms: dict[str, tuple[str, str]]  # verb form -> (base form, class)
    # first word -> [(words, order, class one of the next words must be in, or "")]
    phrases: dict[str, list[tuple[tuple[str, ...], str, str]]]
    with_object: frozenset[str]
    with_infinitive: frozenset[str]
    words: dict[str, frozenset[str]]  # closed classes from quote_words.txt
    pronouns: frozenset[str]
    relatives: frozenset[str]
    naming: frozenset[str]
    source_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    # hedges (quote_hedges.txt) by their first word after any "be": [(cue words, "be" first?,
    # openers of the content or None)]
    hedges: dict[str, list[tuple[tuple[str, ...], bool, frozenset[str] | None]]]


@cache
def lexicon() -> _Lexicon:
    forms: dict[str, tuple[str, str]] = {}
    for cls, name in (
        ("speech", "quote_verbs.txt"),
        ("cognition", "quote_verbs_cognition.txt"),
        ("evidence", "quote_verbs_evidence.txt"),
        ("intention", "quote_verbs_intention.txt"),
        ("stance", "quote_verbs_stance.txt"),
        ("evaluation", "quote_verbs_evaluation.txt"),
    ):
        for line in read_lines(name):
            parts = line.lower().split()
            for form in parts:
                forms.setdefault(form, (parts[0], cls))
    phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for line in read_lines("quote_cue_phrases.txt"):
        order, *words = line.lower().split()
        needs = words.pop()[1:] if words[-1].startswith("+") else ""
        phrases.setdefault(words[0], []).append(
            (tuple(words), "before" if order == "before" else "verb", needs)
        )
    for alternatives in phrases.values():
        alternatives.sort(key=lambda item: -len(item[0]))
    classes: dict[str, set[str]] = {}
    for line in read_lines("quote_words.txt"):
        cls, word = line.lower().split(None, 1)
        classes.setdefault(cls, set()).add(word)
    return _Lexicon(
        forms=forms,
        phrases=phrases,
        with_object=word_set("quote_verbs_object.txt"),
        with_infinitive=word_set("quote_verbs_infinitive.txt"),
        words={cls: frozenset(words) for cls, words in classes.items()},
        pronouns=word_set("quote_speaker_pronouns.txt"),
        relatives=word_set("quote_relative_pronouns.txt"),
        naming=word_set("quote_naming_words.txt"),
        source_nouns=word_set("quote_source_nouns.txt"),
        speech_nouns=word_set("quote_nouns.txt"),
        hedges=_read_hedges(),
    )


def _read_hedges() -> dict[str, list[tuple[tuple[str, ...], bool, frozenset[str] | None]]]:
    hedges: dict[str, list[tuple[tuple[str, ...], bool, frozenset[str] | None]]] = {}
    for line in read_lines("quote_hedges.txt"):
        cue, openers = (part.split() for part in line.lower().split(":"))
        be = cue[0] == "be"
        words = tuple(cue[1:] if be else cue)
        entry = (words, be, None if openers == ["*"] else frozenset(openers))
        hedges.setdefault(words[0], []).append(entry)
    return hedges


@cache
def _given_names() -> frozenset[str]:
    """Given names that look like adverbs ("Kelly", "Emily", "Beverly")."""
    return frozenset(line.split("\t")[0].lower() for line in read_lines("actor_first_names.tsv"))


@cache
def _name_genders() -> dict[str, str]:
    genders = {}
    for line in read_lines("actor_first_names.tsv"):
        name, _, gender = line.partition("\t")
        genders[name.lower()] = gender.strip()
    return genders


@cache
def _pronoun_genders() -> dict[str, str]:
    """Pronoun -> the gender code of actor_first_names.tsv it agrees with ("he" -> "m")."""
    words = lexicon().words
    return {**dict.fromkeys(words["masculine"], "m"), **dict.fromkeys(words["feminine"], "f")}


@cache
def _place_and_family_names() -> frozenset[str]:
    """Names that look like participles ("Wyoming", "Manning", "Beijing")."""
    return (
        word_set("actor_regions.txt")
        | word_set("actor_cities.txt")
        | word_set("actor_surnames.txt")
    )


@cache
def _topic_entries() -> dict[str, list[tuple[str, str, tuple[tuple[str, ...], ...]]]]:
    """Head word -> [(kind, base form, tails)] from ``quote_topic_cues.txt``."""
    entries: dict[str, list[tuple[str, str, tuple[tuple[str, ...], ...]]]] = {}
    for line in read_lines("quote_topic_cues.txt"):
        head, tails = line.lower().split(":")
        kind, *forms = head.split()
        parsed = tuple(sorted((tuple(t.split()) for t in tails.split("|")), key=len, reverse=True))
        for form in forms:
            entries.setdefault(form, []).append((kind, forms[0], parsed))
    return entries
