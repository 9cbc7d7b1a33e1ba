"""Quotations: quote forms, speakers, reported speech, tables, CLI and invariants.

Every text here is written for the test; the seed article ships with the project.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.cli import main
from toolkit.quotes import Quote, extract_quotes, quote_table, quotes_to_frame, voice_share_frame


def found(text: str, kind: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(text, speaker mention, cue) of each quote, without actor look-up."""
    return [
        (q.text, q.speaker_mention, q.cue)
        for q in extract_quotes(text, actors=[])
        if kind is None or q.kind == kind
    ]


def direct(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text, actors=[]) if q.kind == "direct"]


# --- the seed article ---------------------------------------------------------------------


def test_seed_direct_quotes_are_macrons(seed):
    quotes = [q for q in extract_quotes(seed, actors=[]) if q.kind == "direct"]
    assert [q.text for q in quotes] == [
        "does not want peace and is not ready to negotiate",
        "equip, support and help Ukraine to resist,",
        "must remain united on an agenda for real peace, meaning peace that does not mean the "
        "surrender of Ukraine.",
    ]
    assert [q.speaker_mention for q in quotes] == [
        "French President Emmanuel Macron",
        "Macron",
        "He",
    ]
    assert [q.closed for q in quotes] == [True, True, False]
    assert all(seed.text[q.start : q.end] == q.text for q in quotes)


def test_seed_reuters_in_quote_marks_is_no_quotation(seed):
    assert not any(q.text == "Reuters" for q in extract_quotes(seed, actors=[]))


def test_seed_reported_statements(seed):
    reported = [
        (q.speaker_mention, q.cue) for q in extract_quotes(seed, actors=[]) if q.kind == "indirect"
    ]
    for expected in [
        ("Russian Foreign Minister Sergey Lavrov", "said"),
        ("President Putin", "said"),
        ("The Times", "wrote"),
        ("Reuters", "cites"),
    ]:
        assert expected in reported
    assert reported.count(("The Times", "wrote")) == 2
    times = [q.text for q in extract_quotes(seed, actors=[]) if q.cue == "wrote"]
    assert times[1].startswith("Great Britain and the United States are preparing to give")
    reuters = next(q for q in extract_quotes(seed, actors=[]) if q.cue == "cites")
    assert (
        reuters.text == "Ukraine plans to carry out its first long-range attacks in the coming days"
    )


def test_seed_speakers_are_actors(seed):
    speakers = {(q.kind, q.speaker) for q in extract_quotes(seed)}
    assert ("direct", "Emmanuel Macron") in speakers
    for name in ("Sergey Lavrov", "Vladimir Putin", "The Times", "Reuters"):
        assert ("indirect", name) in speakers
    assert all(q.speaker == "Emmanuel Macron" for q in extract_quotes(seed) if q.kind == "direct")


# --- quote forms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The mayor said: "We will rebuild the bridge by May." Work starts on Monday.',
        "The mayor said: “We will rebuild the bridge by May.” Work starts on Monday.",
        "The mayor said: «We will rebuild the bridge by May.» Work starts on Monday.",
        "The mayor said: ''We will rebuild the bridge by May.'' Work starts on Monday.",
        "The mayor said: 'We will rebuild the bridge by May.' Work starts on Monday.",
        "The mayor said: ‘We will rebuild the bridge by May.’ Work starts on Monday.",
    ],
)
def test_every_kind_of_quote_mark(text):
    assert found(text, "direct") == [("We will rebuild the bridge by May.", "The mayor", "said")]


def test_partial_quote_inside_a_sentence():
    text = "The minister said the budget was “a fair deal for working families” and left."
    assert found(text) == [("a fair deal for working families", "The minister", "said")]


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    text = (
        'Ms Okafor said the port "will reopen next week, whatever the unions say.\n\nTrade resumed.'
    )
    quote = extract_quotes(text, actors=[])[0]
    assert (quote.text, quote.closed, quote.speaker_mention) == (
        "will reopen next week, whatever the unions say.",
        False,
        "Ms Okafor",
    )


def test_quote_over_several_paragraphs_is_one_quotation():
    text = (
        '"We have waited ten years for this road," said Anna Berg, the council leader. '
        '"The villages deserve it.\n\n'
        '"And we will not wait another ten," she added.'
    )
    quotes = extract_quotes(text, actors=[])
    assert [q.text for q in quotes] == [
        "We have waited ten years for this road,",
        'The villages deserve it.\n\n"And we will not wait another ten,',
    ]
    assert quotes[1].paragraphs == 2
    assert [q.speaker_mention for q in quotes] == ["Anna Berg", "she"]


