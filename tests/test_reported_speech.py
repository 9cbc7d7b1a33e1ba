"""Reported speech: clauses reported by speech, belief and intention cues, asides and
sources, speech nouns, hedges with no source, questions put to someone, and topics.

Every text here is written for the test (invented names).
"""

from __future__ import annotations

import pytest
from quote_helpers import cued, found

from toolkit.quotes import extract_quotes

# --- reported speech ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ana Ruiz said the plant would close in June.",
            ("the plant would close in June", "Ana Ruiz", "said"),
        ),
        (
            "Ana Ruiz said that the plant would close in June.",
            ("the plant would close in June", "Ana Ruiz", "said"),
        ),
        (
            "The plant will close in June, Ana Ruiz said.",
            ("The plant will close in June", "Ana Ruiz", "said"),
        ),
        (
            "The plant will close in June, said Ana Ruiz.",
            ("The plant will close in June", "Ana Ruiz", "said"),
        ),
        (
            "The Herald wrote that the plant would close.",
            ("the plant would close", "The Herald", "wrote"),
        ),
        (
            "The plant will close in June, the agency cites two managers.",
            ("The plant will close in June", "the agency", "cites"),
        ),
        (
            "According to the agency, the plant will close in June.",
            ("the plant will close in June", "the agency", "According to"),
        ),
        (
            "The plant will close in June, according to the agency.",
            ("The plant will close in June", "the agency", "according to"),
        ),
        ("Ruiz told reporters the plant would close.", ("the plant would close", "Ruiz", "told")),
        ("Ruiz warned that the plant would close.", ("the plant would close", "Ruiz", "warned")),
    ],
)
def test_reported_speech(text, expected):
    assert found(text, "indirect") == [expected]


def test_a_clause_with_a_partial_quote_is_reported_once():
    text = 'Ruiz said the plant was "a relic" and would close.'
    quotes = extract_quotes(text, actors=[])
    assert [(q.kind, q.text, q.quoted) for q in quotes] == [
        ("mixed", 'the plant was "a relic" and would close', ((25, 32),))
    ]


def test_no_reported_speech_from_nouns_passives_or_the_writer():
    assert found("His claims of fraud were rejected.", "indirect") == []
    assert found("The minister was told the plant would close.", "indirect") == []
    assert found("We recall that the plant closed in 2010.", "indirect") == []


# --- more shapes of reported clauses ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an attribution in the middle splits its clause in two
            "The aim, Ruiz said, is a ceasefire by spring.",
            [("The aim", "Ruiz", "said"), ("is a ceasefire by spring", "Ruiz", "said")],
        ),
        (
            "It was always likely, Ms. Okafor said, that the bid would fail.",
            [
                ("It was always likely", "Ms. Okafor", "said"),
                ("that the bid would fail", "Ms. Okafor", "said"),
            ],
        ),
        (
            "The bill has been put at $25,000 a week, said Tom Reyes, a county engineer.",
            [("The bill has been put at $25,000 a week", "Tom Reyes", "said")],
        ),
        (
            "I think the council made the right call.",
            [("the council made the right call", "I", "think")],
        ),
        (
            "Okafor says, rain or shine, the market will open.",
            [("rain or shine, the market will open", "Okafor", "says")],
        ),
        (
            "Residents say by a clear margin, 63 percent to 31 percent, that they want a park.",
            # Quotations never overlap: the clause residents say, not the wish inside it.
            [("they want a park", "Residents", "say")],
        ),
        (
            "He says the tax is unfair and says he will vote against it.",
            [("the tax is unfair", "He", "says"), ("he will vote against it", "He", "says")],
        ),
        ("Ruiz called the vote a mistake.", [("the vote a mistake", "Ruiz", "called")]),
        ("Ruiz called Tom Reyes on Friday to thank him.", []),
        (  # stances and intentions need someone who can hold them
            "Most residents support the new bridge.",
            [("the new bridge", "Most residents", "support")],
        ),
        (
            "Ruiz wants to double the size of the park.",
            [("to double the size of the park", "Ruiz", "wants")],
        ),
        ("Oil pushed higher on Monday.", []),
        ("The deal supports jobs in the region.", []),
        (
            "Ruiz's claim that the vote was rigged was false.",
            [("the vote was rigged", "Ruiz's", "claim")],
        ),
        (
            "The Institute for Fiscal Studies said taxes would rise.",
            [("taxes would rise", "The Institute for Fiscal Studies", "said")],
        ),
        ("Ruiz maintains her lead in the polls.", []),  # no clause: no statement
        ("Three coastal states vote in February.", []),  # "states" is a noun
    ],
)
def test_reported_speech_more_shapes(text, expected):
    assert found(text, "indirect") == expected


