"""Quotations in quote marks: every kind of mark, quotations over paragraphs and without a
closing mark, and what in quote marks is no quotation (names, titles, terms, scare quotes).

Every text here is written for the test (invented names).
"""

from __future__ import annotations

import pytest
from quote_helpers import direct, found

from toolkit.quotes import extract_quotes

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
    # A reported clause holding quoted words is one quotation, the clause, of kind "mixed";
    # its quoted words are its sub-spans.
    text = "The minister said the budget was “a fair deal for working families” and walked out."
    (quote,) = extract_quotes(text, actors=[])
    assert (quote.kind, quote.text, quote.speaker_mention, quote.cue) == (
        "mixed",
        "the budget was “a fair deal for working families”",
        "The minister",
        "said",
    )
    assert [text[start:end] for start, end in quote.quoted] == ["a fair deal for working families"]


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    text = (
        'Ms Okafor said the port "will reopen next week, whatever the unions say.\n\nTrade resumed.'
    )
    quote = extract_quotes(text, actors=[])[0]
    assert (quote.kind, quote.text, quote.closed, quote.speaker_mention) == (
        "mixed",
        'the port "will reopen next week, whatever the unions say.',
        False,
        "Ms Okafor",
    )
    assert [text[start:end] for start, end in quote.quoted] == [
        "will reopen next week, whatever the unions say."
    ]


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


@pytest.mark.parametrize(
    "text",
    [
        'Talks have failed, writes "The Herald".',
        'Talks have failed, according to "The Harbour Times".',
    ],
)
def test_a_name_in_quote_marks_where_the_speaker_stands_is_no_quotation(text):
    assert direct(text) == []


def test_a_paragraph_break_inside_a_sentence_does_not_end_the_quotation():
    # Text copied from a web page may break a quotation's sentence over two paragraphs without
    # reopening the quote mark: the lowercase start and the closing mark carry it on.
    text = (
        'Tom Reyes explained the rules.\n\n"Who may join the plan is up to the board\n\n'
        'based on the advice of the doctors," said Reyes in an email.'
    )
    (quote,) = extract_quotes(text, actors=[])
    assert (quote.text, quote.speaker_mention, quote.paragraphs, quote.closed) == (
        "Who may join the plan is up to the board\n\nbased on the advice of the doctors,",
        "Reyes",
        2,
        True,
    )