def test_quote_reopened_mid_line_continues_and_leaves_the_next_quote_alone():
    # Copy that lost the paragraph breaks of a long quotation: the quotation reopens mid-line.
    text = (
        'Ms Diaz said: "The line will open in May. "It will carry 9,000 people a day." '
        'Tom Reyes, the mayor, said: "We are delighted."'
    )
    assert found(text) == [
        ('The line will open in May. "It will carry 9,000 people a day.', "Ms Diaz", "said"),
        ("We are delighted.", "Tom Reyes", "said"),
    ]


def test_unbalanced_marks_in_a_measurement_are_no_quote():
    text = "Witnesses said the driver was 6' 2\" tall and had a red cap."
    assert [(q.kind, q.text) for q in extract_quotes(text, actors=[])] == [
        ("indirect", "the driver was 6' 2\" tall and had a red cap")
    ]


def test_text_without_sentence_ends_is_read_in_pieces_with_the_same_result():
    # 500 quotations and no period: the grammar reads such a "sentence" in pieces.
    text = '"Yes," Ruiz said, "no," Reyes said, ' * 250
    quotes = extract_quotes(text, actors=[])
    assert [q.text for q in quotes] == ["Yes,", "no,"] * 250
    assert [q.speaker_mention for q in quotes] == ["Ruiz", "Reyes"] * 250


def test_names_and_titles_in_quote_marks_are_not_quotations():
    assert direct('The talks failed, reports "Reuters".') == []
    assert direct('She starred in "The Long Road Home" last year.') == []
    assert direct('She appeared on Radio 5\'s "Talk Back Live," where she took calls.') == []


def test_terms_and_scare_quotes_are_not_quotations():
    assert direct('The so-called "reform" was dropped in March.') == []
    assert direct('The company\'s "green" credentials were questioned by analysts.') == []
    assert direct('<tweet author="@someone">Great rally tonight</tweet>') == []


def test_a_short_quote_with_a_speaker_is_a_quotation():
    text = 'The senator called the plan "reckless" on Tuesday.'
    assert found(text) == [("reckless", "The senator", "called")]


def test_apostrophes_and_possessives_are_not_quote_marks():
    text = "The farmers' union won't back the '90s rules, O’Neill’s aides say."
    assert direct(text) == []


def test_single_quotes_in_a_headline():
    text = "Minister: Rail strike 'will end this week'\n\nThe strike entered its third day."
    assert found(text, "direct") == [("will end this week", "Minister", None)]


def test_nested_single_quote_stays_inside_the_outer_quote():
    text = "\"They told me 'no way' and hung up,\" Mr Ito said."
    assert found(text) == [("They told me 'no way' and hung up,", "Mr Ito", "said")]


# --- speakers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The vote was fair," Maria Lopez said.', "Maria Lopez"),
        ('"The vote was fair," said Maria Lopez.', "Maria Lopez"),
        ('"The vote was fair," Lopez, the electoral commissioner, told reporters.', "Lopez"),
        ('"The vote was fair," the electoral commissioner, Maria Lopez, said.', "Maria Lopez"),
        ('"The vote was fair," Lopez, who chairs the commission, said.', "Lopez"),
        ('"The vote was fair," Sen. Maria Lopez (D-Ore.) said.', "Sen. Maria Lopez (D-Ore.)"),
        ('According to Maria Lopez, the vote was "fair and open."', "Maria Lopez"),
        (
            'Electoral Commissioner Maria Lopez said the vote was "fair."',
            "Electoral Commissioner Maria Lopez",
        ),
        ('"The vote was fair," she said.', "she"),
        ('"The vote was fair," The Guardian wrote.', "The Guardian"),
        ('"The vote was fair," Lopez quipped.', "Lopez"),
        ('"The vote was fair." ― Maria Lopez', "Maria Lopez"),
    ],
)
def test_speaker_patterns(text, speaker):
    quotes = extract_quotes(text, actors=[])
    assert len(quotes) == 1
    assert quotes[0].speaker_mention == speaker
    q = quotes[0]
    assert text[q.speaker_start : q.speaker_end] == speaker