# --- hedges, refusals, questions, views and topics ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a hedge names no source: its subject and the rest of its clause, no speaker
            "The new ferry is expected to enter service in May.",
            [
                ("The new ferry", None, "is expected"),
                ("to enter service in May", None, "is expected"),
            ],
        ),
        (
            "But the harbour plan seems to have lost its backers.",
            [
                ("the harbour plan", None, "seems"),
                ("to have lost its backers", None, "seems"),
            ],
        ),
        (
            "Ms. Okafor is increasingly seen as a bridge between the factions.",
            [
                ("Ms. Okafor", None, "is increasingly seen as"),
                ("a bridge between the factions", None, "is increasingly seen as"),
            ],
        ),
        (
            "The old mill is considered one of the finest in the county.",
            [
                ("The old mill", None, "is considered"),
                ("one of the finest in the county", None, "is considered"),
            ],
        ),
        (  # "it" is no subject; "that" opens the clause
            "It appears that the lock was forced from outside.",
            [("the lock was forced from outside", None, "appears")],
        ),
        (  # a hedge inside reported speech is the speaker's view, not an unsourced one
            "Aides said the vote was expected to be close.",
            [("the vote was expected to be close", "Aides", "said")],
        ),
        (
            "Anna Berg said the plan seems to work.",
            [("the plan seems to work", "Anna Berg", "said")],
        ),
        ("The man is known to the police.", []),  # "to" before no verb: no hedge
        ("Halvorsen appeared to the crowd at nine.", []),
        (  # refusals report what someone chose not to say
            "She declined to say whether the plant would close.",
            [("to say whether the plant would close", "She", "declined")],
        ),
        ("Mr. Haddad declined to comment.", [("to comment", "Mr. Haddad", "declined")]),
        (
            "The airline did not respond to emailed questions.",
            [("emailed questions", "The airline", "did not respond to")],
        ),
        ("Ticket sales declined to 4,000 last year.", []),  # no one to hold a view
        ("Oil prices declined to nearly $40 a barrel.", []),
        ("The jobless rate declined to below 3%.", []),
        (  # "did not return" and "did not respond to" need a call, a message, a request...
            "Anna Berg did not return calls on Monday.",
            [("calls on Monday", "Anna Berg", "did not return")],
        ),
        ("Anna Berg did not return the money.", []),
        ("The patient did not respond to the drug.", []),
        (  # questions: a participle with no subject asks without a speaker, or the one after "by"
            "Asked on Monday whether the port would reopen, the minister shrugged.",
            [("whether the port would reopen", None, "Asked")],
        ),
        (
            "Ruiz smiled when asked by an interviewer about the budget.",
            [("about the budget", "an interviewer", "asked")],
        ),
        (
            "The senators asked for a full list of the contracts.",
            [("for a full list of the contracts", "The senators", "asked")],
        ),
        ("The fans were asked to leave the stand.", [("to leave the stand", None, "asked")]),
        ("The trophy was asked for by the club.", []),
        ("The bid was considered by the board on Monday.", []),  # a plain passive
        ("The singer appeared on the late show.", []),  # not "appeared to"
    ],
)
def test_hedges_refusals_questions_and_views(text, expected):
    assert cued(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a verb and its preposition: the noun phrase after it, the subject as speaker
            "Senator Lena Ortiz talked about the budget on the radio.",
            [("the budget on the radio", "Senator Lena Ortiz", "talked about")],
        ),
        (  # the noun phrase ends before a comma and a relative pronoun
            "Ortiz railed against the new tax, which she called a burden.",
            [("the new tax", "Ortiz", "railed against")],
        ),
        (  # phrasal verbs; a subordinator ends the noun phrase
            "Ortiz lashed out at her rival when the results came in.",
            [("her rival", "Ortiz", "lashed out at")],
        ),
        ("Ortiz has spoken out against the plan.", [("the plan", "Ortiz", "spoken out against")]),
        (  # "and" before a new predicate ends it
            "Ortiz complained about the noise and walked out.",
            [("the noise", "Ortiz", "complained about")],
        ),
        (
            "Ortiz wrote about her childhood in a farming town.",
            [("her childhood in a farming town", "Ortiz", "wrote about")],
        ),
        (  # ... and "and" before a clause of its own; one word is a phrase too
            "Marsh talked about Quist and her aides did not reply.",
            [("Quist", "Marsh", "talked about")],
        ),
        (  # a participle after a comma speaks for the subject
            "Ortiz, talking about the floods, promised new levees.",
            [("the floods", "Ortiz", "talking about")],
        ),
        (  # an adjective of stance after "be", the cue from "is"
            "Councillor Pia Marsh is deeply critical of the harbour deal.",
            [("the harbour deal", "Councillor Pia Marsh", "is deeply critical of")],
        ),
        (  # a noun owned by a possessive; the phrase ends before the verb
            "Ortiz's support for the bridge never wavered.",
            [("the bridge", "Ortiz's", "support for")],
        ),
        (
            "Her criticism of the plan was sharp.",
            [("the plan", "Her", "criticism of")],
        ),
        (  # a noun as the object of a light verb: the verb's subject speaks
            "The union voiced strong support for the striking nurses.",
            [("the striking nurses", "The union", "voiced strong support for")],
        ),
        (
            "Marsh is a fierce critic of the new stadium.",
            [("the new stadium", "Marsh", "is a fierce critic of")],
        ),
        ("Marsh made no mention of the deficit.", [("the deficit", "Marsh", "made no mention of")]),
        (  # a report can hold a view; a fund or a road cannot
            "The report focuses on rural schools.",
            [("rural schools", "The report", "focuses on")],
        ),
        ("The road runs along the river and the fund focuses on bonds.", []),
        ("Ortiz spoke about 20 minutes before leaving.", []),  # a number, not a topic
        ("Marsh voted for the first time in 1990.", []),  # a time
        ("He spoke on condition of anonymity.", []),  # an adverbial
        ("The peace talks on the border resumed.", []),  # a noun, not a verb
        ("The ballot was talked about for weeks.", []),  # a passive
        (  # a noun phrase inside a reported clause is left to that clause
            "Ortiz said she would vote for Marsh.",
            [("she would vote for Marsh", "Ortiz", "said")],
        ),
        (  # "the report" after "according to" is the source ("report" is a noun here)
            "According to the report, most farmers want a change.",
            [("most farmers want a change", "the report", "According to")],
        ),
    ],
)
def test_topics_after_a_preposition(text, expected):
    assert cued(text) == expected


