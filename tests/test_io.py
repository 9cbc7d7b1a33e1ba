from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from toolkit._io import atomic_write_text, csv_cell
from toolkit.cli import main


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-- New York Newsdesk", "'-- New York Newsdesk"),
        ("@SenSanders", "'@SenSanders"),
        ("\tTabbed", "'\tTabbed"),
        ("Plain words", "Plain words"),
        (-2.5, -2.5),
        (None, ""),
        (["Macron", "Putin"], "Macron; Putin"),
    ],
)
def test_csv_cells_never_start_a_formula(value, cell):
    assert csv_cell(value) == cell


def test_csv_cells_escape_bidirectional_controls():
    """"invoice<U+202E>txt.exe" would display as "invoiceexe.txt" in a spreadsheet."""
    assert csv_cell("invoice\u202etxt.exe") == "invoice\\u202etxt.exe"
    assert csv_cell("=\u2066x") == "'=\\u2066x"


def test_cli_csv_defuses_formulas_from_article_text(tmp_path: Path, capsys):
    article = tmp_path / "trick.txt"
    article.write_text('"=1+2+cmd|x" said Bob Smith, the council leader.\n')
    assert main(["quotes", str(article), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["text"] for row in rows] == ["'=1+2+cmd|x"]


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path: Path):
    target = tmp_path / "index.html"
    target.write_text("old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]
