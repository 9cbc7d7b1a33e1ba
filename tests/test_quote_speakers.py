"""Who speaks a quotation: the speaker patterns, which mention names the speaker, what a
quotation with no cue in its sentence inherits, and speakers found without a cue.

Every text here is written for the test (invented names).
"""

from __future__ import annotations

import pytest
from quote_helpers import found, speakers

from toolkit.quotes import extract_quotes

# --- speaker patterns ---------------------------------------------------------------------


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
        # a chain of appositives: the personal name in it, not a title or a party label
        (
            '"The vote was fair," Maria Lopez, Minister of Roads, Rail and Ports, said.',
            "Maria Lopez",
        ),
        ('"The vote was fair," Keeper of the Harbour Records, Maria Lopez, said.', "Maria Lopez"),
        (
            '"The vote was fair," Rep. Maria Lopez, D-Ore., the panel chair, said.',
            "Rep. Maria Lopez",
        ),
        ('"The vote was fair," Maria Lopez, the mayor, a former judge, said.', "Maria Lopez"),
        ('"The vote was fair," Norvik Holdings, the mining firm, said.', "Norvik Holdings"),
        ('"The vote was fair." ― Maria Lopez', "Maria Lopez"),
    ],
)
def test_speaker_patterns(text, speaker):
    quotes = extract_quotes(text, actors=[])
    assert len(quotes) == 1
    assert quotes[0].speaker_mention == speaker
    q = quotes[0]
    assert text[q.speaker_start : q.speaker_end] == speaker


def test_a_sentence_subject_runs_on_through_of_between_capitals():
    text = (
        "Deputy Secretary of State Maria Lopez toured the docks and said the port would stay open."
    )
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker_mention, q.speaker) for q in quotes] == [
        ("the port would stay open", "Deputy Secretary of State Maria Lopez", "Maria Lopez")
    ]


def test_pronoun_speaker_after_a_participle():
    text = (
        "The governor declined to comment on the audit, adding that the agency "
        '"must answer for every dollar."'
    )
    assert found(text, "mixed") == [
        ('the agency "must answer for every dollar."', "The governor", "adding")
    ]
    text = 'He declined to comment on the audit, adding that the agency "must answer for it."'
    assert found(text, "mixed") == [('the agency "must answer for it."', "He", "adding")]


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
    assert speakers(text) == [("hard but fair", "The coach")]


def test_quote_after_a_colon_introduction_in_the_paragraph_before():
    text = "The ministry wrote in a statement:\n\n“The figures will be published in full.”"
    assert found(text, "direct") == [
        ("The figures will be published in full.", "The ministry", "wrote")
    ]


def test_relative_pronoun_is_the_speaker_mention():
    text = 'The plan was backed by Ana Ruiz, who said it was "long overdue."'
    quote = extract_quotes(text, actors=[])[0]
    assert (quote.kind, quote.text, quote.speaker_mention) == (
        "mixed",
        'it was "long overdue."',
        "who",
    )


# --- more speaker patterns ----------------------------------------------------------------


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
    assert speakers(text) == expected


# --- which mention names the speaker ------------------------------------------------------


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
def test_which_mention_names_the_speaker(text, expected):
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
    assert found('The plan is "dead" and buried, Ana Ruiz said.') == [
        ('The plan is "dead" and buried', "Ana Ruiz", "said")
    ]
    assert speakers('The plan is "dead" and buried, Ana Ruiz said.') == [("dead", "Ana Ruiz")]


def test_an_intention_cue_gives_the_speaker_of_a_partial_quotation():
    text = 'Ana Ruiz wants the council to "fix the roads" this year.'
    assert found(text) == [('the council to "fix the roads" this year', "Ana Ruiz", "wants")]
    assert extract_quotes(text, actors=[])[0].cue_class == "speech"  # quoted words are speech


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
            [("mixed", 'the board "wants to sell the docks" before spring', "Ruiz", "saying")],
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
            'The mayor\'s claim that the port was losing money "like a sieve" was wrong.',
            [("mixed", 'the port was losing money "like a sieve"', "The mayor's", "claim")],
        ),
    ],
)
def test_less_common_speaker_phrases_and_subjects(text, expected):
    assert [
        (q.kind, q.text, q.speaker_mention, q.cue)
        for q in extract_quotes(text, actors=[], scope="all")
    ] == expected


