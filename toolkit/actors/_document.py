"""The working data of the actor finder for one article: name candidates and demonym mentions.

The finder's steps fill and refine these (see :mod:`toolkit.actors._find`); users only ever see
the :class:`~toolkit.actors.Actor` and :class:`~toolkit.actors.Mention` built from them.

>>> c = Candidate(0, 9, "Tom Reyes", ("Tom", "Reyes"), sentence=0)
>>> c.kind, c.titles
('', [])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.actors._lexicon import Lexicon
from toolkit.actors._tokens import Sentence, Token


@dataclass
class Candidate:
    """A name found in the text, with what its context says about it; typed later."""

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
    before_place: bool = False  # ", Scotland" after it: an address ("Lockerbie, Scotland")
    #: ", Ont." or ", B.C." after it: a town, whatever its words ("Prince Albert, Sask.")
    before_province: bool = False
    kind: str = ""
    key: tuple[str, str] = ("", "")
    forced: str = ""  # the codebook actor this mention belongs to


@dataclass
class DemonymMention:
    """A demonym or adjectival mention of a country ("Russian", "US-supplied")."""

    start: int
    end: int
    text: str
    place: str
    sentence: int


@dataclass
class Document:
    """An article as the finder reads it; ``candidates`` and ``demonyms`` fill up as it goes."""

    text: str
    sentences: list[Sentence]
    sports: bool
    candidates: list[Candidate] = field(default_factory=list)
    #: a match report (scores and sports words): a city or county there is the team
    match_report: bool = False
    demonyms: list[DemonymMention] = field(default_factory=list)


def normal(tokens: tuple[str, ...]) -> str:
    """The lower-cased words of a name without a leading "the": the key names are compared by.

    >>> normal(("The", "Times"))
    'times'
    """
    words = list(tokens)
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What the candidate steps know about the sentence a run of name words is in.

    ``words[k]`` is token ``k`` as a name is spelled: a word of a capitals headline is
    capitalised ("MOSCOW" -> "Moscow"), any other token is as written. Found candidates and
    demonym mentions go to ``doc``.
    """

    doc: Document
    lex: Lexicon
    tokens: tuple[Token, ...]  # of the sentence
    caps: bool  # the sentence is a headline in capitals
    number: int  # of the sentence in the article
    words: tuple[str, ...]
    first_word: int  # token index of the sentence's first word
    numbers: int  # number tokens in the sentence (a results line has several)
    lower_vocab: set[str]  # words the article writes in lower case
    body_caps: set[str]  # words the article capitalises mid-sentence (lower-cased)

    def joined(self, i: int, j: int) -> str:
        """The words ``i:j`` without periods, lower-cased: "george w bush"."""
        return " ".join(w for w in self.words[i:j] if w != ".").lower()


def spelled_words(sentence: Sentence) -> tuple[str, ...]:
    """The tokens of ``sentence`` as names are spelled (see :class:`SentenceContext`)."""
    if not sentence.all_caps:
        return tuple(t.text for t in sentence.tokens)
    return tuple(t.text.capitalize() if t.is_upper else t.text for t in sentence.tokens)