def test_pronoun_speaker_after_a_participle():
    text = (
        "The governor declined to comment on the audit, adding that the agency "
        '"must answer for every dollar."'
    )
    assert found(text, "direct") == [("must answer for every dollar.", "The governor", "adding")]
    text = 'He declined to comment on the audit, adding that the agency "must answer for it."'
    assert found(text, "direct") == [("must answer for it.", "He", "adding")]


def test_a_quote_keeps_the_speaker_of_the_quote_before_it():
    text = (
        '"We will appeal," said Tom Reyes, the union\'s lawyer. "The ruling ignores the contract."'
        '\n\n"It will not stand."\n\nThe company declined to comment.'
    )
    quotes = extract_quotes(text, actors=[])
    assert [q.speaker_mention for q in quotes if q.kind == "direct"] == ["Tom Reyes"] * 3


def test_a_quote_after_reported_speech_keeps_its_speaker():
    text = 'Ana Ruiz said the plant would close in June. "We had no choice."'
    assert found(text) == [
        ("the plant would close in June", "Ana Ruiz", "said"),
        ("We had no choice.", "Ana Ruiz", "said"),
    ]


def test_as_someone_put_it():
    text = 'As the mayor put it on local radio, "the bridge is our lifeline."'
    assert found(text) == [("the bridge is our lifeline.", "the mayor", "put it")]


def test_a_possessive_before_a_partial_quote():
    text = 'The coach defended his squad\'s "hard but fair" style of play.'
    assert found(text) == [("hard but fair", "The coach", "defended")]


def test_quote_after_a_colon_introduction_in_the_paragraph_before():
    text = "The ministry wrote in a statement:\n\n“The figures will be published in full.”"
    assert found(text, "direct") == [
        ("The figures will be published in full.", "The ministry", "wrote")
    ]


def test_relative_pronoun_is_the_speaker_mention():
    text = 'The plan was backed by Ana Ruiz, who said it was "long overdue."'
    quote = extract_quotes(text, actors=[])[0]
    assert (quote.text, quote.speaker_mention) == ("long overdue.", "who")


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
    assert [(q.kind, q.text) for q in quotes] == [("direct", "a relic")]


def test_no_reported_speech_from_nouns_passives_or_the_writer():
    assert found("His claims of fraud were rejected.", "indirect") == []
    assert found("The minister was told the plant would close.", "indirect") == []
    assert found("We recall that the plant closed in 2010.", "indirect") == []


