"""What an attribution reports (``Quote.cue_class``) and which attributions are returned
(``scope``); reported clauses holding quoted words (``kind="mixed"``); quotations never
overlapping. Every text here is written for the test, with invented names."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import analyze
from toolkit.cli import main
from toolkit.quotes import extract_quotes


def classes(text: str, scope: str = "all") -> list[tuple[str, str]]:
    return [(q.text, q.cue_class) for q in extract_quotes(text, actors=[], scope=scope)]


# --- cue classes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Ruiz said the port would reopen.", [("the port would reopen", "speech")]),
        ("According to Tom Reyes, the port is closed.", [("the port is closed", "speech")]),
        (
            "Ana Ruiz repeated her claim that the count was rigged.",
            [("the count was rigged", "speech")],
        ),
        ("Ana Ruiz believes the port will reopen.", [("the port will reopen", "cognition")]),
        (
            "Tom Reyes wants to double the size of the park.",
            [("to double the size of the park", "intention")],
        ),
        ("Most residents support the new bridge.", [("the new bridge", "stance")]),
        ("Ana Ruiz praised the harbour crews.", [("the harbour crews", "evaluation")]),
        ("A new survey shows that rents have doubled.", [("rents have doubled", "evidence")]),
        (
            "The new ferry is expected to enter service in May.",
            [("The new ferry", "hedge"), ("to enter service in May", "hedge")],
        ),
        (
            "Asked whether the port would reopen, the minister smiled.",
            [("whether the port would reopen", "question")],
        ),
        ("Ana Ruiz talked about the budget.", [("the budget", "topic")]),
        (
            "Ana Ruiz outlined her view that the port must stay public.",
            [("the port must stay public", "cognition")],
        ),
        ('"We are ready," Ana Ruiz said.', [("We are ready,", "speech")]),
    ],
)
def test_each_attribution_says_what_it_reports(text, expected):
    assert classes(text) == expected


def test_words_in_quote_marks_are_speech_whatever_their_cue():
    text = 'Ana Ruiz wants the council to "fix the roads" this year.'
    assert classes(text, "speech") == [('the council to "fix the roads" this year', "speech")]


# --- scope --------------------------------------------------------------------------------


def test_the_default_scope_keeps_what_was_said_or_written():
    text = (
        "Ana Ruiz said the port would reopen. She believes that trade will grow, and she wants "
        "to double the quay. Tom Reyes talked about the budget. The ferry is expected to sail."
    )
    assert [q.text for q in extract_quotes(text, actors=[])] == ["the port would reopen"]
    assert [q.cue_class for q in extract_quotes(text, actors=[], scope="all")] == [
        "speech",
        "cognition",
        "intention",
        "topic",
        "hedge",
        "hedge",
    ]


def test_an_unknown_scope_is_a_one_line_error():
    with pytest.raises(ValueError, match="scope must be one of 'speech', 'all', not 'said'"):
        extract_quotes("Ana Ruiz said the port would reopen.", scope="said")


def test_analyze_takes_the_scope():
    text = "Ana Ruiz said the port would reopen. She believes that trade will grow."
    assert len(analyze(text).quotes) == 1
    assert len(analyze(text, scope="all").quotes) == 2


def test_cli_quotes_scope(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(
        "Harbour news\n\nAna Ruiz said the port would reopen. She believes that trade will grow.\n",
        encoding="utf-8",
    )
    assert main(["quotes", str(path), "--csv"]) == 0
    speech = capsys.readouterr().out
    assert main(["quotes", str(path), "--csv", "--scope", "all"]) == 0
    every = capsys.readouterr().out
    assert "trade will grow" not in speech and "trade will grow" in every
    assert "cognition" in every


# --- the seed article ---------------------------------------------------------------------


def test_seed_a_topic_is_no_speech(seed):
    # "American officials spoke about the decision": what they spoke about, not what they said.
    every = [(q.text, q.cue_class) for q in extract_quotes(seed, actors=[], scope="all")]
    assert ("the decision", "topic") in every
    assert "the decision" not in [q.text for q in extract_quotes(seed, actors=[])]


def test_seed_no_words_are_counted_twice(seed):
    for scope in ("speech", "all"):
        quotes = extract_quotes(seed, actors=[], scope=scope)
        times = [q for q in quotes if q.speaker_mention == "The Times"]
        assert len(times) == 2
        for a, b in pairwise(quotes):
            assert a.end <= b.start
        # "they want to announce it ..." lies inside The Times' second clause: not a quotation
        assert not any(q.speaker_mention == "they" for q in quotes)


# --- mixed quotations ---------------------------------------------------------------------


def test_a_reported_clause_holding_quoted_words_is_one_mixed_quotation():
    text = 'Ana Ruiz said the crews were "very committed" to finishing the quay.'
    (quote,) = extract_quotes(text, actors=[])
    assert (quote.kind, quote.text, quote.speaker_mention) == (
        "mixed",
        'the crews were "very committed" to finishing the quay',
        "Ana Ruiz",
    )
    assert [text[start:end] for start, end in quote.quoted] == ["very committed"]


def test_a_quotation_that_is_the_whole_clause_stays_direct():
    (quote,) = extract_quotes('Ana Ruiz said that "the quay will be finished."', actors=[])
    assert (quote.kind, quote.text, quote.quoted) == (
        "direct",
        "the quay will be finished.",
        ((20, 46),),
    )


def test_words_before_a_quotation_and_its_attribution_are_one_clause():
    text = 'Her first year has been "hard on all of us," Ana Ruiz said as she left the hall.'
    (quote,) = extract_quotes(text, actors=[])
    assert (quote.kind, quote.text, quote.speaker_mention) == (
        "mixed",
        'Her first year has been "hard on all of us,"',
        "Ana Ruiz",
    )


def test_a_clause_ends_before_a_quotation_someone_else_says():
    text = 'After the council criticised the plan, Ruiz shot back, "The plan stays."'
    quotes = extract_quotes(text, actors=[], scope="all")
    assert [(q.kind, q.text, q.speaker_mention) for q in quotes] == [
        ("indirect", "the plan", "the council"),
        ("direct", "The plan stays.", "Ruiz"),
    ]


def test_a_clause_ends_before_a_quotation_a_colon_introduces():
    text = 'Ana Ruiz wants the council to act: "Fix the roads this year."'
    quotes = extract_quotes(text, actors=[], scope="all")
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "the council to act"),
        ("direct", "Fix the roads this year."),
    ]


def test_a_quotation_attributed_inside_a_reported_clause_is_not_mixed():
    text = '"The talks are over," Tom Reyes said, according to the Harbour Times.'
    (quote,) = extract_quotes(text, actors=[])
    assert (quote.kind, quote.text, quote.speaker_mention) == (
        "direct",
        "The talks are over,",
        "the Harbour Times",
    )


# --- no overlaps --------------------------------------------------------------------------


def test_a_view_inside_a_reported_clause_is_part_of_it():
    text = "Ana Ruiz said the board believes the port will reopen."
    assert classes(text) == [("the board believes the port will reopen", "speech")]


def test_with_scope_speech_what_was_said_inside_a_view_is_kept():
    text = "Most voters believe Ana Ruiz said the port would reopen."
    assert classes(text, "speech") == [("the port would reopen", "speech")]
    assert classes(text) == [("Ana Ruiz said the port would reopen", "cognition")]


_SPEAKERS = ["Ana Ruiz", "she", "The council", "Tom Reyes, the harbour master,", "officials"]
_CUES = ["said", "told reporters", "believes", "wants", "added that", "claimed", "talked about"]
_CLAUSES = [
    "the port would reopen",
    'the plan was "dead on arrival"',
    "to double the quay",
    '"we will not wait"',
    "the budget",
    'the crews were "very committed" to the work',
]


@st.composite
def _stories(draw) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 6))):
        speaker, cue = draw(st.sampled_from(_SPEAKERS)), draw(st.sampled_from(_CUES))
        clause = draw(st.sampled_from(_CLAUSES))
        shape = draw(st.integers(0, 3))
        if shape == 0:
            sentences.append(f"{speaker} {cue} {clause}.")
        elif shape == 1:
            sentences.append(f"{clause[0].upper()}{clause[1:]}, {speaker} {cue}.")
        elif shape == 2:
            inner = draw(st.sampled_from(_CLAUSES))
            sentences.append(f"{speaker} {cue} {draw(st.sampled_from(_SPEAKERS))} {cue} {inner}.")
        else:
            sentences.append(f'"{clause.replace(chr(34), "")}," {speaker} said.')
    joiner = draw(st.sampled_from([" ", "\n\n"]))
    return joiner.join(sentences)


@settings(max_examples=200, deadline=None)
@given(_stories(), st.sampled_from(["speech", "all"]))
def test_no_two_quotations_overlap_and_every_span_slices_back(text, scope):
    quotes = extract_quotes(text, actors=[], scope=scope)
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "indirect", "mixed")
        assert bool(quote.quoted) == (quote.kind != "indirect")
        for start, end in quote.quoted:
            assert quote.start <= start < end <= quote.end
        if scope == "speech":
            assert quote.cue_class == "speech"
    for before, after in pairwise(quotes):
        assert before.end <= after.start


# --- what a speech verb reports: a clause, or only a noun phrase ----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom Reyes denied the allegations.", [("the allegations", "topic")]),
        ("The harbour index added 1.2 per cent to 8,150.", [("1.2 per cent to 8,150", "topic")]),
        (
            "The visitors replied a minute later when Ana Ruiz scored.",
            [("a minute later when Ana Ruiz scored", "topic")],
        ),
        ("Tom Reyes denied that he had taken the money.", [("he had taken the money", "speech")]),
        (
            "Ana Ruiz told reporters the council held a vote.",
            [("the council held a vote", "speech")],
        ),
        (
            "Ana Ruiz says the council needs more money.",
            [("the council needs more money", "speech")],
        ),
        ("Ana Ruiz urged the crews to finish the quay.", [("to finish the quay", "speech")]),
        (
            "They added yet another goal when Ana Ruiz scored.",
            [("yet another goal when Ana Ruiz scored", "topic")],
        ),
        # A commitment, not words reported: a to-infinitive right after the verb.
        (
            "Tom Reyes spoke on Monday, vowing to pass a law to close the quay.",
            [("to pass a law to close the quay", "intention")],
        ),
        ("Ana Ruiz vowed to finish the quay by May.", [("to finish the quay by May", "intention")]),
        # What data and records show is evidence, not speech.
        (
            "The harbour figures suggest the port is losing trade.",
            [("the port is losing trade", "evidence")],
        ),
    ],
)
def test_what_a_speech_verb_reports_a_clause_a_topic_a_commitment_or_evidence(text, expected):
    assert classes(text) == expected


def test_the_writer_and_page_labels_are_no_speakers():
    assert extract_quotes("Morgana, we're told, is a sorceress.", actors=[], scope="all") == []
    assert (
        extract_quotes('READ MORE: Harbour board "shocked and saddened" after vote', actors=[])
        == []
    )
    (quote,) = extract_quotes('READ MORE: "Shocked and saddened" after the vote', actors=[])
    assert quote.speaker_mention is None


def test_a_quotation_opening_a_reported_clause_is_part_of_it():
    text = 'A report from Harbour Analytics Ltd predicts "evictions" will rise.'
    assert classes(text) == [('"evictions" will rise', "speech")]
    (quote,) = extract_quotes('Ana Ruiz said "Tuesday" three times.', actors=[])
    assert (quote.kind, quote.text) == ("direct", "Tuesday")
