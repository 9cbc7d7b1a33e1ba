"""Long articles get reports of bounded size: the highlighted text and the tables are cut, with
a note, the full tables go to ``<id>_files/``, and titles are clipped in the index, the
manifest and summary.csv. (The batch's memory on the longest accepted article is measured by
benchmarks/bench_report_long.py.)"""

from __future__ import annotations

import csv
import json
import re

import pytest
from report_samples import HARBOUR, index_links, missing_links, read, run_cli

from toolkit import display
from toolkit.analysis import analyze
from toolkit.reports import save_full_tables
from toolkit.reports._notebook import bounded_summary

# Three speakers, four actors, per paragraph; written for these tests.
PARAGRAPH = (
    '"The quay will be rebuilt by {day}," said Anna Keller, who chairs the Harbour Board. '
    'Iain Campbell met her in Port Ellen. "We are ready," he said.'
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def long_text(paragraphs: int, title: str = "Harbour works go on") -> str:
    body = "\n\n".join(PARAGRAPH.format(day=DAYS[i % 6]) for i in range(paragraphs))
    return f"{title}\n\n{body}\n"


@pytest.fixture(scope="module")
def harbour():
    return analyze(long_text(40))


# --- the pieces of the report ---------------------------------------------------------------


def test_a_text_over_the_limit_is_cut_at_a_paragraph_end_with_a_note(harbour):
    text = harbour.article.text
    markup = display.article_html(harbour, max_chars=1000)
    shown = re.findall(r"<p>(.*?)</p>", markup)
    kept = [p for p in harbour.article.paragraphs if p.end <= 1000]
    assert len(shown) == len(kept)
    assert re.sub(r"<[^>]+>|Q\d+ · [A-Z][a-z]+ [A-Z][a-z]+", "", shown[-1]).endswith("he said.")
    assert (
        f"The article is {len(text):,} characters long: only its first {kept[-1].end:,} are "
        f"shown here (paragraphs 1 to {len(kept)} of {len(harbour.article.paragraphs)})."
    ) in markup
    assert markup.count("<mark ") < 20 and markup.count("<mark ") == markup.count("</mark>")


def test_a_text_within_the_limit_is_shown_whole(harbour):
    markup = display.article_html(harbour)
    assert "tk-cut" not in markup
    assert markup.count("<p>") == len(harbour.article.paragraphs)


def test_a_table_over_the_limit_shows_its_first_rows_and_where_the_rest_is(harbour):
    quotes = len(harbour.quotes)
    table = display.quotes_table_html(harbour, max_rows=3, full_table="harbour_files/quotes.csv")
    assert table.count('<td class="tk-num">Q') == 3
    assert (
        f"Showing the first 3 of {quotes:,} quotations; all of them: "
        '<a href="harbour_files/quotes.csv">harbour_files/quotes.csv</a>.'
    ) in table
    actors = display.actors_table_html(harbour, max_rows=2)
    assert actors.count("<tr><td>") == 2
    assert f"Showing the first 2 of {len(harbour.actors)} actors; all of them: " in actors
    assert "<code>analysis.actor_frame()</code> in the report notebook" in actors
    assert "tk-cut" not in display.quotes_table_html(harbour)


def test_a_one_word_title_is_clipped_in_the_report_header():
    analysis = analyze(long_text(2, title="Harbour" * 100))
    header = display.header_html(analysis)
    title = re.search(r"<h1>(.*?)</h1>", header).group(1)
    assert len(title) == display.TITLE_LIMIT and title.endswith("…")


def test_the_summary_row_stays_small_whatever_the_notebook_publishes():
    huge = {
        "title": "Harbour" * 10_000,
        "top_actors": [f"Actor {i}" for i in range(1000)],
        **{f"field{i}": i for i in range(500)},
    }
    bounded = bounded_summary(huge)
    assert len(bounded["title"]) == display.TITLE_LIMIT
    assert len(bounded["top_actors"]) == 20 and len(bounded) == 100
    small = {"title": "Harbour reopens", "words": 31, "top_actors": ["Iain Campbell"]}
    assert bounded_summary(small) == small


def test_full_tables_are_written_only_for_an_article_too_long_to_show_whole(
    harbour, tmp_path, monkeypatch
):
    folder = tmp_path / "harbour_files"
    assert save_full_tables(harbour, folder) == {}
    assert not folder.exists()
    monkeypatch.setattr(display, "ROW_LIMIT", 2)
    links = save_full_tables(harbour, folder)
    assert links == {"quotes": "harbour_files/quotes.csv", "actors": "harbour_files/actors.csv"}
    quotes = list(csv.DictReader((folder / "quotes.csv").open(encoding="utf-8")))
    assert len(quotes) == len(harbour.quotes) and quotes[0]["speaker"] == "Anna Keller"
    actors = list(csv.DictReader((folder / "actors.csv").open(encoding="utf-8")))
    assert len(actors) == len(harbour.actors)
    assert save_full_tables(harbour, None) == {}
    monkeypatch.setattr(display, "ROW_LIMIT", 500)
    assert save_full_tables(harbour, folder) == {}  # shown whole now: the old tables go
    assert not folder.exists()


# --- a long article in a batch --------------------------------------------------------------


def test_a_long_article_gets_a_bounded_report_and_its_full_tables(tmp_path):
    """A 520,000-character article (over the 500,000 shown) with a 5,000-character title:
    the report cuts the text and the tables, the full tables sit in long_files/, the title is
    clipped everywhere; rebuilt short, the tables go."""
    paragraphs = 520_000 // len(PARAGRAPH) + 1
    article = tmp_path / "long.txt"
    article.write_text(long_text(paragraphs, title="Harbour" * 700), encoding="utf-8")
    (tmp_path / "short.txt").write_text(HARBOUR, encoding="utf-8")
    out = tmp_path / "reports"
    command = ["report", str(article), str(tmp_path / "short.txt"), "--out", str(out)]
    done = run_cli(*command, "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr
    page = read(out / "long.html")
    assert len(page) < 5_000_000
    assert "The article is " in page and "only its first " in page
    assert 'all of them: <a href="long_files/quotes.csv">long_files/quotes.csv</a>.' in page
    quotes = list(csv.DictReader((out / "long_files" / "quotes.csv").open(encoding="utf-8")))
    assert len(quotes) > display.ROW_LIMIT and len(quotes) % 2 == 0
    manifest = json.loads(read(out / "manifest.json"))["reports"]
    assert manifest["long"]["files"] == [
        "long.ipynb",
        "long.html",
        "long_files/quotes.csv",
        "long_files/actors.csv",
    ]
    clipped = ("Harbour" * 43)[: display.TITLE_LIMIT - 1] + "…"
    assert manifest["long"]["summary"]["title"] == clipped
    rows = {row["id"]: row for row in csv.DictReader((out / "summary.csv").open(encoding="utf-8"))}
    assert rows["long"]["title"] == clipped
    assert f">{clipped}</a>" in read(out / "index.html")
    assert "Harbour" * 43 not in read(out / "index.html")
    assert "long.html" in index_links(out) and missing_links(out) == []

    again = run_cli(*command, "--quiet")
    assert "2 articles: 0 built, 2 unchanged, 0 failed" in again.stderr
    article.write_text(HARBOUR, encoding="utf-8")
    shorter = run_cli(*command, "--quiet")
    assert "2 articles: 1 built, 1 unchanged, 0 failed" in shorter.stderr
    assert not (out / "long_files").exists()
    assert json.loads(read(out / "manifest.json"))["reports"]["long"]["files"] == [
        "long.ipynb",
        "long.html",
    ]