# --- speakers and reported speech, second round --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a cue in a side clause names no speaker for the next quotation
            '"The school stays open," Principal Grace Okafor promised the parents, once the '
            'parents had promised Okafor that they would raise the money. "You have my word."',
            [
                ("The school stays open,", "Principal Grace Okafor"),
                ("You have my word.", "Principal Grace Okafor"),
            ],
        ),
        (
            '"The figures look strong." Ruiz said to loud applause.',
            [("The figures look strong.", "Ruiz")],
        ),
        (
            '"Is the hall booked?" his press secretary Lena Berg wrote to volunteers.',
            [("Is the hall booked?", "his press secretary Lena Berg")],
        ),
        (
            '"The delay was partial," meaning the work will go on.',
            [("The delay was partial,", None)],
        ),
        (
            'Reyes said the audit "cannot be finished" without auditors asking for more time.',
            [("cannot be finished", "Reyes")],
        ),
        (
            '"We are ready," Wyoming party chairman Tom Reyes said of the vote.',
            [("We are ready,", "Wyoming party chairman Tom Reyes")],
        ),
        ('At the hearing on Monday she said it was "a mistake."', [("a mistake.", "she")]),
        (
            'Reyes said the plan was fair, but he added that the delay "was regrettable."',
            [("was regrettable.", "he")],
        ),
        (
            'The video ends with footage of Ana Ruiz saying, "We will win."',
            [("We will win.", "Ana Ruiz")],
        ),
        (
            '"The port will reopen," a harbour official who gave no name said.',
            [("The port will reopen,", "a harbour official")],
        ),
        (
            "Ruiz thanked the crew and then issued a warning, saying, "
            '"The storm season is not over."',
            [("The storm season is not over.", "Ruiz")],
        ),
        ('His campaign remarks were "out of line," Reyes said.', [("out of line,", "Reyes")]),
        (
            'Lopez, the author of "Open Roads," said the bridge was "a relic."',
            [("a relic.", "Lopez")],
        ),
        (
            "The coach said on Friday that according to his list, the squad is fit, "
            'but "we will check again."',
            [("we will check again.", "The coach")],
        ),
        (
            'After the council criticised the plan, Ruiz shot back, "The plan stays."',
            [("The plan stays.", "Ruiz")],
        ),
        (
            'Ruiz praised the staff but gave the council a sharp warning: "Vote or go home."',
            [("Vote or go home.", "Ruiz")],
        ),
        (
            '"Every option stays open," the editorial read.',
            [("Every option stays open,", "the editorial")],
        ),
        (  # no cue: the subject of the sentence before, in the same paragraph
            'Ruiz toured the flooded streets on Monday. "We will rebuild every house."',
            [("We will rebuild every house.", "Ruiz")],
        ),
        (
            'About 150 farmers marched to the ministry, chanting "Fair prices now."',
            [("Fair prices now.", "About 150 farmers")],
        ),
        (  # a speech noun owned by a possessive
            'The board\'s promise to stay "open to all" was soon forgotten.',
            [("open to all", "The board's")],
        ),
        (
            'Kelly Novak left the band in June, saying she needed "a long rest."',
            [("a long rest.", "Kelly Novak")],
        ),
        ('"“We lost,” Ruiz said.', [("We lost,", "Ruiz")]),  # a doubled opening mark
        (
            'The agency just a month ago said that "urgent" checks were needed.',
            [("urgent", "The agency")],
        ),
        (
            'Ruiz waved a placard saying "Save the port now, before it is too late."',
            [("Save the port now, before it is too late.", "a placard")],
        ),
        (
            'After Reyes said that the ferry was "a dead loss," Ruiz said: "It pays its way."',
            [("a dead loss,", "Reyes"), ("It pays its way.", "Ruiz")],
        ),
        (
            "Ruiz, who leads the union, won members over with her promise to scrap the "
            '"parking fee" in spring.',
            [("parking fee", "her")],
        ),
    ],
)
def test_speakers_of_quotations(text, expected):
    assert [
        (q.text, q.speaker_mention) for q in extract_quotes(text, actors=[]) if q.kind == "direct"
    ] == expected


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
            [("they want a park", "Residents", "say"), ("a park", "they", "want")],
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
def test_reported_speech_second_round(text, expected):
    assert found(text, "indirect") == expected


# --- reported speech, fourth round: hedges, refusals, questions, views ---------------------


def cued(text: str) -> list[tuple[str, str | None, str | None]]:
    """(text, speaker mention, cue) of each reported quotation, in order."""
    return found(text, "indirect")


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
            [
                ("most farmers want a change", "the report", "According to"),
                ("a change", "most farmers", "want"),
            ],
        ),
    ],
)
def test_topics_after_a_preposition(text, expected):
    assert cued(text) == expected


# --- speakers, third round: which mention of the speaker -----------------------------------


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.speaker_mention) for q in extract_quotes(text, actors=[]) if q.kind == "direct"
    ]


def test_a_source_that_reports_the_attribution_is_the_speaker():
    # The source the article gives for the words, as the gold annotations mark it; the
    # next quotation keeps it.
    text = (
        '"We will not strike," Reyes said, according to the Herald. "The talks go on."\n\n'
        '"Nothing is decided," the mayor told reporters on Monday, according to two aides.'
    )
    assert speakers(text) == [
        ("We will not strike,", "the Herald"),
        ("The talks go on.", "the Herald"),
        ("Nothing is decided,", "two aides"),
    ]


def test_a_pronoun_after_an_introduced_quotation_repeats_its_speaker():
    # The quotation is the one its introducing clause names; the next one in the paragraph
    # takes the nearest mention, the pronoun.
    text = (
        'Pressed on the budget, Okafor said "We never saw the figures," she said. "Nobody did."'
        '\n\nLopez wrote to the board that the architect "won us all over," she said.'
    )
    assert speakers(text) == [
        ("We never saw the figures,", "Okafor"),
        ("Nobody did.", "she"),
        ("won us all over,", "Lopez"),
    ]


def test_a_name_after_an_introduced_quotation_is_the_source():
    text = 'Reyes "flinched" and replied, "Ask my lawyer," the Gazette reported.'
    assert speakers(text)[-1] == ("Ask my lawyer,", "the Gazette")