# --- clauses after a colon or a relative adverbial ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a colon, the clause is reported without "that".
        ("Ana Ruiz said: the plan is dead.", [("the plan is dead", "Ana Ruiz", "said")]),
        # "by which time the council said": the relative pronoun and its noun are no speaker.
        (
            "The vote ended at noon, by which time the council said the count was over.",
            [("the count was over", "the council", "said")],
        ),
    ],
)
def test_reported_speech_after_a_colon_or_a_relative_adverbial(text, expected):
    assert found(text, "indirect") == expected


# --- speakers and clauses of the less common shapes -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A determiner that stands alone as the subject: "Several said", "Others say".
        (
            "Several said they would vote against the plan.",
            [("they would vote against the plan", "Several", "said")],
        ),
        (
            "Others say this is only a passing storm.",
            [("this is only a passing storm", "Others", "say")],
        ),
        # An inverted speaker followed by what modifies it.
        (
            "The board lost its nerve, said one council source in the room.",
            [("The board lost its nerve", "one council source", "said")],
        ),
        (
            "The port is squarely within her remit, said a handful of councillors who back her.",
            [("The port is squarely within her remit", "a handful", "said")],
        ),
        # An adverbial between the cue and the clause; "that" as a determiner in the clause.
        (
            "Ana Ruiz said in her New Year speech she was ready to meet Reyes.",
            [("she was ready to meet Reyes", "Ana Ruiz", "said")],
        ),
        (
            "Reyes said he is sure the club has learned from that defeat.",
            [("he is sure the club has learned from that defeat", "Reyes", "said")],
        ),
        # A to-infinitive after an object, negated or not; a count opening the clause.
        (
            "The utility reminded customers to check their freezers.",
            [("to check their freezers", "The utility", "reminded")],
        ),
        (
            "Police chief Tom Reyes warned residents not to panic.",
            [("not to panic", "Police chief Tom Reyes", "warned")],
        ),
        (
            "Ana Ruiz says about 300 pupils attend the academy.",
            [("about 300 pupils attend the academy", "Ana Ruiz", "says")],
        ),
    ],
)
def test_reported_speech_less_common_shapes(text, expected):
    assert cued(text) == expected
