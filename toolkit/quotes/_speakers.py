"""Who a speaker mention stands for: the actor behind a name, a pronoun or a description.

Private helper of :func:`toolkit.quotes.extract_quotes`. The attribution rules find the mention
that names a speaker ("Ana Ruiz", "he", "the minister", "a spokeswoman for the council"); a
:class:`Speakers` resolver, made once per article from its actors, says which actor it is,
quotation by quotation in text order:

- a **name** in the mention: the head of the phrase, not a possessor before it ("the council's
  lawyer"), a noun modifier before a person noun ("the Harbour Board lawyer", "a Ruiz aide":
  read as a description below) nor the object of a preposition after it ("a spokeswoman for
  Ana Ruiz" is not Ruiz; "Senator Tom Reyes of Ohio" is Reyes, "Secretary of State Tom Reyes"
  too);
- a **personal pronoun** ("he", "she", "her statement"): the person the actor finder links it
  to, when that person is named before it outside quote marks (a name inside a quotation is
  what someone said, not who speaks); else the speaker of a quotation just before it, in its
  paragraph or the two before, whose gender does not disagree. Never a place or an
  organisation. "it": the organisation that spoke last;
- a **plural pronoun** ("they", "them", "their statement"): by the rules of the ``antecedent``
  cascade (:mod:`toolkit.quotes.rules`), the organisation or the unnamed group ("union
  officials") that spoke last in its paragraph or the one before, else an organisation opening
  a sentence of its paragraph. Never a person or a place. An unnamed group is no actor: the
  words that named it are :attr:`Speakers.antecedent`;
- a **definite description** ("the minister", "the company"): the person named before it with
  that title ("Education Minister Ana Ruiz"), or, for an organisation noun, the organisation
  that spoke last or was named last. None when the article names no one fitting.

>>> from toolkit.actors import Actor, Mention
>>> ruiz = Actor("Ana Ruiz", "person", gender="female",
...              mentions=(Mention(17, 25, "Ana Ruiz"), Mention(33, 36, "She", "pronoun")))
>>> text = "Harbour Minister Ana Ruiz spoke. She said it was late. The minister left."
>>> speakers = Speakers(text, [ruiz], [])
>>> speakers.actor_for((33, 36)).name, speakers.actor_for((55, 67)).name
('Ana Ruiz', 'Ana Ruiz')
>>> speakers.actor_for((0, 25)).name  # "Harbour Minister Ana Ruiz": the name in it
'Ana Ruiz'
>>> board = Actor("Harbour Board", "organization", mentions=(Mention(4, 17, "Harbour Board"),))
>>> text = "The Harbour Board lawyer said no."
>>> Speakers(text, [board], []).actor_for((0, 24)) is None  # the lawyer is not the board
True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from toolkit.actors._lookup import MentionIndex
from toolkit.quotes._lexicon import lexicon, person_nouns, title_modifiers, title_words

if TYPE_CHECKING:
    from toolkit.actors import Actor

_WORD = re.compile(r"[\w’'.-]+")
_AGE = re.compile(r"\d+-year-old")
# "he's said", "they've said", "she'd said": the pronoun without its auxiliary
_CONTRACTION = re.compile(r"[’'](?:s|d|ve|ll|re)$")
_PARAGRAPHS_BACK = 2  # a pronoun may refer to a speaker of this many paragraphs before
_GENDER = {"he": "male", "his": "male", "him": "male", "she": "female", "her": "female"}
_PLURAL = frozenset({"they", "them", "their"})


class Speakers:
    """The actors of one article, read for the speaker mentions of its quotations, which are
    looked up in text order (:meth:`actor_for` remembers who spoke, for the pronouns after).

    ``quoted`` are the (start, end) spans of the words in quote marks. ``antecedents`` finds
    what a plural pronoun stands for (the ``first`` of the ``antecedent`` cascade of
    :mod:`toolkit.quotes.rules`, called with the resolver and the pronoun's offset); without
    it "they" stands for no one.
    """

    def __init__(
        self,
        text: str,
        actors: Sequence[Actor],
        quoted: Sequence[tuple[int, int]],
        antecedents: Callable[..., Any] | None = None,
    ) -> None:
        self.text = text
        self._actors = actors
        names = sorted(
            [
                (m.start, m.end, actor)
                for actor in actors
                for m in actor.mentions
                if m.form != "pronoun" and m.end > m.start
            ],
            key=lambda row: (row[0], row[1]),
        )
        self._names = names  # (start, end, actor) of every name mention
        self._name_starts = [row[0] for row in names]
        spans = sorted(quoted)
        starts = [start for start, _ in spans]
        self._rows = [row for row in names if not _inside(spans, starts, row[0], row[1])]
        self._starts = [row[0] for row in self._rows]  # the same, outside quote marks
        self._spoke: list[tuple[int, Actor]] = []  # (offset, actor) of the speakers so far
        self._said = (0, 0)
        self._antecedents = antecedents
        self._groups: list[tuple[int, tuple[int, int]]] = []  # unnamed groups that spoke
        #: the words of an unnamed group the last plural pronoun looked up stands for
        self.antecedent: tuple[int, int] | None = None

    @cached_property
    def _index(self) -> MentionIndex:
        """Every mention, pronouns included, for the links the actor finder made (built only
        for an article with a pronoun or relative speaker)."""
        return MentionIndex(self._actors)

    def actor_for(
        self,
        span: tuple[int, int],
        name_span: tuple[int, int] | None = None,
        said: tuple[int, int] = (0, 0),
    ):
        """The actor the speaker mention at ``span`` stands for, or None. ``name_span`` is
        where a relative pronoun's antecedent is ("Ruiz, who said"): looked up instead.
        ``said`` is the quotation's span: a name in it is not who says it ("Of Reyes's
        plan, she said it failed")."""
        self._said = said
        self.antecedent = None
        # a relative pronoun stands for its antecedent, the name nearest "who"
        actor = self._index.actor_at(*name_span) if name_span else self._resolve(*span)
        if actor is not None:
            self._spoke.append((span[0], actor))
        elif self.antecedent is not None:
            self._groups.append((span[0], self.antecedent))
        return actor

    def unnamed(self, mention: tuple[int, int], described: tuple[int, int]) -> None:
        """Note that the source ``mention`` (for which :meth:`actor_for` found no actor),
        described by the words at ``described``, spoke: a plural one ("union officials",
        "the unions") may be who "they" stand for next."""
        words = [w.lower() for w in _WORD.findall(self.text[mention[0] : mention[1]])]
        if words and words[0] not in _PLURAL and _plural_source(words[-1]):
            self._groups.append((mention[0], described))

    def _resolve(self, start: int, end: int):
        named = self._named_in(start, end)
        if named is not None:
            return named
        words = [_uncontracted(w.lower()) for w in _WORD.findall(self.text[start:end])]
        if not words:
            return None
        lex = lexicon()
        if words[0] in _GENDER and (len(words) == 1 or _speaks_for_owner(words, lex)):
            return self._person_pronoun(start, end, _GENDER[words[0]])
        if words == ["it"]:
            return self._organisation_pronoun(start)
        if words[0] in _PLURAL and (len(words) == 1 or _speaks_for_owner(words, lex)):
            return self._plural_pronoun(start)
        if len(words) >= 2 and words[0] in lex.classes.article - {"a", "an"}:
            return self._described(start, words)
        if words[-1] in person_nouns() and self.text[start:end].islower():
            return self._described(start, words)  # "bespectacled professor"
        return None

    # --- a name in the mention -----------------------------------------------------------

    def _named_in(self, start: int, end: int):
        """The actor whose name heads the mention ``[start, end)``: of the names in it, the
        last that is neither a possessor nor the object of a preposition."""
        found, found_end = None, -1
        i = bisect.bisect_left(self._name_starts, end)
        for m_start, m_end, actor in self._names[max(i - 30, 0) : i]:
            if m_end <= start or self._possessor(m_end, end) or self._modifier(m_end, end):
                continue
            if self._object_of_preposition(start, m_start, found_end):
                continue
            found, found_end = actor, m_end
        return found

    def _possessor(self, m_end: int, end: int) -> bool:
        """ "North Korea's news agency": a name followed by "'s" and more words of the mention."""
        after = self.text[m_end:end]
        return after[:2] in ("'s", "’s") and bool(after[2:].strip())

    def _modifier(self, m_end: int, end: int) -> bool:
        """ "the Harbour Board lawyer", "a Ruiz aide": a name followed, to the end of the
        mention, by lowercase words ending in a person noun, which the name only modifies."""
        words = _WORD.findall(self.text[m_end:end])
        return (
            bool(words)
            and all(w.islower() for w in words)
            and (words[-1].lower() in person_nouns() or words[-1].lower() in title_words())
        )

    def _object_of_preposition(self, start: int, m_start: int, name_end: int) -> bool:
        """Does the name at ``m_start`` come after a preposition that follows a lowercase noun
        of the mention ("a spokeswoman for Ruiz", "a spokeswoman for the Harbour Board's
        office") or a name before it, ending at ``name_end`` ("Senator Reyes of Ohio",
        "Reyes at the University")? Not "Secretary of State Tom Reyes"."""
        classes = lexicon().classes
        previous = None
        for word in _WORD.finditer(self.text, start, m_start):
            if previous is not None and word.group() in classes.preposition:
                after_name = not self.text[name_end : word.start()].strip(" ,")
                noun = previous.group()
                authored = word.group() in ("from", "by", "of") and (
                    noun in classes.document or noun in classes.publication
                )  # "a report from Harbour Analytics" is the firm's
                if (noun.islower() and not authored) or (name_end >= 0 and after_name):
                    return True
            previous = word
        return False

    # --- pronouns and descriptions ------------------------------------------------------------

    def _person_pronoun(self, start: int, end: int, gender: str):
        """ "he", "her statement": the person the actor finder links the pronoun to, when named
        before it outside quote marks; else the last speaker of that gender nearby; else the
        last person of that gender named in its paragraph or the one before."""
        linked = self._index.actor_at(start, end)
        if (
            linked is not None
            and linked.kind == "person"
            and linked.gender in (None, gender)
            and self._named_before(linked, start)
            and not self._named_in_quotation(linked)
        ):
            return linked
        return self._latest_speaker(start, "person", gender) or self._latest(
            start, "person", paragraphs=1, gender=gender
        )

    def _organisation_pronoun(self, start: int):
        """ "it": the organisation that spoke last nearby; else the one that opens a sentence
        last in the paragraph or the one before ("Harbour Freight Ltd cut 200 jobs. ... it
        said"). An actor the finder took for a person of no known gender may be that
        organisation (a person is never "it")."""
        return (
            self._latest_speaker(start, "organization")
            or self._sentence_subject(start)
            or self._latest_speaker(start, "person", genderless=True)
        )

    def _plural_pronoun(self, start: int):
        """ "they": the answer of the first rule of the ``antecedent`` cascade that answers,
        an organisation or the span of an unnamed group (kept in :attr:`antecedent`)."""
        found = self._antecedents(self, start) if self._antecedents else None
        if found is None or not isinstance(found[1], tuple):
            return found[1] if found else None
        self.antecedent = found[1]
        return None

    def group_spoke_last(self, before: int):
        """The organisation or unnamed plural group that spoke last before offset
        ``before``, in its paragraph or the one before: an organisation actor, or the span
        of the group's description. None when the last speaker there is a person or a
        place (one person is not "they"; "Union officials said ... Ruiz said ... they
        added" is left unread) or there is none."""
        lowest = self._paragraph_start(before, 1)
        found = [(o, a) for o, a in self._spoke + self._groups if lowest <= o < before]
        if not found:
            return None
        last = max(found, key=lambda row: row[0])[1]
        return last if isinstance(last, tuple) or last.kind == "organization" else None

    def organisation_opening(self, before: int):
        """The organisation that opens the sentence of offset ``before`` or the one before
        it, as their subject ("The Harbour Union met on Monday. They said ..."; not "The
        Harbour Union's plan ...")."""
        lowest = max(self._sentence_start(before, 1), self._paragraph_start(before, 0))
        i = bisect.bisect_left(self._starts, before)
        for m_start, m_end, actor in reversed(self._rows[:i]):
            if m_start < lowest:
                return None
            if (
                actor.kind == "organization"
                and _opens_sentence(self.text, m_start)
                and self.text[m_end : m_end + 2] not in ("'s", "’s")
            ):
                return actor
        return None

    def _sentence_start(self, offset: int, back: int) -> int:
        """Where the sentence ``back`` sentences before the one holding ``offset`` starts
        (roughly: after a full stop, a question or exclamation mark and a space)."""
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, 0, offset)]
        return ends[-1 - back] if len(ends) > back else 0

    def _sentence_subject(self, before: int):
        """The organisation (or a person of no known gender) named last before offset
        ``before`` at the start of a sentence, in its paragraph or the one before."""
        lowest = self._paragraph_start(before, 1)
        said_start, said_end = self._said
        i = bisect.bisect_left(self._starts, before)
        for m_start, m_end, actor in reversed(self._rows[:i]):
            if m_start < lowest:
                return None
            if m_end > before or said_start <= m_start < said_end:
                continue  # a name in the words said is not who says them
            if _could_be_it(actor) and _opens_sentence(self.text, m_start):
                return actor
        return None

    def _paragraph_start(self, offset: int, back: int) -> int:
        """Where the paragraph ``back`` paragraphs before the one holding ``offset`` starts."""
        start = offset
        for _ in range(back + 1):
            start = self.text.rfind("\n", 0, start)
            if start < 0:
                return 0
            while start > 0 and self.text[start - 1] == "\n":
                start -= 1
        return start

    def _named_in_quotation(self, actor: Actor) -> bool:
        """Is ``actor`` named in the quotation being attributed ("And it is on Reyes's watch,
        he said": "he" is not Reyes)?"""
        said_start, said_end = self._said
        i = bisect.bisect_left(self._name_starts, said_start)
        return any(row[2] is actor for row in self._names[i:] if row[0] < said_end)

    def _named_before(self, actor: Actor, offset: int) -> bool:
        """Is ``actor`` named before ``offset``, outside quote marks and the quotation?"""
        i = bisect.bisect_left(self._starts, offset)
        said_start, said_end = self._said
        return any(
            row[2] is actor and not (said_start <= row[0] < said_end) for row in self._rows[:i]
        )

    def _latest_speaker(
        self, before: int, kind: str, gender: str | None = None, genderless: bool = False
    ):
        """The last speaker of ``kind`` (and a gender not other than ``gender``; none at all
        when ``genderless``) before offset ``before``, in its paragraph or the
        ``_PARAGRAPHS_BACK`` before."""
        lowest = self._paragraph_start(before, _PARAGRAPHS_BACK)
        for offset, actor in reversed(self._spoke):
            if offset >= before:
                continue
            if offset < lowest:
                break
            if actor.kind != kind or (genderless and not _could_be_it(actor)):
                continue
            if gender is None or actor.gender in (None, gender):
                return actor
        return None

    def _latest(
        self,
        before: int,
        kind: str,
        title: list[str] | None = None,
        paragraphs: int | None = None,
        gender: str | None = None,
    ):
        """The actor of ``kind`` named last before offset ``before`` outside quote marks,
        holding a title the description ``title`` fits when one is given ("the minister",
        "the former president"), named in the paragraph of ``before`` or the ``paragraphs``
        before it when that is given, and of ``gender`` or none when that is given."""
        lowest = self._paragraph_start(before, paragraphs) if paragraphs is not None else -1
        i = bisect.bisect_left(self._starts, before)
        for m_start, m_end, actor in reversed(self._rows[:i]):
            if m_start < lowest:
                return None
            if actor.kind != kind or m_end > before:
                continue
            if gender is not None and actor.gender not in (None, gender):
                continue
            if title and not self._titled(actor, title):
                continue
            return actor
        return None

    def _titled(self, actor: Actor, description: list[str]) -> bool:
        """Does the description ("the minister") fit a title written before one of the actor's
        names ("Education Minister Ana Ruiz", but not "Vice President Ana Ruiz" for "the
        president")? The titles the actor finder keeps may have lost their modifiers."""
        modifiers = title_modifiers()
        for m_start, m_end, named in self._names:
            if named is not actor:
                continue
            # the words before the name, and those of a name that holds its title
            # ("Education Minister Rob Fleming")
            words = [w.lower() for w in _WORD.findall(self.text[max(m_start - 60, 0) : m_end])]
            for stop in range(len(words) - 1, 0, -1):
                for k in range(max(stop - 4, 0), stop):
                    if (k == 0 or words[k - 1] not in modifiers) and _fits(
                        description, words[k:stop]
                    ):
                        return True
        return False

    def _described(self, start: int, words: list[str]):
        """ "the company": the organisation named last in the paragraph, or else the one that
        spoke last; "the minister": the person last named with that title; "the professor",
        "the 30-year-old": the person named last in the paragraph or the one before. A
        source left unnamed ("the official", "the spokesman") stays unnamed."""
        lex = lexicon()
        head = words[-1]
        if head in lex.classes.organisation_noun:
            return self._latest(start, "organization", paragraphs=0) or self._latest_speaker(
                start, "organization"
            )
        if head in lex.classes.unnamed_source:
            return None
        if head in title_words():
            return self._latest(start, "person", title=words)
        singular = not head.endswith("s") or head.endswith("ss")
        if (head in person_nouns() and singular) or _AGE.fullmatch(head):
            return self._latest(start, "person", paragraphs=1)
        return None