def test_a_source_closing_the_sentence_reports_every_quotation_in_it():
    text = (
        'Supporters of the home side sang, "Stand up," waving scarves from the seats behind '
        "the goal, the Herald reports."
    )
    assert speakers(text) == [("Stand up,", "the Herald")]


def test_a_no_break_space_ends_a_sentence():
    text = 'Ruiz said the council should resign.\xa0Reyes "stays in office," he said.'
    assert speakers(text) == [("stays in office,", "he")]


def test_a_possessive_after_according_to_is_part_of_the_source():
    text = 'The inquiry left Ruiz "close to tears," according to his doctors in a report.'
    assert speakers(text) == [("close to tears,", "his doctors")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Although she waved away the audit as "a formality," her critics are not convinced.',
            [("a formality,", "she")],
        ),
        (
            'Reyes will stay on, if he can persuade the board to make him "chair for a decade."',
            [("chair for a decade.", "he")],
        ),
        (
            'Ruiz arrived late, and she sat through the hearing "with both eyes closed."',
            [("with both eyes closed.", "she")],
        ),
    ],
)
def test_a_pronoun_opening_the_nearest_clause_is_the_speaker(text, expected):
    # With no cue for the quotation, the subject of the clause that holds it.
    assert speakers(text) == expected


def test_an_attribution_between_commas_speaks_for_its_whole_clause():
    text = 'The Herald, Ruiz said, called the ruling "a gift to the developers."'
    assert speakers(text) == [("a gift to the developers.", "Ruiz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('To Ruiz, the bridge is "a lifeline for the valley."', "Ruiz"),
        ('She backs the plan because to her, "nothing matters more than the port."', "her"),
        ('To many voters, the tax is "a step too far."', "many voters"),
    ],
)
def test_to_someone_gives_whose_view_a_clause_is(text, expected):
    assert speakers(text)[0][1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "To some extent, the plan worked.",
        "The council hired staff, to pitch the plan, according to Ruiz.",
        "The ruling was sent to her lawyer, who declined to comment.",
        "The road runs to the north of the river, past the mill.",
    ],
)
def test_to_before_a_comma_is_no_view_holder(text):
    assert all(q.cue != "to" and q.cue != "To" for q in extract_quotes(text, actors=[]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Ruiz released a video on Friday that says, "The river is everyone\'s."',
            "Ruiz",
        ),
        (
            'She circulated a note from her lawyer that says the deal is "fully legal."',
            "She",
        ),
        (  # a thing that is no document speaks for itself
            'Students gave away pencils that said "Read more, read Ruiz."',
            "that",
        ),
    ],
)
def test_a_document_speaks_for_whoever_released_it(text, expected):
    assert speakers(text)[0][1] == expected


def test_a_sentence_subject_keeps_the_title_before_the_name():
    text = 'Green party candidate Ana Ruiz put out a video that calls the plan "a swindle."'
    assert speakers(text) == [("a swindle.", "Green party candidate Ana Ruiz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Ruiz mocked what she called "a plan for nobody."', "Ruiz"),
        ('The unions are fighting what they call "a tax on work."', "The unions"),
        # the pronoun cannot stand for the subject: it names someone else
        ('Ana Ruiz praised what he called "a bold plan."', "he"),
    ],
)
def test_a_pronoun_in_what_x_called_is_the_subject_it_stands_for(text, expected):
    assert speakers(text)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the relative clause is the quoted title's, not an attribution
            'He has proposed a "night mayor" who reports to the council.',
            "He",
        ),
        (  # "you" is anyone
            "Ruiz notes that the club is strict about manners, and that you can't say "
            '"whatever" to a referee.',
            "Ruiz",
        ),
        ('Here\'s Ruiz in 1998: "The port will outlive us all."', "Ruiz"),
        ('Novak, who has in the past called the plan "a fraud," spoke first.', "who"),
        (
            "Critics seized on the minister's speech, above all his warning that farms would face "
            '"a decade of decline."',
            "his",
        ),
    ],
)
def test_speaker_mentions_third_round(text, expected):
    assert speakers(text)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The union linked the mayor to the builders, with one of its leaflets asking, "
            '"Who pays for her flat?"',
            "one of its leaflets",
        ),
        (
            'Rivals joined in, with Lena Berg tweeting that the budget was a "shambles" and asking, '
            '"Where did the money go?"',
            "Lena Berg",
        ),
    ],
)
def test_participles_take_the_noun_phrase_they_follow(text, expected):
    assert speakers(text)[-1][1] == expected


