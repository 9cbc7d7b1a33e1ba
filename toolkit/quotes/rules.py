"""The attribution rules, as named and ordered data: the catalogue of what finds a quotation's
speaker and what finds reported speech.

Every quotation :func:`toolkit.extract_quotes` returns names the rule that found it
(``Quote.rule``): for words in quote marks, the rule that found their speaker (empty when none
did); for reported speech, the rule that found the clause. The rules are grouped in cascades,
each tried in order, the first rule that answers winning:

>>> [cascade.name for cascade in CASCADES]
['speaker', 'source', 'inherit', 'reported', 'clause', 'description', 'antecedent']
>>> rule("quote-comma-said-name").examples[0].text
'"We will rebuild the bridge," said Ana Ruiz.'
>>> from toolkit import extract_quotes
>>> [q.rule for q in extract_quotes('"We will rebuild the bridge," said Ana Ruiz.')]
['quote-comma-said-name']

To add a rule: write its function next to the others of its cascade
(``_speaker_rules.py``, ``_inherit_rules.py`` or ``_clause_rules.py``, with the signature the
cascade's summary gives), add a :class:`Rule` with a name, a one-sentence summary and at least
one example to the cascade below, at the place in the order where it should be tried, and run
``pytest tests/test_quote_rules.py``: every example of every rule is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from toolkit.quotes import _clause_rules as clause
from toolkit.quotes import _descriptions as description
from toolkit.quotes import _inherit_rules as inherit
from toolkit.quotes import _speaker_rules as speaker
from toolkit.quotes._speakers import Speakers

__all__ = ["CASCADES", "Cascade", "Example", "Rule", "rule"]


@dataclass(frozen=True)
class Example:
    """A sentence written for the docs (invented names), the quotation or reported clause a
    rule finds in it, and its speaker's name as ``Quote.speaker`` gives it (None if
    unattributed)."""

    text: str
    quote: str
    speaker: str | None


@dataclass(frozen=True)
class Rule:
    """One attribution rule: a stable kebab-case ``name`` (the value of ``Quote.rule``), a
    one-sentence ``summary`` of what it reads, ``examples``, and the function that applies it
    (its signature is the cascade's). ``subject_only``: the rule finds a speaker with no cue,
    which is not enough to make a scare quote (a word or two in quote marks) a quotation;
    ``scare_inherits``: for a scare quote, a speaker named before it is tried instead."""

    name: str
    summary: str
    examples: tuple[Example, ...]
    apply: Callable[..., Any]
    subject_only: bool = False
    scare_inherits: bool = False


@dataclass(frozen=True)
class Cascade:
    """Rules tried in order for one decision; ``summary`` says what it decides and how its
    order matters."""

    name: str
    summary: str
    rules: tuple[Rule, ...]

    def each(self, *args: Any) -> list[tuple[Rule, Any]]:
        """Every rule whose function, called with ``args``, answers, and its answer, in
        order (for a cascade whose rules all apply, as ``description``)."""
        answers = ((candidate, candidate.apply(*args)) for candidate in self.rules)
        return [(candidate, answer) for candidate, answer in answers if answer is not None]

    def first(self, *args: Any) -> tuple[Rule, Any] | None:
        """The first rule whose function, called with ``args``, answers (returns something
        other than None), and its answer; None when no rule answers."""
        for candidate in self.rules:
            answer = candidate.apply(*args)
            if answer is not None:
                return candidate, answer
        return None


def _rule(
    name: str,
    summary: str,
    apply: Callable[..., Any],
    *examples: tuple[str, str, str | None],
    **flags: bool,
) -> Rule:
    return Rule(name, summary, tuple(Example(*e) for e in examples), apply, **flags)


SPEAKER = Cascade(
    "speaker",
    "Who speaks a quotation in quote marks, read from its own sentence. Each rule is called "
    "with the sentence and the quotation's token, and answers with an attribution or None. "
    "The order runs from the words nearest the quotation outwards: an attribution right after "
    "it, one around it, a cue for the whole sentence, a cue before it, a cue closing the "
    "sentence, and last, with no cue at all, a colon or a subject.",
    (
        _rule(
            "quote-attribution-according-to",
            "A source that reports the attribution after the quotation is its speaker, as the "
            "one the reader is given for it.",
            speaker.source_after_attribution,
            (
                '"The talks are over," Tom Reyes said, according to the Harbour Times.',
                "The talks are over,",
                "Harbour Times",
            ),
        ),
        _rule(
            "quote-pronoun-repeats-introducer",
            "A pronoun attribution after a quotation that a speech verb before it introduced "
            "repeats that speaker, who is the one named.",
            speaker.pronoun_after_introduced_quote,
            (
                'Ana Ruiz said, "We never saw the letter," she said.',
                "We never saw the letter,",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "quote-comma-said-name",
            "A speech verb right after the quotation, its speaker after it.",
            speaker.comma_said_name,
            (
                '"We will rebuild the bridge," said Ana Ruiz.',
                "We will rebuild the bridge,",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "quote-comma-name-said",
            "A speaker right after the quotation, a speech verb after it (with an appositive "
            "or a relative clause between).",
            speaker.comma_name_said,
            (
                '"We will rebuild the bridge," Ana Ruiz said.',
                "We will rebuild the bridge,",
                "Ana Ruiz",
            ),
            (
                '"The vote was fair," Tom Reyes, the council leader, told reporters.',
                "The vote was fair,",
                "Tom Reyes",
            ),
            (
                '"The vote was fair," Keeper of the Harbour Records, Tom Reyes, said.',
                "The vote was fair,",
                "Tom Reyes",
            ),
        ),
        _rule(
            "quote-dash-name",
            "A name after a dash that closes the sentence.",
            speaker.dash_name,
            ('"Nothing is decided yet." — Ana Ruiz', "Nothing is decided yet.", "Ana Ruiz"),
        ),
        _rule(
            "quote-comma-unlisted-verb",
            "After a quotation that opens its sentence and ends with a comma, a speaker and a "
            "verb in the past or present tense, even one not in the verb lists.",
            speaker.unlisted_verb,
            ('"Not a chance," Ana Ruiz chuckled.', "Not a chance,", "Ana Ruiz"),
        ),
        _rule(
            "aside-between-commas",
            "An attribution between commas speaks for the whole clause around it, other cues "
            "in that clause included.",
            speaker.aside_speaker,
            ('The verdict, Ana Ruiz said, was one word: "Shameful."', "Shameful.", "Ana Ruiz"),
        ),
        _rule(
            "according-to",
            'A source cue for the whole sentence ("according to", "to Ruiz"), unless it '
            "stands in what another speaker says.",
            speaker.according_to,
            (
                'According to Tom Reyes, "the plan is dead in the water."',
                "the plan is dead in the water.",
                "Tom Reyes",
            ),
        ),
        _rule(
            "subject-verb-introduces",
            "With no cue in the clause before the quotation, a subject and a short verb phrase "
            "ending in a comma or a colon introduce it.",
            speaker.introducer,
            (
                'Ana Ruiz shot back, "That is simply not true."',
                "That is simply not true.",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "cue-before-quote",
            "The nearest cue before the quotation that has a speaker: finite speech verbs "
            "first, then participles, then belief, evidence and judgement; a cue whose speaker "
            "is the sentence subject before one in a side clause.",
            speaker.cue_before,
            (
                'Ana Ruiz said: "The new bridge is a triumph of patience."',
                "The new bridge is a triumph of patience.",
                "Ana Ruiz",
            ),
            (
                'Tom Reyes called the plan "a disaster for the valley".',
                "a disaster for the valley",
                "Tom Reyes",
            ),
        ),
        _rule(
            "closing-cue",
            "A speech cue after the quotation that closes the sentence.",
            speaker.closing_cue,
            (
                '"Dead and buried": that is the plan now, Ana Ruiz said.',
                "Dead and buried",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "intention-or-stance",
            "An intention or a stance before the quotation, whose speaker can hold one, with a "
            "clause or an object after it.",
            speaker.intention_or_stance,
            (
                'Ana Ruiz wants the council to act: "Fix the roads this year."',
                "Fix the roads this year.",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "possessive-speech-noun",
            "A speech noun owned by a possessive, right before the quotation, around it, or "
            "with the quotation in its that-clause: the possessor is the speaker.",
            speaker.possessive_noun,
            ('Ana Ruiz\'s "no new taxes" pledge won her the vote.', "no new taxes", "Ana Ruiz"),
        ),
        _rule(
            "colon-speaker-tag",
            "A sentence that opens with a short run of capitalised words and a colon is what "
            "that name says.",
            speaker.colon_speaker_tag,
            ('Mayor Ana Ruiz: Budget is a "total mess"', "total mess", "Ana Ruiz"),
        ),
        _rule(
            "colon-subject",
            "With no cue, the subject of a sentence that introduces the quotation with a colon "
            "right before it.",
            speaker.colon_subject,
            ('Ana Ruiz had one word for the plan: "shameful".', "shameful", "Ana Ruiz"),
        ),
        _rule(
            "clause-subject",
            "With no cue, a personal pronoun opening the clause nearest before the quotation.",
            speaker.clause_subject,
            (
                'Ana Ruiz smiled. Although she waved the report away as "nonsense from start to end", '
                "the board read it.",
                "nonsense from start to end",
                "Ana Ruiz",
            ),
            subject_only=True,
            scare_inherits=True,
        ),
        _rule(
            "sentence-subject",
            "With no cue at all, a quotation inside a sentence belongs to the sentence subject.",
            speaker.subject_of_sentence,
            (
                'Ana Ruiz spent the summer "fixing what was broken".',
                "fixing what was broken",
                "Ana Ruiz",
            ),
            subject_only=True,
        ),
    ),
)

SOURCE = Cascade(
    "source",
    "Who reports the words: tried when the speaker cascade names someone before the "
    "quotation. A source named after the quotation by a cue that closes the sentence reports "
    "the whole of it and replaces that speaker. Called like the speaker rules.",
    (
        _rule(
            "closing-source",
            "A source named after the quotation by a cue closing the sentence reports the "
            "whole sentence, speaker before the quotation included.",
            speaker.closing_source,
            (
                'Fans of the home team chanted, "Bring him home," waving scarves at the players, '
                "the Harbour Times reported.",
                "Bring him home,",
                "Harbour Times",
            ),
        ),
    ),
)

INHERIT = Cascade(
    "inherit",
    "Who speaks a quotation whose own sentence names no speaker. Each rule is called with "
    "the speakers named so far and the quotation, and answers with an attribution or None: "
    "the nearest speaker before it in its paragraph first, then a signature after it, then "
    "the paragraph before, then the subject of the sentence before.",
    (
        _rule(
            "same-paragraph",
            "The speaker of the latest attributed quotation or speech cue before the quotation "
            "in its paragraph.",
            inherit.same_paragraph,
            (
                '"We are ready," Ana Ruiz said. "The crews are ready too."',
                "The crews are ready too.",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "signature",
            "A quotation followed by a paragraph that is only a dash and a name.",
            inherit.signature,
            (
                '"The bridge must be rebuilt before winter."\n— Ana Ruiz',
                "The bridge must be rebuilt before winter.",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "paragraph-before",
            "A quotation that opens its paragraph: the latest speaker named in the paragraph "
            "before, or the subject of a sentence there that ends with a colon.",
            inherit.paragraph_before,
            (
                'Ana Ruiz had a message for the council:\n"Fix the roads before winter."',
                "Fix the roads before winter.",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "sentence-before",
            "The subject of the sentence just before a quotation that opens its own sentence, "
            "when that sentence holds no quotation and its subject could speak.",
            inherit.sentence_before,
            (
                'Ana Ruiz praised the crew. "We need more like them."',
                "We need more like them.",
                "Ana Ruiz",
            ),
        ),
    ),
)

REPORTED = Cascade(
    "reported",
    "Where the clause a speech cue reports lies, tried for every cue that has a speaker. Each "
    "rule is called with the sentence, the cue and its speaker phrase, and answers with the "
    "token ranges of the clause (an empty list: the cue reports nothing) or None when the "
    "sentence does not have its shape. A clause holding quoted words is one quotation of kind "
    "mixed, the quoted words its parts; one that is a quotation and nothing else is left to it.",
    (
        _rule(
            "clause-around-aside",
            "An attribution between commas splits the clause it reports in two.",
            clause.clause_around_aside,
            (
                "The plan, Ana Ruiz said, would cost far too much.",
                "would cost far too much",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "clause-before-according-to",
            "The clause before a source cue and its comma.",
            clause.clause_before_according_to,
            ("The plan is dead, according to Tom Reyes.", "The plan is dead", "Tom Reyes"),
        ),
        _rule(
            "clause-after-according-to",
            "The clause after a source cue opening the sentence, its source and a comma.",
            clause.clause_after_according_to,
            ("According to Tom Reyes, the plan is dead.", "the plan is dead", "Tom Reyes"),
            ("To Ana Ruiz, the plan is a gamble.", "the plan is a gamble", "Ana Ruiz"),
        ),
        _rule(
            "clause-before-said-name",
            "The clause before an inverted attribution that closes the sentence.",
            clause.clause_before_said_name,
            ("The plan is dead, said Ana Ruiz.", "The plan is dead", "Ana Ruiz"),
        ),
        _rule(
            "clause-before-name-said",
            "The clause before an attribution that closes the sentence, after a comma, or "
            "before one that attributes the quotation ending the clause.",
            clause.clause_before_name_said,
            ("The plan is dead, Ana Ruiz said on Monday.", "The plan is dead", "Ana Ruiz"),
            (
                'Her year in office has been "hard on all of us," Ana Ruiz said as she left.',
                'Her year in office has been "hard on all of us,"',
                "Ana Ruiz",
            ),
        ),
        _rule(
            "naming-verb-object",
            "What a naming verb says about its object, without quote marks.",
            clause.naming_clause,
            (
                "Tom Reyes called the plan a costly mistake.",
                "the plan a costly mistake",
                "Tom Reyes",
            ),
        ),
        _rule(
            "clause-after-cue",
            'The clause after a cue ("said (that)", "wants to", "believes"), up to a '
            "semicolon or the comma before the next cue.",
            clause.clause_after_cue,
            (
                "Ana Ruiz said the port would reopen in May.",
                "the port would reopen in May",
                "Ana Ruiz",
            ),
            (
                'Ana Ruiz said the new bridge was "a triumph of patience."',
                'the new bridge was "a triumph of patience."',
                "Ana Ruiz",
            ),
            (
                "Tom Reyes wants to double the size of the park.",
                "to double the size of the park",
                "Tom Reyes",
            ),
            ("Ana Ruiz believes the port will reopen.", "the port will reopen", "Ana Ruiz"),
            (
                "Ana Ruiz, Minister of Roads, Rail and Ports, said the port would reopen.",
                "the port would reopen",
                "Ana Ruiz",
            ),
            (
                "Harbour Secretary of State Tom Reyes toured the docks and said the port would "
                "stay open.",
                "the port would stay open",
                "Tom Reyes",
            ),
            (
                'A report from Harbour Analytics Ltd predicts "evictions" will rise.',
                '"evictions" will rise',
                "Harbour Analytics Ltd",
            ),
        ),
    ),
)

CLAUSE = Cascade(
    "clause",
    "Clauses reported without a speech verb's attribution, tried per sentence after the "
    "reported cascade. Each rule is called with the sentence and what the sentence already "
    "reports, and answers with the clauses it finds (a list): a clause an earlier rule found "
    "is not found again.",
    (
        _rule(
            "speech-noun-clause",
            'What a speech noun owned by a possessive reports ("his claim that ...", '
            '"Ruiz\'s pledge to ...").',
            clause.speech_noun_clause,
            (
                "Ana Ruiz repeated her claim that the count was rigged.",
                "the count was rigged",
                "Ana Ruiz",
            ),
        ),
        _rule(
            "hedge",
            'A hedge with no source ("is expected to", "seems to"): its subject and what '
            "follows it, with no speaker, unless a clause reported with a speaker holds it.",
            clause.hedge,
            ("The new bridge is expected to open in the spring.", "to open in the spring", None),
        ),
        _rule(
            "question",
            'A question put to someone ("Asked whether ..."), with the asker after "by" as '
            "its speaker, or none.",
            clause.question,
            (
                "Asked by Tom Reyes whether the port would reopen, the minister smiled.",
                "whether the port would reopen",
                "Tom Reyes",
            ),
        ),
        _rule(
            "topic",
            'The noun phrase after a cue\'s preposition ("talked about", "critical of", '
            '"her criticism of"), with the subject or the possessor as its speaker.',
            clause.topic,
            ("Ana Ruiz talked about the budget.", "the budget", "Ana Ruiz"),
            ("Tom Reyes is critical of the toll road.", "the toll road", "Tom Reyes"),
            ("Ana Ruiz renewed her criticism of the toll road.", "the toll road", "Ana Ruiz"),
        ),
    ),
)

DESCRIPTION = Cascade(
    "description",
    "How much of the text names a source the article leaves unnamed, tried for a speaker "
    "mention no actor stands behind (not a pronoun). The rules above keep the head of a "
    "speaker phrase, by which an actor is looked up; for an unnamed source the whole "
    "description is the record of who spoke. Each rule is called with the text, the "
    "mention's span, the cue's span and the quotation's span, and answers with a wider "
    "span (never into the quotation) or None; unlike the "
    "other cascades, every rule that answers applies. The examples give the mention "
    "(``Quote.speaker_mention``, also ``Quote.source``) in place of the speaker.",
    (
        _rule(
            "source-post-modifier",
            "The words after the head up to the cue or the clause's end, when they modify "
            "it: opened by a preposition or following a participle, with no verb of their "
            "own and no comma.",
            description.post_modifier,
            (
                "A person familiar with the talks said the deal was close.",
                "the deal was close",
                "A person familiar with the talks",
            ),
            (
                "Residents evacuated from the valley said the water rose fast.",
                "the water rose fast",
                "Residents evacuated from the valley",
            ),
            (
                '"We are close," said a source close to the minister.',
                "We are close,",
                "a source close to the minister",
            ),
        ),
        _rule(
            "source-joined-group",
            'A group of lowercase words joined to the head by "and" from the start of its '
            "clause, with no verb.",
            description.joined_group,
            (
                "Several farmers and traders say the new tax is unfair.",
                "the new tax is unfair",
                "Several farmers and traders",
            ),
        ),
    ),
)

ANTECEDENT = Cascade(
    "antecedent",
    'Who a plural pronoun speaker ("they", "them", "their statement") stands for, tried in '
    "text order as the speakers are resolved. Each rule is called with the article's "
    "speaker resolver and the pronoun's offset, and answers with an organisation actor or "
    "the span of an unnamed group's description, or None. Never a person (one person is "
    'not "they") nor a place: with no answer the speaker stays None. The examples give '
    "``Quote.source`` in place of the speaker.",
    (
        _rule(
            "they-group-spoke-last",
            "The organisation or unnamed plural group that spoke last, in the pronoun's "
            "paragraph or the one before.",
            Speakers.group_spoke_last,
            (
                "The Harbour Workers Union said the yard was unsafe. "
                "They said the cranes were old.",
                "the cranes were old",
                "Harbour Workers Union",
            ),
            (
                "Union officials said the talks had failed. They added that a strike was likely.",
                "a strike was likely",
                "Union officials",
            ),
        ),
        _rule(
            "they-organisation-opens-sentence",
            "With no group speaking before it, the organisation named last at the start of "
            "a sentence of the pronoun's paragraph.",
            Speakers.organisation_opening,
            (
                "The Harbour Workers Union met on Monday. They said the yard was unsafe.",
                "the yard was unsafe",
                "Harbour Workers Union",
            ),
        ),
    ),
)

CASCADES: tuple[Cascade, ...] = (
    SPEAKER,
    SOURCE,
    INHERIT,
    REPORTED,
    CLAUSE,
    DESCRIPTION,
    ANTECEDENT,
)

_BY_NAME = {r.name: r for cascade in CASCADES for r in cascade.rules}


def rule(name: str) -> Rule:
    """The rule called ``name``; a KeyError naming the known rules if there is none."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(
            f"no attribution rule {name!r}; known rules: {', '.join(_BY_NAME)}"
        ) from None