# --- who the speaker mention stands for (Quote.speaker) ------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A pronoun: never a name inside the quotation before it, nor a place.
        (
            'Tom Reyes praised the squad on Sunday. "Mark Olsen played the game of his life," '
            "he said.",
            "Tom Reyes",
        ),
        (
            'Tom Reyes flew to Lisbon on Monday.\n\n"Lisbon was a fine choice," he said.',
            "Tom Reyes",
        ),
        # A possessive pronoun and a document speak for the owner; "her agent" would not.
        ('Ana Ruiz resigned on Monday. "I leave with pride," her statement said.', "Ana Ruiz"),
        # The head of the phrase, not the object of a preposition after it.
        ("A spokeswoman for Ana Ruiz said the port would reopen.", None),
        ("Senator Tom Reyes of Ohio said the port would reopen.", "Tom Reyes"),
        ("A report from Harbour Analytics Ltd said rents had doubled.", "Harbour Analytics Ltd"),
        # A description: a title written before a name, an organisation noun, a person noun.
        ("Mayor Ana Ruiz opened the bridge. The mayor said it had cost too much.", "Ana Ruiz"),
        ("Vice President Tom Reyes spoke. The president said it had cost too much.", None),
        (
            "Harbour Freight Ltd cut 200 jobs on Monday. The company said demand had fallen.",
            "Harbour Freight Ltd",
        ),
        (
            'Tom Reyes scored twice on Saturday. "It was a special night," the 30-year-old said.',
            "Tom Reyes",
        ),
        # "it": an organisation that opens a sentence before it, when none spoke last;
        # never a name inside the words said.
        (
            "Harbour Freight Ltd closed the depot on Monday. Tom Reyes, a driver, was angry."
            '\n\n"Demand has fallen," it said.',
            "Harbour Freight Ltd",
        ),
        ('Tom Reyes was angry.\n\n"Orion Shipping Ltd will buy the depot," it said.', None),
        # A source the article leaves unnamed stays unnamed.
        ('Tom Reyes met the minister. "Nothing was agreed," the official said.', None),
        # "who" after the agent of a passive stands for the agent, not the sentence's subject.
        (
            "Ana Ruiz rejected remarks made by a harbour pilot who said the cranes were unsafe.",
            None,
        ),
        (
            "Ana Ruiz rejected remarks made by Tom Reyes, who said the cranes were unsafe.",
            "Tom Reyes",
        ),
        # A pronoun with its auxiliary contracted is the pronoun.
        ("Tom Reyes ran the port for a decade. He’s said the cranes were too old.", "Tom Reyes"),
        # A name that only modifies the person noun after it is not the speaker.
        (
            "Harbour Rovers coach Tom Reyes was calm. "
            '"We were beaten by a better side," the Harbour Rovers coach said.',
            "Tom Reyes",
        ),
        ('Harbour Freight Ltd cut jobs. "It is sad," a Harbour Freight Ltd driver said.', None),
    ],
)
def test_the_speaker_is_the_actor_the_mention_stands_for(text, speaker):
    (quote,) = extract_quotes(text)
    assert quote.speaker == speaker


def test_a_pronoun_is_not_someone_named_in_the_clause_it_reports():
    text = (
        "Ana Ruiz spoke first. Tom Reyes listened. "
        "And the delay was Ana Ruiz's fault, he went on, not the council's."
    )
    quotes = extract_quotes(text)
    assert [(q.speaker_mention, q.speaker) for q in quotes] == [("he", "Tom Reyes")] * len(quotes)


def test_the_source_names_an_unnamed_speaker_by_its_description():
    quotes = extract_quotes(
        '"No," said Ana Ruiz. Officials said the port would wait. "Yes," she said.'
    )
    assert [(q.speaker, q.source) for q in quotes] == [
        ("Ana Ruiz", "Ana Ruiz"),
        (None, "Officials"),
        ("Ana Ruiz", "Ana Ruiz"),
    ]
    assert extract_quotes('"Yes," he said.')[0].source is None  # a pronoun that names no one
    assert "source" in quotes[0].to_dict()


def test_an_unnamed_source_may_end_in_a_plural_object():
    # "plans" after "with the new" is a noun, not a verb: the sentence is attributed, and the
    # source keeps its whole description.
    text = "Ana Ruiz left on Monday. People familiar with the new harbour plans said it was sold."
    assert [(q.text, q.source) for q in extract_quotes(text)] == [
        ("it was sold", "People familiar with the new harbour plans")
    ]


# --- plural pronouns: "they" stands for an organisation or an unnamed group ---------------


def test_they_is_the_organisation_that_spoke_last():
    text = (
        "The Harbour Workers Union said the cranes were unsafe. "
        "They added that a strike was likely."
    )
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("the cranes were unsafe", "Harbour Workers Union"),
        ("a strike was likely", "Harbour Workers Union"),
    ]


def test_they_after_an_unnamed_group_gives_the_group_as_source():
    text = "Union officials said the talks had failed. They added that a strike was likely."
    quotes = extract_quotes(text)
    assert [(q.speaker, q.antecedent, q.source) for q in quotes] == [
        (None, None, "Union officials"),
        (None, "Union officials", "Union officials"),
    ]
    assert quotes[1].speaker_mention == "They"


def test_they_is_an_organisation_opening_the_sentence_before():
    text = "The Harbour Workers Union met on Monday. They said the yard was unsafe."
    assert [q.speaker for q in extract_quotes(text)] == ["Harbour Workers Union"]


def test_they_is_never_a_single_person():
    text = "Ana Ruiz said the yard was unsafe. They said the cranes were old."
    assert [q.source for q in extract_quotes(text)] == ["Ana Ruiz", None]


def test_they_after_a_person_speaking_last_stays_unresolved():
    # the group spoke, then a person: "they" may be either, so no guess
    text = (
        "Union officials said the talks had failed. Ana Ruiz said the yard was unsafe. "
        "They added that a strike was likely."
    )
    assert [q.source for q in extract_quotes(text)][-1] is None


def test_they_is_not_an_organisation_named_as_a_possessor():
    text = "The Harbour Board's plan was late. They said the yard was unsafe."
    assert [q.source for q in extract_quotes(text)] == [None]


def test_they_does_not_reach_past_the_paragraph_before():
    text = (
        "The Harbour Workers Union said the cranes were unsafe.\n\n"
        "The yard was quiet.\n\nThe ships left.\n\nThey said a strike was likely."
    )
    assert [q.source for q in extract_quotes(text)] == ["Harbour Workers Union", None]


def test_an_unnamed_antecedent_of_who_is_the_source():
    (quote,) = extract_quotes(
        "Ana Ruiz met ferry crews and harbour pilots who say the cranes are unsafe."
    )
    assert (quote.speaker_mention, quote.speaker, quote.source) == ("who", None, "harbour pilots")