def test_a_website_can_speak():
    text = (
        "Few bands lasted longer, as the label's website notes:\n\n"
        '"The group first played in a garage in 1988, on borrowed drums."'
    )
    assert speakers(text) == [
        ("The group first played in a garage in 1988, on borrowed drums.", "the label's website")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Last month he said: "We will not move," he said on Monday.', "he"),
        ('Yesterday Ruiz said the port is "closed for good."', "Ruiz"),
        (
            'Home Secretary Theresa May said the port is "closed for good."',
            "Home Secretary Theresa May",
        ),
        ('Ruiz last May said the port is "closed for good."', "Ruiz"),
    ],
)
def test_time_words_are_no_part_of_a_speaker_but_months_in_names_are(text, expected):
    assert speakers(text)[0][1] == expected


# --- speakers found by a colon, a signature, a closing cue or an intention ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A colon right before the quotation: the subject of what introduces it. A word or two
        # in quote marks with such a speaker is a quotation, not a scare quote.
        ('The mayor had one word for it: "shameful".', [("shameful", "The mayor")]),
        # A short run of capitalised words before a colon opening the sentence: a speaker tag.
        ('Mayor Ruiz: Budget is a "total mess"', [("total mess", "Mayor Ruiz")]),
        # A subject and a verb phrase before a colon introduce the quotation.
        (
            "Ruiz lost the vote, but she paid her rival a grudging compliment: "
            '"He ran a clean race."',
            [("He ran a clean race.", "she")],
        ),
        # A paragraph that is only a dash and a name signs the quotation above it.
        (
            '"The bridge must be rebuilt before winter."\n— Ana Ruiz',
            [("The bridge must be rebuilt before winter.", "Ana Ruiz")],
        ),
        # A sentence ending with a colon hands its subject to the quotation that opens the
        # next paragraph.
        (
            'Ana Ruiz had a message for the council:\n"Fix the roads before winter."',
            [("Fix the roads before winter.", "Ana Ruiz")],
        ),
        # Of two cues in the sentence before, the one whose speaker is the sentence subject
        # speaks on in the next quotation.
        (
            "Ana Novak explained that delegates pledged to Tom Reyes may yet change sides. "
            '"It happens every year."',
            [("It happens every year.", "Ana Novak")],
        ),
        # A scare quote whose only speaker is the pronoun opening its clause keeps the
        # speaker named before it instead.
        (
            'Ruiz said the port would reopen. The crews were wary, but she kept the plan "on track".',
            [("on track", "Ruiz")],
        ),
    ],
)
def test_speakers_without_a_speech_cue_before_the_quotation(text, expected):
    assert speakers(text) == expected


def test_a_cue_closing_the_sentence_speaks_for_a_partial_quotation():
    assert found('The plan is "dead" and buried, Ana Ruiz said.') == [("dead", "Ana Ruiz", "said")]


def test_an_intention_cue_gives_the_speaker_of_a_partial_quotation():
    assert found('Ana Ruiz wants the council to "fix the roads" this year.') == [
        ("fix the roads", "Ana Ruiz", "wants")
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Talks have failed, writes "The Herald".',
        'Talks have failed, according to "The Harbour Times".',
    ],
)
def test_a_name_in_quote_marks_where_the_speaker_stands_is_no_quotation(text):
    assert direct(text) == []


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


