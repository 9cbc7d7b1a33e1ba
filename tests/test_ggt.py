"""Scoring quotations against GGT-style gold (toolkit/evaluation/ggt.py), as GGT's own
evaluate_quotes.py scores: overlap thresholds 0.3 and 0.8, one to one, by kind, speakers."""

from __future__ import annotations

import json

from toolkit.cli import main
from toolkit.evaluation.ggt import (
    GGTPrediction,
    evaluate_records,
    is_ggt_gold,
    match_ggt,
    overlap_score,
    score_article,
)

TEXT = (
    '"We will rebuild the bridge by spring," said Mayor Lena Dorsey. '
    "Dorsey added that the work would start in May."
)


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def gold_quote(words: str, kind: str, speaker: str | None, reference: str) -> dict:
    start, end = span(words)
    s_start, s_end = span(speaker) if speaker else (None, None)
    return {
        "start": start,
        "end": end,
        "text": words,
        "kind": kind,
        "speaker": speaker,
        "speaker_start": s_start,
        "speaker_end": s_end,
        "reference": reference,
        "verb": "said",
    }


GOLD = [
    gold_quote('"We will rebuild the bridge by spring,"', "direct", "Lena Dorsey", "Lena Dorsey"),
    gold_quote("the work would start in May", "indirect", "Dorsey", "Lena Dorsey"),
]


def write_gold(path, records) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_overlap_is_a_share_of_the_longer_span_or_of_the_gold_span():
    assert overlap_score((0, 10), (5, 25), "longer") == 0.25
    assert overlap_score((0, 10), (5, 25), "gold") == 0.5
    assert overlap_score((0, 10), (10, 20), "gold") == 0.0


def test_a_match_needs_more_than_the_threshold():
    assert match_ggt([(0, 10)], [(7, 10)], 0.3) == []  # exactly 0.3 is not enough
    assert match_ggt([(0, 10)], [(6, 10)], 0.3) == [(0, 0)]
    assert match_ggt([(0, 10)], [(6, 10)], 0.8) == []


def test_a_long_prediction_matches_by_the_gold_span_only():
    gold, predicted = [(20, 30)], [(0, 100)]
    assert match_ggt(gold, predicted, 0.3, "longer") == []
    assert match_ggt(gold, predicted, 0.8, "gold") == [(0, 0)]


def test_matching_is_one_to_one_in_gold_order_best_overlap_first():
    # Both gold quotes overlap the long prediction; the first in order takes it.
    assert match_ggt([(0, 10), (5, 15)], [(0, 14), (12, 15)], 0.2) == [(0, 0), (1, 1)]
    assert match_ggt([(0, 10)], [(0, 4), (0, 9)], 0.3) == [(0, 1)]


def test_scores_by_kind_add_up_to_the_whole():
    predicted = [
        GGTPrediction(*span("We will rebuild the bridge by spring,"), "direct"),
        GGTPrediction(*span("Mayor Lena Dorsey"), "indirect"),  # not a quote
    ]
    scores = score_article(GOLD, predicted, 0.3)
    assert scores["direct"].prf.tp == 1
    assert (scores["indirect"].prf.fp, scores["indirect"].prf.fn) == (1, 1)
    assert scores["all"].prf == scores["direct"].prf + scores["indirect"].prf


def test_speaker_name_is_the_canonical_name_against_the_reference_folded():
    right = GGTPrediction(
        *span("the work would start in May"), "indirect", *span("Dorsey"), "LENA DÖRSEY"
    )
    wrong = GGTPrediction(
        *span("the work would start in May"), "indirect", *span("Dorsey"), "Dorsey"
    )
    assert score_article(GOLD[1:], [right], 0.8)["all"].speaker_name == 1
    assert score_article(GOLD[1:], [wrong], 0.8)["all"].speaker_name == 0


def test_speaker_mention_overlaps_or_both_quotes_name_nobody():
    floating = dict(GOLD[1], speaker=None, speaker_start=None, speaker_end=None)
    quote = span("the work would start in May")
    named = GGTPrediction(*quote, "indirect", *span("Dorsey"), "Lena Dorsey")
    nobody = GGTPrediction(*quote, "indirect")
    assert score_article(GOLD[1:], [named], 0.8)["all"].speaker_mention == 1
    assert score_article([floating], [nobody], 0.8)["all"].speaker_mention == 1
    assert score_article([floating], [named], 0.8)["all"].speaker_mention == 0


def test_evaluate_records_sums_every_threshold_and_overlap_measure():
    result = evaluate_records(
        [{"id": "ggt/a", "text": TEXT, "quotes": GOLD}], lambda text: [], "nothing"
    )
    rows = result.rows()
    assert len(rows) == 12  # 2 thresholds x 2 overlap measures x (all, direct, indirect)
    assert {(r["gold_kind"], r["gold"], r["recall"]) for r in rows} == {
        ("all", 2, 0.0),
        ("direct", 1, 0.0),
        ("indirect", 1, 0.0),
    }


def test_the_gold_format_is_read_from_the_file(tmp_path):
    ggt = write_gold(tmp_path / "ggt.jsonl", [{"id": "ggt/a", "text": TEXT, "quotes": GOLD}])
    polnear = dict(GOLD[0], inner_start=1, inner_end=10)
    other = write_gold(tmp_path / "p.jsonl", [{"id": "p/a", "text": TEXT, "quotes": [polnear]}])
    assert is_ggt_gold(ggt)
    assert not is_ggt_gold(other)
    (tmp_path / "bad.jsonl").write_text("not json\n", encoding="utf-8")
    assert not is_ggt_gold(tmp_path / "bad.jsonl")


def test_cli_eval_quotes_scores_ggt_gold(tmp_path, capsys):
    path = write_gold(tmp_path / "ggt.jsonl", [{"id": "ggt/a", "text": TEXT, "quotes": GOLD}])
    assert main(["eval", "quotes", path, "--json", "--no-baseline"]) == 0
    result, _ = json.loads(capsys.readouterr().out)  # scope "speech", then "all"
    assert result["system"] == "toolkit scope=speech"
    by_setting = {(s["threshold"], s["overlap_of"], s["gold_kind"]): s for s in result["scores"]}
    whole = by_setting[(0.3, "longer", "all")]
    assert (whole["tp"], whole["fp"], whole["fn"]) == (2, 0, 0)
    assert whole["speaker_name"] == 1.0
    assert main(["eval", "quotes", path, "--part", "0/1"]) == 0
    out = capsys.readouterr().out
    assert "overlap_of" in out and "regex quote pairs" in out
    assert main(["eval", "quotes", path, "--part", "3/2"]) == 2


def test_the_ggt_dev_file_is_scored_whole(capsys):
    from conftest import shared_file

    gold = shared_file("eval/ggt-dev.jsonl")
    assert main(["eval", "quotes", str(gold), "--json", "--no-baseline"]) == 0
    result, _ = json.loads(capsys.readouterr().out)
    whole = next(
        s
        for s in result["scores"]
        if (s["threshold"], s["overlap_of"], s["gold_kind"]) == (0.3, "longer", "all")
    )
    assert result["articles"] == 47 and whole["tp"] + whole["fn"] == 643
    assert 0 < whole["f1"] <= 1  # the figure itself moves as the extractor improves
