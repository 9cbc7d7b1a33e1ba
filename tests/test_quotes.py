"""Quotations end to end: the seed article, tables, the command line, the gold data and
invariants. Quote marks, speakers, reported speech and the rules have files of their own.

Every text here is written for the test; the seed article ships with the project.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.cli import main
from toolkit.quotes import Quote, extract_quotes, quote_table, quotes_to_frame, voice_share_frame

# --- the seed article ---------------------------------------------------------------------


def test_seed_direct_quotes_are_macrons(seed):
    quotes = [q for q in extract_quotes(seed, actors=[]) if q.quoted]
    assert [seed.text[start:end] for q in quotes for start, end in q.quoted] == [
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
    assert ("mixed", "Emmanuel Macron") in speakers
    for name in ("Sergey Lavrov", "Vladimir Putin", "The Times", "Reuters"):
        assert ("indirect", name) in speakers
    assert all(q.speaker == "Emmanuel Macron" for q in extract_quotes(seed) if q.quoted)


# --- tables -------------------------------------------------------------------------------


def test_quote_table_has_one_row_per_quote():
    frame = quote_table('"We are ready," Ana Ruiz said. She said talks would resume on Monday.')
    assert list(frame.columns) == [*Quote.__dataclass_fields__, "source"]
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
    assert sum(len(row["quoted"]) for row in rows) == 3  # in marks: one direct, two mixed
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
    assert results[1]["system"] == "toolkit scope=speech"
    assert results[2]["views"]["b"]["overlap"]["recall"] == 0.5  # the regex baseline
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
        assert quote.kind in ("direct", "indirect", "mixed")
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