# --- speaker phrases and sentence subjects: the less common shapes ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A counted group is a speaker: "About 120 farmers said".
        (
            "About 120 farmers said the plan would fail.",
            [("indirect", "the plan would fail", "About 120 farmers", "said")],
        ),
        # A second relative clause before a participle: "who" speaks, for its antecedent.
        (
            "Ana Ruiz, who grew up in the valley and who has come home knowing that the port "
            "will close, spoke on Monday.",
            [("indirect", "the port will close, spoke on Monday", "who", "knowing")],
        ),
        # "he is seen asking": the participle is the cue, not the verb before it.
        (
            '"Why was the gate shut?" he is seen asking.',
            [("direct", "Why was the gate shut?", "he", "asking")],
        ),
        # "Here is Ruiz ...:" presents its subject.
        (
            'Here is Ruiz in 1998: "The port will outlive us all."',
            [("direct", "The port will outlive us all.", "Ruiz", None)],
        ),
        # An opening adverbial up to its comma is no part of the subject.
        (
            "On the state of the port, Ruiz aimed her criticism at the council, saying the board "
            '"wants to sell the docks" before spring.',
            [("direct", "wants to sell the docks", "Ruiz", "saying")],
        ),
        (
            'Two years later, Ruiz left the port. "It was time."',
            [("direct", "It was time.", "Ruiz", None)],
        ),
        (
            "Two years later, Ana Ruiz has left the council and written a book about the port.",
            [("indirect", "a book about the port", "Ana Ruiz", "written")],
        ),
        # A possessive and a noun make a subject: "Her deputy".
        (
            'Her deputy pressed on with the plan. "We will finish it."',
            [("direct", "We will finish it.", "Her deputy", None)],
        ),
        # A past participle opening the sentence is no subject.
        (
            "Preceded at the lectern by her aides, Ruiz began a long lament for the "
            '"forgotten Northerners".',
            [("direct", "forgotten Northerners", None, None)],
        ),
        # "that" followed by a verb is the subject of the clause reported, so part of it.
        (
            "The council insisted that was never in the agreement.",
            [("indirect", "that was never in the agreement", "The council", "insisted")],
        ),
        # A speech noun with its possessive around the quotation, or its clause holding it.
        (
            'Ana Ruiz made her "no new taxes" pledge on Monday.',
            [("direct", "no new taxes", "her", "pledge")],
        ),
        (
            "The mayor's claim that the port was losing money year after year "
            '"like a sieve" surprised the council.',
            [("direct", "like a sieve", "The mayor's", "claim")],
        ),
    ],
)
def test_less_common_speaker_phrases_and_subjects(text, expected):
    assert [
        (q.kind, q.text, q.speaker_mention, q.cue) for q in extract_quotes(text, actors=[])
    ] == expected


# --- tables -------------------------------------------------------------------------------


def test_quote_table_has_one_row_per_quote():
    frame = quote_table('"We are ready," Ana Ruiz said. She said talks would resume on Monday.')
    assert list(frame.columns) == list(Quote.__dataclass_fields__)
    assert frame[["kind", "text", "speaker_mention", "cue"]].values.tolist() == [
        ["direct", "We are ready,", "Ana Ruiz", "said"],
        ["indirect", "talks would resume on Monday", "She", "said"],
    ]
    assert quotes_to_frame([]).empty


def test_voice_share_counts_quotes_against_mentions():
    from toolkit.actors import Actor, Mention

    text = '"We are ready," Ana Ruiz said. Ruiz met Tom Reyes. Reyes left.'
    ruiz = Actor(
        "Ana Ruiz",
        "person",
        ("Ana Ruiz", "Ruiz"),
        (),
        (Mention(16, 24, "Ana Ruiz"), Mention(31, 35, "Ruiz")),
    )
    reyes = Actor(
        "Tom Reyes",
        "person",
        ("Tom Reyes", "Reyes"),
        (),
        (Mention(40, 49, "Tom Reyes"), Mention(51, 56, "Reyes")),
    )
    quotes = extract_quotes(text, actors=[ruiz, reyes])
    assert [q.speaker for q in quotes] == ["Ana Ruiz"]
    frame = voice_share_frame(quotes, [ruiz, reyes])
    assert frame[["actor", "mentions", "quotes", "voice_share"]].values.tolist() == [
        ["Ana Ruiz", 2, 1, 1.0],
        ["Tom Reyes", 2, 0, 0.0],
    ]


def test_public_names():
    for name in (
        "Quote",
        "extract_quotes",
        "quote_table",
        "quotes_to_frame",
        "voice_share",
        "voice_share_frame",
    ):
        assert hasattr(toolkit, name)


# --- command line -------------------------------------------------------------------------


