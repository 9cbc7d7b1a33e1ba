"""Definite descriptions that name a role and refer back to a person: "The Vermont senator won",
"'...,' the chancellor said", "said the Republican nominee".

News writing names a person, then calls them by their office: "Ana Ruiz won the primary on
Tuesday. The Vermont senator aimed to ...". A description counts when it is the subject of its
sentence (it opens the sentence, after at most a conjunction; it follows a closing quote and a
comma; or it follows a speech verb), names one person (a singular role word of
``role_words.tsv`` a few words after "the": "senator", not "officials", nor "the senator's
plan") and refers back to the person mentioned first in the nearest of the two previous
sentences that mention one, when that mention opens its sentence (the subject, as a pronoun's
antecedent would be). It is the weakest evidence of a role: a title or an apposition of the
person's own outweighs it.

>>> from toolkit.actors import find_actors
>>> text = "Ana Ruiz won the primary. The Vermont senator thanked her staff."
>>> ruiz = find_actors(text)[0]
>>> ruiz.role, ruiz.role_evidence
('politician', ('refers back: The Vermont senator',))
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from toolkit import lang
from toolkit.actors._describe import _WORD, Description, _function_words
from toolkit.actors._model import Actor
from toolkit.actors._role import _longest_matches, _role_words

_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n+")
_SUBJECT_THE = re.compile(
    r"(?P<lead>^[\"“‘(]?(?:(?:But|And|Yet|Still|Then|Now|Meanwhile|However,)\s+)?"
    r"|[,!?][\"”’]\s+|\b(?:said|says|added|adds|told\s+\w+)\s+)"
    r"(?P<np>[Tt]he\s[^,;:.!?\"“”()\n]{2,80})"
)
_LOOK_BACK = 2  # sentences
_MAX_BEFORE_HEAD = 3  # words between "the" and the role word
_SUBJECT_REACH = 40  # characters into its sentence where the antecedent, a subject, starts


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of ``text`` start (a plain split: enough for subjects)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def coreferent_descriptions(text: str, actors: list[Actor]) -> dict[str, list[Description]]:
    """Person name -> the subject descriptions that refer back to that person (``where`` is
    ``"refers back"``)."""
    starts = sentence_starts(text)
    firsts = _first_person_per_sentence(actors, starts)
    found: dict[str, list[Description]] = defaultdict(list)
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        for offset, phrase in _subject_roles(text[start:end]):
            person = _antecedent(firsts, number)
            if person is not None:
                found[person].append(Description("refers back", phrase, start + offset))
    return found


def _subject_roles(sentence: str) -> list[tuple[int, str]]:
    """(offset, "the ... <role word>") of the subject descriptions of one sentence."""
    out = []
    for match in _SUBJECT_THE.finditer(sentence):
        words = [w for w in _WORD.findall(match.group("np")) if w != ","]
        size = _role_phrase_end(words)
        if size:
            np_start = match.start("np")
            phrase = sentence[np_start:]
            cut = _nth_word_end(phrase, size)
            out.append((np_start, phrase[:cut]))
    return out


def _role_phrase_end(words: list[str]) -> int:
    """Words of "the [modifiers] <role word>" at the start of ``words`` (0 if it is none): a
    singular role word within a few words of "the", then a verb, "of"/"from" or the end."""
    table, verbs = _role_words(), _function_words("auxiliary")
    for start, end, phrase in _longest_matches(words[1:], table):
        before = words[1 : start + 1]
        if start > _MAX_BEFORE_HEAD or any(w.lower() in verbs or _number(w) for w in before):
            return 0  # "the event will play host", "the two women"
        if _plural(phrase, table) or words[end].lower().endswith(("'s", "’s")):
            return 0  # "the officials", "the chancellor's plan"
        after = words[end + 1] if end + 1 < len(words) else ""
        if not after or after[:1].islower():
            return end + 1
        return 0
    return 0


def _plural(phrase: str, table: dict) -> bool:
    if phrase == "police" or phrase.endswith(("men", "people")):
        return True  # "the police", "the women"
    return phrase.endswith("s") and phrase[:-1] in table


def _number(word: str) -> bool:
    return word.isdigit() or word.lower() in _number_names()


@lang.cached
def _number_names() -> frozenset[str]:
    return frozenset(name for _, name in lang.table("number_names.tsv", ("value", "name")))


def _nth_word_end(phrase: str, n: int) -> int:
    words = [m for m in _WORD.finditer(phrase) if m.group() != ","]
    return words[n - 1].end()


def _first_person_per_sentence(actors: list[Actor], starts: list[int]) -> dict[int, str | None]:
    """Sentence number -> the name of the person mentioned first in it (name or pronoun), or
    None when that mention stands too far into the sentence to be its subject."""
    first: dict[int, tuple[int, str]] = {}
    for actor in actors:
        if actor.kind != "person":
            continue
        for m in actor.mentions:
            number = bisect.bisect_right(starts, m.start) - 1
            if number not in first or m.start < first[number][0]:
                first[number] = (m.start, actor.name)
    return {
        number: name if offset - starts[number] <= _SUBJECT_REACH else None
        for number, (offset, name) in first.items()
    }


def _antecedent(firsts: dict[int, str | None], number: int) -> str | None:
    for back in range(1, _LOOK_BACK + 1):
        if number - back in firsts:
            return firsts[number - back]
    return None
