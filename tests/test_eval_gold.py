"""Malformed gold files: one line naming the file and the line, exit code 2, no traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from toolkit.cli import main

SENTENCES = {"text": "Rain fell. Roads closed.", "sentences": [[0, 10], [11, 24]]}
ENTITIES = {
    "text": "Mara Quist visited Lisbon.",
    "sentences": [[0, 26]],
    "entities": [{"start": 0, "end": 10, "text": "Mara Quist", "label": "PER"}],
}
QUOTES = {"id": "x", "text": '"We will win," said Mara Quist.', "quotes": []}


def _run(capsys, *argv: str) -> tuple[int, list[str]]:
    code = main(list(argv))
    return code, capsys.readouterr().err.splitlines()


def _write(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("command", "good"),
    [("sentences", SENTENCES), ("entities", ENTITIES), ("quotes", QUOTES)],
)
def test_a_json_array_line_is_an_error_naming_file_and_line(tmp_path, capsys, command, good):
    gold = _write(tmp_path / "gold.jsonl", json.dumps(good), "[1, 2, 3]")
    code, err = _run(capsys, "eval", command, str(gold))
    assert code == 2
    assert err == [f"error: {gold}:2: expected a JSON object, found an array"]


@pytest.mark.parametrize(
    ("command", "record", "missing"),
    [
        ("sentences", {"text": "Rain fell."}, "sentences"),
        ("entities", {"text": "Rain fell.", "sentences": []}, "entities"),
        ("quotes", {"id": "x", "quotes": []}, "text"),
    ],
)
def test_a_record_missing_a_key_is_an_error(tmp_path, capsys, command, record, missing):
    gold = _write(tmp_path / "gold.jsonl", json.dumps(record))
    code, err = _run(capsys, "eval", command, str(gold))
    assert code == 2
    assert len(err) == 1
    assert err[0].startswith(f"error: {gold}:1: record has no {missing!r}")


@pytest.mark.parametrize("command", ["sentences", "entities", "quotes"])
def test_an_empty_gold_file_is_an_error(tmp_path, capsys, command):
    gold = _write(tmp_path / "gold.jsonl", "", "  ")
    code, err = _run(capsys, "eval", command, str(gold))
    assert code == 2
    assert err == [f"error: {gold}: no records (the gold file is empty)"]


def test_a_malformed_item_inside_a_record_is_named(tmp_path, capsys):
    record = {**ENTITIES, "entities": [{"start": 0, "end": 10}]}
    gold = _write(tmp_path / "gold.jsonl", json.dumps(ENTITIES), json.dumps(record))
    code, err = _run(capsys, "eval", "entities", str(gold))
    assert (code, err) == (2, [f"error: {gold}:2: 'entities' item 1 lacks 'label'"])
    bad_pair = {**SENTENCES, "sentences": [[0, 10], "11-24"]}
    gold = _write(tmp_path / "gold.jsonl", json.dumps(bad_pair))
    code, err = _run(capsys, "eval", "sentences", str(gold))
    assert code == 2
    assert err == [
        f"error: {gold}:1: 'sentences' item 2 should be an array of 2 numbers, found \"11-24\""
    ]


def test_invalid_json_and_non_utf8_are_named(tmp_path, capsys):
    gold = _write(tmp_path / "gold.jsonl", json.dumps(SENTENCES), '{"text": "Rain')
    code, err = _run(capsys, "eval", "sentences", str(gold))
    assert code == 2
    assert err[0].startswith(f"error: {gold}:2: not valid JSON")
    gold.write_bytes(json.dumps(SENTENCES).encode() + b'\n{"text": "caf\xe9"}\n')
    code, err = _run(capsys, "eval", "sentences", str(gold))
    assert (code, err) == (2, [f"error: {gold}:2: not UTF-8 text"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_a_fifo_or_missing_gold_file_is_an_error_not_a_hang(tmp_path, capsys):
    os.mkfifo(tmp_path / "gold.jsonl")
    code, err = _run(capsys, "eval", "quotes", str(tmp_path / "gold.jsonl"))
    assert (code, len(err)) == (2, 1)
    assert "is a named pipe (FIFO)" in err[0]
    code, err = _run(capsys, "eval", "sentences", str(tmp_path / "none.jsonl"))
    assert (code, err) == (2, [f"error: {tmp_path / 'none.jsonl'}: file not found"])


def test_a_good_gold_file_still_scores(tmp_path, capsys):
    gold = _write(tmp_path / "gold.jsonl", json.dumps(SENTENCES))
    assert main(["eval", "sentences", str(gold), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["splitter"] == "toolkit"
    assert (rows[0]["tp"], rows[0]["fp"], rows[0]["fn"]) == (1, 0, 0)