def test_cli_quotes_json(seed_path, capsys):
    assert main(["quotes", str(seed_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sum(row["kind"] == "direct" for row in rows) == 3
    assert {row["article"] for row in rows} == {"000_810c36b51088a32c"}


def test_cli_quotes_goes_past_bad_files(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text('Talks\n\n"It is over," Ana Ruiz said.\n', encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["quotes", str(tmp_path), "--csv"]) == 1
    out, err = capsys.readouterr()
    assert "It is over," in out
    assert "empty.txt" in err and err.count("error:") == 1


def test_cli_eval_quotes(tmp_path, capsys):
    text = '"We won," Ana Ruiz said. Tom Reyes said the vote was rigged.'
    gold = {
        "id": "test/1",
        "text": text,
        "quotes": [
            {
                "start": 0,
                "end": 9,
                "inner_start": 1,
                "inner_end": 8,
                "text": '"We won,"',
                "kind": "direct",
                "speaker": "Ana Ruiz",
                "speaker_start": 10,
                "speaker_end": 18,
            },
            {
                "start": 40,
                "end": 59,
                "inner_start": 40,
                "inner_end": 59,
                "text": text[40:59],
                "kind": "indirect",
                "speaker": "Tom Reyes",
                "speaker_start": 25,
                "speaker_end": 34,
            },
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    assert main(["eval", "quotes", str(path), "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    ours = results[0]["views"]
    assert ours["a"]["overlap"]["f1"] == 1.0 and ours["a"]["speaker"]["overlap"] == 1.0
    assert ours["b"]["exact"]["f1"] == 1.0 and ours["b"]["speaker"]["overlap"] == 1.0
    assert results[1]["views"]["b"]["overlap"]["recall"] == 0.5  # the regex baseline
    assert main(["eval", "quotes", str(seed_path_not_gold(tmp_path))]) == 2


def test_eval_quotes_ignores_quotations_inside_reported_speech_gold(tmp_path, capsys):
    # The gold marks the whole clause as reported speech (as PolNeAR does for quotation
    # marks it does not know, such as ''doubled apostrophes''): the quotation found inside it
    # is ignored by (a), counted as a false positive by (a strict); "new", which overlaps no
    # gold at all, is a false positive in both.
    text = "Ruiz said the plan was ''a relic,'' and Reyes agreed. A \"new\" vote is due."
    start = text.index("the plan")
    end = text.index(" and Reyes")
    gold = {
        "id": "test/2",
        "text": text,
        "quotes": [
            {
                "start": start,
                "end": end,
                "inner_start": start,
                "inner_end": end,
                "text": text[start:end],
                "kind": "indirect",
                "speaker": "Ruiz",
                "speaker_start": 0,
                "speaker_end": 4,
            }
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    assert main(["eval", "quotes", str(path), "--json", "--no-baseline"]) == 0
    views = json.loads(capsys.readouterr().out)[0]["views"]
    assert views["a"]["ignored"] == 1
    assert views["a"]["overlap"]["fp"] == 1 and views["a_strict"]["overlap"]["fp"] == 2
    assert main(["eval", "quotes", str(path), "--part", "0/1", "--json"]) == 0
    capsys.readouterr()
    assert main(["eval", "quotes", str(path), "--part", "2/2"]) == 2
    assert "--part" in capsys.readouterr().err


def seed_path_not_gold(tmp_path):
    path = tmp_path / "not-gold.jsonl"
    path.write_text('{"id": "x", "sentences": []}\n', encoding="utf-8")
    return path


# --- against the gold data, when it is there ----------------------------------------------


def test_dev_gold_sample_keeps_its_quality():
    from conftest import shared_file

    from toolkit.evaluation.quotes import evaluate_quotes

    gold = shared_file("eval/quotes-dev.jsonl")
    result = evaluate_quotes(gold, baseline=False, limit=40)[0]
    assert result.views["a"].overlap.f1 > 0.9
    assert result.views["a"].speaker.overlap_accuracy > 0.9
    assert result.views["a2"].overlap.f1 > 0.9
    assert result.views["a2"].speaker.overlap_accuracy > 0.88
    assert result.views["b"].overlap.f1 > 0.65


# --- invariants ---------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "''",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "-",
        "—",
        "said",
        "says",
        "he",
        "Smith",
        "the",
        "who",
        "according to",
        "that",
        "told",
        "A",
        "b",
        "Ms.",
        "(",
        ")",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_never_crashes_and_everything_slices_back(text):
    for quote in extract_quotes(text, actors=[]):
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "indirect")
        assert quote.start < quote.end
        if quote.speaker_start is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_mention
        if quote.cue_start is not None:
            assert text[quote.cue_start : quote.cue_end] == quote.cue


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_on_any_text(text):
    for quote in extract_quotes(text, actors=[]):
        assert text[quote.start : quote.end] == quote.text