def _uncontracted(word: str) -> str:
    """ "he's" -> "he", "they've" -> "they": a personal pronoun without its contracted
    auxiliary. Other words keep theirs ("the candidate's" is a possessive)."""
    bare = _CONTRACTION.sub("", word)
    return bare if bare in _GENDER or bare in _PLURAL or bare == "it" else word


def _fits(description: list[str], title: list[str]) -> bool:
    """Does the description "the minister" fit the title "Education Minister"? Its last word
    is the title's, and both have the same modifiers ("vice", "former"): "the president" is
    not "Vice President", "the former president" not "President"."""
    modifiers = title_modifiers()
    return (
        bool(title)
        and title[-1] == description[-1]
        and {w for w in title if w in modifiers} == {w for w in description if w in modifiers}
    )


def _could_be_it(actor: Actor) -> bool:
    """Can "it" stand for ``actor``: an organisation, or an actor taken for a person of no
    known gender?"""
    return actor.kind == "organization" or (actor.kind == "person" and actor.gender is None)


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+")
_SENTENCE_OPENER = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)(?:[Tt]he\s+)?$")


def _opens_sentence(text: str, offset: int) -> bool:
    """Does the name at ``offset`` open a sentence ("The Harbour Board said ...")?"""
    return _SENTENCE_OPENER.search(text, max(offset - 8, 0), offset) is not None


def _plural_source(head: str) -> bool:
    """Does the head word of an unnamed source name a group: a plural source word
    ("officials", "police"), or the plural of a person or organisation noun ("campaigners",
    "the unions")?"""
    classes = lexicon().classes
    if head in classes.plural_source:
        return True
    if not head.endswith("s") or head.endswith("ss"):
        return False
    singular = head[:-1]
    return (
        head in classes.unnamed_source
        or singular in classes.organisation_noun
        or singular in person_nouns()
    )


def _speaks_for_owner(words: list[str], lex) -> bool:
    """ "her statement", "his letter": a possessive pronoun and a document or speech noun,
    which speak for their owner (not "his lawyer", "her office")."""
    return len(words) == 2 and (words[1] in lex.classes.document or words[1] in lex.speech_nouns)


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and spans[i][1] >= end
